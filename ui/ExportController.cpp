// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportController.h"

#include "ExportDialog.h"
#include "Settings.h"
#include "UiHelpers.h"
#include "library/AnnotationCsvExport.h"
#include "library/ArticleCsvExport.h"
#include "library/ArticleReport.h"
#include "library/RefiQdaExport.h"
#include "library/WebAnnotationExport.h"
#include "library/XlsxExport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/ExportReader.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Lede {

ExportController::ExportController(ArticleStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
{
}

ExportController::~ExportController() = default;

void ExportController::exportCsv(qint64 currentArticle, const QList<qint64> &selectedArticles,
                                 const QList<Tag> &tags)
{
    if (!m_store->isOpen())
        return;
    ExportDialog dialog(currentArticle, selectedArticles, tags, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runExport(dialog.query(), dialog.options(), dialog.path(), dialog.format());
}

namespace {

// How many articles an article table or project of `query` holds (for the progress bar).
qint64 articleTotal(ArticleStore &store, const ExportQuery &query)
{
    if (!query.articleIds.isEmpty())
        return query.articleIds.size();
    ArticleQuery q;
    q.tagId = query.tagId;
    auto count = ArticleRepository(store).articleCount(q);
    return count ? *count : 0;
}

} // namespace

void ExportController::runExport(const ExportQuery &query, const CsvOptions &options, const QString &path,
                                 ExportFormat format)
{
    if (path.isEmpty()) {
        emit message(tr("Choose a file to export to."), MessageBar::Kind::Error);
        return;
    }
    const QString dbPath = m_store->path();
    // Cancel goes through a flag (see ImportController::importPaths()).
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<Status> future = QtConcurrent::run([dbPath, query, options, path, format,
                                                cancel](QPromise<Status> &promise) {
        ArticleStore store;
        if (const Status s = store.open(dbPath); !s) {
            promise.addResult(s);
            return;
        }
        // Progress is reported in per mille: row counts can exceed int.
        promise.setProgressRange(0, 1000);
        const auto step = [&promise, &cancel](qint64 done, qint64 total) {
            promise.setProgressValue(total > 0 ? int(std::min(done, total) * 1000 / total) : 1000);
            return !cancel->load();
        };
        if (format == ExportFormat::AnnotationsCsv) {
            promise.addResult(AnnotationCsvExport::writeFile(store, query, options, path, step));
            return;
        }
        const qint64 total = articleTotal(store, query);
        if (format == ExportFormat::ArticlesCsv) {
            ArticleSelection selection;
            selection.ids = query.articleIds;
            selection.tagId = query.tagId;
            promise.addResult(ArticleCsvExport::writeFile(store, selection, options, path, true,
                                                          [&](qint64 done) { return step(done, total); }));
            return;
        }
        if (format == ExportFormat::Xlsx) {
            // Annotation rows, then article rows.
            const auto rows = ExportReader(store).exportRowCount(query);
            const qint64 cells = (rows ? *rows : 0) + total;
            promise.addResult(exportXlsx(store, query, path, [&](qint64 done) { return step(done, cells); }));
            return;
        }
        if (format == ExportFormat::WebAnnotations) {
            WebAnnotationOptions web;
            web.articleIds = query.articleIds;
            web.tagId = query.tagId;
            const auto counts
                = exportWebAnnotations(store, web, path, true, [&](int done) { return step(done, total); });
            promise.addResult(counts ? Status() : Status::failure(counts.errorString()));
            return;
        }
        RefiQdaOptions refi;
        refi.articleIds = query.articleIds;
        refi.tagId = query.tagId;
        refi.includeQuotes = query.includeQuotes;
        refi.includeEntities = query.includeEntities;
        refi.includeFigures = query.includeFigures;
        const auto counts = exportQdpx(store, refi, path, [&](int done) { return step(done, total); });
        promise.addResult(counts ? Status() : Status::failure(counts.errorString()));
    });
    QProgressDialog *progress
        = makeProgressDialog(m_window, u"exportProgress"_s, tr("Exporting…"), tr("Export"), 1000);
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, progress, path, cancel] {
        progress->reset(); // stops its show timer, which would bring it back over a summary box
        progress->hide();
        progress->deleteLater();
        watcher->deleteLater();
        const bool haveResult = watcher->future().resultCount() > 0;
        const Status s = haveResult ? watcher->future().resultAt(0) : Status::failure(tr("Cancelled"));
        // A Cancel that came after the last row still leaves a complete file: say so.
        if (s.ok())
            emit message(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)),
                         MessageBar::Kind::Information);
        else if (cancel->load())
            emit message(tr("Export cancelled; no file was written."), MessageBar::Kind::Warning);
        else
            emit message(tr("Export failed: %1").arg(s.errorString()), MessageBar::Kind::Error);
        emit finished(s.ok());
    });
    watcher->setFuture(future);
}

void ExportController::exportReport(qint64 articleId)
{
    if (!m_store->isOpen() || articleId == 0)
        return;
    auto article = ArticleRepository(*m_store).article(articleId);
    if (!article) {
        emit message(tr("Export failed: %1").arg(article.errorString()), MessageBar::Kind::Error);
        return;
    }
    // A file name from the title: letters, digits, spaces and dashes.
    QString base;
    for (const QChar c : article->title.simplified())
        base += c.isLetterOrNumber() || c == u' ' || c == u'-' ? c : u' ';
    base = base.simplified().left(60);
    if (base.isEmpty())
        base = tr("report");
    QSettings settings;
    const QString dir = ExportDialog::defaultFolder(Settings::LastExportDir.read(settings));
    const QString htmlFilter = tr("Web page (*.html)");
    const QString pdfFilter = tr("PDF document (*.pdf)");
    QString filter = htmlFilter;
    QString path
        = QFileDialog::getSaveFileName(m_window, tr("Export Report"), QDir(dir).filePath(base + u".html"_s),
                                       htmlFilter + u";;"_s + pdfFilter, &filter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"html"_s && suffix != u"htm"_s && suffix != u"pdf"_s)
        path += filter == pdfFilter ? u".pdf"_s : u".html"_s;
    if (writeReport(articleId, path))
        Settings::LastExportDir.write(settings, QFileInfo(path).absolutePath());
}

bool ExportController::writeReport(qint64 articleId, const QString &path)
{
    auto data = ArticleReport::load(*m_store, articleId);
    Status s
        = data ? writeArticleReport(*data, path, m_store->path(), true) : Status::failure(data.errorString());
    if (!s) {
        emit message(tr("Export failed: %1").arg(s.errorString()), MessageBar::Kind::Error);
        return false;
    }
    emit message(tr("Report written to %1.").arg(QDir::toNativeSeparators(path)),
                 MessageBar::Kind::Information);
    return true;
}

} // namespace Lede
