// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExportRow.h"
#include "Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <functional>
#include <string>

namespace Lede {

class ArticleStore;

struct CsvOptions
{
    bool byteOrderMark = false; // UTF-8 BOM, for spreadsheet programs that guess the encoding
    bool formulaGuard = true; // prefix cells starting with = + - @ TAB CR with ' (formula injection)
};

// Writes the CSV contract of DESIGN.md: RFC 4180, CRLF record ends, one header row, UTF-8,
// code point offsets. Rows are streamed from the store and encoded in chunks, so memory stays flat
// however large the library.
//
// write() reports a failed write (a full disk) or a cancel as an error Status; writeFile() refuses
// what ExportTarget forbids (the library, a folder, a device, a FIFO) and goes through QSaveFile, so
// on any failure the previous file at `path` (if any) is left as it was and no partial file appears.
class CsvExporter final
{
public:
    // Called every few thousand rows and at the end; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static QByteArray headerLine(); // without the CRLF

    static Status write(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                        QIODevice *device, const Progress &progress = {});
    static Status writeFile(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                            const QString &path, const Progress &progress = {});
};

// The row encoder, separate from the store so that its bytes can be tested exactly.
class CsvRowWriter final
{
public:
    CsvRowWriter(QIODevice *device, const CsvOptions &options);

    void writeHeader();
    void writeRow(const ExportRow &row);
    // Flushes buffered rows; false (with errorString) when the device refused bytes.
    bool flush();
    QString errorString() const { return m_error; }

private:
    void appendField(QByteArrayView value, bool guard);
    void appendNumber(qint64 value);

    QIODevice *m_device;
    CsvOptions m_options;
    std::string m_buffer; // UTF-8; std::string appends single bytes inline
    QString m_error;
    bool m_bomPending;
};

} // namespace Lede
