// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny HTTP/1.1 server on 127.0.0.1 for the URL import tests, on its own thread so that a test
// may block (a child process, a worker thread) while it answers. Each path maps to a whole raw
// response, written as given and followed by closing the connection; the response "HANG" never
// answers. Unknown paths get 404; setRoute() changes a route while it runs. Every requested path is recorded.
// Never touches the internet.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <memory>

namespace LedeTest {

class LocalHttpServer
{
public:
    static QByteArray response(int status, const QByteArray &reason, const QByteArray &contentType,
                               const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        if (!contentType.isEmpty())
            r += "Content-Type: " + contentType + "\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
            + "Connection: close\r\n\r\n" + body;
        return r;
    }
    static QByteArray redirect(const QByteArray &location)
    {
        return response(302, "Found", "text/plain", "moved", "Location: " + location + "\r\n");
    }

    explicit LocalHttpServer(QHash<QByteArray, QByteArray> routes)
        : m_routes(std::move(routes))
        , m_server(new QTcpServer)
    {
        QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        });
        m_server->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_server,
            [this] {
                if (m_server->listen(QHostAddress::LocalHost, 0))
                    m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~LocalHttpServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    LocalHttpServer(const LocalHttpServer &) = delete;
    LocalHttpServer &operator=(const LocalHttpServer &) = delete;

    quint16 port() const { return m_port; }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    // Serves `answer` at `path` from now on (a feed that gains an item, a page that appears).
    void setRoute(const QByteArray &path, const QByteArray &answer)
    {
        QMutexLocker lock(&m_mutex);
        m_routes.insert(path, answer);
    }
    QList<QByteArray> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (!buffer->contains("\r\n\r\n"))
                return;
            const QByteArray path = buffer->left(buffer->indexOf("\r\n")).split(' ').value(1);
            buffer->clear();
            QByteArray answer;
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(path);
                answer = m_routes.value(path, response(404, "Not Found", "text/plain", "no such page"));
            }
            if (answer == "HANG")
                return;
            socket->write(answer);
            socket->disconnectFromHost();
        });
    }

    QHash<QByteArray, QByteArray> m_routes; // guarded by m_mutex
    QTcpServer *m_server;
    QThread m_thread;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<QByteArray> m_requests;
};

} // namespace LedeTest
