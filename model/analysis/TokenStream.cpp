// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenStream.h"

#include "NerFeatures.h"
#include "Tokenizer.h"

#include <algorithm>

namespace Lede {

const QString &TokenStream::emptyBody()
{
    static const QString empty;
    return empty;
}

TokenStream::TokenStream(const QString &body)
    : m_body(&body)
{
    Tokenizer::tokenizeSpans(body, m_spans);
    const int n = int(m_spans.size());
    m_info.resize(size_t(n));
    const QStringView all(body);
    qint32 paragraph = 0;
    qint32 sentence = 0;
    for (int i = 0; i < n; ++i) {
        const QStringView w = text(i);
        Info &t = m_info[size_t(i)];
        quint32 f = 0;
        if (w[0].isLetterOrNumber())
            f |= Word;
        if (w[0].isUpper())
            f |= Upper;
        bool anyUpper = false;
        bool anyLower = false;
        for (QChar c : w) {
            anyUpper = anyUpper || c.isUpper();
            anyLower = anyLower || c.isLower();
        }
        if (anyUpper && !anyLower)
            f |= AllCaps;
        if (isPunct(w))
            f |= Punct;
        if (isPossessive(w))
            f |= Possessive;
        if (isTerminal(w))
            f |= Terminal;
        if (isClosing(w))
            f |= Closing;

        bool newParagraph = i == 0;
        bool newSentence = i == 0;
        if (i > 0) {
            const Span &prev = m_spans[i - 1];
            newParagraph = all.sliced(prev.end, m_spans[i].start - prev.end).contains(u'\n');
            const quint32 pf = m_info[size_t(i - 1)].flags;
            newSentence = newParagraph || ((pf & Terminal) && !(f & Closing))
                || ((pf & Closing) && i >= 2 && (m_info[size_t(i - 2)].flags & Terminal));
        }
        if (newParagraph) {
            f |= NewParagraph;
            if (i > 0)
                ++paragraph;
        }
        if (newSentence) {
            f |= NewSentence;
            if (i > 0)
                ++sentence;
        }
        t.paragraph = paragraph;
        t.sentence = sentence;
        t.flags = f;
        t.lower = Ner::hashLower(w);
    }
}

int TokenStream::firstAtOrAfter(qsizetype pos) const
{
    const auto it = std::lower_bound(m_spans.cbegin(), m_spans.cend(), pos,
                                     [](const Span &s, qsizetype p) { return s.start < p; });
    return int(it - m_spans.cbegin());
}

} // namespace Lede
