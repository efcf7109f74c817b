// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleReport.h"

#include "io/ExportTarget.h"
#include "io/FileAccess.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QColor>
#include <QGuiApplication>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Plain text with line breaks kept (notes may have several lines).
QString escLines(const QString &text)
{
    return esc(text).replace(u'\n', u"<br>"_s);
}

QString figureValue(double value)
{
    return QString::number(value, 'g', 15);
}

QString style()
{
    return u"body { font-family: 'DejaVu Serif', serif; max-width: 42em; margin: 2em auto; "
           u"line-height: 1.5; color: #1a1a1a; }\n"
           u"h1 { font-size: 1.6em; margin-bottom: 0.2em; }\n"
           u"h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #999; }\n"
           u"h3 { font-size: 1em; margin-bottom: 0.2em; }\n"
           u".meta { color: #555; margin: 0; }\n"
           u"sup.endnote { font-size: 0.7em; }\n"
           u"table.figures { border-collapse: collapse; }\n"
           u"table.figures th, table.figures td { border: 1px solid #999; padding: 2px 6px; "
           u"text-align: left; }\n"_s;
}

} // namespace

QString ArticleReport::defaultColor()
{
    return u"#f5d033"_s;
}

QString ArticleReport::highlightColor(const Annotation &annotation, const QHash<QString, QString> &tagColors)
{
    const auto valid = [](const QString &name) {
        return name.trimmed().isEmpty() ? QColor() : QColor::fromString(name.trimmed());
    };
    if (const QColor own = valid(annotation.color); own.isValid())
        return own.name(QColor::HexRgb);
    for (const QString &tag : annotation.tags) {
        if (const QColor c = valid(tagColors.value(tag)); c.isValid())
            return c.name(QColor::HexRgb);
    }
    return defaultColor();
}

Result<ArticleReportData> ArticleReport::load(ArticleStore &store, qint64 articleId)
{
    using R = Result<ArticleReportData>;
    ArticleReportData data;
    auto article = ArticleRepository(store).article(articleId);
    if (!article)
        return R::failure(article.errorString());
    data.article = std::move(article.value());
    auto analysis = AnalysisRepository(store).analysis(articleId);
    if (!analysis)
        return R::failure(analysis.errorString());
    data.analysis = std::move(analysis.value());
    auto annotations = AnnotationRepository(store).annotations(articleId);
    if (!annotations)
        return R::failure(annotations.errorString());
    data.annotations = std::move(annotations.value());
    auto tags = TagRepository(store).tags();
    if (!tags)
        return R::failure(tags.errorString());
    for (const Tag &t : std::as_const(*tags))
        data.tagColors.insert(t.path, t.color);
    return data;
}

QString ArticleReport::html(const ArticleReportData &data)
{
    const Article &article = data.article;
    const QString &body = article.body;
    QString h;
    h += u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>"_s + esc(article.title)
        + u"</title>\n<style>\n"_s + style() + u"</style>\n</head>\n<body>\n"_s;
    h += u"<h1>"_s + esc(article.title) + u"</h1>\n"_s;

    // Metadata: one line per part the article has.
    const auto meta = [&h](const QString &label, const QString &value) {
        if (!value.trimmed().isEmpty())
            h += u"<p class=\"meta\"><b>"_s + esc(label) + u"</b> "_s + esc(value) + u"</p>\n"_s;
    };
    meta(tr("Source:"), article.source);
    meta(tr("Published:"), article.published.isValid() ? article.published.toString(Qt::ISODate) : QString());
    meta(tr("Byline:"), article.byline);
    meta(tr("Dateline:"), article.dateline);
    if (!article.url.trimmed().isEmpty()) {
        const QUrl url(article.url.trimmed(), QUrl::StrictMode);
        const bool link = url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s);
        h += u"<p class=\"meta\"><b>"_s + esc(tr("URL:")) + u"</b> "_s
            + (link ? u"<a href=\""_s + esc(url.toString(QUrl::FullyEncoded)) + u"\">"_s + esc(article.url)
                       + u"</a>"_s
                    : esc(article.url))
            + u"</p>\n"_s;
    }

    // The highlights that have a place in the text, and the endnote numbers of those with a note.
    QList<Annotation> placed;
    QList<Annotation> orphanNotes;
    for (const Annotation &a : data.annotations) {
        if (a.span.end > a.span.start && a.span.start >= 0 && a.span.end <= body.size())
            placed.append(a);
        else if (!a.note.isEmpty())
            orphanNotes.append(a);
    }
    std::stable_sort(placed.begin(), placed.end(), [](const Annotation &a, const Annotation &b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
    });
    QHash<qint64, int> noteNumber;
    QList<const Annotation *> endnotes;
    for (const Annotation &a : std::as_const(placed)) {
        if (!a.note.isEmpty()) {
            endnotes.append(&a);
            noteNumber.insert(a.id, int(endnotes.size()));
        }
    }
    for (const Annotation &a : std::as_const(orphanNotes))
        endnotes.append(&a);

    // The body, cut wherever a highlight starts or ends and at every line break.
    h += u"<h2>"_s + esc(tr("Text")) + u"</h2>\n"_s;
    QList<qsizetype> cuts { 0, body.size() };
    for (const Annotation &a : std::as_const(placed))
        cuts << a.span.start << a.span.end;
    for (qsizetype i = body.indexOf(u'\n'); i >= 0; i = body.indexOf(u'\n', i + 1))
        cuts << i << i + 1;
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    bool open = false;
    const auto markers = [&](qsizetype end) {
        QString m;
        for (const Annotation &a : std::as_const(placed)) {
            if (a.span.end == end && noteNumber.contains(a.id)) {
                const QString n = QString::number(noteNumber.value(a.id));
                m += u"<sup class=\"endnote\"><a id=\"ref-"_s + n + u"\" href=\"#note-"_s + n + u"\">"_s + n
                    + u"</a></sup>"_s;
            }
        }
        return m;
    };
    for (qsizetype c = 0; c + 1 < cuts.size(); ++c) {
        const qsizetype from = cuts.at(c);
        const qsizetype to = cuts.at(c + 1);
        const QString piece = body.mid(from, to - from);
        if (piece == u"\n"_s) {
            h += markers(to);
            if (open)
                h += u"</p>\n"_s;
            open = false;
            continue;
        }
        if (!open)
            h += u"<p>"_s;
        open = true;
        QStringList ids;
        const Annotation *top = nullptr;
        for (const Annotation &a : std::as_const(placed)) {
            if (a.span.start <= from && a.span.end >= to) {
                ids.append(QString::number(a.id));
                top = &a; // sorted by start: the last one covering starts last
            }
        }
        if (top) {
            h += u"<span class=\"highlight\" data-annotation=\""_s + ids.join(u' ')
                + u"\" style=\"background-color: "_s + highlightColor(*top, data.tagColors) + u"\">"_s
                + esc(piece) + u"</span>"_s;
        } else {
            h += esc(piece);
        }
        h += markers(to);
    }
    if (open)
        h += u"</p>\n"_s;

    if (!endnotes.isEmpty()) {
        h += u"<h2>"_s + esc(tr("Notes")) + u"</h2>\n<ol class=\"endnotes\">\n"_s;
        for (qsizetype i = 0; i < endnotes.size(); ++i) {
            const Annotation &a = *endnotes.at(i);
            const QString n = QString::number(i + 1);
            const QString passage
                = a.isOrphan() || a.span.isEmpty() ? a.exact : body.mid(a.span.start, a.span.length());
            h += u"<li id=\"note-"_s + n + u"\">"_s;
            if (!passage.isEmpty())
                h += u"<i>“"_s + esc(passage.simplified()) + u"”</i>"_s
                    + (a.isOrphan() ? u" "_s + esc(tr("(passage no longer in the text)")) : QString())
                    + u"<br>"_s;
            h += escLines(a.note);
            if (!a.tags.isEmpty())
                h += u" <span class=\"meta\">["_s + esc(a.tags.join(u"; "_s)) + u"]</span>"_s;
            h += u"</li>\n"_s;
        }
        h += u"</ol>\n"_s;
    }

    if (!data.analysis.quotes.isEmpty()) {
        h += u"<h2>"_s + esc(tr("Quotes by speaker")) + u"</h2>\n"_s;
        QMap<QString, QList<const Quote *>> bySpeaker;
        for (const Quote &q : data.analysis.quotes)
            bySpeaker[q.speaker.trimmed()].append(&q);
        QStringList speakers = bySpeaker.keys();
        std::stable_sort(speakers.begin(), speakers.end(), [&](const QString &a, const QString &b) {
            if (a.isEmpty() != b.isEmpty())
                return b.isEmpty(); // the unknown speaker last
            return bySpeaker.value(a).size() > bySpeaker.value(b).size();
        });
        for (const QString &speaker : std::as_const(speakers)) {
            const auto &quotes = bySpeaker.value(speaker);
            h += u"<h3 class=\"speaker\">"_s + esc(speaker.isEmpty() ? tr("Unknown speaker") : speaker)
                + u" ("_s + QString::number(quotes.size()) + u")</h3>\n<ul>\n"_s;
            for (const Quote *q : quotes)
                h += u"<li>"_s + esc(body.mid(q->span.start, q->span.length()).simplified()) + u"</li>\n"_s;
            h += u"</ul>\n"_s;
        }
    }

    if (!data.analysis.figures.isEmpty()) {
        h += u"<h2>"_s + esc(tr("Figures")) + u"</h2>\n"_s;
        h += u"<table class=\"figures\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr><th>"_s
            + esc(tr("Figure")) + u"</th><th>"_s + esc(tr("Value")) + u"</th><th>"_s + esc(tr("Unit"))
            + u"</th><th>"_s + esc(tr("Qualifier")) + u"</th><th>"_s + esc(tr("Attributed to"))
            + u"</th></tr>\n"_s;
        for (const Figure &f : data.analysis.figures) {
            h += u"<tr><td>"_s + esc(body.mid(f.span.start, f.span.length()).simplified()) + u"</td><td>"_s
                + figureValue(f.value) + u"</td><td>"_s + esc(f.unit) + u"</td><td>"_s + esc(f.qualifier)
                + u"</td><td>"_s + esc(f.attributedTo) + u"</td></tr>\n"_s;
        }
        h += u"</table>\n"_s;
    }
    h += u"</body>\n</html>\n"_s;
    return h;
}

Status writeArticleReport(const ArticleReportData &data, const QString &path, const QString &libraryPath,
                          bool confirmed)
{
    const bool pdf = path.endsWith(u".pdf"_s, Qt::CaseInsensitive);
    const bool html
        = path.endsWith(u".html"_s, Qt::CaseInsensitive) || path.endsWith(u".htm"_s, Qt::CaseInsensitive);
    if (!pdf && !html)
        return Status::failure(
            ArticleReport::tr("%1: a report is written as .html or .pdf").arg(displayFileName(path)));
    if (pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Status::failure(ArticleReport::tr("a PDF report needs the window's fonts; write .html here, "
                                                 "or use File → Export Report… in the window"));
    if (Status s = ExportTarget::allow(path, libraryPath, confirmed); !s)
        return s;
    const QString text = ArticleReport::html(data);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(
            ArticleReport::tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    if (html) {
        const QByteArray bytes = text.toUtf8();
        if (file.write(bytes) != bytes.size())
            return Status::failure(
                ArticleReport::tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    } else {
        // The writer finishes the PDF when printing ends; it goes before the file is committed.
        QPdfWriter writer(&file);
        writer.setTitle(data.article.title);
        writer.setCreator(u"Lede"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        QTextDocument document;
        document.setDocumentMargin(0);
        document.setHtml(text);
        document.print(&writer);
    }
    if (!file.commit())
        return Status::failure(
            ArticleReport::tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    return {};
}

} // namespace Lede
