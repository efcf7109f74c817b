// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Layers.h"
#include "io/CsvExporter.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QLabel;

class QProgressDialog;

namespace Lede {

class ArticleSession;
class ArticleStore;
class DocumentView;
class LibraryModel;
class MessageBar;
class SidePanel;

// The reader window: library list (search, tag filter), document view with highlight layers, side
// panel (notes, quotes, entities, tags). Opens its own ArticleStore on libraryPath (the default
// library when empty); a failure to open is shown in the message bar, never as a crash. All edits go
// through the ArticleSession and its undo stack; long work (bulk import, export) runs on a worker
// thread with its own store connection.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &libraryPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Imports the files (if not yet in the library) and opens the last one; false when none could be
    // opened (the reasons are in the message bar).
    bool openArticleFiles(const QStringList &paths);
    bool openArticle(qint64 articleId);
    // Imports files and folders on a worker thread with a progress dialog; the summary follows.
    void importPaths(const QStringList &paths);
    bool openSampleArticle();
    // Writes the CSV on a worker thread with a progress dialog; exportFinished() follows.
    void runExport(const ExportQuery &query, const CsvOptions &options, const QString &path);

    ArticleStore *store() const { return m_store.get(); }
    ArticleSession *session() const { return m_session; }
    DocumentView *documentView() const { return m_view; }
    SidePanel *sidePanel() const { return m_side; }
    LibraryModel *libraryModel() const { return m_library; }
    MessageBar *messageBar() const { return m_messages; }
    QAction *action(const QString &objectName) const;

signals:
    void importFinished();
    void exportFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings();
    void updateActions();
    void refreshTags();
    void showError(const QString &message);
    void showInfo(const QString &message);

    qint64 highlightAt(const Span &span) const;
    QProgressDialog *makeProgressDialog(const QString &objectName, const QString &label, const QString &title, int maximum);
    void highlightSelection(const QString &color = {});
    void tagSelectionOrHighlight();
    void noteOnSelectionOrHighlight();
    void colorCurrent(const QString &color);
    void setRangeOfCurrent();
    void deleteCurrent();
    void renameCurrentTag();
    void recolorCurrentTag();
    void moveCurrentTag();
    void deleteCurrentTag();
    void exportCsv();
    void importFilesDialog();
    void importFolderDialog();
    void findInArticle(bool backwards);
    void setLayerVisible(Layer layer, bool on);
    void showWelcomeOrDocument();

    std::unique_ptr<ArticleStore> m_store;
    ArticleSession *m_session = nullptr;
    LibraryModel *m_library = nullptr;
    QTableView *m_list = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_documentStack = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_welcomeText = nullptr;
    DocumentView *m_view = nullptr;
    SidePanel *m_side = nullptr;
    MessageBar *m_messages = nullptr;
    QHash<QString, QAction *> m_actions;
    QHash<Layer, QAction *> m_layerActions;
    QList<Tag> m_tagsCache;
    bool m_importRunning = false;
};

} // namespace Lede
