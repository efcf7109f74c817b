// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "MessageBar.h"
#include "Result.h"
#include "Span.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

class QMenu;
class QWidget;

namespace Lede {

class ArticleSession;

// The review step in the window: the reader is the last word on every automatic layer. These build
// the context-menu entries that correct the open article's quotes and entities through the
// ArticleSession (each correction one undo step, kept through every re-analysis):
//   on a quote      Change Speaker… (the article's people and organisations, or a typed name, or
//                   unknown) and Not a Quote;
//   on an entity    Type ▸ (Person, Organisation, Place, Date), Rename… and Not an Entity, for all
//                   the mentions the reader means;
//   on a selection  Mark as Quote… and Mark as Entity ▸.
// The menus come from the document view (what is under the pointer) and the side panel's Quotes
// and Entities tabs.
class LayerCorrectionActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerCorrectionActions)

public:
    LayerCorrectionActions(ArticleSession *session, QWidget *window);
    ~LayerCorrectionActions() override;

    void addQuoteActions(QMenu *menu, int quoteIndex);
    // entityIndexes: every mention the entry stands for (one undo step for all).
    void addEntityActions(QMenu *menu, const QList<int> &entityIndexes);
    void addSelectionActions(QMenu *menu, Span selection);
    // What is under a body position (the document view's context menu): its quote and entity.
    void addActionsAt(QMenu *menu, qsizetype position);

    // The speakers to offer for a quote: people and organisations named in the article (canonical
    // names), then other speakers already given, each once.
    QStringList speakerCandidates() const;

    // The dialog that asks for a speaker; replaceable for tests. Returns false when cancelled.
    using SpeakerPrompt = std::function<bool(const QString &title, const QStringList &candidates,
                                             const QString &current, QString *speaker)>;
    void setSpeakerPrompt(SpeakerPrompt prompt) { m_askSpeaker = std::move(prompt); }
    using NamePrompt = std::function<bool(const QString &current, QString *name)>;
    void setNamePrompt(NamePrompt prompt) { m_askName = std::move(prompt); }
    using TypePrompt = std::function<bool(Entity::Type current, Entity::Type *chosen)>;
    void setTypePrompt(TypePrompt prompt) { m_askType = std::move(prompt); }

    // The prompts, for the review bar: false when the reader cancelled.
    bool askSpeaker(const QString &title, const QString &current, QString *speaker) const
    {
        return m_askSpeaker(title, speakerCandidates(), current, speaker);
    }
    bool askType(Entity::Type current, Entity::Type *chosen) const { return m_askType(current, chosen); }
    // The entity types a reader can choose, in menu order, and their names.
    static QList<Entity::Type> choosableTypes();
    static QString typeLabel(Entity::Type type);

signals:
    void message(const QString &text, MessageBar::Kind kind);

private:
    void report(const Status &status);

    ArticleSession *m_session;
    QWidget *m_window;
    SpeakerPrompt m_askSpeaker;
    NamePrompt m_askName;
    TypePrompt m_askType;
};

} // namespace Lede
