// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AnnotationActions.h"
#include "DocumentView.h"
#include "ExportController.h"
#include "FeedController.h"
#include "FeedsPanel.h"
#include "FindBar.h"
#include "ImportController.h"
#include "LayerCorrectionActions.h"
#include "LayerLegend.h"
#include "LibraryActions.h"
#include "LibraryModel.h"
#include "LibraryPane.h"
#include "Logging.h"
#include "ReviewBar.h"
#include "SearchFilters.h"
#include "Settings.h"
#include "SidePanel.h"
#include "TagActions.h"
#include "TagTreeModel.h"
#include "Translations.h"
#include "UiHelpers.h"
#include "WelcomePage.h"
#include "insights/InsightsView.h"
#include "library/LibraryImport.h"
#include "session/ArticleSession.h"
#include "session/LibraryWatcher.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

MainWindow::MainWindow(const QString &libraryPath, QWidget *parent)
    : QMainWindow(parent)
    , m_store(std::make_unique<ArticleStore>())
{
    Settings::applyNames();
    installTranslations(); // once per program; app/main.cpp may have done it already
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Lede"));
    setWindowIcon(ledeIcon(u"lede"_s));
    setAcceptDrops(true);
    m_session = new ArticleSession(m_store.get(), this);
    m_library = new LibraryModel(m_store.get(), this);
    m_import = new ImportController(m_store.get(), this);
    m_feeds = new FeedController(m_store.get(), this);
    m_export = new ExportController(m_store.get(), this);

    createActions();
    createWidgets();
    createMenus();

    const QString path = libraryPath.isEmpty() ? ArticleStore::defaultPath() : libraryPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (const Status s = m_store->open(path); !s) {
        showError(tr("Cannot open the library %1: %2").arg(QDir::toNativeSeparators(path), s.errorString()));
    } else {
        setWindowTitle(tr("%1 — Lede").arg(QFileInfo(path).completeBaseName()));
        // `lede import`, `lede annotate` or a second window may write to the same library: their
        // changes show here within a second, and this window's undo history stays.
        m_watcher = new LibraryWatcher(m_store.get(), this);
        connect(m_watcher, &LibraryWatcher::changedExternally, this, &MainWindow::reloadAfterExternalChange);
    }
    m_library->refresh();
    refreshTags();
    m_feedsPanel->refresh();
    // A library without subscriptions keeps the whole height for its articles; the Feeds header
    // stays, one click away.
    m_libraryPane->setFeedsVisible(m_feedsPanel->feedCount() > 0);

    connect(m_library, &LibraryModel::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &ArticleSession::errorOccurred, this, &MainWindow::showError);
    connect(m_side, &SidePanel::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &ArticleSession::tagsChanged, this, &MainWindow::refreshTags);
    connect(m_session, &ArticleSession::annotationsChanged, this, [this](qint64 articleId) {
        if (const int row = m_library->rowOfArticle(articleId); row >= 0)
            m_library->updateAnnotationCount(row, int(m_session->annotations().size()));
        updateActions();
    });
    connect(m_session, &ArticleSession::undoStateChanged, this, &MainWindow::updateActions);
    connect(m_session, &ArticleSession::articlesChanged, this, &MainWindow::articlesChanged);
    connect(m_libraryActions, &LibraryActions::message, this, &MainWindow::showMessage);
    connect(m_libraryPane, &LibraryPane::selectionChanged, this, &MainWindow::updateActions);
    connect(m_import, &ImportController::message, this, &MainWindow::showMessage);
    connect(m_export, &ExportController::message, this, &MainWindow::showMessage);
    connect(m_annotationActions, &AnnotationActions::message, this, &MainWindow::showMessage);
    connect(m_annotationActions, &AnnotationActions::hintObsolete, this, [this](const QString &hint) {
        if (m_messages->isVisible() && m_messages->text() == hint)
            m_messages->hide();
    });
    connect(m_tagActions, &TagActions::message, this, &MainWindow::showMessage);
    connect(m_import, &ImportController::articleTextReplaced, m_session, &ArticleSession::textReplaced);
    connect(m_feeds, &FeedController::articleTextReplaced, m_session, &ArticleSession::textReplaced);
    connect(m_import, &ImportController::libraryChanged, this, [this] {
        m_library->refresh();
        refreshTags();
    });
    connect(m_feeds, &FeedController::message, this, &MainWindow::showMessage);
    connect(m_feeds, &FeedController::libraryChanged, this, [this] {
        m_library->refresh();
        refreshTags();
        showWelcomeOrDocument();
    });
    connect(m_import, &ImportController::finished, this, [this](const ImportSummary &summary) {
        if (summary.lastArticleId && !m_session->isOpen())
            openArticle(summary.lastArticleId);
        showWelcomeOrDocument();
        emit importFinished();
    });
    connect(m_export, &ExportController::finished, this, &MainWindow::exportFinished);

    restoreSettings();
    showWelcomeOrDocument();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The session and the views refer to the store; take them down before it, without signals.
    m_session->disconnect(this);
    delete m_session;
    m_session = nullptr;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

void MainWindow::addWindowAction(QAction *a)
{
    m_actions.insert(a->objectName(), a);
    addAction(a); // shortcuts work even when the menu bar is hidden
}

void MainWindow::createActions()
{
    auto add = [this](QAction *a) {
        addWindowAction(a);
        return a;
    };
    QAction *a = add(makeAction(this, u"importAction"_s, tr("&Import Files…"), u"import"_s));
    a->setShortcut(QKeySequence::Open);
    a->setToolTip(tr("Import article files into the library (Ctrl+O)"));
    connect(a, &QAction::triggered, m_import, &ImportController::importFilesDialog);
    a = add(makeAction(this, u"importFolderAction"_s, tr("Import &Folder…")));
    connect(a, &QAction::triggered, m_import, &ImportController::importFolderDialog);
    a = add(makeAction(this, u"importUrlAction"_s, tr("Import from &URL…")));
    a->setStatusTip(tr("Fetch a web page, PDF or feed and import it"));
    connect(a, &QAction::triggered, m_import, &ImportController::importUrlDialog);
    a = add(makeAction(this, u"clipboardArticleAction"_s, tr("New Article from &Clipboard")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    a->setStatusTip(tr("Make an article of the text or web page you copied"));
    connect(a, &QAction::triggered, this, &MainWindow::newArticleFromClipboard);
    a = add(makeAction(this, u"sampleAction"_s, tr("Open the &Sample Article")));
    connect(a, &QAction::triggered, this, &MainWindow::openSampleArticle);
    a = add(makeAction(this, u"exportAction"_s, tr("&Export…"), u"export"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(a, &QAction::triggered, this, [this] {
        m_export->exportCsv(m_session->articleId(), m_libraryPane->selectedArticleIds(),
                            m_side->tagModel()->tags());
    });
    a = add(makeAction(this, u"exportReportAction"_s, tr("Export &Report…")));
    a->setStatusTip(tr("Write this article with its highlights, notes, quotes and figures as HTML or PDF"));
    connect(a, &QAction::triggered, this, [this] { m_export->exportReport(m_session->articleId()); });
    a = add(makeAction(this, u"quitAction"_s, tr("&Quit")));
    a->setShortcut(QKeySequence::Quit);
    a->setMenuRole(QAction::QuitRole);
    connect(a, &QAction::triggered, this, &QWidget::close);

    // Undo and redo act on the open article's history or the codebook's, whichever changed last
    // (the session decides; see ArticleSession::undoTarget()).
    a = add(makeAction(this, u"undoAction"_s, tr("&Undo"), u"undo"_s));
    a->setShortcut(QKeySequence::Undo);
    connect(a, &QAction::triggered, m_session, &ArticleSession::undo);
    a = add(makeAction(this, u"redoAction"_s, tr("&Redo"), u"redo"_s));
    a->setShortcut(QKeySequence::Redo);
    connect(a, &QAction::triggered, m_session, &ArticleSession::redo);

    a = add(makeAction(this, u"findAction"_s, tr("&Find in Article…"), u"find"_s));
    a->setShortcut(QKeySequence::Find);
    connect(a, &QAction::triggered, this, [this] { m_findBar->activate(); });
    a = add(makeAction(this, u"findNextAction"_s, tr("Find &Next")));
    a->setShortcut(QKeySequence::FindNext);
    connect(a, &QAction::triggered, this, [this] {
        if (m_session->isOpen())
            m_findBar->find(false);
    });
    a = add(makeAction(this, u"findPreviousAction"_s, tr("Find Pre&vious")));
    a->setShortcut(QKeySequence::FindPrevious);
    connect(a, &QAction::triggered, this, [this] {
        if (m_session->isOpen())
            m_findBar->find(true);
    });
    a = add(makeAction(this, u"reviewAction"_s, tr("&Review Layers")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    a->setStatusTip(tr("Step through the article's quotes and entities: accept, change or reject each"));
    connect(a, &QAction::triggered, this, [this] {
        if (m_session->isOpen())
            m_reviewBar->start();
        else
            showMessage(tr("Open an article to review its quotes and entities."),
                        MessageBar::Kind::Information);
    });
    a = add(makeAction(this, u"searchLibraryAction"_s, tr("&Search Library")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(a, &QAction::triggered, this, [this] { m_libraryPane->focusSearch(); });

    for (Layer layer : AllLayers) {
        a = add(makeAction(this, u"layer_"_s + layerKey(layer), layerName(layer)));
        a->setCheckable(true);
        a->setChecked(true);
        a->setIcon(layerIcon(layer, palette()));
        a->setToolTip(tr("Show or hide %1 in the text").arg(layerName(layer)));
        connect(a, &QAction::toggled, this, [this, layer](bool on) { setLayerVisible(layer, on); });
        m_layerActions.insert(layer, a);
    }
    for (int i = 0; i < int(std::size(AllLayers)); ++i)
        m_layerActions.value(AllLayers[i])->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));

    a = add(makeAction(this, u"zoomInAction"_s, tr("Zoom &In")));
    a->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal) });
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(m_view->zoomSteps() + 1); });
    a = add(makeAction(this, u"zoomOutAction"_s, tr("Zoom &Out")));
    a->setShortcut(QKeySequence::ZoomOut);
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(m_view->zoomSteps() - 1); });
    a = add(makeAction(this, u"zoomResetAction"_s, tr("&Reset Zoom")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(0); });
}

void MainWindow::createWidgets()
{
    m_libraryPane = new LibraryPane(m_library, this);
    m_feedsPanel = new FeedsPanel(m_store.get(), m_feeds, m_libraryPane);
    m_libraryPane->setFeedsPanel(m_feedsPanel);
    connect(m_libraryPane, &LibraryPane::articleChosen, this, [this](qint64 id) {
        if (id != m_session->articleId() && openArticle(id))
            showFirstSearchHit();
    });

    // Document area: the welcome page, or the article with its find bar and layer legend.
    m_documentStack = new QStackedWidget(this);
    m_documentStack->setObjectName(u"documentStack"_s);
    m_welcome = new WelcomePage(m_documentStack);
    connect(m_welcome, &WelcomePage::importRequested, m_import, &ImportController::importFilesDialog);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSampleArticle);
    m_documentStack->addWidget(m_welcome);

    auto *documentPage = new QWidget(m_documentStack);
    auto *documentLayout = new QVBoxLayout(documentPage);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    m_view = new DocumentView(documentPage);
    m_view->setSession(m_session);
    m_findBar
        = new FindBar(m_view, action(u"findPreviousAction"_s), action(u"findNextAction"_s), documentPage);
    connect(m_findBar, &FindBar::notFound, this, [this](const QString &text) {
        m_messages->showMessage(tr("“%1” is not in this article.").arg(text), MessageBar::Kind::Warning);
    });
    documentLayout->addWidget(m_findBar);
    m_layerCorrections = new LayerCorrectionActions(m_session, this);
    m_reviewBar = new ReviewBar(m_session, m_view, m_layerCorrections, documentPage);
    connect(m_reviewBar, &ReviewBar::finished, m_view, [this] { m_view->setFocus(); });
    documentLayout->addWidget(m_reviewBar);
    documentLayout->addWidget(new LayerLegend(m_layerActions, documentPage));
    documentLayout->addWidget(m_view, 1);
    m_documentStack->addWidget(documentPage);

    m_side = new SidePanel(this);
    m_side->setSession(m_session);

    const auto tags = [this] { return m_side->tagModel()->tags(); };
    m_annotationActions = new AnnotationActions(m_session, m_view, m_side, tags, this);
    for (QAction *a : m_annotationActions->actions())
        addWindowAction(a);
    m_tagActions = new TagActions(m_session, m_side, tags, this);
    for (QAction *a : m_tagActions->actions())
        addWindowAction(a);
    m_libraryActions = new LibraryActions(m_session, m_libraryPane, this);
    for (QAction *a : m_libraryActions->actions())
        addWindowAction(a);
    connect(m_tagActions, &TagActions::showArticlesWithTag, m_libraryPane, &LibraryPane::showArticlesWithTag);
    connect(m_tagActions, &TagActions::articlesChanged, m_library, &LibraryModel::refresh);

    m_view->setSelectionActions(
        { action(u"highlightAction"_s), action(u"tagAction"_s), action(u"noteAction"_s) });
    m_view->setAnnotationActions({ action(u"tagAction"_s), action(u"noteAction"_s), action(u"colorAction"_s),
                                   action(u"setRangeAction"_s), action(u"deleteHighlightAction"_s) });
    m_side->setAnnotationActions(
        { action(u"tagAction"_s), action(u"colorAction"_s), action(u"deleteHighlightAction"_s) });
    m_side->setTagActions({ action(u"filterByTagAction"_s), action(u"renameTagAction"_s),
                            action(u"recolorTagAction"_s), action(u"moveTagAction"_s),
                            action(u"deleteTagAction"_s) });

    connect(m_layerCorrections, &LayerCorrectionActions::message, this, &MainWindow::showMessage);
    connect(m_view, &DocumentView::layerMenuRequested, this,
            [this](QMenu *menu, qsizetype pos, Span selection) {
                if (!selection.isEmpty())
                    m_layerCorrections->addSelectionActions(menu, selection);
                else
                    m_layerCorrections->addActionsAt(menu, pos);
            });
    connect(m_side, &SidePanel::quoteMenuRequested, m_layerCorrections,
            &LayerCorrectionActions::addQuoteActions);
    connect(m_side, &SidePanel::entityMenuRequested, m_layerCorrections,
            &LayerCorrectionActions::addEntityActions);
    connect(m_session, &ArticleSession::analysisChanged, this, &MainWindow::showCorrectedLayers);

    connect(m_view, &DocumentView::annotationActivated, this,
            [this](qint64 id) { m_side->selectAnnotation(id); });
    connect(m_view, &DocumentView::quoteActivated, m_side, &SidePanel::selectQuote);
    connect(m_view, &DocumentView::entityActivated, m_side, &SidePanel::selectEntity);
    connect(m_view, &DocumentView::selectionSpanChanged, this, &MainWindow::updateActions);
    connect(m_side, &SidePanel::spanRequested, this, [this](Span s) { m_view->scrollToSpan(s, true); });
    connect(m_side, &SidePanel::currentAnnotationChanged, this, &MainWindow::updateActions);
    connect(m_side, &SidePanel::currentTagChanged, this, &MainWindow::updateActions);
    connect(m_side, &SidePanel::deleteAnnotationRequested, m_annotationActions,
            &AnnotationActions::deleteCurrent);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_libraryPane);
    // The article, or Insights across the library (made when first shown: it opens its own
    // connections to the library file).
    m_centerTabs = new QTabWidget(this);
    m_centerTabs->setObjectName(u"centerTabs"_s);
    m_centerTabs->setDocumentMode(true);
    m_centerTabs->addTab(m_documentStack, tr("Article"));
    m_centerTabs->addTab(new QWidget(m_centerTabs), tr("Insights"));
    m_centerTabs->setTabToolTip(
        1, tr("Who is quoted, who is named and which figures disagree, across the library"));
    // Messages float over the top of the article's text (below the find bar and the layer legend),
    // or of the welcome page or Insights, and never push the text down.
    m_messages = new MessageBar(m_centerTabs);
    m_messages->setAreas({ m_view, m_documentStack });
    connect(m_centerTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index != 1 || m_insights || !m_store->isOpen())
            return;
        m_insights = new InsightsView(m_store->path(), m_centerTabs);
        m_insights->setObjectName(u"insightsView"_s);
        connect(m_insights, &InsightsView::openArticleRequested, this, [this](qint64 id, qint64 at) {
            m_centerTabs->setCurrentIndex(0);
            if (openArticle(id) && at >= 0)
                m_view->scrollToSpan(Span { at, at + 1 }, true);
        });
        QWidget *placeholder = m_centerTabs->widget(1);
        m_centerTabs->blockSignals(true);
        m_centerTabs->removeTab(1);
        m_centerTabs->insertTab(1, m_insights, tr("Insights"));
        m_centerTabs->setCurrentIndex(1);
        m_centerTabs->blockSignals(false);
        placeholder->deleteLater();
    });
    m_splitter->addWidget(m_centerTabs);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({ 300, 760, 340 });
    m_splitter->setChildrenCollapsible(false);

    setCentralWidget(m_splitter);
}

void MainWindow::createMenus()
{
    auto addAll = [this](QMenu *menu, std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (*name)
                menu->addAction(action(QLatin1StringView(name)));
            else
                menu->addSeparator();
        }
    };
    addAll(menuBar()->addMenu(tr("&File")),
           { "importAction", "importFolderAction", "importUrlAction", "clipboardArticleAction",
             "sampleAction", "", "exportAction", "exportReportAction", "", "quitAction" });
    addAll(menuBar()->addMenu(tr("&Edit")),
           { "undoAction", "redoAction", "", "findAction", "findNextAction", "findPreviousAction",
             "searchLibraryAction", "", "editDetailsAction", "mergeArticlesAction", "deleteArticlesAction" });
    addAll(menuBar()->addMenu(tr("&Annotate")),
           { "highlightAction", "tagAction", "noteAction", "colorAction", "", "setRangeAction",
             "deleteHighlightAction", "", "reviewAction" });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *layers = view->addMenu(tr("&Layers"));
    layers->setObjectName(u"layersMenu"_s);
    for (Layer layer : AllLayers)
        layers->addAction(m_layerActions.value(layer));
    view->addSeparator();
    addAll(view, { "zoomInAction", "zoomOutAction", "zoomResetAction" });
    addAll(menuBar()->addMenu(tr("&Tags")),
           { "filterByTagAction", "", "renameTagAction", "recolorTagAction", "moveTagAction",
             "deleteTagAction" });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    for (const char *name : { "importAction", "exportAction", "", "undoAction", "redoAction", "",
                              "highlightAction", "tagAction", "noteAction", "" }) {
        if (*name)
            bar->addAction(action(QLatin1StringView(name)));
        else
            bar->addSeparator();
    }
    auto *layersButton = new QToolButton(bar);
    layersButton->setObjectName(u"layersButton"_s);
    layersButton->setText(tr("Layers"));
    layersButton->setIcon(ledeIcon(u"layers"_s));
    layersButton->setAccessibleName(tr("Layers"));
    layersButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layersButton->setMenu(layers);
    layersButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(layersButton);
    bar->addAction(action(u"findAction"_s));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (settings.allKeys().isEmpty()) {
        const QSettings legacy(QLatin1StringView(Settings::LegacyOrganizationName),
                               QCoreApplication::applicationName());
        Settings::adoptLegacy(settings, legacy);
    }
    Settings::migrate(settings);
    if (!restoreGeometry(Settings::WindowGeometry.read(settings))) {
        // First start: a reading-sized window (never larger than the screen), with the library
        // and side panel wide enough to read and the article taking the rest.
        QSize size(1360, 860);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.92);
        resize(size);
        int side = std::max(300, size.width() / 4);
        int library = std::max(340, size.width() / 4);
        // The article keeps room for the layer legend on one row when the screen allows (it wraps
        // on a narrow one): the two panes give up the difference equally, down to a usable width.
        const int document = std::max(400, m_documentStack->sizeHint().width());
        const int handles = 2 * m_splitter->handleWidth();
        if (const int deficit = document + side + library + handles - size.width(); deficit > 0) {
            library = std::max(240, library - deficit / 2);
            side = std::max(260, side - (deficit - deficit / 2));
        }
        m_splitter->setSizes({ library, std::max(400, size.width() - side - library), side });
    }
    restoreState(Settings::WindowState.read(settings));
    const QByteArray splitter = Settings::SplitterState.read(settings);
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_view->setZoomSteps(Settings::ZoomSteps.read(settings));
    const QStringList hidden = Settings::HiddenLayers.read(settings);
    for (Layer layer : AllLayers)
        m_layerActions.value(layer)->setChecked(!hidden.contains(layerKey(layer)));
    qint64 last = Settings::LastArticle.read(settings);
    if (m_store->isOpen()) {
        // The list's sort and the last article belong to the library (two libraries, two places).
        settings.beginGroup(Settings::libraryGroup(m_store->path()));
        if (settings.contains(QLatin1StringView(Settings::LibraryLastArticle.name)))
            last = Settings::LibraryLastArticle.read(settings);
        m_libraryPane->setSort(Settings::LibrarySortColumn.read(settings),
                               Settings::LibrarySortOrder.read(settings) == Qt::DescendingOrder
                                   ? Qt::DescendingOrder
                                   : Qt::AscendingOrder);
        settings.endGroup();
    }
    if (last > 0 && m_store->isOpen()) {
        if (ArticleRepository(*m_store).article(last))
            openArticle(last);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_import->isRunning() || m_feeds->isRunning()) {
        showError(tr("An import is still running; cancel it before closing."));
        event->ignore();
        return;
    }
    QSettings settings;
    Settings::WindowGeometry.write(settings, saveGeometry());
    Settings::WindowState.write(settings, saveState());
    Settings::SplitterState.write(settings, m_splitter->saveState());
    Settings::ZoomSteps.write(settings, m_view->zoomSteps());
    QStringList hidden;
    for (Layer layer : AllLayers) {
        if (!m_layerActions.value(layer)->isChecked())
            hidden << layerKey(layer);
    }
    Settings::HiddenLayers.write(settings, hidden);
    Settings::LastArticle.write(settings, m_session->articleId());
    if (m_store->isOpen()) {
        settings.beginGroup(Settings::libraryGroup(m_store->path()));
        Settings::LibraryLastArticle.write(settings, m_session->articleId());
        Settings::LibrarySortColumn.write(settings, m_libraryPane->sortColumn());
        Settings::LibrarySortOrder.write(settings, int(m_libraryPane->sortOrder()));
        settings.endGroup();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showFirstSearchHit()
{
    // Opened from a search: show where the first search word occurs, selected, centred and flashed.
    const Span hit = SearchFilters::parse(m_library->search()).firstHit(m_session->article().body);
    if (hit.isEmpty())
        return;
    m_view->selectSpan(hit);
    m_view->scrollToSpan(hit, true);
}

void MainWindow::showMessage(const QString &text, MessageBar::Kind kind)
{
    if (kind == MessageBar::Kind::Error)
        qCWarning(lcStore).noquote() << "ui:" << text;
    m_messages->showMessage(text, kind);
}

void MainWindow::showWelcomeOrDocument()
{
    if (m_session->isOpen()) {
        m_documentStack->setCurrentIndex(1);
        return;
    }
    m_welcome->setLibraryEmpty(m_library->loadedCount() == 0 && m_library->search().isEmpty()
                               && m_library->tagFilter() == 0);
    m_documentStack->setCurrentIndex(0);
}

void MainWindow::reloadAfterExternalChange()
{
    m_library->refresh();
    refreshTags();
    m_feedsPanel->refresh();
    if (m_insights)
        m_insights->refresh();
    if (!m_session->isOpen())
        return;
    if (const Status s = m_session->reloadFromLibrary(); !s) {
        // The open article was deleted by another program.
        showMessage(tr("This article was removed from the library by another program."),
                    MessageBar::Kind::Warning);
        showWelcomeOrDocument();
    }
}

void MainWindow::showCorrectedLayers()
{
    if (!m_session->isOpen())
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    const int position = bar->value();
    m_view->showArticle();
    m_side->refreshArticle();
    // The document is laid out lazily: scroll back once it has a height again.
    QTimer::singleShot(0, m_view, [bar, position] { bar->setValue(position); });
}

void MainWindow::articlesChanged()
{
    // Articles were deleted, put back or edited in this window: the list, the open article (closed
    // when it was deleted, opened again when its deletion was undone) and its title.
    m_library->refresh();
    m_view->showArticle();
    m_side->refreshArticle();
    showWelcomeOrDocument();
    if (m_session->isOpen())
        m_libraryPane->selectArticle(m_session->articleId());
    refreshTags();
    updateActions();
}

bool MainWindow::openArticle(qint64 articleId)
{
    if (const Status s = m_session->open(articleId); !s) {
        showError(tr("Cannot open the article: %1").arg(s.errorString()));
        return false;
    }
    m_view->showArticle();
    m_side->refreshArticle();
    showWelcomeOrDocument();
    m_libraryPane->selectArticle(articleId);
    updateActions();
    return true;
}

void MainWindow::refreshTags()
{
    if (!m_store->isOpen())
        return;
    auto tags = TagRepository(*m_store).tags();
    if (!tags) {
        showError(tags.errorString());
        return;
    }
    QHash<QString, QColor> colors;
    for (const Tag &t : tags.value()) {
        if (!t.color.isEmpty())
            colors.insert(t.path, QColor::fromString(t.color));
    }
    m_view->setTagColors(colors);
    m_side->setTags(tags.value());
    m_libraryPane->setTags(tags.value());
    updateActions();
}

void MainWindow::updateActions()
{
    m_annotationActions->updateActions();
    m_tagActions->updateActions();
    m_libraryActions->updateActions();
    action(u"findAction"_s)->setEnabled(m_session->isOpen());
    // As QUndoStack::createUndoAction() labels them: "Undo Delete highlight".
    QAction *undo = action(u"undoAction"_s);
    undo->setEnabled(m_session->canUndo());
    undo->setText(m_session->canUndo() ? tr("&Undo") + u' ' + m_session->undoText() : tr("&Undo"));
    QAction *redo = action(u"redoAction"_s);
    redo->setEnabled(m_session->canRedo());
    redo->setText(m_session->canRedo() ? tr("&Redo") + u' ' + m_session->redoText() : tr("&Redo"));
    action(u"exportAction"_s)->setEnabled(m_store->isOpen());
    action(u"exportReportAction"_s)->setEnabled(m_session->isOpen());
}

void MainWindow::setLayerVisible(Layer layer, bool on)
{
    Layers layers = m_view->layers();
    layers.setFlag(layer, on);
    m_view->setLayers(layers);
}

// ---- import / export: the controllers do the work ---------------------------------------------

void MainWindow::importPaths(const QStringList &paths)
{
    m_import->importPaths(paths);
}

bool MainWindow::openArticleFiles(const QStringList &paths)
{
    const qint64 last = m_import->importNow(paths);
    return last != 0 && openArticle(last);
}

bool MainWindow::openSampleArticle()
{
    const qint64 id = m_import->importSample();
    return id != 0 && openArticle(id);
}

bool MainWindow::newArticleFromClipboard()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QByteArray data;
    QString name;
    if (mime && mime->hasHtml() && !mime->html().trimmed().isEmpty()) {
        data = mime->html().toUtf8();
        name = u"clipboard.html"_s;
    } else if (mime && mime->hasText() && !mime->text().trimmed().isEmpty()) {
        data = mime->text().toUtf8();
        name = u"clipboard.txt"_s;
    } else {
        showMessage(tr("The clipboard holds no text: copy an article's text or web page first."),
                    MessageBar::Kind::Warning);
        return false;
    }
    const QList<ImportOutcome> outcomes = importDataIntoLibrary(*m_store, data, name, tr("clipboard"));
    qint64 open = 0;
    for (const ImportOutcome &o : outcomes) {
        if (o.status == ImportOutcome::Status::Failed) {
            showError(tr("The clipboard could not become an article: %1").arg(o.message));
            return false;
        }
        open = o.articleId;
    }
    m_library->refresh();
    if (open == 0 || !openArticle(open))
        return false;
    const ImportOutcome &last = outcomes.last();
    showMessage(last.status == ImportOutcome::Status::AlreadyPresent
                    ? tr("This text is already in the library: “%1”.").arg(last.title)
                    : tr("New article from the clipboard: “%1”.").arg(last.title),
                MessageBar::Kind::Information);
    return true;
}

void MainWindow::runExport(const ExportQuery &query, const CsvOptions &options, const QString &path,
                           ExportFormat format)
{
    m_export->runExport(query, options, path, format);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // The shortcut of a disabled action reaches the window as a plain key press.
    if (m_annotationActions->explainUnavailable(QKeySequence(event->keyCombination()))) {
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

} // namespace Lede
