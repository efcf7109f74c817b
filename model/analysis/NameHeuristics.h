// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace Lede {

// Word lists that let the analysis guess, without a trained model, whether a capitalised word is part
// of a person's name, a title in front of it, an organisation or a place. All lookups are
// case-insensitive and O(1); they never fail, an unknown word simply answers false.
class NameHeuristics final
{
public:
    enum class Gender { Unknown, Male, Female };

    // Titles and offices written before a name: "President", "Secretary", "Mayor", "Dr.", "Sen.".
    static bool isTitle(QStringView word);
    // Words that make a capitalised run an organisation: "House", "Ministry", "Bank", "Inc.".
    static bool isOrgWord(QStringView word);
    // Words that make a capitalised run a place: "Strip", "Street", "River".
    static bool isPlaceWord(QStringView word);
    // Capitalised words that are never part of a name: sentence-initial function words, pronouns,
    // weekdays and months ("The", "But", "He", "Friday", "October").
    static bool isCapitalisedStopWord(QStringView word);
    static bool isWeekdayOrMonth(QStringView word);
    // Lower-case connectors inside a name: "Secretary of State", "Ursula von der Leyen".
    static bool isNameConnector(QStringView word);
    // Common nouns that refer back to an organisation: "the firm", "the ministry", "the lender".
    static bool isOrgNoun(QStringView word);
    // Abbreviations whose full stop does not end a sentence: "Mr.", "Oct.", "Inc.".
    static bool isAbbreviation(QStringView wordWithoutDot);
    // Gender implied by a title ("Mr" -> Male, "Queen" -> Female); Unknown otherwise.
    static Gender genderOfTitle(QStringView word);
};

} // namespace Lede
