// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ArticleStore.h"

#include <QCommandLineParser>

namespace Lede {

// The selection options every export command shares: --article ID (repeatable), --tag PATH and
// --include quotes,entities,figures.
class ExportSelection final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ExportSelection)

public:
    static void addOptions(QCommandLineParser &parser);
    // Reads the options that need no library (ids, layers). On a usage error returns false with
    // the message in *error.
    static bool parse(const QCommandLineParser &parser, ExportQuery *query, QString *error);
    // Checks the articles exist and resolves --tag, and brings outdated layers up to date when
    // layers are included (a failure there is only a *warning: the stored layers are exported).
    // On failure returns false with the message in *error.
    static bool resolve(const QCommandLineParser &parser, ArticleStore &store, ExportQuery *query,
                        QString *error, QString *warning);
};

} // namespace Lede
