// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>

class QIODevice;

namespace Lede {

// The `lede analyze --json` article object of DESIGN.md: parts, body, quotes, entities and figures,
// with every offset converted to Unicode code points. `published`, a quote's speaker, speaker
// offsets and cue, and a figure's qualifier and attribution are JSON null when unknown; the other
// text parts are strings (empty when the article has none). Where the article came from: "url" (or
// null), "format" (articleFormat(), or null when unknown), "metadata" (an object of strings) and
// "index" (a story's 1-based place in a multi-article file, else null); the stories of one file
// share its "path" (Article::path without "#N").
class JsonExporter final
{
public:
    static QJsonObject articleObject(const Article &article, const AnalysisResult &analysis);
};

// Streams the whole `lede analyze --json` document ({"articles": [...]}) to a device, one article
// at a time, never holding more than one article's JSON: each article is written and flushed as
// soon as write() is called. The bytes are exactly those of
// QJsonDocument({"articles": [articleObject(...)...]}).toJson(QJsonDocument::Indented).
//
//     JsonArticleStream json(&out);      // writes the opening
//     json.write(article, analysis);      // as often as needed
//     if (Status s = json.finish(); !s) ...  // writes the closing; reports any write error
class JsonArticleStream final
{
public:
    explicit JsonArticleStream(QIODevice *device);
    ~JsonArticleStream();
    JsonArticleStream(const JsonArticleStream &) = delete;
    JsonArticleStream &operator=(const JsonArticleStream &) = delete;

    void write(const Article &article, const AnalysisResult &analysis);
    Status finish();

    // One article object as it stands inside the document (indented for the "articles" array).
    static QByteArray articleJson(const Article &article, const AnalysisResult &analysis);

private:
    void flush();

    static constexpr qsizetype kDirectWriteSize = 64 * 1024;
    QIODevice *m_device;
    QByteArray m_buffer;
    int m_count = 0;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace Lede
