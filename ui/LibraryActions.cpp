// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryActions.h"

#include "ArticleDetailsDialog.h"
#include "LibraryPane.h"
#include "UiHelpers.h"
#include "library/ArticleEditing.h"
#include "session/ArticleSession.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Lede {

LibraryActions::LibraryActions(ArticleSession *session, LibraryPane *pane, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_pane(pane)
    , m_window(window)
{
    m_delete = makeAction(window, u"deleteArticlesAction"_s, tr("&Delete Articles…"), u"delete"_s);
    m_delete->setToolTip(tr("Delete the selected articles with their highlights and notes (Delete; Ctrl+Z "
                            "brings them back)"));
    connect(m_delete, &QAction::triggered, this, &LibraryActions::deleteSelected);
    m_details = makeAction(window, u"editDetailsAction"_s, tr("Edit &Details…"));
    m_details->setShortcut(QKeySequence(Qt::Key_F2));
    m_details->setToolTip(tr("Edit the title, source, date, byline and web address (F2)"));
    connect(m_details, &QAction::triggered, this, &LibraryActions::editDetails);
    m_merge = makeAction(window, u"mergeArticlesAction"_s, tr("&Merge Duplicates…"));
    m_merge->setToolTip(tr("Keep one of two selected articles and move the other's highlights and notes onto "
                           "it"));
    connect(m_merge, &QAction::triggered, this, &LibraryActions::mergeSelected);
    // The list owns these keys: Delete and F2 elsewhere (a note being typed) keep their meaning.
    pane->setArticleActions({ m_details, m_merge, m_delete },
                            { { m_delete, QKeySequence(QKeySequence::Delete) } });
}

LibraryActions::~LibraryActions() = default;

QList<QAction *> LibraryActions::actions() const
{
    return { m_details, m_merge, m_delete };
}

QList<qint64> LibraryActions::targets() const
{
    QList<qint64> ids = m_pane->selectedArticleIds();
    if (ids.isEmpty() && m_session->isOpen())
        ids << m_session->articleId();
    return ids;
}

void LibraryActions::updateActions()
{
    const qsizetype n = targets().size();
    m_delete->setEnabled(n > 0);
    m_details->setEnabled(n == 1);
    m_merge->setEnabled(m_pane->selectedArticleIds().size() == 2);
}

QString LibraryActions::deletionQuestion(int articles, int highlights, int notes, const QString &title)
{
    const QString what
        = articles == 1 && !title.isEmpty() ? tr("“%1”").arg(title) : tr("%n article(s)", nullptr, articles);
    if (highlights == 0 && notes == 0)
        return tr("Delete %1 (no highlights or notes)?").arg(what);
    return tr("Delete %1 with %2 and %3?")
        .arg(what, tr("%n highlight(s)", nullptr, highlights), tr("%n note(s)", nullptr, notes));
}

void LibraryActions::deleteSelected()
{
    const QList<qint64> ids = targets();
    if (ids.isEmpty()) {
        emit message(tr("Select the articles to delete in the library list."), MessageBar::Kind::Information);
        return;
    }
    auto counts = countDeletion(*m_session->store(), ids);
    if (!counts) {
        error(tr("Cannot delete: %1").arg(counts.errorString()));
        return;
    }
    QString title;
    if (ids.size() == 1) {
        if (auto article = ArticleRepository(*m_session->store()).article(ids.first()))
            title = article->title;
    }
    QMessageBox box(QMessageBox::Question, tr("Delete Articles"),
                    deletionQuestion(counts->articles, counts->highlights, counts->notes, title),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(u"deleteArticlesBox"_s);
    box.setInformativeText(tr("Edit → Undo (Ctrl+Z) brings them back while this window is open."));
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (const Status s = m_session->removeArticles(ids); !s)
        error(tr("Cannot delete: %1").arg(s.errorString()));
    else
        emit message(tr("Deleted %n article(s). Ctrl+Z brings them back.", nullptr, counts->articles),
                     MessageBar::Kind::Information);
}

void LibraryActions::editDetails()
{
    const QList<qint64> ids = targets();
    if (ids.size() != 1) {
        emit message(tr("Select one article to edit its details."), MessageBar::Kind::Information);
        return;
    }
    auto article = ArticleRepository(*m_session->store()).article(ids.first());
    if (!article) {
        error(article.errorString());
        return;
    }
    ArticleDetailsDialog dialog(detailsOf(*article), m_window);
    dialog.showOrigin(*article);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Status s = m_session->setArticleDetails(article->id, dialog.details()); !s)
        error(tr("Cannot change the details: %1").arg(s.errorString()));
}

void LibraryActions::mergeSelected()
{
    const QList<qint64> ids = m_pane->selectedArticleIds();
    if (ids.size() != 2) {
        emit message(tr("Select two articles in the library list to merge them."),
                     MessageBar::Kind::Information);
        return;
    }
    QList<Article> articles;
    QList<int> counts;
    for (qint64 id : ids) {
        auto article = ArticleRepository(*m_session->store()).article(id);
        auto annotations = AnnotationRepository(*m_session->store()).annotations(id);
        if (!article || !annotations) {
            error(article ? annotations.errorString() : article.errorString());
            return;
        }
        articles << *article;
        counts << int(annotations->size());
    }
    auto describe = [&](int i) {
        const Article &a = articles.at(i);
        QStringList parts { tr("article %1").arg(a.id) };
        if (!a.source.isEmpty())
            parts << a.source;
        if (a.published.isValid())
            parts << a.published.toString(Qt::ISODate);
        parts << tr("%n annotation(s)", nullptr, counts.at(i));
        return tr("“%1” (%2)").arg(a.title, parts.join(u", "_s));
    };
    QMessageBox box(
        QMessageBox::Question, tr("Merge Duplicates"),
        tr("Which article do you keep? The other one's highlights and notes move onto it (placed on "
           "its text; those whose passage is gone are kept as orphans in the Notes tab), then the other "
           "one is deleted.\n\n1. %1\n2. %2")
            .arg(describe(0), describe(1)),
        QMessageBox::Cancel, m_window);
    box.setObjectName(u"mergeArticlesBox"_s);
    QPushButton *first = box.addButton(tr("Keep &1"), QMessageBox::AcceptRole);
    first->setObjectName(u"keepFirst"_s);
    QPushButton *second = box.addButton(tr("Keep &2"), QMessageBox::AcceptRole);
    second->setObjectName(u"keepSecond"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    int keep = -1;
    if (box.clickedButton() == first)
        keep = 0;
    else if (box.clickedButton() == second)
        keep = 1;
    if (keep < 0)
        return;
    auto report = m_session->mergeArticles(ids.at(keep), ids.at(1 - keep));
    if (!report) {
        error(tr("Cannot merge: %1").arg(report.errorString()));
        return;
    }
    emit message(tr("Merged: %1 kept exactly, %2 moved, %3 orphaned. Ctrl+Z undoes the merge.")
                     .arg(report->exact)
                     .arg(report->fuzzy)
                     .arg(report->orphaned),
                 report->orphaned > 0 ? MessageBar::Kind::Warning : MessageBar::Kind::Information);
}

} // namespace Lede
