// SPDX-License-Identifier: GPL-3.0-or-later
// `lede sources`, `lede figures`, `lede entities` run as a user would, on a library of invented
// articles (InsightsFixture.h).
#include "CsvReader.h"
#include "InsightsFixture.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleStore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run lede(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

QList<QByteArray> lines(const QByteArray &out)
{
    QList<QByteArray> l = out.split('\n');
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace

class TestInsightsCommands final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sourcesTabSeparated();
    void sourcesCsvWithTag();
    void sourcesMergeAndKeepApart();
    void figuresConflicts();
    void figuresAllMarksConflictGroups();
    void entitiesByType();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QList<qint64> m_ids;
};

void TestInsightsCommands::initTestCase()
{
    m_db = m_dir.filePath(u"lib.sqlite"_s);
    Lede::ArticleStore store;
    QVERIFY(store.open(m_db).ok());
    for (const auto &a : LedeTest::harbourArticles())
        m_ids.append(LedeTest::store(store, a));
    Lede::Annotation tagged;
    tagged.articleId = m_ids[1];
    tagged.span = Lede::Span { 0, 10 };
    tagged.tags = { u"Claims/Jobs"_s };
    QVERIFY(Lede::AnnotationRepository(store).addAnnotation(tagged).ok());
}

void TestInsightsCommands::sourcesTabSeparated()
{
    const Run r = lede({ u"sources"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    // "Berg" joins "Tomas Berg"; "Lind" stays apart ("Rosa Lind" and "Ros Lind" both end with it).
    QCOMPARE(lines(r.out),
             (QList<QByteArray> {
                 "speaker\tkind\tquotes\tarticles\tfirst_published\tlast_published\toutlets",
                 "Rosa Lind\tperson\t2\t2\t2024-03-01\t2024-03-05\tCoast Post; Harbour Times",
                 "Tomas Berg\tperson\t2\t1\t\t\t",
                 "Coastal Trust\torganisation\t1\t1\t2024-03-05\t2024-03-05\tCoast Post",
                 "Lind\tother\t1\t1\t2024-03-01\t2024-03-01\tHarbour Times",
                 "Ros Lind\tother\t1\t1\t2024-02-20\t2024-02-20\tHarbour Times",
             }));
}

void TestInsightsCommands::sourcesCsvWithTag()
{
    const Run r = lede({ u"sources"_s, u"--db"_s, m_db, u"--tag"_s, u"Claims"_s, u"--csv"_s });
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out,
             QByteArray("speaker,kind,quotes,articles,first_published,last_published,outlets\r\n"
                        "Coastal Trust,organisation,1,1,2024-03-05,2024-03-05,Coast Post\r\n"
                        "Rosa Lind,person,1,1,2024-03-05,2024-03-05,Coast Post\r\n"));
}

void TestInsightsCommands::sourcesMergeAndKeepApart()
{
    const QString db = m_dir.filePath(u"merge.sqlite"_s);
    QVERIFY(QFile::copy(m_db, db));
    Run r = lede({ u"sources"_s, u"--db"_s, db, u"--merge"_s, u"Ros Lind"_s, u"--into"_s, u"Rosa Lind"_s });
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.contains("merged: Ros Lind is counted as Rosa Lind"));
    // With one full name left that ends with it, "Lind" joins Rosa Lind too.
    QCOMPARE(lines(r.out).value(1),
             QByteArray("Rosa Lind\tperson\t4\t3\t2024-02-20\t2024-03-05\tCoast Post; Harbour Times"));
    QCOMPARE(lines(r.out).size(), 4);
    // The decision stays in the library.
    r = lede({ u"sources"_s, u"--db"_s, db });
    QCOMPARE(lines(r.out).size(), 4);
    r = lede({ u"sources"_s, u"--db"_s, db, u"--keep-apart"_s, u"Ros Lind"_s });
    QCOMPARE(r.code, 0);
    QCOMPARE(lines(r.out).size(), 6);
    // --merge without --into is a usage error that changes nothing.
    r = lede({ u"sources"_s, u"--db"_s, db, u"--merge"_s, u"Lind"_s });
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
}

void TestInsightsCommands::figuresConflicts()
{
    const Run r = lede({ u"figures"_s, u"--db"_s, m_db, u"--conflicts"_s, u"--csv"_s });
    QCOMPARE(r.code, 0);
    const auto rows = LedeTest::parseCsv(r.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0].join(u','),
             u"conflict_group,article_id,published,source,value,unit,qualifier,attributed_to,text"_s);
    QCOMPARE(rows[1],
             (QStringList { u"1"_s, QString::number(m_ids[2]), u"2024-02-20"_s, u"Harbour Times"_s, u"40"_s,
                            u"jobs"_s, QString(), u"harbour board\u2019s"_s, u"40 jobs"_s }));
    QCOMPARE(
        rows[2].mid(0, 5),
        (QStringList { u"1"_s, QString::number(m_ids[0]), u"2024-03-01"_s, u"Harbour Times"_s, u"40"_s }));
    QCOMPARE(rows[3].mid(0, 5),
             (QStringList { u"1"_s, QString::number(m_ids[1]), u"2024-03-05"_s, u"Coast Post"_s, u"55"_s }));
}

void TestInsightsCommands::figuresAllMarksConflictGroups()
{
    const Run r = lede({ u"figures"_s, u"--db"_s, m_db, u"--search"_s, u"hires"_s });
    QCOMPARE(r.code, 0);
    // The two articles that mention hires: the unattributed share differs (12, 20) but is no
    // conflict; the board's 40 and 55 are one.
    QCOMPARE(lines(r.out),
             (QList<QByteArray> {
                 "conflict_group\tarticle_id\tpublished\tsource\tvalue\tunit\tqualifier\tattributed_to\ttext",
                 "\t" + QByteArray::number(m_ids[0]) + "\t2024-03-01\tHarbour Times\t12\t%\tabout\t\t12%",
                 "\t" + QByteArray::number(m_ids[1]) + "\t2024-03-05\tCoast Post\t20\t%\tsome\t\t20%",
                 "1\t" + QByteArray::number(m_ids[0])
                     + "\t2024-03-01\tHarbour Times\t40\tjobs\t\tthe Harbour Board\t40 jobs",
                 "1\t" + QByteArray::number(m_ids[1])
                     + "\t2024-03-05\tCoast Post\t55\tJobs\t\tHarbour Board\t55 jobs",
             }));
}

void TestInsightsCommands::entitiesByType()
{
    Run r = lede({ u"entities"_s, u"--db"_s, m_db, u"--type"_s, u"person"_s });
    QCOMPARE(r.code, 0);
    QCOMPARE(lines(r.out),
             (QList<QByteArray> { "canonical\ttype\tmentions\tarticles", "Rosa Lind\tPERSON\t3\t3",
                                  "Tomas Berg\tPERSON\t1\t1" }));
    r = lede({ u"entities"_s, u"--db"_s, m_db, u"--search"_s, u"trust"_s, u"--csv"_s });
    QCOMPARE(r.code, 0);
    QCOMPARE(
        r.out,
        QByteArray("canonical,type,mentions,articles\r\nCoastal Trust,ORG,2,2\r\nRosa Lind,PERSON,2,2\r\n"
                   "Northport,LOC,1,1\r\n"));
}

void TestInsightsCommands::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown-tag") << QStringList { u"sources"_s, u"--tag"_s, u"Nope"_s } << 1
                                 << u"no tag \"Nope\""_s;
    QTest::newRow("unknown-type") << QStringList { u"entities"_s, u"--type"_s, u"PLANET"_s } << 2
                                  << u"PLANET"_s;
    QTest::newRow("stray-argument") << QStringList { u"figures"_s, u"extra"_s } << 2 << u"extra"_s;
}

void TestInsightsCommands::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Run r = lede(args + QStringList { u"--db"_s, m_db });
    QCOMPARE(r.code, code);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestInsightsCommands)
#include "tst_insightscommands.moc"
