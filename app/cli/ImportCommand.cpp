// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "library/ArticleEditing.h"
#include "library/LibraryImport.h"
#include "library/Reanalysis.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// Looks for earlier versions of the imported articles (findEarlierVersions) while the import goes on,
// on a thread and a connection of its own: the articles reported imported are committed, and so is
// every article before them, so the search of each one sees what it would see after the import.
// It used to run after the import, alone on one core (a quarter of the store's thread).
class EarlierVersionSearch
{
public:
    explicit EarlierVersionSearch(const QString &libraryPath)
        : m_thread([this, libraryPath] { work(libraryPath); })
    {
    }
    ~EarlierVersionSearch() { (void)finish(); }

    // An article reported imported (its batch is committed).
    void add(qint64 articleId)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_pending.append(articleId);
        }
        m_wake.notify_one();
    }

    // Waits for the search of every article added; nullopt when this thread's own connection could
    // not do it (the caller searches on its connection then).
    std::optional<Result<QHash<qint64, qint64>>> finish()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
        if (!m_opened)
            return std::nullopt;
        if (!m_error.isEmpty())
            return Result<QHash<qint64, qint64>>::failure(m_error);
        return m_found;
    }

private:
    void work(const QString &path)
    {
        ArticleStore store;
        store.setAutomaticBackups(false);
        m_opened = store.open(path).ok();
        for (;;) {
            QList<qint64> ids;
            {
                std::unique_lock lock(m_mutex);
                // A pass reads every URL of the library: wait for a batch's worth of ids.
                m_wake.wait(lock, [this] { return m_finished || m_pending.size() >= MinPass; });
                if (m_pending.isEmpty())
                    return;
                ids.swap(m_pending); // everything reported meanwhile, in one pass
            }
            if (!m_opened || !m_error.isEmpty())
                continue;
            auto found = findEarlierVersions(store, ids);
            if (!found)
                m_error = found.errorString();
            else
                m_found.insert(*found);
        }
    }

    static constexpr qsizetype MinPass = 256;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<qint64> m_pending;
    bool m_finished = false;
    // Written by the thread only, read after it is joined.
    bool m_opened = false;
    QString m_error;
    QHash<qint64, qint64> m_found;
    std::thread m_thread; // last: starts when the members above exist
};

class ImportCommand final : public Command
{
public:
    QString name() const override { return u"import"_s; }
    QString usage() const override { return tr("FILE_OR_DIR_OR_URL... [--replace]"); }
    QString summary() const override { return tr("import, analyse and store articles"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

int ImportCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    const QCommandLineOption replace(
        u"replace"_s,
        tr("When an imported article is a new version of one in the library (the same URL, or the same "
           "title and source with a body at least 80% alike), replace the old one's text and re-attach "
           "its highlights and notes."));
    parser.addOption(replace);
    parser.addPositionalArgument(
        u"paths"_s,
        tr("Article files, folders (searched recursively) or web addresses (http:// or https://, fetched)."),
        tr("FILE_OR_DIR_OR_URL..."));
    int code = 0;
    if (!parse(parser, args, tr("Import, analyse and store articles; one line per file."), &code))
        return code;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(tr("import: name at least one file or folder"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));

    QList<ImportOutcome> failures;
    const QStringList files = collectImportFiles(paths, &failures);
    int imported = 0;
    int present = 0;
    QList<ImportOutcome> importedOutcomes;
    EarlierVersionSearch versions(store.path());
    for (const ImportOutcome &f : std::as_const(failures))
        err(tr("error: %1: %2").arg(f.path, f.message));
    const Status bulk = importFiles(store, files, [&](const ImportOutcome &o) {
        const QString &file = o.path;
        for (const QString &w : o.warnings)
            err(tr("warning: %1: %2").arg(file, w));
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            ++imported;
            importedOutcomes.append(o);
            versions.add(o.articleId);
            // Path and title are escaped: a newline in a name or ESC in a title stays on its line.
            out(tr("imported: %1 (article %2: %3)")
                    .arg(terminalSafe(file), QString::number(o.articleId), terminalSafe(o.title)));
            break;
        case ImportOutcome::Status::AlreadyPresent:
            ++present;
            out(tr("already present: %1 (article %2)").arg(terminalSafe(file), QString::number(o.articleId)));
            break;
        case ImportOutcome::Status::Failed:
            failures.append(o);
            err(tr("error: %1: %2").arg(file, o.message));
            break;
        }
        return true;
    });
    // New versions of stored stories: replaced with --replace, pointed out otherwise.
    int replaced = 0;
    QList<qint64> importedIds;
    for (const ImportOutcome &o : std::as_const(importedOutcomes))
        importedIds << o.articleId;
    auto searched = versions.finish();
    auto earlier = searched ? *searched : findEarlierVersions(store, importedIds);
    if (!earlier)
        err(tr("cannot look for earlier versions: %1").arg(earlier.errorString()));
    for (const ImportOutcome &o : std::as_const(importedOutcomes)) {
        if (!earlier || !earlier->contains(o.articleId))
            continue;
        const qint64 oldId = earlier->value(o.articleId);
        if (!parser.isSet(replace)) {
            err(tr("note: %1 (article %2) looks like a new version of article %3; import it with --replace "
                   "to "
                   "replace that one")
                    .arg(o.path, QString::number(o.articleId), QString::number(oldId)));
            continue;
        }
        auto report = replaceWithVersion(store, oldId, o.articleId);
        if (!report) {
            failures.append(o);
            err(tr("error: %1: cannot replace article %2: %3")
                    .arg(o.path, QString::number(oldId), report.errorString()));
            continue;
        }
        ++replaced;
        out(tr("replaced: article %1 with %2: %3 kept exactly, %4 moved, %5 orphaned")
                .arg(QString::number(oldId), terminalSafe(o.path), QString::number(report->exact),
                     QString::number(report->fuzzy), QString::number(report->orphaned)));
    }
    // The files of a batch that could not be committed were reported as failed one by one; the
    // summary still says what the library now holds.
    out(tr("%1 imported, %2 already present, %3 failed").arg(imported).arg(present).arg(failures.size()));
    if (parser.isSet(replace))
        out(tr("%1 replaced an earlier version").arg(replaced));
    if (!bulk) {
        err(bulk.errorString());
        return 1;
    }
    return failures.isEmpty() ? 0 : 1;
}

} // namespace Lede
