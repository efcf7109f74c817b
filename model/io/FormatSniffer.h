// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace Lede {

// Says what a file is when it is not text of a kind Lede reads, so that it is refused with its
// reason instead of becoming a garbage article.
//
// Contract: each function returns an empty string when it has no objection, else a one-line reason
// ("the file is a PDF document, not text"). None of them fails or allocates much; they look at the
// first bytes (binaryKind, markupRefusal) or count words (tooLittleText).
class FormatSniffer final
{
public:
    // Binary formats by their magic bytes: PDF, ZIP (DOCX, ODT, EPUB), images, audio and video,
    // executables, archives and compressed files, SQLite databases, old Office files, ... Returns
    // a name such as "a PNG image", or empty.
    static QString binaryKind(QByteArrayView data);

    // Text formats that would otherwise import as markup-filled garbage: RTF ("{\rtf") and RSS/Atom/RDF
    // feeds that did not reach their own readers (ArticleImporter reads RTF and feeds by their
    // content first, a feed in UTF-16 from its decoded text), other XML documents (XHTML, whose root is
    // <html>, is accepted), PostScript. `text` is decoded text (a BOM already removed).
    static QString markupRefusal(QStringView text);

    // The rule for "too little text to be an article": fewer than MinWords words. A word is a run of
    // letters (and digits and combining marks) holding at least two letters; in scripts written
    // without spaces (Han, kana, Hangul syllables, Thai, Lao, Khmer, Myanmar) each letter counts as
    // a word. So quote marks only, one token, or one "x" per line are refused.
    static constexpr int MinWords = 3;
    static int countWords(QStringView text, int stopAt = MinWords);
    static QString tooLittleText(QStringView text);
};

} // namespace Lede
