// SPDX-License-Identifier: GPL-3.0-or-later
// Insights budgets (issue 11), on a generated library of 100,000 articles with 1,000,000 quotes:
// sources table < 1 s, figure groups < 1 s, co-occurrence of the top 200 entities < 2 s, memory
// < 300 MB. The library is written with raw SQL (seeded, so two runs see the same data) and kept
// at PATH, so later runs only measure.
//
//   bench_insights PATH [--articles N] [--quotes-per-article Q] [--runs R]
//
// Per article: Q quotes (10) by speakers drawn from 20,000 names (some by surname only), 15 entity
// mentions drawn from 50,000 names with a heavy head (the top 200 are a quarter of the mentions),
// 3 figures over 40 units and 300 attributions (a third unattributed), one of 60 outlets, a date in
// five years, and a 1.5 KB body (indexed by FTS5 through the store's trigger).
#include "insights/Insights.h"
#include "insights/SpeakerIdentities.h"
#include "store/ArticleStore.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

long peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// The machine may be shared: CPU time is the measure that does not depend on the neighbours.
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void resetPeakRss()
{
    QFile refs(u"/proc/self/clear_refs"_s);
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

const char *const Words[]
    = { "the",    "council", "said",    "on",       "monday",    "harbour",   "plan",   "would",
        "cost",   "more",    "than",    "expected", "and",       "residents", "asked",  "for",
        "a",      "vote",    "before",  "work",     "began",     "in",        "spring", "officials",
        "did",    "not",     "respond", "to",       "questions", "about",     "budget", "while",
        "unions", "warned",  "of",      "strikes",  "over",      "pay",       "talks",  "continued",
        "late",   "into",    "night",   "with",     "no",        "deal",      "reached" };

// Skewed choice in [0, n): small indexes are frequent.
int skewed(QRandomGenerator &rng, int n, double power)
{
    return std::min(n - 1, int(std::pow(rng.generateDouble(), power) * n));
}

bool exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql, error);
        sqlite3_free(error);
        return false;
    }
    return true;
}

bool generate(const QString &path, int articles, int quotesPerArticle)
{
    {
        ArticleStore store; // creates the current schema
        if (Status s = store.open(path); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
            return false;
        }
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    exec(db, "PRAGMA synchronous = OFF");
    exec(db, "BEGIN");
    sqlite3_stmt *art = nullptr, *quote = nullptr, *entity = nullptr, *figure = nullptr, *role = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO articles (id, title, source, published, body, content_hash, imported_at, "
                       "analyzer_version) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', 1000000)",
                       -1, &art, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO quotes (article_id, start, \"end\", text, kind, speaker, cue) "
                       "VALUES (?, ?, ?, ?, 'direct', ?, 'said')",
                       -1, &quote, nullptr);
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO speaker_roles (article_id, speaker, role) VALUES (?, ?, ?)",
                       -1, &role, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO entities (article_id, start, \"end\", text, type, canonical) VALUES (?, ?, ?, ?, ?, ?)",
        -1, &entity, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO figures (article_id, start, \"end\", text, value, unit, qualifier, attributed_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        -1, &figure, nullptr);
    QRandomGenerator rng(11);
    const char *const Types[] = { "PERSON", "ORG", "LOC", "MISC", "DATE" };
    const QDate epoch(2020, 1, 1);
    auto text = [](sqlite3_stmt *s, int i, const QByteArray &b) {
        sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
    };
    auto step = [db](sqlite3_stmt *s) {
        if (sqlite3_step(s) != SQLITE_DONE) {
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
            return false;
        }
        sqlite3_reset(s);
        return true;
    };
    for (int a = 1; a <= articles; ++a) {
        QByteArray body;
        while (body.size() < 1500) {
            body += Words[rng.bounded(int(std::size(Words)))];
            body += ' ';
        }
        sqlite3_bind_int64(art, 1, a);
        text(art, 2, "Story " + QByteArray::number(a));
        text(art, 3, "Outlet " + QByteArray::number(skewed(rng, 60, 2)));
        text(art, 4, epoch.addDays(rng.bounded(5 * 365)).toString(Qt::ISODate).toUtf8());
        text(art, 5, body);
        text(art, 6, "hash" + QByteArray::number(a));
        if (!step(art))
            return false;
        for (int q = 0; q < quotesPerArticle; ++q) {
            const int who = skewed(rng, 20000, 3);
            QByteArray speaker = "Last" + QByteArray::number(who % 4000);
            if (rng.bounded(10) != 0) // one in ten by surname only
                speaker = "First" + QByteArray::number(who / 4000) + ' ' + speaker;
            const int start = rng.bounded(1400);
            sqlite3_bind_int64(quote, 1, a);
            sqlite3_bind_int64(quote, 2, start);
            sqlite3_bind_int64(quote, 3, start + 80);
            text(quote, 4, body.mid(start, 80));
            text(quote, 5, speaker);
            if (!step(quote))
                return false;
            if (rng.bounded(3) == 0) { // a third of the quotes name the speaker's role
                sqlite3_bind_int64(role, 1, a);
                text(role, 2, speaker);
                text(role, 3, "role " + QByteArray::number(who % 50));
                if (!step(role))
                    return false;
            }
        }
        for (int e = 0; e < 15; ++e) {
            const int which = skewed(rng, 50000, 4);
            const int start = rng.bounded(1480);
            sqlite3_bind_int64(entity, 1, a);
            sqlite3_bind_int64(entity, 2, start);
            sqlite3_bind_int64(entity, 3, start + 12);
            text(entity, 4, body.mid(start, 12));
            text(entity, 5, Types[which % 5]);
            text(entity, 6, "Entity " + QByteArray::number(which));
            if (!step(entity))
                return false;
        }
        for (int f = 0; f < 3; ++f) {
            const int start = rng.bounded(1480);
            const int attribution = rng.bounded(3) == 0 ? -1 : skewed(rng, 300, 2);
            sqlite3_bind_int64(figure, 1, a);
            sqlite3_bind_int64(figure, 2, start);
            sqlite3_bind_int64(figure, 3, start + 10);
            text(figure, 4, body.mid(start, 10));
            sqlite3_bind_double(figure, 5, double(rng.bounded(50) * 100));
            text(figure, 6, "Unit " + QByteArray::number(skewed(rng, 40, 2)));
            text(figure, 7, rng.bounded(2) ? QByteArray("at least") : QByteArray());
            text(figure, 8, attribution < 0 ? QByteArray() : "The Source " + QByteArray::number(attribution));
            if (!step(figure))
                return false;
        }
        if (a % 10000 == 0) {
            exec(db, "COMMIT");
            exec(db, "BEGIN");
            std::fprintf(stderr, "  %d articles\n", a);
        }
    }
    exec(db, "COMMIT");
    exec(db, "ANALYZE");
    for (sqlite3_stmt *s : { art, quote, entity, figure, role })
        sqlite3_finalize(s);
    sqlite3_close(db);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args[1].startsWith(u'-')) {
        std::fprintf(stderr,
                     "usage: bench_insights PATH [--articles N] [--quotes-per-article Q] [--runs R]\n");
        return 2;
    }
    const QString path = args[1];
    auto option = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i > 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int articles = option(u"--articles"_s, 100000);
    const int perArticle = option(u"--quotes-per-article"_s, 10);
    const int runs = option(u"--runs"_s, 3);

    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "generating %d articles with %d quotes each at %s\n", articles, perArticle,
                     qPrintable(path));
        QElapsedTimer t;
        t.start();
        if (!generate(path, articles, perArticle))
            return 1;
        std::fprintf(stderr, "generated in %.1f s\n", double(t.elapsed()) / 1000);
    }

    ArticleStore store;
    if (Status s = store.open(path); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
        return 1;
    }
    const QSqlDatabase db = store.database();
    resetPeakRss();
    std::printf("library: %s (%.0f MB), peak RSS after open %ld KiB\n", qPrintable(path),
                double(QFileInfo(path).size()) / 1e6, peakRssKiB());

    auto measure = [&](const char *name, const std::function<qsizetype()> &work) {
        double best = 1e9, bestCpu = 1e9;
        qsizetype rows = 0;
        resetPeakRss();
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            const double cpu0 = cpuSeconds();
            rows = work();
            best = std::min(best, double(t.nsecsElapsed()) / 1e9);
            bestCpu = std::min(bestCpu, cpuSeconds() - cpu0);
        }
        std::printf("%-40s %7lld rows  best of %d: wall %7.3f s  CPU %7.3f s  peak RSS %6ld KiB\n", name,
                    (long long)rows, runs, best, bestCpu, peakRssKiB());
        std::fflush(stdout);
    };
    auto rowsOf = [](const auto &result) -> qsizetype {
        if (!result) {
            std::fprintf(stderr, "failed: %s\n", qPrintable(result.errorString()));
            return -1;
        }
        return result->size();
    };

    measure("speaker aliases: refreshAutomatic", [&] {
        auto n = SpeakerIdentities(db).refreshAutomatic();
        return n ? qsizetype(*n) : -1;
    });
    measure("sources (library)", [&] { return rowsOf(Insights::sources(db, {})); });
    Insights::Scope search;
    search.search = u"strikes"_s;
    measure("sources (search \"strikes\")", [&] { return rowsOf(Insights::sources(db, search)); });
    Insights::Scope some;
    QList<qint64> ids;
    for (qint64 i = 1; i <= 1000; ++i)
        ids.append(i * 37 % articles + 1);
    some.articleIds = ids;
    measure("sources (1,000 selected articles)", [&] { return rowsOf(Insights::sources(db, some)); });
    measure("quotes by the top speaker", [&] {
        auto top = Insights::sources(db, some);
        return top && !top->isEmpty() ? rowsOf(Insights::quotesBy(db, top->first().speaker, {}, 60, -1)) : -1;
    });
    measure("figure groups (library)", [&] { return rowsOf(Insights::figureGroups(db, {}, false)); });
    measure("figure groups, conflicts only", [&] { return rowsOf(Insights::figureGroups(db, {}, true)); });
    measure("entities (library)", [&] { return rowsOf(Insights::entities(db, {})); });
    measure("entities PERSON", [&] { return rowsOf(Insights::entities(db, {}, u"PERSON"_s)); });
    measure("co-occurrence of the top 200 entities",
            [&] { return rowsOf(Insights::cooccurrence(db, {}, 200)); });
    measure("figure rows, conflicts only (all rows)",
            [&] { return rowsOf(Insights::figures(db, {}, true)); });
    return 0;
}
