// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportController.h"

#include "ExportDialog.h"
#include "UiHelpers.h"
#include "library/AnnotationCsvExport.h"
#include "library/ArticleCsvExport.h"
#include "library/RefiQdaExport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDir>
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
    QFuture<Status> future
        = QtConcurrent::run([dbPath, query, options, path, format, cancel](QPromise<Status> &promise) {
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
                  promise.addResult(ArticleCsvExport::writeFile(
                      store, selection, options, path, true, [&](qint64 done) { return step(done, total); }));
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

} // namespace Lede
