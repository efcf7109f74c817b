// SPDX-License-Identifier: GPL-3.0-or-later
#include "SidePanel.h"

#include "AnnotationListModel.h"
#include "EntitiesModel.h"
#include "Layers.h"
#include "QuotesModel.h"
#include "TagTreeModel.h"
#include "TextExcerpt.h"
#include "session/ArticleSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QTreeView *makeTree(const QString &objectName, const QString &accessibleName, QAbstractItemModel *model)
{
    auto *tree = new QTreeView;
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setHeaderHidden(true);
    tree->setUniformRowHeights(true);
    tree->setWordWrap(false);
    tree->setTextElideMode(Qt::ElideRight);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setModel(model);
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
    m_notes->installEventFilter(this); // plain Delete deletes the current highlight
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

    m_quotesModel = new QuotesModel(this);
    m_quotes = makeTree(u"quotesTree"_s, tr("Quotes by speaker"), m_quotesModel);
    addTab(m_quotes, tr("&Quotes"));
    m_entitiesModel = new EntitiesModel(this);
    m_entities = makeTree(u"entitiesTree"_s, tr("Entities by type"), m_entitiesModel);
    addTab(m_entities, tr("&Entities"));
    m_tagModel = new TagTreeModel(this);
    m_tags = makeTree(u"tagsTree"_s, tr("Tags"), m_tagModel);
    m_tags->setContextMenuPolicy(Qt::CustomContextMenu);
    addTab(m_tags, tr("&Tags"));

    connect(m_notes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
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
    auto showQuote = [this](const QModelIndex &index) {
        if (const auto span = m_quotesModel->spanAt(index))
            emit spanRequested(*span);
    };
    connect(m_quotes, &QTreeView::clicked, this, showQuote);
    connect(m_quotes, &QTreeView::activated, this, showQuote);
    // Clicking an entity cycles through its mentions in the text.
    auto showEntity = [this](const QModelIndex &index) {
        if (const auto span = m_entitiesModel->nextMention(index))
            emit spanRequested(*span);
    };
    connect(m_entities, &QTreeView::clicked, this, showEntity);
    connect(m_entities, &QTreeView::activated, this, showEntity);
    // Right-click on a quote or an entity: correct it (the window adds the entries).
    m_quotes->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_quotes, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int quote = m_quotesModel->quoteIndexAt(m_quotes->indexAt(pos));
        if (quote < 0)
            return;
        m_quotes->setCurrentIndex(m_quotes->indexAt(pos));
        QMenu menu(this);
        emit quoteMenuRequested(&menu, quote);
        if (!menu.isEmpty())
            menu.exec(m_quotes->viewport()->mapToGlobal(pos));
    });
    m_entities->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_entities, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QList<int> mentions = m_entitiesModel->entityIndexesAt(m_entities->indexAt(pos));
        if (mentions.isEmpty())
            return;
        m_entities->setCurrentIndex(m_entities->indexAt(pos));
        QMenu menu(this);
        emit entityMenuRequested(&menu, mentions);
        if (!menu.isEmpty())
            menu.exec(m_entities->viewport()->mapToGlobal(pos));
    });
    connect(m_tags->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit currentTagChanged(currentTagId()); });
    connect(m_tags, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tags->indexAt(pos);
        if (!index.isValid() || m_tagActions.isEmpty())
            return;
        m_tags->setCurrentIndex(index);
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
    const auto a
        = m_session && m_currentAnnotation ? m_session->annotation(m_currentAnnotation) : std::nullopt;
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
    m_noteHeading->setText(
        a ? tr("&Note on “%1”")
                .arg(excerpt(m_session->article().body.mid(a->span.start, a->span.length()), 50))
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
    if (watched == m_notes && event->type() == QEvent::KeyPress && m_currentAnnotation) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            emit deleteAnnotationRequested(m_currentAnnotation);
            return true;
        }
    }
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
    if (!m_session || !m_session->isOpen()) {
        m_quotesModel->clear();
        return;
    }
    m_quotesModel->setQuotes(m_session->analysis().quotes, true, m_session->isEnglish());
    m_quotes->expandAll();
}

void SidePanel::rebuildEntities()
{
    if (!m_session || !m_session->isOpen()) {
        m_entitiesModel->clear();
        return;
    }
    m_entitiesModel->setAnalysis(m_session->analysis(), palette(), true, m_session->isEnglish());
    m_entities->expandAll();
}

void SidePanel::setTags(const QList<Tag> &tags)
{
    const qint64 current = currentTagId();
    m_tagModel->setTags(tags);
    m_tags->expandAll();
    if (const QModelIndex index = m_tagModel->indexOfTag(current); index.isValid())
        m_tags->setCurrentIndex(index);
}

qint64 SidePanel::currentTagId() const
{
    return m_tagModel->tagIdAt(m_tags->currentIndex());
}

void SidePanel::selectQuote(int quoteIndex)
{
    const QModelIndex index = m_quotesModel->indexOfQuote(quoteIndex);
    if (!index.isValid())
        return;
    setCurrentIndex(QuotesTab);
    m_quotes->setCurrentIndex(index);
    m_quotes->scrollTo(index);
}

void SidePanel::selectEntity(int entityIndex)
{
    const QModelIndex index = m_entitiesModel->indexOfEntity(entityIndex);
    if (!index.isValid())
        return;
    setCurrentIndex(EntitiesTab);
    m_entities->setCurrentIndex(index);
    m_entities->scrollTo(index);
}

} // namespace Lede
