// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedsPanel.h"

#include "FeedController.h"
#include "store/ArticleStore.h"
#include "store/FeedRepository.h"

#include <QAction>
#include <QHeaderView>
#include <QLocale>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum Column { TitleColumn, ArticlesColumn, UpdatedColumn };

} // namespace

FeedsPanel::FeedsPanel(ArticleStore *store, FeedController *controller, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_controller(controller)
{
    setObjectName(u"feedsPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"feedList"_s);
    m_list->setAccessibleName(tr("Feeds"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({ tr("Feed"), tr("Articles"), tr("Updated") });
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ArticlesColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(UpdatedColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto *bar = new QToolBar(this);
    bar->setObjectName(u"feedsToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setIconSize(QSize(16, 16));
    const auto action = [this, bar](const QString &name, const QString &text, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        bar->addAction(a);
        m_list->addAction(a);
        return a;
    };
    m_add = action(u"addFeedAction"_s, tr("&Add…"), tr("Subscribe to an RSS or Atom feed"));
    m_updateAll = action(u"updateAllFeedsAction"_s, tr("Update A&ll"),
                         tr("Fetch every feed and import the items the library does not have yet"));
    m_update = action(u"updateFeedsAction"_s, tr("&Update"),
                      tr("Fetch the selected feeds and import their new items"));
    m_remove = action(u"removeFeedAction"_s, tr("Re&move"),
                      tr("Stop following the selected feed (its articles stay)"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(bar);

    connect(m_add, &QAction::triggered, m_controller, &FeedController::addFeedDialog);
    connect(m_updateAll, &QAction::triggered, this, [this] { m_controller->updateFeeds({}); });
    connect(m_update, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedFeedIds(); !ids.isEmpty())
            m_controller->updateFeeds(ids);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedFeedIds(); ids.size() == 1)
            m_controller->removeFeed(ids.first());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &FeedsPanel::updateButtons);
    connect(m_controller, &FeedController::feedsChanged, this, &FeedsPanel::refresh);
    connect(m_controller, &FeedController::finished, this, &FeedsPanel::updateButtons);
    refresh();
}

FeedsPanel::~FeedsPanel() = default;

void FeedsPanel::refresh()
{
    const QList<qint64> selected = selectedFeedIds();
    m_list->clear();
    if (m_store->isOpen()) {
        auto feeds = FeedRepository(*m_store).feeds();
        for (const Feed &f : feeds ? *feeds : QList<Feed>()) {
            auto *item = new QTreeWidgetItem(m_list);
            const QString title = f.title.isEmpty() ? f.url : f.title;
            item->setText(TitleColumn, f.lastError.isEmpty() ? title : tr("⚠ %1").arg(title));
            item->setData(TitleColumn, Qt::UserRole, f.id);
            item->setText(ArticlesColumn, QString::number(f.itemCount));
            item->setTextAlignment(ArticlesColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(UpdatedColumn,
                          f.updatedAt.isValid()
                              ? QLocale().toString(f.updatedAt.toLocalTime(), QLocale::ShortFormat)
                              : tr("never"));
            QString tip = f.url;
            if (!f.lastError.isEmpty())
                tip += u'\n' + tr("The last update failed: %1").arg(f.lastError);
            for (int c = TitleColumn; c <= UpdatedColumn; ++c)
                item->setToolTip(c, tip);
            item->setSelected(selected.contains(f.id));
        }
    }
    updateButtons();
}

QList<qint64> FeedsPanel::selectedFeedIds() const
{
    QList<qint64> ids;
    for (const QTreeWidgetItem *item : m_list->selectedItems())
        ids << item->data(TitleColumn, Qt::UserRole).toLongLong();
    return ids;
}

int FeedsPanel::feedCount() const
{
    return m_list->topLevelItemCount();
}

void FeedsPanel::updateButtons()
{
    const bool idle = m_store->isOpen() && !m_controller->isRunning();
    const qsizetype selected = m_list->selectedItems().size();
    m_add->setEnabled(idle);
    m_updateAll->setEnabled(idle && feedCount() > 0);
    m_update->setEnabled(idle && selected > 0);
    m_remove->setEnabled(idle && selected == 1);
}

} // namespace Lede
