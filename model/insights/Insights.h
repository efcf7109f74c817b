// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>
#include <optional>

namespace Lede::Insights {

// Questions asked across the whole library (issue 11): who is quoted, who is named, which figures
// disagree. Every function is one read-only SQL aggregate over the stored layers (quotes, entities,
// figures) on the caller's connection (ArticleStore::database(), used from the thread that opened
// it); nothing is loaded per article into memory.
//
// Cancel: a set flag interrupts the running SQL statement (an SQLite progress handler) and the
// function returns a failure whose message is cancelledMessage(). Other failures carry the SQLite
// message. Dates are the articles' publication dates (invalid when unknown). Offsets are Unicode
// code points into the article body, as everywhere in the store's files (DESIGN.md).

using CancelFlag = std::atomic_bool;

// Which articles a question covers; filters combine with AND. Empty: the whole library.
struct Scope
{
    QString search; // the library search: words and filters (SearchFilters.h; as ArticleQuery::search)
    qint64 tagId = 0; // articles having an annotation with this tag or a descendant
    std::optional<QList<qint64>> articleIds; // only these articles (an empty list: none)

    bool isLibrary() const { return search.trimmed().isEmpty() && tagId <= 0 && !articleIds; }
};

QString cancelledMessage();

// --- Sources ------------------------------------------------------------------------------------

enum class SpeakerKind { Other, Organisation, Person };
QString speakerKindName(SpeakerKind kind); // "person", "organisation", "other"

// One speaker identity (speaker aliases applied, see SpeakerIdentities.h).
// kind: "person" when one of the speaker's names is the canonical name of a PERSON entity in the
// library, else "organisation" for an ORG entity, else "other". (Looked up once per name, not per
// article: per (name, article) pair it cost as much as the whole table at a million quotes.)
struct SourceRow
{
    QString speaker;
    SpeakerKind kind = SpeakerKind::Other;
    qint64 quotes = 0;
    qint64 articles = 0;
    QDate firstPublished;
    QDate lastPublished;
    QStringList outlets; // distinct non-empty article sources, sorted
    QStringList names; // the names the analysis gave (more than one when aliases merged them)
    QStringList
        roles; // the roles the articles give them ("secretary of state"), most articles first, at most 3
};

// Ordered by quotes (descending), then name.
Result<QList<SourceRow>> sources(const QSqlDatabase &db, const Scope &scope,
                                 const CancelFlag *cancel = nullptr);

// One quote of a speaker with its context (keyword in context).
struct SpeakerQuote
{
    qint64 quoteId = 0;
    qint64 articleId = 0;
    QString title;
    QString source;
    QDate published;
    qint64 start = 0; // code points
    qint64 end = 0;
    QString before; // up to `context` code points before the quote, on one line
    QString text;
    QString after;
};

// Every quote attributed to `identity` (and the names merged into it), in date order. At most
// `limit` rows (-1: all).
Result<QList<SpeakerQuote>> quotesBy(const QSqlDatabase &db, const QString &identity, const Scope &scope,
                                     int context = 60, int limit = 1000, const CancelFlag *cancel = nullptr);

// --- Entities -----------------------------------------------------------------------------------

struct EntityRow
{
    QString canonical;
    QString type; // PERSON, ORG, LOC, DATE, NUMBER, MISC
    qint64 mentions = 0;
    qint64 articles = 0;
};

// Ordered by articles, then mentions (descending), then name. `type` empty: every type.
Result<QList<EntityRow>> entities(const QSqlDatabase &db, const Scope &scope, const QString &type = {},
                                  const CancelFlag *cancel = nullptr);

// A pair of entities named in the same articles.
struct CooccurrenceRow
{
    EntityRow first; // the more frequent of the two
    EntityRow second;
    qint64 articles = 0; // articles naming both
};

// Pairs among the `top` entities with the most articles (PERSON, ORG, LOC and MISC; or only `type`),
// ordered by shared articles (descending).
Result<QList<CooccurrenceRow>> cooccurrence(const QSqlDatabase &db, const Scope &scope, int top = 200,
                                            const QString &type = {}, const CancelFlag *cancel = nullptr);

struct ArticleRef
{
    qint64 articleId = 0;
    QString title;
    QString source;
    QDate published;
    qint64 mentions = 0;
    qint64 firstStart = 0; // code points: the first mention
};

// The articles naming an entity (canonical name and type), newest first.
Result<QList<ArticleRef>> articlesNaming(const QSqlDatabase &db, const QString &canonical,
                                         const QString &type, const Scope &scope,
                                         const CancelFlag *cancel = nullptr);

// --- Figures ------------------------------------------------------------------------------------

// Figures are grouped by what they count and who states them: the unit and the attribution, each
// folded by figureKey(). A group whose values differ is a conflict, but only when the attribution
// is not empty: unattributed figures of one unit ("%", "people") mostly belong to unrelated claims,
// so they form groups (listed) that are never flagged.
QString figureKey(const QString &text);

struct FigureRow
{
    int conflictGroup = 0; // 1, 2, ... numbered in group order; 0 when its group is not a conflict
    qint64 figureId = 0;
    qint64 articleId = 0;
    QDate published;
    QString source;
    QString title;
    double value = 0;
    QString unit;
    QString qualifier;
    QString attributedTo;
    QString text;
    qint64 start = 0; // code points
    QString unitKey;
    QString attributionKey;
};

// Rows in group order (unit key, attribution key), within a group by publication date (unknown
// dates last), article and position. conflictsOnly keeps the rows of conflicting groups only.
Result<QList<FigureRow>> figures(const QSqlDatabase &db, const Scope &scope, bool conflictsOnly,
                                 const CancelFlag *cancel = nullptr);

struct FigureGroup
{
    int conflictGroup = 0; // as in FigureRow
    QString unitKey;
    QString attributionKey;
    qint64 figures = 0;
    qint64 values = 0; // distinct values
    qint64 articles = 0;
    double minValue = 0;
    double maxValue = 0;
};

// One row per group, in group order.
Result<QList<FigureGroup>> figureGroups(const QSqlDatabase &db, const Scope &scope, bool conflictsOnly,
                                        const CancelFlag *cancel = nullptr);

// --- Helpers ------------------------------------------------------------------------------------

// The UTF-16 index (what the window uses) of a code point offset into an article's body; -1 when
// the article does not exist.
Result<qint64> utf16Offset(const QSqlDatabase &db, qint64 articleId, qint64 codePointOffset);

// The id of the tag at `path` ("Parent/Child"), or 0 when there is none.
Result<qint64> tagIdForPath(const QSqlDatabase &db, const QString &path);

} // namespace Lede::Insights
