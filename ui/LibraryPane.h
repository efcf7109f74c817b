// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"

#include <QHash>
#include <QKeySequence>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace Lede {

class LibraryModel;

// The library pane on the left of the window: search field (search as you type), tag filter and the
// article list. It shows the LibraryModel and tells the window which article the reader picked; it
// never opens articles itself.
class LibraryPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPane)

public:
    explicit LibraryPane(LibraryModel *model, QWidget *parent = nullptr);
    ~LibraryPane() override;

    // Rebuilds the tag filter ("All articles" and one entry per tag), keeping the chosen tag.
    void setTags(const QList<Tag> &tags);
    // Shows only the articles with this tag (when the filter offers it).
    void showArticlesWithTag(qint64 tagId);
    void focusSearch();
    // Makes the article's row current without emitting articleChosen().
    void selectArticle(qint64 articleId);
    QList<qint64> selectedArticleIds() const;
    // The list's sort: a LibraryModel column, or -1 for newest imports first.
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;
    void setSort(int column, Qt::SortOrder order);
    // Actions on the selected articles, for the list's context menu; `listKeys` gives keys that
    // trigger an action only while the list has the focus (Delete, which elsewhere edits text).
    void setArticleActions(const QList<QAction *> &actions,
                           const QHash<QAction *, QKeySequence> &listKeys = {});
    // Puts the Feeds section (the window's FeedsPanel) below the list, under a "Feeds" header that
    // shows and hides it.
    void setFeedsPanel(QWidget *panel);
    void setFeedsVisible(bool visible);

signals:
    // The reader moved to another row of the list.
    void articleChosen(qint64 articleId);
    void selectionChanged();

private:
    void applySearch();

    LibraryModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_tagFilter;
    QTableView *m_list;
    QTimer *m_searchTimer;
    QToolButton *m_feedsHeader = nullptr;
    QWidget *m_feeds = nullptr;
};

} // namespace Lede
