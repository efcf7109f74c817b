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

struct CsvOptions
{
    bool byteOrderMark = false; // UTF-8 BOM, for spreadsheet programs that guess the encoding
    bool formulaGuard = true; // prefix cells starting with = + - @ TAB CR with ' (formula injection)
};

// The CSV contract of DESIGN.md: RFC 4180, CRLF record ends, one header row, UTF-8, code point
// offsets. This side only turns rows into bytes on a QIODevice; streaming the rows from the library
// is library/AnnotationCsvExport.
class CsvExporter final
{
public:
    // Called every few thousand rows and at the end; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static QByteArray headerLine(); // without the CRLF
};

// The row encoder: its bytes can be tested exactly.
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
