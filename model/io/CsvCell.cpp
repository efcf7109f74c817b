// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvCell.h"

namespace Lede {

namespace {

// The index of the first byte that forces quoting (comma, quote, CR, LF), or -1. These are ASCII,
// so scanning UTF-8 bytes is exact.
qsizetype needsQuotes(QByteArrayView value)
{
    const char *data = value.data();
    for (qsizetype i = 0, n = value.size(); i < n; ++i) {
        const char c = data[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return i;
    }
    return -1;
}

} // namespace

void appendCsvField(std::string &buffer, QByteArrayView value, bool formulaGuard)
{
    // Spreadsheets run a cell that starts with = + - @ (or TAB/CR, which some strip first) as a
    // formula; a leading apostrophe makes them show it as text.
    const char first = value.isEmpty() ? '\0' : value.front();
    const bool needsGuard = formulaGuard
        && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r');
    const qsizetype special = needsQuotes(value);
    if (special < 0) {
        if (needsGuard)
            buffer += '\'';
        buffer.append(value.data(), size_t(value.size()));
        return;
    }
    buffer += '"';
    if (needsGuard)
        buffer += '\'';
    // Copy runs between double quotes in one go, doubling each quote.
    qsizetype from = 0;
    for (qsizetype quote = value.indexOf('"', special); quote >= 0; quote = value.indexOf('"', from)) {
        buffer.append(value.data() + from, size_t(quote + 1 - from));
        buffer += '"';
        from = quote + 1;
    }
    buffer.append(value.data() + from, size_t(value.size() - from));
    buffer += '"';
}

} // namespace Lede
