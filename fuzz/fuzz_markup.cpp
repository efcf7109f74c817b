// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for LedeFuzz::markup (see Harnesses.h).
#include "Harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return LedeFuzz::markup(data, size);
}
