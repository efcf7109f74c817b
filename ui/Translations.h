// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Lede {

// Installs Lede's translation for the system language, or else the English one (which supplies
// the plural forms: "1 article", "2 articles"), and Qt's own for its dialogs. Call it once after
// the QApplication exists and before any window is built; later calls do nothing. True when a
// Lede translation was loaded.
bool installTranslations();

} // namespace Lede
