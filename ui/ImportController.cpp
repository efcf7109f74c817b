// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportController.h"

#include "Settings.h"
#include "UiHelpers.h"
#include "UrlDialog.h"
#include "io/ArticleImporter.h"
#include "library/ArticleEditing.h"
#include "library/LibraryImport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Lede {

ImportSummaryDialog::ImportSummaryDialog(const QString &summary, const QStringList &failures, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"importSummary"_s);
    setWindowTitle(tr("Import Summary"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(summary, this));
    auto *list = new QPlainTextEdit(failures.join(u'\n'), this);
    list->setObjectName(u"importFailures"_s);
    list->setAccessibleName(tr("Files that could not be imported, and warnings"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 320);
}

ImportSummaryDialog::~ImportSummaryDialog() = default;

ImportController::ImportController(ArticleStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
{
}

ImportController::~ImportController() = default;

void ImportController::importFilesDialog()
{
    QSettings settings;
    QStringList patterns;
    for (const QString &suffix : ArticleImporter::supportedSuffixes())
        patterns << u"*."_s + suffix;
    const QStringList files = QFileDialog::getOpenFileNames(
        m_window, tr("Import Articles"), Settings::LastImportDir.read(settings),
        tr("Articles (%1);;All files (*)").arg(patterns.join(u' ')));
    if (files.isEmpty())
        return;
    Settings::LastImportDir.write(settings, QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void ImportController::importFolderDialog()
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Import a Folder of Articles"),
                                                          Settings::LastImportDir.read(settings));
    if (dir.isEmpty())
        return;
    Settings::LastImportDir.write(settings, dir);
    importPaths({ dir });
}

void ImportController::importUrlDialog()
{
    const QString url = UrlDialog::ask(
        m_window, tr("Import from URL"),
        tr("The &web address of an article, a PDF or an RSS/Atom feed (each item of a feed becomes an "
           "article):"));
    if (!url.isEmpty())
        importPaths({ url });
}

void ImportController::importPaths(const QStringList &paths)
{
    if (!m_store->isOpen() || paths.isEmpty() || m_running)
        return;
    m_running = true;
    // The worker opens its own connection: a Qt SQL connection belongs to the thread that made it.
    const QString dbPath = m_store->path();
    // Cancel goes through a flag, not QFuture::cancel(): a cancelled future drops the results the
    // worker still reports, and the articles of the batch in flight are stored all the same.
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<ImportOutcome> future
        = QtConcurrent::run([dbPath, paths, cancel](QPromise<ImportOutcome> &promise) {
              ArticleStore store;
              if (const Status s = store.open(dbPath); !s) {
                  ImportOutcome failed;
                  failed.path = dbPath;
                  failed.message = s.errorString();
                  promise.addResult(failed);
                  return;
              }
              QList<ImportOutcome> errors;
              const QStringList files = collectImportFiles(paths, &errors);
              for (const ImportOutcome &e : std::as_const(errors))
                  promise.addResult(e);
              promise.setProgressRange(0, int(files.size()));
              int done = 0;
              QString lastFile;
              // In bulk: a batch of articles per SQLite transaction, each article atomic on its own;
              // what finished before a Cancel stays in the library. The Cancel also reaches into a
              // file: it aborts a fetch (a web address, a feed's linked pages) and drops what was
              // not read whole. Progress counts files: the stories of an export arrive together, as
              // one file.
              const Status bulk = importFiles(
                  store, files,
                  [&promise, &done, &lastFile, &cancel](const ImportOutcome &outcome) {
                      promise.addResult(outcome);
                      if (outcome.file != lastFile || outcome.file.isEmpty()) {
                          lastFile = outcome.file;
                          promise.setProgressValue(++done);
                      }
                      return !cancel->load();
                  },
                  [cancel] { return cancel->load(); });
              if (!bulk) {
                  ImportOutcome failed;
                  failed.path = dbPath;
                  failed.message = bulk.errorString();
                  promise.addResult(failed);
              }
          });

    QProgressDialog *progress
        = makeProgressDialog(m_window, u"importProgress"_s, tr("Importing articles…"), tr("Import"), 0);
    auto *watcher = new QFutureWatcher<ImportOutcome>(this);
    auto outcomes = std::make_shared<QList<ImportOutcome>>();
    connect(watcher, &QFutureWatcher<ImportOutcome>::progressRangeChanged, progress,
            &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcher<ImportOutcome>::progressValueChanged, progress, [progress](int v) {
        progress->setValue(v);
        // Until the files are counted there is no total: no "0 of 0".
        if (progress->maximum() > 0)
            progress->setLabelText(tr("Importing articles… %1 of %2").arg(v).arg(progress->maximum()));
    });
    connect(watcher, &QFutureWatcher<ImportOutcome>::resultsReadyAt, this,
            [watcher, outcomes](int from, int to) {
                for (int i = from; i < to; ++i)
                    outcomes->append(watcher->resultAt(i));
            });
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(
        watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this, watcher, progress, outcomes, cancel] {
            ImportSummary summary;
            summary.cancelled = cancel->load();
            // Gone before the summary: deleteLater() alone would wait for the summary's own event
            // loop to end, and the window-modal progress would keep the summary from taking clicks.
            progress->reset(); // stops its show timer, which would bring it back over the summary
            progress->hide();
            progress->deleteLater();
            watcher->deleteLater();
            m_running = false;
            QList<qint64> importedIds;
            for (const ImportOutcome &o : std::as_const(*outcomes)) {
                if (o.status != ImportOutcome::Status::Failed) {
                    for (const QString &w : o.warnings)
                        summary.warnings << tr("%1: warning: %2").arg(QDir::toNativeSeparators(o.path), w);
                }
                switch (o.status) {
                case ImportOutcome::Status::Imported:
                    ++summary.imported;
                    summary.lastArticleId = o.articleId;
                    importedIds << o.articleId;
                    break;
                case ImportOutcome::Status::AlreadyPresent:
                    ++summary.alreadyPresent;
                    summary.lastArticleId = o.articleId;
                    break;
                case ImportOutcome::Status::Failed:
                    summary.failures << tr("%1: %2").arg(QDir::toNativeSeparators(o.path), o.message);
                    break;
                }
            }
            emit libraryChanged();
            showSummary(summary);
            const QHash<qint64, qint64> replaced = offerReplacements(importedIds);
            summary.lastArticleId = replaced.value(summary.lastArticleId, summary.lastArticleId);
            emit finished(summary);
        });
    watcher->setFuture(future);
}

void ImportController::showSummary(const ImportSummary &summary)
{
    QString text = tr("Imported %n article(s).", nullptr, summary.imported);
    if (summary.alreadyPresent)
        text += u' ' + tr("%n already in the library.", nullptr, summary.alreadyPresent);
    if (summary.cancelled)
        text += u' ' + tr("Import cancelled.");
    if (summary.failures.isEmpty() && summary.warnings.isEmpty()) {
        emit message(text, MessageBar::Kind::Information);
        return;
    }
    if (!summary.failures.isEmpty())
        text += u' ' + tr("%n file(s) could not be imported.", nullptr, int(summary.failures.size()));
    if (!summary.warnings.isEmpty())
        text += u' ' + tr("%n warning(s).", nullptr, int(summary.warnings.size()));
    emit message(text, MessageBar::Kind::Warning);
    ImportSummaryDialog dialog(text, summary.failures + summary.warnings, m_window);
    dialog.exec();
}

qint64 ImportController::importNow(const QStringList &paths)
{
    if (!m_store->isOpen())
        return 0;
    qint64 last = 0;
    QStringList failures;
    QList<ImportOutcome> errors;
    const QStringList files = collectImportFiles(paths, &errors);
    for (const ImportOutcome &e : std::as_const(errors))
        failures << tr("%1: %2").arg(QDir::toNativeSeparators(e.path), e.message);
    QList<qint64> importedIds;
    for (const QString &file : files) {
        const ImportOutcome o = importIntoLibrary(*m_store, file);
        if (o.status == ImportOutcome::Status::Failed)
            failures << tr("%1: %2").arg(QDir::toNativeSeparators(o.path), o.message);
        else
            last = o.articleId;
        if (o.status == ImportOutcome::Status::Imported)
            importedIds << o.articleId;
    }
    emit libraryChanged();
    if (!failures.isEmpty())
        emit message(tr("Could not open: %1").arg(failures.join(u"; "_s)), MessageBar::Kind::Error);
    const QHash<qint64, qint64> replaced = offerReplacements(importedIds);
    return replaced.value(last, last);
}

qint64 ImportController::importSample()
{
    // The sample ships as a resource; the importer reads files, so it goes through a temporary copy.
    QTemporaryDir dir;
    QFile resource(u":/lede/sample/sample-article.txt"_s);
    const QString path = dir.filePath(u"sample-article.txt"_s);
    QFile copy(path);
    if (!dir.isValid() || !resource.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)
        || copy.write(resource.readAll()) < 0 || !copy.flush()) {
        emit message(tr("Cannot prepare the sample article: %1").arg(copy.errorString()),
                     MessageBar::Kind::Error);
        return 0;
    }
    copy.close();
    const ImportOutcome o = importIntoLibrary(*m_store, path);
    if (o.status == ImportOutcome::Status::Failed) {
        emit message(tr("Cannot import the sample article: %1").arg(o.message), MessageBar::Kind::Error);
        return 0;
    }
    emit libraryChanged();
    return o.articleId;
}

QHash<qint64, qint64> ImportController::offerReplacements(const QList<qint64> &importedIds)
{
    QHash<qint64, qint64> replaced;
    QList<QPair<qint64, qint64>> pairs; // (new, old)
    QStringList titles;
    auto earlier = findEarlierVersions(*m_store, importedIds);
    if (!earlier) {
        emit message(tr("Cannot look for earlier versions: %1").arg(earlier.errorString()),
                     MessageBar::Kind::Error);
        return replaced;
    }
    for (qint64 id : importedIds) {
        if (!earlier->contains(id))
            continue;
        const qint64 oldId = earlier->value(id);
        // Two new versions of one story in one import: the first one found replaces it.
        if (std::any_of(pairs.begin(), pairs.end(), [&](const auto &p) { return p.second == oldId; }))
            continue;
        pairs.append({ id, oldId });
        if (auto old = ArticleRepository(*m_store).article(oldId))
            titles << tr("“%1” (article %2)").arg(old->title).arg(old->id);
    }
    if (pairs.isEmpty())
        return replaced;
    QMessageBox box(
        QMessageBox::Question, tr("New Versions"),
        tr("%n imported article(s) look like a new version of an article in the library "
           "(the same web address, or the same title and source with nearly the same text):",
           nullptr, int(pairs.size()))
            + u"\n\n"_s + titles.join(u"\n"_s) + u"\n\n"_s
            + tr("Replace the old text with the new one? Highlights and notes are re-attached to the "
                 "new text; those whose passage is gone are kept as orphans in the Notes tab."),
        QMessageBox::NoButton, m_window);
    box.setObjectName(u"replaceVersionsBox"_s);
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::AcceptRole);
    replace->setObjectName(u"replaceButton"_s);
    QPushButton *keep = box.addButton(tr("&Keep Both"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepBothButton"_s);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != replace)
        return replaced;
    ReanchorReport total;
    QStringList failures;
    for (const auto &[newId, oldId] : std::as_const(pairs)) {
        auto report = replaceWithVersion(*m_store, oldId, newId);
        if (!report) {
            failures << report.errorString();
            continue;
        }
        total.exact += report->exact;
        total.fuzzy += report->fuzzy;
        total.orphaned += report->orphaned;
        replaced.insert(newId, oldId);
        emit articleTextReplaced(oldId);
    }
    emit libraryChanged();
    if (!failures.isEmpty()) {
        emit message(tr("Cannot replace: %1").arg(failures.join(u"; "_s)), MessageBar::Kind::Error);
        return replaced;
    }
    emit message(tr("Replaced %n article(s): %1 highlights kept exactly, %2 moved, %3 orphaned.", nullptr,
                    int(replaced.size()))
                     .arg(total.exact)
                     .arg(total.fuzzy)
                     .arg(total.orphaned),
                 total.orphaned > 0 ? MessageBar::Kind::Warning : MessageBar::Kind::Information);
    return replaced;
}

} // namespace Lede
