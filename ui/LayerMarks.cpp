// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayerMarks.h"

#include <QSet>
#include <algorithm>

namespace Lede {

namespace {

// Source-over compositing of two colors with alpha, so that overlapping tints stay distinguishable.
QColor over(const QColor &top, const QColor &bottom)
{
    const double ta = top.alphaF();
    const double ba = bottom.alphaF();
    const double a = ta + ba * (1 - ta);
    if (a <= 0)
        return QColor(0, 0, 0, 0);
    auto mix = [&](double t, double b) { return (t * ta + b * ba * (1 - ta)) / a; };
    QColor c;
    c.setRgbF(float(mix(top.redF(), bottom.redF())), float(mix(top.greenF(), bottom.greenF())),
              float(mix(top.blueF(), bottom.blueF())), float(a));
    return c;
}

} // namespace

QColor LayerMarks::annotationColor(const Annotation &a, const QHash<QString, QColor> &tagColors)
{
    if (!a.color.isEmpty()) {
        const QColor own = QColor::fromString(a.color);
        if (own.isValid())
            return own;
    }
    for (const QString &tag : a.tags) {
        const QColor c = tagColors.value(tag);
        if (c.isValid())
            return c;
    }
    return defaultHighlightColor();
}

LayerMarks LayerMarks::build(const QList<qsizetype> &blockStarts, qsizetype bodyLength,
                             const AnalysisResult &an, const QList<Annotation> &annotations,
                             const QHash<QString, QColor> &tagColors)
{
    LayerMarks result;
    result.m_blocks = QList<QList<LayerMark>>(blockStarts.size());
    auto add = [&](Span span, Layer layer, int ref, QRgb fill = 0) {
        const qsizetype s = std::clamp<qsizetype>(span.start, 0, bodyLength);
        const qsizetype e = std::clamp<qsizetype>(span.end, 0, bodyLength);
        if (e <= s || blockStarts.isEmpty())
            return;
        ++result.m_count;
        // The block holding s: the last block start <= s.
        qsizetype b
            = std::upper_bound(blockStarts.cbegin(), blockStarts.cend(), s) - blockStarts.cbegin() - 1;
        for (b = std::max<qsizetype>(b, 0); b < blockStarts.size() && blockStarts.at(b) < e; ++b) {
            const qsizetype bs = blockStarts.at(b);
            const qsizetype be = b + 1 < blockStarts.size() ? blockStarts.at(b + 1) - 1 : bodyLength;
            const qsizetype cs = std::max(s, bs);
            const qsizetype ce = std::min(e, be);
            if (ce > cs)
                result.m_blocks[b].append(LayerMark { cs, ce, layer, ref, fill });
        }
    };
    for (int i = 0; i < an.quotes.size(); ++i)
        add(an.quotes.at(i).span, Layer::Quotes, i);
    for (int i = 0; i < an.entities.size(); ++i) {
        if (const auto layer = layerOfEntity(an.entities.at(i).type))
            add(an.entities.at(i).span, *layer, i);
    }
    for (int i = 0; i < an.figures.size(); ++i)
        add(an.figures.at(i).span, Layer::Figures, i);
    QSet<QString> tagSet;
    for (int i = 0; i < annotations.size(); ++i) {
        add(annotations.at(i).span, Layer::Highlights, i,
            annotationColor(annotations.at(i), tagColors).rgba());
        for (const QString &t : annotations.at(i).tags)
            tagSet.insert(t);
    }
    result.m_laneTags = QStringList(tagSet.cbegin(), tagSet.cend());
    result.m_laneTags.sort(Qt::CaseInsensitive);
    return result;
}

QList<QTextLayout::FormatRange> LayerMarks::formats(const QList<LayerMark> &marks, qsizetype blockStart,
                                                    Layers layers, const QPalette &pal)
{
    QList<QTextLayout::FormatRange> ranges;
    QList<qsizetype> cuts;
    cuts.reserve(marks.size() * 2);
    for (const LayerMark &m : marks) {
        if (layers.testFlag(m.layer)) {
            cuts.append(m.start);
            cuts.append(m.end);
        }
    }
    if (cuts.isEmpty())
        return ranges;
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
        const qsizetype a = cuts.at(i);
        const qsizetype b = cuts.at(i + 1);
        QColor tint(0, 0, 0, 0);
        QColor fill(0, 0, 0, 0);
        bool quote = false;
        bool figure = false;
        int highlights = 0;
        for (const LayerMark &m : marks) {
            if (m.start > a || m.end < b || !layers.testFlag(m.layer))
                continue;
            switch (m.layer) {
            case Layer::Quotes:
                quote = true;
                break;
            case Layer::Highlights:
                fill = over(highlightFill(QColor::fromRgba(m.fill), pal), fill);
                ++highlights;
                break;
            case Layer::Figures:
                figure = true;
                tint = over(layerTint(m.layer, pal), tint);
                break;
            default:
                tint = over(layerTint(m.layer, pal), tint);
                break;
            }
        }
        QTextCharFormat f;
        const QColor bg = over(fill, tint);
        if (bg.alpha() > 0)
            f.setBackground(bg);
        if (quote) {
            const QColor qc = layerColor(Layer::Quotes, pal);
            f.setForeground(qc);
            f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            f.setUnderlineColor(qc);
        }
        if (figure)
            f.setFontWeight(QFont::DemiBold);
        if (highlights > 1) // overlapping highlights: a dotted edge tells them from a darker single one
            f.setUnderlineStyle(quote ? QTextCharFormat::SingleUnderline : QTextCharFormat::DotLine);
        if (f.propertyCount() > 0)
            ranges.append({ int(a - blockStart), int(b - a), f });
    }
    return ranges;
}

} // namespace Lede
