// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlError>
#include <QString>

struct sqlite3;

namespace Lede {

// Plain words for SQLite's failures, the same everywhere in the store: a busy library (another
// program holds the write lock past the busy timeout), a damaged one (SQLITE_CORRUPT/NOTADB, with
// the commands that help), one that cannot be written (read-only file or folder), a full disk.
// Other errors keep SQLite's own message. Never appends Qt's "Unable to fetch row".
QString describeSqliteError(int code, const QString &sqliteMessage);
// The last error on a raw connection.
QString describeSqliteError(sqlite3 *db);
// A Qt SQL error from the QSQLITE driver (its native code is SQLite's result code).
QString describeSqliteError(const QSqlError &error);
// True when the code (primary or extended) says the file is damaged.
bool isCorruption(int code);

} // namespace Lede
