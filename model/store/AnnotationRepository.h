// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Lede {

class ArticleStore;

// The user's highlights and notes. Spans in and out are UTF-16 indices into the article's body
// (the file holds code point offsets); each annotation keeps a text-quote anchor (exact, prefix,
// suffix) and its tags by path. Works on the store's connection, from the thread that opened it;
// every mutating call is one transaction.
class AnnotationRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::AnnotationRepository)

public:
    explicit AnnotationRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    // The article's annotations in start order.
    Result<QList<Annotation>> annotations(qint64 articleId) const;
    Result<Annotation> annotation(qint64 id) const;
    // Fills the text-quote anchor and the times when they are empty, and creates tags named by path
    // that do not exist yet.
    Result<qint64> addAnnotation(const Annotation &annotation);
    // Re-inserts a removed annotation with its old id (for undo).
    Status restoreAnnotation(const Annotation &annotation);
    // Updates span (and anchor), color, note and tags; sets updated_at.
    Status updateAnnotation(const Annotation &annotation);
    Status removeAnnotation(qint64 id);

private:
    friend class TagRepository; // restoreTag puts deleted annotations back in its own transaction
    // Inserts inside the caller's transaction; `keepId` keeps annotation.id (undo).
    Result<qint64> insertAnnotation(const Annotation &annotation, bool keepId);
    Status writeAnnotationTags(qint64 annotationId, const QStringList &tagPaths);
    // All annotations of the article, or only `annotationId` when it is non-zero.
    Result<QList<Annotation>> readAnnotations(qint64 articleId, qint64 annotationId) const;

    ArticleStore &m_store;
};

} // namespace Lede
