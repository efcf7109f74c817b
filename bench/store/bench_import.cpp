// SPDX-License-Identifier: GPL-3.0-or-later
// Import budget (issue: foundation): 10,000 generated 4 KB articles into a fresh library, FTS
// included (each article its own savepoint, batches of 256 committed together), compared with the sqlite3
// shell inserting the same rows into a table with the same FTS5 index in one transaction. Also measures the
// full pipeline with analysis (budget: 500 articles/s).
//
//   bench_import [COUNT]      (needs the `sqlite3` shell on PATH)
//   bench_import --dir DIR    the same on the article files in DIR (real news from
//                             `bench_analysis --write`), so the floor stores the rows Lede stores
#include "../BenchCorpus.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "library/LibraryImport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QString sqlQuote(const QString &s)
{
    QString out = s;
    out.replace(u'\'', u"''"_s);
    return u'\'' + out + u'\'';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const bool ownCorpus = args.size() == 2 && args[0] == u"--dir"_s;
    QTemporaryDir dir;
    QString corpus = dir.filePath(u"corpus"_s);
    int count = 0;
    qint64 bytes = 0;
    if (ownCorpus) {
        corpus = args[1];
        for (const QString &file : collectImportFiles({ corpus }, nullptr)) {
            bytes += QFileInfo(file).size();
            ++count;
        }
    } else {
        count = args.isEmpty() ? 10000 : args[0].toInt();
        QDir().mkpath(corpus);
        for (int i = 0; i < count; ++i) {
            QFile f(corpus + u"/a%1.txt"_s.arg(i, 5, 10, QLatin1Char('0')));
            if (!f.open(QIODevice::WriteOnly))
                return 1;
            const QByteArray data = LedeBench::wireArticle(quint32(i)).toUtf8();
            bytes += data.size();
            f.write(data);
        }
    }
    std::printf("corpus: %d articles, %.1f MB (%.0f bytes each)\n", count, bytes / 1e6,
                double(bytes) / count);

    // Parse once (not timed in either run below) so both runs store identical rows.
    QList<Article> articles;
    for (const QString &file : collectImportFiles({ corpus }, nullptr)) {
        auto imported = ArticleImporter::importFile(file);
        if (!imported) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(imported.errorString()));
            return 1;
        }
        articles.append(imported->article);
    }

    // 1. Lede's store: one transaction per article (one user action each), FTS5 via triggers.
    double ledeStoreSeconds = 0;
    double ledeStoreCpu = 0;
    {
        ArticleStore store;
        if (!store.open(dir.filePath(u"store.sqlite"_s)).ok())
            return 1;
        QElapsedTimer t;
        t.start();
        const double cpu = LedeBench::cpuSeconds();
        // As `lede import` does: each article atomic (a savepoint), batches of BulkBatchSize.
        if (!store.beginBulk().ok())
            return 1;
        int inBatch = 0;
        for (const Article &a : std::as_const(articles)) {
            if (!ArticleRepository(store).addArticle(a, {}, 0).ok())
                return 1;
            if (++inBatch == BulkBatchSize) {
                inBatch = 0;
                if (!store.commitBulk().ok() || !store.beginBulk().ok())
                    return 1;
            }
        }
        if (!store.commitBulk().ok())
            return 1;
        ledeStoreSeconds = t.nsecsElapsed() / 1e9;
        ledeStoreCpu = LedeBench::cpuSeconds() - cpu;
    }

    // 2. The sqlite3 shell: same rows, same FTS5 index, one transaction.
    double shellSeconds = 0;
    double shellCpu = 0;
    {
        const QString sqlPath = dir.filePath(u"load.sql"_s);
        QFile sql(sqlPath);
        if (!sql.open(QIODevice::WriteOnly))
            return 1;
        QTextStream s(&sql);
        s << "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, content_hash TEXT "
             "UNIQUE);\n"
             "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', "
             "content_rowid='id', "
             "tokenize='unicode61 remove_diacritics 2');\n"
             "CREATE TRIGGER ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, body) "
             "VALUES (new.id, new.title, new.body); END;\nBEGIN;\n";
        for (const Article &a : std::as_const(articles))
            s << "INSERT INTO articles (title, body, content_hash) VALUES (" << sqlQuote(a.title) << ", "
              << sqlQuote(a.body) << ", " << sqlQuote(a.contentHash) << ");\n";
        s << "COMMIT;\n";
        s.flush();
        sql.close();
        QProcess shell;
        shell.setStandardInputFile(sqlPath);
        QElapsedTimer t;
        t.start();
        const double cpu = LedeBench::cpuSeconds(true);
        shell.start(u"sqlite3"_s, { dir.filePath(u"shell.sqlite"_s) });
        if (!shell.waitForFinished(-1) || shell.exitCode() != 0) {
            std::fprintf(stderr, "sqlite3 shell failed (is the sqlite3 package installed?)\n");
            return 1;
        }
        shellSeconds = t.nsecsElapsed() / 1e9;
        shellCpu = LedeBench::cpuSeconds(true) - cpu;
    }

    // 3. The whole pipeline as `lede import` runs it: read, decode, parse, analyse, store.
    double pipelineSeconds = 0;
    double pipelineCpu = 0;
    {
        ArticleStore store;
        if (!store.open(dir.filePath(u"pipeline.sqlite"_s)).ok())
            return 1;
        const QStringList files = collectImportFiles({ corpus }, nullptr);
        QElapsedTimer t;
        t.start();
        const double cpu = LedeBench::cpuSeconds();
        bool allImported = true;
        if (!importFiles(store, files,
                         [&](const ImportOutcome &o) {
                             allImported = allImported && o.status == ImportOutcome::Status::Imported;
                             return allImported;
                         })
                 .ok()
            || !allImported)
            return 1;
        pipelineSeconds = t.nsecsElapsed() / 1e9;
        pipelineCpu = LedeBench::cpuSeconds() - cpu;
    }

    std::printf("                                       wall s   CPU s   articles/CPU s\n");
    std::printf("sqlite3 shell, one transaction:      %7.2f %7.2f %9.0f\n", shellSeconds, shellCpu,
                count / shellCpu);
    std::printf(
        "Lede store, savepoint each:          %7.2f %7.2f %9.0f   %.2fx the shell in CPU time (budget 2x)\n",
        ledeStoreSeconds, ledeStoreCpu, count / ledeStoreCpu, ledeStoreCpu / shellCpu);
    std::printf("Lede import with analysis (files):   %7.2f %7.2f %9.0f   (budget 500 articles/s)\n",
                pipelineSeconds, pipelineCpu, count / pipelineCpu);
    std::printf(
        "import with analysis against the shell: %.1fx in wall time, %.1fx in CPU time (issue 9: 1.5x)\n",
        pipelineSeconds / shellSeconds, pipelineCpu / shellCpu);
    std::printf("peak RSS: %.0f MiB\n", LedeBench::peakRssMiB());
    return 0;
}
