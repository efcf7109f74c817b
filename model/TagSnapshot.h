// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"

#include <QList>
#include <QPair>

namespace Lede {

// What removing a tag does to the annotations that carry it (TagRepository::removeTag).
enum class TagRemoval {
    UntagAnnotations, // the annotations stay, without the tag (and its descendants)
    DeleteAnnotations, // annotations carrying the tag (or a descendant) are deleted too
};

// Everything needed to undo removeTag(): the tag subtree, its links, and deleted annotations.
struct TagSnapshot
{
    QList<Tag> tags; // parents before children
    QList<QPair<qint64, qint64>> links; // (annotation id, tag id)
    QList<Annotation> deletedAnnotations;
};

} // namespace Lede
