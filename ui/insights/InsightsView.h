// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/Insights.h"

#include <QThreadPool>
#include <QWidget>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace Lede {

class CooccurrenceModel;
class EntityIndexModel;
class EntityArticlesModel;
class InsightsCharts;
class FiguresModel;
class InsightsFilterModel;
class InsightsTableModel;
class SourcesModel;
class SpeakerQuotesModel;

// Insights across the library (issue 11): Sources (who is quoted; select one to list their quotes
// in context), Entities (who and what is named, co-occurring pairs, the articles naming one),
// Figures (grouped by what and who, conflicts marked) and Charts (InsightsCharts). Each table sorts and
// filters, and exports to CSV under the annotation CSV's rules.
//
// The view opens its own connections to the library at `libraryPath`, on its worker thread (one
// per query, closed at its end): it never touches the window's connection, and the GUI thread runs
// no SQL. A newer request cancels the older one of the same kind (SQLite is interrupted). A tab is
// computed when it is first shown after a scope change or refresh().
class InsightsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightsView)

public:
    explicit InsightsView(const QString &libraryPath, QWidget *parent = nullptr);
    ~InsightsView() override; // cancels running queries and waits for them

    // Which articles the tables cover: the library (default), the current search, a tag, the
    // selected articles (Insights::Scope). Recomputes.
    void setScope(const Insights::Scope &scope);
    const Insights::Scope &scope() const { return m_scope; }
    // Recompute (after an import, an edit, a merge made elsewhere).
    void refresh();

    // For tests and the integrator.
    SourcesModel *sourcesModel() const { return m_sources; }
    SpeakerQuotesModel *speakerQuotesModel() const { return m_quotes; }
    EntityIndexModel *entitiesModel() const { return m_entities; }
    CooccurrenceModel *cooccurrenceModel() const { return m_pairs; }
    EntityArticlesModel *entityArticlesModel() const { return m_entityArticles; }
    FiguresModel *figuresModel() const { return m_figures; }
    InsightsCharts *charts() const { return m_charts; }
    bool isBusy() const { return m_running > 0; }

    // Speaker identities across the library (the user's decisions, kept through re-analysis):
    // every name in `names` is counted as `identity`; or `name` is a speaker of its own again.
    // Run on the worker; the tables refresh when done.
    void mergeSpeakers(const QStringList &names, const QString &identity);
    void keepSpeakersApart(const QStringList &names);
    // Asks which of the names the merged speaker keeps; replaceable for tests.
    using KeepPrompt = std::function<bool(const QStringList &names, QString *kept)>;
    void setKeepPrompt(KeepPrompt prompt) { m_askKeep = std::move(prompt); }

signals:
    // Double-click on a quote (or a figure, or an article naming an entity): open the article at
    // that UTF-16 position in its body, or at its start for -1.
    void openArticleRequested(qint64 articleId, qint64 quoteStartUtf16OrMinus1);
    // A query finished (its table is filled) or failed (the status line says why).
    void updated();

private:
    enum Slot {
        SourcesSlot,
        QuotesSlot,
        EntitiesSlot,
        PairsSlot,
        EntityArticlesSlot,
        FiguresSlot,
        ChartsSlot,
        SpeakersSlot,
        OpenSlot,
        SlotCount
    };

    // Runs `work` on the worker with its own connection; `done` gets the result on the GUI thread
    // unless a newer request of the same slot replaced it.
    template<typename T>
    void run(Slot slot, std::function<Result<T>(const QSqlDatabase &, const Insights::CancelFlag *)> work,
             std::function<void(const Result<T> &)> done);
    void computeVisibleTab();
    void computeSources();
    void computeEntities();
    void computeFigures();
    void computeCharts();
    void showSpeakerQuotes();
    void showEntityArticles();
    void openAt(qint64 articleId, qint64 codePointOffset);
    void exportCurrentTable();
    void showSourcesMenu(const QPoint &pos);
    void setStatus(const QString &text);
    QTableView *makeTable(const QString &name, InsightsTableModel *model, InsightsFilterModel **proxy);

    QString m_libraryPath;
    Insights::Scope m_scope;
    QThreadPool m_pool;
    std::shared_ptr<Insights::CancelFlag> m_cancel[SlotCount];
    quint64 m_serial[SlotCount] = {};
    int m_running = 0;
    bool m_dirty[4] = { true, true, true, true }; // per tab

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_entityType = nullptr;
    QCheckBox *m_conflictsOnly = nullptr;

    SourcesModel *m_sources = nullptr;
    SpeakerQuotesModel *m_quotes = nullptr;
    EntityIndexModel *m_entities = nullptr;
    CooccurrenceModel *m_pairs = nullptr;
    EntityArticlesModel *m_entityArticles = nullptr;
    FiguresModel *m_figures = nullptr;
    InsightsFilterModel *m_sourcesProxy = nullptr;
    InsightsFilterModel *m_quotesProxy = nullptr;
    InsightsFilterModel *m_entitiesProxy = nullptr;
    InsightsFilterModel *m_pairsProxy = nullptr;
    InsightsFilterModel *m_entityArticlesProxy = nullptr;
    InsightsFilterModel *m_figuresProxy = nullptr;
    QTableView *m_sourcesTable = nullptr;
    QTableView *m_quotesTable = nullptr;
    QTableView *m_entitiesTable = nullptr;
    QTableView *m_entityArticlesTable = nullptr;
    QTableView *m_figuresTable = nullptr;
    InsightsCharts *m_charts = nullptr;
    KeepPrompt m_askKeep;
};

} // namespace Lede
