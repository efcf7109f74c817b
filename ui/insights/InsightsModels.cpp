// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsModels.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace Lede {

int InsightsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rows();
}

int InsightsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant InsightsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(index.row(), index.column(), role);
}

QVariant InsightsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return headers().value(section);
}

namespace {

QVariant date(const QDate &d)
{
    return d.isValid() ? QVariant(d) : QVariant();
}

} // namespace

// --- Sources

void SourcesModel::setRows(QList<Insights::SourceRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList SourcesModel::headers() const
{
    return { tr("Speaker"), tr("Kind"), tr("Quotes"),  tr("Articles"),
             tr("First"),   tr("Last"), tr("Outlets"), tr("Roles") };
}

QVariant SourcesModel::cell(int row, int column, int role) const
{
    const Insights::SourceRow &r = m_rows.at(row);
    if (role == Qt::ToolTipRole && column == Speaker && r.names.size() > 1)
        return tr("Counted together: %1").arg(r.names.join(u", "_s));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Speaker:
        return r.speaker;
    case Kind:
        switch (r.kind) {
        case Insights::SpeakerKind::Person:
            return tr("person");
        case Insights::SpeakerKind::Organisation:
            return tr("organisation");
        case Insights::SpeakerKind::Other:
            return tr("other");
        }
        return {};
    case Quotes:
        return r.quotes;
    case Articles:
        return r.articles;
    case FirstPublished:
        return date(r.firstPublished);
    case LastPublished:
        return date(r.lastPublished);
    case Outlets:
        return r.outlets.join(u"; "_s);
    case Roles:
        return r.roles.join(u"; "_s);
    case ColumnCount:
        break;
    }
    return {};
}

// --- Speaker quotes

void SpeakerQuotesModel::setRows(QList<Insights::SpeakerQuote> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList SpeakerQuotesModel::headers() const
{
    return { tr("Date"), tr("Outlet"), tr("Before"), tr("Quote"), tr("After"), tr("Article") };
}

Insights::TableShape SpeakerQuotesModel::shape() const
{
    return { { u"article_id"_s, u"published"_s, u"source"_s, u"start"_s, u"end"_s, u"text"_s,
               u"article_title"_s },
             { false, false, true, false, false, true, true } };
}

QStringList SpeakerQuotesModel::csvCells(int row) const
{
    const Insights::SpeakerQuote &q = m_rows.at(row);
    return { QString::number(q.articleId),
             q.published.isValid() ? q.published.toString(Qt::ISODate) : QString(),
             q.source,
             QString::number(q.start),
             QString::number(q.end),
             q.text,
             q.title };
}

QVariant SpeakerQuotesModel::cell(int row, int column, int role) const
{
    const Insights::SpeakerQuote &q = m_rows.at(row);
    if (role == Qt::TextAlignmentRole && column == Before)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && column == Quote) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Published:
        return date(q.published);
    case Source:
        return q.source;
    case Before:
        return q.before;
    case Quote:
        return q.text;
    case After:
        return q.after;
    case Title:
        return q.title;
    case ColumnCount:
        break;
    }
    return {};
}

// --- Entities

void EntityIndexModel::setRows(QList<Insights::EntityRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList EntityIndexModel::headers() const
{
    return { tr("Name"), tr("Type"), tr("Mentions"), tr("Articles") };
}

QVariant EntityIndexModel::cell(int row, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    const Insights::EntityRow &e = m_rows.at(row);
    switch (Column(column)) {
    case Canonical:
        return e.canonical;
    case Type:
        return e.type;
    case Mentions:
        return e.mentions;
    case Articles:
        return e.articles;
    case ColumnCount:
        break;
    }
    return {};
}

// --- Co-occurrence

void CooccurrenceModel::setRows(QList<Insights::CooccurrenceRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList CooccurrenceModel::headers() const
{
    return { tr("Name"), tr("Type"), tr("Named with"), tr("Type"), tr("Articles") };
}

QVariant CooccurrenceModel::cell(int row, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    const Insights::CooccurrenceRow &p = m_rows.at(row);
    switch (Column(column)) {
    case First:
        return p.first.canonical;
    case FirstType:
        return p.first.type;
    case Second:
        return p.second.canonical;
    case SecondType:
        return p.second.type;
    case Articles:
        return p.articles;
    case ColumnCount:
        break;
    }
    return {};
}

// --- Articles naming an entity

void EntityArticlesModel::setRows(QList<Insights::ArticleRef> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList EntityArticlesModel::headers() const
{
    return { tr("Date"), tr("Outlet"), tr("Article"), tr("Mentions") };
}

Insights::TableShape EntityArticlesModel::shape() const
{
    return { { u"article_id"_s, u"published"_s, u"source"_s, u"article_title"_s, u"mentions"_s },
             { false, false, true, true, false } };
}

QStringList EntityArticlesModel::csvCells(int row) const
{
    const Insights::ArticleRef &a = m_rows.at(row);
    return { QString::number(a.articleId),
             a.published.isValid() ? a.published.toString(Qt::ISODate) : QString(), a.source, a.title,
             QString::number(a.mentions) };
}

QVariant EntityArticlesModel::cell(int row, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    const Insights::ArticleRef &a = m_rows.at(row);
    switch (Column(column)) {
    case Published:
        return date(a.published);
    case Source:
        return a.source;
    case Title:
        return a.title;
    case Mentions:
        return a.mentions;
    case ColumnCount:
        break;
    }
    return {};
}

// --- Figures

void FiguresModel::setRows(QList<Insights::FigureRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList FiguresModel::headers() const
{
    return { tr("Conflict"), tr("Article"),   tr("Date"),          tr("Outlet"), tr("Value"),
             tr("Counts"),   tr("Qualifier"), tr("Attributed to"), tr("Text") };
}

QVariant FiguresModel::cell(int row, int column, int role) const
{
    const Insights::FigureRow &f = m_rows.at(row);
    if (role == Qt::FontRole && f.conflictGroup > 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && f.conflictGroup > 0)
        return tr("Conflict %1: articles state different values for \u201C%2\u201D by \u201C%3\u201D")
            .arg(f.conflictGroup)
            .arg(f.unitKey, f.attributionKey);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case ConflictGroup:
        return f.conflictGroup > 0 ? QVariant(f.conflictGroup) : QVariant();
    case ArticleId:
        return f.articleId;
    case Published:
        return date(f.published);
    case Source:
        return f.source;
    case Value:
        return f.value;
    case Unit:
        return f.unit;
    case Qualifier:
        return f.qualifier;
    case AttributedTo:
        return f.attributedTo;
    case Text:
        return f.text;
    case ColumnCount:
        break;
    }
    return {};
}

// --- Filter

InsightsFilterModel::InsightsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void InsightsFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool InsightsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int c = 0, n = model->columnCount(sourceParent); c < n; ++c) {
        const QVariant v = model->data(model->index(sourceRow, c, sourceParent));
        if (v.typeId() == QMetaType::QString && v.toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool InsightsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data();
    const QVariant r = right.data();
    // Empty cells (no date, no conflict) sort after every value.
    if (!l.isValid() || !r.isValid())
        return l.isValid() && !r.isValid();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Lede
