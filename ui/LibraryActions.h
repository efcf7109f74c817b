// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MessageBar.h"

#include <QObject>

class QAction;
class QWidget;

namespace Lede {

class ArticleSession;
class LibraryPane;

// The actions on whole articles: delete the selected articles (Delete in the list; asks first,
// naming what goes with them), edit the details of one (F2) and merge two duplicates. They change
// the library only through the ArticleSession, so Ctrl+Z undoes each. They act on the articles
// selected in the LibraryPane, or on the open article when the list has no selection.
class LibraryActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryActions)

public:
    LibraryActions(ArticleSession *session, LibraryPane *pane, QWidget *window);
    ~LibraryActions() override;

    QList<QAction *> actions() const;
    void updateActions();

    void deleteSelected();
    void editDetails();
    void mergeSelected();

    // The confirmation text for deleting: "Delete 3 articles with 12 highlights and 4 notes?"
    static QString deletionQuestion(int articles, int highlights, int notes, const QString &title);

signals:
    void message(const QString &text, MessageBar::Kind kind);

private:
    QList<qint64> targets() const;
    void error(const QString &text) { emit message(text, MessageBar::Kind::Error); }

    ArticleSession *m_session;
    LibraryPane *m_pane;
    QWidget *m_window;
    QAction *m_delete;
    QAction *m_details;
    QAction *m_merge;
};

} // namespace Lede
