// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "ExportDialog.h"
#include "Layers.h"
#include "MessageBar.h"
#include "io/CsvExporter.h"

#include <QHash>
#include <QMainWindow>
#include <memory>

class QAction;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace Lede {

class AnnotationActions;
class LayerCorrectionActions;
class ReviewBar;
class ArticleSession;
class ArticleStore;
class DocumentView;
class InsightsView;
class LibraryWatcher;
class ExportController;
class FeedController;
class FeedsPanel;
class FindBar;
class ImportController;
class LayerLegend;
class LibraryActions;
class LibraryModel;
class LibraryPane;
class SidePanel;
class TagActions;
class WelcomePage;

// The reader window. It puts the parts together and owns the window-wide actions:
// - LibraryPane (search, tag filter, article list) on the left;
// - the document area: WelcomePage, or FindBar + LayerLegend + DocumentView;
// - SidePanel (notes, quotes, entities, tags) on the right;
// - AnnotationActions and TagActions (the Annotate and Tags menus);
// - ImportController and ExportController (dialogs, worker threads, progress, summary).
// Opens its own ArticleStore on libraryPath (the default library when empty); a failure to open is
// shown in the message bar, never as a crash. All edits go through the ArticleSession and its undo
// stacks.
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
    // File → New Article from Clipboard: the clipboard's HTML (else its text) becomes an article,
    // which opens. Returns false, saying why, when the clipboard holds no usable text.
    bool newArticleFromClipboard();
    // Writes the export on a worker thread with a progress dialog; exportFinished() follows.
    void runExport(const ExportQuery &query, const CsvOptions &options, const QString &path,
                   ExportFormat format = ExportFormat::AnnotationsCsv);

    ArticleStore *store() const { return m_store.get(); }
    ArticleSession *session() const { return m_session; }
    DocumentView *documentView() const { return m_view; }
    SidePanel *sidePanel() const { return m_side; }
    LayerCorrectionActions *layerCorrections() const { return m_layerCorrections; }
    ReviewBar *reviewBar() const { return m_reviewBar; }
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
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings();
    void updateActions();
    void refreshTags();
    void reloadAfterExternalChange();
    // The open article's automatic layers changed (a correction, or its undo): show them again
    // where the reader was.
    void showCorrectedLayers();
    void articlesChanged();
    void showMessage(const QString &text, MessageBar::Kind kind);
    void showFirstSearchHit();
    void showError(const QString &message) { showMessage(message, MessageBar::Kind::Error); }
    void addWindowAction(QAction *action);
    void setLayerVisible(Layer layer, bool on);
    void showWelcomeOrDocument();

    std::unique_ptr<ArticleStore> m_store;
    ArticleSession *m_session = nullptr;
    LibraryModel *m_library = nullptr;
    LibraryPane *m_libraryPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_documentStack = nullptr;
    QTabWidget *m_centerTabs = nullptr; // the article, or Insights across articles
    InsightsView *m_insights = nullptr; // made when its tab is first shown
    LibraryWatcher *m_watcher = nullptr; // notices what other programs change in the library
    WelcomePage *m_welcome = nullptr;
    FindBar *m_findBar = nullptr;
    DocumentView *m_view = nullptr;
    SidePanel *m_side = nullptr;
    MessageBar *m_messages = nullptr;
    ImportController *m_import = nullptr;
    FeedController *m_feeds = nullptr;
    FeedsPanel *m_feedsPanel = nullptr;
    ExportController *m_export = nullptr;
    AnnotationActions *m_annotationActions = nullptr;
    LayerCorrectionActions *m_layerCorrections = nullptr;
    ReviewBar *m_reviewBar = nullptr;
    TagActions *m_tagActions = nullptr;
    LibraryActions *m_libraryActions = nullptr;
    QHash<QString, QAction *> m_actions;
    QHash<Layer, QAction *> m_layerActions;
};

} // namespace Lede
