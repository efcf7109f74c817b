// SPDX-License-Identifier: GPL-3.0-or-later
// The article table as CSV: exact bytes of a row, one row per selected article, the CSV rules of the
// annotation export (quoting, formula guard, BOM), atomic files.
#include "CsvReader.h"
#include "analysis/Analyzer.h"
#include "library/ArticleCsvExport.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;
using LedeTest::parseCsv;

namespace {

qint64 addArticle(ArticleStore &store, const QString &title, const QString &body, const QString &byline)
{
    Article a;
    a.title = title;
    a.body = body;
    a.byline = byline;
    a.source = u"Test Wire"_s;
    a.published = QDate(2025, 4, 2);
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    auto id = ArticleRepository(store).addArticle(a, Analyzer::analyze(a), Analyzer::Version);
    return id ? *id : 0;
}

} // namespace

class TestArticleCsvExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowBytes();
    void oneRowPerSelectedArticle();
    void bomAndGuardOptions();
    void cancelKeepsEarlierFile();
};

void TestArticleCsvExport::rowBytes()
{
    ArticleTableRow row;
    row.id = 12;
    row.title = u"Floods, storms and \"relief\" 🌧"_s;
    row.source = u"Test Wire"_s;
    row.published = QDate(2025, 4, 2);
    row.byline = u"=Someone"_s;
    row.dateline = u"PORTVALE"_s;
    row.url = u"https://example.org/a?b=1,2"_s;
    row.words = 345;
    row.quotes = 3;
    row.entities = 17;
    row.figures = 2;
    row.annotations = 1;
    row.importedAt = QDateTime(QDate(2025, 4, 3), QTime(8, 15, 0), Qt::UTC);
    std::string buffer;
    ArticleCsvExport::appendRow(buffer, row, true);
    QCOMPARE(QByteArray::fromStdString(buffer),
             u"12,\"Floods, storms and \"\"relief\"\" 🌧\",Test Wire,2025-04-02,'=Someone,PORTVALE,,"
             u"\"https://example.org/a?b=1,2\",,345,3,17,2,1,2025-04-03T08:15:00Z\r\n"_s.toUtf8());
    ArticleTableRow empty;
    empty.id = 1;
    buffer.clear();
    ArticleCsvExport::appendRow(buffer, empty, true);
    QCOMPARE(QByteArray::fromStdString(buffer), QByteArray("1,,,,,,,,,0,0,0,0,0,\r\n"));
}

void TestArticleCsvExport::oneRowPerSelectedArticle()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    const qint64 one
        = addArticle(store, u"Harbour, counted"_s,
                     u"\"We will rebuild,\" said Mayor Ana Ruiz on Tuesday in Portvale."_s, u"A Writer"_s);
    const qint64 two
        = addArticle(store, u"Council meets"_s, u"The council met on Wednesday about the river."_s, u""_s);
    QVERIFY(one && two);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ArticleCsvExport::write(store, {}, {}, &buffer).ok());
    const auto rows = parseCsv(buffer.data());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).join(u','), QString::fromUtf8(ArticleCsvExport::headerLine()));
    QCOMPARE(rows.at(1).value(0), QString::number(one));
    QCOMPARE(rows.at(1).value(1), u"Harbour, counted"_s);
    QCOMPARE(rows.at(1).value(3), u"2025-04-02"_s);
    QCOMPARE(rows.at(1).value(4), u"A Writer"_s);
    QCOMPARE(rows.at(1).value(9), u"11"_s); // words
    const AnalysisResult analysis = AnalysisRepository(store).analysis(one).value();
    QCOMPARE(rows.at(1).value(10), QString::number(analysis.quotes.size()));
    QCOMPARE(rows.at(1).value(11), QString::number(analysis.entities.size()));
    QVERIFY(analysis.quotes.size() >= 1);
    QCOMPARE(rows.at(2).value(0), QString::number(two));

    ArticleSelection selection;
    selection.ids = { two };
    QBuffer only;
    QVERIFY(only.open(QIODevice::WriteOnly));
    QVERIFY(ArticleCsvExport::write(store, selection, {}, &only).ok());
    QCOMPARE(parseCsv(only.data()).size(), 2);
    QCOMPARE(parseCsv(only.data()).at(1).value(1), u"Council meets"_s);
}

void TestArticleCsvExport::bomAndGuardOptions()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QVERIFY(addArticle(store, u"+Plus title"_s, u"Some words for the body of this test."_s, u""_s));
    CsvOptions options;
    options.byteOrderMark = true;
    options.formulaGuard = false;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ArticleCsvExport::write(store, {}, options, &buffer).ok());
    QVERIFY(buffer.data().startsWith("\xEF\xBB\xBF"
                                     "article_id,title,"));
    QVERIFY(buffer.data().contains("\r\n1,+Plus title,"));
}

void TestArticleCsvExport::cancelKeepsEarlierFile()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QVERIFY(addArticle(store, u"T"_s, u"Some words for the body of this test."_s, u""_s));
    const QString path = dir.filePath(u"articles.csv"_s);
    QVERIFY(ArticleCsvExport::writeFile(store, {}, {}, path, false).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray first = f.readAll();
    f.close();
    QVERIFY(first.startsWith(QByteArray(ArticleCsvExport::headerLine() + "\r\n1,T,")));
    // A previous export is replaced without --force; a cancelled write leaves it whole.
    const Status cancelled
        = ArticleCsvExport::writeFile(store, {}, {}, path, false, [](qint64) { return false; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.errorString(), u"Cancelled"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), first);
    f.close();
    // Another file is not replaced unless confirmed.
    const QString other = dir.filePath(u"notes.txt"_s);
    QFile o(other);
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write("my notes");
    o.close();
    QVERIFY(!ArticleCsvExport::writeFile(store, {}, {}, other, false).ok());
    QVERIFY(ArticleCsvExport::writeFile(store, {}, {}, other, true).ok());
}

QTEST_GUILESS_MAIN(TestArticleCsvExport)
#include "tst_articlecsvexport.moc"
