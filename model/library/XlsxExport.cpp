// SPDX-License-Identifier: GPL-3.0-or-later
#include "XlsxExport.h"

#include "insights/Insights.h"
#include "io/ExportTarget.h"
#include "io/XlsxWriter.h"
#include "store/ArticleStore.h"
#include "store/ArticleTable.h"
#include "store/ExportReader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// The Insights tables of the same articles: Sources (the `lede sources` columns and roles) and
// Figures (the `lede figures` columns), typed like the rest of the workbook.
Status writeInsightsSheets(ArticleStore &store, const ExportQuery &query, XlsxWriter &writer)
{
    using Column = XlsxWriter::SheetColumn;
    Insights::Scope scope;
    if (!query.articleIds.isEmpty())
        scope.articleIds = query.articleIds;
    scope.tagId = query.tagId;
    const QSqlDatabase db = store.database();
    auto sources = Insights::sources(db, scope);
    if (!sources)
        return Status::failure(sources.errorString());
    if (Status s = writer.beginSheet(u"Sources"_s,
                                     { { u"speaker"_s, Column::Kind::Text, 24 },
                                       { u"kind"_s, Column::Kind::Text, 12 },
                                       { u"quotes"_s, Column::Kind::Number, 8 },
                                       { u"articles"_s, Column::Kind::Number, 8 },
                                       { u"first_published"_s, Column::Kind::Date, 14 },
                                       { u"last_published"_s, Column::Kind::Date, 14 },
                                       { u"outlets"_s, Column::Kind::Text, 30 },
                                       { u"roles"_s, Column::Kind::Text, 30 } });
        !s)
        return s;
    for (const Insights::SourceRow &r : std::as_const(*sources)) {
        if (Status s = writer.writeRow({ r.speaker, Insights::speakerKindName(r.kind), r.quotes, r.articles,
                                         r.firstPublished, r.lastPublished, r.outlets.join(u"; "_s),
                                         r.roles.join(u"; "_s) });
            !s)
            return s;
    }
    auto figures = Insights::figures(db, scope, false);
    if (!figures)
        return Status::failure(figures.errorString());
    if (Status s = writer.beginSheet(u"Figures"_s,
                                     { { u"conflict_group"_s, Column::Kind::Number, 10 },
                                       { u"article_id"_s, Column::Kind::Number, 10 },
                                       { u"published"_s, Column::Kind::Date, 12 },
                                       { u"source"_s, Column::Kind::Text, 16 },
                                       { u"value"_s, Column::Kind::Number, 12 },
                                       { u"unit"_s, Column::Kind::Text, 18 },
                                       { u"qualifier"_s, Column::Kind::Text, 12 },
                                       { u"attributed_to"_s, Column::Kind::Text, 24 },
                                       { u"text"_s, Column::Kind::Text, 40 } });
        !s)
        return s;
    for (const Insights::FigureRow &r : std::as_const(*figures)) {
        if (Status s = writer.writeRow({ r.conflictGroup > 0 ? QVariant(r.conflictGroup) : QVariant(),
                                         r.articleId, r.published, r.source, r.value, r.unit, r.qualifier,
                                         r.attributedTo, r.text });
            !s)
            return s;
    }
    return {};
}

} // namespace

Status exportXlsx(ArticleStore &store, const ExportQuery &query, const QString &path,
                  const std::function<bool(qint64)> &progress)
{
    // Never onto the library itself, a device or a FIFO, whoever asks.
    if (Status s = ExportTarget::allow(path, store.path(), true); !s)
        return s;
    XlsxWriter writer(path);
    if (Status s = writer.open(); !s)
        return s;
    if (Status s = writer.beginAnnotations(); !s)
        return s;
    qint64 done = 0;
    Status written;
    auto step = [&](const Status &s) {
        if (!s) {
            written = s;
            return false;
        }
        ++done;
        return !progress || done % 4096 != 0 || progress(done);
    };
    Status read = ExportReader(store).forEachExportRow(
        query, [&](const ExportRow &row) { return step(writer.writeAnnotation(row)); });
    if (!written)
        return written;
    if (!read)
        return read;
    if (Status s = writer.beginArticles(); !s)
        return s;
    ArticleSelection selection;
    selection.ids = query.articleIds;
    selection.tagId = query.tagId;
    read = forEachArticleRow(store, selection,
                             [&](const ArticleTableRow &row) { return step(writer.writeArticle(row)); });
    if (!written)
        return written;
    if (!read)
        return read;
    if (Status s = writeInsightsSheets(store, query, writer); !s)
        return s;
    if (progress && !progress(done))
        return Status::failure(QCoreApplication::translate("Lede::XlsxExport", "Cancelled"));
    return writer.commit();
}

} // namespace Lede
