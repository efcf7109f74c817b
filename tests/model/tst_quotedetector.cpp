// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/QuoteDetector.h"
#include "analysis/SpeechVerbs.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestQuoteDetector final : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void spansAreUtf16WithEmoji();
    void speechVerbs_data();
    void speechVerbs();
};

void TestQuoteDetector::detect_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QStringList>("kinds");

    QTest::newRow("curly-direct-with-attribution")
        << u"“We will rebuild the bridge,” Mayor Helena Strand said on Monday."_s
        << QStringList { u"“We will rebuild the bridge,”"_s } << QStringList { u"direct"_s };
    QTest::newRow("straight-direct-with-attribution")
        << u"\"Nobody wins if the ships go elsewhere,\" Aalders said."_s
        << QStringList { u"\"Nobody wins if the ships go elsewhere,\""_s } << QStringList { u"direct"_s };
    QTest::newRow("nested-curly-single-quotes")
        << u"“They keep saying ‘it’s only three days’, but it isn’t,” Dahl said."_s
        << QStringList { u"“They keep saying ‘it’s only three days’, but it isn’t,”"_s }
        << QStringList { u"direct"_s };
    QTest::newRow("nested-straight-single-quotes")
        << u"\"He told me 'not yet' twice, and then he left,\" she said."_s
        << QStringList { u"\"He told me 'not yet' twice, and then he left,\""_s }
        << QStringList { u"direct"_s };
    QTest::newRow("apostrophes-are-not-quotes")
        << u"Let’s be clear: Norway’s fleet, the '90s boom and rock 'n' roll don't matter here. Hamas’ claims and the ministers' plans neither."_s
        << QStringList {} << QStringList {};
    QTest::newRow("apostrophes-inside-quote")
        << u"“We don't play rock 'n' roll like in the '90s, and that’s fine,” Lund said."_s
        << QStringList { u"“We don't play rock 'n' roll like in the '90s, and that’s fine,”"_s }
        << QStringList { u"direct"_s };
    QTest::newRow("partial-after-to")
        << u"Dahl reiterated that the army has a right to “do everything needed to stop this happening again.”"_s
        << QStringList { u"“do everything needed to stop this happening again.”"_s }
        << QStringList { u"partial"_s };
    QTest::newRow("partial-lowercase-after-name-attribution-after")
        << u"Berg “stressed the need to protect the fishing grounds,” the ministry said."_s
        << QStringList { u"“stressed the need to protect the fishing grounds,”"_s }
        << QStringList { u"partial"_s };
    QTest::newRow("partial-short-fragment-with-verb-in-sentence")
        << u"It said the talks had been “frank but constructive.”"_s
        << QStringList { u"“frank but constructive.”"_s } << QStringList { u"partial"_s };
    QTest::newRow("partial-called-it") << u"Environmental group Blue North called the failure “a disgrace.”"_s
                                       << QStringList { u"“a disgrace.”"_s } << QStringList { u"partial"_s };
    QTest::newRow("scare-so-called")
        << u"The army announced a so-called “humanitarian pause” of four hours in the north of the city."_s
        << QStringList { u"“humanitarian pause”"_s } << QStringList { u"scare"_s };
    QTest::newRow("scare-short-phrase-no-verb")
        << u"Residents fear the “forgotten tunnels” of the district will be next."_s
        << QStringList { u"“forgotten tunnels”"_s } << QStringList { u"scare"_s };
    QTest::newRow("scare-headline-a-letter-answers")
        << u"Re. “Ferry fares will rise again next spring,” Page 4, May 2:\nI disagree with the board.\n"
           u"Re: “The harbour deserves a new wall” (Opinion, May 3): I agree."_s
        << QStringList { u"“Ferry fares will rise again next spring,”"_s,
                         u"“The harbour deserves a new wall”"_s }
        << QStringList { u"scare"_s, u"scare"_s };
    QTest::newRow("scare-title-case-film")
        << u"The festival opens with the documentary “Three Days in the Rain” on Friday."_s
        << QStringList { u"“Three Days in the Rain”"_s } << QStringList { u"scare"_s };
    QTest::newRow("direct-after-colon")
        << u"Lepp told Nordwire: “My client never took a cent.”"_s
        << QStringList { u"“My client never took a cent.”"_s } << QStringList { u"direct"_s };
    QTest::newRow("direct-interrupted-two-halves")
        << u"“We have been through worse,” Brekke said, “and we came out stronger.”"_s
        << QStringList { u"“We have been through worse,”"_s, u"“and we came out stronger.”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("curly-quotes-multi-paragraph")
        << u"“They promised us a deal. Now they install cranes.\n\n“We are not against the future,” she said."_s
        << QStringList { u"“They promised us a deal. Now they install cranes."_s,
                         u"“We are not against the future,”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("straight-quotes-multi-paragraph")
        << u"\"They promised us a deal.\n\"We are not against the future,\" she said."_s
        << QStringList { u"\"They promised us a deal."_s, u"\"We are not against the future,\""_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("low-opening-mark")
        << u"„Wir bleiben bis zum Schluss“, sagte Strand. „Das ist ein klarer Sieg”, fügte sie hinzu."_s
        << QStringList { u"„Wir bleiben bis zum Schluss“"_s, u"„Das ist ein klarer Sieg”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("low-mark-inside-an-english-quote")
        << u"“He wrote „We can do it“ in 2015 and we believed him,” Lind said."_s
        << QStringList { u"“He wrote „We can do it“"_s } << QStringList { u"direct"_s };
    QTest::newRow("stray-low-mark-opens-nothing")
        << u"“We will stay„ Lind said. “We leave in May,” she added."_s
        << QStringList { u"“We will stay„ Lind said."_s, u"“We leave in May,”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("marks-inside-a-low-quote")
        << u"„Er sagte »Nein« und ging dann nach Hause“, sagte Strand."_s
        << QStringList { u"„Er sagte »Nein« und ging dann nach Hause“"_s } << QStringList { u"direct"_s };
    QTest::newRow("guillemets") << u"«We will stay until the very end,» Strand said."_s
                                << QStringList { u"«We will stay until the very end,»"_s }
                                << QStringList { u"direct"_s };
    QTest::newRow("inch-mark-is-not-a-quote")
        << u"Workers replaced a 12\" pipe under the road on Tuesday."_s << QStringList {} << QStringList {};
    QTest::newRow("stray-opening-mark-dropped")
        << u"The council voted “ yes.\nNothing else happened."_s << QStringList {} << QStringList {};
    QTest::newRow("unclosed-long-quote-kept-to-paragraph-end")
        << u"“We will not accept this decision under any circumstances, he said.\nThe vote is on Friday."_s
        << QStringList { u"“We will not accept this decision under any circumstances, he said."_s }
        << QStringList { u"direct"_s };
    QTest::newRow("two-quotes-in-one-paragraph")
        << u"“Nobody asked us. We found out from the newspaper,” Dahl said. “They never listen.”"_s
        << QStringList { u"“Nobody asked us. We found out from the newspaper,”"_s, u"“They never listen.”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("run-on-quote-with-paragraph-breaks-lost")
        << u"Speaking at the harbour, the mayor said: “The ferry will run again in May. “We owe that to the "
           u"islanders, and we will keep our word.” Then she left."_s
        << QStringList { u"“The ferry will run again in May."_s,
                         u"“We owe that to the islanders, and we will keep our word.”"_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("straight-run-on-quote-with-paragraph-breaks-lost")
        << u"The coach said: \"We played well in the first half. \"Stop asking about the referee, it was our "
           u"fault,\" he added."_s
        << QStringList { u"\"We played well in the first half."_s,
                         u"\"Stop asking about the referee, it was our fault,\""_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("stray-mark-before-a-sentence-is-no-run-on")
        << u"The council voted “ yes to the plan. “We will appeal,” Lind said."_s
        << QStringList { u"“We will appeal,”"_s } << QStringList { u"direct"_s };
    QTest::newRow("british-single-marks")
        << u"Speaking on Monday, the minister said: 'We will not cut the grant this year.' Later she called "
           u"the "
           u"report 'deeply flawed', and the union said it was ‘appalled’. 'Rock 'n' roll' is a phrase."_s
        << QStringList { u"'We will not cut the grant this year.'"_s, u"'deeply flawed'"_s, u"‘appalled’"_s }
        << QStringList { u"direct"_s, u"partial"_s, u"partial"_s };
    QTest::newRow("british-single-marks-run-on-into-the-next-paragraph")
        << u"The charter warns the minister: 'If we get this wrong, years of careful work could be lost.\n\n"
           u"'Let us not race to the bottom.'\n\nIt was his 'best year', he said of '98.\n\n'Tis the season."_s
        << QStringList { u"'If we get this wrong, years of careful work could be lost."_s,
                         u"'Let us not race to the bottom.'"_s, u"'best year'"_s }
        << QStringList { u"direct"_s, u"direct"_s, u"partial"_s };
    QTest::newRow("british-single-marks-around-a-whole-long-paragraph")
        << u"The owners wrote to the council.\n\n"
           u"'We're told the ferries will run, but nobody has said when, and the harbour's cafes can't wait for ever. We've lost the spring trade, we'll lose the summer trade too, and the town's young people are already packing up to leave for the mainland, where the jobs are, where the rents are lower, and where nobody has to ask a minister's leave to earn a living by the sea.'"_s
        << QStringList { u"'We're told the ferries will run, but nobody has said when, and the harbour's cafes can't wait for ever. We've lost the spring trade, we'll lose the summer trade too, and the town's young people are already packing up to leave for the mainland, where the jobs are, where the rents are lower, and where nobody has to ask a minister's leave to earn a living by the sea.'"_s }
        << QStringList { u"direct"_s };
    QTest::newRow("single-quote-ending-in-s-before-a-conjunction")
        << u"The union says the strike has 'raised the stakes' because 'the talks have failed twice this year'."_s
        << QStringList { u"'raised the stakes'"_s, u"'the talks have failed twice this year'"_s }
        << QStringList { u"partial"_s, u"partial"_s };
    QTest::newRow("single-quote-ending-in-s-before-a-verb-or-pronoun")
        << u"It was 'a matter for the ministers' said Lind. She called it ‘a good deal for the farmers’ she said."_s
        << QStringList { u"'a matter for the ministers'"_s, u"‘a good deal for the farmers’"_s }
        << QStringList { u"partial"_s, u"partial"_s };
    QTest::newRow("single-marks-that-are-no-quotes")
        << u"The ministers' plans and the Smiths’ house were sold. Dates use 'dd/MM/yyyy' here. The term "
           u"'legacy backlog' is new, and so is rock ‘n’ roll in the '90s."_s
        << QStringList {} << QStringList {};
    QTest::newRow("empty-body") << QString() << QStringList {} << QStringList {};
    QTest::newRow("next-paragraph-only-closes")
        << u"After the match the coach said, \"We learned a lot today.\n\nIt was a long night for all of us.\"\n\nThe end."_s
        << QStringList { u"\"We learned a lot today."_s, u"It was a long night for all of us.\""_s }
        << QStringList { u"direct"_s, u"direct"_s };
    QTest::newRow("next-paragraph-opens-no-continuation")
        << u"The coach said, \"We learned a lot today and will be back.\n\nThe team flew home on \"Sunday\" night."_s
        << QStringList { u"\"We learned a lot today and will be back."_s, u"\"Sunday\""_s }
        << QStringList { u"direct"_s, u"scare"_s };
    QTest::newRow("straight-mark-right-after-comma-opens")
        << u"She also said kits would be sent to schools,\" For example, pupils can hold their own vote\". Then she left."_s
        << QStringList { u"\" For example, pupils can hold their own vote\""_s }
        << QStringList { u"partial"_s };
    QTest::newRow("title-as-subject-or-qualifier-at-sentence-start")
        << u"“The Long Night Home” sold a million copies. “Tidewater” producer Ada Lind said the film took "
           u"four years. “We will win” he said."_s
        << QStringList { u"“The Long Night Home”"_s, u"“Tidewater”"_s, u"“We will win”"_s }
        << QStringList { u"scare"_s, u"scare"_s, u"direct"_s };
    QTest::newRow("short-quote-before-a-speech-verb-is-direct")
        << u"“We are ready” the coach said after training."_s << QStringList { u"“We are ready”"_s }
        << QStringList { u"direct"_s };
    QTest::newRow("fragment-with-attribution-after-the-next-comma")
        << u"The closure was “a real blow” to the town, an official said on Monday. The "
           u"plan is “bold” but costly. Some equated “cheap rent” with a rise in crime, others said they feared noise."_s
        << QStringList { u"“a real blow”"_s, u"“bold”"_s, u"“cheap rent”"_s }
        << QStringList { u"partial"_s, u"scare"_s, u"scare"_s };
}

void TestQuoteDetector::detect()
{
    QFETCH(QString, body);
    QFETCH(QStringList, texts);
    QFETCH(QStringList, kinds);

    const QList<Quote> quotes = QuoteDetector::detect(body);
    QStringList gotTexts;
    QStringList gotKinds;
    for (const Quote &q : quotes) {
        QCOMPARE(q.text, body.mid(q.span.start, q.span.length()));
        QVERIFY(q.speaker.isEmpty());
        QVERIFY(!q.speakerSpan);
        gotTexts << q.text;
        gotKinds << quoteKindName(q.kind);
    }
    QCOMPARE(gotTexts, texts);
    QCOMPARE(gotKinds, kinds);
}

void TestQuoteDetector::spansAreUtf16WithEmoji()
{
    const QString body = u"🎉🎉 Fans cheered. “We won the cup 🏆 at last,” the captain said."_s;
    const QList<Quote> quotes = QuoteDetector::detect(body);
    QCOMPARE(quotes.size(), 1);
    const qsizetype open = body.indexOf(u'“');
    QCOMPARE(quotes.first().span.start, open);
    QCOMPARE(quotes.first().span.end, body.indexOf(u'”') + 1);
    QCOMPARE(quotes.first().text, u"“We won the cup 🏆 at last,”"_s);
}

void TestQuoteDetector::speechVerbs_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("verb");
    for (const char *w :
         { "said",      "says",         "say",       "told",       "tells",      "added",      "adds",
           "asked",     "warned",       "insisted",  "reiterated", "emphasized", "emphasised", "urged",
           "wrote",     "argued",       "noted",     "stated",     "explained",  "declared",   "claimed",
           "stressed",  "acknowledged", "announced", "replied",    "responded",  "continued",  "recalled",
           "suggested", "predicted",    "concluded", "complained", "admitted",   "conceded",   "cautioned",
           "vowed",     "pledged",      "promised",  "remarked",   "observed",   "commented",  "tweeted",
           "posted",    "quipped",      "testified", "adding",     "saying",     "Said",       "replies",
           "denied" })
        QTest::newRow(qPrintable(u"verb-"_s + QLatin1StringView(w))) << QString::fromLatin1(w) << true;
    for (const char *w : { "house", "the", "Blinken", "sad", "sayings", "tolled", "", "États" })
        QTest::newRow(qPrintable(u"not-verb-"_s + QLatin1StringView(w))) << QString::fromUtf8(w) << false;
}

void TestQuoteDetector::speechVerbs()
{
    QFETCH(QString, word);
    QFETCH(bool, verb);
    QCOMPARE(SpeechVerbs::contains(word), verb);
}

QTEST_GUILESS_MAIN(TestQuoteDetector)
#include "tst_quotedetector.moc"
