// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteError.h"

#include <QCoreApplication>
#include <sqlite3.h>

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::ArticleStore", text);
}

} // namespace

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

QString describeSqliteError(int code, const QString &sqliteMessage)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return tr("the library is busy: another program kept it locked too long; try again");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return tr("the library is damaged (%1); run `lede check` to see what is wrong, and `lede restore "
                  "FILE` to "
                  "go back to a backup")
            .arg(sqliteMessage);
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return tr("the library cannot be written (its file or folder is read-only)");
    case SQLITE_CANTOPEN:
        return tr("the library file cannot be opened (%1)").arg(sqliteMessage);
    case SQLITE_FULL:
        return tr("the disk is full");
    case SQLITE_IOERR:
        return tr("the library could not be read or written (disk error: %1)").arg(sqliteMessage);
    default:
        return sqliteMessage.isEmpty() ? tr("unknown database error") : sqliteMessage;
    }
}

QString describeSqliteError(sqlite3 *db)
{
    if (!db)
        return tr("the library is not open");
    return describeSqliteError(sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)));
}

QString describeSqliteError(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString message = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    return describeSqliteError(ok ? code : SQLITE_ERROR, message);
}

} // namespace Lede
