// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <string>

namespace Lede {

// One CSV field as DESIGN.md's CSV contract writes it, appended to `buffer` (UTF-8): quoted when it
// holds a comma, quote, CR or LF, quotes doubled; with `formulaGuard`, a field starting with
// = + - @ TAB or CR gets a leading apostrophe so that spreadsheets show it as text. Shared by the
// annotation export (CsvExporter) and the insights tables, so both write the same bytes.
void appendCsvField(std::string &buffer, QByteArrayView value, bool formulaGuard);

} // namespace Lede
