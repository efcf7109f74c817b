// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Annotation.h"
#include "Article.h"
#include "ArticleQuery.h"
#include "ExportRow.h"
#include "Result.h"
#include "Schema.h"
#include "StatementCache.h"
#include "TagSnapshot.h"
#include "TextOffsets.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace Lede {

namespace StoreInternal {
class ArticleTextCache;
class StoreAccess;
} // namespace StoreInternal

// The article library: one SQLite file (WAL, foreign keys, FTS5), schema version in
// PRAGMA user_version, migrated in one transaction on open (Schema.h).
//
// The store is the connection: open, migrations, transactions and bulk batches. What is stored is
// read and written by the repositories, each owning its SQL and taking the store:
// ArticleRepository (articles, full-text search), AnalysisRepository (automatic layers),
// AnnotationRepository, TagRepository (the codebook), CorrectionRepository, ExportReader.
//
// An ArticleStore owns one named Qt SQL connection and must be used from the thread that opened it;
// a worker thread opens its own ArticleStore on the same path. Every mutating call is one
// transaction: on failure nothing is written and the Result/Status carries a one-line message.
// Spans in and out are UTF-16 indices into the body; the file holds code point offsets.
class ArticleStore final
{
    Q_DISABLE_COPY_MOVE(ArticleStore)
    Q_DECLARE_TR_FUNCTIONS(Lede::ArticleStore)

public:
    static constexpr int SchemaVersion = Schema::CurrentVersion;
    static constexpr int ApplicationId = Schema::ApplicationId; // "LEDE"

    ArticleStore();
    ~ArticleStore();

    // Opens or creates the library. Refuses (without touching the file) a file that is not a
    // SQLite database, a SQLite database of another program, one from a newer Lede, one that
    // cannot be written (read-only file or folder), and a damaged one (PRAGMA quick_check, for
    // files up to QuickCheckMaxBytes; the message names `lede check` and `lede restore`).
    Status open(const QString &path);
    static constexpr qint64 QuickCheckMaxBytes = qint64(64) * 1024 * 1024;
    // On open, an existing library gets automatic backups (LibraryMaintenance): one before every
    // migration (the open fails if it cannot be made) and one a day when opened on the main thread
    // (checked first; a failure is only logged). Benchmarks turn them off; call before open().
    void setAutomaticBackups(bool enabled) { m_automaticBackups = enabled; }
    // True once an action met damage (SQLITE_CORRUPT) in the file: from then on every write is
    // refused with a "damaged" message, until the library is opened again.
    bool isDamaged() const { return m_damaged; }
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // The default library file: <GenericDataLocation>/lede/library.sqlite (~/.local/share/lede/).
    static QString defaultPath();

    // Bulk work (importing many files): groups the actions that follow into one SQLite transaction
    // while each stays atomic on its own (a savepoint), so a failed article rolls back alone and the
    // batch is made durable once, not once per article. The articles a batch adds are indexed for
    // search once, by commitBulk() (schema v9: FTS5 writes its pending terms at every savepoint, so
    // indexing them one by one cost a flush per article; bench/README.md): until then the search of
    // this connection does not find them, and no other connection sees them anyway. Changes and
    // removals of older articles reach the index at once. commitBulk() makes the
    // batch durable and ends it; call it every few hundred actions. A crash loses at most the
    // uncommitted batch, never half an action. close() commits an open batch.
    // The same mechanism makes a compound action (an undo step that removes a highlight and the
    // tags it created) one transaction: begin, the calls, then commitBulk() or rollbackBulk().
    Status beginBulk();
    Status commitBulk();
    void rollbackBulk(); // drops everything since beginBulk()
    bool inBulk() const { return m_inBulk; }

    // Changes by other connections (another program, or another ArticleStore in this one): a number
    // that changes whenever anyone else has committed to the library since the last call, and
    // stays the same for this connection's own writes (SQLite's PRAGMA data_version). Cheap: no
    // page is read. LibraryWatcher polls it.
    Result<qint64> dataVersion() const;

    // How long a write waits for another program's write lock before it fails as "busy"
    // (default DefaultBusyTimeoutMs).
    static constexpr int DefaultBusyTimeoutMs = 5000;
    void setBusyTimeout(int milliseconds);
    // True when nothing is open on the connection: no transaction and no statement mid-way. Holds
    // after every public call returns (outside a bulk batch), so no snapshot or lock outlives an
    // action; tests assert it.
    bool isIdle() const;

    // For tests and benchmarks: the connection (owned by this thread).
    QSqlDatabase database() const;

private:
    friend class StoreInternal::StoreAccess; // the repositories' way to the connection and its state

    Status checkAndMigrate();

    QString m_path;
    QString m_connectionName;

    bool m_inBulk = false;
    mutable bool m_damaged = false;
    bool m_automaticBackups = true;
    mutable StatementCache m_statements;
    // The last article's body and code point map (bodies never change once stored).
    std::unique_ptr<StoreInternal::ArticleTextCache> m_texts;
};

} // namespace Lede
