// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

// `lede-cli`: every command of `lede`, linked without Qt Widgets, for servers and scripts.
int main(int argc, char *argv[])
{
    return Lede::runCommandLine(argc, argv, false).exitCode;
}
