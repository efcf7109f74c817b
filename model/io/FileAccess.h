// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace Lede {

// Reading article files safely: only regular files are read, nothing blocks (a FIFO, a device or a
// file swapped for one after a folder scan is refused, never opened for blocking reads), a file is
// read at its own size, and file names in any bytes work.
//
// File names on Linux are bytes. Qt decodes them as UTF-8 and turns the bytes that are not UTF-8
// into U+FFFD, after which the file cannot be opened again. Lede keeps such names as QStrings in
// which each undecodable byte 0xNN is the lone surrogate U+DCNN (the "surrogateescape" scheme of
// Python): fileNameFromNative() and fileNameToNative() convert losslessly in both directions, and
// displayFileName() (or terminalSafe()) prints the byte as \xNN.

// UTF-8 bytes to a QString; bytes that are not part of valid UTF-8 become U+DC80..U+DCFF.
QString fileNameFromNative(QByteArrayView bytes);
// The reverse: U+DC80..U+DCFF become the bytes 0x80..0xFF again, everything else is UTF-8.
QByteArray fileNameToNative(const QString &name);
// The name with each escaped byte written as the four characters \xNN (for messages and storage).
QString displayFileName(const QString &name);

// Reads a regular file (following symbolic links) of at most maxSize bytes. Fails with a one-line
// message (no path in it): no such file, a loop of symbolic links, permission denied, a folder, a
// FIFO/device/socket ("not a regular file"), too large. The file is opened with O_NONBLOCK, checked
// with fstat() on the open descriptor (so a swap after a scan is seen), and read at its size; a
// file that grows past maxSize while being read is refused too.
Result<QByteArray> readRegularFile(const QString &path, qint64 maxSize);

// One entry a folder scan could not use, and why.
struct SkippedEntry
{
    QString path;
    QString reason;
};

struct FolderScan
{
    QStringList files; // sorted
    QList<SkippedEntry> skipped; // unreadable folders, entries whose type cannot be read
};

// Lists the files below `folder` (recursively) whose names `wanted` accepts. Hidden entries (".x")
// are left out, and symbolic links to folders are not followed (no loops); a symbolic link whose
// name is wanted is listed whatever it points to, so that reading it reports what is wrong. A
// folder that cannot be read is a SkippedEntry, never silently empty.
FolderScan scanFolder(const QString &folder, const std::function<bool(const QString &fileName)> &wanted);

// Why a path cannot be used, from an errno value of open()/stat(): "no such file", "permission
// denied", "a loop of symbolic links", ...
QString fileErrorMessage(int error);

} // namespace Lede
