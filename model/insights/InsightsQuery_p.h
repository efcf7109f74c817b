// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the Insights queries share (private to model/insights): the scope as SQL, cancelling a running
// statement, error messages, and a thin sqlite3 statement for the scans that stream many rows.
//   Insights.cpp          speakers and sources, offsets and tag paths;
//   InsightsEntities.cpp  entities, co-occurrence, articles naming an entity;
//   InsightsFigures.cpp   figures and their conflicting groups;
//   InsightsQuery.cpp     these helpers.

#include "Insights.h"
#include "SqliteHandle.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <sqlite3.h>

namespace Lede::Insights::Query {

using namespace Qt::StringLiterals;

QString tr(const char *text);

// The scope as common table expressions: `scope(id)` holds the article ids when the scope is not
// the whole library. Values bind in order of appearance, so the CTEs come first in every query.
struct Sql
{
    QStringList ctes;
    QVariantList values;
    bool scoped = false;

    // "<column> IN scope" or "1" for the whole library.
    QString in(const QString &column) const
    {
        return scoped ? column + u" IN (SELECT id FROM scope)"_s : u"1"_s;
    }
    QString with() const
    {
        return ctes.isEmpty() ? QString() : u"WITH RECURSIVE "_s + ctes.join(u",\n"_s) + u'\n';
    }
};

Sql scopeSql(const Scope &scope);

// Interrupts the connection's running statement when the flag is set, for the guard's lifetime.
class CancelGuard final
{
    Q_DISABLE_COPY_MOVE(CancelGuard)

public:
    CancelGuard(const QSqlDatabase &db, const CancelFlag *flag)
        : m_db(flag ? sqliteHandle(db) : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 4000, &CancelGuard::check, const_cast<CancelFlag *>(flag));
    }
    ~CancelGuard()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }

private:
    static int check(void *flag)
    {
        return static_cast<CancelFlag *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
    }
    sqlite3 *m_db;
};

bool cancelled(const CancelFlag *cancel);
QString failure(const QSqlQuery &query, const CancelFlag *cancel);
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values);
// A query has finished its rows without error (next() also returns false on an error).
bool finished(const QSqlQuery &query);
QDate date(const QVariant &v);
// Registers lede_fold(text) (figureKey) on the connection.
bool registerFold(const QSqlDatabase &db);
// Kinds are stored as 2 (PERSON), 1 (ORG), 0 so that max() picks the strongest evidence.
SpeakerKind kindOf(int rank);

// A statement on the connection's sqlite3 handle, for the scans that stream a million rows: Qt SQL
// builds a QVariant per value, which costs more than SQLite's own work there.
class Statement final
{
    Q_DISABLE_COPY_MOVE(Statement)

public:
    Statement(sqlite3 *db, const QString &sql, const QVariantList &values)
        : m_db(db)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK)
            return;
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.typeId() == QMetaType::QString) {
                const QByteArray text = v.toString().toUtf8();
                sqlite3_bind_text(m_stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
            }
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool isValid() const { return m_stmt != nullptr; }
    // True for a row; false at the end or on an error (then error() is not empty).
    bool next()
    {
        if (!m_stmt)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_failed = true;
        return false;
    }
    void reset() { sqlite3_reset(m_stmt); }
    void bindText(int index, const QByteArray &text)
    {
        sqlite3_bind_text(m_stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    QString error() const
    {
        return (!m_stmt || m_failed) ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    QByteArrayView bytes(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
    }
    QString text(int column) const { return QString::fromUtf8(bytes(column)); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

QString failure(const Statement &statement, const CancelFlag *cancel);

} // namespace Lede::Insights::Query
