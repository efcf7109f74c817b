// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainTextExtractor.h"

#include "MainTextExtractor_p.h"
#include "io/TextDecoder.h"
#include "io/WireCopyParser.h"

using namespace Qt::StringLiterals;

namespace Lede::MainText {

Extractor::Extractor(const GumboNode *document, const QString &title, const QStringList &descriptions)
    : m_title(normalizeTitle(title))
{
    for (const QString &d : descriptions) {
        // Shorter ones say too little to be matched safely.
        if (QString n = normalizeTitle(d); n.size() >= MinimumDescription)
            m_descriptions.append(std::move(n));
    }
    build(document);
}

MainTextExtractor::Extracted Extractor::run()
{
    const Flags passes[] = { { true, true, true, true },
                             { true, false, true, true },
                             { true, false, false, true },
                             { false, false, false, false } };
    // Each pass keeps less furniture out. The first result long enough wins; when none is, the
    // strictest one that has at least a quarter of the longest text.
    std::vector<MainTextExtractor::Extracted> results;
    qsizetype longest = 0;
    for (const Flags &flags : passes) {
        results.push_back(pass(flags));
        longest = std::max(longest, results.back().text.size());
        if (results.back().text.size() >= MinimumLength)
            break;
    }
    // The strict pass found too little, the pass without class hints enough: a wrapper of the
    // story carries a boilerplate class ("content-with-sidebar"). That wrapper and what holds it
    // are no boilerplate; the strict pass, run again, keeps the other boxes out.
    if (results.size() == 2 && results.back().text.size() >= MinimumLength && m_top >= 0) {
        bool cleared = false;
        for (int a = m_top; a >= 0; a = m_nodes[a].parent) {
            cleared = cleared || m_nodes[a].unlikely;
            m_nodes[a].unlikely = false;
        }
        if (cleared) {
            MainTextExtractor::Extracted again = pass(passes[0]);
            if (again.text.size() >= MinimumLength)
                results.front() = std::move(again);
        }
    }
    MainTextExtractor::Extracted best;
    for (auto &r : results) {
        if (r.text.size() >= MinimumLength || (r.text.size() * 4 >= longest && !r.text.isEmpty())) {
            best = std::move(r);
            break;
        }
    }
    best.h1 = m_h1;
    best.byline = m_byline;
    return best;
}

QString Extractor::normalizeTitle(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

void Extractor::build(const GumboNode *document)
{
    m_nodes.reserve(4096);
    struct Frame
    {
        const GumboNode *g;
        int parent;
    };
    std::vector<Frame> stack { { document, -1 } };
    std::vector<int> open; // indices whose `end` is still to be set
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        // Close the elements that this node is not inside of.
        while (!open.empty() && open.back() != f.parent) {
            m_nodes[open.back()].end = int(m_nodes.size());
            open.pop_back();
        }
        const GumboNode *g = f.g;
        Node n;
        n.g = g;
        n.parent = f.parent;
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
            n.isText = true;
            n.text = QString::fromUtf8(g->v.text.text);
        } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_DOCUMENT) {
            n.tag = g->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : g->v.element.tag;
            // A block that says it is a heading (role="heading", its level in aria-level) is read
            // as one; level 1 is not taken for the page's headline.
            if ((n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SPAN || n.tag == GUMBO_TAG_P)
                && attribute(g, "role").compare(u"heading"_s, Qt::CaseInsensitive) == 0) {
                const int level = std::clamp(attribute(g, "aria-level").toInt(), 2, 6);
                n.tag = GumboTag(GUMBO_TAG_H1 + (level - 1));
            }
        } else {
            continue; // comments, templates
        }
        const int index = int(m_nodes.size());
        if (f.parent >= 0)
            m_nodes[f.parent].children.push_back(index);
        n.end = index + 1;
        m_nodes.push_back(std::move(n));
        if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT)
            continue;
        Node &e = m_nodes.back();
        if (g->type == GUMBO_NODE_ELEMENT) {
            classify(&e);
            if (isNeverText(e.tag))
                continue; // no children needed
        }
        const GumboVector &children
            = g->type == GUMBO_NODE_DOCUMENT ? g->v.document.children : g->v.element.children;
        open.push_back(index);
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back({ static_cast<const GumboNode *>(children.data[i]), index });
    }
    while (!open.empty()) {
        m_nodes[open.back()].end = int(m_nodes.size());
        open.pop_back();
    }
    // Counts of descendants, bottom-up (children come after their parent).
    for (int i = int(m_nodes.size()) - 1; i > 0; --i) {
        Node &n = m_nodes[i];
        if (!n.isText) {
            n.images += n.tag == GUMBO_TAG_IMG;
            n.paragraphs += n.tag == GUMBO_TAG_P;
            n.listItems += n.tag == GUMBO_TAG_LI;
            n.inputs += n.tag == GUMBO_TAG_INPUT || n.tag == GUMBO_TAG_SELECT || n.tag == GUMBO_TAG_TEXTAREA
                || n.tag == GUMBO_TAG_BUTTON;
            n.embeds += n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_OBJECT || n.tag == GUMBO_TAG_EMBED;
        }
        if (n.parent >= 0) {
            Node &p = m_nodes[n.parent];
            p.images += n.images;
            p.paragraphs += n.paragraphs;
            p.listItems += n.listItems;
            p.inputs += n.inputs;
            p.embeds += n.embeds;
        }
    }
    // A byline box ("By A and B") names the authors when the metadata does not.
    static const QRegularExpression bylineClass = hintRegex(u"byline|author"_s);
    for (const Node &n : m_nodes) {
        if (n.isText || n.invisible || !n.box
            || !bylineClass.match(n.cls + QLatin1Char(' ') + n.id).hasMatch())
            continue;
        QString text = textOf(n.g);
        if (text.size() >= 150)
            continue;
        // The box may go on with a date: "By A and B, 3 May 2024"; cut such tails off.
        for (int cut = 0; cut < 3 && m_byline.isEmpty() && !text.isEmpty(); ++cut) {
            m_byline = WireCopyParser::parseByline(text);
            const qsizetype at
                = std::max({ text.lastIndexOf(u", "_s), text.lastIndexOf(u" | "_s),
                             text.lastIndexOf(u" \u2013 "_s), text.lastIndexOf(u" \u2014 "_s) });
            text = at > 0 ? text.left(at) : QString();
        }
        if (!m_byline.isEmpty())
            break;
    }
    for (const Node &n : m_nodes) {
        if (!n.isText && n.tag == GUMBO_TAG_H1 && !n.invisible) {
            m_h1 = textOf(n.g);
            if (!m_h1.isEmpty())
                break;
        }
    }
}

// An endless page holds the next stories, each an <article> with its own headline, after the
// one it was opened for: the text is the <article> that holds the page's headline.
void Extractor::oneStory(std::vector<int> *parts) const
{
    int stories = 0, story = -1;
    for (int part : *parts) {
        for (int i = part; i < m_nodes[part].end; ++i) {
            const Node &n = m_nodes[i];
            if (n.isText || n.skipped) {
                if (!n.isText)
                    i = n.end - 1;
                continue;
            }
            if (n.tag != GUMBO_TAG_ARTICLE)
                continue;
            if (n.chars >= MarkedMinimum) {
                ++stories;
                for (int d = i + 1; d < n.end && story < 0; ++d) {
                    if (!m_nodes[d].isText && !m_nodes[d].skipped && isHeadline(m_nodes[d]))
                        story = i;
                }
            }
            i = n.end - 1;
        }
    }
    if (stories >= 2 && story >= 0)
        *parts = { story };
}

MainTextExtractor::Extracted Extractor::pass(const Flags &flags)
{
    m_flags = flags;
    measure();
    const int top = scoreAndPick();
    m_top = top;
    std::vector<int> parts = gather(top);
    addSimilarBlocks(top, &parts);
    if (std::vector<int> marked = markedBody(); !marked.empty()) {
        // A marked block that holds a small part of what the scorer found elsewhere (a standfirst
        // marked "post-text" above sections of plain containers) is written with that text, in
        // page order; otherwise the marked blocks are the text.
        int markedChars = 0, scoredChars = 0;
        bool apart = true;
        for (int m : marked) {
            markedChars += m_nodes[m].chars;
            for (int part : parts)
                apart = apart && m != part && !isAncestor(m, part) && !isAncestor(part, m);
        }
        for (int part : parts)
            scoredChars += m_nodes[part].chars;
        if (apart && markedChars * 3 < scoredChars) {
            parts.insert(parts.end(), marked.begin(), marked.end());
            std::sort(parts.begin(), parts.end());
        } else {
            parts = std::move(marked);
        }
    }
    oneStory(&parts);
    int lead = findLead(parts.front());
    const bool cleanedFirst = lead < 0 && !m_descriptions.isEmpty();
    if (cleanedFirst) {
        for (int part : parts)
            clean(part);
        lead = findDescribed(parts);
    }
    if (lead >= 0) {
        // Boxes inside the standfirst leave; the standfirst itself stays when a class makes it look
        // like one ("caption-s5" for its type size): what it says matched the page's description.
        for (int d = lead; d < m_nodes[lead].end; ++d)
            m_nodes[d].skipped
                = m_nodes[d].invisible || m_nodes[d].furniture || (m_nodes[d].box && d != lead);
        parts.insert(parts.begin(), lead);
    }
    MainTextExtractor::Extracted out;
    m_out.clear();
    m_headings.clear();
    m_headingOut.clear();
    m_pendingBreak = 0;
    m_pendingSpace = false;
    m_titleDropped = false;
    // Every part is cleaned before any is written, so that the edges of the whole text are known;
    // a part is left out of the parts after it (a standfirst inside the text that follows is
    // written once).
    std::vector<char> rootSkipped;
    for (int part : parts) {
        if (!cleanedFirst || part == lead)
            clean(part);
        rootSkipped.push_back(m_nodes[part].skipped);
        m_nodes[part].skipped = true;
    }
    trimEdges(parts, rootSkipped);
    for (size_t k = 0; k < parts.size(); ++k) {
        m_nodes[parts[k]].skipped = rootSkipped[k];
        writeSubtree(parts[k]);
        breakLines(2);
        m_nodes[parts[k]].skipped = true;
    }
    TextDecoder::trim(&m_out, &m_headings);
    out.text = m_out;
    out.headings = m_headings;
    return out;
}

} // namespace Lede::MainText

namespace Lede {

MainTextExtractor::Extracted MainTextExtractor::extract(const GumboInternalNode *document,
                                                        const QString &title, const QStringList &descriptions)
{
    return MainText::Extractor(document, title, descriptions).run();
}

} // namespace Lede
