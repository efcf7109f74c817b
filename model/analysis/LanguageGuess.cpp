// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageGuess.h"

#include "Lexicon.h"
#include "TokenStream.h"

namespace Lede {

namespace {

// Enough text to tell: about a paragraph. Below it every text counts as English.
constexpr int MinLetters = 200;
constexpr int MinWords = 40;
// The guess reads the first words only: a language shows within a page.
constexpr int MaxWords = 3000;

bool latinLetter(QChar c)
{
    return c.unicode() < 0x0250; // Basic Latin to Latin Extended-B
}

} // namespace

bool LanguageGuess::looksEnglish(const TokenStream &tokens)
{
    static const WordSet english = Lexicon::folded(u"english-function-words");
    static const WordSet other = Lexicon::folded(u"other-language-function-words");
    int words = 0;
    int englishWords = 0;
    int otherWords = 0;
    qsizetype latin = 0;
    qsizetype nonLatin = 0;
    for (int i = 0; i < tokens.size() && words < MaxWords; ++i) {
        if (!tokens.has(i, TokenStream::Word))
            continue;
        const QStringView w = tokens.text(i);
        for (const QChar c : w) {
            if (!c.isLetter())
                continue;
            if (latinLetter(c))
                ++latin;
            else
                ++nonLatin;
        }
        if (!w.front().isLetter())
            continue;
        ++words;
        if (english.contains(w))
            ++englishWords;
        else if (other.contains(w))
            ++otherWords;
    }
    if (latin + nonLatin < MinLetters)
        return true;
    if (nonLatin > latin)
        return false; // Cyrillic, Greek, Arabic, Hebrew, CJK, …
    if (otherWords > englishWords)
        return false;
    // English prose is a third function words or more; lists and recipes still reach a tenth.
    return words < MinWords || englishWords * 10 >= words;
}

bool LanguageGuess::looksEnglish(QStringView body)
{
    const QString text = body.toString();
    return looksEnglish(TokenStream(text));
}

QString LanguageGuess::notEnglishWarning()
{
    return QStringLiteral("the text is not in English; Lede finds names and speakers in English text only");
}

} // namespace Lede
