// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace Lede {

// Zip archives through libzip: reading (DOCX, ODT, REFI-QDA .qdpx) and writing (.qdpx).
//
// ZipReader contract: open() reads a regular file (never a FIFO or device; see readRegularFile) of
// at most Limits::maxArchiveBytes into memory and checks that it is a zip archive; it fails with a
// one-line message otherwise. read() returns one entry's uncompressed bytes and refuses, with a
// message, an entry that is missing, encrypted, damaged (CRC), or larger than `maxBytes`, whatever
// its header claims: decompression stops after maxBytes + 1 bytes, so a zip bomb costs at most
// that much memory. All read() calls of one reader together decompress at most
// Limits::maxTotalBytes, and an archive with more than Limits::maxEntries entries is refused.
// Names are the entries' names as stored (UTF-8, or CP437 guessed by libzip for old archives);
// folder entries (ending in '/') are listed too.
class ZipReader final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ZipReader)
    Q_DISABLE_COPY_MOVE(ZipReader)

public:
    struct Limits
    {
        qint64 maxArchiveBytes = qint64(512) * 1024 * 1024;
        qint64 maxEntries = 65536;
        qint64 maxTotalBytes = qint64(1024) * 1024 * 1024; // sum of all read() results
    };

    ZipReader();
    explicit ZipReader(const Limits &limits);
    ~ZipReader();

    Status open(const QString &path);
    // An archive already in memory (a test, a download).
    Status openData(const QByteArray &data);
    bool isOpen() const;
    void close();

    QStringList entryNames() const;
    bool contains(const QString &name) const;
    // The uncompressed size the entry's header claims (-1 when there is no such entry). Only a
    // hint: read() enforces its limit on the bytes actually produced.
    qint64 declaredSize(const QString &name) const;
    Result<QByteArray> read(const QString &name, qint64 maxBytes);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// ZipWriter contract: entries are collected in memory by add() (in the order added) and written by
// commit() through QSaveFile, so the file at `path` is either the whole new archive or untouched
// (no partial file on any failure). Entry names must be relative, non-empty, unique paths with '/'
// separators and no "." or ".." segment; a bad name makes commit() fail. Names are stored as
// UTF-8. Every entry gets the same modification time (setTimestamp(), by default the time the
// writer was made), so two commits of the same entries with the same timestamp give the same bytes.
class ZipWriter final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ZipWriter)
    Q_DISABLE_COPY_MOVE(ZipWriter)

public:
    explicit ZipWriter(const QString &path = QString());
    ~ZipWriter();

    void setTimestamp(const QDateTime &time);
    // compress=false stores the entry as is (what the "mimetype" entry of ODF must be).
    void add(const QString &name, const QByteArray &bytes, bool compress = true);
    qsizetype entryCount() const;

    // The archive's bytes without writing a file.
    Result<QByteArray> archiveBytes() const;
    // Writes the archive to the path given to the constructor, atomically.
    Status commit();

private:
    struct Entry
    {
        QString name;
        QByteArray bytes;
        bool compress = true;
    };
    QString m_path;
    QDateTime m_timestamp;
    QList<Entry> m_entries;
};

} // namespace Lede
