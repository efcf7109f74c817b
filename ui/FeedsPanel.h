// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QTreeWidget;

namespace Lede {

class ArticleStore;
class FeedController;

// The Feeds section of the library pane: the subscriptions (title, articles in the library, last
// update; the address and the last error in the tooltip, a failed feed marked with ⚠) with Add…,
// Update All, Update (the selected feeds) and Remove, in a small tool bar (which folds what does not
// fit behind its » button, so the pane stays narrow) and the list's context menu. The work is the
// FeedController's; the list refreshes when it reports a change.
class FeedsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedsPanel)

public:
    FeedsPanel(ArticleStore *store, FeedController *controller, QWidget *parent = nullptr);
    ~FeedsPanel() override;

    void refresh();
    QList<qint64> selectedFeedIds() const;
    int feedCount() const;

private:
    void updateButtons();

    ArticleStore *m_store;
    FeedController *m_controller;
    QTreeWidget *m_list;
    QAction *m_add;
    QAction *m_updateAll;
    QAction *m_update;
    QAction *m_remove;
};

} // namespace Lede
