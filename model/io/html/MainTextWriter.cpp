// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainTextExtractor_p.h"

using namespace Qt::StringLiterals;

namespace Lede::MainText {

void Extractor::write(QStringView chunk, bool pre)
{
    for (const QChar c : chunk) {
        if (!pre && isWhitespace(c)) {
            m_pendingSpace = true;
            continue;
        }
        if (m_pendingBreak > 0 && !m_out.isEmpty()) {
            qsizetype trailing = 0;
            while (trailing < m_out.size() && m_out[m_out.size() - 1 - trailing] == QLatin1Char('\n'))
                ++trailing;
            for (qsizetype k = trailing; k < m_pendingBreak; ++k)
                m_out += QLatin1Char('\n');
        } else if (m_pendingSpace && !m_out.isEmpty() && m_out.back() != QLatin1Char('\n')) {
            m_out += QLatin1Char(' ');
        }
        m_pendingBreak = 0;
        m_pendingSpace = false;
        m_out += c;
    }
}

// Text in Unicode normalization form C, so that a letter typed as one code point and the same letter
// typed as a base and a combining mark read, search and match alike. Only text with a character
// past Latin-1 can change, so most text is returned as it is.
QString Extractor::composed(const QString &text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x300; });
    return plain ? text : text.normalized(QString::NormalizationForm_C);
}

bool Extractor::isTitle(const QString &heading) const
{
    const QString text = normalizeTitle(heading);
    if (text.isEmpty() || m_title.isEmpty())
        return false;
    if (text == m_title)
        return true;
    // "Headline" against "Headline | Site", or a headline with a kicker.
    const QString &shorter = text.size() < m_title.size() ? text : m_title;
    const QString &longer = text.size() < m_title.size() ? m_title : text;
    return longer.contains(shorter) && shorter.size() * 2 >= longer.size();
}

// The page's headline: the heading that repeats the title, or the first <h1> when the title is not
// known.
bool Extractor::isHeadline(const Node &n) const
{
    if (!isHeading(n.tag))
        return false;
    const QString text = textOf(n.g);
    return m_title.isEmpty() ? n.tag == GUMBO_TAG_H1 && !normalizeTitle(text).isEmpty() : isTitle(text);
}

bool Extractor::isTitleHeading(const Node &n)
{
    if (m_titleDropped || !isHeadline(n))
        return false;
    m_titleDropped = true;
    return true;
}

void Extractor::writeSubtree(int root)
{
    // Iterative: pages nest deeply enough to make recursion a risk.
    struct Frame
    {
        int node;
        bool exiting;
    };
    std::vector<Frame> stack { { root, false } };
    std::vector<int> preDepth { 0 };
    int pre = 0;
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const Node &n = m_nodes[f.node];
        if (f.exiting) {
            leave(n, &pre);
            continue;
        }
        if (n.skipped || n.cleaned)
            continue;
        if (n.isText) {
            write(composed(n.text), pre > 0);
            continue;
        }
        if (isTitleHeading(n))
            continue;
        enter(n, &pre);
        stack.push_back({ f.node, true });
        for (auto it = n.children.rbegin(); it != n.children.rend(); ++it)
            stack.push_back({ *it, false });
    }
}

void Extractor::enter(const Node &n, int *pre)
{
    switch (n.tag) {
    case GUMBO_TAG_BR:
        m_pendingBreak = std::min(2, m_pendingBreak + 1);
        return;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        m_pendingSpace = true;
        return;
    case GUMBO_TAG_TR:
        breakLines(1);
        return;
    case GUMBO_TAG_PRE:
        ++*pre;
        break;
    default:
        break;
    }
    if (isHeading(n.tag)) {
        breakLines(2);
        m_headingOut.push_back(m_out.size());
        return;
    }
    if (isBlock(n.tag))
        breakLines(2);
}

void Extractor::leave(const Node &n, int *pre)
{
    if (n.tag == GUMBO_TAG_PRE)
        --*pre;
    if (isHeading(n.tag) && !m_headingOut.empty()) {
        // The heading's text starts after the break that was pending when it opened.
        qsizetype start = m_headingOut.back();
        m_headingOut.pop_back();
        while (start < m_out.size()
               && (m_out[start] == QLatin1Char('\n') || m_out[start] == QLatin1Char(' ')))
            ++start;
        if (start < m_out.size() && m_headingOut.empty())
            m_headings.append({ start, m_out.size() });
        breakLines(2);
        return;
    }
    if (n.tag == GUMBO_TAG_TR) {
        breakLines(1);
        return;
    }
    if (n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_TH) {
        m_pendingSpace = true;
        return;
    }
    if (isBlock(n.tag))
        breakLines(2);
}

} // namespace Lede::MainText
