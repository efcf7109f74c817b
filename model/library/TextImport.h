// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/LibraryImport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Lede {

class ArticleStore;

// Imports an article that is not a file: bytes in memory, such as the clipboard's HTML or text
// (File → New Article from Clipboard). They are decoded and parsed as a file named `fileName`
// would be (its suffix says HTML or text; the content is sniffed as for any file), analysed, and
// stored in one transaction; a text that is already in the library is not stored again. Every
// outcome's path is `label` (e.g. "clipboard"); an export pasted whole gives one outcome per story.
QList<ImportOutcome> importDataIntoLibrary(ArticleStore &store, const QByteArray &data,
                                           const QString &fileName, const QString &label);

} // namespace Lede
