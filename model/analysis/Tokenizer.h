// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Lede {

// A word or punctuation token: its UTF-16 span in the text and a copy of that text.
struct Token
{
    Span span;
    QString text;
    friend bool operator==(const Token &, const Token &) = default;
};

// Splits text into words and punctuation the way English NER corpora do: possessive 's / ’s is a
// token of its own; abbreviations ("U.S.", "Oct.", "Mr."), numbers ("1,400", "2.3"), hyphenated and
// apostrophe-joined words ("Al-Qidra", "O'Brien") stay whole. A surrogate pair (emoji) is never
// split, and combining marks stay with the character before them. Never fails; whitespace-only or
// empty text gives an empty list.
class Tokenizer final
{
public:
    static QList<Token> tokenize(const QString &text);

    // Allocation-free variant used on hot paths: appends spans only.
    static void tokenizeSpans(QStringView text, QList<Span> &out);

    // The first index at or after `from` (and at most `n`) whose unit is no ASCII letter or digit:
    // the end of the plain run of a word. The tokenizers read the bulk of a word with it, eight
    // units at a time.
    static qsizetype asciiAlnumEnd(const QChar *text, qsizetype from, qsizetype n)
    {
        qsizetype i = from;
#ifdef __SSE2__
        // Signed 16-bit compares: every unit from U+0080 up is too large or, from U+8000, negative
        // after the subtractions, and fails both ranges.
        while (i + 8 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + i));
            const __m128i l = _mm_sub_epi16(_mm_or_si128(v, _mm_set1_epi16(0x20)), _mm_set1_epi16('a'));
            const __m128i d = _mm_sub_epi16(v, _mm_set1_epi16('0'));
            const __m128i letter = _mm_and_si128(_mm_cmpgt_epi16(l, _mm_set1_epi16(-1)),
                                                 _mm_cmplt_epi16(l, _mm_set1_epi16(26)));
            const __m128i digit = _mm_and_si128(_mm_cmpgt_epi16(d, _mm_set1_epi16(-1)),
                                                _mm_cmplt_epi16(d, _mm_set1_epi16(10)));
            const auto mask = unsigned(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
            if (mask != 0xffff)
                return i + std::countr_one(mask) / 2;
            i += 8;
        }
#endif
        for (; i < n; ++i) {
            const char16_t c = text[i].unicode();
            if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
                break;
        }
        return i;
    }
};

} // namespace Lede
