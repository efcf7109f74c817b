// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Annotation.h"
#include "Article.h"
#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace Lede {

class ArticleStore;

// One article as a report a reporter sends to an editor (File → Export Report…, `lede
// export-report`): a self-contained HTML document, and the same as PDF.
//
// The HTML holds, in this order: the title; the metadata (source, published date, byline,
// dateline, URL); the body, paragraph by paragraph, with each of the user's highlights as
// <span class="highlight" data-annotation="ID" style="background-color: #rrggbb"> in its colour
// (its own, else its first coloured tag's, else the default yellow; where highlights overlap, the
// one that starts last wins the colour and the span names every id); a superscript number after
// each passage that carries a note, linking to the numbered endnotes (numbered in text order;
// notes whose passage was lost when the text changed come last, without a mark); the quotes grouped
// by speaker (the most quoted first); and the figures table (figure, value, unit, qualifier,
// attributed to). Every text from the library is HTML-escaped. Headings and labels are tr()'d.
//
// The PDF (writeReportPdf) lays the same HTML out with QTextDocument and writes it with QPdfWriter
// (Qt Gui only: it needs a QGuiApplication for fonts, not widgets).
struct ArticleReportData
{
    Article article;
    AnalysisResult analysis;
    QList<Annotation> annotations;
    QHash<QString, QString> tagColors; // tag path -> the tag's colour as stored ("yellow", "#336699")
};

class ArticleReport final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ArticleReport)

public:
    static Result<ArticleReportData> load(ArticleStore &store, qint64 articleId);
    static QString html(const ArticleReportData &data);
    // The colour a highlight is shown in, as #rrggbb.
    static QString highlightColor(const Annotation &annotation, const QHash<QString, QString> &tagColors);
    // "#f5d033", the window's default highlight colour.
    static QString defaultColor();
};

// Writes the report atomically: HTML (UTF-8) when `path` ends in .html or .htm, PDF when it ends in
// .pdf; another suffix is refused. ExportTarget decides which existing files may be replaced
// (`confirmed`: the user agreed to replace another file). A PDF needs a QGuiApplication.
Status writeArticleReport(const ArticleReportData &data, const QString &path, const QString &libraryPath,
                          bool confirmed);

} // namespace Lede
