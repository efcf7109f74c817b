// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/Insights.h"
#include "insights/InsightsTable.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace Lede {

// Table models of the Insights view. Each holds rows computed by model/insights (off the GUI
// thread) and shows them; it runs no SQL. Numbers and dates are returned as numbers and QDate for
// Qt::DisplayRole so that a QSortFilterProxyModel sorts them as such. The column headers are the
// command line's column names (sources, figures, entities), translated for display.
class InsightsTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightsTableModel)

public:
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The shape and the cells of a row as the CSV export writes them.
    virtual Insights::TableShape shape() const = 0;
    virtual QStringList csvCells(int row) const = 0;

protected:
    explicit InsightsTableModel(QObject *parent)
        : QAbstractTableModel(parent)
    {
    }
    virtual int rows() const = 0;
    virtual QStringList headers() const = 0;
    virtual QVariant cell(int row, int column, int role) const = 0;
};

class SourcesModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesModel)

public:
    enum Column {
        Speaker,
        Kind,
        Quotes,
        Articles,
        FirstPublished,
        LastPublished,
        Outlets,
        Roles,
        ColumnCount
    };
    explicit SourcesModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::SourceRow> rows);
    const Insights::SourceRow &sourceAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override { return Insights::sourcesWithRolesShape(); }
    QStringList csvCells(int row) const override { return Insights::cellsWithRoles(m_rows.at(row)); }

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::SourceRow> m_rows;
};

// A speaker's quotes, keyword in context: the text before, the quote, the text after.
class SpeakerQuotesModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeakerQuotesModel)

public:
    enum Column { Published, Source, Before, Quote, After, Title, ColumnCount };
    explicit SpeakerQuotesModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::SpeakerQuote> rows);
    const Insights::SpeakerQuote &quoteAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override;
    QStringList csvCells(int row) const override;

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::SpeakerQuote> m_rows;
};

class EntityIndexModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityIndexModel)

public:
    enum Column { Canonical, Type, Mentions, Articles, ColumnCount };
    explicit EntityIndexModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::EntityRow> rows);
    const Insights::EntityRow &entityAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override { return Insights::entitiesShape(); }
    QStringList csvCells(int row) const override { return Insights::cells(m_rows.at(row)); }

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::EntityRow> m_rows;
};

class CooccurrenceModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CooccurrenceModel)

public:
    enum Column { First, FirstType, Second, SecondType, Articles, ColumnCount };
    explicit CooccurrenceModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::CooccurrenceRow> rows);
    const Insights::CooccurrenceRow &pairAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override { return Insights::cooccurrenceShape(); }
    QStringList csvCells(int row) const override { return Insights::cells(m_rows.at(row)); }

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::CooccurrenceRow> m_rows;
};

// The articles naming the selected entity.
class EntityArticlesModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityArticlesModel)

public:
    enum Column { Published, Source, Title, Mentions, ColumnCount };
    explicit EntityArticlesModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::ArticleRef> rows);
    const Insights::ArticleRef &articleAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override;
    QStringList csvCells(int row) const override;

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::ArticleRef> m_rows;
};

// Figures, grouped; a row of a conflicting group is marked (bold, and its group number shown).
class FiguresModel final : public InsightsTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FiguresModel)

public:
    enum Column {
        ConflictGroup,
        ArticleId,
        Published,
        Source,
        Value,
        Unit,
        Qualifier,
        AttributedTo,
        Text,
        ColumnCount
    };
    explicit FiguresModel(QObject *parent = nullptr)
        : InsightsTableModel(parent)
    {
    }
    void setRows(QList<Insights::FigureRow> rows);
    const Insights::FigureRow &figureAt(int row) const { return m_rows.at(row); }
    Insights::TableShape shape() const override { return Insights::figuresShape(); }
    QStringList csvCells(int row) const override { return Insights::cells(m_rows.at(row)); }

protected:
    int rows() const override { return int(m_rows.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column, int role) const override;

private:
    QList<Insights::FigureRow> m_rows;
};

// Sorts numbers and dates as such, and keeps the rows where any column contains the filter text
// (case-insensitive).
class InsightsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightsFilterModel)

public:
    explicit InsightsFilterModel(QObject *parent = nullptr);
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
};

} // namespace Lede
