// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Article.h"
#include "Result.h"
#include "library/Reanchoring.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <optional>

namespace Lede {

class ArticleStore;

// Library management on whole articles: delete (and put back), edit the details. Every call is one
// transaction: on failure nothing is written and the Status carries a one-line message. Inside an
// open bulk batch (ArticleStore::beginBulk, e.g. an undo step) the call is a savepoint of it, so it
// still succeeds or fails as a whole.

// The rows of one table that belonged to removed articles, exactly as stored (code point offsets).
struct TableRows
{
    QString table;
    QStringList columns;
    QList<QVariantList> rows;
};

// What removeArticles() took out: each article with its id and every row of every table that
// refers to it, directly or through another such table (blocks, annotations and their tags,
// quotes, entities, figures, corrections). The tables are found from the schema's foreign keys
// (ON DELETE CASCADE), so a table a later schema adds is kept too.
struct ArticleSnapshot
{
    QList<qint64> articleIds;
    QList<TableRows> tables; // parents before children: "articles" first
};

// What deleting the articles takes with it, for the confirmation ("3 articles with 12 highlights
// and 4 notes"). A highlight with a note counts as a note.
struct DeletionCounts
{
    int articles = 0; // of the ids given, those in the library
    int highlights = 0;
    int notes = 0;
};
Result<DeletionCounts> countDeletion(ArticleStore &store, const QList<qint64> &articleIds);

// Removes the articles (every id must exist, or nothing is removed) and returns what is needed to
// put them back.
Result<ArticleSnapshot> removeArticles(ArticleStore &store, const QList<qint64> &articleIds);
// Puts removed articles back with their ids and rows. Fails, writing nothing, when an id is taken
// again or the same text was imported since. A row that referred to something else that is gone
// since (an annotation's tag deleted in the meantime) is left out.
Status restoreArticles(ArticleStore &store, const ArticleSnapshot &snapshot);

// The details a reader may edit.
struct ArticleDetails
{
    QString title;
    QString source;
    QDate published; // invalid: no date
    QString byline;
    QString url;
    friend bool operator==(const ArticleDetails &, const ArticleDetails &) = default;
};
ArticleDetails detailsOf(const Article &article);
// Writes the details (trimmed); refuses to empty the title and a new URL that is neither empty nor
// an absolute URL (what is stored already is never refused, so an edit can always be undone).
Status setArticleDetails(ArticleStore &store, qint64 articleId, const ArticleDetails &details);

// Merging duplicates (two imports of one story): the other article's highlights and notes move
// onto the kept one, re-attached to its text (Reanchoring.h; what cannot be placed stays as an
// orphan), keeping their ids, notes, tags and times; then the other article is removed.
struct MergeRecord
{
    qint64 keepId = 0;
    ArticleSnapshot other; // the removed article as it was, for undo
    QList<qint64> movedAnnotationIds; // now on the kept article
    ReanchorReport report;
};
Result<MergeRecord> mergeArticles(ArticleStore &store, qint64 keepId, qint64 otherId);
// Takes the moved annotations off the kept article and puts the other one back as it was.
Status undoMerge(ArticleStore &store, const MergeRecord &record);

// A new version of a stored story: an earlier article (a lower id: imported before) with the same URL, or
// with the same title and source (ignoring case) and a body at least SameStorySimilarity alike
// (textSimilarity(); only the latest 8 with that title and source are compared).
constexpr double SameStorySimilarity = 0.8;
Result<std::optional<qint64>> findEarlierVersion(ArticleStore &store, qint64 articleId);
// The same for many imported articles at once (one pass over the library's URLs): new id -> old id.
Result<QHash<qint64, qint64>> findEarlierVersions(ArticleStore &store, const QList<qint64> &articleIds);
// The old article takes the new one's text and parts (it keeps its URL when the new one has
// none): its annotations and the user's corrections are re-attached to the new text, its layers
// analysed again, and the new article is removed. The old id stays.
Result<ReanchorReport> replaceWithVersion(ArticleStore &store, qint64 oldId, qint64 newId);

} // namespace Lede
