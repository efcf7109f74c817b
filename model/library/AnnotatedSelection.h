// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Result.h"

#include <QList>
#include <QString>

namespace Lede {

class ArticleStore;

// What an export of the user's work takes (REFI-QDA, W3C Web Annotations): the articles that match
// the library search and have an annotation with the tag (or one below it), restricted to
// `articleIds` when that is not empty, in id order; with a tag, only the annotations that carry it.
struct AnnotatedSelection
{
    QList<qint64> articleIds;
    QString tagPath; // empty: every annotation

    bool wants(const Annotation &annotation) const;
};

Result<AnnotatedSelection> resolveAnnotatedSelection(ArticleStore &store, const QList<qint64> &articleIds,
                                                     qint64 tagId, const QString &search = {});

} // namespace Lede
