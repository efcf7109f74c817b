// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainTextExtractor_p.h"

using namespace Qt::StringLiterals;

namespace Lede::MainText {

void Extractor::measure()
{
    const int count = int(m_nodes.size());
    std::vector<char> inLink(count, 0);
    std::vector<int> owner(count, -1); // nearest block ancestor-or-self
    for (int i = 0; i < count; ++i) {
        Node &n = m_nodes[i];
        n.chars = n.linkChars = n.commas = n.headingChars = n.listChars = 0;
        n.inlineChars = n.inlineCommas = 0;
        n.hasBlockChild = false;
        n.scored = false;
        n.score = 0;
        n.cleaned = false;
        const Node *p = n.parent >= 0 ? &m_nodes[n.parent] : nullptr;
        n.skipped = (p && p->skipped) || n.invisible || (m_flags.stripUnlikely && n.unlikely)
            || (m_flags.stripFurniture && n.furniture);
        if (n.isText)
            continue;
        inLink[i] = n.tag == GUMBO_TAG_A || (p && inLink[n.parent]);
        owner[i] = isBlock(n.tag) || !p ? i : owner[n.parent];
    }
    // Byline boxes: only short ones, so that a mislabelled wrapper keeps its text.
    for (int i = count - 1; i >= 0; --i) {
        Node &n = m_nodes[i];
        if (n.isText && !n.skipped) {
            for (const QChar c : n.text) {
                if (!isWhitespace(c)) {
                    ++n.chars;
                    n.commas += c == QLatin1Char(',') || c.unicode() == 0xFF0C || c.unicode() == 0x3001
                        || c.unicode() == 0x060C;
                }
            }
            if (n.parent >= 0 && inLink[n.parent])
                n.linkChars = n.chars;
            if (n.parent >= 0) {
                Node &o = m_nodes[owner[n.parent]];
                o.inlineChars += n.chars;
                o.inlineCommas += n.commas;
            }
        }
        if (n.skipped || n.parent < 0)
            continue;
        Node &p = m_nodes[n.parent];
        p.chars += n.chars;
        p.linkChars += n.linkChars;
        p.commas += n.commas;
        p.headingChars += isHeading(n.tag) ? n.chars : n.headingChars;
        p.listChars += (n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL) ? n.chars : n.listChars;
        if (!n.isText && isBlock(n.tag))
            p.hasBlockChild = true;
    }
    // Now that sizes are known, boxes leave (their counts leave their ancestors).
    for (int i = 0; i < count && m_flags.stripFurniture; ++i) {
        Node &n = m_nodes[i];
        if (n.skipped || !n.box || (n.chars > BoxMaximum && linkDensity(n) <= 0.5 && !isOtherStory(i))
            || isRunIn(i))
            continue;
        for (int a = n.parent; a >= 0; a = m_nodes[a].parent) {
            m_nodes[a].chars -= n.chars;
            m_nodes[a].linkChars -= n.linkChars;
            m_nodes[a].commas -= n.commas;
        }
        for (int d = i; d < n.end; ++d)
            m_nodes[d].skipped = true;
        i = n.end - 1;
    }
}

// A box that opens, under its heading, with a byline of its own ("By Ada Lind for the Island
// Post") is another story set into this one, however long.
bool Extractor::isOtherStory(int box) const
{
    static const QRegularExpression byline
        = hintRegex(u"^\\W{0,2}(?:by|von|por|par)\\s+\\p{Lu}\\p{Ll}+\\s+\\p{Lu}"_s);
    for (int d = box + 1; d < m_nodes[box].end; ++d) {
        const Node &x = m_nodes[d];
        if (x.isText || x.skipped || x.chars == 0)
            continue;
        if (isHeading(x.tag)) {
            d = x.end - 1;
            continue;
        }
        if (!isBlock(x.tag) || x.hasBlockChild)
            continue;
        return x.chars <= 80 && byline.match(textOf(x.g).trimmed()).hasMatch();
    }
    return false;
}

// An inline box that opens or sits in a paragraph of text is part of its sentence: the dateline
// "CITY – " before the first words, not a box of its own.
bool Extractor::isRunIn(int i) const
{
    const Node &n = m_nodes[i];
    if (isBlock(n.tag) || n.parent < 0 || linkDensity(n) > 0.5)
        return false;
    const Node &p = m_nodes[n.parent];
    return p.tag == GUMBO_TAG_P && p.chars >= 3 * n.chars + 40;
}

void Extractor::initScore(Node *n)
{
    if (n->scored)
        return;
    n->scored = true;
    double s = 0;
    switch (n->tag) {
    case GUMBO_TAG_DIV:
        s = 5;
        break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        s = 3;
        break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        s = -3;
        break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        s = -5;
        break;
    default:
        break;
    }
    n->score = s + classWeight(*n);
}

int Extractor::findBody() const
{
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (!m_nodes[i].isText && m_nodes[i].tag == GUMBO_TAG_BODY)
            return i;
    }
    return 0;
}

bool Extractor::isBodyOrAbove(int i) const
{
    return i < 0 || m_nodes[i].parent < 0 || m_nodes[i].tag == GUMBO_TAG_BODY
        || m_nodes[i].tag == GUMBO_TAG_HTML;
}

int Extractor::scoreAndPick()
{
    const int count = int(m_nodes.size());
    std::vector<int> candidates;
    for (int i = 0; i < count; ++i) {
        Node &n = m_nodes[i];
        if (n.isText || n.skipped || n.inlineChars < 20)
            continue;
        if (n.tag == GUMBO_TAG_LI || n.tag == GUMBO_TAG_H1 || n.tag == GUMBO_TAG_BODY
            || n.tag == GUMBO_TAG_HTML)
            continue;
        const double contribution = 1.0 + n.inlineCommas + std::min(n.inlineChars / 85, 3);
        int start = n.hasBlockChild ? i : n.parent;
        for (int level = 0; start >= 0 && level < 5; ++level, start = m_nodes[start].parent) {
            Node &a = m_nodes[start];
            if (a.parent < 0)
                break;
            if (!a.scored) {
                initScore(&a);
                candidates.push_back(start);
            }
            a.score += contribution / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
        }
    }
    for (int c : candidates)
        m_nodes[c].score *= 1.0 - linkDensity(m_nodes[c]);
    std::sort(candidates.begin(), candidates.end(),
              [this](int a, int b) { return m_nodes[a].score > m_nodes[b].score; });
    if (candidates.empty() || isBodyOrAbove(candidates.front())) {
        // Nothing scored (a short page): a lone <article> is still the article.
        int article = -1;
        for (int i = 0; i < count; ++i) {
            const Node &n = m_nodes[i];
            if (!n.isText && !n.skipped && n.tag == GUMBO_TAG_ARTICLE && n.chars > 0) {
                if (article >= 0 && !isAncestor(article, i))
                    return findBody();
                if (article < 0)
                    article = i;
            }
        }
        return article >= 0 ? article : findBody();
    }
    int top = candidates.front();
    const double topScore = m_nodes[top].score;

    // Several strong candidates under one ancestor: the article is split into parts.
    std::vector<int> alternatives;
    for (size_t k = 1; k < std::min<size_t>(candidates.size(), 5); ++k) {
        if (m_nodes[candidates[k]].score / topScore >= 0.75)
            alternatives.push_back(candidates[k]);
    }
    if (alternatives.size() >= 3) {
        for (int a = m_nodes[top].parent; !isBodyOrAbove(a); a = m_nodes[a].parent) {
            int containing = 0;
            for (int alt : alternatives)
                containing += isAncestor(a, alt);
            if (containing >= 3) {
                top = a;
                initScore(&m_nodes[top]);
                break;
            }
        }
    }
    // Climb while the parent scores at least a third as well; stop at one that scores better.
    {
        double lastScore = m_nodes[top].score;
        const double threshold = lastScore / 3;
        for (int p = m_nodes[top].parent; !isBodyOrAbove(p); p = m_nodes[p].parent) {
            if (!m_nodes[p].scored)
                continue;
            const double parentScore = m_nodes[p].score;
            if (parentScore < threshold)
                break;
            if (parentScore > lastScore) {
                top = p;
                break;
            }
            lastScore = parentScore;
        }
    }
    // An only child says no more than its parent.
    for (int p = m_nodes[top].parent; !isBodyOrAbove(p) && visibleChildren(p) == 1; p = m_nodes[p].parent)
        top = p;
    return top;
}

// Where publishers mark the article body, in tiers of trust (the idea of trafilatura's body
// expressions): the first element of the highest tier that holds enough text, or -1.
std::vector<int> Extractor::markedBody() const
{
    static const char16_t *const tier1[]
        = { u"post-text",    u"post_text",          u"post-body",       u"post-entry",
            u"postentry",    u"post-content",       u"post_content",    u"postcontent",
            u"article-text", u"articletext",        u"article-content", u"article__content",
            u"article-body", u"article__body",      u"articlebody",     u"text-content",
            u"body-text",    u"article__container", u"art-content",     u"entry-content",
            u"entry_content" };
    static const char16_t *const tier3[]
        = { u"post-bodycopy",   u"storycontent",    u"story-content",  u"art-postcontent", u"theme-content",
            u"blog-content",    u"section-content", u"single-content", u"single-post",     u"main-column",
            u"wpb_text_column", u"story-body",      u"field-body",     u"fulltext" };
    static const char16_t *const tier4[]
        = { u"content-main",  u"content_main", u"content-body", u"contentbody",
            u"content__body", u"main-content", u"page-content" };
    auto containsAny = [](const QString &s, const auto &list) {
        for (const char16_t *needle : list) {
            if (s.contains(QStringView(needle)))
                return true;
        }
        return false;
    };
    auto container = [](const Node &n) {
        return n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN
            || n.tag == GUMBO_TAG_SECTION;
    };
    for (int tier = 1; tier <= MarkedTiers; ++tier) {
        std::vector<int> found;
        for (int i = 0; i < int(m_nodes.size()); ++i) {
            const Node &n = m_nodes[i];
            if (n.isText || n.skipped || !container(n) || n.chars < MarkedMinimum)
                continue;
            bool match = false;
            switch (tier) {
            case 1:
                match = containsAny(n.cls, tier1) || n.id.contains(u"articlecontent"_s)
                    || n.id.contains(u"articlebody"_s) || n.id.contains(u"body-text"_s)
                    || attribute(n.g, "itemprop").compare(u"articleBody"_s, Qt::CaseInsensitive) == 0;
                break;
            case 2:
                match = n.tag == GUMBO_TAG_ARTICLE;
                break;
            case 3:
                match = containsAny(n.cls, tier3) || n.cls == u"text"_s || n.cls == u"story"_s
                    || n.cls.startsWith(u"article "_s) || n.id == u"article"_s || n.id == u"story"_s
                    || n.id.contains(u"story-body"_s) || attribute(n.g, "role") == u"article"_s;
                break;
            case 4:
                match = containsAny(n.cls, tier4) || containsAny(n.id, tier4) || n.id == u"content"_s
                    || n.cls == u"content"_s;
                break;
            default:
                match = n.tag == GUMBO_TAG_MAIN || attribute(n.g, "role") == u"main"_s;
                break;
            }
            // Every marked element, outside one another: a page may split its text into several
            // such blocks, or set a short one (a header box) before the body.
            if (match && linkDensity(n) < 0.5) {
                found.push_back(i);
                i = n.end - 1;
            }
        }
        int most = 0;
        for (int f : found)
            most = std::max(most, m_nodes[f].chars);
        std::erase_if(found, [&](int f) { return m_nodes[f].chars * 10 < most; });
        if (!found.empty())
            return found;
    }
    return {};
}

// A standfirst before the chosen text, inside the same article (an <article> or <main> ancestor,
// else the grandparent): the first element with a lead class, or a paragraph of an article
// <header>, that holds a sentence or more and few links. Class hints that dropped the header
// ("entry-header") do not count here; furniture, hidden elements and boxes do.
int Extractor::findLead(int first) const
{
    int scope = -1;
    for (int a = m_nodes[first].parent, level = 0; a >= 0 && level < 8; a = m_nodes[a].parent, ++level) {
        if (m_nodes[a].tag == GUMBO_TAG_ARTICLE || m_nodes[a].tag == GUMBO_TAG_MAIN) {
            scope = a;
            break;
        }
        if (level == 1)
            scope = a;
        if (isBodyOrAbove(a))
            break;
    }
    if (scope < 0 || isBodyOrAbove(scope))
        return -1;
    // Inside the chosen text, only what this pass leaves out (an article header with a boilerplate
    // class) and comes before its first words.
    int stop = m_nodes[first].end;
    for (int d = first + 1; d < stop; ++d) {
        const Node &x = m_nodes[d];
        if (x.isText && !x.skipped
            && std::any_of(x.text.cbegin(), x.text.cend(), [](QChar c) { return !isWhitespace(c); }))
            stop = d;
    }
    // The article first, then up to two wrappers around it: a headline and its standfirst may sit
    // above the element that holds the text.
    for (int widen = 0; widen < 3 && !isBodyOrAbove(scope); ++widen, scope = m_nodes[scope].parent) {
        bool afterTitle = false;
        for (int i = scope + 1; i < stop; ++i) {
            const Node &n = m_nodes[i];
            if (n.isText || i == first || isAncestor(i, first) || (i > first && !n.skipped))
                continue;
            if (n.invisible || n.furniture || n.box) {
                i = n.end - 1;
                continue;
            }
            if (isHeadline(n)) {
                i = n.end - 1; // the headline is not its own standfirst
                afterTitle = true;
                continue;
            }
            // The first text after the headline, when it is a paragraph or a subheading.
            const bool next = afterTitle && hasOwnText(i);
            afterTitle = afterTitle && !next;
            const bool followsTitle
                = next && (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_H2 || n.tag == GUMBO_TAG_H3);
            const bool hinted = leadHint().match(n.cls + QLatin1Char(' ') + n.id).hasMatch();
            const bool inHeader = (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_H2) && n.parent >= 0
                && (m_nodes[n.parent].tag == GUMBO_TAG_HEADER || m_nodes[n.parent].tag == GUMBO_TAG_HGROUP);
            if (!hinted && !inHeader && !followsTitle)
                continue;
            const QString text = textOf(n.g);
            qsizetype linkText = 0;
            for (int d = i + 1; d < n.end; ++d) {
                if (!m_nodes[d].isText && m_nodes[d].tag == GUMBO_TAG_A)
                    linkText += textOf(m_nodes[d].g).size();
            }
            if (text.size() >= (hinted ? 40 : 80) && text.size() < 1500 && linkText * 10 < text.size())
                return i;
        }
    }
    return -1;
}

// A standfirst that no class, header or position marks, found by what the page says about itself:
// the first block before the chosen text's first words (after the headline, when there is one)
// whose words are those of one of the page's descriptions, or begin them (a description cut short,
// or one that goes on), or open as one does for 60 letters or more, outside furniture and hidden
// elements, with few links. The parts are cleaned already, so a standfirst in a header that the
// cleaning left out is found too.
int Extractor::findDescribed(const std::vector<int> &parts) const
{
    if (m_descriptions.isEmpty())
        return -1;
    // The headline may sit inside the chosen text (the writer leaves it out there).
    int start = 0;
    for (int i = 0; i < m_nodes[parts.front()].end; ++i) {
        const Node &n = m_nodes[i];
        if (!n.isText && (n.invisible || n.furniture)) {
            i = n.end - 1;
        } else if (!n.isText && isHeadline(n)) {
            start = n.end;
            break;
        }
    }
    int first = -1;
    for (int part : parts) {
        for (int d = std::max(part, start); d < m_nodes[part].end && first < 0; ++d) {
            const Node &x = m_nodes[d];
            if (x.cleaned)
                d = x.end - 1;
            else if (x.isText && !x.skipped
                     && std::any_of(x.text.cbegin(), x.text.cend(), [](QChar c) { return !isWhitespace(c); }))
                first = d;
        }
    }
    if (first < 0)
        return -1;
    int lastOwner = -1;
    for (int i = start; i < first; ++i) {
        const Node &n = m_nodes[i];
        if (!n.isText) {
            if (n.invisible || n.furniture)
                i = n.end - 1;
            continue;
        }
        const QString opening = normalizeTitle(n.text).left(MinimumDescription);
        if (opening.isEmpty())
            continue;
        int owner = n.parent;
        while (owner >= 0 && !isBlock(m_nodes[owner].tag))
            owner = m_nodes[owner].parent;
        if (owner < 0 || owner == lastOwner || isAncestor(owner, first) || isBodyOrAbove(owner))
            continue;
        lastOwner = owner;
        // A block that matches opens as a description does: only those are read whole.
        if (std::none_of(m_descriptions.cbegin(), m_descriptions.cend(),
                         [&](const QString &d) { return d.startsWith(opening); }))
            continue;
        const Node &o = m_nodes[owner];
        const QString text = normalizeTitle(textOf(o.g));
        if (text.size() < MinimumDescription || text.size() > 3000 || isHeadline(o))
            continue;
        const bool described
            = std::any_of(m_descriptions.cbegin(), m_descriptions.cend(), [&](const QString &d) {
                  const QString &shorter = d.size() < text.size() ? d : text;
                  const QString &longer = d.size() < text.size() ? text : d;
                  qsizetype common = 0;
                  while (common < shorter.size() && shorter[common] == longer[common])
                      ++common;
                  // The whole of one and most of the other, or a long opening in common (a
                  // description reworded after its first sentence).
                  return (common == shorter.size() && shorter.size() * 5 >= longer.size() * 3)
                      || (common >= MinimumDescription && common * 5 >= shorter.size() * 2);
              });
        if (!described)
            continue;
        qsizetype linkText = 0;
        for (int d = owner + 1; d < o.end; ++d) {
            if (!m_nodes[d].isText && m_nodes[d].tag == GUMBO_TAG_A)
                linkText += normalizeTitle(textOf(m_nodes[d].g)).size();
        }
        return linkText * 10 < text.size() ? owner : -1;
    }
    return -1;
}

bool Extractor::hasOwnText(int i) const
{
    for (int c : m_nodes[i].children) {
        if (m_nodes[c].isText && std::any_of(m_nodes[c].text.cbegin(), m_nodes[c].text.cend(), [](QChar ch) {
                return !isWhitespace(ch);
            }))
            return true;
    }
    return false;
}

int Extractor::visibleChildren(int i) const
{
    int count = 0;
    for (int c : m_nodes[i].children)
        count += !m_nodes[c].isText && !m_nodes[c].skipped;
    return count;
}

// Blocks elsewhere on the page built like the top candidate (the same tag and class, inside parents
// and grandparents of the same tag and class): an article set in several sections, with a table
// or a picture strip between them. Added to the parts, in document order.
void Extractor::addSimilarBlocks(int top, std::vector<int> *parts) const
{
    const Node &t = m_nodes[top];
    if (t.cls.isEmpty() || t.chars < SimilarMinimum || isBodyOrAbove(t.parent)
        || isBodyOrAbove(m_nodes[t.parent].parent))
        return;
    auto same = [this](int a, int b) {
        return m_nodes[a].tag == m_nodes[b].tag && m_nodes[a].cls == m_nodes[b].cls;
    };
    const int parent = t.parent;
    const int grandparent = m_nodes[parent].parent;
    const size_t before = parts->size();
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        const Node &n = m_nodes[i];
        if (n.isText || isAncestor(i, top))
            continue;
        if (n.skipped || std::find(parts->begin(), parts->end(), i) != parts->end()) {
            i = n.end - 1;
            continue;
        }
        if (n.chars >= 100 && linkDensity(n) < 0.3 && same(i, top) && n.parent >= 0 && same(n.parent, parent)
            && m_nodes[n.parent].parent >= 0 && same(m_nodes[n.parent].parent, grandparent)) {
            parts->push_back(i);
            i = n.end - 1;
        }
    }
    if (parts->size() != before)
        std::sort(parts->begin(), parts->end());
}

// The top candidate and the siblings that belong with it.
std::vector<int> Extractor::gather(int top)
{
    const Node &t = m_nodes[top];
    if (isBodyOrAbove(top) || t.parent < 0)
        return { top };
    std::vector<int> out;
    const double threshold = std::max(10.0, t.score * 0.2);
    for (int s : m_nodes[t.parent].children) {
        const Node &n = m_nodes[s];
        if (n.skipped)
            continue;
        if (s == top) {
            out.push_back(s);
            continue;
        }
        if (n.isText)
            continue;
        double bonus = 0;
        if (!t.cls.isEmpty() && n.cls == t.cls)
            bonus += t.score * 0.2;
        bool append = false;
        if (n.scored && n.score + bonus >= threshold) {
            append = true;
        } else if (n.tag == GUMBO_TAG_P) {
            const double ld = linkDensity(n);
            const QString content = textOf(n.g);
            if (content.size() > 80 && ld < 0.25)
                append = true;
            else if (!content.isEmpty() && content.size() < 80 && n.linkChars == 0
                     && (content.contains(u". "_s) || content.endsWith(QLatin1Char('.'))))
                append = true;
        }
        if (append)
            out.push_back(s);
    }
    return out;
}

} // namespace Lede::MainText
