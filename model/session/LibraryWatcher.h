// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace Lede {

class ArticleStore;

// Notices changes that other programs (`lede annotate`, `lede import`, a second window) made to
// the library: polls ArticleStore::dataVersion() on a timer (and whenever checkNow() is called,
// e.g. when the window gets the focus) and emits changedExternally() once per change seen. The
// store's own writes never trigger it. The poll reads no page of the library and opens no
// transaction, so it costs microseconds and never blocks a writer.
//
// The window connects changedExternally() to ArticleSession::reloadFromLibrary() and to a reload
// of the article list.
class LibraryWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryWatcher)

public:
    static constexpr int DefaultIntervalMs = 1000;

    // The store must outlive the watcher and belong to this thread. Polling starts at once.
    explicit LibraryWatcher(ArticleStore *store, QObject *parent = nullptr);
    ~LibraryWatcher() override;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    int interval() const { return m_timer.interval(); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

public Q_SLOTS:
    // Polls now; returns true (and emits changedExternally()) when another program changed the
    // library since the last poll. Re-reads the store's current version first when the store was
    // reopened on another file.
    bool checkNow();

Q_SIGNALS:
    void changedExternally();

private:
    ArticleStore *m_store;
    QTimer m_timer;
    qint64 m_lastVersion = -1;
    QString m_path;
};

} // namespace Lede
