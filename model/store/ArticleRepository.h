// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"
#include "ArticleQuery.h"
#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <optional>

namespace Lede {

class ArticleStore;

// The articles of a library and their full-text search: adding (with the analysis, in one
// transaction), reading, listing and removing. Works on the store's connection, from the thread
// that opened it; every mutating call is one transaction (a savepoint inside a bulk batch). Spans in
// and out are UTF-16 indices into the body; the file holds code point offsets.
class ArticleRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ArticleRepository)

public:
    explicit ArticleRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    // The FTS5 MATCH expression for free text: every word must match (as a prefix), and no word is
    // read as FTS syntax, so "U.S." or "AND" or a stray quote never produce a syntax error.
    static QString ftsMatchQuery(const QString &text);

    // The library search field (SearchFilters.h: free words, speaker:, person:, org:, place:, tag:)
    // as one SQL condition on the article id column `idColumn`, with its values in order; an empty
    // condition for an empty search. Free words match titles, bodies and metadata values through the
    // full-text index,
    // or the reader's notes (one note holding every word); filters combine with AND.
    struct SearchCondition
    {
        QString sql;
        QVariantList values;
    };
    static SearchCondition searchCondition(const QString &search, const QString &idColumn);

    // Adds an article with its analysis in one transaction; its format (provenance "format"), metadata
    // and provenance are stored with it and the metadata values are searchable like the title. When an
    // article with the same content hash exists, nothing is written and its id is returned with
    // *alreadyPresent = true.
    Result<qint64> addArticle(const Article &article, const AnalysisResult &analysis, int analyzerVersion,
                              bool *alreadyPresent = nullptr);
    Result<std::optional<qint64>> findArticleByHash(const QString &contentHash) const;
    // The article with its blocks (not its layers: AnalysisRepository::analysis), metadata and
    // provenance; provenance "format" is the stored format (absent for an article stored before v8).
    Result<Article> article(qint64 id) const;
    // The library list: matching articles in the query's order and page.
    Result<QList<ArticleSummary>> articles(const ArticleQuery &query = {}) const;
    Result<int> articleCount(const ArticleQuery &query = {}) const;
    // Removes the article with its blocks, layers, corrections and annotations.
    Status removeArticle(qint64 id);
    // Writes the article's title, byline, dateline, source, published date, url, path, format,
    // metadata and provenance and, when
    // they differ from the stored ones, its body, content hash and blocks. Neither the automatic
    // layers nor the annotations are touched: a caller that changes the body re-anchors them in the
    // same transaction (model/library/ArticleEditing). Fails, writing nothing, when another article
    // holds the same text or the article is gone.
    Status updateArticle(const Article &article);

private:
    ArticleStore &m_store;
};

} // namespace Lede
