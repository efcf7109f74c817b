// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace Lede {

class ArticleStore;
struct Annotation;
struct Article;
class CodePointMap;

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) in JSON-LD: how Hypothesis and other
// annotation tools exchange annotations.
//
// The file is one AnnotationCollection ("@context": "http://www.w3.org/ns/anno.jsonld") whose first
// (and only) AnnotationPage holds one Annotation per highlight or note of the selection, in article
// then start order:
//   id          urn:lede:annotation:<id>
//   motivation  "commenting" for a note, else "highlighting"
//   created, modified   ISO 8601 UTC
//   body        one TextualBody per tag (purpose "tagging", value "Parent/Child") and one for the
//               note (purpose "commenting", format text/plain); no body when there is neither
//   target      source: the article's http(s) URL, else urn:lede:article:<id>;
//               selector: a TextQuoteSelector (the stored anchor: exact, prefix, suffix) and a
//               TextPositionSelector (start/end in Unicode code points of the body, end exclusive:
//               the offsets of Lede's CSV). An orphaned annotation (its passage was lost when the
//               article changed) has the quote selector only.
//   colour      the highlight's own colour, the standard way: a CssStylesheet on the annotation and
//               the class on the target ("styleClass": "lede-color-rrggbb").
//
// The collection's first lines are fixed (`headStart()`), so ExportTarget can recognise a previous
// export and replace it without --force.
struct WebAnnotationOptions
{
    QList<qint64> articleIds; // empty: every article
    qint64 tagId = 0; // non-zero: articles with this tag (or one below), and only those annotations
    QString search; // non-empty: only articles matching this library search
    QDateTime generated; // the collection's "generated" time; invalid: now
};

namespace WebAnnotation {

inline constexpr char Context[] = "http://www.w3.org/ns/anno.jsonld";

// The bytes every export starts with.
QByteArrayView headStart();

// One annotation as a JSON object. `article` is the annotation's article (its body gives the code
// point offsets). Only the highlight's own colour is written (not its tag's).
QJsonObject annotationObject(const Article &article, const Annotation &annotation);
// The same with the body's code point map built once for all of an article's annotations.
QJsonObject annotationObject(const Article &article, const Annotation &annotation, const CodePointMap &map);

// The target source IRI of an article: its http(s) URL, else urn:lede:article:<id>.
QString sourceIri(const Article &article);

struct Counts
{
    int articles = 0;
    int annotations = 0;
};

// The whole document. `progress(articlesDone)` (after each article, and every 1024 annotations)
// returning false cancels ("Cancelled").
Result<QByteArray> build(ArticleStore &store, const WebAnnotationOptions &options, Counts *counts = nullptr,
                         const std::function<bool(int)> &progress = {});

} // namespace WebAnnotation

// Writes the collection atomically (QSaveFile) after ExportTarget's check: never the library, a
// folder, a device or a FIFO; another existing file only when `confirmed` (an empty file or a
// previous export is replaced without asking). On failure or cancel an earlier file stays whole.
Result<WebAnnotation::Counts> exportWebAnnotations(ArticleStore &store, const WebAnnotationOptions &options,
                                                   const QString &path, bool confirmed,
                                                   const std::function<bool(int)> &progress = {});

} // namespace Lede
