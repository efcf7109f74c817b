// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <vector>

namespace Lede {

// One article's tokens, built once by Analyzer and read by the passes: the Tokenizer's words and
// punctuation, with the paragraph and sentence each is in and flag bits. (No lower-case key yet: the
// one reader so far, the entity tagger, hashes each word with its prefixes in one loop of its own.) The
// stream refers to the body it was built from; that string must outlive it and stay unchanged.
//
// Paragraphs: a token starts a new paragraph when a line break stands between it and the token
// before. Sentences: a new sentence starts at a new paragraph, after terminal punctuation (". ! ?
// …") that no closing quote or bracket follows, and after such a closing mark that ends a sentence
// (“… said.” She). Abbreviations ("Mr.", "U.S.") keep their period, so they end no sentence.
class TokenStream final
{
public:
    enum Flag : quint32 {
        Word = 1u << 0, // starts with a letter or digit
        Upper = 1u << 1, // its first character is upper case
        Punct = 1u << 2, // one character that is no letter or digit
        Possessive = 1u << 3, // "'s" / "’s" split off a word
        Terminal = 1u << 4, // ". ! ? …"
        Closing = 1u << 5, // ” " ’ ) '
        NewParagraph = 1u << 6, // a line break before it (or the first token)
        NewSentence = 1u << 7, // the first token of a sentence (see above)
    };

    struct Info
    {
        qint32 paragraph = 0;
        qint32 sentence = 0;
        quint32 flags = 0;
    };

    TokenStream() = default;
    explicit TokenStream(const QString &body);

    const QString &body() const { return *m_body; }
    int size() const { return int(m_spans.size()); }
    // The spans as one list, in text order (what the entity recognizer indexes).
    const QList<Span> &spans() const { return m_spans; }
    const Span &span(int i) const { return m_spans[i]; }
    const Info &info(int i) const { return m_info[size_t(i)]; }
    QStringView text(int i) const
    {
        return QStringView(*m_body).sliced(m_spans[i].start, m_spans[i].length());
    }
    bool has(int i, Flag f) const { return m_info[size_t(i)].flags & f; }
    int paragraph(int i) const { return m_info[size_t(i)].paragraph; }
    int sentence(int i) const { return m_info[size_t(i)].sentence; }

    // The first token that starts at or after `pos` (size() when none).
    int firstAtOrAfter(qsizetype pos) const;

    // The punctuation predicates the passes share.
    // (Compared as one character: QStringView's operator== is a call into Qt per literal.)
    static bool isTerminal(QStringView w)
    {
        if (w.size() != 1)
            return false;
        const char16_t c = w.front().unicode();
        return c == u'.' || c == u'!' || c == u'?' || c == u'…';
    }
    static bool isClosing(QStringView w)
    {
        if (w.size() != 1)
            return false;
        const char16_t c = w.front().unicode();
        return c == u'”' || c == u'"' || c == u'’' || c == u')' || c == u'\'';
    }
    static bool isPossessive(QStringView w)
    {
        return w.size() == 2 && (w[0] == u'\'' || w[0] == u'’') && (w[1] == u's' || w[1] == u'S');
    }
    static bool isPunct(QStringView w) { return w.size() == 1 && !w[0].isLetterOrNumber(); }

private:
    static const QString &emptyBody();

    const QString *m_body = &emptyBody();
    QList<Span> m_spans;
    std::vector<Info> m_info;
};

} // namespace Lede
