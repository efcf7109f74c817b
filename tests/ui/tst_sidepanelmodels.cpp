// SPDX-License-Identifier: GPL-3.0-or-later
// The side panel's item models: QuotesModel, EntitiesModel and TagTreeModel. Each runs under
// QAbstractItemModelTester while it is filled, refilled and emptied.
#include "EntitiesModel.h"
#include "QuotesModel.h"
#include "TagTreeModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

Quote quote(qsizetype start, const QString &text, const QString &speaker)
{
    Quote q;
    q.span = Span { start, start + text.size() };
    q.text = text;
    q.speaker = speaker;
    return q;
}

Entity entity(qsizetype start, const QString &text, Entity::Type type, const QString &canonical = {})
{
    return Entity { Span { start, start + text.size() }, text, type, canonical };
}

Tag tag(qint64 id, qint64 parent, const QString &name, const QString &path, int uses,
        const QString &color = {})
{
    return Tag { id, parent, name, color, path, uses };
}

} // namespace

class TestSidePanelModels final : public QObject
{
    Q_OBJECT

private slots:
    void quotesGroupBySpeakerMostFirstUnknownLast();
    void quotesPlaceholderOnlyWhenAnArticleIsOpen();
    void articleNotInEnglishIsSaidSo();
    void entitiesMergeAliasesAndCycleMentions();
    void entitiesListFiguresWithUnitAndSource();
    void tagTreeFollowsParents_data();
    void tagTreeFollowsParents();
    void tagTreeFindsTagsAfterRefill();
};

void TestSidePanelModels::quotesGroupBySpeakerMostFirstUnknownLast()
{
    QuotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Quote> quotes { quote(0, u"“The pier is safe.”"_s, u"Rosa Lind"_s),
                                quote(30, u"“Nobody told us.”"_s, {}),
                                quote(60, u"“We will rebuild it.”"_s, u"Omar Veit"_s),
                                quote(90, u"“It opens in May.”"_s, u"Omar Veit"_s) };
    model.setQuotes(quotes);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), u"Omar Veit (2)"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Rosa Lind (1)"_s);
    QCOMPARE(model.index(2, 0).data().toString(), u"Speaker unknown (1)"_s);
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    const QModelIndex omar = model.index(0, 0);
    QCOMPARE(model.rowCount(omar), 2);
    QCOMPARE(model.quoteIndexAt(model.index(0, 0, omar)), 2);
    QCOMPARE(model.quoteIndexAt(model.index(1, 0, omar)), 3);
    QCOMPARE(model.quoteIndexAt(omar), -1);
    QCOMPARE(model.spanAt(model.index(1, 0, omar)),
             std::optional<Span>(Span(90, 90 + quotes.at(3).text.size())));
    QCOMPARE(model.spanAt(omar), std::nullopt);
    QCOMPARE(model.indexOfQuote(1), model.index(0, 0, model.index(2, 0)));
    QVERIFY(!model.indexOfQuote(7).isValid());
    // A title or term in quotation marks is nobody's quote: it has a group of its own, last.
    QList<Quote> withTitle = quotes;
    withTitle.append(quote(120, u"“Morning Show”"_s, {}));
    withTitle.last().kind = Quote::Kind::Scare;
    model.setQuotes(withTitle);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(2, 0).data().toString(), u"Speaker unknown (1)"_s);
    QCOMPARE(model.index(3, 0).data().toString(), u"Titles and terms in quotation marks (1)"_s);
    QCOMPARE(model.indexOfQuote(4), model.index(0, 0, model.index(3, 0)));
    model.setQuotes(quotes);
    // A long quote is shown cut, with the whole text as tooltip.
    const QString longText = u"“"_s + QString(200, u'a') + u"”"_s;
    model.setQuotes({ quote(0, longText, u"Rosa Lind"_s) });
    const QModelIndex only = model.index(0, 0, model.index(0, 0));
    QCOMPARE(only.data().toString().size(), 120);
    QVERIFY(only.data().toString().endsWith(u'…'));
    QCOMPARE(only.data(Qt::ToolTipRole).toString(), longText);
}

void TestSidePanelModels::quotesPlaceholderOnlyWhenAnArticleIsOpen()
{
    QuotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setQuotes({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"No quotes found in this article."_s);
    QVERIFY(model.isPlaceholder(model.index(0, 0)));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.quoteIndexAt(model.index(0, 0)), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSidePanelModels::articleNotInEnglishIsSaidSo()
{
    // No speaker and no name was looked for: the panel says why instead of "unknown" / "none found".
    QuotesModel quotes;
    quotes.setQuotes({ quote(0, u"„Wir bleiben“"_s, QString()) }, true, false);
    QCOMPARE(quotes.rowCount(), 2);
    QCOMPARE(quotes.index(0, 0).data().toString(), u"Not English: speakers not looked for"_s);
    QCOMPARE(quotes.rowCount(quotes.index(0, 0)), 0);
    QCOMPARE(quotes.index(1, 0).data().toString(), u"Speaker unknown (1)"_s);
    quotes.setQuotes({ quote(0, u"“We stay”"_s, QString()) });
    QCOMPARE(quotes.rowCount(), 1);
    QCOMPARE(quotes.index(0, 0).data().toString(), u"Speaker unknown (1)"_s);
    EntitiesModel entities;
    QAbstractItemModelTester tester(&entities, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnalysisResult an;
    Figure boats;
    boats.span = Span(10, 12);
    boats.text = u"40"_s;
    boats.value = 40;
    an.figures = { boats };
    entities.setAnalysis(an, QPalette(), true, false);
    QCOMPARE(entities.rowCount(), 2);
    QCOMPARE(entities.index(0, 0).data().toString(), u"Not English: names not looked for"_s);
    QCOMPARE(entities.rowCount(entities.index(0, 0)), 0);
    QCOMPARE(entities.index(1, 0).data().toString(), u"Figures (1)"_s);
    entities.setAnalysis(an, QPalette());
    QCOMPARE(entities.rowCount(), 1);
}

void TestSidePanelModels::entitiesMergeAliasesAndCycleMentions()
{
    EntitiesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnalysisResult an;
    an.entities = { entity(50, u"Lind"_s, Entity::Type::Person, u"Rosa Lind"_s),
                    entity(0, u"Rosa Lind"_s, Entity::Type::Person),
                    entity(20, u"Kestrel Bay"_s, Entity::Type::Loc),
                    entity(90, u"Lind"_s, Entity::Type::Person, u"Rosa Lind"_s),
                    entity(70, u"Omar Veit"_s, Entity::Type::Person),
                    entity(30, u"tomorrow"_s, Entity::Type::Misc) };
    model.setAnalysis(an, QPalette());
    // People first, then places; Misc is not shown.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"People (4)"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Places (1)"_s);
    QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isNull());
    const QModelIndex people = model.index(0, 0);
    QCOMPARE(model.rowCount(people), 2);
    const QModelIndex rosa = model.index(0, 0, people);
    QCOMPARE(rosa.data().toString(), u"Rosa Lind (3)"_s);
    QCOMPARE(rosa.data(Qt::ToolTipRole).toString(), u"Also written: Lind"_s);
    QCOMPARE(model.groupKeyAt(rosa), u"PERSON\x1fRosa Lind"_s);
    QCOMPARE(model.index(1, 0, people).data().toString(), u"Omar Veit (1)"_s);
    QCOMPARE(model.indexOfEntity(3), rosa);
    QCOMPARE(model.indexOfEntity(2), model.index(0, 0, model.index(1, 0)));
    QVERIFY(!model.indexOfEntity(5).isValid()); // Misc
    // Each click shows the next mention in text order, then starts again.
    QCOMPARE(model.nextMention(rosa), std::optional<Span>(Span(0, 9)));
    QCOMPARE(rosa.data(Qt::ToolTipRole).toString(), u"Mention 1 of 3 — click again for the next"_s);
    QCOMPARE(model.nextMention(rosa), std::optional<Span>(Span(50, 54)));
    QCOMPARE(model.nextMention(rosa), std::optional<Span>(Span(90, 94)));
    QCOMPARE(model.nextMention(rosa), std::optional<Span>(Span(0, 9)));
    QCOMPARE(model.nextMention(people), std::nullopt);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setAnalysis({}, QPalette());
    QCOMPARE(model.index(0, 0).data().toString(), u"No entities found in this article."_s);
}

void TestSidePanelModels::entitiesListFiguresWithUnitAndSource()
{
    EntitiesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnalysisResult an;
    Figure f;
    f.span = Span { 12, 19 };
    f.text = u"300 boats"_s;
    f.unit = u"boats"_s;
    f.attributedTo = u"harbour office"_s;
    an.figures = { f };
    model.setAnalysis(an, QPalette());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Figures (1)"_s);
    const QModelIndex figure = model.index(0, 0, model.index(0, 0));
    QCOMPARE(figure.data().toString(), u"300 boats — boats (harbour office)"_s);
    QCOMPARE(model.groupKeyAt(figure), QString());
    QCOMPARE(model.nextMention(figure), std::optional<Span>(Span(12, 19)));
    QCOMPARE(model.nextMention(figure), std::optional<Span>(Span(12, 19)));
}

void TestSidePanelModels::tagTreeFollowsParents_data()
{
    QTest::addColumn<QList<Tag>>("tags");
    // Depth-first, indented by two spaces per level; a parent counts its sub-tags' uses.
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QList<Tag> {} << QStringList {};
    QTest::newRow("flat") << QList<Tag> { tag(1, 0, u"Economy"_s, u"Economy"_s, 2),
                                          tag(2, 0, u"Sport"_s, u"Sport"_s, 0) }
                          << QStringList { u"Economy (2)"_s, u"Sport (0)"_s };
    QTest::newRow("three-levels-and-a-sibling")
        << QList<Tag> { tag(1, 0, u"Frames"_s, u"Frames"_s, 0),
                        tag(3, 1, u"Conflict"_s, u"Frames/Conflict"_s, 1),
                        tag(4, 3, u"Blame"_s, u"Frames/Conflict/Blame"_s, 5),
                        tag(2, 1, u"Hope"_s, u"Frames/Hope"_s, 1), tag(5, 0, u"Sources"_s, u"Sources"_s, 3) }
        << QStringList { u"Frames (7)"_s, u"  Conflict (6)"_s, u"    Blame (5)"_s, u"  Hope (1)"_s,
                         u"Sources (3)"_s };
    QTest::newRow("missing-parent-goes-to-top")
        << QList<Tag> { tag(7, 99, u"Orphan"_s, u"Gone/Orphan"_s, 1) } << QStringList { u"Orphan (1)"_s };
}

void TestSidePanelModels::tagTreeFollowsParents()
{
    QFETCH(QList<Tag>, tags);
    QFETCH(QStringList, expected);
    TagTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTags(tags);
    QStringList shown;
    std::function<void(const QModelIndex &, int)> walk = [&](const QModelIndex &parent, int depth) {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            const QModelIndex i = model.index(r, 0, parent);
            shown << QString(depth * 2, u' ') + i.data().toString();
            QCOMPARE(model.parent(i), parent);
            QCOMPARE(model.indexOfTag(model.tagIdAt(i)), i);
            walk(i, depth + 1);
        }
    };
    walk({}, 0);
    QCOMPARE(shown, expected);
    QCOMPARE(model.tags().size(), tags.size());
}

void TestSidePanelModels::tagTreeFindsTagsAfterRefill()
{
    TagTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTags({ tag(1, 0, u"Economy"_s, u"Economy"_s, 2, u"#7cc4fa"_s),
                    tag(2, 1, u"Jobs"_s, u"Economy/Jobs"_s, 1) });
    const QModelIndex jobs = model.indexOfTag(2);
    QVERIFY(jobs.isValid());
    QCOMPARE(jobs.data(Qt::ToolTipRole).toString(), u"Economy/Jobs"_s);
    QCOMPARE(jobs.data(TagTreeModel::TagIdRole).toLongLong(), 2);
    QCOMPARE(model.tagAt(jobs)->name, u"Jobs"_s);
    QCOMPARE(model.totalUses(model.indexOfTag(1)), 3);
    QCOMPARE(model.indexOfTag(1).data().toString(), u"Economy (3)"_s);
    const QPixmap swatch = model.indexOfTag(1).data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(swatch.toImage().pixelColor(5, 5), QColor(u"#7cc4fa"_s));
    // After a refill (a rename), the same id is found at its new place.
    model.setTags({ tag(1, 0, u"Economy"_s, u"Economy"_s, 2), tag(3, 0, u"Aardvark"_s, u"Aardvark"_s, 0),
                    tag(2, 3, u"Jobs"_s, u"Aardvark/Jobs"_s, 1) });
    QCOMPARE(model.parent(model.indexOfTag(2)), model.indexOfTag(3));
    QCOMPARE(model.tagIdAt({}), 0);
    QVERIFY(!model.indexOfTag(42).isValid());
}

QTEST_MAIN(TestSidePanelModels)
#include "tst_sidepanelmodels.moc"
