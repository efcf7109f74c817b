// SPDX-License-Identifier: GPL-3.0-or-later
// Interviews printed as transcripts ("Name: answer") give one quote per answer paragraph, with the
// label as speaker; labelled lines that are not an interview change nothing. All text written for
// this test.
#include "Article.h"
#include "analysis/Analyzer.h"
#include "analysis/InterviewTurns.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

Entity person(const QString &body, const QString &name)
{
    Entity e;
    const qsizetype at = body.indexOf(name);
    e.span = Span { at, at + name.size() };
    e.text = name;
    e.type = Entity::Type::Person;
    e.canonical = name;
    return e;
}

QStringList speakers(const QList<Quote> &quotes)
{
    QStringList out;
    for (const Quote &q : quotes)
        out << q.speaker;
    return out;
}

QStringList texts(const QList<Quote> &quotes)
{
    QStringList out;
    for (const Quote &q : quotes)
        out << q.text;
    return out;
}

const QString Transcript = u"Harbour master talks about the new sea wall\n\n"
                           u"File photo of Tom Eck. Image: Town archive.\n\n"
                           u"Lena Marsh: Why did you stand for the harbour board?\n\n"
                           u"Tom Eck: Because nobody else would. I have fished here for thirty years.\n\n"
                           u"And I know what the winter storms do to the old wall.\n\n"
                           u"Eck at the harbour in 2019\n\n"
                           u"Lena Marsh: What comes first?\n\n"
                           u"Tom Eck: The sea wall. My neighbours call it \"the long fence\" already.\n\n"
                           u"Lena Marsh: Anything else?\n\n"
                           u"Tom Eck: No. Thank you.\n"_s;

} // namespace

class TestInterviewTurns final : public QObject
{
    Q_OBJECT

private slots:
    void answersBecomeQuotesOfTheirSpeaker();
    void markQuotesInsideAnswersStay();
    void runTogetherTranscript();
    void runTogetherShortAnswers();
    void notInterviews_data();
    void notInterviews();
    void analyzerAttributesTranscriptAnswers();
};

void TestInterviewTurns::answersBecomeQuotesOfTheirSpeaker()
{
    QList<Quote> quotes;
    InterviewTurns::apply(Transcript, quotes, { person(Transcript, u"Tom Eck"_s) });
    QCOMPARE(texts(quotes),
             (QStringList {
                 u"Because nobody else would. I have fished here for thirty years."_s,
                 u"And I know what the winter storms do to the old wall."_s, // continued
                 u"The sea wall. My neighbours call it \"the long fence\" already."_s,
                 u"No. Thank you."_s,
             }));
    QCOMPARE(speakers(quotes), QStringList(4, u"Tom Eck"_s));
    for (const Quote &q : std::as_const(quotes)) {
        QCOMPARE(Transcript.mid(q.span.start, q.span.length()), q.text);
        QCOMPARE(q.kind, Quote::Kind::Direct);
        QVERIFY(q.speakerSpan);
        QCOMPARE(Transcript.mid(q.speakerSpan->start, q.speakerSpan->length()), u"Tom Eck"_s);
        QVERIFY(q.cue.isEmpty());
    }
    // The continuation borrows the turn's label as its mention.
    QCOMPARE(quotes.at(1).speakerSpan, quotes.at(0).speakerSpan);
}

void TestInterviewTurns::markQuotesInsideAnswersStay()
{
    QList<Quote> quotes;
    Quote nested;
    const qsizetype at = Transcript.indexOf(u"\"the long fence\""_s);
    nested.span = Span { at, at + 16 };
    nested.text = Transcript.mid(at, 16);
    nested.kind = Quote::Kind::Scare;
    quotes << nested;
    InterviewTurns::apply(Transcript, quotes, { person(Transcript, u"Tom Eck"_s) });
    QCOMPARE(quotes.size(), 5);
    // Sorted by start: the answer holding it comes first, then the scare quote itself.
    QCOMPARE(quotes.at(2).text.left(13), u"The sea wall."_s);
    QCOMPARE(quotes.at(3).text, u"\"the long fence\""_s);
    QCOMPARE(quotes.at(3).kind, Quote::Kind::Scare);
    for (qsizetype i = 1; i < quotes.size(); ++i)
        QVERIFY(quotes.at(i - 1).span.start <= quotes.at(i).span.start);
}

void TestInterviewTurns::runTogetherTranscript()
{
    // The paragraph breaks were lost; the first question hides behind a heading word, and the
    // answerer's initial ends in a period that is no sentence end.
    const QString body
        = u"Harbour master talks about the new sea wall\n\n"
          u"The board met in May. Interview Lena Marsh: Why did you stand for the board? "
          u"Tom K. Eck: Because nobody else would. Lena Marsh: What comes first? "
          u"Tom K. Eck: The sea wall. Lena Marsh: Anything else? Tom K. Eck: No. Thank you.\n"_s;
    QList<Quote> quotes;
    InterviewTurns::apply(body, quotes, { person(body, u"Tom K. Eck"_s) });
    QCOMPARE(texts(quotes),
             (QStringList { u"Because nobody else would."_s, u"The sea wall."_s, u"No. Thank you."_s }));
    QCOMPARE(speakers(quotes), QStringList(3, u"Tom K. Eck"_s));
}

void TestInterviewTurns::runTogetherShortAnswers()
{
    // A one-word answer ends its turn though it is as short as an initial or a title.
    const QString body = u"Harbour master talks about the new sea wall\n\n"
                         u"Lena Marsh: Will the wall hold? Tom K. Eck: Yes. Lena Marsh: And the old one? "
                         u"Tom K. Eck: No. Lena Marsh: Anything else? Tom K. Eck: Nothing. Thank you.\n"_s;
    QList<Quote> quotes;
    InterviewTurns::apply(body, quotes, { person(body, u"Tom K. Eck"_s) });
    QCOMPARE(texts(quotes), (QStringList { u"Yes."_s, u"No."_s, u"Nothing. Thank you."_s }));
    QCOMPARE(speakers(quotes), QStringList(3, u"Tom K. Eck"_s));
}

void TestInterviewTurns::notInterviews_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("name"); // a person the entity layer found, or empty

    QTest::newRow("event box") << u"Choir sings for the lifeboat fund\n\n"
                                  u"When: Friday at eight.\n\nWhere: The old church.\n\n"
                                  u"Tickets: Five pounds at the door.\n\nWhat: Songs of the sea?\n"_s
                               << QString();
    QTest::newRow("faq with bare Q and A") << u"Q: Can I park at the harbour?\n\nA: Only on weekdays.\n\n"
                                              u"Q: Is the ferry running?\n\nA: Yes, twice a day.\n"_s
                                           << QString();
    QTest::newRow("one note in a news story")
        << u"The council voted on Tuesday.\n\nNote: An earlier version misspelt the mayor's name.\n"_s
        << QString();
    QTest::newRow("labels without questions")
        << u"Ada Kroll: The vote is delayed.\n\nTom Eck: The wall will wait.\n\n"
           u"Ada Kroll: Spring, then.\n\nTom Eck: Spring.\n"_s
        << u"Tom Eck"_s;
    QTest::newRow("sentence then caption credit, not a label")
        << u"Lena Marsh: Who pays?\n\nRobert Roe. Image: Town archive.\n\n"
           u"Lena Marsh: And when?\n\nRobert Roe. Image: Harbour board.\n\nLena Marsh: Why?\n"_s
        << u"Robert Roe"_s;
    QTest::newRow("run-together labels without questions")
        << u"Votes\n\nThe council voted. Ada Kroll: For the wall. Tom Eck: Against. Ada Kroll: For. Tom Eck: Against.\n"_s
        << u"Tom Eck"_s;
    QTest::newRow("answers by someone unnamed once each")
        << u"Lena Marsh: Who pays?\n\nCommon Name: Sea wall.\n\nLena Marsh: And when?\n\n"
           u"Check Out: The harbour shop.\n"_s
        << QString();
}

void TestInterviewTurns::notInterviews()
{
    QFETCH(QString, body);
    QFETCH(QString, name);
    QList<Quote> quotes;
    Quote existing;
    existing.span = Span { 0, 2 };
    existing.text = body.left(2);
    quotes << existing;
    InterviewTurns::apply(body, quotes,
                          name.isEmpty() ? QList<Entity> {} : QList<Entity> { person(body, name) });
    QCOMPARE(quotes.size(), 1);
    QCOMPARE(quotes.first().span, existing.span);
}

void TestInterviewTurns::analyzerAttributesTranscriptAnswers()
{
    Article article;
    article.title = u"Harbour master talks about the new sea wall"_s;
    article.body = Transcript;
    const AnalysisResult result = Analyzer::analyze(article);
    QStringList answered;
    for (const Quote &q : result.quotes) {
        if (q.text.startsWith(u"Because nobody"_s) || q.text.startsWith(u"No. Thank"_s))
            answered << q.speaker;
    }
    QCOMPARE(answered, (QStringList { u"Tom Eck"_s, u"Tom Eck"_s }));
}

QTEST_APPLESS_MAIN(TestInterviewTurns)
#include "tst_interviewturns.moc"
