// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Named entities of an article body: PERSON, ORG, LOC from a statistical tagger (averaged
// perceptron over BIO tags, trained by bench/ner/train_ner and compiled in as
// :/lede/models/ner-en.bin), DATE and NUMBER from rules, MISC for nationality adjectives.
//
// Promises: entities sorted by start, non-overlapping, spans are UTF-16 indices into
// Article::body, text == body.mid(span). Titles ("Prime Minister") are not part of a PERSON and a
// possessive 's is never part of an entity. Byline, credit and dateline blocks are read by rules
// (reporters -> PERSON, dateline place -> LOC, agency -> ORG). Mentions of one entity share one
// type and one canonical name: a surname alone takes the full name used elsewhere in the article
// ("Blinken" -> "Antony Blinken"), other entities the longest form ("U.N. Security Council").
// A mention that is exactly a country name ("U.S.", "Jordan") is LOC, also where its government
// acts. Article-wide evidence outweighs the tagger: a name with shares or a spokesman, or that says
// "its", is ORG; initials of an ORG named in full are its short form; names on result lines and
// standings rows are teams (ORG); a surname after the full name is the person. If the model
// cannot be loaded, PERSON/ORG/LOC come only from blocks and rules, and a warning is logged to
// lede.analysis; recognize() never fails.

#include "Analysis.h"
#include "Article.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace Lede {

namespace Ner {
class PerceptronModel;
}
class TokenStream;

class EntityRecognizer final
{
public:
    // The recognizer with the compiled-in model, loaded on first use (thread-safe).
    static const EntityRecognizer &shared();

    EntityRecognizer(); // rules only, no statistical model
    explicit EntityRecognizer(const QByteArray &model); // a model file's bytes; bad data -> rules only
    ~EntityRecognizer();
    EntityRecognizer(EntityRecognizer &&) noexcept;
    EntityRecognizer(const EntityRecognizer &) = delete;
    EntityRecognizer &operator=(const EntityRecognizer &) = delete;

    bool hasModel() const;
    QString modelError() const; // why the model did not load; empty when it did

    // Thread-safe (const, no shared mutable state).
    QList<Entity> recognize(const Article &article) const;
    // The same on the article's token stream (built from article.body; see Analyzer).
    QList<Entity> recognize(const Article &article, const TokenStream &tokens) const;

private:
    std::unique_ptr<Ner::PerceptronModel> m_model;
    QString m_modelError;
};

} // namespace Lede
