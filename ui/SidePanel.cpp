// SPDX-License-Identifier: GPL-3.0-or-later
#include "SidePanel.h"

#include "AnnotationListModel.h"
#include "Layers.h"
#include "session/ArticleSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMap>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum ItemRole { IdRole = Qt::UserRole + 1, SpanStartRole, SpanEndRole, GroupKeyRole };

QString excerpt(const QString &text, int max)
{
    QString t = text.simplified();
    if (t.size() > max)
        t = t.left(max - 1) + u'…';
    return t;
}

QIcon swatch(const QColor &color)
{
    QPixmap p(12, 12);
    p.fill(color.isValid() ? color : QColor(Qt::transparent));
    return QIcon(p);
}

QTreeWidget *makeTree(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setHeaderHidden(true);
    tree->setColumnCount(1);
    tree->setUniformRowHeights(true);
    tree->setWordWrap(false);
    tree->setTextElideMode(Qt::ElideRight);
    return tree;
}

} // namespace

SidePanel::SidePanel(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(u"sidePanel"_s);
    setAccessibleName(tr("Side panel"));
    setDocumentMode(true);

    auto *notesPage = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notesPage);
    notesLayout->setContentsMargins(4, 4, 4, 4);
    m_notesModel = new AnnotationListModel(this);
    m_notes = new QListView(notesPage);
    m_notes->setObjectName(u"notesList"_s);
    m_notes->setAccessibleName(tr("Highlights and notes in this article"));
    m_notes->setModel(m_notesModel);
    // Every row has two lines: uniform heights let the view skip measuring 10,000 rows.
    m_notes->setUniformItemSizes(true);
    m_notes->setWordWrap(false);
    m_notes->setTextElideMode(Qt::ElideRight);
    m_notes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_notes->setAlternatingRowColors(true);
    m_noteHeading = new QLabel(tr("Select a highlight to write a note."), notesPage);
    m_noteHeading->setObjectName(u"noteHeading"_s);
    m_noteHeading->setWordWrap(true);
    m_noteEditor = new QPlainTextEdit(notesPage);
    m_noteEditor->setObjectName(u"noteEditor"_s);
    m_noteEditor->setAccessibleName(tr("Note"));
    m_noteEditor->setPlaceholderText(tr("Note — saved as you type"));
    m_noteEditor->setTabChangesFocus(true);
    m_noteEditor->setMaximumHeight(140);
    m_noteEditor->setEnabled(false);
    m_noteEditor->installEventFilter(this);
    m_noteHeading->setBuddy(m_noteEditor);
    m_annotationButtons = new QWidget(notesPage);
    auto *buttons = new QHBoxLayout(m_annotationButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_notes, 1);
    notesLayout->addWidget(m_noteHeading);
    notesLayout->addWidget(m_noteEditor);
    notesLayout->addWidget(m_annotationButtons);
    addTab(notesPage, tr("&Notes"));

    m_quotes = makeTree(u"quotesTree"_s, tr("Quotes by speaker"), this);
    addTab(m_quotes, tr("&Quotes"));
    m_entities = makeTree(u"entitiesTree"_s, tr("Entities by type"), this);
    addTab(m_entities, tr("&Entities"));
    m_tags = makeTree(u"tagsTree"_s, tr("Tags"), this);
    m_tags->setContextMenuPolicy(Qt::CustomContextMenu);
    addTab(m_tags, tr("&Tags"));

    connect(m_notes->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (m_updating)
            return;
        const qint64 id = current.isValid() ? m_notesModel->annotationIdAt(current.row()) : 0;
        if (id == m_currentAnnotation)
            return;
        if (m_session)
            m_session->endNoteBurst();
        m_currentAnnotation = id;
        showAnnotationInEditor();
        emit currentAnnotationChanged(id);
    });
    auto showInText = [this](const QModelIndex &index) {
        if (const Annotation *a = m_notesModel->annotationAt(index))
            emit spanRequested(a->span);
    };
    connect(m_notes, &QListView::activated, this, showInText);
    connect(m_notes, &QListView::clicked, this, showInText);
    connect(m_noteEditor, &QPlainTextEdit::textChanged, this, &SidePanel::noteEdited);
    auto spanOfItem = [this](QTreeWidgetItem *item) {
        if (!item || !item->data(0, SpanStartRole).isValid())
            return;
        emit spanRequested(Span{item->data(0, SpanStartRole).toLongLong(), item->data(0, SpanEndRole).toLongLong()});
    };
    connect(m_quotes, &QTreeWidget::itemClicked, this, spanOfItem);
    connect(m_quotes, &QTreeWidget::itemActivated, this, spanOfItem);
    // Clicking an entity cycles through its mentions in the text.
    auto cycleEntity = [this](QTreeWidgetItem *item) {
        if (!item || !m_session)
            return;
        const QString key = item->data(0, GroupKeyRole).toString();
        if (key.isEmpty()) {
            if (item->data(0, SpanStartRole).isValid()) // a figure: one mention
                emit spanRequested(Span{item->data(0, SpanStartRole).toLongLong(), item->data(0, SpanEndRole).toLongLong()});
            return;
        }
        QList<Span> mentions;
        for (const Entity &e : m_session->analysis().entities) {
            if (entityTypeName(e.type) + u'\x1f' + (e.canonical.isEmpty() ? e.text : e.canonical) == key)
                mentions.append(e.span);
        }
        if (mentions.isEmpty())
            return;
        std::sort(mentions.begin(), mentions.end(), [](Span a, Span b) { return a.start < b.start; });
        int &next = m_entityCycle[key];
        const Span s = mentions.at(next % mentions.size());
        item->setToolTip(0, tr("Mention %1 of %2 — click again for the next").arg(next % mentions.size() + 1).arg(mentions.size()));
        next = (next + 1) % int(mentions.size());
        emit spanRequested(s);
    };
    connect(m_entities, &QTreeWidget::itemClicked, this, cycleEntity);
    connect(m_entities, &QTreeWidget::itemActivated, this, cycleEntity);
    connect(m_tags, &QTreeWidget::currentItemChanged, this, [this] { emit currentTagChanged(currentTagId()); });
    connect(m_tags, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_tags->itemAt(pos) || m_tagActions.isEmpty())
            return;
        m_tags->setCurrentItem(m_tags->itemAt(pos));
        QMenu menu(this);
        menu.addActions(m_tagActions);
        menu.exec(m_tags->viewport()->mapToGlobal(pos));
    });
}

SidePanel::~SidePanel() = default;

void SidePanel::setSession(ArticleSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_notesModel->setSession(session);
    if (m_session)
        connect(m_session, &ArticleSession::annotationsChanged, this, &SidePanel::refreshAnnotations);
    refreshArticle();
}

void SidePanel::setAnnotationActions(const QList<QAction *> &actions)
{
    for (QAction *a : actions) {
        auto *b = new QToolButton(m_annotationButtons);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_annotationButtons->layout()->addWidget(b);
    }
    static_cast<QHBoxLayout *>(m_annotationButtons->layout())->addStretch(1);
}

void SidePanel::refreshArticle()
{
    m_updating = true;
    m_notesModel->reset();
    m_updating = false;
    restoreCurrentAnnotation();
    rebuildQuotes();
    rebuildEntities();
}

void SidePanel::refreshAnnotations()
{
    m_updating = true;
    m_notesModel->sync();
    m_updating = false;
    restoreCurrentAnnotation();
}

void SidePanel::restoreCurrentAnnotation()
{
    m_updating = true;
    const int row = m_currentAnnotation ? m_notesModel->rowOfAnnotation(m_currentAnnotation) : -1;
    if (row < 0)
        m_currentAnnotation = 0;
    const QModelIndex index = m_notesModel->index(row, 0);
    if (m_notes->currentIndex() != index) {
        if (index.isValid())
            m_notes->setCurrentIndex(index);
        else
            m_notes->selectionModel()->clearCurrentIndex();
    }
    m_updating = false;
    showAnnotationInEditor();
}

void SidePanel::showAnnotationInEditor()
{
    const auto a = m_session && m_currentAnnotation ? m_session->annotation(m_currentAnnotation) : std::nullopt;
    m_noteEditor->setEnabled(a.has_value());
    m_annotationButtons->setEnabled(a.has_value());
    const QString text = a ? a->note : QString();
    if (m_noteEditor->toPlainText() != text) {
        // Replacing the text would move the caret; only do it when the note changed elsewhere (undo).
        const bool was = m_updating;
        m_updating = true;
        m_noteEditor->setPlainText(text);
        m_updating = was;
    }
    m_noteHeading->setText(a ? tr("&Note on “%1”").arg(excerpt(m_session->article().body.mid(a->span.start, a->span.length()), 50))
                             : tr("Select a highlight to write a note."));
}

void SidePanel::noteEdited()
{
    if (m_updating || !m_session || !m_currentAnnotation)
        return;
    const QString text = m_noteEditor->toPlainText();
    const auto a = m_session->annotation(m_currentAnnotation);
    if (!a || a->note == text)
        return;
    m_updating = true;
    const Status s = m_session->setNote(m_currentAnnotation, text);
    m_updating = false;
    if (!s)
        emit errorOccurred(s.errorString());
}

bool SidePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_noteEditor && event->type() == QEvent::FocusOut && m_session)
        m_session->endNoteBurst(); // the next edit is a new undo step
    return QTabWidget::eventFilter(watched, event);
}

void SidePanel::focusNoteEditor()
{
    setCurrentIndex(NotesTab);
    m_noteEditor->setFocus(Qt::OtherFocusReason);
}

void SidePanel::selectAnnotation(qint64 id, bool focusTab)
{
    const int row = m_notesModel->rowOfAnnotation(id);
    if (row < 0)
        return;
    if (focusTab)
        setCurrentIndex(NotesTab);
    const QModelIndex index = m_notesModel->index(row, 0);
    m_notes->setCurrentIndex(index);
    m_notes->scrollTo(index);
}

void SidePanel::rebuildQuotes()
{
    m_quotes->clear();
    if (!m_session || !m_session->isOpen())
        return;
    const QList<Quote> &quotes = m_session->analysis().quotes;
    QMap<QString, QList<int>> bySpeaker;
    for (int i = 0; i < quotes.size(); ++i)
        bySpeaker[quotes.at(i).speaker].append(i);
    QList<QString> speakers = bySpeaker.keys();
    std::stable_sort(speakers.begin(), speakers.end(), [&](const QString &a, const QString &b) {
        if (a.isEmpty() != b.isEmpty())
            return b.isEmpty(); // unknown speakers last
        return bySpeaker.value(a).size() > bySpeaker.value(b).size();
    });
    for (const QString &speaker : speakers) {
        const QList<int> &idx = bySpeaker.value(speaker);
        auto *group = new QTreeWidgetItem(m_quotes);
        group->setText(0, tr("%1 (%2)").arg(speaker.isEmpty() ? tr("Speaker unknown") : speaker).arg(idx.size()));
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
        for (int i : idx) {
            const Quote &q = quotes.at(i);
            auto *item = new QTreeWidgetItem(group);
            item->setText(0, excerpt(q.text, 120));
            item->setToolTip(0, q.text.toHtmlEscaped());
            item->setData(0, IdRole, i);
            item->setData(0, SpanStartRole, qint64(q.span.start));
            item->setData(0, SpanEndRole, qint64(q.span.end));
        }
    }
    m_quotes->expandAll();
    if (quotes.isEmpty())
        new QTreeWidgetItem(m_quotes, {tr("No quotes found in this article.")});
}

void SidePanel::rebuildEntities()
{
    m_entities->clear();
    m_entityCycle.clear();
    if (!m_session || !m_session->isOpen())
        return;
    const AnalysisResult &an = m_session->analysis();
    struct Group
    {
        QString name;
        QStringList aliases;
        int count = 0;
        qsizetype first = 0;
    };
    // Layer -> canonical -> group. Aliases ("Blinken", "Antony Blinken") merge by canonical.
    QMap<int, QMap<QString, Group>> groups;
    for (const Entity &e : an.entities) {
        const auto layer = layerOfEntity(e.type);
        if (!layer || *layer == Layer::Figures)
            continue;
        const QString name = e.canonical.isEmpty() ? e.text : e.canonical;
        Group &g = groups[int(*layer)][name];
        if (g.count == 0)
            g.first = e.span.start;
        g.name = name;
        ++g.count;
        if (e.text != name && !g.aliases.contains(e.text))
            g.aliases.append(e.text);
    }
    const Layer order[] = {Layer::People, Layer::Organisations, Layer::Places, Layer::Dates};
    for (Layer layer : order) {
        const auto &byName = groups.value(int(layer));
        if (byName.isEmpty())
            continue;
        int total = 0;
        for (const Group &g : byName)
            total += g.count;
        auto *top = new QTreeWidgetItem(m_entities);
        top->setText(0, tr("%1 (%2)").arg(layerName(layer)).arg(total));
        top->setIcon(0, layerIcon(layer, palette()));
        QFont f = top->font(0);
        f.setBold(true);
        top->setFont(0, f);
        QList<Group> sorted = byName.values();
        std::stable_sort(sorted.begin(), sorted.end(), [](const Group &a, const Group &b) { return a.count > b.count; });
        for (const Group &g : sorted) {
            auto *item = new QTreeWidgetItem(top);
            item->setText(0, tr("%1 (%2)").arg(g.name).arg(g.count));
            if (!g.aliases.isEmpty())
                item->setToolTip(0, tr("Also written: %1").arg(g.aliases.join(u", "_s)));
            Entity::Type type = Entity::Type::Misc;
            for (const Entity &e : an.entities) {
                if ((e.canonical.isEmpty() ? e.text : e.canonical) == g.name && layerOfEntity(e.type) == layer) {
                    type = e.type;
                    break;
                }
            }
            item->setData(0, GroupKeyRole, QString(entityTypeName(type) + u'\x1f' + g.name));
        }
    }
    // Figures come from the figure layer: value, unit and who gave them.
    if (!an.figures.isEmpty()) {
        auto *top = new QTreeWidgetItem(m_entities);
        top->setText(0, tr("%1 (%2)").arg(layerName(Layer::Figures)).arg(an.figures.size()));
        top->setIcon(0, layerIcon(Layer::Figures, palette()));
        QFont f = top->font(0);
        f.setBold(true);
        top->setFont(0, f);
        for (const Figure &fig : an.figures) {
            auto *item = new QTreeWidgetItem(top);
            QString text = fig.text;
            if (!fig.unit.isEmpty())
                text += u" — "_s + fig.unit;
            if (!fig.attributedTo.isEmpty())
                text += u" ("_s + fig.attributedTo + u')';
            item->setText(0, text);
            item->setData(0, SpanStartRole, qint64(fig.span.start));
            item->setData(0, SpanEndRole, qint64(fig.span.end));
        }
    }
    m_entities->expandAll();
    if (m_entities->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_entities, {tr("No entities found in this article.")});
}

void SidePanel::setTags(const QList<Tag> &tags)
{
    const qint64 current = currentTagId();
    m_tags->clear();
    QHash<qint64, QTreeWidgetItem *> items;
    // tags() is ordered by path, so parents come before their children.
    for (const Tag &t : tags) {
        QTreeWidgetItem *parent = items.value(t.parentId);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tags);
        item->setText(0, tr("%1 (%2)").arg(t.name).arg(t.useCount));
        item->setToolTip(0, t.path);
        item->setIcon(0, swatch(t.color.isEmpty() ? defaultHighlightColor() : QColor::fromString(t.color)));
        item->setData(0, IdRole, t.id);
        items.insert(t.id, item);
        if (t.id == current)
            m_tags->setCurrentItem(item);
    }
    m_tags->expandAll();
}

qint64 SidePanel::currentTagId() const
{
    const QTreeWidgetItem *item = m_tags->currentItem();
    return item ? item->data(0, IdRole).toLongLong() : 0;
}

void SidePanel::selectQuote(int quoteIndex)
{
    for (int g = 0; g < m_quotes->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_quotes->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c) {
            if (group->child(c)->data(0, IdRole).toInt() == quoteIndex) {
                setCurrentIndex(QuotesTab);
                m_quotes->setCurrentItem(group->child(c));
                m_quotes->scrollToItem(group->child(c));
                return;
            }
        }
    }
}

void SidePanel::selectEntity(int entityIndex)
{
    if (!m_session || entityIndex < 0 || entityIndex >= m_session->analysis().entities.size())
        return;
    const Entity &e = m_session->analysis().entities.at(entityIndex);
    const QString key = entityTypeName(e.type) + u'\x1f' + (e.canonical.isEmpty() ? e.text : e.canonical);
    for (int g = 0; g < m_entities->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_entities->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c) {
            if (group->child(c)->data(0, GroupKeyRole).toString() == key) {
                setCurrentIndex(EntitiesTab);
                m_entities->setCurrentItem(group->child(c));
                m_entities->scrollToItem(group->child(c));
                return;
            }
        }
    }
}

} // namespace Lede
