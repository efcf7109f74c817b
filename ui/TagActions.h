// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "MessageBar.h"

#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace Lede {

class ArticleSession;
class SidePanel;

// The Tags actions on the codebook: show the articles with the current tag, rename, recolour, move
// and delete it (asking what becomes of its highlights). They act on the SidePanel's current tag and
// change the codebook only through the ArticleSession, so every change can be undone.
class TagActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagActions)

public:
    using TagSource = std::function<QList<Tag>()>;

    TagActions(ArticleSession *session, SidePanel *side, TagSource tags, QWidget *window);
    ~TagActions() override;

    QList<QAction *> actions() const;
    void updateActions();

    void renameCurrentTag();
    void recolorCurrentTag();
    void moveCurrentTag();
    void deleteCurrentTag();

signals:
    void message(const QString &text, MessageBar::Kind kind);
    void showArticlesWithTag(qint64 tagId);
    // Articles may have lost highlights (a tag deleted with its highlights).
    void articlesChanged();

private:
    std::optional<Tag> currentTag() const;
    void error(const QString &text) { emit message(text, MessageBar::Kind::Error); }

    ArticleSession *m_session;
    SidePanel *m_side;
    TagSource m_tags;
    QWidget *m_window;
    QAction *m_filter;
    QAction *m_rename;
    QAction *m_recolor;
    QAction *m_move;
    QAction *m_delete;
};

} // namespace Lede
