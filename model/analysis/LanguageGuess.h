// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Lede {

class TokenStream;

// Whether an article is written in English, the one language Lede's names, speakers and their
// rules are made for. The guess counts the most frequent English words against those of other
// Latin-script languages, and letters outside the Latin script; short texts count as English.
class LanguageGuess final
{
public:
    static bool looksEnglish(const TokenStream &tokens);
    static bool looksEnglish(QStringView body); // tokenizes `body` first
    // The per-file line `lede import` and `lede analyze` print for such text.
    static QString notEnglishWarning();
};

} // namespace Lede
