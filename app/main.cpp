// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowMain.h"
#include "cli/Command.h"

// `lede COMMAND ...` runs a command without a display (the same code as `lede-cli`); `lede` alone,
// or with options and files, opens the window.
int main(int argc, char *argv[])
{
    const Lede::CommandLineOutcome outcome = Lede::runCommandLine(argc, argv, true);
    if (!outcome.openWindow)
        return outcome.exitCode;
    return Lede::runWindow(argc, argv);
}
