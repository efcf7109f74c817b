// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MessageBar.h"

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace Lede {

class ArticleStore;

// What a bulk import did, for the summary.
struct ImportSummary
{
    int imported = 0;
    int alreadyPresent = 0;
    bool cancelled = false;
    qint64 lastArticleId = 0; // the last article imported or found, 0 when none
    QStringList failures; // "path: reason", one per file
    // "FILE#N: warning: text" for what was imported with a warning (a stated length far from the text,
    // a feed item's page that could not be fetched), as `lede import` prints them.
    QStringList warnings;
};

// Lists the files an import could not read, and the warnings of what it imported, with the one-line
// summary above them.
class ImportSummaryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportSummaryDialog)

public:
    ImportSummaryDialog(const QString &summary, const QStringList &failures, QWidget *parent = nullptr);
    ~ImportSummaryDialog() override;
};

// Imports into the window's library: file and folder dialogs, a bulk import on a worker thread
// (its own store connection, a progress dialog with Cancel, a summary at the end), and the quick
// synchronous import used to open files given on the command line or the sample article.
// The dialogs are parented to the given window.
class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    ImportController(ArticleStore *store, QWidget *window);
    ~ImportController() override;

    bool isRunning() const { return m_running; }
    void importFilesDialog();
    void importFolderDialog();
    // File → Import from URL…: asks for a web address and imports it like a file (importPaths): the
    // fetch runs on the worker thread, a failure is named in the summary.
    void importUrlDialog();
    // Imports files and folders on a worker thread with a progress dialog; finished() follows.
    void importPaths(const QStringList &paths);
    // Imports at once (each file that is not in the library yet); the last article's id, or 0.
    // The reasons for files that failed are reported through message().
    qint64 importNow(const QStringList &paths);
    // Imports the sample article that ships with Lede; its id, or 0 (with a message).
    qint64 importSample();

signals:
    void message(const QString &text, MessageBar::Kind kind);
    // Articles were added: the list and tag counts need a refresh.
    void libraryChanged();
    // A bulk import ended (the summary has been shown).
    void finished(const ImportSummary &summary);
    // The reader chose to replace an article's text with a new version just imported.
    void articleTextReplaced(qint64 articleId);

private:
    void showSummary(const ImportSummary &summary);
    // Imported articles that are new versions of stored ones (ArticleEditing.h,
    // findEarlierVersion): asks once whether to replace the old ones, and does it. Returns the old id
    // of each new article that replaced one.
    QHash<qint64, qint64> offerReplacements(const QList<qint64> &importedIds);

    ArticleStore *m_store;
    QWidget *m_window;
    bool m_running = false;
};

} // namespace Lede
