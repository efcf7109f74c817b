// SPDX-License-Identifier: GPL-3.0-or-later
#include "Tokenizer.h"

#include "Lexicon.h"

namespace Lede {

namespace {

bool isWordChar(char32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}
bool isApostrophe(char32_t c)
{
    return c == '\'' || c == 0x2019;
}
bool isHyphen(char32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}
bool isJoiner(char32_t c)
{
    // No combining mark lies below U+0300: ASCII punctuation is answered without a table look-up.
    return c >= 0x300 && (QChar::isMark(c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F));
}

struct Reader
{
    QStringView text;
    char32_t at(qsizetype i, qsizetype *len = nullptr) const
    {
        if (i >= text.size()) {
            if (len)
                *len = 0;
            return 0;
        }
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            if (len)
                *len = 2;
            return QChar::surrogateToUcs4(c, text[i + 1]);
        }
        if (len)
            *len = 1;
        return c.unicode();
    }
};

// Abbreviations whose trailing period belongs to the word (so it does not end a sentence), as
// written in resources/lexicon/abbreviations.txt: "Mr" and "vs", not "mr" or "no".
bool isAbbreviation(QStringView w)
{
    static const ExactWordSet abbreviations = Lexicon::exact(u"abbreviations");
    return abbreviations.contains(w);
}

// "U.S", "U.N", "e.g": single letters separated by dots so far.
bool isInitialism(QStringView w)
{
    if (w.size() < 3)
        return false;
    for (qsizetype i = 0; i < w.size(); ++i) {
        if ((i % 2 == 0) != w[i].isLetter())
            return false;
        if (i % 2 == 1 && w[i] != u'.')
            return false;
    }
    return w.size() % 2 == 1;
}

} // namespace

void Tokenizer::tokenizeSpans(QStringView text, QList<Span> &out)
{
    const Reader r { text };
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text[i].unicode() == u' ') { // the most frequent character: no decoding, no tests
            ++i;
            continue;
        }
        qsizetype len = 0;
        const char32_t c = r.at(i, &len);
        if (QChar::isSpace(c) || c == 0xFEFF) {
            i += len;
            continue;
        }
        const qsizetype start = i;
        if (isApostrophe(c)) {
            // Possessive or contraction clitic: "'s", "’s" as its own token.
            qsizetype l2 = 0;
            const char32_t s = r.at(i + len, &l2);
            if ((s == 's' || s == 'S') && !isWordChar(r.at(i + len + l2))) {
                out.append({ start, i + len + l2 });
                i += len + l2;
                continue;
            }
        }
        if (!isWordChar(c)) {
            i += len;
            // Keep emoji modifiers, ZWJ sequences and variation selectors with the symbol.
            for (;;) {
                qsizetype l2 = 0;
                const char32_t m = r.at(i, &l2);
                if (l2 == 0 || !(isJoiner(m) || (m >= 0x1F3FB && m <= 0x1F3FF)))
                    break;
                i += l2;
                if (m == 0x200D) {
                    const char32_t nx = r.at(i, &l2);
                    if (l2 && !QChar::isSpace(nx) && !isWordChar(nx))
                        i += l2;
                }
            }
            out.append({ start, i });
            continue;
        }
        // A word: letters, digits and marks, with connectors that only join when both sides are
        // word characters.
        i += len;
        for (;;) {
            // ASCII letters and digits, the bulk of a word, without the reader's surrogate checks.
            i = asciiAlnumEnd(text.data(), i, n);
            // Any other ASCII character but the four that may join ends the word (space, mostly).
            if (i < n) {
                const char16_t u = text[i].unicode();
                if (u < 128 && u != '-' && u != '\'' && u != '.' && u != ',')
                    break;
            }
            qsizetype l1 = 0;
            const char32_t d = r.at(i, &l1);
            if (l1 == 0)
                break;
            if (isWordChar(d)) {
                i += l1;
                continue;
            }
            qsizetype l2 = 0;
            const char32_t after = r.at(i + l1, &l2);
            const char32_t before = r.at(i - 1);
            if (isHyphen(d) && isWordChar(after)) {
                i += l1;
                continue;
            }
            if (isApostrophe(d) && isWordChar(after)) {
                // Possessive 's splits off; O'Brien, don't stay whole.
                if ((after == 's' || after == 'S') && !isWordChar(r.at(i + l1 + l2)))
                    break;
                i += l1;
                continue;
            }
            if ((d == '.' || d == ',') && isDigit(before) && isDigit(after)) {
                if (d == ',') {
                    // Thousands separator only: exactly three digits follow.
                    qsizetype k = i + 1;
                    while (k < n && isDigit(text[k].unicode()))
                        ++k;
                    if (k - (i + 1) != 3)
                        break;
                }
                i += l1;
                continue;
            }
            if (d == '.') {
                const QStringView word = text.sliced(start, i - start);
                if (QChar::isLetter(after) && (word.size() == 1 || isInitialism(word))
                    && QChar::isUpper(before)) {
                    i += l1; // U.S -> continue the initialism
                    continue;
                }
                if (isInitialism(word) || isAbbreviation(word)
                    || (word.size() == 1 && QChar::isUpper(before))) {
                    i += l1; // "U.S." "Oct." "J." keep their period
                }
            }
            break;
        }
        out.append({ start, i });
    }
}

QList<Token> Tokenizer::tokenize(const QString &text)
{
    QList<Span> spans;
    tokenizeSpans(text, spans);
    QList<Token> tokens;
    tokens.reserve(spans.size());
    for (const Span &s : spans)
        tokens.append({ s, text.mid(s.start, s.length()) });
    return tokens;
}

} // namespace Lede
