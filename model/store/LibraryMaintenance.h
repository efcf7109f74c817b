// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lede::LibraryMaintenance {

// Keeping a library safe: checking it, copying it, going back to a copy, and the rotating
// automatic backups. Every function opens its own short-lived SQLite connection on the file (no
// Qt SQL connection, any thread), never leaves a half-written file behind, and returns a plain,
// one-line message on failure. They also work on a library the store refuses to open.

// What `lede check` found. `text` is the report as the command prints it (one finding per line,
// each line ending in '\n'); `healthy` is false when anything is wrong (then the command exits 1).
struct CheckReport
{
    bool healthy = false;
    QStringList problems; // one plain sentence per problem found
    QString text;
};

// Runs PRAGMA integrity_check (structure of every table and index), PRAGMA foreign_key_check
// (annotations, tags and layers pointing at rows that are gone) and FTS5's 'integrity-check' (the
// search index matches the articles). Writes nothing; the search-index check needs the write lock
// for a moment (it waits up to 5 s for another program). Fails only when the file cannot be read
// at all as an SQLite database.
Result<CheckReport> check(const QString &libraryPath);

// Writes a consistent copy of the library to `targetPath` (VACUUM INTO: compact, and a snapshot
// even while another program writes). The copy is written under a temporary name in the target's
// folder, synced, then renamed over the target, so an interrupted backup never leaves a half file
// and never damages an existing one. Refuses a target that is the library itself.
Status backup(const QString &libraryPath, const QString &targetPath);

// What restore() did.
struct RestoreOutcome
{
    QString previousCopy; // where the library that was replaced now is (empty: there was none)
    qint64 articles = 0; // articles in the restored library
};

// Replaces the library with a backup. The backup must be a Lede library this version can read and
// must pass PRAGMA integrity_check; otherwise nothing is changed. The current library (with its
// write-ahead log) is kept as `<library>.before-restore`, replacing an older such copy. Close the
// window (and other programs) on the library first: a program that still has it open keeps
// writing to the file that was moved aside.
Result<RestoreOutcome> restore(const QString &backupPath, const QString &libraryPath);

// Automatic backups live in a `backups` folder next to the library, named
// `<library name>-YYYYMMDD-HHMMSS[-reason].sqlite` (UTC); the newest KeptBackups are kept.
constexpr int KeptBackups = 7;
QString backupFolder(const QString &libraryPath);
// Newest first.
QStringList automaticBackups(const QString &libraryPath);
// Makes one automatic backup now (reason: e.g. "daily", "before-v4") and deletes the oldest
// beyond KeptBackups, and temporary files that a killed backup left. Returns the new file's path.
Result<QString> makeAutomaticBackup(const QString &libraryPath, const QString &reason,
                                    const QDateTime &now = QDateTime::currentDateTimeUtc());
// True when no automatic backup is younger than a day.
bool isDailyBackupDue(const QString &libraryPath, const QDateTime &now = QDateTime::currentDateTimeUtc());
// The daily backup: when no automatic backup is younger than a day, checks the library first
// (PRAGMA quick_check: a damaged library is never backed up over good copies; the failure names
// the damage) and then makes one. Returns the new backup's path, or an empty string when none
// was due.
Result<QString> makeDailyBackupIfDue(const QString &libraryPath,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Lede::LibraryMaintenance
