// SPDX-License-Identifier: GPL-3.0-or-later
// Insights across articles: sources (with speaker merges), entities, co-occurrence, figure groups
// and conflicts, the scope filters, the tables' bytes. The articles are invented (InsightsFixture.h).
#include "InsightsFixture.h"
#include "analysis/Analyzer.h"
#include "insights/Insights.h"
#include "insights/InsightsTable.h"
#include "insights/SpeakerIdentities.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;
using namespace Lede::Insights;

class TestInsights final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sourcesCountsKindsDatesOutlets();
    void oneWordNameJoinsTheOnlyFullName();
    void rolesFromAnalysedArticles();
    void userMergeSurvivesRefreshAndChains();
    void keepApartBlocksAutomaticAlias();
    void quotesOfASpeakerInDateOrderWithContext();
    void scopes_data();
    void scopes();
    void entitiesAndTypeFilter();
    void cooccurrencePairs();
    void figureGroupsAndConflicts();
    void unattributedFiguresAreNeverConflicts();
    void cancelledQueryFails();
    void largeScopeFilteredInMemory();
    void tablesAsCsvAndTsv();
    void utf16OffsetCountsSurrogates();

private:
    QString speakers(const QList<SourceRow> &rows) const;
    QTemporaryDir m_dir;
    ArticleStore *m_store = nullptr;
    QList<qint64> m_ids;
};

void TestInsights::init()
{
    m_store = new ArticleStore;
    QVERIFY(
        m_store
            ->open(m_dir.filePath(u"lib-%1-%2.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()),
                                                            QString::fromLatin1(QTest::currentDataTag()))))
            .ok());
    m_ids.clear();
    for (const auto &a : LedeTest::harbourArticles()) {
        m_ids.append(LedeTest::store(*m_store, a));
        QVERIFY(m_ids.last() > 0);
    }
    // Tags: Claims/Jobs on the second article, Claims on the fourth.
    Annotation tagged;
    tagged.articleId = m_ids[1];
    tagged.span = Span { 0, 10 };
    tagged.tags = { u"Claims/Jobs"_s };
    QVERIFY(AnnotationRepository(*m_store).addAnnotation(tagged).ok());
    tagged.articleId = m_ids[3];
    tagged.tags = { u"Claims"_s };
    QVERIFY(AnnotationRepository(*m_store).addAnnotation(tagged).ok());
}

void TestInsights::cleanup()
{
    delete m_store;
    m_store = nullptr;
}

QString TestInsights::speakers(const QList<SourceRow> &rows) const
{
    QStringList out;
    for (const SourceRow &r : rows)
        out.append(r.speaker + u':' + QString::number(r.quotes));
    return out.join(u", "_s);
}

void TestInsights::sourcesCountsKindsDatesOutlets()
{
    // No aliases yet: every name on its own.
    auto rows = sources(m_store->database(), {});
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QCOMPARE(speakers(*rows), u"Rosa Lind:2, Berg:1, Coastal Trust:1, Lind:1, Ros Lind:1, Tomas Berg:1"_s);
    const SourceRow &rosa = rows->at(0);
    QCOMPARE(rosa.kind, SpeakerKind::Person);
    QCOMPARE(rosa.articles, 2);
    QCOMPARE(rosa.firstPublished, QDate(2024, 3, 1));
    QCOMPARE(rosa.lastPublished, QDate(2024, 3, 5));
    QCOMPARE(rosa.outlets, (QStringList { u"Coast Post"_s, u"Harbour Times"_s }));
    QCOMPARE(rows->at(2).kind, SpeakerKind::Organisation); // Coastal Trust: an ORG entity
    QCOMPARE(rows->at(3).kind, SpeakerKind::Other); // Lind: no entity with that canonical name
    QCOMPARE(rows->at(4).kind, SpeakerKind::Other); // Ros Lind: the entity's canonical is Rosa Lind
    const SourceRow &tomas = rows->at(5);
    QCOMPARE(tomas.kind, SpeakerKind::Person);
    QVERIFY(!tomas.firstPublished.isValid());
    QVERIFY(tomas.outlets.isEmpty());
}

void TestInsights::oneWordNameJoinsTheOnlyFullName()
{
    SpeakerIdentities ids(m_store->database());
    auto written = ids.refreshAutomatic();
    QVERIFY2(written.ok(), qPrintable(written.errorString()));
    // "Berg" -> "Tomas Berg"; "Lind" stays apart: both "Rosa Lind" and "Ros Lind" end with it.
    QCOMPARE(*written, 1);
    QCOMPARE(*ids.identityOf(u"Berg"_s), u"Tomas Berg"_s);
    QCOMPARE(*ids.identityOf(u"Lind"_s), u"Lind"_s);
    auto rows = sources(m_store->database(), {});
    QVERIFY(rows.ok());
    QCOMPARE(speakers(*rows), u"Rosa Lind:2, Tomas Berg:2, Coastal Trust:1, Lind:1, Ros Lind:1"_s);
    QCOMPARE(rows->at(1).names, (QStringList { u"Berg"_s, u"Tomas Berg"_s }));
    QCOMPARE(rows->at(1).articles, 1);
}

void TestInsights::rolesFromAnalysedArticles()
{
    // End to end: the analyzer finds the roles, the store keeps them, sources() ranks them by the
    // number of articles that give them, and a merge counts the roles of both names.
    ArticleStore store;
    QVERIFY(store.open(m_dir.filePath(u"roles.sqlite"_s)).ok());
    const QStringList bodies {
        u"Port Minister Ingrid Solberg toured the quay. “We reopen in June,” Solberg said."_s,
        u"“The steel is here,” said Ingrid Solberg, the port minister, on Friday. But senior analyst Per "
        u"Dahl was not convinced. “June is late,” Dahl said."_s,
        u"“We will not wait,” said Solberg, the party's deputy leader."_s,
    };
    QList<qint64> ids;
    for (const QString &body : bodies) {
        Article a;
        a.title = u"Quay story %1"_s.arg(ids.size() + 1);
        a.body = body;
        a.contentHash = QString::number(qHash(body));
        auto id = ArticleRepository(store).addArticle(a, Analyzer::analyze(a), Analyzer::Version);
        QVERIFY2(id.ok(), qPrintable(id.errorString()));
        ids.append(*id);
    }
    auto stored = AnalysisRepository(store).analysis(ids[1]);
    QVERIFY(stored.ok());
    QCOMPARE(stored->speakerRoles.size(), 2);

    QVERIFY(SpeakerIdentities(store.database()).merge(u"Solberg"_s, u"Ingrid Solberg"_s).ok());
    auto rows = sources(store.database(), {});
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QCOMPARE(speakers(*rows), u"Ingrid Solberg:3, Per Dahl:1"_s);
    QCOMPARE(rows->at(0).roles, (QStringList { u"port minister"_s, u"deputy leader"_s }));
    QCOMPARE(rows->at(1).roles, QStringList { u"senior analyst"_s });
    QCOMPARE(cellsWithRoles(rows->at(1)).last(), u"senior analyst"_s);
    QCOMPARE(sourcesWithRolesShape().columns.last(), u"roles"_s);

    // The scope applies to the roles too.
    Scope first;
    first.articleIds = QList<qint64> { ids[0] };
    rows = sources(store.database(), first);
    QVERIFY(rows.ok());
    QCOMPARE(rows->at(0).roles, QStringList { u"port minister"_s });

    // Deleting an article takes its roles with it.
    QVERIFY(ArticleRepository(store).removeArticle(ids[2]).ok());
    rows = sources(store.database(), {});
    QVERIFY(rows.ok());
    QCOMPARE(rows->at(0).roles, QStringList { u"port minister"_s });
}

void TestInsights::userMergeSurvivesRefreshAndChains()
{
    SpeakerIdentities ids(m_store->database());
    QVERIFY(ids.merge(u"Ros Lind"_s, u"Rosa Lind"_s).ok());
    QVERIFY(!ids.merge(u"Rosa Lind"_s, u"Rosa Lind"_s).ok());
    // With "Ros Lind" merged, "Rosa Lind" is the only full name ending in "Lind".
    QCOMPARE(*ids.refreshAutomatic(), 2);
    auto rows = sources(m_store->database(), {});
    QVERIFY(rows.ok());
    QCOMPARE(speakers(*rows), u"Rosa Lind:4, Tomas Berg:2, Coastal Trust:1"_s);
    const SourceRow &rosa = rows->at(0);
    QCOMPARE(rosa.articles, 3);
    QCOMPARE(rosa.firstPublished, QDate(2024, 2, 20));
    QCOMPARE(rosa.names, (QStringList { u"Lind"_s, u"Ros Lind"_s, u"Rosa Lind"_s }));
    QCOMPARE(rosa.kind, SpeakerKind::Person);

    // Merging the identity into another name carries its aliases along (identities stay flat).
    QVERIFY(ids.merge(u"Rosa Lind"_s, u"R. Lind"_s).ok());
    QCOMPARE(*ids.identityOf(u"Ros Lind"_s), u"R. Lind"_s);
    QCOMPARE(*ids.identityOf(u"Rosa Lind"_s), u"R. Lind"_s);
    // Merging back makes "Rosa Lind" the identity again, not a cycle.
    QVERIFY(ids.merge(u"R. Lind"_s, u"Rosa Lind"_s).ok());
    QCOMPARE(*ids.identityOf(u"Rosa Lind"_s), u"Rosa Lind"_s);
    QCOMPARE(*ids.identityOf(u"Ros Lind"_s), u"Rosa Lind"_s);
    QCOMPARE(*ids.identityOf(u"R. Lind"_s), u"Rosa Lind"_s);

    // The user's rows survive a refresh of the automatic ones.
    QVERIFY(ids.refreshAutomatic().ok());
    auto all = ids.aliases();
    QVERIFY(all.ok());
    QStringList described;
    for (const SpeakerAlias &a : *all)
        described.append(a.alias + u"->"_s + a.identity
                         + (a.origin == SpeakerAlias::Origin::User ? u"(user)"_s : u""_s));
    QCOMPARE(described.join(u", "_s),
             u"Lind->Rosa Lind, R. Lind->Rosa Lind(user), Ros Lind->Rosa Lind(user), Berg->Tomas Berg"_s);
}

void TestInsights::keepApartBlocksAutomaticAlias()
{
    SpeakerIdentities ids(m_store->database());
    QVERIFY(ids.keepApart(u"Berg"_s).ok());
    QCOMPARE(*ids.refreshAutomatic(), 0);
    QCOMPARE(*ids.identityOf(u"Berg"_s), u"Berg"_s);
    auto rows = sources(m_store->database(), {});
    QVERIFY(rows.ok());
    QVERIFY(speakers(*rows).contains(u"Berg:1"_s));
    QVERIFY(ids.forget(u"Berg"_s).ok());
    QCOMPARE(*ids.refreshAutomatic(), 1);
    QCOMPARE(*ids.identityOf(u"Berg"_s), u"Tomas Berg"_s);
}

void TestInsights::quotesOfASpeakerInDateOrderWithContext()
{
    SpeakerIdentities ids(m_store->database());
    QVERIFY(ids.merge(u"Ros Lind"_s, u"Rosa Lind"_s).ok());
    auto quotes = quotesBy(m_store->database(), u"Rosa Lind"_s, {}, 12);
    QVERIFY2(quotes.ok(), qPrintable(quotes.errorString()));
    QCOMPARE(quotes->size(), 3);
    QCOMPARE(quotes->at(0).text, u"\u201CA pier is coming,\u201D"_s); // 2024-02-20 first
    QCOMPARE(quotes->at(0).before, QString()); // at the start of the body
    QCOMPARE(quotes->at(0).after, u" Ros Lind to"_s);
    QCOMPARE(quotes->at(1).text, u"\u201CWe have the money,\u201D"_s);
    QCOMPARE(quotes->at(1).before, u"in May,\u201D Lind said. "_s.right(12));
    QCOMPARE(quotes->at(1).source, u"Harbour Times"_s);
    QCOMPARE(quotes->at(2).text, u"\u201CIt is 55 now,\u201D"_s);
    QCOMPARE(quotes->at(2).articleId, m_ids[1]);
    // Scoped to one article.
    Scope one;
    one.articleIds = QList<qint64> { m_ids[2] };
    QCOMPARE(quotesBy(m_store->database(), u"Rosa Lind"_s, one)->size(), 1);
}

void TestInsights::scopes_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QList<int>>("articles"); // indexes into the fixture; empty: no id filter
    QTest::addColumn<QString>("expected");

    QTest::newRow("library") << QString() << QString() << QList<int>()
                             << u"Rosa Lind:2, Berg:1, Coastal Trust:1, Lind:1, Ros Lind:1, Tomas Berg:1"_s;
    QTest::newRow("search-one-word") << u"money"_s << QString() << QList<int>() << u"Lind:1, Rosa Lind:1"_s;
    QTest::newRow("search-prefix-two-words")
        << u"north fish"_s << QString() << QList<int>() << u"Berg:1, Tomas Berg:1"_s;
    QTest::newRow("search-syntax-is-text") << u"\"pier AND"_s << QString() << QList<int>() << QString();
    QTest::newRow("tag-with-descendants") << QString() << u"Claims"_s << QList<int>()
                                          << u"Berg:1, Coastal Trust:1, Rosa Lind:1, Tomas Berg:1"_s;
    QTest::newRow("tag-child") << QString() << u"Claims/Jobs"_s << QList<int>()
                               << u"Coastal Trust:1, Rosa Lind:1"_s;
    QTest::newRow("article-ids") << QString() << QString() << QList<int> { 2 } << u"Ros Lind:1"_s;
    QTest::newRow("search-and-tag") << u"Northport"_s << u"Claims"_s << QList<int>()
                                    << u"Berg:1, Tomas Berg:1"_s;
    QTest::newRow("search-and-ids") << u"pier"_s << QString() << QList<int> { 0, 3 }
                                    << u"Lind:1, Rosa Lind:1"_s;
}

void TestInsights::scopes()
{
    QFETCH(QString, search);
    QFETCH(QString, tag);
    QFETCH(QList<int>, articles);
    QFETCH(QString, expected);
    Scope scope;
    scope.search = search;
    if (!tag.isEmpty()) {
        auto id = tagIdForPath(m_store->database(), tag);
        QVERIFY(id.ok() && *id > 0);
        scope.tagId = *id;
    }
    if (!articles.isEmpty()) {
        QList<qint64> ids;
        for (int i : articles)
            ids.append(m_ids[i]);
        scope.articleIds = ids;
    }
    auto rows = sources(m_store->database(), scope);
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QCOMPARE(speakers(*rows), expected);
}

void TestInsights::entitiesAndTypeFilter()
{
    auto rows = entities(m_store->database(), {});
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QStringList got;
    for (const EntityRow &e : *rows)
        got.append(u"%1/%2/%3/%4"_s.arg(e.canonical, e.type).arg(e.mentions).arg(e.articles));
    QCOMPARE(got,
             (QStringList { u"Northport/LOC/3/3"_s, u"Rosa Lind/PERSON/3/3"_s, u"Coastal Trust/ORG/2/2"_s,
                            u"Tomas Berg/PERSON/1/1"_s }));
    auto people = entities(m_store->database(), {}, u"PERSON"_s);
    QVERIFY(people.ok());
    QCOMPARE(people->size(), 2);
    QCOMPARE(people->at(0).canonical, u"Rosa Lind"_s);
    Scope search;
    search.search = u"fish"_s;
    auto scoped = entities(m_store->database(), search);
    QVERIFY(scoped.ok());
    QCOMPARE(scoped->size(), 2); // Tomas Berg and Northport in the fourth article
    QCOMPARE(scoped->at(0).mentions, 1);

    auto naming = articlesNaming(m_store->database(), u"Northport"_s, u"LOC"_s, {});
    QVERIFY(naming.ok());
    QCOMPARE(naming->size(), 3);
    QCOMPARE(naming->at(0).articleId, m_ids[0]); // newest dated first, undated last
    QCOMPARE(naming->at(1).articleId, m_ids[2]);
    QCOMPARE(naming->at(2).articleId, m_ids[3]);
}

void TestInsights::cooccurrencePairs()
{
    auto pairs = cooccurrence(m_store->database(), {}, 200);
    QVERIFY2(pairs.ok(), qPrintable(pairs.errorString()));
    QStringList got;
    for (const CooccurrenceRow &p : *pairs)
        got.append(u"%1+%2=%3"_s.arg(p.first.canonical, p.second.canonical).arg(p.articles));
    QCOMPARE(got,
             (QStringList { u"Northport+Rosa Lind=2"_s, u"Rosa Lind+Coastal Trust=2"_s,
                            u"Northport+Coastal Trust=1"_s, u"Northport+Tomas Berg=1"_s }));
    // Only the top two entities: one pair.
    auto top2 = cooccurrence(m_store->database(), {}, 2);
    QVERIFY(top2.ok());
    QCOMPARE(top2->size(), 1);
    QCOMPARE(top2->at(0).first.articles, 3);
    auto people = cooccurrence(m_store->database(), {}, 200, u"PERSON"_s);
    QVERIFY(people.ok());
    QVERIFY(people->isEmpty()); // Rosa Lind and Tomas Berg never meet
}

void TestInsights::figureGroupsAndConflicts()
{
    auto conflicts = figures(m_store->database(), {}, true);
    QVERIFY2(conflicts.ok(), qPrintable(conflicts.errorString()));
    // "the Harbour Board", "Harbour Board" and "harbour board’s" state one group, "jobs" and "Jobs"
    // count the same thing; rows in date order.
    QCOMPARE(conflicts->size(), 3);
    QCOMPARE(conflicts->at(0).articleId, m_ids[2]);
    QCOMPARE(conflicts->at(0).published, QDate(2024, 2, 20));
    QCOMPARE(conflicts->at(1).articleId, m_ids[0]);
    QCOMPARE(conflicts->at(2).articleId, m_ids[1]);
    QCOMPARE(conflicts->at(2).value, 55.0);
    for (const FigureRow &r : *conflicts) {
        QCOMPARE(r.conflictGroup, 1);
        QCOMPARE(r.unitKey, u"jobs"_s);
        QCOMPARE(r.attributionKey, u"harbour board"_s);
    }
    auto groups = figureGroups(m_store->database(), {}, false);
    QVERIFY(groups.ok());
    QCOMPARE(groups->size(), 2);
    QCOMPARE(groups->at(1).conflictGroup, 1);
    QCOMPARE(groups->at(1).figures, 3);
    QCOMPARE(groups->at(1).values, 2);
    QCOMPARE(groups->at(1).articles, 3);
    QCOMPARE(groups->at(1).minValue, 40.0);
    QCOMPARE(groups->at(1).maxValue, 55.0);
    // One article alone has no conflict.
    Scope one;
    one.articleIds = QList<qint64> { m_ids[0], m_ids[2] };
    QVERIFY(figures(m_store->database(), one, true)->isEmpty());
}

void TestInsights::unattributedFiguresAreNeverConflicts()
{
    auto all = figures(m_store->database(), {}, false);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 5);
    QCOMPARE(all->at(0).unit, u"%"_s);
    QCOMPARE(all->at(0).conflictGroup, 0); // 12 and 20, unattributed: listed, not flagged
    QCOMPARE(all->at(1).conflictGroup, 0);
    QCOMPARE(all->at(2).conflictGroup, 1);
    QCOMPARE(figureGroups(m_store->database(), {}, true)->size(), 1);
}

void TestInsights::cancelledQueryFails()
{
    CancelFlag cancel { true };
    auto rows = sources(m_store->database(), {}, &cancel);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.errorString(), cancelledMessage());
    QVERIFY(!figures(m_store->database(), {}, false, &cancel).ok());
    QVERIFY(!cooccurrence(m_store->database(), {}, 200, {}, &cancel).ok());
    // The connection works again afterwards.
    QVERIFY(sources(m_store->database(), {}).ok());
}

void TestInsights::largeScopeFilteredInMemory()
{
    // Over 5,000 matching articles, sources() filters the quotes in memory instead of in SQL: the
    // counts must be the same as for a small scope.
    QVERIFY(m_store->beginBulk().ok());
    for (int i = 0; i < 7000; ++i) {
        const bool alpha = i % 4 != 0; // 5,250 articles say "alpha"
        LedeTest::FixtureArticle a { u"Note %1"_s.arg(i),
                                     i % 2 ? u"Wire A"_s : u"Wire B"_s,
                                     QDate(2023, 1, 1).addDays(i % 300),
                                     u"\u201CWe counted %1,\u201D said Mara Holt. %2"_s.arg(i).arg(
                                         alpha ? u"alpha"_s : u"beta"_s),
                                     { { u"\u201CWe counted %1,\u201D"_s.arg(i), u"Mara Holt"_s } },
                                     {},
                                     {} };
        QVERIFY(LedeTest::store(*m_store, a) > 0);
    }
    QVERIFY(m_store->commitBulk().ok());
    Scope alpha;
    alpha.search = u"alpha"_s;
    auto rows = sources(m_store->database(), alpha);
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QCOMPARE(speakers(*rows), u"Mara Holt:5250"_s);
    QCOMPARE(rows->at(0).articles, 5250);
    QCOMPARE(rows->at(0).outlets, (QStringList { u"Wire A"_s, u"Wire B"_s }));
    QCOMPARE(rows->at(0).firstPublished, QDate(2023, 1, 2)); // i = 1: the first "alpha"
    // The same rows through a small scope (SQL filter) agree.
    Scope beta;
    beta.search = u"beta"_s;
    auto betaRows = sources(m_store->database(), beta);
    QVERIFY(betaRows.ok());
    QCOMPARE(speakers(*betaRows), u"Mara Holt:1750"_s);
}

void TestInsights::tablesAsCsvAndTsv()
{
    SpeakerIdentities ids(m_store->database());
    QVERIFY(ids.merge(u"Berg"_s, u"=Berg, \"the fisher\""_s).ok());
    Scope fourth;
    fourth.articleIds = QList<qint64> { m_ids[3] };
    auto rows = sources(m_store->database(), fourth);
    QVERIFY(rows.ok());
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    TableWriter writer(&csv, sourcesShape(), TableWriter::Format::Csv);
    writer.writeHeader();
    for (const SourceRow &r : *rows)
        writer.writeRow(cells(r));
    QVERIFY(writer.flush());
    QCOMPARE(csv.data(),
             QByteArray("speaker,kind,quotes,articles,first_published,last_published,outlets\r\n"
                        "\"'=Berg, \"\"the fisher\"\"\",other,1,1,,,\r\n"
                        "Tomas Berg,person,1,1,,,\r\n"));

    auto figs = figures(m_store->database(), {}, true);
    QVERIFY(figs.ok());
    QBuffer tsv;
    QVERIFY(tsv.open(QIODevice::WriteOnly));
    TableWriter t(&tsv, figuresShape(), TableWriter::Format::Tsv);
    t.writeHeader();
    t.writeRow(cells(figs->at(0)));
    QVERIFY(t.flush());
    QCOMPARE(
        QString::fromUtf8(tsv.data()),
        u"conflict_group\tarticle_id\tpublished\tsource\tvalue\tunit\tqualifier\tattributed_to\ttext\n"
        u"1\t%1\t2024-02-20\tHarbour Times\t40\tjobs\t\tharbour board\u2019s\t40 jobs\n"_s.arg(m_ids[2]));

    const QString path = m_dir.filePath(u"entities.csv"_s);
    auto ents = entities(m_store->database(), {}, u"ORG"_s);
    QVERIFY(ents.ok());
    QVERIFY(writeCsvFile(path, entitiesShape(), {}, [&](TableWriter &w) {
                for (const EntityRow &e : *ents)
                    w.writeRow(cells(e));
            }).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("canonical,type,mentions,articles\r\nCoastal Trust,ORG,2,2\r\n"));
}

void TestInsights::utf16OffsetCountsSurrogates()
{
    // The fourth article starts with a fish emoji (two UTF-16 units, one code point).
    auto quotes = quotesBy(m_store->database(), u"Tomas Berg"_s, {});
    QVERIFY(quotes.ok());
    QCOMPARE(quotes->size(), 1);
    QCOMPARE(quotes->at(0).start, 2); // code points: emoji, space
    auto utf16 = utf16Offset(m_store->database(), m_ids[3], quotes->at(0).start);
    QVERIFY(utf16.ok());
    QCOMPARE(*utf16, 3);
    QCOMPARE(*utf16Offset(m_store->database(), 999999, 0), -1);
}

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
