// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/FileAccess.h"
#include "library/LibraryImport.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestLibraryImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void collectsFoldersRecursivelyAndReportsMissing();
    void everyReportedImportIsStored_data();
    void everyReportedImportIsStored();
    void reimportIsAlreadyPresent();
    void badEntriesAreReportedNotSkipped();
    void allCoresKeepOrderAndResults();
    void cancelReportsOnlyWhatWasCommitted();

private:
    void writeStories(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
};

void TestLibraryImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_folder = m_dir->filePath(u"stories"_s);
    QVERIFY(QDir().mkpath(m_folder + u"/nested"_s));
}

void TestLibraryImport::writeStories(int count)
{
    for (int i = 0; i < count; ++i) {
        QFile f(m_folder + (i % 2 ? u"/nested"_s : QString())
                + u"/story-%1.txt"_s.arg(i, 4, 10, QLatin1Char('0')));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"Ferry service %1 resumes\n\nBy Ana Lima\n\nISLEBY (Test Wire) – Ferry route %1 reopened on "
                u"Monday, "
                u"the operator said.\n"_s.arg(i)
                    .toUtf8());
    }
    QFile empty(m_folder + u"/empty.txt"_s);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    QFile ignored(m_folder + u"/notes.epub"_s); // not an article format: skipped inside folders
    QVERIFY(ignored.open(QIODevice::WriteOnly));
    ignored.write("x");
}

void TestLibraryImport::collectsFoldersRecursivelyAndReportsMissing()
{
    writeStories(4);
    QList<ImportOutcome> errors;
    const QStringList files = collectImportFiles({ m_folder, m_dir->filePath(u"missing.txt"_s) }, &errors);
    QCOMPARE(files.size(), 5); // four stories and the empty file, not the .epub
    QVERIFY(std::is_sorted(files.begin(), files.end()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().status, ImportOutcome::Status::Failed);
    QVERIFY(errors.first().path.endsWith(u"missing.txt"_s));
}

void TestLibraryImport::everyReportedImportIsStored_data()
{
    QTest::addColumn<int>("stories");
    QTest::addColumn<int>("stopAfter"); // outcomes seen before asking to stop; 0 = never
    QTest::newRow("one-batch") << 10 << 0;
    QTest::newRow("several-batches") << BulkBatchSize * 2 + 7 << 0;
    QTest::newRow("stop-in-first-batch-reports-whole-batch") << BulkBatchSize + 50 << 1;
}

void TestLibraryImport::everyReportedImportIsStored()
{
    QFETCH(int, stories);
    QFETCH(int, stopAfter);
    writeStories(stories);
    ArticleStore store;
    QVERIFY(store.open(m_dir->filePath(u"lib.sqlite"_s)).ok());
    const QStringList files = collectImportFiles({ m_folder }, nullptr);
    int seen = 0;
    int imported = 0;
    int failed = 0;
    const Status s = importFiles(store, files, [&](const ImportOutcome &o) {
        ++seen;
        if (o.status == ImportOutcome::Status::Imported) {
            ++imported;
            [&] { QVERIFY(ArticleRepository(store).article(o.articleId).ok()); }();
        } else if (o.status == ImportOutcome::Status::Failed) {
            ++failed;
            [&] { QVERIFY(o.message.contains(u"empty"_s)); }();
        }
        return stopAfter == 0 || seen < stopAfter;
    });
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
    QVERIFY(!store.inBulk());
    QCOMPARE(*ArticleRepository(store).articleCount(), imported);
    if (stopAfter == 0) {
        QCOMPARE(imported, stories);
        QCOMPARE(failed, 1);
    } else {
        QVERIFY(imported > 0 && imported < stories);
    }
}

void TestLibraryImport::reimportIsAlreadyPresent()
{
    writeStories(3);
    ArticleStore store;
    QVERIFY(store.open(m_dir->filePath(u"lib.sqlite"_s)).ok());
    const QString file = m_folder + u"/story-0000.txt"_s;
    const ImportOutcome first = importIntoLibrary(store, file);
    QCOMPARE(first.status, ImportOutcome::Status::Imported);
    const ImportOutcome again = importIntoLibrary(store, file);
    QCOMPARE(again.status, ImportOutcome::Status::AlreadyPresent);
    QCOMPARE(again.articleId, first.articleId);
    QCOMPARE(*ArticleRepository(store).articleCount(), 1);
    // The analysis was stored with the article.
    auto analysis = AnalysisRepository(store).analysis(first.articleId);
    QVERIFY(analysis.ok());
    QVERIFY(!analysis->entities.isEmpty());
}

void TestLibraryImport::badEntriesAreReportedNotSkipped()
{
    // A good story under a name that is not UTF-8, one swapped for a FIFO after the scan, a loop of
    // links: the good ones are stored, every other one is reported with its reason, nothing hangs.
    writeStories(2);
    QVERIFY(QFile::remove(m_folder + u"/empty.txt"_s));
    const QByteArray badName = QFile::encodeName(m_folder) + "/caf\xE9 \xFF.txt";
    {
        QFile good(m_folder + u"/story-0000.txt"_s);
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray text = good.readAll().replace("Ferry service 0", "Ferry service 99");
        FILE *out = std::fopen(badName.constData(), "wb"); // Qt cannot name this file
        QVERIFY(out);
        QCOMPARE(std::fwrite(text.constData(), 1, size_t(text.size()), out), size_t(text.size()));
        std::fclose(out);
    }
    const QString loop = m_folder + u"/loop.txt"_s;
    QCOMPARE(::symlink("loop.txt", QFile::encodeName(loop).constData()), 0);
    const QString swapped = m_folder + u"/story-0001.txt"_s; // in nested/ is story-0001; this one is new
    QFile f(swapped);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Placeholder text of several words.\n");
    f.close();

    const QString vanishing = m_folder + u"/vanishing.txt"_s;
    QFile v(vanishing);
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("A story that is removed after the folder was read.\n");
    v.close();

    QList<ImportOutcome> errors;
    const QStringList files = collectImportFiles({ m_folder }, &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(files.contains(loop));
    QVERIFY(files.contains(fileNameFromNative(badName)));
    QVERIFY(files.contains(vanishing));
    QVERIFY(QFile::remove(vanishing)); // gone between the scan and the read
    // Swapped for a FIFO after the scan.
    QVERIFY(QFile::remove(swapped));
    QCOMPARE(::mkfifo(QFile::encodeName(swapped).constData(), 0644), 0);

    ArticleStore store;
    QVERIFY(store.open(m_dir->filePath(u"lib.sqlite"_s)).ok());
    QHash<QString, ImportOutcome> outcomes;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(importFiles(store, files, [&](const ImportOutcome &o) {
                outcomes.insert(o.path, o);
                return true;
            }).ok());
    QVERIFY(timer.elapsed() < 60000);
    QCOMPARE(outcomes.size(), files.size());
    QCOMPARE(outcomes[loop].status, ImportOutcome::Status::Failed);
    QVERIFY2(outcomes[loop].message.contains(u"loop of symbolic links"_s),
             qPrintable(outcomes[loop].message));
    QCOMPARE(outcomes[swapped].status, ImportOutcome::Status::Failed);
    QVERIFY2(outcomes[swapped].message.contains(u"FIFO"_s), qPrintable(outcomes[swapped].message));
    QCOMPARE(outcomes[vanishing].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[vanishing].message, u"no such file"_s);
    const ImportOutcome &named = outcomes[fileNameFromNative(badName)];
    QVERIFY2(named.status != ImportOutcome::Status::Failed, qPrintable(named.message));
    auto article = ArticleRepository(store).article(named.articleId);
    QVERIFY(article.ok());
    QVERIFY2(article->path.endsWith(u"caf\\xE9 \\xFF.txt"_s), qPrintable(article->path));

    // A folder given as a link loop, and a missing path, are named for what they are.
    QCOMPARE(::symlink("self", QFile::encodeName(m_dir->filePath(u"self"_s)).constData()), 0);
    errors.clear();
    collectImportFiles({ m_dir->filePath(u"self"_s), m_dir->filePath(u"gone"_s) }, &errors);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].message, u"a loop of symbolic links"_s);
    QCOMPARE(errors[1].message, u"no such file or folder"_s);
}

// Reading and analysis run on several threads: the outcomes still come in file order, duplicates
// inside one slice are reported as already present, and what is stored equals a one-thread import.
void TestLibraryImport::allCoresKeepOrderAndResults()
{
    writeStories(70);
    QFile::copy(m_folder + u"/story-0000.txt"_s, m_folder + u"/story-0000-copy.txt"_s);
    // A copy far from its original, in a later slice of the pipeline (written while the original's
    // slice may still be waiting for its transaction): still "already present", with its id.
    QFile::copy(m_folder + u"/story-0002.txt"_s, m_folder + u"/story-0068-copy.txt"_s);
    const QStringList files = collectImportFiles({ m_folder }, nullptr);
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    QList<QStringList> reports;
    QList<QList<AnalysisResult>> stored;
    for (int n : { 1, 4 }) {
        pool->setMaxThreadCount(n);
        ArticleStore store;
        QVERIFY(store.open(m_dir->filePath(u"lib-%1.sqlite"_s.arg(n))).ok());
        QStringList report;
        QList<qint64> ids;
        QHash<QString, qint64> idOf;
        const Status s = importFiles(store, files, [&](const ImportOutcome &o) {
            report.append(o.path + u' ' + QString::number(int(o.status)));
            idOf.insert(QFileInfo(o.path).fileName(), o.articleId);
            if (o.status == ImportOutcome::Status::Imported)
                ids.append(o.articleId);
            return true;
        });
        QVERIFY(s.ok());
        QVERIFY(idOf.value(u"story-0002.txt"_s) > 0);
        QCOMPARE(idOf.value(u"story-0068-copy.txt"_s), idOf.value(u"story-0002.txt"_s));
        QList<AnalysisResult> analyses;
        for (qint64 id : std::as_const(ids))
            analyses.append(*AnalysisRepository(store).analysis(id));
        reports.append(report);
        stored.append(analyses);
    }
    pool->setMaxThreadCount(threads);
    QCOMPARE(reports[0].size(), files.size());
    for (int i = 0; i < files.size(); ++i)
        QVERIFY(reports[0][i].startsWith(files[i] + u' '));
    QCOMPARE(reports[1], reports[0]);
    // "story-0000-copy.txt" sorts first: the original after it is the duplicate.
    QCOMPARE(reports[0].filter(u"story-0000-copy.txt "_s).value(0).back(),
             QChar(u'0' + int(ImportOutcome::Status::Imported)));
    QCOMPARE(reports[0].filter(u"story-0000.txt "_s).value(0).back(),
             QChar(u'0' + int(ImportOutcome::Status::AlreadyPresent)));
    QCOMPARE(reports[0].filter(u"story-0068-copy.txt "_s).value(0).back(),
             QChar(u'0' + int(ImportOutcome::Status::AlreadyPresent)));
    QCOMPARE(stored[1].size(), stored[0].size());
    for (qsizetype i = 0; i < stored[0].size(); ++i) {
        QCOMPARE(stored[1][i].entities.size(), stored[0][i].entities.size());
        QCOMPARE(stored[1][i].quotes.size(), stored[0][i].quotes.size());
        QCOMPARE(stored[1][i].figures.size(), stored[0][i].figures.size());
    }
}

void TestLibraryImport::cancelReportsOnlyWhatWasCommitted()
{
    // The Cancel comes with the first committed batch, while later slices are being read and
    // analysed: what was reported is exactly what is stored, in the order of the files, and the
    // rest is neither stored nor reported.
    const int stories = BulkBatchSize * 3;
    writeStories(stories);
    const QStringList files = collectImportFiles({ m_folder }, nullptr);
    const int threads = QThreadPool::globalInstance()->maxThreadCount();
    for (int n : { 1, 2, 4 }) {
        QThreadPool::globalInstance()->setMaxThreadCount(n);
        ArticleStore store;
        QVERIFY(store.open(m_dir->filePath(u"cancel-%1.sqlite"_s.arg(n))).ok());
        std::atomic<bool> cancel { false };
        QStringList reported;
        QList<qint64> ids;
        const Status s = importFiles(
            store, files,
            [&](const ImportOutcome &o) {
                reported.append(o.path);
                if (o.status == ImportOutcome::Status::Imported)
                    ids.append(o.articleId);
                cancel = true;
                return true;
            },
            [&] { return cancel.load(); });
        QVERIFY(s.ok());
        QVERIFY(!store.inBulk());
        QVERIFY2(!reported.isEmpty() && reported.size() < files.size(),
                 qPrintable(QString::number(reported.size())));
        QCOMPARE(reported, files.mid(0, reported.size()));
        QCOMPARE(*ArticleRepository(store).articleCount(), ids.size());
        for (qint64 id : std::as_const(ids))
            QVERIFY(ArticleRepository(store).article(id).ok());
        // The search finds exactly the articles reported (the index is written with each batch).
        ArticleQuery ferries;
        ferries.search = u"ferry reopened"_s;
        const auto found = ArticleRepository(store).articles(ferries);
        QVERIFY(found.ok());
        QList<qint64> foundIds;
        for (const ArticleSummary &a : *found)
            foundIds.append(a.id);
        std::sort(foundIds.begin(), foundIds.end());
        QList<qint64> reportedIds = ids;
        std::sort(reportedIds.begin(), reportedIds.end());
        QCOMPARE(foundIds, reportedIds);
    }
    QThreadPool::globalInstance()->setMaxThreadCount(threads);
}

QTEST_GUILESS_MAIN(TestLibraryImport)
#include "tst_libraryimport.moc"
