// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>
#include <QtGlobal>
#include <array>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace Lede {

// A fixed set of words answering case-insensitive membership without allocating: the word is folded
// into a stack buffer (curly apostrophes become straight ones) and looked up in a hash set. Words
// longer than 40 UTF-16 units are never members.
class WordSet final
{
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::u16string_view> words);
    // Moving keeps the stored words where they are (the views stay valid); copying would not.
    WordSet(WordSet &&) = default;
    WordSet &operator=(WordSet &&) = default;
    WordSet(const WordSet &) = delete;
    WordSet &operator=(const WordSet &) = delete;
    void insert(std::u16string_view word);
    // The length and first-letter tests are inline: most words asked fail them, without a call.
    bool contains(QStringView word) const
    {
        if (word.isEmpty() || word.size() > kMaxWord || !(m_lengths & (quint64(1) << word.size())))
            return false;
        const char16_t first = word.front().unicode();
        if (!(m_firstLetters & firstLetterBit(first >= u'A' && first <= u'Z' ? char16_t(first + 32) : first)))
            return false;
        return containsShaped(word);
    }

    // FNV-1a over the UTF-16 units: the table's hash.
    static quint64 hash(std::u16string_view word)
    {
        quint64 h = kFnvOffset;
        for (char16_t c : word)
            h = (h ^ c) * kFnvPrime;
        return h;
    }

private:
    static constexpr qsizetype kMaxWord = 40;
    static quint32 firstLetterBit(char16_t folded)
    {
        return folded >= u'a' && folded <= u'z' ? quint32(1) << (folded - u'a') : quint32(1) << 26;
    }
    // contains() after the length and first-letter tests.
    bool containsShaped(QStringView word) const;
    static constexpr quint64 kFnvOffset = 0xcbf29ce484222325ULL;
    static constexpr quint64 kFnvPrime = 0x100000001b3ULL;
    struct Slot
    {
        const char16_t *data = nullptr; // nullptr: a free slot
        quint32 size = 0;
        quint32 hash = 0; // the low bits of hash(), compared before the words
    };
    bool find(std::u16string_view folded, quint64 h) const;
    static int shapeBit(char16_t first, char16_t second, char16_t last, size_t size)
    {
        const quint32 k = quint32(first) * 0x9E3779B1u ^ quint32(second) * 0x85EBCA77u
            ^ quint32(last) * 0xC2B2AE3Du ^ quint32(size) * 0x27D4EB2Fu;
        return int((k * 0x165667B1u) >> 20);
    }
    void place(std::vector<Slot> &table, const std::u16string &word) const;

    std::deque<std::u16string> m_storage; // stable addresses for the words the slots point to
    // Open addressing, a power of two in size and at most a quarter full. (std::unordered_set's
    // hashing and prime buckets were ~6% of the analysis, mostly the speaker resolver's lookups.)
    std::vector<Slot> m_table;
    // Cheap rejection before hashing: which lengths and which (folded) first letters occur.
    quint64 m_lengths = 0;
    quint32 m_firstLetters = 0; // bit 0-25: a-z, bit 26: anything else
    // A bit per (first, second, last folded unit, length) of the words, hashed into 4,096 bits:
    // most words asked are no member and fail this test before the whole word is folded and hashed.
    std::array<quint64, 64> m_shapes {};
};

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
    // Gender of a common given name that is almost always a man's or a woman's ("Mary" -> Female);
    // Unknown for any other word, and for names given to both.
    static Gender genderOfFirstName(QStringView word);
    // Whether the apostrophe at `mark` of `text` makes a plural possessive: it follows an "s" ending a
    // word of three letters or more, and a space and a lower-case word that is not a function word
    // follow ("the ministers' plans", not "raised the stakes' because").
    static bool isPluralPossessiveMark(QStringView text, qsizetype mark);
};

} // namespace Lede
