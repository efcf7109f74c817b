// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/TokenStream.h"
#include "analysis/Tokenizer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestTokenizer final : public QObject
{
    Q_OBJECT

private slots:
    void texts_data();
    void texts();
    void spans_data();
    void spans();
    void emptyInput();
    void streamParagraphsAndSentences();
    void streamFlags();
    void streamOfEmptyText();
    void asciiAlnumRunsAtEveryOffset();
};

void TestTokenizer::texts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("possessive-curly-apostrophe")
        << u"Chile’s envoy"_s << QStringList { u"Chile"_s, u"’s"_s, u"envoy"_s };
    QTest::newRow("possessive-straight-apostrophe")
        << u"the Senate's vote"_s << QStringList { u"the"_s, u"Senate"_s, u"'s"_s, u"vote"_s };
    QTest::newRow("abbreviations-keep-their-period")
        << u"U.S. envoy met Mr. Ortiz on Oct. 3."_s
        << QStringList { u"U.S."_s, u"envoy"_s, u"met"_s, u"Mr."_s, u"Ortiz"_s,
                         u"on"_s,   u"Oct."_s,  u"3"_s,   u"."_s };
    // The list is resources/lexicon/abbreviations.txt, matched as written there.
    QTest::newRow("abbreviations-from-the-lexicon-as-written")
        << u"Det. Varga vs. Cpl. Lund, Maj. Pell said no. mr. Fox"_s
        << QStringList { u"Det."_s, u"Varga"_s, u"vs."_s, u"Cpl."_s, u"Lund"_s, u","_s, u"Maj."_s,
                         u"Pell"_s, u"said"_s,  u"no"_s,  u"."_s,    u"mr"_s,   u"."_s, u"Fox"_s };
    QTest::newRow("numbers-with-separators")
        << u"1,250 people, 4.5 million, 12%"_s
        << QStringList { u"1,250"_s, u"people"_s, u","_s, u"4.5"_s, u"million"_s, u","_s, u"12"_s, u"%"_s };
    QTest::newRow("hyphen-and-inner-apostrophe")
        << u"O'Neill's al-Sayed don't"_s << QStringList { u"O'Neill"_s, u"'s"_s, u"al-Sayed"_s, u"don't"_s };
    QTest::newRow("quotes-and-dash") << u"“No,” she said – twice."_s
                                     << QStringList { u"“"_s,    u"No"_s, u","_s,     u"”"_s, u"she"_s,
                                                      u"said"_s, u"–"_s,  u"twice"_s, u"."_s };
    QTest::newRow("combining-mark-stays-in-word")
        << u"Zoe\u0308 left"_s << QStringList { u"Zoe\u0308"_s, u"left"_s };
    QTest::newRow("emoji-with-skin-tone-is-one-token")
        << u"Hi 👋🏽 Zoë"_s << QStringList { u"Hi"_s, u"👋🏽"_s, u"Zoë"_s };
}

void TestTokenizer::texts()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const Token &t : Tokenizer::tokenize(input)) {
        QCOMPARE(t.text, input.mid(t.span.start, t.span.length()));
        actual.append(t.text);
    }
    QCOMPARE(actual, expected);
}

void TestTokenizer::spans_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QList<qsizetype>>("starts");
    QTest::addColumn<QList<qsizetype>>("ends");
    // 🎉 is a surrogate pair: the word after it starts at UTF-16 index 3, not 2.
    QTest::newRow("non-bmp-emoji-before-word")
        << u"🎉 Ottawa won"_s << QList<qsizetype> { 0, 3, 10 } << QList<qsizetype> { 2, 9, 13 };
    QTest::newRow("combining-marks-count-as-units")
        << u"Jose\u0301 Nun\u0303ez"_s << QList<qsizetype> { 0, 6 } << QList<qsizetype> { 5, 12 };
    QTest::newRow("emoji-cluster-between-words")
        << u"a 👩‍👩‍👧 b"_s << QList<qsizetype> { 0, 2, 11 } << QList<qsizetype> { 1, 10, 12 };
}

void TestTokenizer::spans()
{
    QFETCH(QString, input);
    QFETCH(QList<qsizetype>, starts);
    QFETCH(QList<qsizetype>, ends);
    const QList<Token> tokens = Tokenizer::tokenize(input);
    QCOMPARE(tokens.size(), starts.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QCOMPARE(tokens[i].span.start, starts[i]);
        QCOMPARE(tokens[i].span.end, ends[i]);
    }
}

void TestTokenizer::emptyInput()
{
    QVERIFY(Tokenizer::tokenize(QString()).isEmpty());
    QVERIFY(Tokenizer::tokenize(u" \n\t "_s).isEmpty());
}

void TestTokenizer::streamParagraphsAndSentences()
{
    // Sentences end after terminal punctuation, after a closing quote that follows it, and at a line
    // break; "Mr." and "U.S." keep their period and end nothing.
    const QString text = u"Mr. Lind met U.S. envoys. “We agreed.” She left\nA new line? Yes"_s;
    const TokenStream s(text);
    QStringList words;
    QList<int> sentences;
    QList<int> paragraphs;
    for (int i = 0; i < s.size(); ++i) {
        words.append(s.text(i).toString());
        sentences.append(s.sentence(i));
        paragraphs.append(s.paragraph(i));
    }
    QCOMPARE(words,
             (QStringList { u"Mr."_s, u"Lind"_s, u"met"_s, u"U.S."_s, u"envoys"_s, u"."_s, u"“"_s, u"We"_s,
                            u"agreed"_s, u"."_s, u"”"_s, u"She"_s, u"left"_s, u"A"_s, u"new"_s, u"line"_s,
                            u"?"_s, u"Yes"_s }));
    QCOMPARE(sentences, (QList<int> { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4 }));
    QCOMPARE(paragraphs, (QList<int> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 }));
    QVERIFY(s.has(13, TokenStream::NewParagraph));
    QVERIFY(!s.has(12, TokenStream::NewParagraph));
    QCOMPARE(s.firstAtOrAfter(text.indexOf(u"met"_s)), 2);
    QCOMPARE(s.firstAtOrAfter(text.indexOf(u"met"_s) + 1), 3);
    QCOMPARE(s.firstAtOrAfter(text.size()), s.size());
}

void TestTokenizer::streamFlags()
{
    const QString text = u"NATO's chief, Ana said."_s;
    const TokenStream s(text);
    QCOMPARE(s.size(), 7);
    QVERIFY(s.has(0, TokenStream::Word) && s.has(0, TokenStream::Upper));
    QVERIFY(s.has(1, TokenStream::Possessive) && !s.has(1, TokenStream::Word));
    QVERIFY(s.has(2, TokenStream::Word) && !s.has(2, TokenStream::Upper));
    QVERIFY(s.has(3, TokenStream::Punct) && !s.has(3, TokenStream::Terminal));
    QVERIFY(s.has(4, TokenStream::Upper) && !s.has(4, TokenStream::Possessive));
    QVERIFY(s.has(6, TokenStream::Punct) && s.has(6, TokenStream::Terminal));
    QCOMPARE(s.spans().size(), 7);
    QCOMPARE(s.span(4).start, text.indexOf(u"Ana"_s));
}

void TestTokenizer::streamOfEmptyText()
{
    const QString blank = u" \n "_s;
    const TokenStream s(blank);
    QCOMPARE(s.size(), 0);
    QCOMPARE(s.firstAtOrAfter(0), 0);
    const TokenStream none;
    QCOMPARE(none.size(), 0);
    QVERIFY(none.body().isEmpty());
}

void TestTokenizer::asciiAlnumRunsAtEveryOffset()
{
    // The tokenizers read a word's plain run eight units at a time: each unit next to the ranges
    // A-Z, a-z and 0-9 (and a few far from them) at every offset of a block, against the answer
    // read unit by unit.
    const QList<char16_t> stops
        = { u'@',   u'[',   u'`',   u'{',   u'/',   u':',   u' ',   u'-',   u'\'',  0x0000, 0x007f, 0x0080,
            0x00c0, 0x00e9, 0x0141, 0x2019, 0x4141, 0x8041, 0x8061, 0x8030, 0xd83d, 0xff21, 0xffff };
    const auto reference = [](const QString &t, qsizetype from) {
        qsizetype i = from;
        while (i < t.size()) {
            const char16_t c = t[i].unicode();
            if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
                break;
            ++i;
        }
        return i;
    };
    const QString plain = u"aZz0A9mQbk7Rt3Xy"_s;
    for (const char16_t stop : stops) {
        for (qsizetype at = 0; at < 20; ++at) {
            for (qsizetype from = 0; from < 4; ++from) {
                QString text = plain + plain;
                text.truncate(21);
                text[at] = QChar(stop);
                QCOMPARE(Tokenizer::asciiAlnumEnd(text.constData(), from, text.size()),
                         reference(text, from));
            }
        }
    }
    const QString word = u"Harbour2026"_s;
    QCOMPARE(Tokenizer::asciiAlnumEnd(word.constData(), 0, word.size()), word.size());
    QCOMPARE(Tokenizer::asciiAlnumEnd(word.constData(), 3, 5), 5);
    QCOMPARE(Tokenizer::asciiAlnumEnd(word.constData(), 5, 5), 5);
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
