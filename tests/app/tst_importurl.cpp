// SPDX-License-Identifier: GPL-3.0-or-later
// `lede import URL` and `lede analyze --json URL` as a user runs them, against a local server
// (LocalHttpServer.h) on its own thread. Nothing is fetched from the internet.
#include "LocalHttpServer.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LedeTest::LocalHttpServer;
using namespace Lede;

class TestImportUrl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsUrlsBesideFiles();
    void analyzesAUrl();

private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };
    Run cli(const QStringList &args);

    std::unique_ptr<LocalHttpServer> m_server;
    QTemporaryDir m_dir;
};

namespace {

const QByteArray pageHtml
    = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Market day</title></head>"
      "<body><article><h1>Market returns to the old square</h1>"
      "<p>The weekly market returned to the old square on Saturday after a year away, "
      "traders said.</p><p>About sixty stalls sold bread, cheese and flowers.</p>"
      "</article></body></html>";

} // namespace

void TestImportUrl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalHttpServer>(QHash<QByteArray, QByteArray> {
        { "/market", LocalHttpServer::response(200, "OK", "text/html; charset=utf-8", pageHtml) },
        { "/old-market", LocalHttpServer::redirect("/market") },
    });
    QVERIFY(m_server->port() != 0);
}

TestImportUrl::Run TestImportUrl::cli(const QStringList &args)
{
    Run run;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s })
        env.remove(name); // 127.0.0.1 directly
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return run;
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.err = QString::fromUtf8(p.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

void TestImportUrl::importsUrlsBesideFiles()
{
    const QString db = m_dir.filePath(u"lib.sqlite"_s);
    const QString file = m_dir.filePath(u"harbour.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "Harbour dredging starts\n\nDredging of the harbour starts next week and lasts a month, the port "
            "authority said.\n");
    }
    const QString page = m_server->url(u"/market"_s);
    const QString missing = m_server->url(u"/closed"_s);
    const Run first = cli({ u"import"_s, page, file, missing, u"--db"_s, db });
    QCOMPARE(first.exitCode, 1); // one input failed
    QCOMPARE(first.out,
             QStringList({ u"imported: %1 (article 1: Market returns to the old square)"_s.arg(page),
                           u"imported: %1 (article 2: Harbour dredging starts)"_s.arg(file),
                           u"2 imported, 0 already present, 1 failed"_s }));
    QCOMPARE(first.err,
             QStringList({ u"lede: error: %1: the server answered 404 Not Found"_s.arg(missing) }));
    {
        // The library keeps where each came from: the address and when it was fetched, or the file.
        ArticleStore store;
        QVERIFY(store.open(db).ok());
        const auto fetched = ArticleRepository(store).article(1);
        QVERIFY(fetched.ok());
        QCOMPARE(articleFormat(*fetched), u"html"_s);
        QCOMPARE(fetched->provenance.value(u"file"_s), page);
        QCOMPARE(fetched->provenance.value(u"fetched_from"_s), page);
        QCOMPARE(fetched->provenance.value(u"content_type"_s), u"text/html"_s);
        QVERIFY(QDateTime::fromString(fetched->provenance.value(u"fetched_at"_s), Qt::ISODate).isValid());
        QVERIFY(fetched->provenance.value(u"importer_version"_s).startsWith(u"Lede "_s));
        const auto local = ArticleRepository(store).article(2);
        QVERIFY(local.ok());
        QCOMPARE(articleFormat(*local), u"txt"_s);
        QCOMPARE(local->provenance.value(u"file"_s), file);
        QVERIFY(!local->provenance.contains(u"fetched_at"_s));
    }

    // The same page through a redirect is the same article.
    const QString moved = m_server->url(u"/old-market"_s);
    const Run second = cli({ u"import"_s, moved, u"--db"_s, db });
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out,
             QStringList({ u"already present: %1 (article 1)"_s.arg(moved),
                           u"0 imported, 1 already present, 0 failed"_s }));
}

void TestImportUrl::analyzesAUrl()
{
    const QString page = m_server->url(u"/old-market"_s);
    QProcess p;
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), { u"analyze"_s, u"--json"_s, page });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QJsonArray articles = doc.isArray() ? doc.array() : doc.object().value(u"articles"_s).toArray();
    QCOMPARE(articles.size(), 1);
    const QJsonObject article = articles.first().toObject();
    QCOMPARE(article.value(u"title"_s).toString(), u"Market returns to the old square"_s);
    QCOMPARE(article.value(u"path"_s).toString(), page);
    QCOMPARE(article.value(u"format"_s).toString(), u"html"_s);
    QVERIFY(article.value(u"url"_s).toString().startsWith(u"http://127.0.0.1"_s));
    QVERIFY(article.value(u"metadata"_s).isObject());
    QVERIFY(article.value(u"index"_s).isNull());
}

QTEST_GUILESS_MAIN(TestImportUrl)
#include "tst_importurl.moc"
