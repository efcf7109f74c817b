// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Span.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Lede {

// A user's decision about an automatic layer: the speaker of a quote, "not a quote", a quote or
// entity the analysis missed, an entity's type or canonical name, an entity that is none. The
// library keeps these apart from the automatic rows, and applies them again every time an article
// is analysed (a new analyzer version, `lede reanalyze`), so the automatic layer never overrides
// what a person decided.
//
// Items are found by their span in the article body, which never changes once stored; a span the
// new analysis draws slightly differently still matches when the two overlap for most of their
// length. A correction whose item cannot be found is kept (it may match a later analysis).
struct LayerCorrection
{
    enum class Layer { Quote, Entity };
    enum class Action {
        SetSpeaker, // quote: value = the speaker ("" = unknown); speakerSpan = the mention, if any
        Reject, // quote: not a quote
        Add, // quote (value = speaker) or entity (value = canonical, type) the analysis missed
        SetType, // entity: type
        SetCanonical, // entity: every mention whose automatic canonical is `original` gets `value`
        Remove, // entity: not an entity
    };

    qint64 id = 0;
    qint64 articleId = 0;
    Layer layer = Layer::Quote;
    Action action = Action::SetSpeaker;
    Span span; // UTF-16 indices into the body, like every span in the program
    QString value;
    QString original; // SetCanonical: the canonical name being renamed
    Entity::Type type = Entity::Type::Misc; // SetType, Add (entity)
    std::optional<Span> speakerSpan; // SetSpeaker, Add (quote)
    QDateTime createdAt;

    static QString layerName(Layer layer); // "quote", "entity"
    static QString actionName(Action action); // "speaker", "reject", "add", "type", "canonical", "remove"
    static bool layerFromName(const QString &name, Layer *layer);
    static bool actionFromName(const QString &name, Action *action);
};

// Applies the corrections, oldest first, to a fresh analysis of `body`; every item they decide gets
// `corrected = true`. Quotes and entities stay in text order. Returns how many corrections found
// their item (the rest are kept for later analyses).
int applyCorrections(AnalysisResult &analysis, const QList<LayerCorrection> &corrections,
                     const QString &body);

// The mention of `name` nearest to `near` in the body: the name itself as a whole word, or an
// entity whose canonical name is `name` ("Blinken" for "Antony Blinken"). std::nullopt when the
// text never names it.
std::optional<Span> nearestMention(const QString &name, const Span &near, const QString &body,
                                   const QList<Entity> &entities);

} // namespace Lede
