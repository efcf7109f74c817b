// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebAnnotationExport.h"

#include "AnnotatedSelection.h"
#include "Annotation.h"
#include "Article.h"
#include "TextOffsets.h"
#include "io/ExportTarget.h"
#include "io/FileAccess.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::WebAnnotation", text);
}

constexpr QByteArrayView HeadStart = "{\n    \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                                     "    \"id\": \"urn:lede:export:";

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject textualBody(const QString &purpose, const QString &value)
{
    return QJsonObject { { u"type"_s, u"TextualBody"_s },
                         { u"purpose"_s, purpose },
                         { u"value"_s, value },
                         { u"format"_s, u"text/plain"_s } };
}

// `value` as it stands inside the collection: indented one level further, without its last newline.
QByteArray nested(const QJsonObject &value)
{
    QByteArray json = QJsonDocument(value).toJson(QJsonDocument::Indented);
    if (json.endsWith('\n'))
        json.chop(1);
    return json.replace("\n", "\n    ");
}

// A JSON string literal, quotes and escapes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // ["..."] -> "..."
}

} // namespace

namespace WebAnnotation {

QByteArrayView headStart()
{
    return HeadStart;
}

QString sourceIri(const Article &article)
{
    const QUrl url(article.url.trimmed(), QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s) && !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return u"urn:lede:article:%1"_s.arg(article.id);
}

QJsonObject annotationObject(const Article &article, const Annotation &a)
{
    return annotationObject(article, a, CodePointMap(article.body));
}

QJsonObject annotationObject(const Article &article, const Annotation &a, const CodePointMap &map)
{
    QJsonObject annotation { { u"id"_s, u"urn:lede:annotation:%1"_s.arg(a.id) },
                             { u"type"_s, u"Annotation"_s },
                             { u"motivation"_s, a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s } };
    if (a.createdAt.isValid())
        annotation.insert(u"created"_s, isoTime(a.createdAt));
    if (a.updatedAt.isValid())
        annotation.insert(u"modified"_s, isoTime(a.updatedAt));

    QJsonArray bodies;
    for (const QString &tag : a.tags)
        bodies.append(textualBody(u"tagging"_s, tag));
    if (!a.note.isEmpty())
        bodies.append(textualBody(u"commenting"_s, a.note));
    if (!bodies.isEmpty())
        annotation.insert(u"body"_s, bodies);

    QJsonArray selectors;
    QJsonObject quote { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, a.exact } };
    if (!a.prefix.isEmpty())
        quote.insert(u"prefix"_s, a.prefix);
    if (!a.suffix.isEmpty())
        quote.insert(u"suffix"_s, a.suffix);
    selectors.append(quote);
    if (!a.isOrphan()) {
        const Span points = map.toCodePoints(a.span);
        selectors.append(QJsonObject { { u"type"_s, u"TextPositionSelector"_s },
                                       { u"start"_s, qint64(points.start) },
                                       { u"end"_s, qint64(points.end) } });
    }
    QJsonObject target { { u"source"_s, sourceIri(article) }, { u"selector"_s, selectors } };

    // The highlight's own colour, as the model says styles travel: a stylesheet and a class.
    const QColor color = a.color.trimmed().isEmpty() ? QColor() : QColor::fromString(a.color.trimmed());
    if (color.isValid()) {
        const QString hex = color.name(QColor::HexRgb).mid(1);
        const QString styleClass = u"lede-color-"_s + hex;
        annotation.insert(
            u"stylesheet"_s,
            QJsonObject { { u"type"_s, u"CssStylesheet"_s },
                          { u"value"_s, u".%1 { background-color: #%2 }"_s.arg(styleClass, hex) } });
        target.insert(u"styleClass"_s, styleClass);
    }
    annotation.insert(u"target"_s, target);
    return annotation;
}

Result<QByteArray> build(ArticleStore &store, const WebAnnotationOptions &options, Counts *counts,
                         const std::function<bool(int)> &progress)
{
    using R = Result<QByteArray>;
    auto selection = resolveAnnotatedSelection(store, options.articleIds, options.tagId, options.search);
    if (!selection)
        return R::failure(selection.errorString());
    const QList<qint64> &ids = selection->articleIds;

    Counts done;
    QJsonArray items;
    for (qint64 id : std::as_const(ids)) {
        auto article = ArticleRepository(store).article(id);
        if (!article)
            return R::failure(article.errorString());
        auto annotations = AnnotationRepository(store).annotations(id);
        if (!annotations)
            return R::failure(annotations.errorString());
        QList<Annotation> list = *annotations;
        std::stable_sort(list.begin(), list.end(), [](const Annotation &a, const Annotation &b) {
            return a.span.start < b.span.start;
        });
        const CodePointMap map(article->body);
        for (const Annotation &a : std::as_const(list)) {
            if (!selection->wants(a))
                continue;
            items.append(annotationObject(*article, a, map));
            // A cancel is honoured inside an article with very many annotations, too.
            if (++done.annotations % 1024 == 0 && progress && !progress(done.articles))
                return R::failure(tr("Cancelled"));
        }
        ++done.articles;
        if (progress && !progress(done.articles))
            return R::failure(tr("Cancelled"));
    }

    const QDateTime generated
        = options.generated.isValid() ? options.generated : QDateTime::currentDateTimeUtc();
    const QString collectionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject page { { u"id"_s, u"urn:lede:export:%1:page:1"_s.arg(collectionId) },
                             { u"type"_s, u"AnnotationPage"_s },
                             { u"startIndex"_s, 0 },
                             { u"items"_s, items } };
    const QJsonObject generator { { u"id"_s, u"urn:lede:software"_s },
                                  { u"type"_s, u"Software"_s },
                                  { u"name"_s, u"Lede %1"_s.arg(QCoreApplication::applicationVersion()) } };
    // Written by hand around the nested objects so that the first lines are fixed (headStart()).
    QByteArray json = HeadStart.toByteArray();
    json += collectionId.toUtf8() + "\",\n";
    json += "    \"type\": \"AnnotationCollection\",\n";
    json += "    \"label\": " + jsonString(tr("Lede annotations")) + ",\n";
    json += "    \"generator\": " + nested(generator) + ",\n";
    json += "    \"generated\": \"" + isoTime(generated).toUtf8() + "\",\n";
    json += "    \"total\": " + QByteArray::number(done.annotations) + ",\n";
    json += "    \"first\": " + nested(page) + "\n}\n";
    if (counts)
        *counts = done;
    return json;
}

} // namespace WebAnnotation

Result<WebAnnotation::Counts> exportWebAnnotations(ArticleStore &store, const WebAnnotationOptions &options,
                                                   const QString &path, bool confirmed,
                                                   const std::function<bool(int)> &progress)
{
    using R = Result<WebAnnotation::Counts>;
    if (Status s = ExportTarget::allow(path, store.path(), confirmed); !s)
        return R::failure(s.errorString());
    WebAnnotation::Counts counts;
    auto json = WebAnnotation::build(store, options, &counts, progress);
    if (!json)
        return R::failure(json.errorString());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*json) != json->size() || !file.commit())
        return R::failure(tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    return counts;
}

} // namespace Lede
