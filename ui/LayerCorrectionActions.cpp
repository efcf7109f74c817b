// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayerCorrectionActions.h"

#include "Layers.h"
#include "TextExcerpt.h"
#include "session/ArticleSession.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString nameOf(const Entity &e)
{
    return e.canonical.isEmpty() ? e.text : e.canonical;
}

} // namespace

LayerCorrectionActions::LayerCorrectionActions(ArticleSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    m_askSpeaker = [this](const QString &title, const QStringList &candidates, const QString &current,
                          QString *speaker) {
        const QString unknown = tr("(speaker unknown)");
        QStringList items = candidates;
        items.append(unknown);
        qsizetype at = current.isEmpty() ? items.size() - 1 : items.indexOf(current);
        if (at < 0) {
            items.prepend(current);
            at = 0;
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            m_window, title, tr("Who said it? Pick a name or type one:"), items, int(at), true, &ok);
        if (!ok)
            return false;
        *speaker = chosen == unknown ? QString() : chosen.simplified();
        return true;
    };
    m_askType = [this](Entity::Type current, Entity::Type *chosen) {
        QStringList names;
        for (Entity::Type type : choosableTypes())
            names.append(QString(typeLabel(type)).remove(u'&'));
        const int at = int(choosableTypes().indexOf(current));
        bool ok = false;
        const QString picked = QInputDialog::getItem(m_window, tr("Entity Type"), tr("What is it?"), names,
                                                     at < 0 ? 0 : at, false, &ok);
        if (!ok)
            return false;
        *chosen = choosableTypes().at(names.indexOf(picked));
        return true;
    };
    m_askName = [this](const QString &current, QString *name) {
        bool ok = false;
        const QString typed = QInputDialog::getText(m_window, tr("Rename Entity"),
                                                    tr("Name for every mention of “%1”:").arg(current),
                                                    QLineEdit::Normal, current, &ok);
        if (!ok || typed.simplified().isEmpty())
            return false;
        *name = typed.simplified();
        return true;
    };
}

LayerCorrectionActions::~LayerCorrectionActions() = default;

QList<Entity::Type> LayerCorrectionActions::choosableTypes()
{
    return { Entity::Type::Person, Entity::Type::Org, Entity::Type::Loc, Entity::Type::Date };
}

QString LayerCorrectionActions::typeLabel(Entity::Type type)
{
    switch (type) {
    case Entity::Type::Person:
        return tr("&Person");
    case Entity::Type::Org:
        return tr("&Organisation");
    case Entity::Type::Loc:
        return tr("P&lace");
    case Entity::Type::Date:
        return tr("&Date");
    default:
        return tr("&Other");
    }
}

void LayerCorrectionActions::report(const Status &status)
{
    if (!status)
        emit message(status.errorString(), MessageBar::Kind::Error);
}

QStringList LayerCorrectionActions::speakerCandidates() const
{
    QStringList out;
    QSet<QString> seen;
    const AnalysisResult &an = m_session->analysis();
    for (const Entity &e : an.entities) {
        if (e.type != Entity::Type::Person && e.type != Entity::Type::Org)
            continue;
        const QString name = nameOf(e);
        if (!seen.contains(name)) {
            seen.insert(name);
            out.append(name);
        }
    }
    for (const Quote &q : an.quotes) {
        if (!q.speaker.isEmpty() && !seen.contains(q.speaker)) {
            seen.insert(q.speaker);
            out.append(q.speaker);
        }
    }
    return out;
}

void LayerCorrectionActions::addQuoteActions(QMenu *menu, int quoteIndex)
{
    if (!m_session->isOpen() || quoteIndex < 0 || quoteIndex >= m_session->analysis().quotes.size())
        return;
    const Quote quote = m_session->analysis().quotes.at(quoteIndex);
    QAction *speaker = menu->addAction(tr("Change &Speaker…"));
    speaker->setObjectName(u"changeSpeakerAction"_s);
    speaker->setStatusTip(quote.speaker.isEmpty()
                              ? tr("Say who said this quote")
                              : tr("This quote is given to %1; give it to someone else").arg(quote.speaker));
    connect(speaker, &QAction::triggered, this, [this, quoteIndex, quote] {
        QString chosen;
        if (!m_askSpeaker(tr("Change Speaker"), speakerCandidates(), quote.speaker, &chosen))
            return;
        if (chosen == quote.speaker && quote.corrected)
            return;
        report(m_session->setQuoteSpeaker(quoteIndex, chosen));
    });
    QAction *reject = menu->addAction(tr("&Not a Quote"));
    reject->setObjectName(u"notAQuoteAction"_s);
    reject->setStatusTip(
        tr("Remove “%1” from the quotes; re-analysis keeps it removed").arg(excerpt(quote.text, 40)));
    connect(reject, &QAction::triggered, this,
            [this, quoteIndex] { report(m_session->rejectQuote(quoteIndex)); });
}

void LayerCorrectionActions::addEntityActions(QMenu *menu, const QList<int> &entityIndexes)
{
    const QList<Entity> &entities = m_session->analysis().entities;
    if (!m_session->isOpen() || entityIndexes.isEmpty())
        return;
    for (int i : entityIndexes) {
        if (i < 0 || i >= entities.size())
            return;
    }
    const Entity first = entities.at(entityIndexes.first());
    QMenu *types = menu->addMenu(tr("Entity &Type"));
    types->setObjectName(u"entityTypeMenu"_s);
    for (Entity::Type type : choosableTypes()) {
        QAction *a = types->addAction(typeLabel(type));
        a->setObjectName(u"entityType_"_s + entityTypeName(type));
        a->setCheckable(true);
        a->setChecked(first.type == type);
        connect(a, &QAction::triggered, this,
                [this, entityIndexes, type] { report(m_session->setEntityType(entityIndexes, type)); });
    }
    QAction *rename = menu->addAction(tr("&Rename Entity…"));
    rename->setObjectName(u"renameEntityAction"_s);
    connect(rename, &QAction::triggered, this, [this, entityIndexes, first] {
        QString name;
        if (m_askName(nameOf(first), &name) && name != nameOf(first))
            report(m_session->renameEntity(entityIndexes.first(), name));
    });
    QAction *remove = menu->addAction(
        entityIndexes.size() > 1 ? tr("Not an &Entity (%n mentions)", nullptr, int(entityIndexes.size()))
                                 : tr("Not an &Entity"));
    remove->setObjectName(u"notAnEntityAction"_s);
    connect(remove, &QAction::triggered, this,
            [this, entityIndexes] { report(m_session->removeEntities(entityIndexes)); });
}

void LayerCorrectionActions::addSelectionActions(QMenu *menu, Span selection)
{
    if (!m_session->isOpen() || selection.isEmpty())
        return;
    QAction *quote = menu->addAction(tr("Mark as &Quote…"));
    quote->setObjectName(u"markAsQuoteAction"_s);
    connect(quote, &QAction::triggered, this, [this, selection] {
        QString speaker;
        if (m_askSpeaker(tr("Mark as Quote"), speakerCandidates(), QString(), &speaker))
            report(m_session->addQuote(selection, speaker));
    });
    QMenu *entity = menu->addMenu(tr("Mark as &Entity"));
    entity->setObjectName(u"markAsEntityMenu"_s);
    for (Entity::Type type : choosableTypes()) {
        QAction *a = entity->addAction(typeLabel(type));
        a->setObjectName(u"markAsEntity_"_s + entityTypeName(type));
        connect(a, &QAction::triggered, this,
                [this, selection, type] { report(m_session->addEntity(selection, type)); });
    }
}

void LayerCorrectionActions::addActionsAt(QMenu *menu, qsizetype position)
{
    if (!m_session->isOpen() || position < 0)
        return;
    const AnalysisResult &an = m_session->analysis();
    bool quote = false;
    for (int i = 0; i < an.quotes.size(); ++i) {
        if (an.quotes.at(i).span.contains(position)) {
            addQuoteActions(menu, i);
            quote = true;
            break;
        }
    }
    for (int i = 0; i < an.entities.size(); ++i) {
        const Entity &e = an.entities.at(i);
        if (e.span.contains(position) && layerOfEntity(e.type)) {
            if (quote)
                menu->addSeparator();
            addEntityActions(menu, { i }); // the one mention under the pointer
            break;
        }
    }
}

} // namespace Lede
