// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryPane.h"

#include "LibraryModel.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

LibraryPane::LibraryPane(LibraryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"libraryPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"librarySearch"_s);
    m_search->setAccessibleName(tr("Search the library"));
    m_search->setPlaceholderText(tr("Search titles, text and notes…"));
    m_search->setToolTip(
        tr("Words find titles, article text and your notes. Filters: speaker:\"Name\", "
           "person:Name, org:Name, place:Name, tag:Parent/Child (quote names with spaces)."));
    m_search->setClearButtonEnabled(true);
    m_tagFilter = new QComboBox(this);
    m_tagFilter->setObjectName(u"tagFilter"_s);
    m_tagFilter->setAccessibleName(tr("Show articles with tag"));
    m_list = new QTableView(this);
    m_list->setObjectName(u"articleList"_s);
    m_list->setAccessibleName(tr("Articles"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    QHeaderView *header = m_list->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    // Fixed widths: ResizeToContents would measure every row of a 100,000-article library.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(LibraryModel::TitleColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_list->fontMetrics();
    header->resizeSection(LibraryModel::SourceColumn, fm.horizontalAdvance(u"Reuters"_s) + 8);
    header->resizeSection(LibraryModel::PublishedColumn, fm.horizontalAdvance(u"2024-12-31 "_s));
    header->resizeSection(LibraryModel::AnnotationsColumn, fm.horizontalAdvance(u"Notes "_s) + 8);
    header->setMinimumSectionSize(30);
    header->setHighlightSections(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    m_list->setShowGrid(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_search);
    layout->addWidget(m_tagFilter);
    layout->addWidget(m_list, 1);

    // Search as you type, after a short pause so a fast typist does not run a query per key.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &LibraryPane::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applySearch();
        m_list->setFocus();
        if (m_model->rowCount() > 0)
            m_list->selectRow(0);
    });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setTagFilter(m_tagFilter->currentData().toLongLong()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const ArticleSummary *a = m_model->articleAt(current))
                    emit articleChosen(a->id);
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryPane::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LibraryPane::selectionChanged);
}

int LibraryPane::sortColumn() const
{
    return m_list->horizontalHeader()->sortIndicatorSection();
}

Qt::SortOrder LibraryPane::sortOrder() const
{
    return m_list->horizontalHeader()->sortIndicatorOrder();
}

void LibraryPane::setSort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_model->columnCount()) {
        m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_model->sort(-1, Qt::AscendingOrder);
        return;
    }
    m_list->sortByColumn(column, order);
}

void LibraryPane::setArticleActions(const QList<QAction *> &actions,
                                    const QHash<QAction *, QKeySequence> &listKeys)
{
    for (QAction *a : actions) {
        auto *local = new QAction(a->icon(), a->text(), m_list);
        local->setObjectName(a->objectName() + u"InList"_s);
        // The window's action carries its own shortcut; a second one here would be ambiguous.
        if (listKeys.contains(a)) {
            local->setShortcut(listKeys.value(a));
            local->setShortcutContext(Qt::WidgetShortcut);
        }
        local->setEnabled(a->isEnabled());
        connect(a, &QAction::changed, local, [a, local] { local->setEnabled(a->isEnabled()); });
        connect(local, &QAction::triggered, a, &QAction::trigger);
        m_list->addAction(local);
    }
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void LibraryPane::setFeedsPanel(QWidget *panel)
{
    if (m_feeds)
        return;
    m_feeds = panel;
    m_feedsHeader = new QToolButton(this);
    m_feedsHeader->setObjectName(u"feedsHeader"_s);
    m_feedsHeader->setText(tr("Feeds"));
    m_feedsHeader->setToolTip(tr("Show or hide the feed subscriptions"));
    m_feedsHeader->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_feedsHeader->setAutoRaise(true);
    m_feedsHeader->setCheckable(true);
    auto *box = qobject_cast<QVBoxLayout *>(layout());
    box->addWidget(m_feedsHeader);
    panel->setParent(this);
    panel->setMaximumHeight(fontMetrics().height() * 12);
    box->addWidget(panel);
    connect(m_feedsHeader, &QToolButton::toggled, this, &LibraryPane::setFeedsVisible);
    setFeedsVisible(true);
}

void LibraryPane::setFeedsVisible(bool visible)
{
    if (!m_feeds)
        return;
    QSignalBlocker block(m_feedsHeader);
    m_feedsHeader->setChecked(visible);
    m_feedsHeader->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_feeds->setVisible(visible);
}

LibraryPane::~LibraryPane() = default;

void LibraryPane::applySearch()
{
    m_model->setSearch(m_search->text().trimmed());
}

void LibraryPane::setTags(const QList<Tag> &tags)
{
    const qint64 filter = m_tagFilter->currentData().toLongLong();
    QSignalBlocker block(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All articles"), qint64(0));
    for (const Tag &t : tags)
        m_tagFilter->addItem(tr("Tagged: %1 (%2)").arg(t.path).arg(t.useCount), t.id);
    m_tagFilter->setCurrentIndex(std::max(0, m_tagFilter->findData(filter)));
}

void LibraryPane::showArticlesWithTag(qint64 tagId)
{
    const int i = m_tagFilter->findData(tagId);
    if (i >= 0)
        m_tagFilter->setCurrentIndex(i);
}

void LibraryPane::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void LibraryPane::selectArticle(qint64 articleId)
{
    const int row = m_model->rowOfArticle(articleId);
    if (row >= 0 && m_list->currentIndex().row() != row) {
        QSignalBlocker block(m_list->selectionModel());
        m_list->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

QList<qint64> LibraryPane::selectedArticleIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_list->selectionModel()->selectedRows()) {
        if (const ArticleSummary *a = m_model->articleAt(i))
            ids << a->id;
    }
    return ids;
}

} // namespace Lede
