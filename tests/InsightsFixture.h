// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small library of invented articles (written for these tests) with hand-made layers, for the
// insights tests of the model and of the command line.

#include "Analysis.h"
#include "Article.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCryptographicHash>
#include <QDate>

namespace LedeTest {

using namespace Qt::StringLiterals;

struct FixtureQuote
{
    QString text;
    QString speaker;
};
struct FixtureEntity
{
    QString text;
    Lede::Entity::Type type;
    QString canonical;
};
struct FixtureFigure
{
    QString text;
    double value;
    QString unit;
    QString qualifier;
    QString attributedTo;
};

struct FixtureArticle
{
    QString title;
    QString source;
    QDate published;
    QString body;
    QList<FixtureQuote> quotes;
    QList<FixtureEntity> entities;
    QList<FixtureFigure> figures;
};

inline Lede::Span spanIn(const QString &body, const QString &text)
{
    const qsizetype at = body.indexOf(text);
    Q_ASSERT_X(at >= 0, "spanIn", "fixture text not in the body");
    return Lede::Span { at, at + text.size() };
}

// Stores the article with its layers; returns the id (0 on failure).
inline qint64 store(Lede::ArticleStore &store, const FixtureArticle &f)
{
    Lede::Article a;
    a.title = f.title;
    a.source = f.source;
    a.published = f.published;
    a.body = f.body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(f.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    Lede::AnalysisResult r;
    for (const FixtureQuote &q : f.quotes) {
        Lede::Quote quote;
        quote.span = spanIn(f.body, q.text);
        quote.text = q.text;
        quote.speaker = q.speaker;
        quote.cue = u"said"_s;
        r.quotes.append(quote);
    }
    for (const FixtureEntity &e : f.entities) {
        Lede::Entity entity;
        entity.span = spanIn(f.body, e.text);
        entity.text = e.text;
        entity.type = e.type;
        entity.canonical = e.canonical.isEmpty() ? e.text : e.canonical;
        r.entities.append(entity);
    }
    for (const FixtureFigure &g : f.figures) {
        Lede::Figure figure;
        figure.span = spanIn(f.body, g.text);
        figure.text = g.text;
        figure.value = g.value;
        figure.unit = g.unit;
        figure.qualifier = g.qualifier;
        figure.attributedTo = g.attributedTo;
        r.figures.append(figure);
    }
    auto id = Lede::ArticleRepository(store).addArticle(
        a, r, 1000000); // a version no analyzer reaches: never re-analysed
    return id ? *id : 0;
}

using Type = Lede::Entity::Type;

// Four stories about a harbour. Rosa Lind is quoted as "Rosa Lind", "Lind" and (once) "Ros Lind";
// the board's job figure is 40, then 55 (a conflict); the share of local hires is unattributed.
inline QList<FixtureArticle> harbourArticles()
{
    return {
        { u"Pier plan gets a date"_s,
          u"Harbour Times"_s,
          QDate(2024, 3, 1),
          u"Rosa Lind said the pier would open in May. \u201CThe pier will open in May,\u201D Lind said. "
          u"\u201CWe have the money,\u201D said Rosa Lind. The Harbour Board expects 40 jobs. "
          u"About 12% of hires will be local, the Coastal Trust said. Northport waits."_s,
          { { u"\u201CThe pier will open in May,\u201D"_s, u"Lind"_s },
            { u"\u201CWe have the money,\u201D"_s, u"Rosa Lind"_s } },
          { { u"Rosa Lind"_s, Type::Person, {} },
            { u"Coastal Trust"_s, Type::Org, {} },
            { u"Northport"_s, Type::Loc, {} } },
          { { u"40 jobs"_s, 40, u"jobs"_s, {}, u"the Harbour Board"_s },
            { u"12%"_s, 12, u"%"_s, u"about"_s, {} } } },
        { u"Trust doubts pier jobs"_s,
          u"Coast Post"_s,
          QDate(2024, 3, 5),
          u"\u201CThe numbers keep moving,\u201D the Coastal Trust said. Harbour Board now says 55 jobs. "
          u"\u201CIt is 55 now,\u201D said Rosa Lind. Some 20% of hires will be local."_s,
          { { u"\u201CThe numbers keep moving,\u201D"_s, u"Coastal Trust"_s },
            { u"\u201CIt is 55 now,\u201D"_s, u"Rosa Lind"_s } },
          { { u"Coastal Trust"_s, Type::Org, {} }, { u"Rosa Lind"_s, Type::Person, {} } },
          { { u"55 jobs"_s, 55, u"Jobs"_s, {}, u"Harbour Board"_s },
            { u"20%"_s, 20, u"%"_s, u"some"_s, {} } } },
        { u"Early word on the pier"_s,
          u"Harbour Times"_s,
          QDate(2024, 2, 20),
          u"\u201CA pier is coming,\u201D Ros Lind told the meeting in Northport. The harbour board\u2019s "
          u"estimate is 40 jobs. Rosa Lind chairs the board. \U0001F30A"_s,
          { { u"\u201CA pier is coming,\u201D"_s, u"Ros Lind"_s } },
          { { u"Ros Lind"_s, Type::Person, u"Rosa Lind"_s }, { u"Northport"_s, Type::Loc, {} } },
          { { u"40 jobs"_s, 40, u"jobs"_s, {}, u"harbour board\u2019s"_s } } },
        { u"Fishers unsure"_s,
          QString(),
          QDate(),
          u"\U0001F41F \u201CWe fish here,\u201D said Tomas Berg in Northport. \u201C=SUM(A1)\u201D, Berg joked."_s,
          { { u"\u201CWe fish here,\u201D"_s, u"Tomas Berg"_s }, { u"\u201C=SUM(A1)\u201D"_s, u"Berg"_s } },
          { { u"Tomas Berg"_s, Type::Person, {} }, { u"Northport"_s, Type::Loc, {} } },
          {} },
    };
}

} // namespace LedeTest
