// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryMaintenance.h"

#include "ArticleStore.h"
#include "Logging.h"
#include "Schema.h"
#include "SqliteError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sqlite3.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lede::LibraryMaintenance {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::LibraryMaintenance", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// One short-lived raw connection; closed (and every statement finalized) on destruction.
class Connection
{
    Q_DISABLE_COPY_MOVE(Connection)

public:
    Connection() = default;
    ~Connection() { sqlite3_close_v2(m_db); }

    bool open(const QString &path, bool writable)
    {
        const int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr) != SQLITE_OK) {
            m_error = describeSqliteError(m_db);
            return false;
        }
        sqlite3_busy_timeout(m_db, ArticleStore::DefaultBusyTimeoutMs);
        sqlite3_extended_result_codes(m_db, 1);
        return true;
    }
    sqlite3 *handle() const { return m_db; }
    QString error() const { return m_error.isEmpty() ? describeSqliteError(m_db) : m_error; }
    int errorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_CANTOPEN; }

    bool exec(const char *sql)
    {
        m_error.clear();
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }

    // Every row's columns as text; nullopt on error (then error()).
    std::optional<QList<QStringList>> rows(const char *sql, int limit = 1000)
    {
        m_error.clear();
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            m_error = describeSqliteError(m_db);
            return std::nullopt;
        }
        QList<QStringList> out;
        int rc = SQLITE_ROW;
        while (int(out.size()) < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            QStringList row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i)
                row << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)));
            out << row;
        }
        const bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
        if (!ok)
            m_error = describeSqliteError(m_db);
        sqlite3_finalize(stmt);
        if (!ok)
            return std::nullopt;
        return out;
    }

    std::optional<qint64> integer(const char *sql)
    {
        auto r = rows(sql, 1);
        if (!r)
            return std::nullopt;
        return r->isEmpty() || r->first().isEmpty() ? 0 : r->first().first().toLongLong();
    }

private:
    sqlite3 *m_db = nullptr;
    QString m_error;
};

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

bool renameOver(const QString &from, const QString &to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

bool samePath(const QString &a, const QString &b)
{
    const QFileInfo ia(a);
    const QFileInfo ib(b);
    if (ia.exists() && ib.exists())
        return ia.canonicalFilePath() == ib.canonicalFilePath();
    return ia.absoluteFilePath() == ib.absoluteFilePath();
}

QString temporaryName(const QString &target)
{
    const QFileInfo info(target);
    return info.absolutePath() + u"/."_s + info.fileName()
        + u".tmp-%1-%2"_s.arg(QCoreApplication::applicationPid())
              .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

// Temporary files of a copy whose process was killed half-way are removed (a live process's are not).
void removeStaleTemporaryFiles(const QString &folder)
{
    static const QRegularExpression pattern(u"^\\..*\\.tmp-(\\d+)-[0-9a-f]{8}(-wal|-shm|-journal)?$"_s);
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        const auto pid = pid_t(match.captured(1).toLongLong());
        if (::kill(pid, 0) != 0 && errno == ESRCH)
            QFile::remove(dir.filePath(name));
    }
}

void removeDatabaseFiles(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
}

// VACUUM INTO a temporary file next to `target`, synced, then renamed over it.
Status copyConsistently(const QString &source, const QString &target)
{
    Connection db;
    if (!db.open(source, false))
        return Status::failure(tr("Cannot read %1: %2").arg(native(source), db.error()));
    const QString temp = temporaryName(target);
    removeDatabaseFiles(temp);
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db.handle(), "VACUUM INTO ?1", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        const QByteArray name = QFile::encodeName(temp);
        sqlite3_bind_text(stmt, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        rc = sqlite3_step(stmt);
    }
    const QString error = describeSqliteError(db.handle());
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        removeDatabaseFiles(temp);
        return Status::failure(tr("Cannot copy %1: %2").arg(native(source), error));
    }
    if (!syncFile(temp) || !renameOver(temp, target)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeDatabaseFiles(temp);
        return Status::failure(tr("Cannot write %1: %2").arg(native(target), reason));
    }
    syncFolder(QFileInfo(target).absolutePath());
    return {};
}

struct LedeHeader
{
    qint64 applicationId = 0;
    qint64 version = 0;
    qint64 objects = 0;
};

std::optional<LedeHeader> readHeader(Connection &db)
{
    const auto applicationId = db.integer("PRAGMA application_id");
    const auto version = applicationId ? db.integer("PRAGMA user_version") : std::nullopt;
    const auto objects = version ? db.integer("SELECT count(*) FROM sqlite_master") : std::nullopt;
    if (!objects)
        return std::nullopt;
    return LedeHeader { *applicationId, *version, *objects };
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

const QRegularExpression &stampPattern()
{
    static const QRegularExpression pattern(u"-(\\d{8}-\\d{6})(?:-[A-Za-z0-9-]+)?\\.sqlite$"_s);
    return pattern;
}

std::optional<QDateTime> backupTime(const QString &fileName)
{
    const auto match = stampPattern().match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    QDateTime t = QDateTime::fromString(match.captured(1), u"yyyyMMdd-HHmmss"_s);
    if (!t.isValid())
        return std::nullopt;
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

Result<CheckReport> check(const QString &libraryPath)
{
    using R = Result<CheckReport>;
    const QFileInfo info(libraryPath);
    if (!info.exists())
        return R::failure(tr("There is no library at %1").arg(native(libraryPath)));
    if (!info.isFile() || !hasSqliteHeader(libraryPath))
        return R::failure(
            tr("%1 is not a Lede library (it is not an SQLite database)").arg(native(libraryPath)));

    Connection db;
    const bool writable = db.open(libraryPath, true);
    if (!writable && !db.open(libraryPath, false))
        return R::failure(tr("Cannot read the library %1: %2").arg(native(libraryPath), db.error()));

    CheckReport report;
    QStringList lines;
    lines << tr("Library: %1 (%2)").arg(native(libraryPath), sizeText(info.size()));

    const auto header = readHeader(db);
    if (!header) {
        report.problems << tr("The library's schema cannot be read: %1").arg(db.error());
    } else {
        if (header->objects > 0 && header->applicationId != Schema::ApplicationId)
            report.problems << tr("This is an SQLite database of another program, not a Lede library.");
        if (header->version > Schema::CurrentVersion)
            report.problems
                << tr("It was written by a newer Lede (library version %1; this Lede knows up to %2).")
                       .arg(header->version)
                       .arg(Schema::CurrentVersion);
        const auto articles = db.integer("SELECT count(*) FROM articles");
        const auto annotations = articles ? db.integer("SELECT count(*) FROM annotations") : std::nullopt;
        const auto tags = annotations ? db.integer("SELECT count(*) FROM tags") : std::nullopt;
        if (tags)
            lines << tr("Contents: %1 articles, %2 annotations, %3 tags (library version %4)")
                         .arg(*articles)
                         .arg(*annotations)
                         .arg(*tags)
                         .arg(header->version);
        else
            lines << tr("Contents: cannot be counted (%1)").arg(db.error());
    }

    // Structure: every page, table and index.
    if (auto rows = db.rows("PRAGMA integrity_check(100)")) {
        const bool ok = rows->size() == 1 && rows->first().value(0) == u"ok"_s;
        if (ok) {
            lines << tr("Structure (integrity check): ok");
        } else {
            lines << tr("Structure (integrity check): %1 problem(s)%2")
                         .arg(rows->size())
                         .arg(rows->size() >= 100 ? tr(" or more") : QString());
            for (const QStringList &row : std::as_const(*rows))
                report.problems << tr("Structure: %1").arg(row.value(0));
        }
    } else {
        lines << tr("Structure (integrity check): cannot be read");
        report.problems << tr("The structure check stopped: %1").arg(db.error());
    }

    // References: annotations, tags and layers whose article or tag is gone.
    if (auto rows = db.rows("PRAGMA foreign_key_check", 100000)) {
        if (rows->isEmpty()) {
            lines << tr("References between articles, annotations and tags: ok");
        } else {
            QMap<QPair<QString, QString>, int> counts;
            for (const QStringList &row : std::as_const(*rows))
                ++counts[{ row.value(0), row.value(2) }];
            lines << tr("References between articles, annotations and tags: %1 broken").arg(rows->size());
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                report.problems << tr("%1 row(s) of %2 point to a row of %3 that does not exist.")
                                       .arg(it.value())
                                       .arg(it.key().first, it.key().second);
        }
    } else {
        lines << tr("References between articles, annotations and tags: cannot be read");
        report.problems << tr("The reference check stopped: %1").arg(db.error());
    }

    // The search index against the articles (FTS5 'integrity-check' with rank 1 compares the
    // index with its content table). It is written as an INSERT, so it runs in a transaction
    // that is rolled back: nothing is changed.
    if (!writable) {
        lines << tr("Search index: not checked (the library cannot be written, which this check needs)");
    } else if (!db.exec("BEGIN IMMEDIATE")) {
        lines << tr("Search index: not checked (%1)").arg(db.error());
    } else {
        if (db.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")) {
            lines << tr("Search index: ok");
        } else {
            lines << tr("Search index: does not match the articles");
            report.problems << tr("The search index does not match the articles (%1); searches may miss or "
                                  "invent articles.")
                                   .arg(db.error());
        }
        (void)db.exec("ROLLBACK");
    }

    report.healthy = report.problems.isEmpty();
    if (report.healthy) {
        lines << tr("Result: the library is healthy.");
    } else {
        for (const QString &problem : std::as_const(report.problems))
            lines << u"  - "_s + problem;
        const QStringList backups = automaticBackups(libraryPath);
        lines << tr("Result: %1 problem(s) found. Go back to a backup with `lede restore FILE`; %2")
                     .arg(report.problems.size())
                     .arg(backups.isEmpty()
                              ? tr("there are no automatic backups in %1.")
                                    .arg(native(backupFolder(libraryPath)))
                              : tr("the newest automatic backup is %1.").arg(native(backups.first())));
    }
    for (const QString &line : std::as_const(lines))
        report.text += line + u'\n';
    return report;
}

Status backup(const QString &libraryPath, const QString &targetPath)
{
    if (!QFileInfo(libraryPath).isFile() || !hasSqliteHeader(libraryPath))
        return Status::failure(tr("%1 is not a Lede library").arg(native(libraryPath)));
    if (samePath(libraryPath, targetPath))
        return Status::failure(tr("The backup cannot be written onto the library itself"));
    const QFileInfo target(targetPath);
    if (target.exists() && !target.isFile())
        return Status::failure(
            tr("%1 is not a regular file; the backup is not written there").arg(native(targetPath)));
    if (!QFileInfo(target.absolutePath()).isDir())
        return Status::failure(tr("The folder %1 does not exist").arg(native(target.absolutePath())));
    {
        Connection db;
        if (!db.open(libraryPath, false))
            return Status::failure(tr("Cannot read the library %1: %2").arg(native(libraryPath), db.error()));
        const auto header = readHeader(db);
        if (!header)
            return Status::failure(tr("Cannot read the library %1: %2").arg(native(libraryPath), db.error()));
        if (header->objects > 0 && header->applicationId != Schema::ApplicationId)
            return Status::failure(tr("%1 is an SQLite database of another program, not a Lede library")
                                       .arg(native(libraryPath)));
    }
    return copyConsistently(libraryPath, target.absoluteFilePath());
}

Result<RestoreOutcome> restore(const QString &backupPath, const QString &libraryPath)
{
    using R = Result<RestoreOutcome>;
    const QFileInfo source(backupPath);
    if (!source.isFile())
        return R::failure(tr("There is no backup at %1").arg(native(backupPath)));
    if (samePath(backupPath, libraryPath))
        return R::failure(tr("%1 is the library itself, not a backup of it").arg(native(backupPath)));
    if (!hasSqliteHeader(backupPath))
        return R::failure(tr("%1 is not a Lede library (it is not an SQLite database); nothing was changed")
                              .arg(native(backupPath)));

    RestoreOutcome outcome;
    {
        // The backup must be a healthy library this Lede can read before anything is moved.
        Connection db;
        if (!db.open(backupPath, false))
            return R::failure(tr("Cannot read the backup %1: %2").arg(native(backupPath), db.error()));
        const auto header = readHeader(db);
        if (!header)
            return R::failure(
                tr("Cannot read the backup %1: %2; nothing was changed").arg(native(backupPath), db.error()));
        if (header->applicationId != Schema::ApplicationId || header->objects == 0)
            return R::failure(tr("%1 is not a Lede library; nothing was changed").arg(native(backupPath)));
        if (header->version > Schema::CurrentVersion)
            return R::failure(tr("%1 was written by a newer Lede (library version %2); nothing was changed")
                                  .arg(native(backupPath))
                                  .arg(header->version));
        const auto rows = db.rows("PRAGMA integrity_check(1)");
        if (!rows || rows->size() != 1 || rows->first().value(0) != u"ok"_s)
            return R::failure(tr("The backup %1 is damaged itself (%2); nothing was changed")
                                  .arg(native(backupPath), rows ? rows->value(0).value(0) : db.error()));
        const auto articles = db.integer("SELECT count(*) FROM articles");
        if (!articles)
            return R::failure(
                tr("Cannot read the backup %1: %2; nothing was changed").arg(native(backupPath), db.error()));
        outcome.articles = *articles;
    }

    const QFileInfo library(libraryPath);
    if (!QDir().mkpath(library.absolutePath()))
        return R::failure(tr("Cannot create the folder %1").arg(native(library.absolutePath())));
    removeStaleTemporaryFiles(library.absolutePath());
    const QString temp = temporaryName(library.absoluteFilePath());
    if (Status s = copyConsistently(backupPath, temp); !s)
        return R::failure(s.errorString() + tr("; nothing was changed"));

    if (library.exists()) {
        // Fold the write-ahead log into the file first (best effort; it moves along otherwise).
        {
            Connection db;
            if (db.open(libraryPath, true))
                (void)db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        outcome.previousCopy = library.absoluteFilePath() + u".before-restore"_s;
        removeDatabaseFiles(outcome.previousCopy);
        if (!renameOver(library.absoluteFilePath(), outcome.previousCopy)) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            removeDatabaseFiles(temp);
            return R::failure(
                tr("Cannot move the current library aside: %1; nothing was changed").arg(reason));
        }
        const QString wal = library.absoluteFilePath() + u"-wal"_s;
        if (QFileInfo::exists(wal))
            (void)renameOver(wal, outcome.previousCopy + u"-wal"_s);
        QFile::remove(library.absoluteFilePath() + u"-shm"_s);
    }
    if (!renameOver(temp, library.absoluteFilePath())) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (!outcome.previousCopy.isEmpty())
            (void)renameOver(outcome.previousCopy, library.absoluteFilePath());
        removeDatabaseFiles(temp);
        return R::failure(tr("Cannot put the backup in place: %1").arg(reason));
    }
    syncFolder(library.absolutePath());
    return outcome;
}

QString backupFolder(const QString &libraryPath)
{
    return QFileInfo(libraryPath).absolutePath() + u"/backups"_s;
}

QStringList automaticBackups(const QString &libraryPath)
{
    const QString base = QFileInfo(libraryPath).completeBaseName();
    const QDir folder(backupFolder(libraryPath));
    QStringList out;
    for (const QString &name : folder.entryList({ base + u"-*.sqlite"_s }, QDir::Files)) {
        // Only names this code made: base, then the stamp (other libraries may share the folder).
        const auto match = stampPattern().match(name);
        if (match.hasMatch() && match.capturedStart() == base.size())
            out << folder.filePath(name);
    }
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) { return a > b; });
    return out;
}

Result<QString> makeAutomaticBackup(const QString &libraryPath, const QString &reason, const QDateTime &now)
{
    using R = Result<QString>;
    const QString folder = backupFolder(libraryPath);
    if (!QDir().mkpath(folder))
        return R::failure(tr("Cannot create the backup folder %1").arg(native(folder)));
    removeStaleTemporaryFiles(folder);
    const QString stem = folder + u'/' + QFileInfo(libraryPath).completeBaseName() + u'-'
        + now.toUTC().toString(u"yyyyMMdd-HHmmss"_s) + (reason.isEmpty() ? QString() : u'-' + reason);
    QString target = stem + u".sqlite"_s;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = stem + u"-%1.sqlite"_s.arg(n);
    if (Status s = backup(libraryPath, target); !s)
        return R::failure(s.errorString());
    const QStringList all = automaticBackups(libraryPath);
    for (qsizetype i = KeptBackups; i < all.size(); ++i) {
        if (!samePath(all[i], target))
            removeDatabaseFiles(all[i]);
    }
    qCInfo(lcStore) << "backup of" << libraryPath << "written to" << target;
    return target;
}

bool isDailyBackupDue(const QString &libraryPath, const QDateTime &now)
{
    const QStringList all = automaticBackups(libraryPath);
    for (const QString &path : all) {
        const auto t = backupTime(QFileInfo(path).fileName());
        if (t && t->secsTo(now) < 24 * 60 * 60 && *t <= now.addSecs(60))
            return false;
    }
    return true;
}

Result<QString> makeDailyBackupIfDue(const QString &libraryPath, const QDateTime &now)
{
    using R = Result<QString>;
    if (!isDailyBackupDue(libraryPath, now))
        return QString();
    {
        Connection db;
        if (!db.open(libraryPath, false))
            return R::failure(tr("Cannot read the library %1: %2").arg(native(libraryPath), db.error()));
        const auto rows = db.rows("PRAGMA quick_check(1)");
        if (!rows || rows->size() != 1 || rows->first().value(0) != u"ok"_s)
            return R::failure(tr("%1 is damaged (%2), so it was not backed up over the good copies")
                                  .arg(native(libraryPath), rows ? rows->value(0).value(0) : db.error()));
    }
    return makeAutomaticBackup(libraryPath, u"daily"_s, now);
}

} // namespace Lede::LibraryMaintenance
