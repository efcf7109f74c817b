// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for LedeFuzz::documents (see Harnesses.h).
#include "Harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return LedeFuzz::documents(data, size);
}
