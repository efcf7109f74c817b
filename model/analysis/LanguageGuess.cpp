// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageGuess.h"

#include "Lexicon.h"
#include "TokenStream.h"

namespace Lede {

namespace {

// Enough text to tell: about a paragraph. Below it every text counts as English.
constexpr int MinLetters = 200;
constexpr int MinOtherWords = 12;
// Less evidence is enough where there is next to no English: five words of another language, at least
// one word in twelve, and more than twice the English ones (a short notice or teaser in German).
constexpr int MinOtherWordsFew = 5;
constexpr int MinWordsFew = 40;
constexpr int FewShareDivisor = 12;
// The guess reads the first words only: a language shows within a page.
constexpr int MaxWords = 3000;
constexpr qsizetype MaxPrefix = 64 * 1024; // characters: more than MaxWords words of any language

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
    // Words inside quotation marks count for neither language: an English story may quote someone in
    // Portuguese. A quote ends at its closing mark or at the end of its paragraph.
    bool quoted = false;
    int quoteParagraph = -1;
    for (int i = 0; i < tokens.size() && words < MaxWords; ++i) {
        if (quoted && tokens.paragraph(i) != quoteParagraph)
            quoted = false;
        if (!tokens.has(i, TokenStream::Word)) {
            const QStringView p = tokens.text(i);
            if (p.size() == 1) {
                const char16_t c = p.front().unicode();
                if (c == u'"' || (quoted && c == u'\u201C'))
                    quoted = !quoted;
                else if (c == u'\u201C' || c == u'\u201E' || c == u'\u00AB')
                    quoted = true;
                else if (c == u'\u201D' || c == u'\u00BB')
                    quoted = false;
                if (quoted)
                    quoteParagraph = tokens.paragraph(i);
            }
            continue;
        }
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
        if (quoted)
            continue;
        if (english.contains(w))
            ++englishWords;
        else if (other.contains(w))
            ++otherWords;
    }
    if (latin + nonLatin < MinLetters)
        return true;
    // Another script: Cyrillic, Greek, Arabic, Hebrew, CJK. A CJK character weighs as much as a whole
    // Latin word, so a long quotation in Chinese inside an English story does not tip the scale.
    if (nonLatin > 3 * latin)
        return false;
    // Only positive evidence says "not English": enough frequent words of another language, and more
    // of them than of English ones. Lists, tables and results lines with few function words stay English.
    if (otherWords >= MinOtherWords && otherWords > englishWords)
        return false;
    return !(words >= MinWordsFew && otherWords >= MinOtherWordsFew && otherWords * FewShareDivisor >= words
             && otherWords > 2 * englishWords);
}

bool LanguageGuess::looksEnglish(QStringView body)
{
    // The guess reads the first MaxWords words: a prefix of the text is enough, however long it is.
    const QString text = body.left(MaxPrefix).toString();
    return looksEnglish(TokenStream(text));
}

QString LanguageGuess::notEnglishWarning()
{
    return QStringLiteral("the text is not in English; Lede finds names and speakers in English text only");
}

} // namespace Lede
