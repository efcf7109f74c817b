// SPDX-License-Identifier: GPL-3.0-or-later
// FigureExtractor: every sentence here is written for the test in the style of wire copy.
#include "analysis/FigureExtractor.h"
#include "analysis/FigureScanner.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using Lede::Entity;
using Lede::Figure;
using Lede::FigureExtractor;

namespace {

// Spans are UTF-16, sorted, non-overlapping, inside the body and match the text.
void checkInvariants(const QString &body, const QList<Figure> &figures)
{
    qsizetype previousEnd = 0;
    for (const Figure &f : figures) {
        QVERIFY2(f.span.start >= previousEnd, qPrintable(f.text));
        QVERIFY2(f.span.end > f.span.start, qPrintable(f.text));
        QVERIFY2(f.span.end <= body.size(), qPrintable(f.text));
        QCOMPARE(body.mid(f.span.start, f.span.length()), f.text);
        previousEnd = f.span.end;
    }
}

QString describe(const QList<Figure> &figures)
{
    QStringList parts;
    for (const Figure &f : figures)
        parts.append(u"[%1 | %2 | %3 | %4 | %5]"_s.arg(f.text, QString::number(f.value, 'g', 12), f.unit,
                                                       f.qualifier, f.attributedTo));
    return parts.join(u", "_s);
}

} // namespace

class TestFigureExtractor final : public QObject
{
    Q_OBJECT

private slots:
    void extractsFigure_data();
    void extractsFigure();
    void ignoresNonFigures_data();
    void ignoresNonFigures();
    void keepsUtf16SpansAfterEmoji();
    void findsEveryFigureInOrder();
    void endsLinesAtEveryOffset();
    void prefersEntityNamesForAttribution_data();
    void prefersEntityNamesForAttribution();
    void survivesOddInput_data();
    void survivesOddInput();
    void survivesRandomInput();
    void givesSameResultsAcrossThreads();
};

void TestFigureExtractor::extractsFigure_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("qualifier");
    QTest::addColumn<QString>("attributedTo");

    // counts and what they count
    QTest::newRow("count-noun-with-verb-after-aux")
        << u"Health officials say at least 3,482 people have died in the floods."_s
        << u"at least 3,482 people"_s << 3482.0 << u"people died"_s << u"at least"_s << u"Health officials"_s;
    QTest::newRow("count-capitalised-noun")
        << u"The agency registered 21,300 Sudanese at the border crossing."_s << u"21,300 Sudanese"_s
        << 21300.0 << u"Sudanese"_s << QString() << QString();
    QTest::newRow("count-participle-as-noun")
        << u"Some 812 soldiers were killed and 2,950 wounded in the fighting."_s << u"2,950 wounded"_s
        << 2950.0 << u"wounded"_s << QString() << QString();
    QTest::newRow("count-qualifier-and-passive")
        << u"Some 812 soldiers were killed and 2,950 wounded in the fighting."_s << u"Some 812 soldiers"_s
        << 812.0 << u"soldiers killed"_s << u"some"_s << QString();
    QTest::newRow("count-verb-after-dash-aside")
        << u"At least 64 miners – most of them contract workers – were trapped underground, the company said."_s
        << u"At least 64 miners"_s << 64.0 << u"miners trapped"_s << u"at least"_s << u"company"_s;
    QTest::newRow("count-reduced-relative-taken-hostage")
        << u"Gunmen stormed the hotel, with 75 guests taken hostage, police said."_s << u"75 guests"_s << 75.0
        << u"guests taken hostage"_s << QString() << u"police"_s;
    QTest::newRow("count-preceding-verb-killed")
        << u"The strike killed 19 soldiers near the border."_s << u"19 soldiers"_s << 19.0
        << u"soldiers killed"_s << QString() << QString();
    QTest::newRow("count-preceding-verb-took-with-qualifier")
        << u"The militia took more than 31 hostages during the raid."_s << u"more than 31 hostages"_s << 31.0
        << u"hostages taken"_s << u"more than"_s << QString();
    QTest::newRow("count-adjective-participle-before-noun")
        << u"The twelve elected members of the board meet on Monday."_s << u"twelve elected members"_s << 12.0
        << u"elected members"_s << QString() << QString();

    QTest::newRow("count-demonym-plural-in-is")
        << u"The group freed 24 hostages, including 13 Somalis, on Friday."_s << u"13 Somalis"_s << 13.0
        << u"Somalis"_s << QString() << QString();
    QTest::newRow("count-singular-in-sis-is-not-counted")
        << u"Analysts saw 3 crisis points."_s << u"3 crisis points"_s << 3.0 << u"crisis points"_s
        << QString() << QString();

    QTest::newRow("partitive-finite-verb-belongs-to-the-part")
        << u"Nearly half of the 6,000 residents have left the island."_s << u"6,000 residents"_s << 6000.0
        << u"residents"_s << QString() << QString();
    QTest::newRow("partitive-keeps-reduced-relative")
        << u"Relatives of the 52 sailors held captive met the minister."_s << u"52 sailors"_s << 52.0
        << u"sailors held captive"_s << QString() << QString();
    QTest::newRow("count-plural-in-men")
        << u"Police are hunting 4 gunmen."_s << u"4 gunmen"_s << 4.0 << u"gunmen"_s << QString() << QString();
    QTest::newRow("count-adjective-participle-missing")
        << u"Divers searched for the 19 missing fishermen."_s << u"19 missing fishermen"_s << 19.0
        << u"missing fishermen"_s << QString() << QString();

    QTest::newRow("range-first-amount-shares-noun")
        << u"Between 5,000 and 6,000 protesters gathered."_s << u"5,000"_s << 5000.0 << u"protesters"_s
        << QString() << QString();
    QTest::newRow("range-second-amount-keeps-verb")
        << u"Between 5,000 and 6,000 protesters gathered."_s << u"6,000 protesters"_s << 6000.0
        << u"protesters gathered"_s << QString() << QString();
    QTest::newRow("range-first-amount-shares-percent")
        << u"Prices rose 5 to 7 percent."_s << u"5"_s << 5.0 << u"%"_s << QString() << QString();

    // word numbers
    QTest::newRow("word-number-votes") << u"The motion won eleven votes in the chamber."_s
                                       << u"eleven votes"_s << 11.0 << u"votes"_s << QString() << QString();
    QTest::newRow("word-number-headless-who")
        << u"Police detained several suspects, including three who ran from the scene."_s << u"three"_s << 3.0
        << QString() << QString() << QString();
    QTest::newRow("word-number-hyphenated")
        << u"Twenty-five protesters were arrested outside parliament."_s << u"Twenty-five protesters"_s
        << 25.0 << u"protesters arrested"_s << QString() << QString();
    QTest::newRow("word-number-a-dozen")
        << u"A dozen ambulances waited at the gate."_s << u"A dozen ambulances"_s << 12.0
        << u"ambulances waited"_s << QString() << QString();
    QTest::newRow("word-number-two-dozen")
        << u"Two dozen reporters attended the briefing."_s << u"Two dozen reporters"_s << 24.0
        << u"reporters attended"_s << QString() << QString();
    QTest::newRow("word-number-hundred-and")
        << u"Two hundred and fifty families were evacuated from the valley."_s
        << u"Two hundred and fifty families"_s << 250.0 << u"families evacuated"_s << QString() << QString();
    QTest::newRow("word-number-one-with-scale")
        << u"One million doses arrived on Sunday."_s << u"One million doses"_s << 1e6 << u"doses arrived"_s
        << QString() << QString();

    // scales
    QTest::newRow("scale-million-word")
        << u"The city of 4.6 million residents has no metro."_s << u"4.6 million residents"_s << 4.6e6
        << u"residents"_s << QString() << QString();
    QTest::newRow("scale-bn-suffix") << u"The platform claims 1.2bn users worldwide."_s << u"1.2bn users"_s
                                     << 1.2e9 << u"users"_s << QString() << u"platform"_s;
    QTest::newRow("scale-m-suffix-count")
        << u"About 5m tourists visited the island last year."_s << u"About 5m tourists"_s << 5e6
        << u"tourists visited"_s << u"about"_s << QString();
    QTest::newRow("scale-m-suffix-metres")
        << u"Crews built a 5m wall along the river."_s << u"5m"_s << 5.0 << u"m"_s << QString() << QString();
    QTest::newRow("vague-thousands-of")
        << u"Thousands of workers marched through the capital."_s << u"Thousands of workers"_s << 1000.0
        << u"workers marched"_s << u"more than"_s << QString();
    QTest::newRow("vague-tens-of-thousands")
        << u"Tens of thousands of residents fled north."_s << u"Tens of thousands of residents"_s << 10000.0
        << u"residents fled"_s << u"more than"_s << QString();
    QTest::newRow("vague-dozens") << u"Dozens of shops were looted overnight."_s << u"Dozens of shops"_s
                                  << 12.0 << u"shops looted"_s << u"more than"_s << QString();

    // money
    QTest::newRow("money-dollar-billion") << u"The government approved $2.5 billion in emergency aid."_s
                                          << u"$2.5 billion"_s << 2.5e9 << u"USD"_s << QString() << QString();
    QTest::newRow("money-euro-million") << u"The club paid €40 million for the striker."_s << u"€40 million"_s
                                        << 4e7 << u"EUR"_s << QString() << QString();
    QTest::newRow("money-currency-word")
        << u"The utility will spend 2.3 billion crowns on the grid."_s << u"2.3 billion crowns"_s << 2.3e9
        << u"crowns"_s << QString() << QString();
    QTest::newRow("money-national-currency")
        << u"The bank set aside 800 million Czech crowns."_s << u"800 million Czech crowns"_s << 8e8
        << u"CZK"_s << QString() << QString();
    QTest::newRow("money-iso-code-and-m-suffix") << u"The startup raised USD 5m from investors."_s
                                                 << u"USD 5m"_s << 5e6 << u"USD"_s << QString() << QString();
    QTest::newRow("money-pound-sign")
        << u"Tickets cost £300 each."_s << u"£300"_s << 300.0 << u"GBP"_s << QString() << QString();
    QTest::newRow("money-us-dollar-prefix") << u"The deal is worth US$750 million."_s << u"US$750 million"_s
                                            << 7.5e8 << u"USD"_s << QString() << QString();
    QTest::newRow("money-dollars-word") << u"The fine was 3 million dollars."_s << u"3 million dollars"_s
                                        << 3e6 << u"USD"_s << QString() << QString();
    QTest::newRow("money-qualified-bn") << u"Damage is put at more than $1.2bn."_s << u"more than $1.2bn"_s
                                        << 1.2e9 << u"USD"_s << u"more than"_s << QString();
    QTest::newRow("pounds-of-is-weight") << u"The boat carried 900 pounds of cocaine."_s << u"900 pounds"_s
                                         << 900.0 << u"pounds"_s << QString() << QString();

    // percentages
    QTest::newRow("percent-sign") << u"Inflation reached 41% in March."_s << u"41%"_s << 41.0 << u"%"_s
                                  << QString() << QString();
    QTest::newRow("percent-word") << u"Nearly 60 percent of voters backed the plan."_s
                                  << u"Nearly 60 percent"_s << 60.0 << u"%"_s << u"nearly"_s << QString();
    QTest::newRow("percent-per-cent")
        << u"Sales fell 12.5 per cent."_s << u"12.5 per cent"_s << 12.5 << u"%"_s << QString() << QString();
    QTest::newRow("percent-pc-suffix")
        << u"Shares jumped 3pc on Friday."_s << u"3pc"_s << 3.0 << u"%"_s << QString() << QString();
    QTest::newRow("percentage-points")
        << u"The party gained 4 percentage points."_s << u"4 percentage points"_s << 4.0
        << u"percentage points"_s << QString() << QString();

    // qualifiers, one row each
    const QStringList qualifiers { u"at least"_s,   u"more than"_s,    u"over"_s,         u"almost"_s,
                                   u"nearly"_s,     u"about"_s,        u"around"_s,       u"roughly"_s,
                                   u"some"_s,       u"up to"_s,        u"fewer than"_s,   u"less than"_s,
                                   u"as many as"_s, u"an estimated"_s, u"approximately"_s };
    for (const QString &q : qualifiers) {
        const QString name = u"qualifier-"_s + QString(q).replace(u' ', u'-');
        QTest::newRow(qPrintable(name)) << u"Observers counted "_s + q + u" 500 ballots in the district."_s
                                        << q + u" 500 ballots"_s << 500.0 << u"ballots"_s << q << QString();
    }

    // attribution
    QTest::newRow("attribution-according-to-after")
        << u"At least 212 civilians have been killed, according to the provincial health department, since the offensive began."_s
        << u"At least 212 civilians"_s << 212.0 << u"civilians killed"_s << u"at least"_s
        << u"provincial health department"_s;
    QTest::newRow("attribution-according-to-before")
        << u"According to the U.N. refugee agency, 1.1 million people have left the country."_s
        << u"1.1 million people"_s << 1.1e6 << u"people left"_s << QString() << u"U.N. refugee agency"_s;
    QTest::newRow("attribution-possessive-tally")
        << u"The blast killed 38 people, according to the army’s tally."_s << u"38 people"_s << 38.0
        << u"people killed"_s << QString() << u"army"_s;
    QTest::newRow("attribution-by-possessive-count")
        << u"By the ministry’s count, 2,100 schools have closed."_s << u"2,100 schools"_s << 2100.0
        << u"schools closed"_s << QString() << u"ministry"_s;
    QTest::newRow("attribution-subject-says")
        << u"Ukraine says Russian strikes killed 14 people overnight."_s << u"14 people"_s << 14.0
        << u"people killed"_s << QString() << u"Ukraine"_s;
    QTest::newRow("attribution-trailing-said")
        << u"About 400 homes were flooded, the mayor said."_s << u"About 400 homes"_s << 400.0
        << u"homes flooded"_s << u"about"_s << u"mayor"_s;
    QTest::newRow("attribution-inverted-said")
        << u"Some 90 flights were cancelled, said the airport operator."_s << u"Some 90 flights"_s << 90.0
        << u"flights cancelled"_s << u"some"_s << u"airport operator"_s;
    QTest::newRow("attribution-subject-with-weekday")
        << u"The minister on Tuesday said 600 troops had been deployed."_s << u"600 troops"_s << 600.0
        << u"troops deployed"_s << QString() << u"minister"_s;
    QTest::newRow("attribution-pronoun-gives-none")
        << u"He said 45 ships were waiting offshore."_s << u"45 ships"_s << 45.0 << u"ships"_s << QString()
        << QString();

    QTest::newRow("attribution-all-caps-name-is-not-a-stop-word")
        << u"The US says 300 American troops will be deployed."_s << u"300 American troops"_s << 300.0
        << u"American troops"_s << QString() << u"US"_s;
    QTest::newRow("attribution-name-with-connector")
        << u"At least 100 journalists have been killed, the Committee to Protect Journalists said."_s
        << u"At least 100 journalists"_s << 100.0 << u"journalists killed"_s << u"at least"_s
        << u"Committee to Protect Journalists"_s;
    QTest::newRow("attribution-plural-subject-estimate")
        << u"The rebels hold about 40 per cent of the country, analysts estimate."_s << u"about 40 per cent"_s
        << 40.0 << u"%"_s << u"about"_s << u"analysts"_s;
    QTest::newRow("count-noun-that-looks-like-a-verb")
        << u"Envoys of the 27 member states met in Brussels."_s << u"27 member states"_s << 27.0
        << u"member states"_s << QString() << QString();
    QTest::newRow("count-ends-at-first-plural")
        << u"Gunmen freed 46 captives overnight."_s << u"46 captives"_s << 46.0 << u"captives freed"_s
        << QString() << QString();

    QTest::newRow("attribution-name-after-ordinal")
        << u"Ukraine’s 3rd Assault Brigade said it repelled 12 attacks."_s << u"12 attacks"_s << 12.0
        << u"attacks"_s << QString() << u"Assault Brigade"_s;

    // patterns of the reference wire stories, in new sentences
    QTest::newRow("seed-like-killed-and-wounded-according-to")
        << u"More than 5,310 Sudanese have been killed and 12,000 wounded, according to the Darfur medical council, since Nov. 3."_s
        << u"More than 5,310 Sudanese"_s << 5310.0 << u"Sudanese killed"_s << u"more than"_s
        << u"Darfur medical council"_s;
    QTest::newRow("seed-like-wounded-shares-attribution")
        << u"More than 5,310 Sudanese have been killed and 12,000 wounded, according to the Darfur medical council, since Nov. 3."_s
        << u"12,000 wounded"_s << 12000.0 << u"wounded"_s << QString() << u"Darfur medical council"_s;
    QTest::newRow("seed-like-taken-hostage-by-tally")
        << u"The raid killed 310 people, with 85 people taken hostage, according to Kenya’s tally."_s
        << u"85 people"_s << 85.0 << u"people taken hostage"_s << QString() << u"Kenya"_s;
    QTest::newRow("seed-like-preceding-verb-by-tally")
        << u"The raid killed 310 people, with 85 people taken hostage, according to Kenya’s tally."_s
        << u"310 people"_s << 310.0 << u"people killed"_s << QString() << u"Kenya"_s;
    QTest::newRow("seed-like-vague-hundreds-more")
        << u"Hundreds more villagers were killed as the army shelled the town on Monday – 420 people according to regional council spokesman Omar Haddad."_s
        << u"Hundreds more villagers"_s << 100.0 << u"villagers killed"_s << u"more than"_s
        << u"regional council spokesman Omar Haddad"_s;
    QTest::newRow("seed-like-count-before-according-to-person")
        << u"Hundreds more villagers were killed as the army shelled the town on Monday – 420 people according to regional council spokesman Omar Haddad."_s
        << u"420 people"_s << 420.0 << u"people"_s << QString()
        << u"regional council spokesman Omar Haddad"_s;
    QTest::newRow("seed-like-two-who")
        << u"Turkey said its troops killed a number of fighters near Afrin, including two who surrendered later."_s
        << u"two"_s << 2.0 << QString() << QString() << u"Turkey"_s;
    QTest::newRow("seed-like-at-least-nine-votes")
        << u"A motion needs at least nine votes in favour and no objections by the five founding members to pass."_s
        << u"at least nine votes"_s << 9.0 << u"votes"_s << u"at least"_s << QString();
    QTest::newRow("seed-like-five-adjective-members")
        << u"A motion needs at least nine votes in favour and no objections by the five founding members to pass."_s
        << u"five founding members"_s << 5.0 << u"founding members"_s << QString() << QString();
    QTest::newRow("seed-like-x-says-y-killed")
        << u"Colombia says the rebels killed 1,150 people, mostly farmers, and took more than 190 hostages in the raids on Aug. 9."_s
        << u"1,150 people"_s << 1150.0 << u"people killed"_s << QString() << u"Colombia"_s;
    QTest::newRow("seed-like-took-more-than-hostages")
        << u"Colombia says the rebels killed 1,150 people, mostly farmers, and took more than 190 hostages in the raids on Aug. 9."_s
        << u"more than 190 hostages"_s << 190.0 << u"hostages taken"_s << u"more than"_s << u"Colombia"_s;
    QTest::newRow("seed-like-reduced-relative-no-source")
        << u"Relatives of some of the more than 190 people taken hostage by the rebels gathered in Cali."_s
        << u"more than 190 people"_s << 190.0 << u"people taken hostage"_s << u"more than"_s << QString();
    QTest::newRow("seed-like-authorities-say-dash-aside")
        << u"Provincial health authorities say at least 4,277 people – many of them elderly – have been killed since the quake hit the region of 1.8 million people."_s
        << u"at least 4,277 people"_s << 4277.0 << u"people killed"_s << u"at least"_s
        << u"Provincial health authorities"_s;
    QTest::newRow("seed-like-population-scale")
        << u"Provincial health authorities say at least 4,277 people – many of them elderly – have been killed since the quake hit the region of 1.8 million people."_s
        << u"1.8 million people"_s << 1.8e6 << u"people"_s << QString() << u"Provincial health authorities"_s;
}

void TestFigureExtractor::extractsFigure()
{
    QFETCH(QString, body);
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, qualifier);
    QFETCH(QString, attributedTo);

    const QList<Figure> figures = FigureExtractor::extract(body, {});
    checkInvariants(body, figures);
    const auto it
        = std::find_if(figures.cbegin(), figures.cend(), [&](const Figure &f) { return f.text == text; });
    QVERIFY2(it != figures.cend(), qPrintable(u"no figure \"%1\" in: %2"_s.arg(text, describe(figures))));
    QCOMPARE(it->span.start, body.indexOf(text));
    QCOMPARE(it->value, value);
    QCOMPARE(it->unit, unit);
    QCOMPARE(it->qualifier, qualifier);
    QCOMPARE(it->attributedTo, attributedTo);
}

void TestFigureExtractor::ignoresNonFigures_data()
{
    QTest::addColumn<QString>("body");

    QTest::newRow("date-abbreviated-month") << u"The talks resumed on Oct. 12 in Doha."_s;
    QTest::newRow("seed-like-date-before-noun") << u"Families marked the Sept. 11 attacks with a vigil."_s;
    QTest::newRow("date-full-month") << u"Voting ends on November 14."_s;
    QTest::newRow("date-day-before-month") << u"The ceasefire began on 24 November."_s;
    QTest::newRow("date-month-and-year") << u"The plant closed on Dec. 2, 2021."_s;
    QTest::newRow("year-bare") << u"Their first album came out in 1998."_s;
    QTest::newRow("decade") << u"The law dates from the 1990s."_s;
    QTest::newRow("time-colon") << u"The rally started at 10:30."_s;
    QTest::newRow("time-pm") << u"Polls close at 8 p.m. local time."_s;
    QTest::newRow("ordinal") << u"It was the 3rd attempt."_s;
    QTest::newRow("seed-like-hyphenated-year-compound") << u"It was the worst storm in its 90-year record."_s;
    QTest::newRow("phone-number-spaced") << u"Call the hotline on 0800 555 0199 for help."_s;
    QTest::newRow("phone-number-dashed") << u"Call 555-0142 for details."_s;
    QTest::newRow("number-inside-word") << u"The A320 landed near the COVID-19 ward."_s;
    QTest::newRow("number-glued-to-letters") << u"The 5G rollout was delayed."_s;
    QTest::newRow("label-before-number") << u"The council adopted Resolution 2712 unanimously."_s;
    QTest::newRow("label-abbreviation") << u"He was ranked No. 1 by the magazine."_s;
    QTest::newRow("duration-word-number") << u"The war began two months ago."_s;
    QTest::newRow("duration-digits") << u"The siege lasted 100 days."_s;
    QTest::newRow("one-as-pronoun") << u"She held up one of the leaflets."_s;
    QTest::newRow("word-number-counting-nothing") << u"The two met in Geneva."_s;
    QTest::newRow("age-between-commas") << u"Maria Lopez, 34, was among the injured."_s;
    QTest::newRow("score") << u"The home side won 3-1."_s;
    QTest::newRow("ratio-slash") << u"Support is available 24/7."_s;
    QTest::newRow("ratio-digits") << u"About 1 in 4 adults smoke."_s;
    QTest::newRow("rank-top") << u"The single reached the top 10 in May."_s;
    QTest::newRow("ratio-one-in-five") << u"About one in five children is underweight."_s;
    QTest::newRow("hyphenated-word-number-adjective") << u"Both sides backed a two-state solution."_s;
}

void TestFigureExtractor::ignoresNonFigures()
{
    QFETCH(QString, body);
    const QList<Figure> figures = FigureExtractor::extract(body, {});
    QVERIFY2(figures.isEmpty(), qPrintable(describe(figures)));
}

void TestFigureExtractor::keepsUtf16SpansAfterEmoji()
{
    // U+1F6A8 and U+1F4B6 are outside the BMP: two UTF-16 units each.
    const QString body
        = u"\U0001F6A8 At least 5 people were hurt. \U0001F4B6 The repairs cost €12 million."_s;
    const QList<Figure> figures = FigureExtractor::extract(body, {});
    checkInvariants(body, figures);
    QCOMPARE(figures.size(), 2);
    QCOMPARE(figures.at(0).span.start, 3);
    QCOMPARE(figures.at(0).text, u"At least 5 people"_s);
    QCOMPARE(figures.at(0).unit, u"people hurt"_s);
    QCOMPARE(figures.at(1).span.start, body.indexOf(u"€12"_s));
    QCOMPARE(figures.at(1).text, u"€12 million"_s);
    QCOMPARE(figures.at(1).value, 12e6);
}

void TestFigureExtractor::findsEveryFigureInOrder()
{
    const QString body
        = u"The storm killed 12 people, destroyed 300 homes and caused $40 million in damage.\n\n"
          u"Officials said 5% of the harvest was lost and 7,000 cattle drowned."_s;
    const QList<Figure> figures = FigureExtractor::extract(body, {});
    checkInvariants(body, figures);
    QStringList texts;
    for (const Figure &f : figures)
        texts.append(f.text);
    QCOMPARE(texts,
             QStringList({ u"12 people"_s, u"300 homes"_s, u"$40 million"_s, u"5%"_s, u"7,000 cattle"_s }));
    QCOMPARE(figures.at(4).unit, u"cattle drowned"_s);
    // a paragraph break ends the sentence: the source of the second paragraph does not leak back
    QCOMPARE(figures.at(0).attributedTo, QString());
    QCOMPARE(figures.at(3).attributedTo, u"Officials"_s);
}

void TestFigureExtractor::endsLinesAtEveryOffset()
{
    // The scanner reads a body one line at a time and looks for the line end eight units at a
    // time: each line end, and characters next to them that are none, at every offset of a block,
    // against the answer read unit by unit.
    const QList<char16_t> units = { u'\n',  u'\r',  0x2028, 0x2029, 0x000b, 0x000c, 0x000e,
                                    0x2027, 0x202a, 0x0a0a, 0x0d0d, 0x2828, u'x' };
    const auto isEnd = [](char16_t c) { return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029; };
    for (const char16_t unit : units) {
        for (qsizetype at = 0; at < 24; ++at) {
            for (qsizetype from = 0; from < 10; ++from) {
                QString text(26, u'a');
                text[at] = QChar(unit);
                qsizetype expected = text.size();
                for (qsizetype k = from; k < text.size(); ++k) {
                    if (isEnd(text[k].unicode())) {
                        expected = k;
                        break;
                    }
                }
                QCOMPARE(Lede::Figures::lineEnd(text.constData(), from, text.size()), expected);
            }
        }
    }
    // The scan itself: an amount never runs across a line end.
    const QString body = u"The fair counted 3\nmillion visitors and 12 stalls."_s;
    const QList<Figure> figures = FigureExtractor::extract(body, {});
    checkInvariants(body, figures);
    QVERIFY2(std::none_of(figures.begin(), figures.end(), [](const Figure &f) { return f.value == 3e6; }),
             qPrintable(describe(figures)));
    QVERIFY2(
        std::any_of(figures.begin(), figures.end(), [](const Figure &f) { return f.text == u"12 stalls"_s; }),
        qPrintable(describe(figures)));
}

void TestFigureExtractor::prefersEntityNamesForAttribution_data()
{
    QTest::addColumn<bool>("withEntities");
    QTest::addColumn<QString>("attributedTo");
    QTest::newRow("person-entity-gives-canonical-name") << true << u"Karl Anton Weber"_s;
    QTest::newRow("no-entities-gives-subject-phrase") << false << u"Interior Minister Karl Weber"_s;
}

void TestFigureExtractor::prefersEntityNamesForAttribution()
{
    QFETCH(bool, withEntities);
    QFETCH(QString, attributedTo);
    const QString body = u"Interior Minister Karl Weber said 230 officers were injured."_s;
    QList<Entity> entities;
    if (withEntities) {
        Entity person;
        person.span = { body.indexOf(u"Karl"_s), body.indexOf(u" said"_s) };
        person.text = body.mid(person.span.start, person.span.length());
        person.type = Entity::Type::Person;
        person.canonical = u"Karl Anton Weber"_s;
        Entity date; // not a source: ignored
        date.span = { body.indexOf(u"Weber"_s), body.indexOf(u" said"_s) };
        date.type = Entity::Type::Date;
        date.text = u"Weber"_s;
        entities << date << person;
    }
    const QList<Figure> figures = FigureExtractor::extract(body, entities);
    QCOMPARE(figures.size(), 1);
    QCOMPARE(figures.at(0).text, u"230 officers"_s);
    QCOMPARE(figures.at(0).unit, u"officers injured"_s);
    QCOMPARE(figures.at(0).attributedTo, attributedTo);
}

void TestFigureExtractor::survivesOddInput_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("only-currency-sign") << u"$"_s << 0;
    QTest::newRow("only-percent-sign") << u"%"_s << 0;
    QTest::newRow("qualifier-without-number") << u"at least"_s << 0;
    QTest::newRow("number-at-end-without-unit") << u"The toll rose to 1,250"_s << 1;
    QTest::newRow("lone-surrogates") << QString(QChar(0xD83D)) + u"7 people "_s + QChar(0xDE00) << 1;
    QTest::newRow("huge-digit-run") << QString(5000, u'9') + u" people"_s << 0;
    QTest::newRow("separators-only") << u", . , ."_s << 0;
    QTest::newRow("trailing-dash-aside-unclosed") << u"At least 3 people – and"_s << 1;
    QTest::newRow("repeated-scale-words") << u"5 million million million million million people"_s << 1;
    QTest::newRow("chained-vague-plurals")
        << u"Hundreds of thousands of "_s.repeated(50) + u"people marched."_s << 1;
    QTest::newRow("stacked-scale-words") << u"9 trillion trillion trillion trillion trillion trillion"_s << 1;
    QTest::newRow("combining-marks") << u"Cafe\u0301 owners said 40 staff e\u0301te\u0301 were hired."_s << 1;
}

void TestFigureExtractor::survivesOddInput()
{
    QFETCH(QString, body);
    QFETCH(int, count);
    const QList<Figure> figures = FigureExtractor::extract(body, {});
    checkInvariants(body, figures);
    QCOMPARE(figures.size(), count);
}

void TestFigureExtractor::survivesRandomInput()
{
    const QStringList pieces { u"at least "_s, u"more than "_s, u"$"_s,
                               u"€"_s,         u"%"_s,          u"1,"_s,
                               u"2.5"_s,       u"9"_s,          u" "_s,
                               u"-"_s,         u"–"_s,          u"."_s,
                               u","_s,         u"million "_s,   u"people "_s,
                               u"Oct. "_s,     u"said "_s,      u"according to "_s,
                               u"\n"_s,        u"two "_s,       u"hundreds of "_s,
                               u"’s "_s,       u"\U0001F600"_s, QString(QChar(0xD800)),
                               u"A"_s,         u"killed "_s,    u"were "_s,
                               u"pc"_s,        u"m"_s };
    QRandomGenerator rng(20231208);
    int withFigures = 0;
    for (int round = 0; round < 3000; ++round) {
        QString body;
        const int n = int(rng.bounded(40));
        for (int k = 0; k < n; ++k)
            body += pieces.at(int(rng.bounded(int(pieces.size()))));
        const QList<Figure> figures = FigureExtractor::extract(body, {});
        checkInvariants(body, figures);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"input: "_s + body));
        withFigures += figures.isEmpty() ? 0 : 1;
    }
    QVERIFY(withFigures > 100); // the generator does produce figures, so the invariants were exercised
}

void TestFigureExtractor::givesSameResultsAcrossThreads()
{
    QString body;
    for (int k = 0; k < 200; ++k)
        body
            += u"Officials say at least %1 people were hurt and $%2 million was lost, according to the city’s tally. "_s
                   .arg(k + 10)
                   .arg(k + 1);
    const QList<Figure> expected = FigureExtractor::extract(body, {});
    QCOMPARE(expected.size(), 400);
    const QList<QString> bodies(8, body);
    const QList<QList<Figure>> results = QtConcurrent::blockingMapped(
        bodies, [](const QString &b) { return FigureExtractor::extract(b, {}); });
    for (const QList<Figure> &r : results) {
        QCOMPARE(r.size(), expected.size());
        for (qsizetype k = 0; k < r.size(); ++k) {
            QCOMPARE(r.at(k).span, expected.at(k).span);
            QCOMPARE(r.at(k).unit, expected.at(k).unit);
            QCOMPARE(r.at(k).attributedTo, expected.at(k).attributedTo);
        }
    }
}

QTEST_GUILESS_MAIN(TestFigureExtractor)
#include "tst_figureextractor.moc"
