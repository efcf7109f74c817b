// SPDX-License-Identifier: GPL-3.0-or-later
// The library search with filters (speaker:, person:, org:, place:, tag:) and notes, through the
// article list and the insights scope, on the invented harbour articles (InsightsFixture.h).
#include "InsightsFixture.h"
#include "insights/Insights.h"
#include "insights/SpeakerIdentities.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestLibrarySearch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void search_data();
    void search();
    void countMatchesList();
    void insightsScopeTakesFilters();

private:
    QStringList titles(const QString &search);
    QTemporaryDir m_dir;
    ArticleStore m_store;
    QList<qint64> m_ids;
};

void TestLibrarySearch::initTestCase()
{
    QVERIFY(m_store.open(m_dir.filePath(u"lib.sqlite"_s)).ok());
    for (const auto &a : LedeTest::harbourArticles())
        m_ids.append(LedeTest::store(m_store, a));
    QVERIFY(!m_ids.contains(0));
    QVERIFY(SpeakerIdentities(m_store.database()).refreshAutomatic().ok());
    // A tagged highlight with a note in "Fishers unsure", and a tag below it in "Pier plan gets a date".
    Annotation note;
    note.articleId = m_ids.at(3);
    note.span = Span { 2, 10 };
    note.note = u"Check the quay lease with the council"_s;
    note.tags = { u"Claims/Jobs"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(note).ok());
    Annotation child;
    child.articleId = m_ids.at(0);
    child.span = Span { 0, 9 };
    child.tags = { u"Claims/Jobs/Local"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(child).ok());
}

QStringList TestLibrarySearch::titles(const QString &search)
{
    ArticleQuery q;
    q.search = search;
    q.sort = ArticleQuery::Sort::Title;
    auto list = ArticleRepository(m_store).articles(q);
    if (!list)
        return { u"error: "_s + list.errorString() };
    QStringList out;
    for (const ArticleSummary &s : *list)
        out << s.title;
    return out;
}

void TestLibrarySearch::search_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("titles");
    const QString pier = u"Pier plan gets a date"_s, doubts = u"Trust doubts pier jobs"_s,
                  early = u"Early word on the pier"_s, fishers = u"Fishers unsure"_s;

    QTest::newRow("words") << u"pier"_s << QStringList { early, pier, doubts };
    QTest::newRow("speaker, any case") << u"speaker:\"rosa lind\""_s << QStringList { pier, doubts };
    QTest::newRow("speaker as first written") << u"speaker:\"Ros Lind\""_s << QStringList { early };
    QTest::newRow("speaker not quoted") << u"speaker:Northport"_s << QStringList {};
    QTest::newRow("person by surname") << u"person:Berg"_s << QStringList { fishers };
    QTest::newRow("org") << u"org:\"Coastal Trust\""_s << QStringList { pier, doubts };
    QTest::newRow("place and a word") << u"place:Northport pier"_s << QStringList { early, pier };
    QTest::newRow("a word only in a note") << u"quay lease"_s << QStringList { fishers };
    QTest::newRow("tag with the tags below it") << u"tag:claims/jobs"_s << QStringList { fishers, pier };
    QTest::newRow("tag below only") << u"tag:Claims/Jobs/Local"_s << QStringList { pier };
    QTest::newRow("unknown tag") << u"tag:Nothing"_s << QStringList {};
    QTest::newRow("LIKE characters are literal") << u"person:%"_s << QStringList {};
}

void TestLibrarySearch::search()
{
    QFETCH(QString, search);
    QFETCH(QStringList, titles);
    QStringList expected = titles;
    expected.sort(Qt::CaseInsensitive);
    QCOMPARE(this->titles(search), expected);
}

void TestLibrarySearch::countMatchesList()
{
    for (const QString &search : { u"pier"_s, u"speaker:\"Rosa Lind\" place:Northport"_s, u"tag:Claims"_s }) {
        ArticleQuery q;
        q.search = search;
        QCOMPARE(ArticleRepository(m_store).articleCount(q).value(), int(titles(search).size()));
    }
}

void TestLibrarySearch::insightsScopeTakesFilters()
{
    Insights::Scope scope;
    scope.search = u"place:Northport"_s;
    auto sources = Insights::sources(m_store.database(), scope);
    QVERIFY2(sources.ok(), qPrintable(sources.errorString()));
    QStringList speakers;
    for (const auto &row : *sources)
        speakers << row.speaker;
    // The Coastal Trust is quoted only in an article that does not name Northport.
    QVERIFY(!speakers.contains(u"Coastal Trust"_s));
    QVERIFY(speakers.contains(u"Tomas Berg"_s));
}

QTEST_GUILESS_MAIN(TestLibrarySearch)
#include "tst_librarysearch.moc"
