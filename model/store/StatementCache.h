// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace Lede {

// Prepared SQLite statements for the store's hot write paths (import of many articles with
// hundreds of analysis rows each). Qt SQL re-parses a statement on every prepare() and builds
// placeholder names with QString::arg on every bind, which cost more than SQLite's own work there;
// this talks to the sqlite3 handle of the store's own Qt connection instead, keeping each
// statement prepared for the life of the connection. Same thread, same connection, same
// transaction as the Qt queries around it.
class StatementCache final
{
    Q_DISABLE_COPY_MOVE(StatementCache)

public:
    StatementCache() = default;
    ~StatementCache() { clear(); }

    // Attaches to the connection's sqlite3 handle; false when the driver is not QSQLITE.
    bool attach(const QSqlDatabase &db);
    // Finalizes every statement; must run before the connection closes.
    void clear();

    class Statement
    {
    public:
        Statement(StatementCache *cache, sqlite3_stmt *stmt)
            : m_cache(cache)
            , m_stmt(stmt)
        {
        }
        bool isValid() const { return m_stmt != nullptr; }
        Statement &bind(int index, const QString &text); // a null QString binds as ''
        Statement &bind(int index, qint64 value);
        Statement &bind(int index, double value);
        Statement &bindNull(int index);
        // Runs a statement that returns no rows and resets it, also on error: a statement left
        // mid-way would keep its transaction open (see connectionIdle()). False on error; the
        // cache's errorString()/errorCode() then describe it.
        bool run();

    private:
        StatementCache *m_cache;
        sqlite3_stmt *m_stmt;
    };

    // A statement built at run time (not cached), for reading many rows fast. Finalized on
    // destruction; must not outlive the cache's connection.
    class Reader
    {
        Q_DISABLE_COPY(Reader)

    public:
        Reader(sqlite3 *db, const QString &sql);
        Reader(Reader &&other) noexcept;
        ~Reader();
        bool isValid() const { return m_stmt != nullptr; }
        QString errorString() const;
        void bind(int index, qint64 value);
        // Advances to the next row: true for a row, false at the end or on error (see failed()).
        bool next();
        bool failed() const { return m_failed; }
        qint64 int64(int column) const;
        QString text(int column) const; // NULL reads as an empty string
        // The column's UTF-8 bytes, valid until the next call to next(); NULL reads as empty.
        QByteArrayView utf8(int column) const;
        bool isNull(int column) const;

    private:
        sqlite3 *m_db;
        sqlite3_stmt *m_stmt = nullptr;
        bool m_failed = false;
    };
    Reader reader(const QString &sql) const { return Reader(m_db, sql); }

    // The cached statement for `sql`, prepared on first use; invalid (with errorString()) on a
    // syntax error or when not attached.
    Statement statement(const char *sql);
    // The last failure of a statement run through this cache (or, if none since the last
    // statement(), SQLite's current message for the connection).
    QString errorString() const;
    int errorCode() const;
    // The connection's sqlite3 handle (null when not attached); for transaction control and checks.
    sqlite3 *handle() const { return m_db; }
    // True when the connection is in autocommit mode and no statement on it is mid-way (a
    // statement left un-reset keeps a read snapshot or an uncommitted write alive).
    bool connectionIdle() const;
    qint64 lastInsertRowId() const;
    int changes() const;

private:
    sqlite3 *m_db = nullptr;
    QHash<const char *, sqlite3_stmt *> m_statements; // keyed by the literal's address
    QString m_error;
    int m_errorCode = 0;
};

} // namespace Lede
