// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Annotation.h"
#include "Layers.h"

#include <QHash>
#include <QList>
#include <QTextLayout>

namespace Lede {

// A piece of a layer in body coordinates: what paints one span and what it refers to.
struct LayerMark
{
    qsizetype start = 0;
    qsizetype end = 0;
    Layer layer = Layer::Highlights;
    int ref = -1; // index into quotes / entities / figures, or into the annotations
    QRgb fill = 0; // highlight color (tag or own), for Layer::Highlights
    // Equal when they paint the same: an insertion shifts every later annotation's index, and that
    // alone must not re-format (and re-lay out) the rest of the article.
    friend bool operator==(const LayerMark &a, const LayerMark &b)
    {
        return a.start == b.start && a.end == b.end && a.layer == b.layer && a.fill == b.fill;
    }
};

// The marks of every layer, cut into the body's blocks (paragraphs), and the character formats
// that paint them. A pure computation from the article's layers and annotations: no session, no
// widgets, no document. All positions are UTF-16 indices into Article::body.
class LayerMarks final
{
public:
    // blockStarts: the body index where each body block begins (ascending; a block ends one
    // character before the next one starts, at the separator). Spans are clipped to the body.
    static LayerMarks build(const QList<qsizetype> &blockStarts, qsizetype bodyLength,
                            const AnalysisResult &analysis, const QList<Annotation> &annotations,
                            const QHash<QString, QColor> &tagColors);

    // Per body block, the marks clipped to the block, in the order quotes, entities, figures,
    // highlights.
    const QList<QList<LayerMark>> &blocks() const { return m_blocks; }
    // Marks built (a mark over several blocks counts once).
    qsizetype count() const { return m_count; }
    // Tag paths used by the annotations, sorted case-insensitively (the margin stripe lanes).
    const QStringList &laneTags() const { return m_laneTags; }

    // The highlight's own color, else its first tag's color, else the default.
    static QColor annotationColor(const Annotation &annotation, const QHash<QString, QColor> &tagColors);
    // The format ranges of one block (relative to blockStart): segments cut at every boundary of a
    // visible mark, each with the blend of all marks over it. Hidden layers paint nothing.
    static QList<QTextLayout::FormatRange> formats(const QList<LayerMark> &marks, qsizetype blockStart,
                                                   Layers visible, const QPalette &palette);

private:
    QList<QList<LayerMark>> m_blocks;
    qsizetype m_count = 0;
    QStringList m_laneTags;
};

} // namespace Lede
