// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>
#include <QStringView>

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
};

} // namespace Lede
