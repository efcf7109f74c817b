// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "DocumentView.h"
#include "ExportDialog.h"
#include "LibraryModel.h"
#include "Logging.h"
#include "MessageBar.h"
#include "Settings.h"
#include "SidePanel.h"
#include "TagDialog.h"
#include "io/ArticleImporter.h"
#include "io/CsvExporter.h"
#include "io/LibraryImport.h"
#include "session/ArticleSession.h"
#include "store/ArticleStore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QColorDialog>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QIcon icon(const QString &name)
{
    return QIcon(u":/lede/icons/"_s + name + u".svg"_s);
}

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text, const QString &iconName = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(objectName);
    if (!iconName.isEmpty())
        a->setIcon(icon(iconName));
    return a;
}

} // namespace

MainWindow::MainWindow(const QString &libraryPath, QWidget *parent)
    : QMainWindow(parent)
    , m_store(std::make_unique<ArticleStore>())
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Lede"));
    setWindowIcon(icon(u"lede"_s));
    setAcceptDrops(true);
    m_session = new ArticleSession(m_store.get(), this);
    m_library = new LibraryModel(m_store.get(), this);

    createActions();
    createWidgets();
    createMenus();

    const QString path = libraryPath.isEmpty() ? ArticleStore::defaultPath() : libraryPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (const Status s = m_store->open(path); !s) {
        showError(tr("Cannot open the library %1: %2").arg(QDir::toNativeSeparators(path), s.errorString()));
    } else {
        setWindowTitle(tr("%1 — Lede").arg(QFileInfo(path).completeBaseName()));
    }
    m_library->refresh();
    refreshTags();

    connect(m_library, &LibraryModel::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &ArticleSession::errorOccurred, this, &MainWindow::showError);
    connect(m_side, &SidePanel::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &ArticleSession::tagsChanged, this, &MainWindow::refreshTags);
    connect(m_session, &ArticleSession::annotationsChanged, this, [this](qint64 articleId) {
        if (const int row = m_library->rowOfArticle(articleId); row >= 0)
            m_library->updateAnnotationCount(row, int(m_session->annotations().size()));
        updateActions();
    });
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);

    restoreSettings();
    showWelcomeOrDocument();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The session and the views refer to the store; take them down before it, without signals.
    m_session->disconnect(this);
    m_session->undoStack()->disconnect(this);
    delete m_session;
    m_session = nullptr;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

void MainWindow::createActions()
{
    auto add = [this](QAction *a) {
        m_actions.insert(a->objectName(), a);
        addAction(a); // shortcuts work even when the menu bar is hidden
        return a;
    };
    QAction *a = add(makeAction(this, u"importAction"_s, tr("&Import Files…"), u"import"_s));
    a->setShortcut(QKeySequence::Open);
    a->setToolTip(tr("Import article files into the library (Ctrl+O)"));
    connect(a, &QAction::triggered, this, &MainWindow::importFilesDialog);
    a = add(makeAction(this, u"importFolderAction"_s, tr("Import &Folder…")));
    connect(a, &QAction::triggered, this, &MainWindow::importFolderDialog);
    a = add(makeAction(this, u"sampleAction"_s, tr("Open the &Sample Article")));
    connect(a, &QAction::triggered, this, &MainWindow::openSampleArticle);
    a = add(makeAction(this, u"exportAction"_s, tr("&Export CSV…"), u"export"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(a, &QAction::triggered, this, &MainWindow::exportCsv);
    a = add(makeAction(this, u"quitAction"_s, tr("&Quit")));
    a->setShortcut(QKeySequence::Quit);
    a->setMenuRole(QAction::QuitRole);
    connect(a, &QAction::triggered, this, &QWidget::close);

    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(icon(u"undo"_s));
    add(undo);
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redoAction"_s);
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(icon(u"redo"_s));
    add(redo);

    a = add(makeAction(this, u"findAction"_s, tr("&Find in Article…"), u"find"_s));
    a->setShortcut(QKeySequence::Find);
    connect(a, &QAction::triggered, this, [this] {
        m_findBar->show();
        m_findField->setFocus();
        m_findField->selectAll();
    });
    a = add(makeAction(this, u"findNextAction"_s, tr("Find &Next")));
    a->setShortcut(QKeySequence::FindNext);
    connect(a, &QAction::triggered, this, [this] { findInArticle(false); });
    a = add(makeAction(this, u"findPreviousAction"_s, tr("Find Pre&vious")));
    a->setShortcut(QKeySequence::FindPrevious);
    connect(a, &QAction::triggered, this, [this] { findInArticle(true); });
    a = add(makeAction(this, u"searchLibraryAction"_s, tr("&Search Library")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(a, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    a = add(makeAction(this, u"highlightAction"_s, tr("&Highlight"), u"highlight"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    a->setToolTip(tr("Highlight the selected text (Ctrl+E)"));
    connect(a, &QAction::triggered, this, [this] { highlightSelection(); });
    a = add(makeAction(this, u"tagAction"_s, tr("&Tag…"), u"tag"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    a->setToolTip(tr("Tag the selection or the current highlight (Ctrl+T)"));
    connect(a, &QAction::triggered, this, &MainWindow::tagSelectionOrHighlight);
    a = add(makeAction(this, u"noteAction"_s, tr("&Note…"), u"note"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    a->setToolTip(tr("Write a note on the selection or the current highlight (Ctrl+Shift+N)"));
    connect(a, &QAction::triggered, this, &MainWindow::noteOnSelectionOrHighlight);
    a = add(makeAction(this, u"setRangeAction"_s, tr("Set Highlight to &Selection")));
    a->setToolTip(tr("Move the current highlight to the selected text"));
    connect(a, &QAction::triggered, this, &MainWindow::setRangeOfCurrent);
    a = add(makeAction(this, u"deleteHighlightAction"_s, tr("&Delete Highlight"), u"delete"_s));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    connect(a, &QAction::triggered, this, &MainWindow::deleteCurrent);
    a = add(makeAction(this, u"colorAction"_s, tr("&Color"), u"color"_s));
    auto *colorMenu = new QMenu(this);
    colorMenu->setObjectName(u"colorMenu"_s);
    for (const auto &[name, label] : highlightColorChoices()) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor::fromString(name));
        QAction *c = colorMenu->addAction(QIcon(swatch), label);
        c->setObjectName(u"color_"_s + QString(name).remove(u'#'));
        connect(c, &QAction::triggered, this, [this, name = name] { colorCurrent(name); });
    }
    colorMenu->addSeparator();
    connect(colorMenu->addAction(tr("Tag Color")), &QAction::triggered, this, [this] { colorCurrent(QString()); });
    connect(colorMenu->addAction(tr("Other…")), &QAction::triggered, this, [this] {
        const QColor c = QColorDialog::getColor(defaultHighlightColor(), this, tr("Highlight color"));
        if (c.isValid())
            colorCurrent(c.name());
    });
    a->setMenu(colorMenu);

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
    a->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(m_view->zoomSteps() + 1); });
    a = add(makeAction(this, u"zoomOutAction"_s, tr("Zoom &Out")));
    a->setShortcut(QKeySequence::ZoomOut);
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(m_view->zoomSteps() - 1); });
    a = add(makeAction(this, u"zoomResetAction"_s, tr("&Reset Zoom")));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(a, &QAction::triggered, this, [this] { m_view->setZoomSteps(0); });

    a = add(makeAction(this, u"renameTagAction"_s, tr("&Rename Tag…")));
    connect(a, &QAction::triggered, this, &MainWindow::renameCurrentTag);
    a = add(makeAction(this, u"recolorTagAction"_s, tr("Tag &Color…")));
    connect(a, &QAction::triggered, this, &MainWindow::recolorCurrentTag);
    a = add(makeAction(this, u"moveTagAction"_s, tr("&Move Tag…")));
    connect(a, &QAction::triggered, this, &MainWindow::moveCurrentTag);
    a = add(makeAction(this, u"deleteTagAction"_s, tr("&Delete Tag…")));
    connect(a, &QAction::triggered, this, &MainWindow::deleteCurrentTag);
    a = add(makeAction(this, u"filterByTagAction"_s, tr("Show &Articles with This Tag")));
    connect(a, &QAction::triggered, this, [this] {
        const int i = m_tagFilter->findData(m_side->currentTagId());
        if (i >= 0)
            m_tagFilter->setCurrentIndex(i);
    });
}

void MainWindow::createWidgets()
{
    m_messages = new MessageBar(this);

    // Library pane
    auto *libraryPane = new QWidget(this);
    libraryPane->setObjectName(u"libraryPane"_s);
    auto *libraryLayout = new QVBoxLayout(libraryPane);
    libraryLayout->setContentsMargins(6, 6, 0, 6);
    m_search = new QLineEdit(libraryPane);
    m_search->setObjectName(u"librarySearch"_s);
    m_search->setAccessibleName(tr("Search the library"));
    m_search->setPlaceholderText(tr("Search titles and text…"));
    m_search->setClearButtonEnabled(true);
    m_tagFilter = new QComboBox(libraryPane);
    m_tagFilter->setObjectName(u"tagFilter"_s);
    m_tagFilter->setAccessibleName(tr("Show articles with tag"));
    m_list = new QTableView(libraryPane);
    m_list->setObjectName(u"articleList"_s);
    m_list->setAccessibleName(tr("Articles"));
    m_list->setModel(m_library);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    // Fixed widths: ResizeToContents would measure every row of a 100,000-article library.
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->horizontalHeader()->setSectionResizeMode(LibraryModel::TitleColumn, QHeaderView::Stretch);
    m_list->horizontalHeader()->resizeSection(LibraryModel::SourceColumn, m_list->fontMetrics().horizontalAdvance(u"Reuters"_s) + 8);
    m_list->horizontalHeader()->resizeSection(LibraryModel::PublishedColumn, m_list->fontMetrics().horizontalAdvance(u"2024-12-31 "_s));
    m_list->horizontalHeader()->resizeSection(LibraryModel::AnnotationsColumn, m_list->fontMetrics().horizontalAdvance(u"Notes "_s) + 8);
    m_list->horizontalHeader()->setMinimumSectionSize(30);
    m_list->horizontalHeader()->setHighlightSections(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->setShowGrid(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    libraryLayout->addWidget(m_search);
    libraryLayout->addWidget(m_tagFilter);
    libraryLayout->addWidget(m_list, 1);

    // Search as you type, after a short pause so a fast typist does not run a query per key.
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] { m_library->setSearch(m_search->text().trimmed()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this, searchTimer] {
        searchTimer->stop();
        m_library->setSearch(m_search->text().trimmed());
        m_list->setFocus();
        if (m_library->rowCount() > 0)
            m_list->selectRow(0);
    });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_library->setTagFilter(m_tagFilter->currentData().toLongLong()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (const ArticleSummary *a = m_library->articleAt(current); a && a->id != m_session->articleId())
            openArticle(a->id);
    });

    // Document pane: welcome page or the article with its find bar.
    m_documentStack = new QStackedWidget(this);
    m_documentStack->setObjectName(u"documentStack"_s);
    auto *welcome = new QWidget(m_documentStack);
    welcome->setObjectName(u"welcomePage"_s);
    auto *welcomeLayout = new QVBoxLayout(welcome);
    welcomeLayout->addStretch(1);
    auto *welcomeTitle = new QLabel(tr("<h2>Welcome to Lede</h2>"), welcome);
    welcomeTitle->setAlignment(Qt::AlignCenter);
    m_welcomeText = new QLabel(welcome);
    m_welcomeText->setObjectName(u"welcomeText"_s);
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setWordWrap(true);
    auto *importButton = new QPushButton(icon(u"import"_s), tr("&Import articles…"), welcome);
    importButton->setObjectName(u"welcomeImport"_s);
    connect(importButton, &QPushButton::clicked, this, &MainWindow::importFilesDialog);
    auto *sampleButton = new QPushButton(tr("Open the &sample article"), welcome);
    sampleButton->setObjectName(u"welcomeSample"_s);
    connect(sampleButton, &QPushButton::clicked, this, &MainWindow::openSampleArticle);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(sampleButton);
    buttons->addStretch(1);
    welcomeLayout->addWidget(welcomeTitle);
    welcomeLayout->addWidget(m_welcomeText);
    welcomeLayout->addSpacing(12);
    welcomeLayout->addLayout(buttons);
    welcomeLayout->addStretch(2);
    m_documentStack->addWidget(welcome);

    auto *documentPage = new QWidget(m_documentStack);
    auto *documentLayout = new QVBoxLayout(documentPage);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    m_findBar = new QWidget(documentPage);
    m_findBar->setObjectName(u"findBar"_s);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(6, 4, 6, 4);
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(u"findField"_s);
    m_findField->setAccessibleName(tr("Find in article"));
    m_findField->setPlaceholderText(tr("Find in article"));
    m_findField->setClearButtonEnabled(true);
    auto *findClose = new QToolButton(m_findBar);
    findClose->setText(u"✕"_s);
    findClose->setAccessibleName(tr("Close find bar"));
    findClose->setAutoRaise(true);
    auto *findPrev = new QToolButton(m_findBar);
    findPrev->setDefaultAction(action(u"findPreviousAction"_s));
    findPrev->setText(u"▲"_s);
    findPrev->setAccessibleName(tr("Previous match"));
    auto *findNext = new QToolButton(m_findBar);
    findNext->setDefaultAction(action(u"findNextAction"_s));
    findNext->setText(u"▼"_s);
    findNext->setAccessibleName(tr("Next match"));
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(findPrev);
    findLayout->addWidget(findNext);
    findLayout->addWidget(findClose);
    m_findBar->hide();
    connect(findClose, &QToolButton::clicked, m_findBar, &QWidget::hide);
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findInArticle(false); });
    m_view = new DocumentView(documentPage);
    m_view->setSession(m_session);
    m_view->setSelectionActions({action(u"highlightAction"_s), action(u"tagAction"_s), action(u"noteAction"_s)});
    m_view->setAnnotationActions({action(u"tagAction"_s), action(u"noteAction"_s), action(u"colorAction"_s),
                                  action(u"setRangeAction"_s), action(u"deleteHighlightAction"_s)});
    // The legend: each layer with the swatch it paints in the text; clicking one switches it.
    auto *legend = new QWidget(documentPage);
    legend->setObjectName(u"layerLegend"_s);
    legend->setAccessibleName(tr("Layers shown in the text"));
    auto *legendLayout = new QHBoxLayout(legend);
    legendLayout->setContentsMargins(8, 2, 8, 2);
    legendLayout->setSpacing(2);
    for (Layer layer : AllLayers) {
        auto *b = new QToolButton(legend);
        b->setObjectName(u"legend_"_s + layerKey(layer));
        b->setDefaultAction(m_layerActions.value(layer));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        b->setAccessibleName(tr("%1 layer").arg(layerName(layer)));
        legendLayout->addWidget(b);
    }
    legendLayout->addStretch(1);
    documentLayout->addWidget(m_findBar);
    documentLayout->addWidget(legend);
    documentLayout->addWidget(m_view, 1);
    m_documentStack->addWidget(documentPage);

    m_side = new SidePanel(this);
    m_side->setSession(m_session);
    m_side->setAnnotationActions({action(u"tagAction"_s), action(u"colorAction"_s), action(u"deleteHighlightAction"_s)});
    m_side->setTagActions({action(u"filterByTagAction"_s), action(u"renameTagAction"_s), action(u"recolorTagAction"_s),
                           action(u"moveTagAction"_s), action(u"deleteTagAction"_s)});

    connect(m_view, &DocumentView::annotationActivated, this, [this](qint64 id) { m_side->selectAnnotation(id); });
    connect(m_view, &DocumentView::quoteActivated, m_side, &SidePanel::selectQuote);
    connect(m_view, &DocumentView::entityActivated, m_side, &SidePanel::selectEntity);
    connect(m_view, &DocumentView::selectionSpanChanged, this, &MainWindow::updateActions);
    connect(m_side, &SidePanel::spanRequested, this, [this](Span s) { m_view->scrollToSpan(s, true); });
    connect(m_side, &SidePanel::currentAnnotationChanged, this, &MainWindow::updateActions);
    connect(m_side, &SidePanel::currentTagChanged, this, &MainWindow::updateActions);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(libraryPane);
    m_splitter->addWidget(m_documentStack);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({300, 760, 340});
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    auto *messageHolder = new QWidget(central);
    auto *messageLayout = new QVBoxLayout(messageHolder);
    messageLayout->setContentsMargins(6, 4, 6, 0);
    messageLayout->addWidget(m_messages);
    centralLayout->addWidget(messageHolder);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(u"importAction"_s));
    file->addAction(action(u"importFolderAction"_s));
    file->addAction(action(u"sampleAction"_s));
    file->addSeparator();
    file->addAction(action(u"exportAction"_s));
    file->addSeparator();
    file->addAction(action(u"quitAction"_s));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(u"undoAction"_s));
    edit->addAction(action(u"redoAction"_s));
    edit->addSeparator();
    edit->addAction(action(u"findAction"_s));
    edit->addAction(action(u"findNextAction"_s));
    edit->addAction(action(u"findPreviousAction"_s));
    edit->addAction(action(u"searchLibraryAction"_s));

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    annotate->addAction(action(u"highlightAction"_s));
    annotate->addAction(action(u"tagAction"_s));
    annotate->addAction(action(u"noteAction"_s));
    annotate->addAction(action(u"colorAction"_s));
    annotate->addSeparator();
    annotate->addAction(action(u"setRangeAction"_s));
    annotate->addAction(action(u"deleteHighlightAction"_s));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *layers = view->addMenu(tr("&Layers"));
    layers->setObjectName(u"layersMenu"_s);
    for (Layer layer : AllLayers)
        layers->addAction(m_layerActions.value(layer));
    view->addSeparator();
    view->addAction(action(u"zoomInAction"_s));
    view->addAction(action(u"zoomOutAction"_s));
    view->addAction(action(u"zoomResetAction"_s));

    QMenu *tags = menuBar()->addMenu(tr("&Tags"));
    tags->addAction(action(u"filterByTagAction"_s));
    tags->addSeparator();
    tags->addAction(action(u"renameTagAction"_s));
    tags->addAction(action(u"recolorTagAction"_s));
    tags->addAction(action(u"moveTagAction"_s));
    tags->addAction(action(u"deleteTagAction"_s));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(action(u"importAction"_s));
    bar->addAction(action(u"exportAction"_s));
    bar->addSeparator();
    bar->addAction(action(u"undoAction"_s));
    bar->addAction(action(u"redoAction"_s));
    bar->addSeparator();
    bar->addAction(action(u"highlightAction"_s));
    bar->addAction(action(u"tagAction"_s));
    bar->addAction(action(u"noteAction"_s));
    bar->addSeparator();
    auto *layersButton = new QToolButton(bar);
    layersButton->setObjectName(u"layersButton"_s);
    layersButton->setText(tr("Layers"));
    layersButton->setIcon(icon(u"layers"_s));
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
    Settings::migrate(settings);
    if (!restoreGeometry(Settings::WindowGeometry.read(settings))) {
        // First start: a reading-sized window (never larger than the screen), with the library
        // and side panel wide enough to read and the article taking the rest.
        QSize size(1360, 860);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.92);
        resize(size);
        const int side = std::max(300, size.width() / 4);
        const int library = std::max(340, size.width() / 4);
        m_splitter->setSizes({library, std::max(400, size.width() - side - library), side});
    }
    restoreState(Settings::WindowState.read(settings));
    const QByteArray splitter = Settings::SplitterState.read(settings);
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_view->setZoomSteps(Settings::ZoomSteps.read(settings));
    const QStringList hidden = Settings::HiddenLayers.read(settings);
    for (Layer layer : AllLayers)
        m_layerActions.value(layer)->setChecked(!hidden.contains(layerKey(layer)));
    const qint64 last = Settings::LastArticle.read(settings);
    if (last > 0 && m_store->isOpen()) {
        if (m_store->article(last))
            openArticle(last);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_importRunning) {
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
    QMainWindow::closeEvent(event);
}

void MainWindow::showError(const QString &message)
{
    qCWarning(lcStore).noquote() << "ui:" << message;
    m_messages->showMessage(message, MessageBar::Kind::Error);
}

void MainWindow::showInfo(const QString &message)
{
    m_messages->showMessage(message, MessageBar::Kind::Information);
}

void MainWindow::showWelcomeOrDocument()
{
    if (m_session->isOpen()) {
        m_documentStack->setCurrentIndex(1);
        return;
    }
    const bool empty = m_library->loadedCount() == 0 && m_library->search().isEmpty() && m_library->tagFilter() == 0;
    m_welcomeText->setText(empty ? tr("Your library is empty. Import news articles (text, Markdown or HTML files, or a "
                                      "whole folder) — or start with a sample article to see quotes, people, places "
                                      "and figures marked up. You can also drop files on this window.")
                                 : tr("Pick an article from the library on the left, or import more."));
    m_documentStack->setCurrentIndex(0);
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
    const int row = m_library->rowOfArticle(articleId);
    if (row >= 0 && m_list->currentIndex().row() != row) {
        QSignalBlocker block(m_list->selectionModel());
        m_list->selectionModel()->setCurrentIndex(m_library->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateActions();
    return true;
}

void MainWindow::refreshTags()
{
    if (!m_store->isOpen())
        return;
    auto tags = m_store->tags();
    if (!tags) {
        showError(tags.errorString());
        return;
    }
    m_tagsCache = tags.value();
    QHash<QString, QColor> colors;
    for (const Tag &t : std::as_const(m_tagsCache)) {
        if (!t.color.isEmpty())
            colors.insert(t.path, QColor::fromString(t.color));
    }
    m_view->setTagColors(colors);
    m_side->setTags(m_tagsCache);
    const qint64 filter = m_tagFilter->currentData().toLongLong();
    QSignalBlocker block(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All articles"), qint64(0));
    for (const Tag &t : std::as_const(m_tagsCache))
        m_tagFilter->addItem(tr("Tagged: %1 (%2)").arg(t.path).arg(t.useCount), t.id);
    m_tagFilter->setCurrentIndex(std::max(0, m_tagFilter->findData(filter)));
    updateActions();
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    const bool selection = open && !m_view->selectedSpan().isEmpty();
    const bool current = open && m_side->currentAnnotationId() != 0;
    action(u"highlightAction"_s)->setEnabled(selection);
    action(u"tagAction"_s)->setEnabled(selection || current);
    action(u"noteAction"_s)->setEnabled(selection || current);
    action(u"colorAction"_s)->setEnabled(selection || current);
    action(u"setRangeAction"_s)->setEnabled(selection && current);
    action(u"deleteHighlightAction"_s)->setEnabled(current);
    action(u"findAction"_s)->setEnabled(open);
    action(u"exportAction"_s)->setEnabled(m_store->isOpen());
    const bool tag = m_side->currentTagId() != 0;
    for (const char *name : {"renameTagAction", "recolorTagAction", "moveTagAction", "deleteTagAction", "filterByTagAction"})
        action(QLatin1StringView(name))->setEnabled(tag);
}

void MainWindow::setLayerVisible(Layer layer, bool on)
{
    Layers layers = m_view->layers();
    layers.setFlag(layer, on);
    m_view->setLayers(layers);
}

void MainWindow::findInArticle(bool backwards)
{
    const QString text = m_findField->text();
    if (text.isEmpty() || !m_session->isOpen())
        return;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (!m_view->find(text, flags)) {
        // Wrap around once.
        QTextCursor c = m_view->textCursor();
        c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_view->setTextCursor(c);
        if (!m_view->find(text, flags))
            m_messages->showMessage(tr("“%1” is not in this article.").arg(text), MessageBar::Kind::Warning);
    }
}

// ---- annotating ---------------------------------------------------------------------------------

qint64 MainWindow::highlightAt(const Span &span) const
{
    // The selection is exactly an existing highlight (typically the one just made): act on it
    // instead of stacking a duplicate on the same words. The current one wins a tie.
    const qint64 current = m_side->currentAnnotationId();
    qint64 found = 0;
    for (const Annotation &a : m_session->annotations()) {
        if (a.span == span && (found == 0 || a.id == current))
            found = a.id;
    }
    return found;
}

void MainWindow::highlightSelection(const QString &color)
{
    const Span span = m_view->selectedSpan();
    if (span.isEmpty()) {
        m_messages->showMessage(tr("Select some text in the article first."), MessageBar::Kind::Warning);
        return;
    }
    if (const qint64 existing = highlightAt(span)) {
        if (!color.isEmpty()) {
            if (const Status s = m_session->setColor(existing, color); !s)
                showError(tr("Cannot change the color: %1").arg(s.errorString()));
        }
        m_side->selectAnnotation(existing, false);
        return;
    }
    auto id = m_session->addHighlight(span, {}, color);
    if (!id) {
        showError(tr("Cannot add the highlight: %1").arg(id.errorString()));
        return;
    }
    m_side->selectAnnotation(id.value(), false);
}

void MainWindow::tagSelectionOrHighlight()
{
    QStringList all;
    for (const Tag &t : std::as_const(m_tagsCache))
        all << t.path;
    Span span = m_view->selectedSpan();
    qint64 current = m_side->currentAnnotationId();
    if (const qint64 existing = span.isEmpty() ? 0 : highlightAt(span)) {
        current = existing;
        span = {};
    }
    QStringList checked;
    if (span.isEmpty() && current) {
        if (const auto a = m_session->annotation(current))
            checked = a->tags;
    } else if (span.isEmpty()) {
        return;
    }
    TagDialog dialog(all, checked, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList tags = dialog.selectedTags();
    if (!span.isEmpty()) {
        auto id = m_session->addHighlight(span, tags);
        if (!id) {
            showError(tr("Cannot add the highlight: %1").arg(id.errorString()));
            return;
        }
        m_side->selectAnnotation(id.value(), false);
    } else if (const Status s = m_session->setTags(current, tags); !s) {
        showError(tr("Cannot change the tags: %1").arg(s.errorString()));
    }
}

void MainWindow::noteOnSelectionOrHighlight()
{
    const Span span = m_view->selectedSpan();
    if (const qint64 existing = span.isEmpty() ? 0 : highlightAt(span)) {
        m_side->selectAnnotation(existing);
    } else if (!span.isEmpty()) {
        auto id = m_session->addHighlight(span);
        if (!id) {
            showError(tr("Cannot add the highlight: %1").arg(id.errorString()));
            return;
        }
        m_side->selectAnnotation(id.value());
    } else if (!m_side->currentAnnotationId()) {
        return;
    }
    m_side->focusNoteEditor();
}

void MainWindow::colorCurrent(const QString &color)
{
    if (!m_view->selectedSpan().isEmpty()) {
        highlightSelection(color);
        return;
    }
    if (const qint64 id = m_side->currentAnnotationId()) {
        if (const Status s = m_session->setColor(id, color); !s)
            showError(tr("Cannot change the color: %1").arg(s.errorString()));
    }
}

void MainWindow::setRangeOfCurrent()
{
    const Span span = m_view->selectedSpan();
    const qint64 id = m_side->currentAnnotationId();
    if (span.isEmpty() || !id)
        return;
    if (const Status s = m_session->setRange(id, span); !s)
        showError(tr("Cannot move the highlight: %1").arg(s.errorString()));
}

void MainWindow::deleteCurrent()
{
    if (const qint64 id = m_side->currentAnnotationId()) {
        if (const Status s = m_session->remove(id); !s)
            showError(tr("Cannot delete the highlight: %1").arg(s.errorString()));
        else
            showInfo(tr("Highlight deleted. Undo with %1.").arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    }
}

// ---- tags -----------------------------------------------------------------------------------------

void MainWindow::renameCurrentTag()
{
    const qint64 id = m_side->currentTagId();
    auto tag = m_store->tag(id);
    if (!tag)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Tag"), tr("New name for “%1”:").arg(tag->path),
                                               QLineEdit::Normal, tag->name, &ok);
    if (!ok || name.trimmed().isEmpty() || name == tag->name)
        return;
    if (const Status s = m_session->renameTag(id, name); !s)
        showError(tr("Cannot rename the tag: %1").arg(s.errorString()));
}

void MainWindow::recolorCurrentTag()
{
    const qint64 id = m_side->currentTagId();
    auto tag = m_store->tag(id);
    if (!tag)
        return;
    const QColor c = QColorDialog::getColor(tag->color.isEmpty() ? defaultHighlightColor() : QColor::fromString(tag->color),
                                            this, tr("Color of “%1”").arg(tag->path));
    if (!c.isValid())
        return;
    if (const Status s = m_session->setTagColor(id, c.name()); !s)
        showError(tr("Cannot change the tag color: %1").arg(s.errorString()));
}

void MainWindow::moveCurrentTag()
{
    const qint64 id = m_side->currentTagId();
    auto tag = m_store->tag(id);
    if (!tag)
        return;
    QStringList parents{tr("(top level)")};
    QList<qint64> parentIds{0};
    for (const Tag &t : std::as_const(m_tagsCache)) {
        // A tag cannot move under itself or its own descendants.
        if (t.id != id && !t.path.startsWith(tag->path + u'/')) {
            parents << t.path;
            parentIds << t.id;
        }
    }
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Move Tag"), tr("Move “%1” under:").arg(tag->path), parents,
                                                 int(parentIds.indexOf(tag->parentId)), false, &ok);
    if (!ok)
        return;
    const qint64 parent = parentIds.value(parents.indexOf(choice));
    if (parent == tag->parentId)
        return;
    if (const Status s = m_session->moveTag(id, parent); !s)
        showError(tr("Cannot move the tag: %1").arg(s.errorString()));
}

void MainWindow::deleteCurrentTag()
{
    const qint64 id = m_side->currentTagId();
    auto tag = m_store->tag(id);
    if (!tag)
        return;
    QMessageBox box(QMessageBox::Question, tr("Delete Tag"),
                    tr("Delete the tag “%1” and its sub-tags? It is used by %n highlight(s).", nullptr, tag->useCount)
                        .arg(tag->path),
                    QMessageBox::Cancel, this);
    box.setObjectName(u"deleteTagBox"_s);
    QPushButton *keep = box.addButton(tr("Delete Tag, &Keep Highlights"), QMessageBox::AcceptRole);
    QPushButton *drop = box.addButton(tr("Delete Tag &and Its Highlights"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    TagRemoval mode;
    if (box.clickedButton() == keep)
        mode = TagRemoval::UntagAnnotations;
    else if (box.clickedButton() == drop)
        mode = TagRemoval::DeleteAnnotations;
    else
        return;
    if (const Status s = m_session->removeTag(id, mode); !s)
        showError(tr("Cannot delete the tag: %1").arg(s.errorString()));
    else
        m_library->refresh();
}

// ---- import / export --------------------------------------------------------------------------------

void MainWindow::importFilesDialog()
{
    QSettings settings;
    QStringList patterns;
    for (const QString &suffix : ArticleImporter::supportedSuffixes())
        patterns << u"*."_s + suffix;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Articles"), Settings::LastImportDir.read(settings),
        tr("Articles (%1);;All files (*)").arg(patterns.join(u' ')));
    if (files.isEmpty())
        return;
    Settings::LastImportDir.write(settings, QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::importFolderDialog()
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Articles"),
                                                          Settings::LastImportDir.read(settings));
    if (dir.isEmpty())
        return;
    Settings::LastImportDir.write(settings, dir);
    importPaths({dir});
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (!m_store->isOpen() || paths.isEmpty() || m_importRunning)
        return;
    m_importRunning = true;
    // The worker opens its own connection: a Qt SQL connection belongs to the thread that made it.
    const QString dbPath = m_store->path();
    // Cancel goes through a flag, not QFuture::cancel(): a cancelled future drops the results the
    // worker still reports, and the articles of the batch in flight are stored all the same.
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<ImportOutcome> future = QtConcurrent::run([dbPath, paths, cancel](QPromise<ImportOutcome> &promise) {
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
        // In bulk: a batch of articles per SQLite transaction, each article atomic on its own;
        // what finished before a Cancel stays in the library.
        const Status bulk = importFiles(store, files, [&promise, &done, &cancel](const ImportOutcome &outcome) {
            promise.addResult(outcome);
            promise.setProgressValue(++done);
            return !cancel->load();
        });
        if (!bulk) {
            ImportOutcome failed;
            failed.path = dbPath;
            failed.message = bulk.errorString();
            promise.addResult(failed);
        }
    });

    QProgressDialog *progress = makeProgressDialog(u"importProgress"_s, tr("Importing articles…"), tr("Import"), 0);
    auto *watcher = new QFutureWatcher<ImportOutcome>(this);
    auto outcomes = std::make_shared<QList<ImportOutcome>>();
    connect(watcher, &QFutureWatcher<ImportOutcome>::progressRangeChanged, progress, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcher<ImportOutcome>::progressValueChanged, progress, [progress](int v) {
        progress->setValue(v);
        progress->setLabelText(tr("Importing articles… %1 of %2").arg(v).arg(progress->maximum()));
    });
    connect(watcher, &QFutureWatcher<ImportOutcome>::resultsReadyAt, this, [watcher, outcomes](int from, int to) {
        for (int i = from; i < to; ++i)
            outcomes->append(watcher->resultAt(i));
    });
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this, watcher, progress, outcomes, cancel] {
        const bool cancelled = cancel->load();
        progress->deleteLater();
        watcher->deleteLater();
        m_importRunning = false;
        int imported = 0, present = 0;
        qint64 lastId = 0;
        QStringList failures;
        for (const ImportOutcome &o : std::as_const(*outcomes)) {
            switch (o.status) {
            case ImportOutcome::Status::Imported:
                ++imported;
                lastId = o.articleId;
                break;
            case ImportOutcome::Status::AlreadyPresent:
                ++present;
                lastId = o.articleId;
                break;
            case ImportOutcome::Status::Failed:
                failures << tr("%1: %2").arg(QDir::toNativeSeparators(o.path), o.message);
                break;
            }
        }
        m_library->refresh();
        refreshTags();
        QString summary = tr("Imported %n article(s).", nullptr, imported);
        if (present)
            summary += u' ' + tr("%n already in the library.", nullptr, present);
        if (cancelled)
            summary += u' ' + tr("Import cancelled.");
        if (!failures.isEmpty()) {
            summary += u' ' + tr("%n file(s) could not be imported.", nullptr, int(failures.size()));
            m_messages->showMessage(summary, MessageBar::Kind::Warning);
            QDialog dialog(this);
            dialog.setObjectName(u"importSummary"_s);
            dialog.setWindowTitle(tr("Import Summary"));
            auto *layout = new QVBoxLayout(&dialog);
            layout->addWidget(new QLabel(summary, &dialog));
            auto *list = new QPlainTextEdit(failures.join(u'\n'), &dialog);
            list->setObjectName(u"importFailures"_s);
            list->setAccessibleName(tr("Files that could not be imported"));
            list->setReadOnly(true);
            list->setLineWrapMode(QPlainTextEdit::NoWrap);
            layout->addWidget(list);
            auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
            connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
            layout->addWidget(buttons);
            dialog.resize(640, 320);
            dialog.exec();
        } else {
            showInfo(summary);
        }
        if (lastId && !m_session->isOpen())
            openArticle(lastId);
        showWelcomeOrDocument();
        emit importFinished();
    });
    watcher->setFuture(future);
}

bool MainWindow::openArticleFiles(const QStringList &paths)
{
    if (!m_store->isOpen())
        return false;
    qint64 last = 0;
    QStringList failures;
    QList<ImportOutcome> errors;
    const QStringList files = collectImportFiles(paths, &errors);
    for (const ImportOutcome &e : std::as_const(errors))
        failures << tr("%1: %2").arg(QDir::toNativeSeparators(e.path), e.message);
    for (const QString &file : files) {
        const ImportOutcome o = importIntoLibrary(*m_store, file);
        if (o.status == ImportOutcome::Status::Failed)
            failures << tr("%1: %2").arg(QDir::toNativeSeparators(o.path), o.message);
        else
            last = o.articleId;
    }
    m_library->refresh();
    refreshTags();
    if (!failures.isEmpty())
        showError(tr("Could not open: %1").arg(failures.join(u"; "_s)));
    return last != 0 && openArticle(last);
}

bool MainWindow::openSampleArticle()
{
    // The sample ships as a resource; the importer reads files, so it goes through a temporary copy.
    QTemporaryDir dir;
    QFile resource(u":/lede/sample/sample-article.txt"_s);
    const QString path = dir.filePath(u"sample-article.txt"_s);
    QFile copy(path);
    if (!dir.isValid() || !resource.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)
        || copy.write(resource.readAll()) < 0 || !copy.flush()) {
        showError(tr("Cannot prepare the sample article: %1").arg(copy.errorString()));
        return false;
    }
    copy.close();
    const ImportOutcome o = importIntoLibrary(*m_store, path);
    if (o.status == ImportOutcome::Status::Failed) {
        showError(tr("Cannot import the sample article: %1").arg(o.message));
        return false;
    }
    m_library->refresh();
    return openArticle(o.articleId);
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

void MainWindow::exportCsv()
{
    if (!m_store->isOpen())
        return;
    QList<qint64> selected;
    for (const QModelIndex &i : m_list->selectionModel()->selectedRows()) {
        if (const ArticleSummary *a = m_library->articleAt(i))
            selected << a->id;
    }
    ExportDialog dialog(m_session->articleId(), selected, m_tagsCache, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runExport(dialog.query(), dialog.options(), dialog.path());
}

QProgressDialog *MainWindow::makeProgressDialog(const QString &objectName, const QString &label, const QString &title,
                                                int maximum)
{
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, maximum, this);
    progress->setObjectName(objectName);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    return progress;
}

void MainWindow::runExport(const ExportQuery &query, const CsvOptions &options, const QString &path)
{
    if (path.isEmpty()) {
        showError(tr("Choose a file to export to."));
        return;
    }
    const QString dbPath = m_store->path();
    // Progress is reported in per mille: row counts can exceed int.
    auto cancel = std::make_shared<std::atomic_bool>(false); // see importPaths()
    QFuture<Status> future = QtConcurrent::run([dbPath, query, options, path, cancel](QPromise<Status> &promise) {
        ArticleStore store;
        if (const Status s = store.open(dbPath); !s) {
            promise.addResult(s);
            return;
        }
        promise.setProgressRange(0, 1000);
        const Status s = CsvExporter::writeFile(store, query, options, path, [&promise, &cancel](qint64 done, qint64 total) {
            promise.setProgressValue(total > 0 ? int(done * 1000 / total) : 1000);
            return !cancel->load();
        });
        promise.addResult(s);
    });
    QProgressDialog *progress = makeProgressDialog(u"exportProgress"_s, tr("Exporting…"), tr("Export CSV"), 1000);
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, progress, path, cancel] {
        progress->deleteLater();
        watcher->deleteLater();
        const bool haveResult = watcher->future().resultCount() > 0;
        const Status s = haveResult ? watcher->future().resultAt(0) : Status::failure(tr("Cancelled"));
        // A Cancel that came after the last row still leaves a complete file: say so.
        if (s.ok())
            showInfo(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
        else if (cancel->load())
            m_messages->showMessage(tr("Export cancelled; no file was written."), MessageBar::Kind::Warning);
        else
            showError(tr("Export failed: %1").arg(s.errorString()));
        emit exportFinished(s.ok());
    });
    watcher->setFuture(future);
}

} // namespace Lede
