// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NameHeuristics.h"

#include <QString>
#include <QStringList>
#include <QStringView>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>

namespace Lede {

// A fixed set of words or phrases answering exact (case-sensitive) membership.
class ExactWordSet final
{
public:
    ExactWordSet() = default;
    // Moving keeps the stored words where they are (the views stay valid); copying would not.
    ExactWordSet(ExactWordSet &&) = default;
    ExactWordSet &operator=(ExactWordSet &&) = default;
    ExactWordSet(const ExactWordSet &) = delete;
    ExactWordSet &operator=(const ExactWordSet &) = delete;

    void insert(QStringView word);
    bool contains(QStringView word) const
    {
        return m_words.contains(
            std::u16string_view(reinterpret_cast<const char16_t *>(word.data()), size_t(word.size())));
    }

private:
    std::deque<std::u16string> m_storage; // stable addresses for the views below
    std::unordered_set<std::u16string_view> m_words;
};

// The analysis's word lists. They live as text in resources/lexicon/NAME.txt, one entry a line
// (blank lines and lines starting with '#' are skipped), compiled in as Qt resources under
// :/lede/lexicon/, so that no word table is written into code. A missing list is empty (and logged).
class Lexicon final
{
public:
    static QStringList entries(QStringView name);
    // Case-insensitive membership (WordSet folding).
    static WordSet folded(QStringView name);
    // Membership as written.
    static ExactWordSet exact(QStringView name);
};

} // namespace Lede
