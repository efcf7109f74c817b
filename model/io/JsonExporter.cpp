// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonExporter.h"

#include "TextOffsets.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject JsonExporter::articleObject(const Article &article, const AnalysisResult &analysis)
{
    const CodePointMap map(article.body);
    QJsonArray quotes;
    for (const Quote &q : analysis.quotes) {
        const Span cp = map.toCodePoints(q.span);
        QJsonObject o{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, q.text},
                      {u"kind"_s, quoteKindName(q.kind)}, {u"speaker"_s, stringOrNull(q.speaker)},
                      {u"cue"_s, stringOrNull(q.cue)}};
        if (q.speakerSpan) {
            const Span s = map.toCodePoints(*q.speakerSpan);
            o.insert(u"speaker_start"_s, s.start);
            o.insert(u"speaker_end"_s, s.end);
        } else {
            o.insert(u"speaker_start"_s, QJsonValue::Null);
            o.insert(u"speaker_end"_s, QJsonValue::Null);
        }
        quotes.append(o);
    }
    QJsonArray entities;
    for (const Entity &e : analysis.entities) {
        const Span cp = map.toCodePoints(e.span);
        entities.append(QJsonObject{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, e.text},
                                    {u"type"_s, entityTypeName(e.type)},
                                    {u"canonical"_s, e.canonical.isEmpty() ? e.text : e.canonical}});
    }
    QJsonArray figures;
    for (const Figure &f : analysis.figures) {
        const Span cp = map.toCodePoints(f.span);
        figures.append(QJsonObject{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, f.text},
                                   {u"value"_s, f.value}, {u"unit"_s, f.unit},
                                   {u"qualifier"_s, stringOrNull(f.qualifier)},
                                   {u"attributed_to"_s, stringOrNull(f.attributedTo)}});
    }
    return QJsonObject{
        {u"path"_s, article.path},
        {u"title"_s, article.title},
        // DESIGN.md makes only `published` nullable among the parts: the others are strings,
        // empty when the article has none.
        {u"byline"_s, article.byline},
        {u"dateline"_s, article.dateline},
        {u"source"_s, article.source},
        {u"published"_s, article.published.isValid() ? QJsonValue(article.published.toString(Qt::ISODate))
                                                     : QJsonValue(QJsonValue::Null)},
        {u"body"_s, article.body},
        {u"quotes"_s, quotes},
        {u"entities"_s, entities},
        {u"figures"_s, figures},
    };
}

} // namespace Lede
