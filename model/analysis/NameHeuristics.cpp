// SPDX-License-Identifier: GPL-3.0-or-later
#include "NameHeuristics.h"

#include "Lexicon.h"
#include "SpeechVerbs.h"

#include <QChar>
#include <algorithm>

namespace Lede {

namespace {

char16_t fold(char16_t c)
{
    if (c < 128)
        return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    return c == u'\u2019' ? u'\'' : QChar(c).toLower().unicode();
}

} // namespace

WordSet::WordSet(std::initializer_list<std::u16string_view> words)
{
    for (auto w : words)
        insert(w);
}

void WordSet::insert(std::u16string_view w)
{
    std::u16string folded(w);
    for (char16_t &c : folded)
        c = c == u'\u2019' ? u'\'' : QChar(c).toLower().unicode();
    if (folded.empty() || find(folded, hash(folded)))
        return; // the empty word is never a member (contains() rejects it)
    m_storage.push_back(std::move(folded));
    const std::u16string &stored = m_storage.back();
    if (m_storage.size() * 4 > m_table.size()) {
        std::vector<Slot> table(std::max<size_t>(32, m_table.size() * 2));
        for (const std::u16string &word : m_storage)
            place(table, word);
        m_table = std::move(table);
    } else {
        place(m_table, stored);
    }
    m_lengths |= quint64(1) << std::min<size_t>(stored.size(), 63);
    m_firstLetters |= firstLetterBit(stored.front());
    const int bit = shapeBit(stored.front(), stored.size() > 1 ? stored[1] : 0, stored.back(), stored.size());
    m_shapes[size_t(bit >> 6)] |= quint64(1) << (bit & 63);
}

void WordSet::place(std::vector<Slot> &table, const std::u16string &word) const
{
    const quint64 h = hash(word);
    const size_t mask = table.size() - 1;
    size_t slot = size_t(h) & mask;
    while (table[slot].data)
        slot = (slot + 1) & mask;
    table[slot] = { word.data(), quint32(word.size()), quint32(h) };
}

bool WordSet::containsShaped(QStringView word) const
{
    constexpr qsizetype kMax = kMaxWord;
    const char16_t first = word.front().unicode();
    // Most words asked are no member: the first two and the last unit, folded, rule out most of
    // them before the whole word is folded and hashed.
    const qsizetype n = word.size();
    char16_t buf[kMax];
    buf[0] = fold(first);
    buf[1] = n > 1 ? fold(word.at(1).unicode()) : 0;
    const int bit = shapeBit(buf[0], buf[1], n > 1 ? fold(word.at(n - 1).unicode()) : buf[0], size_t(n));
    if (!(m_shapes[size_t(bit >> 6)] & (quint64(1) << (bit & 63))))
        return false;
    quint64 h = kFnvOffset;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t f = i < 2 ? buf[i] : fold(word.at(i).unicode());
        buf[i] = f;
        h = (h ^ f) * kFnvPrime;
    }
    return find(std::u16string_view(buf, size_t(word.size())), h);
}

bool WordSet::find(std::u16string_view folded, quint64 h) const
{
    if (m_table.empty())
        return false;
    const size_t mask = m_table.size() - 1;
    for (size_t slot = size_t(h) & mask;; slot = (slot + 1) & mask) {
        const Slot &s = m_table[slot];
        if (!s.data)
            return false;
        if (s.hash == quint32(h) && s.size == folded.size() && std::u16string_view(s.data, s.size) == folded)
            return true;
    }
}

bool NameHeuristics::isTitle(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"titles");
    return set.contains(word);
}

bool NameHeuristics::isOrgWord(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"org-words");
    return set.contains(word);
}

bool NameHeuristics::isPlaceWord(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"place-words");
    return set.contains(word);
}

bool NameHeuristics::isWeekdayOrMonth(QStringView word)
{
    // "May" is left out on purpose: it is also a surname.
    static const WordSet set = Lexicon::folded(u"weekdays-months");
    return set.contains(word);
}

bool NameHeuristics::isCapitalisedStopWord(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"capitalised-stop-words");
    if (isWeekdayOrMonth(word))
        return true;
    return set.contains(word);
}

bool NameHeuristics::isNameConnector(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"name-connectors");
    return set.contains(word);
}

bool NameHeuristics::isOrgNoun(QStringView word)
{
    static const WordSet set = Lexicon::folded(u"org-nouns");
    return set.contains(word);
}

bool NameHeuristics::isAbbreviation(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"abbreviations");
    if (w.size() == 1 && w.at(0).isUpper())
        return true; // an initial: "J. R. Smith"
    return set.contains(w);
}

NameHeuristics::Gender NameHeuristics::genderOfTitle(QStringView word)
{
    static const WordSet male = Lexicon::folded(u"male-titles");
    static const WordSet female = Lexicon::folded(u"female-titles");
    if (male.contains(word))
        return Gender::Male;
    if (female.contains(word))
        return Gender::Female;
    return Gender::Unknown;
}

NameHeuristics::Gender NameHeuristics::genderOfFirstName(QStringView word)
{
    static const ExactWordSet male = Lexicon::exact(u"first-names-male");
    static const ExactWordSet female = Lexicon::exact(u"first-names-female");
    if (male.contains(word))
        return Gender::Male;
    if (female.contains(word))
        return Gender::Female;
    return Gender::Unknown;
}

bool NameHeuristics::isPluralPossessiveMark(QStringView text, qsizetype mark)
{
    static const WordSet functionWords = Lexicon::folded(u"speaker-function-words");
    if (mark < 3 || mark + 2 >= text.size() || (text[mark] != u'\'' && text[mark] != u'\u2019'))
        return false;
    if ((text[mark - 1] != u's' && text[mark - 1] != u'S') || !text[mark - 2].isLetter()
        || !text[mark - 3].isLetter())
        return false;
    if (text[mark + 1] != u' ' || !text[mark + 2].isLower())
        return false;
    qsizetype end = mark + 2;
    while (end < text.size() && text[end].isLetter())
        ++end;
    // "… for the ministers' said Lind", "… the farmers’ she said": the quote ends there.
    static const WordSet pronouns = Lexicon::folded(u"speaker-pronouns");
    const QStringView next = text.sliced(mark + 2, end - mark - 2);
    return !functionWords.contains(next) && !pronouns.contains(next) && !SpeechVerbs::contains(next);
}

} // namespace Lede
