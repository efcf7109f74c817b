// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleStore.h"

#include "LibraryMaintenance.h"
#include "Logging.h"
#include "Schema.h"
#include "SqliteError.h"
#include "StoreInternal_p.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

namespace {

// Reads one integer (a PRAGMA or a count) through the raw handle; the statement is finalized before
// returning, so nothing stays open.
std::optional<qint64> readInt(sqlite3 *db, const char *sql, QString *error, int *code = nullptr)
{
    sqlite3_stmt *stmt = nullptr;
    std::optional<qint64> value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        else if (rc == SQLITE_DONE)
            value = 0;
    }
    if (!value) {
        if (error)
            *error = describeSqliteError(db);
        if (code)
            *code = sqlite3_extended_errcode(db);
    }
    sqlite3_finalize(stmt);
    return value;
}

// The first row's text of a statement (e.g. PRAGMA quick_check(1)); nullopt on error.
std::optional<QString> readText(sqlite3 *db, const char *sql, QString *error, int *code = nullptr)
{
    sqlite3_stmt *stmt = nullptr;
    std::optional<QString> value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        else if (rc == SQLITE_DONE)
            value = QString();
    }
    if (!value) {
        if (error)
            *error = describeSqliteError(db);
        if (code)
            *code = sqlite3_extended_errcode(db);
    }
    sqlite3_finalize(stmt);
    return value;
}

QString damagedMessage(const QString &path, const QString &detail)
{
    return ArticleStore::
        tr("%1 is damaged (%2). Lede does not write to a damaged library. Run `lede check` to see what is "
           "wrong, and `lede restore FILE` to go back to a backup (Lede keeps them in %3).")
            .arg(QDir::toNativeSeparators(path), detail,
                 QDir::toNativeSeparators(QFileInfo(path).absolutePath() + u"/backups"_s));
}

} // namespace

ArticleStore::ArticleStore()
    : m_texts(std::make_unique<ArticleTextCache>())
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"lede-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

ArticleStore::~ArticleStore()
{
    close();
}

QString ArticleStore::defaultPath()
{
    // Not AppDataLocation: that folder moves when the window sets an organisation name for its
    // settings, and a library must never seem to vanish. This is where every Lede has kept it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/lede/library.sqlite"_s;
}

QSqlDatabase ArticleStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void ArticleStore::setBusyTimeout(int milliseconds)
{
    if (sqlite3 *db = m_statements.handle())
        sqlite3_busy_timeout(db, milliseconds);
}

Result<qint64> ArticleStore::dataVersion() const
{
    sqlite3 *db = m_statements.handle();
    if (!db)
        return Result<qint64>::failure(tr("the library is not open"));
    QString error;
    const auto version = readInt(db, "PRAGMA data_version", &error);
    if (!version)
        return Result<qint64>::failure(error);
    return *version;
}

bool ArticleStore::isIdle() const
{
    return m_statements.connectionIdle();
}

bool ArticleStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

void ArticleStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    if (m_inBulk)
        (void)commitBulk(); // finished actions are kept; there is no half action to lose
    m_statements.clear();
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_texts->clear();
    m_damaged = false;
}

Status ArticleStore::open(const QString &path)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return Status::failure(tr("%1 is a folder, not a Lede library").arg(path));
        if (info.size() > 0) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Status::failure(tr("Cannot read the library %1: %2").arg(path, file.errorString()));
            if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
                return Status::failure(
                    tr("%1 is not a Lede library (it is not an SQLite database); it was left untouched")
                        .arg(path));
        }
        // SQLite keeps its write-ahead log next to the file, so the folder must be writable too.
        if (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())
            return Status::failure(
                tr("The library %1 cannot be written: the file or its folder is read-only. Make "
                   "them writable, or copy the library to a folder you can write to.")
                    .arg(path));
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Status::failure(tr("Cannot create the folder for the library %1").arg(path));
    } else if (!QFileInfo(info.absolutePath()).isWritable()) {
        return Status::failure(tr("Cannot create the library %1: its folder is read-only").arg(path));
    }

    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return Status::failure(tr("The Qt SQLite driver is not installed (package libqt6sql6-sqlite)"));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(DefaultBusyTimeoutMs));
        if (!db.open()) {
            const QString error = describeSqliteError(db.lastError());
            close();
            return Status::failure(tr("Cannot open the library %1: %2").arg(path, error));
        }
    }
    if (!m_statements.attach(database())) {
        close();
        return Status::failure(
            tr("Cannot open the library %1: the SQLite driver gives no native handle").arg(path));
    }
    // The checks run in their own function so that no query is alive when close() removes the
    // connection after a failure.
    if (Status s = checkAndMigrate(); !s) {
        close();
        return s;
    }
    return {};
}

namespace {

struct LibraryHeader
{
    qint64 applicationId = 0;
    qint64 version = 0;
    qint64 objects = 0;
};

std::optional<LibraryHeader> readHeader(sqlite3 *db, QString *error, int *code = nullptr)
{
    // One statement, so the three come from one snapshot: read one by one, another program creating
    // the library meanwhile could be seen with its tables but not yet its application id.
    sqlite3_stmt *stmt = nullptr;
    std::optional<LibraryHeader> header;
    if (sqlite3_prepare_v2(
            db,
            "SELECT (SELECT application_id FROM pragma_application_id()), "
            "(SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master)",
            -1, &stmt, nullptr)
            == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW) {
        header = LibraryHeader { sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
                                 sqlite3_column_int64(stmt, 2) };
    }
    if (!header) {
        if (error)
            *error = describeSqliteError(db);
        if (code)
            *code = sqlite3_extended_errcode(db);
    }
    sqlite3_finalize(stmt);
    return header;
}

} // namespace

Status ArticleStore::checkAndMigrate()
{
    const QString &path = m_path;
    auto fail = [](const QString &message) { return Status::failure(message); };
    sqlite3 *handle = m_statements.handle();
    QString error;
    // Reading the schema is the first thing that touches the file's pages: a damaged file fails here.
    int code = 0;
    auto header = readHeader(handle, &error, &code);
    if (!header) {
        if (isCorruption(code))
            m_damaged = true;
        return fail(isCorruption(code) ? damagedMessage(path, error)
                                       : tr("Cannot read the library %1: %2").arg(path, error));
    }
    auto refusal = [&](const LibraryHeader &h) -> QString {
        if (h.objects > 0 && h.applicationId != Schema::ApplicationId)
            return tr("%1 is an SQLite database of another program, not a Lede library; it was left "
                      "untouched")
                .arg(path);
        if (h.version > Schema::CurrentVersion)
            return tr("%1 was written by a newer version of Lede (library version %2, this Lede reads up to "
                      "%3)")
                .arg(path)
                .arg(h.version)
                .arg(Schema::CurrentVersion);
        return {};
    };
    if (const QString refused = refusal(*header); !refused.isEmpty())
        return fail(refused);

    // Damage (a disk error, a copy cut short, another program writing into the file) is found
    // before anything is written: SQLite would otherwise list what it can still read and write
    // more into a broken b-tree. PRAGMA quick_check reads every page: ~0.4 s for a 160 MB library
    // (2-core box, warm cache), so it runs on every open up to QuickCheckMaxBytes; larger
    // libraries are checked before their daily backup (LibraryMaintenance).
    const bool existing = header->objects > 0;
    // The daily copy is made by the stores the user waits for least: the main thread's (the window
    // at start, every command). A worker thread's store (an import or export in the window) never
    // makes one, so that Cancel and progress are not held up by a copy of the whole library.
    const bool mainThread
        = QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread();
    const bool dailyBackupDue
        = existing && m_automaticBackups && mainThread && LibraryMaintenance::isDailyBackupDue(path);
    if (existing && (dailyBackupDue || QFileInfo(path).size() <= QuickCheckMaxBytes)) {
        const auto result = readText(handle, "PRAGMA quick_check(1)", &error, &code);
        if (!result || *result != u"ok"_s) {
            if (!result && !isCorruption(code))
                return fail(tr("Cannot read the library %1: %2").arg(path, error));
            m_damaged = true;
            return fail(damagedMessage(path, result ? *result : error));
        }
    }

    // A 16 MB page cache: searches and the export walk large indexes. (The export also maps the
    // file while it runs; see forEachExportRow.)
    // cell_size_check: SQLite checks each b-tree page more closely as it reads it, so damage met
    // later is reported as damage (SQLITE_CORRUPT) instead of being read as data.
    for (const char *pragma :
         { "PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
           "PRAGMA cache_size = -16384", "PRAGMA cell_size_check = ON" }) {
        // Switching a new file to WAL needs it to itself for a moment, and SQLite does not wait
        // for that through the busy timeout: while another program creates the same library, wait
        // here (up to the busy timeout) instead of failing.
        QElapsedTimer waited;
        waited.start();
        bool done = execRaw(m_statements, pragma, &error);
        while (!done && (sqlite3_extended_errcode(handle) & 0xff) == SQLITE_BUSY
               && waited.elapsed() < DefaultBusyTimeoutMs) {
            QThread::msleep(20);
            done = execRaw(m_statements, pragma, &error);
        }
        if (!done)
            return fail(tr("Cannot configure the library %1: %2").arg(path, error));
    }

    if (existing && header->version < Schema::CurrentVersion && m_automaticBackups) {
        // The copy is made before the write lock is taken (it reads a snapshot; another program
        // migrating meanwhile only makes it a copy of the older version, which is what it is for).
        auto copy
            = LibraryMaintenance::makeAutomaticBackup(path, u"before-v%1"_s.arg(Schema::CurrentVersion));
        if (!copy)
            return fail(tr("The library %1 was not upgraded, because it could not be backed up first: %2")
                            .arg(path, copy.errorString()));
    }
    if (header->version < Schema::CurrentVersion) {
        // Another program may be creating or upgrading the same library right now: take the write
        // lock first, then read the version again under it, so the steps run exactly once.
        Transaction tx(m_statements, false, &m_damaged);
        if (!tx.active())
            return fail(tr("Cannot write to the library %1: %2").arg(path, tx.error()));
        header = readHeader(handle, &error);
        if (!header)
            return fail(tr("%1 is damaged or not a Lede library: %2").arg(path, error));
        if (const QString refused = refusal(*header); !refused.isEmpty())
            return fail(refused);
        if (header->version < Schema::CurrentVersion) {
            QSqlDatabase db = database();
            if (auto s = Schema::migrate(db, int(header->version), Schema::CurrentVersion); !s)
                return fail(s.errorString());
            if (!tx.commit())
                return fail(tr("Cannot write to the library %1: %2").arg(path, tx.error()));
            qCInfo(lcStore) << "library" << path << "migrated from version" << header->version << "to"
                            << Schema::CurrentVersion;
        }
    }
    if (dailyBackupDue) {
        // At most one a day, of a library just checked; a failure (full disk, read-only folder for
        // the backups) does not keep the library from opening.
        if (auto copy = LibraryMaintenance::makeAutomaticBackup(path, u"daily"_s); !copy)
            qCWarning(lcStore) << "daily backup of" << path << "failed:" << copy.errorString();
    }
    return {};
}

Status ArticleStore::beginBulk()
{
    if (m_inBulk)
        return Status::failure(tr("A bulk import is already running on this connection"));
    // The batch holds the write lock from its start (it only writes prepared articles), so no
    // article in it can fail on a lock upgrade.
    QString error;
    // The savepoint of each action journals the pages it changes; in memory, not in a temporary
    // file (a large import wrote 220 KB per article there). Set before BEGIN (SQLite reads it when
    // the transaction starts); the library uses no temporary tables that the switch would drop.
    (void)execRaw(m_statements, "PRAGMA temp_store = MEMORY", nullptr);
    if (!execRaw(m_statements, "BEGIN IMMEDIATE", &error)) {
        (void)execRaw(m_statements, "PRAGMA temp_store = DEFAULT", nullptr);
        return Status::failure(tr("Cannot write to the library: %1").arg(error));
    }
    // The articles added from here on are indexed for search at the commit (Schema.cpp, v9): every
    // existing article has an id up to the largest one now, and AUTOINCREMENT gives every new one
    // a larger id.
    if (!execRaw(m_statements,
                 "INSERT INTO articles_fts_deferred (after_id) SELECT ifnull(max(id), 0) FROM articles",
                 &error)) {
        (void)execRaw(m_statements, "ROLLBACK", nullptr);
        (void)execRaw(m_statements, "PRAGMA temp_store = DEFAULT", nullptr);
        return Status::failure(tr("Cannot write to the library: %1").arg(error));
    }
    m_inBulk = true;
    return {};
}

Status ArticleStore::commitBulk()
{
    if (!m_inBulk)
        return {};
    m_inBulk = false;
    QString error;
    // The batch's articles go into the full-text index in one statement, and the deferral ends,
    // in the batch's transaction: the index commits with exactly the articles it holds.
    const bool indexed = execRaw(m_statements,
                                 "INSERT INTO articles_fts (rowid, title, body, metadata_text) "
                                 "SELECT id, title, body, metadata_text FROM articles "
                                 "WHERE id > (SELECT after_id FROM articles_fts_deferred) ORDER BY id",
                                 &error)
        && execRaw(m_statements, "DELETE FROM articles_fts_deferred", &error);
    if (!indexed || !execRaw(m_statements, "COMMIT", &error)) {
        (void)execRaw(m_statements, "ROLLBACK", nullptr);
        (void)execRaw(m_statements, "PRAGMA temp_store = DEFAULT", nullptr);
        m_texts->clear();
        return Status::failure(tr("Cannot write to the library: %1").arg(error));
    }
    (void)execRaw(m_statements, "PRAGMA temp_store = DEFAULT", nullptr);
    return {};
}

void ArticleStore::rollbackBulk()
{
    if (!m_inBulk)
        return;
    m_inBulk = false;
    (void)execRaw(m_statements, "ROLLBACK", nullptr);
    (void)execRaw(m_statements, "PRAGMA temp_store = DEFAULT", nullptr);
    // Rows read inside the dropped transaction may be gone: forget the cached body.
    m_texts->clear();
}

} // namespace Lede
