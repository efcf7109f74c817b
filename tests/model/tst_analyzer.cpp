// SPDX-License-Identifier: GPL-3.0-or-later
// The whole analysis of one article, as import and `lede analyze` run it.
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"

#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Written for this test.
const QByteArray Story
    = "Harbour board backs new pier\n"
      "\n"
      "By Mara Quinn\n"
      "\n"
      "NORTHPORT (Lede Wire) \xE2\x80\x93 The Northport Harbour Board voted on Monday to build a new "
      "pier after storms damaged at least 40 boats \xF0\x9F\x8C\x8A.\n"
      "\n"
      "\xE2\x80\x9CWe cannot lose another season,\xE2\x80\x9D said Rosa Lind, the board's chair.\n"
      "\n"
      "\xE2\x80\x9CThe money is there,\xE2\x80\x9D she said.\n";

Article story()
{
    auto imported = ArticleImporter::importData(Story, u"pier.txt"_s);
    if (!imported)
        qFatal("the test story did not import: %s", qPrintable(imported.errorString()));
    return imported->article;
}

template<typename Item> void checkSpans(const QList<Item> &items, const QString &body)
{
    for (const Item &item : items) {
        QVERIFY(item.span.start >= 0 && item.span.end <= body.size() && !item.span.isEmpty());
        QCOMPARE(body.mid(item.span.start, item.span.length()), item.text);
    }
}

} // namespace

class TestAnalyzer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEveryLayer();
    void textInAnotherLanguageKeepsQuotesAndFiguresOnly();
    void spansSliceTheBody();
    void deterministicAndThreadSafe();
    void emptyAndOddTextYieldNothing_data();
    void emptyAndOddTextYieldNothing();
    // Speakers that depend on the recogniser's reading of the names (written for this test).
    void speakersWithTheRecogniser_data();
    void speakersWithTheRecogniser();
};

void TestAnalyzer::findsEveryLayer()
{
    const AnalysisResult r = Analyzer::analyze(story());
    QCOMPARE(r.quotes.size(), 2);
    QCOMPARE(r.quotes[0].speaker, u"Rosa Lind"_s);
    QCOMPARE(r.quotes[1].speaker, u"Rosa Lind"_s); // "she said" resolves to the person in focus
    QCOMPARE(r.quotes[1].cue, u"said"_s);
    bool person = false;
    bool org = false;
    for (const Entity &e : r.entities) {
        person = person || (e.type == Entity::Type::Person && e.canonical == u"Rosa Lind"_s);
        org = org || (e.type == Entity::Type::Org && e.text.contains(u"Harbour Board"_s));
    }
    QVERIFY(person);
    QVERIFY(org);
    bool boats = false;
    for (const Figure &f : r.figures)
        boats = boats || (f.value == 40 && f.qualifier == u"at least"_s);
    QVERIFY(boats);
}

void TestAnalyzer::textInAnotherLanguageKeepsQuotesAndFiguresOnly()
{
    // German, written for this test: English rules would make names of "Hafenrat" and "Montag".
    Article article;
    article.body
        = u"Der Hafenrat von Nordhafen hat am Montag beschlossen, einen neuen Steg zu bauen, nachdem "
          "Stürme mindestens 40 Boote beschädigt hatten.\n\n„Wir können keine weitere Saison "
          "verlieren“, sagte Rosa Lind, die den Rat seit sechs Jahren leitet. Die Arbeiten sollen "
          "im Frühjahr beginnen und vor dem Sommer fertig sein, und das ist nach ihren Worten "
          "auch nicht zu teuer für die Stadt."_s;
    const AnalysisResult r = Analyzer::analyze(article);
    QVERIFY(!r.english);
    QVERIFY(r.entities.isEmpty());
    QCOMPARE(r.quotes.size(), 1);
    QVERIFY(r.quotes[0].text.startsWith(u"„Wir können"_s));
    QVERIFY(r.quotes[0].speaker.isEmpty());
    bool boats = false;
    for (const Figure &f : r.figures)
        boats = boats || f.value == 40;
    QVERIFY(boats);
    QVERIFY(Analyzer::analyze(story()).english);
}

void TestAnalyzer::spansSliceTheBody()
{
    const Article a = story();
    const AnalysisResult r = Analyzer::analyze(a);
    checkSpans(r.quotes, a.body);
    checkSpans(r.entities, a.body);
    checkSpans(r.figures, a.body);
}

void TestAnalyzer::deterministicAndThreadSafe()
{
    const Article a = story();
    const AnalysisResult first = Analyzer::analyze(a);
    const QList<int> runs { 1, 2, 3, 4, 5, 6, 7, 8 };
    const QList<AnalysisResult> results
        = QtConcurrent::blockingMapped(runs, [&a](int) { return Analyzer::analyze(a); });
    for (const AnalysisResult &r : results) {
        QCOMPARE(r.quotes.size(), first.quotes.size());
        QCOMPARE(r.entities.size(), first.entities.size());
        QCOMPARE(r.figures.size(), first.figures.size());
        for (qsizetype i = 0; i < r.entities.size(); ++i) {
            QCOMPARE(r.entities[i].span, first.entities[i].span);
            QCOMPARE(r.entities[i].canonical, first.entities[i].canonical);
        }
    }
}

void TestAnalyzer::emptyAndOddTextYieldNothing_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("empty") << QString();
    QTest::newRow("only-spaces") << u"   \n\n  "_s;
    QTest::newRow("lone-quote-marks") << u"\u201C \u201D \" \" \u201C"_s;
    QTest::newRow("digits-only") << u"1 2 3 4 5"_s;
}

void TestAnalyzer::emptyAndOddTextYieldNothing()
{
    QFETCH(QString, body);
    Article a;
    a.body = body;
    const AnalysisResult r = Analyzer::analyze(a);
    QVERIFY(r.quotes.isEmpty());
    QVERIFY(r.entities.isEmpty() || body == u"1 2 3 4 5"_s);
    checkSpans(r.entities, body);
    checkSpans(r.figures, body);
}

void TestAnalyzer::speakersWithTheRecogniser_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("speakers");
    QTest::newRow("firm-as-an-adjective")
        << u"The quiet but firm Anders Tegnor rarely raises his voice.\n\n"
           u"Asked about the bridge last week, Tegnor smiled and simply said Holmberg would have to “answer for it” himself."_s
        << QStringList { u"Anders Tegnor"_s };
    QTest::newRow("title-of-a-place-is-the-person")
        << u"The Bishop of Norwich visited the flooded villages on Sunday.\n\n“We must not forget these "
           u"families,” the Bishop of Norwich said."_s
        << QStringList { u"Bishop of Norwich"_s };
    QTest::newRow("titled-person-of-an-organisation")
        << u"NHA Director Carina Etholm spoke on Monday.\n\nThe NHA Director also urged towns to keep their "
           u"pumps "
           u"ready “so we are not caught out again,” and to share data."_s
        << QStringList { u"Carina Etholm"_s };
}

void TestAnalyzer::speakersWithTheRecogniser()
{
    QFETCH(QString, body);
    QFETCH(QStringList, speakers);
    Article article;
    article.title = u"Test"_s;
    article.body = body;
    const AnalysisResult r = Analyzer::analyze(article);
    QStringList found;
    for (const Quote &q : r.quotes)
        found.append(q.speaker);
    QCOMPARE(found, speakers);
}

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
