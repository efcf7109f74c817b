// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Lede {

// Parses argv and runs a subcommand (import, analyze, export-csv, list, annotate) without a display,
// or starts the window when no subcommand is given. Returns the process exit code.
int runCommandLine(int argc, char *argv[]);

} // namespace Lede
