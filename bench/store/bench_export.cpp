// SPDX-License-Identifier: GPL-3.0-or-later
// Export budget (issue: foundation): `lede export-csv` of 1,000,000 annotations at >= 300,000
// rows/s with flat memory. Fills a library with COUNT annotations over 1,000 articles (tagged),
// then times AnnotationCsvExport::writeFile and reports peak RSS before and after the export.
//
//   bench_export [COUNT] [--keep PATH]   (--keep leaves the library at PATH for timing `lede export-csv`)
#include "../BenchCorpus.h"
#include "io/CsvExporter.h"
#include "library/AnnotationCsvExport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Lede;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 && !args[1].startsWith(u"--"_s) ? args[1].toInt() : 1000000;
    const int keep = int(args.indexOf(u"--keep"_s));
    QTemporaryDir dir;
    const QString path = keep > 0 && keep + 1 < args.size() ? args[keep + 1] : dir.filePath(u"lib.sqlite"_s);
    QFile::remove(path);

    ArticleStore store;
    if (Status s = store.open(path); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
        return 1;
    }
    const int articles = 1000;
    QElapsedTimer fill;
    fill.start();
    {
        QSqlDatabase db = store.database();
        for (int i = 0; i < articles; ++i) {
            Article a;
            a.title = u"Article %1, with a comma"_s.arg(i);
            a.source = u"Lede Wire"_s;
            a.published = QDate(2026, 1, 1).addDays(i % 300);
            a.body = LedeBench::wireArticle(quint32(i));
            a.contentHash = QString::number(i);
            if (!ArticleRepository(store).addArticle(a, {}, 1).ok())
                return 1;
        }
        // Annotations go in with plain SQL: the benchmark is about reading them out.
        QSqlQuery q(db);
        db.transaction();
        q.exec(
            u"INSERT INTO tags (id, parent_id, name) VALUES (1, NULL, 'Claims'), (2, 1, 'Numbers'), (3, NULL, 'Voices')"_s);
        q.prepare(u"INSERT INTO annotations (article_id, start, \"end\", exact, note, color, created_at, "
                  u"updated_at) "
                  u"VALUES (?, ?, ?, ?, ?, 'yellow', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z')"_s);
        QSqlQuery tagQuery(db);
        tagQuery.prepare(u"INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)"_s);
        for (int i = 0; i < count; ++i) {
            q.addBindValue(1 + i % articles);
            q.addBindValue(i % 3000);
            q.addBindValue(i % 3000 + 40);
            q.addBindValue(u"said the \"plan\" would cost, at most, 40 million"_s);
            q.addBindValue(i % 5 == 0 ? u"=check this"_s : QString(u""_s));
            q.exec();
            if (i % 2 == 0) {
                tagQuery.addBindValue(q.lastInsertId());
                tagQuery.addBindValue(1 + i % 3);
                tagQuery.exec();
            }
        }
        db.commit();
    }
    std::printf("filled %d annotations over %d articles in %.1f s\n", count, articles,
                fill.nsecsElapsed() / 1e9);
    const double rssBefore = LedeBench::currentRssMiB();
    const double anonBefore = LedeBench::anonRssMiB();

    const QString out = dir.filePath(u"out.csv"_s);
    QElapsedTimer t;
    t.start();
    const double cpuBefore = LedeBench::cpuSeconds();
    const Status s = AnnotationCsvExport::writeFile(store, {}, {}, out);
    const double seconds = t.nsecsElapsed() / 1e9;
    const double cpu = LedeBench::cpuSeconds() - cpuBefore;
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
        return 1;
    }
    std::printf("exported %d rows (%.0f MB) in %.2f s wall, %.2f s CPU: %.0f rows/s wall, %.0f rows/CPU-s "
                "(budget 300,000 rows/s)\n",
                count, QFileInfo(out).size() / 1e6, seconds, cpu, count / seconds, count / cpu);
    std::printf("RSS before export %.0f MiB, peak %.0f MiB (includes the library's pages mapped by SQLite)\n",
                rssBefore, LedeBench::peakRssMiB());
    std::printf("own memory (RssAnon) before %.0f MiB, after %.0f MiB\n", anonBefore,
                LedeBench::anonRssMiB());
    return 0;
}
