// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatementCache.h"

#include "Logging.h"

#include <QSqlDriver>
#include <sqlite3.h>
#include <utility>

namespace Lede {

bool StatementCache::attach(const QSqlDatabase &db)
{
    clear();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        qCWarning(lcStore) << "no sqlite3 handle behind the connection";
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.data());
    return m_db != nullptr;
}

void StatementCache::clear()
{
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        sqlite3_finalize(stmt);
    m_statements.clear();
    m_db = nullptr;
}

StatementCache::Statement StatementCache::statement(const char *sql)
{
    m_error.clear();
    m_errorCode = 0;
    if (!m_db)
        return Statement(this, nullptr);
    if (sqlite3_stmt *cached = m_statements.value(sql)) {
        sqlite3_clear_bindings(cached);
        return Statement(this, cached);
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed:" << sqlite3_errmsg(m_db) << sql;
        m_errorCode = sqlite3_extended_errcode(m_db);
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(stmt);
        return Statement(this, nullptr);
    }
    m_statements.insert(sql, stmt);
    return Statement(this, stmt);
}

QString StatementCache::errorString() const
{
    if (!m_error.isEmpty())
        return m_error;
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database connection");
}

int StatementCache::errorCode() const
{
    if (m_errorCode != 0)
        return m_errorCode;
    return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
}

bool StatementCache::connectionIdle() const
{
    if (!m_db)
        return true;
    if (!sqlite3_get_autocommit(m_db))
        return false;
    for (sqlite3_stmt *stmt = sqlite3_next_stmt(m_db, nullptr); stmt; stmt = sqlite3_next_stmt(m_db, stmt)) {
        if (sqlite3_stmt_busy(stmt))
            return false;
    }
    return true;
}

qint64 StatementCache::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

int StatementCache::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

StatementCache::Statement &StatementCache::Statement::bind(int index, const QString &text)
{
    if (m_stmt) {
        static const char16_t empty = 0;
        const void *data
            = text.isNull() ? static_cast<const void *>(&empty) : static_cast<const void *>(text.utf16());
        sqlite3_bind_text16(m_stmt, index, data, int(text.size() * 2), SQLITE_TRANSIENT);
    }
    return *this;
}

StatementCache::Statement &StatementCache::Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

StatementCache::Statement &StatementCache::Statement::bind(int index, double value)
{
    if (m_stmt)
        sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

StatementCache::Statement &StatementCache::Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool StatementCache::Statement::run()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok) {
        sqlite3 *db = sqlite3_db_handle(m_stmt);
        m_cache->m_errorCode = sqlite3_extended_errcode(db);
        m_cache->m_error = QString::fromUtf8(sqlite3_errmsg(db));
    }
    // Reset at once, also after an error: a statement that got SQLITE_BUSY stays mid-way
    // otherwise, and an autocommit write after it would never commit.
    sqlite3_reset(m_stmt);
    return ok;
}

} // namespace Lede

namespace Lede {

StatementCache::Reader::Reader(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    if (!m_db)
        return;
    if (sqlite3_prepare16_v2(m_db, sql.utf16(), int(sql.size() * 2), &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_failed = true;
    }
}

StatementCache::Reader::Reader(Reader &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_failed(other.m_failed)
{
}

StatementCache::Reader::~Reader()
{
    sqlite3_finalize(m_stmt);
}

QString StatementCache::Reader::errorString() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database connection");
}

void StatementCache::Reader::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
}

bool StatementCache::Reader::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_failed = rc != SQLITE_DONE;
    return false;
}

qint64 StatementCache::Reader::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString StatementCache::Reader::text(int column) const
{
    // The library is UTF-8 inside; Qt's decoder is faster than SQLite's UTF-16 conversion.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QStringLiteral("");
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView StatementCache::Reader::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

bool StatementCache::Reader::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace Lede
