// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// `lede-cli`: every command of `lede`, linked without Qt Widgets, for servers and scripts.
int main(int argc, char *argv[])
{
#if defined(__GLIBC__)
    // An article's analysis allocates and frees buffers of a few hundred KB to a few MB (token
    // arrays, the body's copies, its JSON). Served by mmap and trimmed back each time, every one of
    // them costs page faults anew; kept in the heap, they are reused by the next article. Both limits
    // are set: setting one turns glibc's adaptive threshold off and leaves the other at 128 KB.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
    return Lede::runCommandLine(argc, argv, false).exitCode;
}
