// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Lede {

// Starts the window: `lede [--db PATH] [FILE...]` (the FILEs are imported first and opened).
// Returns the process exit code.
int runWindow(int argc, char *argv[]);

} // namespace Lede
