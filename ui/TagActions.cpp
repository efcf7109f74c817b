// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagActions.h"

#include "Layers.h"
#include "SidePanel.h"
#include "UiHelpers.h"
#include "session/ArticleSession.h"
#include "store/TagRepository.h"

#include <QAction>
#include <QColorDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Lede {

TagActions::TagActions(ArticleSession *session, SidePanel *side, TagSource tags, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_side(side)
    , m_tags(std::move(tags))
    , m_window(window)
{
    m_rename = makeAction(window, u"renameTagAction"_s, tr("&Rename Tag…"));
    connect(m_rename, &QAction::triggered, this, &TagActions::renameCurrentTag);
    m_recolor = makeAction(window, u"recolorTagAction"_s, tr("Tag &Color…"));
    connect(m_recolor, &QAction::triggered, this, &TagActions::recolorCurrentTag);
    m_move = makeAction(window, u"moveTagAction"_s, tr("&Move Tag…"));
    connect(m_move, &QAction::triggered, this, &TagActions::moveCurrentTag);
    m_delete = makeAction(window, u"deleteTagAction"_s, tr("&Delete Tag…"));
    connect(m_delete, &QAction::triggered, this, &TagActions::deleteCurrentTag);
    m_filter = makeAction(window, u"filterByTagAction"_s, tr("Show &Articles with This Tag"));
    connect(m_filter, &QAction::triggered, this,
            [this] { emit showArticlesWithTag(m_side->currentTagId()); });
}

TagActions::~TagActions() = default;

QList<QAction *> TagActions::actions() const
{
    return { m_rename, m_recolor, m_move, m_delete, m_filter };
}

void TagActions::updateActions()
{
    const bool tag = m_side->currentTagId() != 0;
    for (QAction *a : actions())
        a->setEnabled(tag);
}

std::optional<Tag> TagActions::currentTag() const
{
    auto tag = TagRepository(*m_session->store()).tag(m_side->currentTagId());
    if (!tag)
        return std::nullopt;
    return tag.value();
}

void TagActions::renameCurrentTag()
{
    const auto tag = currentTag();
    if (!tag)
        return;
    bool ok = false;
    const QString name
        = QInputDialog::getText(m_window, tr("Rename Tag"), tr("New name for “%1”:").arg(tag->path),
                                QLineEdit::Normal, tag->name, &ok);
    if (!ok || name.trimmed().isEmpty() || name == tag->name)
        return;
    if (const Status s = m_session->renameTag(tag->id, name); !s)
        error(tr("Cannot rename the tag: %1").arg(s.errorString()));
}

void TagActions::recolorCurrentTag()
{
    const auto tag = currentTag();
    if (!tag)
        return;
    const QColor c = QColorDialog::getColor(tag->color.isEmpty() ? defaultHighlightColor()
                                                                 : QColor::fromString(tag->color),
                                            m_window, tr("Color of “%1”").arg(tag->path));
    if (!c.isValid())
        return;
    if (const Status s = m_session->setTagColor(tag->id, c.name()); !s)
        error(tr("Cannot change the tag color: %1").arg(s.errorString()));
}

void TagActions::moveCurrentTag()
{
    const auto tag = currentTag();
    if (!tag)
        return;
    QStringList parents { tr("(top level)") };
    QList<qint64> parentIds { 0 };
    for (const Tag &t : m_tags()) {
        // A tag cannot move under itself or its own descendants.
        if (t.id != tag->id && !t.path.startsWith(tag->path + u'/')) {
            parents << t.path;
            parentIds << t.id;
        }
    }
    bool ok = false;
    const QString choice
        = QInputDialog::getItem(m_window, tr("Move Tag"), tr("Move “%1” under:").arg(tag->path), parents,
                                int(parentIds.indexOf(tag->parentId)), false, &ok);
    if (!ok)
        return;
    const qint64 parent = parentIds.value(parents.indexOf(choice));
    if (parent == tag->parentId)
        return;
    if (const Status s = m_session->moveTag(tag->id, parent); !s)
        error(tr("Cannot move the tag: %1").arg(s.errorString()));
}

void TagActions::deleteCurrentTag()
{
    const auto tag = currentTag();
    if (!tag)
        return;
    QMessageBox box(
        QMessageBox::Question, tr("Delete Tag"),
        tr("Delete the tag “%1” and its sub-tags? It is used by %n highlight(s).", nullptr, tag->useCount)
            .arg(tag->path),
        QMessageBox::Cancel, m_window);
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
    if (const Status s = m_session->removeTag(tag->id, mode); !s)
        error(tr("Cannot delete the tag: %1").arg(s.errorString()));
    else
        emit articlesChanged();
}

} // namespace Lede
