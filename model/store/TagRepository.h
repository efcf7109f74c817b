// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Result.h"
#include "TagSnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Lede {

class ArticleStore;

// The tag codebook: a hierarchy of tags named by path ("Sources/Official", '/' between levels),
// shared by every article of the library. Removing a tag returns a TagSnapshot that restoreTag()
// puts back exactly (ids kept), for undo. Works on the store's connection, from the thread that
// opened it; every mutating call is one transaction.
class TagRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::TagRepository)

public:
    explicit TagRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    Result<QList<Tag>> tags() const; // ordered by path, with use counts
    Result<Tag> tag(qint64 id) const;
    // The tag's id, creating it (and the levels above it) when it does not exist yet.
    Result<qint64> ensureTag(const QString &path);
    Status renameTag(qint64 id, const QString &newName);
    Status setTagColor(qint64 id, const QString &color);
    Status moveTag(qint64 id, qint64 newParentId); // 0 = top level; refuses cycles
    Result<TagSnapshot> removeTag(qint64 id, TagRemoval mode);
    Status restoreTag(const TagSnapshot &snapshot);

private:
    friend class AnnotationRepository; // tags an annotation inside its own transaction
    // ensureTag() inside the caller's transaction.
    Result<qint64> ensureTagInTransaction(const QString &path);

    ArticleStore &m_store;
};

} // namespace Lede
