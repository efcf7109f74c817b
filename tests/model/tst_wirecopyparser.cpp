// SPDX-License-Identifier: GPL-3.0-or-later
// Wire copy recognition: title line or derived title, byline, dateline, published date, credit
// line and crossheads, each checked as a field and as a block span into the body.
#include "io/WireCopyParser.h"

#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// "kind:text at the span": comparing these checks both the kind and the exact span.
QStringList describeBlocks(const Article &a)
{
    QStringList out;
    for (const Block &b : a.blocks)
        out.append(blockKindName(b.kind) + u':' + a.body.mid(b.span.start, b.span.length()));
    return out;
}

} // namespace

class TestWireCopyParser final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void hints();
    void byline_data();
    void byline();
    void dateLine_data();
    void dateLine();
    void dateline_data();
    void dateline();
    void firstSentence_data();
    void firstSentence();
    void titleFromSentence_data();
    void titleFromSentence();
    void creditByline_data();
    void creditByline();
};

void TestWireCopyParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("byline");
    QTest::addColumn<QString>("dateline");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("blocks");

    const QString mill
        = u"By Hana Berg\nTURIN (Reuters) – A car plant will shut for two weeks in May. The owner blamed weak demand."_s;

    QTest::newRow("title-line-blank-then-byline-and-en-dash-dateline")
        << u"Car plant to pause output\n\n"_s + mill << u"Car plant to pause output"_s << u"Hana Berg"_s
        << u"TURIN"_s << u"Reuters"_s << QDate() << mill
        << QStringList { u"byline:By Hana Berg"_s, u"dateline:TURIN (Reuters) –"_s };

    QTest::newRow("title-line-directly-followed-by-byline")
        << u"Car plant to pause output\n"_s + mill << u"Car plant to pause output"_s << u"Hana Berg"_s
        << u"TURIN"_s << u"Reuters"_s << QDate() << mill
        << QStringList { u"byline:By Hana Berg"_s, u"dateline:TURIN (Reuters) –"_s };

    QTest::newRow("title-line-directly-followed-by-dateline")
        << u"Car plant to pause output\nTURIN (Reuters) – A car plant will shut."_s
        << u"Car plant to pause output"_s << QString() << u"TURIN"_s << u"Reuters"_s << QDate()
        << u"TURIN (Reuters) – A car plant will shut."_s << QStringList { u"dateline:TURIN (Reuters) –"_s };

    QTest::newRow("no-title-line-title-from-first-sentence-after-dateline")
        << mill << u"A car plant will shut for two weeks in May"_s << u"Hana Berg"_s << u"TURIN"_s
        << u"Reuters"_s << QDate() << mill
        << QStringList { u"byline:By Hana Berg"_s, u"dateline:TURIN (Reuters) –"_s };

    const QString longFirst
        = u"OSLO (NTB) – The government on Monday unveiled a plan to double the number of "
          u"electric ferries on its western fjords by 2030, saying the cost would be shared "
          u"with local councils. Critics called it vague.\nA second paragraph."_s;
    QTest::newRow("derived-title-cut-at-word-boundary-with-ellipsis")
        << longFirst
        << u"The government on Monday unveiled a plan to double the number of electric ferries on its "
           u"western fjords by "
           u"2030, saying…"_s
        << QString() << u"OSLO"_s << u"NTB"_s << QDate() << longFirst
        << QStringList { u"dateline:OSLO (NTB) –"_s };

    const QString abbreviations
        = u"Gen. J. Ortiz told U.S. officials on Oct. 7 that St. Paul’s was safe. He left.\nMore."_s;
    QTest::newRow("derived-title-does-not-stop-at-abbreviations-or-initials")
        << abbreviations << u"Gen. J. Ortiz told U.S. officials on Oct. 7 that St. Paul’s was safe"_s
        << QString() << QString() << QString() << QDate() << abbreviations << QStringList();

    const QString quoteFirst = u"Rates rise again\n“We had no choice,” the governor said on Friday.\nMore."_s;
    QTest::newRow("short-first-line-followed-by-text-is-not-a-title")
        << quoteFirst << u"Rates rise again"_s << QString() << QString() << QString() << QDate() << quoteFirst
        << QStringList();

    const QString endsInQuote = u"He said it was “over.”\n\nNobody agreed."_s;
    QTest::newRow("first-line-ending-in-curly-quote-is-not-a-title")
        << endsInQuote << u"He said it was “over.”"_s << QString() << QString() << QString() << QDate()
        << endsInQuote << QStringList();

    const QString endsInPeriod = u"Talks ended.\n\nNobody agreed."_s;
    QTest::newRow("first-line-ending-in-period-is-not-a-title")
        << endsInPeriod << u"Talks ended"_s << QString() << QString() << QString() << QDate() << endsInPeriod
        << QStringList();

    const QString threeNames = u"By Ana Souza, leo Brandt and Priya Nair\nText follows here."_s;
    QTest::newRow("byline-name-in-lower-case-is-not-a-byline")
        << threeNames << u"By Ana Souza, leo Brandt and Priya Nair"_s << QString() << QString() << QString()
        << QDate() << threeNames << QStringList();

    const QString three
        = u"by Ana Souza, Leo Brandt and Priya Nair\nGENEVA, Switzerland (AP) — Talks opened. Then closed."_s;
    QTest::newRow("byline-three-names-lower-case-by-and-em-dash-country-dateline")
        << three << u"Talks opened"_s << u"Ana Souza, Leo Brandt and Priya Nair"_s << u"GENEVA, Switzerland"_s
        << u"AP"_s << QDate() << three
        << QStringList { u"byline:by Ana Souza, Leo Brandt and Priya Nair"_s,
                         u"dateline:GENEVA, Switzerland (AP) —"_s };

    const QString byThursday = u"By Thursday, the army had pulled back.\nNothing else."_s;
    QTest::newRow("sentence-starting-with-by-is-not-a-byline")
        << byThursday << u"By Thursday, the army had pulled back"_s << QString() << QString() << QString()
        << QDate() << byThursday << QStringList();

    const QString hyphenDate = u"LAGOS, Nov 3 (Reuters) - Rates went up. Then down."_s;
    QTest::newRow("dateline-hyphen-with-date-inside")
        << hyphenDate << u"Rates went up"_s << QString() << u"LAGOS"_s << u"Reuters"_s << QDate()
        << hyphenDate << QStringList { u"dateline:LAGOS, Nov 3 (Reuters) -"_s };

    const QString noSpaces = u"WASHINGTON—The Senate voted. Late."_s;
    QTest::newRow("place-only-dateline-em-dash-without-spaces")
        << noSpaces << u"The Senate voted"_s << QString() << u"WASHINGTON"_s << QString() << QDate()
        << noSpaces << QStringList { u"dateline:WASHINGTON—"_s };

    const QString mixedCase = u"Kyiv - The mayor said the bridge was open.\nMore."_s;
    QTest::newRow("mixed-case-place-without-agency-is-not-a-dateline")
        << mixedCase << u"Kyiv - The mayor said the bridge was open"_s << QString() << QString() << QString()
        << QDate() << mixedCase << QStringList();

    const QString mixedAgency = u"Tel Aviv (Reuters) – Sirens sounded. Again."_s;
    QTest::newRow("mixed-case-place-with-agency-is-a-dateline")
        << mixedAgency << u"Sirens sounded"_s << QString() << u"Tel Aviv"_s << u"Reuters"_s << QDate()
        << mixedAgency << QStringList { u"dateline:Tel Aviv (Reuters) –"_s };

    const QString credit = u"By Hana Berg\nTURIN (Reuters) – Plant shuts.\nMore text.\n"
                           u"(Reporting by Hana Berg; Editing by Paul Ames)"_s;
    QTest::newRow("credit-line-with-byline-keeps-byline")
        << credit << u"Plant shuts"_s << u"Hana Berg"_s << u"TURIN"_s << u"Reuters"_s << QDate() << credit
        << QStringList { u"byline:By Hana Berg"_s, u"dateline:TURIN (Reuters) –"_s,
                         u"credit:(Reporting by Hana Berg; Editing by Paul Ames)"_s };

    const QString creditOnly
        = u"TURIN (Reuters) – Plant shuts.\n\nMore text.\n\n(Reporting by Hana Berg in Turin and "
          u"Luca Neri in Milan; Additional reporting by Ida Sol; Writing by Tom Fry; Editing by Paul Ames)"_s;
    QTest::newRow("credit-line-gives-byline-without-places-when-none")
        << creditOnly << u"Plant shuts"_s << u"Hana Berg and Luca Neri"_s << u"TURIN"_s << u"Reuters"_s
        << QDate() << creditOnly
        << QStringList {
               u"dateline:TURIN (Reuters) –"_s,
               u"credit:(Reporting by Hana Berg in Turin and Luca Neri in Milan; Additional reporting by Ida "
               u"Sol; Writing by Tom Fry; Editing by Paul Ames)"_s
           };

    const QString wrappedCredit
        = u"Plant shuts.\n\nMore text.\n\n(Reporting by Hana Berg;\nEditing by Paul Ames)"_s;
    QTest::newRow("credit-paragraph-wrapped-over-two-lines")
        << wrappedCredit << u"Plant shuts"_s << u"Hana Berg"_s << QString() << QString() << QDate()
        << wrappedCredit << QStringList { u"credit:(Reporting by Hana Berg;\nEditing by Paul Ames)"_s };

    const QString creditMiddle = u"Plant shuts.\n(Reporting by Hana Berg)\nA final paragraph."_s;
    QTest::newRow("credit-like-line-not-last-is-plain-text")
        << creditMiddle << u"Plant shuts"_s << QString() << QString() << QString() << QDate() << creditMiddle
        << QStringList();

    const QString crosshead
        = u"Markets fell sharply on Monday. Traders fled.\n\nBANKS LEAD LOSSES\n\nLenders lost 4%.\n\n"
          u"WHAT NEXT?\n\nNobody knows.\n\nThe G7 met."_s;
    QTest::newRow("crossheads-between-blank-lines")
        << crosshead << u"Markets fell sharply on Monday"_s << QString() << QString() << QString() << QDate()
        << crosshead << QStringList { u"heading:BANKS LEAD LOSSES"_s, u"heading:WHAT NEXT?"_s };

    const QString capsDateline = u"GAZA (Reuters) – FIGHTING GOES ON\nMore."_s;
    QTest::newRow("all-caps-dateline-paragraph-is-not-a-crosshead")
        << capsDateline << u"FIGHTING GOES ON"_s << QString() << u"GAZA"_s << u"Reuters"_s << QDate()
        << capsDateline << QStringList { u"dateline:GAZA (Reuters) –"_s };

    const QString headingFirst
        = u"Rates rise\n\nEXCLUSIVE REPORT\n\nROME (ANSA) – Banks raised rates. Again."_s;
    QTest::newRow("crosshead-before-first-paragraph-then-dateline")
        << headingFirst << u"Rates rise"_s << QString() << u"ROME"_s << u"ANSA"_s << QDate()
        << u"EXCLUSIVE REPORT\n\nROME (ANSA) – Banks raised rates. Again."_s
        << QStringList { u"heading:EXCLUSIVE REPORT"_s, u"dateline:ROME (ANSA) –"_s };

    const QString dated = u"November 3, 2023\n\nWASHINGTON — The Senate voted. Late."_s;
    QTest::newRow("published-month-day-year-line-stays-in-body")
        << dated << u"The Senate voted"_s << QString() << u"WASHINGTON"_s << QString() << QDate(2023, 11, 3)
        << dated << QStringList { u"dateline:WASHINGTON —"_s };

    const QString datedPrefix
        = u"Bank cuts rates\n\nBy Hana Berg\nPublished: 3 November 2023 10:42 GMT\nTURIN (Reuters) – Rates fell."_s;
    QTest::newRow("published-prefix-day-month-year-with-time-after-byline")
        << datedPrefix << u"Bank cuts rates"_s << u"Hana Berg"_s << u"TURIN"_s << u"Reuters"_s
        << QDate(2023, 11, 3)
        << u"By Hana Berg\nPublished: 3 November 2023 10:42 GMT\nTURIN (Reuters) – Rates fell."_s
        << QStringList { u"byline:By Hana Berg"_s, u"dateline:TURIN (Reuters) –"_s };

    const QString iso = u"Bank cuts rates\n2023-11-03\nRates fell today."_s;
    QTest::newRow("published-iso-date-line-after-title")
        << iso << u"Bank cuts rates"_s << QString() << QString() << QString() << QDate(2023, 11, 3)
        << u"2023-11-03\nRates fell today."_s << QStringList();

    const QString emoji
        = u"ROME (Reuters) – Fans 🎉 partied. Loudly.\n\nPARTY GOES ON 🏆\n\nPolice said 👮 it was calm.\n"
          u"(Reporting by Ida Sol 🇮🇹)"_s;
    QTest::newRow("emoji-before-blocks-keeps-utf16-spans")
        << emoji << u"Fans 🎉 partied"_s << u"Ida Sol 🇮🇹"_s << u"ROME"_s << u"Reuters"_s << QDate() << emoji
        << QStringList { u"dateline:ROME (Reuters) –"_s, u"heading:PARTY GOES ON 🏆"_s,
                         u"credit:(Reporting by Ida Sol 🇮🇹)"_s };

    const QString wrapped
        = u"The council voted on Tuesday to close\nthree libraries next year. Opponents\nobjected.\n\n"
          u"A second paragraph."_s;
    QTest::newRow("hard-wrapped-first-paragraph-joined-for-title")
        << wrapped << u"The council voted on Tuesday to close three libraries next year"_s << QString()
        << QString() << QString() << QDate() << wrapped << QStringList();

    const QString curly
        = u"Minister ‘regrets’ remarks\n\nShe said: “I’m sorry — truly.”\n“Enough,” he replied."_s;
    QTest::newRow("curly-quotes-and-dashes-kept-exactly")
        << curly << u"Minister ‘regrets’ remarks"_s << QString() << QString() << QString() << QDate()
        << u"She said: “I’m sorry — truly.”\n“Enough,” he replied."_s << QStringList();
}

void TestWireCopyParser::parse()
{
    QFETCH(QString, text);
    const Article a = WireCopyParser::parse(text);
    QTEST(a.title, "title");
    QTEST(a.byline, "byline");
    QTEST(a.dateline, "dateline");
    QTEST(a.source, "source");
    QTEST(a.published, "published");
    QTEST(a.body, "body");
    QTEST(describeBlocks(a), "blocks");
    for (qsizetype i = 0; i < a.blocks.size(); ++i) {
        QVERIFY(a.blocks[i].span.start >= 0 && a.blocks[i].span.end <= a.body.size());
        if (i > 0)
            QVERIFY(a.blocks[i - 1].span.start <= a.blocks[i].span.start);
    }
}

void TestWireCopyParser::hints()
{
    // Markup already knows the title: the short first line stays in the body.
    WireCopyParser::Hints h;
    h.title = u"From the page"_s;
    h.byline = u"Ida Sol"_s;
    h.source = u"Example News"_s;
    h.published = QDate(2024, 2, 29);
    const QString text = u"Kicker line\n\nSubhead\n\nBody text here."_s;
    h.headings = { { 13, 20 } };
    const Article a = WireCopyParser::parse(text, h);
    QCOMPARE(a.title, u"From the page"_s);
    QCOMPARE(a.body, text);
    QCOMPARE(a.byline, u"Ida Sol"_s);
    QCOMPARE(a.source, u"Example News"_s);
    QCOMPARE(a.published, QDate(2024, 2, 29));
    QCOMPARE(describeBlocks(a), QStringList { u"heading:Subhead"_s });

    // Without a title, a removed title line shifts the heading spans with the body.
    WireCopyParser::Hints shifted;
    shifted.headings = { { 13, 20 } };
    const Article b = WireCopyParser::parse(text, shifted);
    QCOMPARE(b.title, u"Kicker line"_s);
    QCOMPARE(b.body, u"Subhead\n\nBody text here."_s);
    QCOMPARE(describeBlocks(b), QStringList { u"heading:Subhead"_s });
    QCOMPARE(b.blocks.first().span, (Span { 0, 7 }));
}

void TestWireCopyParser::byline_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("names");
    QTest::newRow("one-name") << u"By Hana Berg"_s << u"Hana Berg"_s;
    QTest::newRow("two-names-and") << u"By Simon Hale and Ari Rosen"_s << u"Simon Hale and Ari Rosen"_s;
    QTest::newRow("three-names-comma-and")
        << u"By A. Souza, Leo Brandt and Priya Nair"_s << u"A. Souza, Leo Brandt and Priya Nair"_s;
    QTest::newRow("upper-case-by-and-names") << u"BY HANA BERG"_s << u"HANA BERG"_s;
    QTest::newRow("particles-and-hyphenated-prefix")
        << u"By Ashraf al-Qidra and Jan van Dijk"_s << u"Ashraf al-Qidra and Jan van Dijk"_s;
    QTest::newRow("accented-names") << u"By Zoë Ébert & Łukasz Nowak"_s << u"Zoë Ébert & Łukasz Nowak"_s;
    QTest::newRow("single-word-is-not-a-name") << u"By Reuters"_s << QString();
    QTest::newRow("sentence-is-not-a-byline") << u"By Friday the talks had failed."_s << QString();
    QTest::newRow("no-by") << u"Hana Berg"_s << QString();
}

void TestWireCopyParser::byline()
{
    QFETCH(QString, line);
    QTEST(WireCopyParser::parseByline(line), "names");
}

void TestWireCopyParser::dateLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QDate>("date");
    QTest::newRow("month-day-comma-year") << u"November 3, 2023"_s << QDate(2023, 11, 3);
    QTest::newRow("abbreviated-month-with-period") << u"Nov. 3, 2023"_s << QDate(2023, 11, 3);
    QTest::newRow("day-month-year") << u"3 November 2023"_s << QDate(2023, 11, 3);
    QTest::newRow("iso") << u"2023-11-03"_s << QDate(2023, 11, 3);
    QTest::newRow("published-prefix-weekday-and-time")
        << u"Published: Friday, November 3, 2023 10:42 AM GMT"_s << QDate(2023, 11, 3);
    QTest::newRow("updated-prefix-ordinal") << u"Updated 21st March 2024"_s << QDate(2024, 3, 21);
    QTest::newRow("invalid-day") << u"February 30, 2023"_s << QDate();
    QTest::newRow("date-in-a-sentence") << u"On November 3, 2023 the talks began."_s << QDate();
    QTest::newRow("month-without-year") << u"November 3"_s << QDate();
}

void TestWireCopyParser::dateLine()
{
    QFETCH(QString, line);
    QTEST(WireCopyParser::parseDateLine(line), "date");
}

void TestWireCopyParser::dateline_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("marked"); // the text the dateline block covers
    QTest::newRow("city-agency-en-dash")
        << u"TEL AVIV (Reuters) – Text."_s << u"TEL AVIV"_s << u"Reuters"_s << u"TEL AVIV (Reuters) –"_s;
    QTest::newRow("city-country-agency-em-dash")
        << u"GENEVA, Switzerland (AP) — Text."_s << u"GENEVA, Switzerland"_s << u"AP"_s
        << u"GENEVA, Switzerland (AP) —"_s;
    QTest::newRow("city-date-agency-hyphen")
        << u"LAGOS, Nov 3 (Reuters) - Text."_s << u"LAGOS"_s << u"Reuters"_s << u"LAGOS, Nov 3 (Reuters) -"_s;
    QTest::newRow("city-day-month-agency")
        << u"PARIS, 3 November (AFP) – Text."_s << u"PARIS"_s << u"AFP"_s << u"PARIS, 3 November (AFP) –"_s;
    QTest::newRow("place-only-em-dash")
        << u"WASHINGTON — Text."_s << u"WASHINGTON"_s << QString() << u"WASHINGTON —"_s;
    QTest::newRow("lower-case-agency-after-caps-place")
        << u"BERLIN (dpa) – Text."_s << u"BERLIN"_s << u"dpa"_s << u"BERLIN (dpa) –"_s;
    QTest::newRow("dotted-place") << u"ST. LOUIS (Reuters) - Text."_s << u"ST. LOUIS"_s << u"Reuters"_s
                                  << u"ST. LOUIS (Reuters) -"_s;
    QTest::newRow("hyphen-inside-word-is-not-a-dash")
        << u"NON-STOP talks went on."_s << QString() << QString() << QString();
    QTest::newRow("parenthesis-lower-case-is-not-agency")
        << u"Blinken (pictured) – met them."_s << QString() << QString() << QString();
    QTest::newRow("ordinary-sentence")
        << u"The Senate voted – late."_s << QString() << QString() << QString();
}

void TestWireCopyParser::dateline()
{
    QFETCH(QString, paragraph);
    const WireCopyParser::Dateline d = WireCopyParser::parseDateline(paragraph);
    QTEST(d.place, "place");
    QTEST(d.source, "source");
    QTEST(paragraph.left(d.length), "marked");
}

void TestWireCopyParser::firstSentence_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("two-sentences") << u"One thing. Two things."_s << u"One thing."_s;
    QTest::newRow("closing-curly-quote-after-period") << u"He said “no.” Then left."_s << u"He said “no.”"_s;
    QTest::newRow("question-mark") << u"Why now? Nobody knows."_s << u"Why now?"_s;
    QTest::newRow("us-abbreviation") << u"The U.S. Senate met. Then it rose."_s << u"The U.S. Senate met."_s;
    QTest::newRow("month-abbreviation-before-number")
        << u"Since Oct. 7 it has grown. Fast."_s << u"Since Oct. 7 it has grown."_s;
    QTest::newRow("title-abbreviation") << u"Mr. Smith left. Ms. Jones stayed."_s << u"Mr. Smith left."_s;
    QTest::newRow("decimal-number") << u"Growth was 2.5 percent. Less than hoped."_s
                                    << u"Growth was 2.5 percent."_s;
    QTest::newRow("no-terminator") << u"A line without an end"_s << u"A line without an end"_s;
}

void TestWireCopyParser::firstSentence()
{
    QFETCH(QString, paragraph);
    QTEST(WireCopyParser::firstSentence(paragraph), "sentence");
}

void TestWireCopyParser::titleFromSentence_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QString>("title");
    QTest::newRow("final-period-dropped") << u"Rates rose."_s << 120 << u"Rates rose"_s;
    QTest::newRow("question-mark-kept") << u"Rates rose?"_s << 120 << u"Rates rose?"_s;
    QTest::newRow("cut-at-word-boundary") << u"alpha beta gamma delta"_s << 13 << u"alpha beta…"_s;
    QTest::newRow("trailing-comma-removed-before-ellipsis")
        << u"alpha beta, gamma delta"_s << 13 << u"alpha beta…"_s;
    QTest::newRow("dash-removed-before-ellipsis") << u"alpha beta – gamma delta"_s << 14 << u"alpha beta…"_s;
    QTest::newRow("punctuation-run-without-spaces-kept") << u"&&&&&&&&&&&&&&&&"_s << 6 << u"&&&&&…"_s;
    QTest::newRow("no-space-does-not-split-surrogate-pair") << u"aaaaaaaa🎉🎉🎉"_s << 10 << u"aaaaaaaa…"_s;
}

void TestWireCopyParser::titleFromSentence()
{
    QFETCH(QString, sentence);
    QFETCH(int, maxLength);
    QTEST(WireCopyParser::titleFromSentence(sentence, maxLength), "title");
}

void TestWireCopyParser::creditByline_data()
{
    QTest::addColumn<QString>("credit");
    QTest::addColumn<QString>("byline");
    QTest::newRow("reporting-and-editing")
        << u"(Reporting by Hana Berg; Editing by Paul Ames)"_s << u"Hana Berg"_s;
    QTest::newRow("three-reporters-with-places")
        << u"(Reporting by Hana Berg in Turin, Ida Sol in Rome and Luca Neri; Editing by Paul Ames)"_s
        << u"Hana Berg, Ida Sol and Luca Neri"_s;
    QTest::newRow("only-writing-and-editing") << u"(Writing by Tom Fry; Editing by Paul Ames)"_s << QString();
    QTest::newRow("additional-reporting-is-not-the-byline")
        << u"(Additional reporting by Ida Sol; Reporting by Hana Berg)"_s << u"Hana Berg"_s;
}

void TestWireCopyParser::creditByline()
{
    QFETCH(QString, credit);
    QVERIFY(WireCopyParser::isCreditLine(credit));
    QTEST(WireCopyParser::bylineFromCredit(credit), "byline");
}

QTEST_GUILESS_MAIN(TestWireCopyParser)
#include "tst_wirecopyparser.moc"
