// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportController.h"

#include "ExportDialog.h"
#include "UiHelpers.h"
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
    runExport(dialog.query(), dialog.options(), dialog.path());
}

void ExportController::runExport(const ExportQuery &query, const CsvOptions &options, const QString &path)
{
    if (path.isEmpty()) {
        emit message(tr("Choose a file to export to."), MessageBar::Kind::Error);
        return;
    }
    const QString dbPath = m_store->path();
    // Cancel goes through a flag (see ImportController::importPaths()).
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<Status> future
        = QtConcurrent::run([dbPath, query, options, path, cancel](QPromise<Status> &promise) {
              ArticleStore store;
              if (const Status s = store.open(dbPath); !s) {
                  promise.addResult(s);
                  return;
              }
              // Progress is reported in per mille: row counts can exceed int.
              promise.setProgressRange(0, 1000);
              const Status s = CsvExporter::writeFile(
                  store, query, options, path, [&promise, &cancel](qint64 done, qint64 total) {
                      promise.setProgressValue(total > 0 ? int(done * 1000 / total) : 1000);
                      return !cancel->load();
                  });
              promise.addResult(s);
          });
    QProgressDialog *progress
        = makeProgressDialog(m_window, u"exportProgress"_s, tr("Exporting…"), tr("Export CSV"), 1000);
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
