// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>
#include <optional>

namespace Lede {

// Automatic layers produced by model/analysis. All spans are UTF-16 indices into Article::body.

struct Quote
{
    enum class Kind { Direct, Partial, Scare };
    Span span; // the quoted text including its quotation marks
    QString text; // body.mid(span)
    Kind kind = Kind::Direct;
    QString speaker; // resolved full name ("Antony Blinken"), empty when unknown
    std::optional<Span> speakerSpan; // the mention the quote is attributed to ("he", "Blinken")
    QString cue; // the speech verb ("said"), empty when none
    qint64 id = 0; // the stored row (`lede layers`, CSV layer_id); 0 before storing
    bool corrected = false; // a user's correction decided this quote (see Correction.h)
};

QString quoteKindName(Quote::Kind kind);

struct Entity
{
    enum class Type { Person, Org, Loc, Date, Number, Misc };
    Span span;
    QString text;
    Type type = Type::Misc;
    QString canonical; // the fullest name of the same entity in the article ("Antony Blinken")
    qint64 id = 0; // the stored row; 0 before storing
    bool corrected = false; // a user's correction decided this entity
};

QString entityTypeName(Entity::Type type); // "PERSON", "ORG", ...
bool entityTypeFromName(const QString &name, Entity::Type *type);

struct Figure
{
    Span span;
    QString text;
    double value = 0; // 2.3 million -> 2300000
    QString unit; // what is counted: "people killed", "hostages", "%", "USD"
    QString qualifier; // "at least", "more than", ... empty when none
    QString attributedTo; // "Gaza health ministry", empty when none
    qint64 id = 0; // the stored row; 0 before storing
};

// A role the article gives a speaker: "Antony Blinken" with "secretary of state". Lower case; one
// entry per (speaker, role) in an article.
struct SpeakerRole
{
    QString speaker;
    QString role;
    friend bool operator==(const SpeakerRole &, const SpeakerRole &) = default;
};

struct AnalysisResult
{
    QList<Quote> quotes;
    QList<Entity> entities;
    QList<Figure> figures;
    QList<SpeakerRole> speakerRoles; // roles of the speakers of `quotes`, in order of first mention
    // False when the text is not English (LanguageGuess): then no names or speakers were looked for.
    bool english = true;
};

} // namespace Lede
