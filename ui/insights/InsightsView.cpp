// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsView.h"

#include "InsightsCharts.h"
#include "InsightsModels.h"
#include "insights/InsightsTable.h"
#include "insights/SpeakerIdentities.h"
#include "store/ArticleStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum Tab { SourcesTab, EntitiesTab, FiguresTab, ChartsTab };

// How many speakers and entities the charts over time follow.
constexpr int TimelineTop = 5;

} // namespace

InsightsView::InsightsView(const QString &libraryPath, QWidget *parent)
    : QWidget(parent)
    , m_libraryPath(libraryPath)
{
    setObjectName(u"insightsView"_s);
    m_pool.setMaxThreadCount(1); // one query at a time: a newer one cancels the older
    m_sources = new SourcesModel(this);
    m_quotes = new SpeakerQuotesModel(this);
    m_entities = new EntityIndexModel(this);
    m_pairs = new CooccurrenceModel(this);
    m_entityArticles = new EntityArticlesModel(this);
    m_figures = new FiguresModel(this);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"insightsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter the tables"));
    m_filter->setClearButtonEnabled(true);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(u"insightsRefresh"_s);
    auto *exportButton = new QPushButton(tr("Export CSV\u2026"), this);
    exportButton->setObjectName(u"insightsExport"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"insightsStatus"_s);
    bar->addWidget(m_filter, 1);
    bar->addWidget(refreshButton);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"insightsTabs"_s);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);

    // Sources: speakers above, the selected speaker's quotes in context below.
    auto *sourcesSplit = new QSplitter(Qt::Vertical, m_tabs);
    m_sourcesTable = makeTable(u"sourcesTable"_s, m_sources, &m_sourcesProxy);
    m_quotesTable = makeTable(u"speakerQuotesTable"_s, m_quotes, &m_quotesProxy);
    m_quotesTable->setSortingEnabled(false); // date order, as the model gives it
    m_quotesTable->setWordWrap(false);
    sourcesSplit->addWidget(m_sourcesTable);
    sourcesSplit->addWidget(m_quotesTable);
    m_tabs->addTab(sourcesSplit, tr("Sources"));

    // Entities: the index and the articles naming the selected one; co-occurring pairs beside.
    auto *entitiesPage = new QWidget(m_tabs);
    auto *entitiesLayout = new QVBoxLayout(entitiesPage);
    entitiesLayout->setContentsMargins(0, 0, 0, 0);
    m_entityType = new QComboBox(entitiesPage);
    m_entityType->setObjectName(u"entityTypeFilter"_s);
    m_entityType->addItem(tr("All types"), QString());
    m_entityType->addItem(tr("People"), u"PERSON"_s);
    m_entityType->addItem(tr("Organisations"), u"ORG"_s);
    m_entityType->addItem(tr("Places"), u"LOC"_s);
    m_entityType->addItem(tr("Other names"), u"MISC"_s);
    m_entityType->addItem(tr("Dates"), u"DATE"_s);
    m_entityType->addItem(tr("Numbers"), u"NUMBER"_s);
    entitiesLayout->addWidget(m_entityType);
    auto *entitiesSplit = new QSplitter(Qt::Horizontal, entitiesPage);
    auto *leftSplit = new QSplitter(Qt::Vertical, entitiesSplit);
    m_entitiesTable = makeTable(u"entitiesTable"_s, m_entities, &m_entitiesProxy);
    m_entityArticlesTable = makeTable(u"entityArticlesTable"_s, m_entityArticles, &m_entityArticlesProxy);
    leftSplit->addWidget(m_entitiesTable);
    leftSplit->addWidget(m_entityArticlesTable);
    entitiesSplit->addWidget(leftSplit);
    entitiesSplit->addWidget(makeTable(u"cooccurrenceTable"_s, m_pairs, &m_pairsProxy));
    entitiesLayout->addWidget(entitiesSplit, 1);
    m_tabs->addTab(entitiesPage, tr("Entities"));

    // Figures.
    auto *figuresPage = new QWidget(m_tabs);
    auto *figuresLayout = new QVBoxLayout(figuresPage);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    m_conflictsOnly = new QCheckBox(tr("Only figures that disagree"), figuresPage);
    m_conflictsOnly->setObjectName(u"figuresConflictsOnly"_s);
    figuresLayout->addWidget(m_conflictsOnly);
    m_figuresTable = makeTable(u"figuresTable"_s, m_figures, &m_figuresProxy);
    m_figuresTable->setSortingEnabled(false); // grouped, dates in order within a group
    figuresLayout->addWidget(m_figuresTable, 1);
    m_tabs->addTab(figuresPage, tr("Figures"));

    m_charts = new InsightsCharts(m_tabs);
    m_charts->setObjectName(u"insightsCharts"_s);
    m_tabs->addTab(m_charts, tr("Charts"));

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (InsightsFilterModel *proxy : { m_sourcesProxy, m_quotesProxy, m_entitiesProxy, m_pairsProxy,
                                            m_entityArticlesProxy, m_figuresProxy })
            proxy->setFilterText(text.trimmed());
    });
    connect(refreshButton, &QPushButton::clicked, this, &InsightsView::refresh);
    connect(exportButton, &QPushButton::clicked, this, &InsightsView::exportCurrentTable);
    connect(m_tabs, &QTabWidget::currentChanged, this, &InsightsView::computeVisibleTab);
    connect(m_entityType, &QComboBox::currentIndexChanged, this, [this] {
        m_dirty[EntitiesTab] = true;
        computeVisibleTab();
    });
    connect(m_conflictsOnly, &QCheckBox::toggled, this, [this] {
        m_dirty[FiguresTab] = true;
        computeVisibleTab();
    });
    // Several speakers selected: merge them into one; a merged speaker: keep its names apart.
    m_sourcesTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sourcesTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_sourcesTable, &QWidget::customContextMenuRequested, this, &InsightsView::showSourcesMenu);
    m_askKeep = [this](const QStringList &names, QString *kept) {
        bool ok = false;
        *kept = QInputDialog::getItem(this, tr("Merge Speakers"),
                                      tr("Count these %1 speakers as one. Keep the name:").arg(names.size()),
                                      names, 0, true, &ok)
                    .simplified();
        return ok && !kept->isEmpty();
    };
    connect(m_sourcesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InsightsView::showSpeakerQuotes);
    connect(m_entitiesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InsightsView::showEntityArticles);
    connect(m_quotesTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &q = m_quotes->quoteAt(m_quotesProxy->mapToSource(index).row());
        openAt(q.articleId, q.start);
    });
    connect(m_entityArticlesTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &a = m_entityArticles->articleAt(m_entityArticlesProxy->mapToSource(index).row());
        openAt(a.articleId, a.firstStart);
    });
    connect(m_figuresTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &f = m_figures->figureAt(m_figuresProxy->mapToSource(index).row());
        openAt(f.articleId, f.start);
    });

    computeVisibleTab();
}

InsightsView::~InsightsView()
{
    for (const auto &cancel : m_cancel) {
        if (cancel)
            cancel->store(true);
    }
    m_pool.waitForDone();
}

QTableView *InsightsView::makeTable(const QString &name, InsightsTableModel *model,
                                    InsightsFilterModel **proxy)
{
    *proxy = new InsightsFilterModel(this);
    (*proxy)->setSourceModel(model);
    auto *view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(*proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the order the query gives until a header is clicked
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    // Columns as wide as what they hold (measured on the first rows only, so a large table stays
    // quick), none wider than a third of the view: short counts leave room for outlets and roles.
    view->horizontalHeader()->setResizeContentsPrecision(200);
    connect(model, &QAbstractItemModel::modelReset, view, [view] {
        view->resizeColumnsToContents();
        const int widest = std::max(160, view->viewport()->width() / 3);
        for (int c = 0; c < view->model()->columnCount(); ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c), widest));
    });
    return view;
}

void InsightsView::setScope(const Insights::Scope &scope)
{
    m_scope = scope;
    refresh();
}

void InsightsView::refresh()
{
    for (bool &dirty : m_dirty)
        dirty = true;
    computeVisibleTab();
}

void InsightsView::setStatus(const QString &text)
{
    m_status->setText(text);
}

template<typename T>
void InsightsView::run(Slot slot,
                       std::function<Result<T>(const QSqlDatabase &, const Insights::CancelFlag *)> work,
                       std::function<void(const Result<T> &)> done)
{
    if (m_cancel[slot])
        m_cancel[slot]->store(true);
    auto cancel = std::make_shared<Insights::CancelFlag>(false);
    m_cancel[slot] = cancel;
    const quint64 serial = ++m_serial[slot];
    ++m_running;
    setStatus(tr("Computing\u2026"));
    const QString path = m_libraryPath;
    // The view outlives its tasks (the destructor waits for the pool), and a result for a deleted
    // view is dropped with the queued call.
    (void)QtConcurrent::run(&m_pool, [this, path, cancel, work, done, slot, serial] {
        auto result = std::make_shared<Result<T>>(Result<T>::failure(Insights::cancelledMessage()));
        if (!cancel->load()) {
            ArticleStore store;
            if (Status s = store.open(path); !s)
                *result = Result<T>::failure(s.errorString());
            else
                *result = work(store.database(), cancel.get());
        }
        QMetaObject::invokeMethod(
            this,
            [this, result, done, slot, serial] {
                --m_running;
                if (serial != m_serial[slot])
                    return; // replaced by a newer request
                if (result->ok())
                    setStatus(QString());
                else
                    setStatus(result->errorString());
                done(*result);
                emit updated();
            },
            Qt::QueuedConnection);
    });
}

void InsightsView::computeVisibleTab()
{
    const int tab = m_tabs->currentIndex();
    if (tab < 0 || tab > ChartsTab || !m_dirty[tab])
        return;
    m_dirty[tab] = false;
    switch (Tab(tab)) {
    case SourcesTab:
        computeSources();
        break;
    case EntitiesTab:
        computeEntities();
        break;
    case FiguresTab:
        computeFigures();
        break;
    case ChartsTab:
        computeCharts();
        break;
    }
}

void InsightsView::computeSources()
{
    const Insights::Scope scope = m_scope;
    run<QList<Insights::SourceRow>>(
        SourcesSlot,
        [scope](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            // Keeps "Blinken" with "Antony Blinken" as new articles arrive (the user's decisions stay).
            (void)SpeakerIdentities(db).refreshAutomatic();
            return Insights::sources(db, scope, cancel);
        },
        [this](const Result<QList<Insights::SourceRow>> &rows) {
            m_sources->setRows(rows.ok() ? *rows : QList<Insights::SourceRow>());
            m_quotes->setRows({});
        });
}

void InsightsView::showSourcesMenu(const QPoint &pos)
{
    QStringList speakers;
    QStringList merged; // names merged into a selected speaker
    for (const QModelIndex &index : m_sourcesTable->selectionModel()->selectedRows()) {
        const Insights::SourceRow &row = m_sources->sourceAt(m_sourcesProxy->mapToSource(index).row());
        speakers.append(row.speaker);
        for (const QString &name : row.names) {
            if (name != row.speaker)
                merged.append(name);
        }
    }
    if (speakers.isEmpty())
        return;
    QMenu menu(this);
    QAction *merge = menu.addAction(tr("&Merge %1 Speakers into One…").arg(speakers.size()));
    merge->setObjectName(u"mergeSpeakersAction"_s);
    merge->setEnabled(speakers.size() >= 2);
    QAction *apart = menu.addAction(tr("&Keep Names Apart (%1)").arg(merged.join(u", "_s)));
    apart->setObjectName(u"keepApartAction"_s);
    apart->setEnabled(!merged.isEmpty());
    if (merged.isEmpty())
        apart->setText(tr("&Keep Names Apart"));
    QAction *chosen = menu.exec(m_sourcesTable->viewport()->mapToGlobal(pos));
    if (chosen == merge) {
        QString kept;
        if (m_askKeep(speakers, &kept))
            mergeSpeakers(speakers, kept);
    } else if (chosen == apart) {
        keepSpeakersApart(merged);
    }
}

void InsightsView::mergeSpeakers(const QStringList &names, const QString &identity)
{
    run<int>(
        SpeakersSlot,
        [names, identity](const QSqlDatabase &db, const Insights::CancelFlag *) -> Result<int> {
            SpeakerIdentities identities(db);
            // The kept name may be merged into another one itself: it becomes a speaker of its own
            // first, so that the others join it and not that one.
            if (auto of = identities.identityOf(identity); of && *of != identity) {
                if (Status s = identities.keepApart(identity); !s)
                    return Result<int>::failure(s.errorString());
            }
            int merged = 0;
            for (const QString &name : names) {
                if (name == identity)
                    continue;
                if (Status s = identities.merge(name, identity); !s)
                    return Result<int>::failure(s.errorString());
                ++merged;
            }
            return merged;
        },
        [this, identity](const Result<int> &merged) {
            if (merged.ok())
                setStatus(tr("%1 speakers are now counted as %2.").arg(*merged + 1).arg(identity));
            refresh();
        });
}

void InsightsView::keepSpeakersApart(const QStringList &names)
{
    run<int>(
        SpeakersSlot,
        [names](const QSqlDatabase &db, const Insights::CancelFlag *) -> Result<int> {
            SpeakerIdentities identities(db);
            for (const QString &name : names) {
                if (Status s = identities.keepApart(name); !s)
                    return Result<int>::failure(s.errorString());
            }
            return int(names.size());
        },
        [this](const Result<int> &apart) {
            if (apart.ok())
                setStatus(tr("%1 names are speakers of their own again.").arg(*apart));
            refresh();
        });
}

void InsightsView::computeCharts()
{
    const Insights::Scope scope = m_scope;
    run<ChartData>(
        ChartsSlot,
        [scope](const QSqlDatabase &db, const Insights::CancelFlag *cancel) -> Result<ChartData> {
            (void)SpeakerIdentities(db).refreshAutomatic();
            ChartData data;
            auto sources = Insights::sources(db, scope, cancel);
            if (!sources)
                return Result<ChartData>::failure(sources.errorString());
            data.sources = std::move(sources).value();
            QStringList speakers;
            for (const Insights::SourceRow &row : std::as_const(data.sources)) {
                if (speakers.size() == TimelineTop)
                    break;
                speakers.append(row.speaker);
            }
            auto quotes = Insights::quotesOverTime(db, scope, speakers, cancel);
            if (!quotes)
                return Result<ChartData>::failure(quotes.errorString());
            data.quotesOverTime = std::move(quotes).value();
            QList<QPair<QString, QString>> named;
            auto entities = Insights::entities(db, scope, {}, cancel);
            if (!entities)
                return Result<ChartData>::failure(entities.errorString());
            for (const Insights::EntityRow &row : std::as_const(*entities)) {
                if (named.size() == TimelineTop)
                    break;
                if (row.type == u"PERSON"_s || row.type == u"ORG"_s || row.type == u"LOC"_s)
                    named.append({ row.canonical, row.type });
            }
            auto mentions = Insights::mentionsOverTime(db, scope, named, cancel);
            if (!mentions)
                return Result<ChartData>::failure(mentions.errorString());
            data.mentionsOverTime = std::move(mentions).value();
            return data;
        },
        [this](const Result<ChartData> &data) { m_charts->setData(data.ok() ? *data : ChartData()); });
}

void InsightsView::showSpeakerQuotes()
{
    const QModelIndex current = m_sourcesTable->currentIndex();
    if (!current.isValid()) {
        m_quotes->setRows({});
        return;
    }
    const QString speaker = m_sources->sourceAt(m_sourcesProxy->mapToSource(current).row()).speaker;
    const Insights::Scope scope = m_scope;
    run<QList<Insights::SpeakerQuote>>(
        QuotesSlot,
        [scope, speaker](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            return Insights::quotesBy(db, speaker, scope, 60, 1000, cancel);
        },
        [this](const Result<QList<Insights::SpeakerQuote>> &rows) {
            m_quotes->setRows(rows.ok() ? *rows : QList<Insights::SpeakerQuote>());
        });
}

void InsightsView::computeEntities()
{
    const Insights::Scope scope = m_scope;
    const QString type = m_entityType->currentData().toString();
    run<QList<Insights::EntityRow>>(
        EntitiesSlot,
        [scope, type](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            return Insights::entities(db, scope, type, cancel);
        },
        [this](const Result<QList<Insights::EntityRow>> &rows) {
            m_entities->setRows(rows.ok() ? *rows : QList<Insights::EntityRow>());
            m_entityArticles->setRows({});
        });
    run<QList<Insights::CooccurrenceRow>>(
        PairsSlot,
        [scope, type](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            return Insights::cooccurrence(
                db, scope, 200, type == u"DATE"_s || type == u"NUMBER"_s ? QString() : type, cancel);
        },
        [this](const Result<QList<Insights::CooccurrenceRow>> &rows) {
            m_pairs->setRows(rows.ok() ? *rows : QList<Insights::CooccurrenceRow>());
        });
}

void InsightsView::showEntityArticles()
{
    const QModelIndex current = m_entitiesTable->currentIndex();
    if (!current.isValid()) {
        m_entityArticles->setRows({});
        return;
    }
    const Insights::EntityRow entity = m_entities->entityAt(m_entitiesProxy->mapToSource(current).row());
    const Insights::Scope scope = m_scope;
    run<QList<Insights::ArticleRef>>(
        EntityArticlesSlot,
        [scope, entity](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            return Insights::articlesNaming(db, entity.canonical, entity.type, scope, cancel);
        },
        [this](const Result<QList<Insights::ArticleRef>> &rows) {
            m_entityArticles->setRows(rows.ok() ? *rows : QList<Insights::ArticleRef>());
        });
}

void InsightsView::computeFigures()
{
    const Insights::Scope scope = m_scope;
    const bool conflictsOnly = m_conflictsOnly->isChecked();
    run<QList<Insights::FigureRow>>(
        FiguresSlot,
        [scope, conflictsOnly](const QSqlDatabase &db, const Insights::CancelFlag *cancel) {
            return Insights::figures(db, scope, conflictsOnly, cancel);
        },
        [this](const Result<QList<Insights::FigureRow>> &rows) {
            m_figures->setRows(rows.ok() ? *rows : QList<Insights::FigureRow>());
        });
}

void InsightsView::openAt(qint64 articleId, qint64 codePointOffset)
{
    // The window works in UTF-16; the store counts code points. The body is read on the worker.
    run<qint64>(
        OpenSlot,
        [articleId, codePointOffset](const QSqlDatabase &db, const Insights::CancelFlag *) {
            return Insights::utf16Offset(db, articleId, codePointOffset);
        },
        [this, articleId](const Result<qint64> &offset) {
            if (offset.ok() && *offset >= 0)
                emit openArticleRequested(articleId, *offset);
        });
}

void InsightsView::exportCurrentTable()
{
    QTableView *table = nullptr;
    InsightsTableModel *model = nullptr;
    InsightsFilterModel *proxy = nullptr;
    switch (Tab(m_tabs->currentIndex())) {
    case SourcesTab:
        table = m_sourcesTable, model = m_sources, proxy = m_sourcesProxy;
        break;
    case EntitiesTab:
        table = m_entitiesTable, model = m_entities, proxy = m_entitiesProxy;
        break;
    case FiguresTab:
        table = m_figuresTable, model = m_figures, proxy = m_figuresProxy;
        break;
    case ChartsTab:
        break; // the chart saves itself (Save Chart…)
    }
    if (!table)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // What the table shows, in its order and filter.
    const Status s = Insights::writeCsvFile(path, model->shape(), {}, [&](Insights::TableWriter &writer) {
        for (int r = 0; r < proxy->rowCount(); ++r)
            writer.writeRow(model->csvCells(proxy->mapToSource(proxy->index(r, 0)).row()));
    });
    setStatus(s.ok() ? tr("Exported %n rows to %1.", nullptr, proxy->rowCount()).arg(path) : s.errorString());
}

} // namespace Lede
