// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenStream.h"

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
    m_spans.reserve(body.size() / 5 + 8); // news text: about one token per 5.5 characters
    Tokenizer::tokenizeSpans(body, m_spans);
    const int n = int(m_spans.size());
    m_info.resize(size_t(n));
    qint32 paragraph = 0;
    qint32 sentence = 0;
    const QChar *d = body.constData();
    // Through a const pointer: QList's non-const operator[] checks for a detach at every access.
    const Span *spans = m_spans.constData();
    for (int i = 0; i < n; ++i) {
        const Span &span = spans[i];
        const QChar first = d[span.start];
        quint32 f = 0;
        if (first.isLetterOrNumber())
            f |= Word;
        if (first.isUpper())
            f |= Upper;
        if (span.length() == 1) {
            // The punctuation predicates below are all of one character but for the possessive.
            const QStringView w(d + span.start, 1);
            if (isPunct(w))
                f |= Punct;
            if (isTerminal(w))
                f |= Terminal;
            if (isClosing(w))
                f |= Closing;
        } else if (isPossessive(QStringView(d + span.start, span.length()))) {
            f |= Possessive;
        }

        bool newParagraph = i == 0;
        bool newSentence = i == 0;
        if (i > 0) {
            const qsizetype gapEnd = span.start;
            for (qsizetype k = spans[i - 1].end; k < gapEnd && !newParagraph; ++k)
                newParagraph = d[k] == u'\n';
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
        Info &t = m_info[size_t(i)];
        t.paragraph = paragraph;
        t.sentence = sentence;
        t.flags = f;
    }
}

int TokenStream::firstAtOrAfter(qsizetype pos) const
{
    const auto it = std::lower_bound(m_spans.cbegin(), m_spans.cend(), pos,
                                     [](const Span &s, qsizetype p) { return s.start < p; });
    return int(it - m_spans.cbegin());
}

} // namespace Lede
