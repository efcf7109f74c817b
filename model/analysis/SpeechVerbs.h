// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QStringView>

namespace Lede {

// The verbs that introduce reported speech in news copy ("said", "told", "warned", "emphasised"), in
// every inflection (base, third person, past/participle, -ing), British and American spellings.
// Lookups are case-insensitive, allocation-free for words up to 32 UTF-16 units and O(1): they run
// for every word near a quotation mark on each import. Unknown or empty words return false.
class SpeechVerbs final
{
public:
    static bool contains(QStringView word);
    // True for the -ing forms ("adding", "saying"): they never carry their own subject.
    static bool isParticiple(QStringView word);
    // A word that may follow the verb of an attribution that ends its sentence ("said on Monday",
    // "said yesterday") without opening a reported clause; attribution-time-words.txt.
    static bool isTimeAfterVerb(QStringView word);
    // Every inflected form, sorted; for tests and documentation.
    static QStringList all();
};

} // namespace Lede
