// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

// A user's highlight or note on a passage of an article body.
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    Span span; // UTF-16 indices into the body
    // Text-quote anchor (W3C Web Annotation style): lets an annotation be re-attached when the
    // article text changes a little on re-import.
    QString exact;
    QString prefix; // up to 32 characters before
    QString suffix; // up to 32 characters after
    QString color; // a color name ("yellow") or #rrggbb; empty means the tag's or the default
    QString note;
    QStringList tags; // tag paths, "Parent/Child"
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    // An annotation whose passage could not be found again after its article's text changed
    // (model/library/Reanchoring.h): it keeps its note, tags and exact text, with an empty span at 0.
    bool isOrphan() const { return span.isEmpty() && !exact.isEmpty(); }

    // "note" when the annotation carries a note, otherwise "highlight" (the CSV `kind`).
    QString kind() const { return note.isEmpty() ? QStringLiteral("highlight") : QStringLiteral("note"); }
};

struct Tag
{
    qint64 id = 0;
    qint64 parentId = 0; // 0 for a top-level tag
    QString name;
    QString color;
    QString path; // "Parent/Child", computed by the store
    int useCount = 0; // annotations carrying this tag, filled by TagRepository::tags()
};

} // namespace Lede
