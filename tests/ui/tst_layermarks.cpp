// SPDX-License-Identifier: GPL-3.0-or-later
// LayerMarks: which marks each block gets, and the formats that paint them (overlaps blend, hidden
// layers paint nothing, positions stay UTF-16 even after an emoji).
#include "LayerMarks.h"

#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Two paragraphs, the second after an emoji (two UTF-16 units).
const QString Body = u"Rain closed the pier on Monday.\n🌧 Crews from Vell Marine cleared 40 boats."_s;

QList<qsizetype> blockStarts(const QString &body)
{
    QList<qsizetype> starts { 0 };
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) == u'\n')
            starts.append(i + 1);
    }
    return starts;
}

Span spanOf(const QString &words)
{
    const qsizetype at = Body.indexOf(words);
    Q_ASSERT(at >= 0);
    return Span { at, at + words.size() };
}

Annotation highlight(qint64 id, Span span, const QStringList &tags = {}, const QString &color = {})
{
    Annotation a;
    a.id = id;
    a.span = span;
    a.tags = tags;
    a.color = color;
    return a;
}

const Layers All = Layers(Layer::Quotes) | Layer::People | Layer::Organisations | Layer::Places | Layer::Dates
    | Layer::Figures | Layer::Highlights;

} // namespace

class TestLayerMarks final : public QObject
{
    Q_OBJECT

private slots:
    void marksAreCutIntoBlocks();
    void emojiKeepsUtf16Offsets();
    void overlappingHighlightsBlendAndDot();
    void hiddenLayersPaintNothing_data();
    void hiddenLayersPaintNothing();
    void annotationColorPrefersOwnThenTag();
    void spansOutsideTheBodyAreClipped();
};

void TestLayerMarks::marksAreCutIntoBlocks()
{
    // A highlight from "Monday." over the paragraph break into "Crews": one mark per block.
    const Span across { spanOf(u"Monday."_s).start, spanOf(u"Crews"_s).end };
    AnalysisResult an;
    an.entities = { Entity { spanOf(u"Vell Marine"_s), u"Vell Marine"_s, Entity::Type::Org, {} } };
    const LayerMarks marks = LayerMarks::build(blockStarts(Body), Body.size(), an,
                                               { highlight(1, across, { u"Weather"_s, u"Alpha"_s }) }, {});
    QCOMPARE(marks.count(), 2);
    QCOMPARE(marks.blocks().size(), 2);
    QCOMPARE(marks.blocks().at(0).size(), 1);
    const LayerMark first = marks.blocks().at(0).at(0);
    QCOMPARE(first.layer, Layer::Highlights);
    QCOMPARE(first.start, across.start);
    QCOMPARE(first.end, Body.indexOf(u'\n')); // up to the separator, not over it
    QCOMPARE(marks.blocks().at(1).size(), 2);
    QCOMPARE(marks.blocks().at(1).at(0).layer, Layer::Organisations); // analysis layers before highlights
    QCOMPARE(marks.blocks().at(1).at(1).start, Body.indexOf(u'\n') + 1);
    QCOMPARE(marks.blocks().at(1).at(1).end, across.end);
    QCOMPARE(marks.laneTags(), (QStringList { u"Alpha"_s, u"Weather"_s }));
}

void TestLayerMarks::emojiKeepsUtf16Offsets()
{
    const Span boats = spanOf(u"40 boats"_s);
    Figure f;
    f.span = boats;
    f.text = u"40 boats"_s;
    AnalysisResult an;
    an.figures = { f };
    const QList<qsizetype> starts = blockStarts(Body);
    const LayerMarks marks = LayerMarks::build(starts, Body.size(), an, {}, {});
    const QList<QTextLayout::FormatRange> ranges
        = LayerMarks::formats(marks.blocks().at(1), starts.at(1), All, QPalette());
    QCOMPARE(ranges.size(), 1);
    // Relative to the block, in UTF-16 units: the emoji counts twice.
    QCOMPARE(ranges.at(0).start, int(boats.start - starts.at(1)));
    QCOMPARE(Body.mid(starts.at(1) + ranges.at(0).start, ranges.at(0).length), u"40 boats"_s);
    QCOMPARE(ranges.at(0).format.fontWeight(), int(QFont::DemiBold));
}

void TestLayerMarks::overlappingHighlightsBlendAndDot()
{
    // "closed the pier" and "the pier on": three segments, the middle one under both.
    const Span a = spanOf(u"closed the pier"_s);
    const Span b = spanOf(u"the pier on"_s);
    const QList<qsizetype> starts = blockStarts(Body);
    const LayerMarks marks
        = LayerMarks::build(starts, Body.size(), {},
                            { highlight(1, a, {}, u"#ff0000"_s), highlight(2, b, {}, u"#0000ff"_s) }, {});
    const QList<QTextLayout::FormatRange> ranges
        = LayerMarks::formats(marks.blocks().at(0), 0, All, QPalette());
    QCOMPARE(ranges.size(), 3);
    QCOMPARE(Body.mid(ranges.at(0).start, ranges.at(0).length), u"closed "_s);
    QCOMPARE(Body.mid(ranges.at(1).start, ranges.at(1).length), u"the pier"_s);
    QCOMPARE(Body.mid(ranges.at(2).start, ranges.at(2).length), u" on"_s);
    const QColor red = ranges.at(0).format.background().color();
    const QColor both = ranges.at(1).format.background().color();
    const QColor blue = ranges.at(2).format.background().color();
    QVERIFY(red.red() > red.blue());
    QVERIFY(blue.blue() > blue.red());
    // The overlap blends both (more opaque than either alone) and gets a dotted edge.
    QVERIFY(both.red() > 0 && both.blue() > 0);
    QVERIFY(both.alpha() > red.alpha());
    QCOMPARE(ranges.at(1).format.underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(ranges.at(0).format.underlineStyle(), QTextCharFormat::NoUnderline);
}

void TestLayerMarks::hiddenLayersPaintNothing_data()
{
    QTest::addColumn<Layers>("visible");
    QTest::addColumn<int>("ranges");
    QTest::addColumn<bool>("underlined");
    QTest::newRow("all-layers") << All << 3 << true;
    QTest::newRow("quotes-off") << (All & ~Layers(Layer::Quotes)) << 1 << false;
    QTest::newRow("highlights-off") << (All & ~Layers(Layer::Highlights)) << 1 << true;
    QTest::newRow("nothing-visible") << Layers() << 0 << false;
}

void TestLayerMarks::hiddenLayersPaintNothing()
{
    QFETCH(Layers, visible);
    QFETCH(int, ranges);
    QFETCH(bool, underlined);
    AnalysisResult an;
    Quote q;
    q.span = spanOf(u"Rain closed the pier"_s);
    an.quotes = { q };
    const LayerMarks marks = LayerMarks::build(blockStarts(Body), Body.size(), an,
                                               { highlight(1, spanOf(u"the pier on Monday"_s)) }, {});
    const QList<QTextLayout::FormatRange> formats
        = LayerMarks::formats(marks.blocks().at(0), 0, visible, QPalette());
    QCOMPARE(formats.size(), ranges);
    bool anyUnderline = false;
    for (const QTextLayout::FormatRange &r : formats)
        anyUnderline = anyUnderline || r.format.underlineStyle() == QTextCharFormat::SingleUnderline;
    QCOMPARE(anyUnderline, underlined);
}

void TestLayerMarks::annotationColorPrefersOwnThenTag()
{
    const QHash<QString, QColor> tagColors { { u"Weather"_s, QColor(u"#00aa00"_s) } };
    QCOMPARE(LayerMarks::annotationColor(highlight(1, { 0, 4 }, { u"Weather"_s }, u"#123456"_s), tagColors),
             QColor(u"#123456"_s));
    QCOMPARE(LayerMarks::annotationColor(highlight(1, { 0, 4 }, { u"Other"_s, u"Weather"_s }), tagColors),
             QColor(u"#00aa00"_s));
    QCOMPARE(LayerMarks::annotationColor(highlight(1, { 0, 4 }, { u"Other"_s }, u"not-a-color"_s), tagColors),
             defaultHighlightColor());
    // The mark carries the color it paints with.
    const LayerMarks marks = LayerMarks::build(blockStarts(Body), Body.size(), {},
                                               { highlight(1, { 0, 4 }, { u"Weather"_s }) }, tagColors);
    QCOMPARE(QColor::fromRgba(marks.blocks().at(0).at(0).fill), QColor(u"#00aa00"_s));
}

void TestLayerMarks::spansOutsideTheBodyAreClipped()
{
    AnalysisResult an;
    an.entities = { Entity { Span { Body.size() - 3, Body.size() + 50 }, u"x"_s, Entity::Type::Person, {} },
                    Entity { Span { -5, -1 }, u"y"_s, Entity::Type::Person, {} } };
    const LayerMarks marks
        = LayerMarks::build(blockStarts(Body), Body.size(), an, { highlight(1, { 7, 7 }) }, {});
    QCOMPARE(marks.count(), 1); // the empty highlight and the span before the body count for nothing
    QCOMPARE(marks.blocks().at(1).size(), 1);
    QCOMPARE(marks.blocks().at(1).at(0).end, Body.size());
    QVERIFY(marks.blocks().at(0).isEmpty());
}

QTEST_MAIN(TestLayerMarks)
#include "tst_layermarks.moc"
