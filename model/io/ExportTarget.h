// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

namespace Lede {

// May an export be written to this path? The one answer for `lede export-csv -o` and the window's
// export dialog.
//
// Contract: an export never writes onto the library (its file or its -wal, -shm, -journal files,
// compared by canonical path and by device and inode, so symbolic and hard links are caught), a
// folder, a device, a FIFO or a socket, whatever the user says. An existing regular file is
// replaced only when it is empty, when it is a previous Lede CSV export (its first line starts with
// the annotation export's or the article table's header, with or without a UTF-8 BOM, or a previous
// W3C Web Annotation export: WebAnnotationExport.h), or when the user
// confirms (`--force`, or the dialog's question). A path that does not exist yet is fine (whether its folder
// is writable is the writer's question).
class ExportTarget final
{
public:
    enum class Kind {
        NewFile, // nothing there yet
        Replaceable, // an empty file or a previous export: replace without asking
        OtherFile, // a regular file that is not an export: replace only when confirmed
        Forbidden, // the library, a folder, a device, a FIFO, a socket: never
    };
    struct Verdict
    {
        Kind kind = Kind::NewFile;
        QString reason; // one line, for OtherFile and Forbidden
    };

    // libraryPath: the open library (may be empty).
    static Verdict check(const QString &path, const QString &libraryPath);
    // check() as a Status: Forbidden always fails, OtherFile fails unless `confirmed`.
    static Status allow(const QString &path, const QString &libraryPath, bool confirmed);
    // True when `head` (the first bytes of a file) starts like a Lede CSV or JSON-LD export.
    static bool looksLikeExport(QByteArrayView head);
};

} // namespace Lede
