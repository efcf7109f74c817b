// SPDX-License-Identifier: GPL-3.0-or-later
// The offset contract (DESIGN.md): spans leave the program as Unicode code points, so that
// Python's body[start:end] gives the passage; inside, Qt works in UTF-16.
#include "TextOffsets.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestTextOffsets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void surrogatePairCountsOnce();
    void spanConversion();
    void emptyText();
    void pairsAtEveryPosition();
};

void TestTextOffsets::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << u"Harbour board backs new pier"_s;
    QTest::newRow("bmp-accents-and-dashes") << u"Caf\u00E9 \u2013 na\u00EFve \u201Cquote\u201D"_s;
    QTest::newRow("emoji-outside-bmp") << u"Flood \U0001F30A warning \U0001F6A8 issued"_s;
    QTest::newRow("combining-mark") << u"Cafe\u0301 opens; re\u0301sume\u0301 sent"_s;
    QTest::newRow("zwj-family-emoji") << u"A \U0001F468\u200D\U0001F469\u200D\U0001F467 family"_s;
    QTest::newRow("cjk-extension-b") << u"Name \U00020BB7 here"_s;
    QTest::newRow("pair-at-both-ends") << u"\U0001F600middle\U0001F600"_s;
}

void TestTextOffsets::roundTrip()
{
    QFETCH(QString, text);
    const CodePointMap map(text);
    const QList<uint> codePoints = text.toUcs4();
    QCOMPARE(map.codePointLength(), codePoints.size());
    // Every code point boundary maps to a UTF-16 boundary and back.
    qsizetype utf16 = 0;
    for (qsizetype cp = 0; cp <= codePoints.size(); ++cp) {
        QCOMPARE(map.toUtf16(cp), utf16);
        QCOMPARE(map.toCodePoint(utf16), cp);
        if (cp < codePoints.size())
            utf16 += QChar::requiresSurrogates(codePoints[cp]) ? 2 : 1;
    }
    QCOMPARE(utf16, text.size());
}

void TestTextOffsets::surrogatePairCountsOnce()
{
    const QString text = u"\U0001F30A wave"_s; // the emoji is two UTF-16 units, one code point
    const CodePointMap map(text);
    QCOMPARE(text.size(), 7);
    QCOMPARE(map.codePointLength(), 6);
    QCOMPARE(map.toCodePoint(2), 1); // just after the emoji
    QCOMPARE(map.toUtf16(1), 2);
}

void TestTextOffsets::spanConversion()
{
    const QString text = u"\U0001F30A\U0001F30A Storm hits Northport"_s;
    const CodePointMap map(text);
    const qsizetype at = text.indexOf(u"Northport"_s);
    const Span utf16 { at, at + 9 };
    const Span cp = map.toCodePoints(utf16);
    QCOMPARE(cp.start, at - 2); // two emoji before it: two UTF-16 units fewer
    QCOMPARE(cp.length(), 9);
    QCOMPARE(map.toUtf16(cp), utf16);
    const QList<uint> ucs4 = text.toUcs4();
    const QList<uint> slice = ucs4.mid(cp.start, cp.length());
    QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(slice.constData()), slice.size()),
             u"Northport"_s);
}

void TestTextOffsets::emptyText()
{
    const CodePointMap map { QString() };
    QCOMPARE(map.codePointLength(), 0);
    QCOMPARE(map.toUtf16(0), 0);
    QCOMPARE(map.toCodePoint(0), 0);
}

// The map looks for pairs several units at a time: a pair (or a lone half) at every offset of a
// 40-unit text, block edges included, must count exactly as a unit-by-unit walk counts it.
void TestTextOffsets::pairsAtEveryPosition()
{
    const QString base = u"The harbour board met on Monday to vote"_s;
    QCOMPARE(base.size(), 39);
    for (qsizetype at = 0; at <= base.size(); ++at) {
        for (const QString &insert : { u"\U0001F30A"_s, u"\xD83C"_s, u"\xDF0A"_s, u"\xDF0A\xD83C"_s }) {
            QString text = base;
            text.insert(at, insert);
            text.append(u"\U0001F6A8"_s);
            const CodePointMap map(text);
            qsizetype codePoints = 0;
            for (qsizetype i = 0; i < text.size(); ++i) {
                QCOMPARE(map.toCodePoint(i), codePoints);
                QCOMPARE(map.toUtf16(codePoints), i);
                const bool pair
                    = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
                if (pair)
                    ++i;
                ++codePoints;
            }
            QCOMPARE(map.toCodePoint(text.size()), codePoints);
        }
    }
}

QTEST_GUILESS_MAIN(TestTextOffsets)
#include "tst_textoffsets.moc"
