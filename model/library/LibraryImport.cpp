// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryImport.h"

#include "Logging.h"
#include "analysis/Analyzer.h"
#include "analysis/LanguageGuess.h"
#include "io/ArticleImporter.h"
#include "io/FileAccess.h"
#include "io/UrlFetcher.h"
#include "store/ArticleRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::LibraryImport", text);
}

} // namespace

QStringList collectImportFiles(const QStringList &paths, QList<ImportOutcome> *errors)
{
    QStringList files;
    const QStringList suffixes = ArticleImporter::supportedSuffixes();
    QStringList patterns;
    for (const QString &suffix : suffixes)
        patterns.append(u"*."_s + suffix);
    const auto fail = [errors](const QString &path, const QString &reason) {
        if (errors)
            errors->append({ path, ImportOutcome::Status::Failed, 0, {}, reason, {}, path });
    };
    const auto wanted = [&suffixes](const QString &name) {
        const qsizetype dot = name.lastIndexOf(u'.');
        return dot > 0 && suffixes.contains(name.sliced(dot + 1).toLower());
    };
    for (const QString &path : paths) {
        if (UrlFetcher::isUrl(path)) {
            files.append(path); // fetched when it is imported; the fetch says what is wrong
            continue;
        }
        // stat() follows links, so a loop or a dangling link is named as such, not "no such file".
        const QByteArray native = fileNameToNative(path);
        struct stat st;
        if (::stat(native.constData(), &st) != 0) {
            const int error = errno;
            struct stat link;
            if (error == ENOENT && ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
                fail(path, tr("a symbolic link to a missing file"));
            else if (error == ENOENT)
                fail(path, tr("no such file or folder"));
            else
                fail(path, fileErrorMessage(error));
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            files.append(path); // a file named explicitly is always tried; reading it says what is wrong
            continue;
        }
        const FolderScan scan = scanFolder(path, wanted);
        for (const SkippedEntry &skipped : scan.skipped)
            fail(skipped.path, skipped.reason);
        if (scan.files.isEmpty() && scan.skipped.isEmpty())
            fail(path, tr("the folder holds no article files (%1)").arg(patterns.join(u' ')));
        files += scan.files;
    }
    return files;
}

namespace {

// One file read, parsed and analysed, ready to be written: everything of an import that needs no
// write lock on the library.
struct PreparedImport
{
    ImportOutcome outcome;
    Article article;
    AnalysisResult analysis;
    bool toStore = false;
    bool unanalysed = false; // the Cancel came before its analysis: its file is dropped
};

// The articles of one file or web address, and whether it was read whole (a Cancel can cut a fetch
// short or come before the file is begun).
struct PreparedFile
{
    std::vector<PreparedImport> articles;
    bool read = false;
};

// Reading, decoding and parsing: no library access, safe on any thread. A file gives one prepared
// article, an export one per story ("FILE#N"), a failure one Failed outcome.
std::vector<PreparedImport> toPrepared(Result<QList<ImportedArticle>> imported, const QString &path)
{
    std::vector<PreparedImport> out;
    if (!imported) {
        PreparedImport p;
        p.outcome.path = path;
        p.outcome.file = path;
        p.outcome.message = imported.errorString();
        out.push_back(std::move(p));
        return out;
    }
    const bool many = imported->size() > 1 || ArticleImporter::isMultiArticle(imported->first().article);
    for (qsizetype i = 0; i < imported->size(); ++i) {
        ImportedArticle &a = imported.value()[i];
        PreparedImport p;
        p.outcome.path = many ? path + u'#' + QString::number(i + 1) : path;
        p.outcome.file = path;
        p.article = std::move(a.article);
        p.outcome.title = p.article.title;
        p.outcome.warnings = a.warnings;
        p.toStore = true; // until the library says it has the article already
        out.push_back(std::move(p));
    }
    return out;
}

PreparedFile readPrepared(const QString &path, const std::function<bool()> &cancelled)
{
    const auto isCancelled = [&cancelled] { return cancelled && cancelled(); };
    PreparedFile file;
    if (isCancelled())
        return file;
    if (!UrlFetcher::isUrl(path)) {
        file.articles = toPrepared(ArticleImporter::importFileArticles(path), path);
        file.read = true;
        return file;
    }
    // The page, or the feed and its items' linked pages, fetched with the Cancel polled meanwhile.
    UrlFetcher::Options options;
    options.cancelled = cancelled;
    auto imported = UrlFetcher::importUrl(path, options);
    // A fetch cut short by the Cancel is no failure of the address: the address is dropped.
    file.read = imported.ok() || !isCancelled();
    file.articles = toPrepared(std::move(imported), path);
    return file;
}

// Skips the analysis for an article that is already there (on the store's thread).
void checkPresent(ArticleStore &store, PreparedImport &p)
{
    if (!p.toStore)
        return;
    p.toStore = false;
    auto existing = ArticleRepository(store).findArticleByHash(p.article.contentHash);
    if (!existing) {
        p.outcome.message = existing.errorString();
        return;
    }
    if (existing->has_value()) {
        p.outcome.status = ImportOutcome::Status::AlreadyPresent;
        p.outcome.articleId = **existing;
        return;
    }
    p.toStore = true;
}

void analysePrepared(PreparedImport &p, const std::function<bool()> &cancelled = {})
{
    if (!p.toStore)
        return;
    if (cancelled && cancelled()) {
        p.unanalysed = true;
        return;
    }
    p.analysis = Analyzer::analyze(p.article);
    if (!p.analysis.english)
        p.outcome.warnings.append(
            u"the text is not in English; Lede finds names and speakers in English text only"_s);
}

// Whether a file can be written: read whole and every article analysed (or not to be stored).
bool isComplete(const PreparedFile &file)
{
    return file.read && std::none_of(file.articles.begin(), file.articles.end(), [](const PreparedImport &p) {
               return p.unanalysed;
           });
}

// Runs fn(i) for every i in [0, n) on up to QThreadPool::globalInstance()->maxThreadCount()
// threads, this one included; returns when all are done.
template<typename F> void parallelFor(qsizetype n, const F &fn)
{
    const qsizetype threads
        = std::min<qsizetype>(n, std::max(1, QThreadPool::globalInstance()->maxThreadCount()));
    std::atomic<qsizetype> next { 0 };
    auto work = [&] {
        for (qsizetype i = next.fetch_add(1); i < n; i = next.fetch_add(1))
            fn(i);
    };
    std::vector<std::thread> pool;
    for (qsizetype t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
}

void storePrepared(ArticleStore &store, PreparedImport &p)
{
    if (!p.toStore)
        return;
    bool present = false;
    auto id = ArticleRepository(store).addArticle(p.article, p.analysis, Analyzer::Version, &present);
    if (!id) {
        p.outcome.message = id.errorString();
        return;
    }
    p.outcome.articleId = *id;
    p.outcome.status = present ? ImportOutcome::Status::AlreadyPresent : ImportOutcome::Status::Imported;
    qCDebug(lcImport) << p.outcome.path << "->" << *id;
}

// Writes a batch in one transaction (a savepoint per article); when the commit fails, what was
// reported as imported is a failure with its reason.
Status writeBatch(ArticleStore &store, std::vector<PreparedImport> &batch)
{
    Status written = store.beginBulk();
    if (written) {
        for (PreparedImport &p : batch)
            storePrepared(store, p);
        written = store.commitBulk();
    }
    if (!written) {
        for (PreparedImport &p : batch) {
            if (p.outcome.status == ImportOutcome::Status::Imported) {
                p.outcome.status = ImportOutcome::Status::Failed;
                p.outcome.articleId = 0;
                p.outcome.message = written.errorString();
            }
        }
    }
    return written;
}

} // namespace

QList<ImportOutcome> importDataIntoLibrary(ArticleStore &store, const QByteArray &data,
                                           const QString &fileName, const QString &label)
{
    auto imported = ArticleImporter::importDataArticles(data, fileName);
    if (imported) {
        for (ImportedArticle &a : imported.value())
            a.article.provenance.insert(u"file"_s, label);
    }
    std::vector<PreparedImport> batch = toPrepared(std::move(imported), label);
    for (PreparedImport &p : batch) {
        checkPresent(store, p);
        analysePrepared(p);
    }
    (void)writeBatch(store, batch);
    QList<ImportOutcome> outcomes;
    for (const PreparedImport &p : batch)
        outcomes.append(p.outcome);
    return outcomes;
}

ImportOutcome importIntoLibrary(ArticleStore &store, const QString &filePath)
{
    // An export's stories go in together (one transaction); the caller sees the first failure, or
    // else the last story's outcome.
    std::optional<ImportOutcome> failed;
    ImportOutcome last;
    const Status written = importFiles(store, { filePath }, [&](const ImportOutcome &o) {
        if (o.status == ImportOutcome::Status::Failed && !failed)
            failed = o;
        last = o;
        return true;
    });
    if (failed)
        return *failed;
    if (!written) {
        last.status = ImportOutcome::Status::Failed;
        last.message = written.errorString();
    }
    return last;
}

Status importFiles(ArticleStore &store, const QStringList &files,
                   const std::function<bool(const ImportOutcome &)> &onOutcome,
                   const std::function<bool()> &cancelled)
{
    // Files are read and analysed with no transaction open, a batch at a time; the batch is then
    // written in one transaction (a savepoint per article) that holds the write lock only for the
    // writes, so the window can keep saving highlights meanwhile. Outcomes are reported only once
    // their batch is committed: "imported" always means "in the library".
    std::vector<PreparedImport> batch;
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    bool stopped = false;
    auto flush = [&]() -> Status {
        const Status written = writeBatch(store, batch);
        for (PreparedImport &p : batch) {
            // Every stored article is reported, also after a stop request: the stop takes effect
            // between batches.
            if (onOutcome && !onOutcome(p.outcome))
                stopped = true;
        }
        batch.clear();
        sinceFlush.restart();
        return written;
    };
    // Files are prepared a slice at a time on all cores (reading, decoding and analysis in
    // parallel, the duplicate check on this thread, which owns the store's connection); outcomes
    // keep the order of `files`. The slices form a pipeline: while this thread writes one, the next
    // is analysed and the one after it read, so the writes overlap the analysis. After a Cancel (or
    // a stop asked by onOutcome) no slice is begun; what was complete is still written and reported.
    //
    // A slice is as many files as take about BulkBatchMilliseconds to read and analyse, from 16 up to
    // BulkBatchSize: few for slow files (long articles, pages fetched), so that outcomes come often
    // and a Cancel is quick; a whole batch for short articles, so that the analysis of the next
    // batch runs while this thread writes one (with slices of 16, the analysis waited for the write
    // of every batch: half the time one core was idle).
    std::atomic<bool> halted { false };
    const std::function<bool()> halt = [&] { return halted.load() || (cancelled && cancelled()); };
    const qsizetype minSlice = std::max(16, 8 * QThreadPool::globalInstance()->maxThreadCount());
    // The three below are used by one thread at a time: this one before the worker starts, the
    // worker until it is joined.
    qsizetype sliceSize = minSlice;
    qsizetype nextFile = 0;
    qint64 readNs = 0; // the time the last slice took to read (web pages: fetch)
    const auto readSlice = [&] {
        QElapsedTimer reading;
        reading.start();
        const qsizetype from = nextFile;
        const qsizetype n = std::min(sliceSize, files.size() - from);
        nextFile += n;
        std::vector<PreparedFile> prepared(static_cast<size_t>(n));
        parallelFor(n, [&](qsizetype i) { prepared[size_t(i)] = readPrepared(files[from + i], halt); });
        readNs = reading.nsecsElapsed();
        return prepared;
    };
    // The articles to analyse, those of files read whole not already in the library (this thread).
    const auto checkSlice = [&](std::vector<PreparedFile> &prepared) {
        std::vector<PreparedImport *> articles;
        for (PreparedFile &file : prepared) {
            if (!file.read)
                continue;
            for (PreparedImport &p : file.articles) {
                checkPresent(store, p);
                articles.push_back(&p);
            }
        }
        return articles;
    };
    std::vector<PreparedFile> next;
    // In the background: the analysis of a slice of `fileCount` files, then the reading of the next
    // slice, sized by the time this one took to read and analyse.
    const auto analyseAndRead = [&](const std::vector<PreparedImport *> &articles, qsizetype fileCount) {
        QElapsedTimer analysing;
        analysing.start();
        parallelFor(qsizetype(articles.size()),
                    [&](qsizetype i) { analysePrepared(*articles[size_t(i)], halt); });
        const double msPerFile = std::max(1.0, double(readNs + analysing.nsecsElapsed())) / 1e6
            / double(std::max<qsizetype>(1, fileCount));
        sliceSize = std::clamp(qsizetype(BulkBatchMilliseconds / msPerFile), minSlice,
                               std::max(minSlice, qsizetype(BulkBatchSize)));
        if (nextFile < files.size() && !halt())
            next = readSlice();
    };
    Status result;
    if (files.isEmpty() || halt())
        return flush();
    std::vector<PreparedFile> current = readSlice();
    std::vector<PreparedImport *> articles = checkSlice(current);
    std::thread worker([&, n = qsizetype(current.size())] { analyseAndRead(articles, n); });
    while (true) {
        worker.join();
        std::vector<PreparedFile> writing = std::move(current);
        if (!next.empty() && !halt()) {
            current = std::move(next);
            next.clear();
            articles = checkSlice(current);
            worker = std::thread([&, n = qsizetype(current.size())] { analyseAndRead(articles, n); });
        }
        // The stories of one export are written in the same batch, so in one transaction; a file the
        // Cancel left incomplete is dropped whole.
        for (PreparedFile &file : writing) {
            if (!isComplete(file))
                continue;
            for (PreparedImport &p : file.articles)
                batch.push_back(std::move(p));
            if (int(batch.size()) >= BulkBatchSize || sinceFlush.elapsed() >= BulkBatchMilliseconds) {
                if (Status s = flush(); !s && result)
                    result = s;
                if (stopped) {
                    halted = true;
                    if (worker.joinable())
                        worker.join();
                    return result;
                }
            }
        }
        if (!worker.joinable())
            break;
    }
    if (Status s = flush(); !s && result)
        result = s;
    return result;
}

} // namespace Lede
