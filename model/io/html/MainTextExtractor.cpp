// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainTextExtractor.h"

#include "GumboNodes.h"
#include "io/TextDecoder.h"
#include "io/WireCopyParser.h"

#include <QRegularExpression>
#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

using namespace GumboNodes;

QRegularExpression hintRegex(const QString &pattern)
{
    QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT_X(re.isValid(), "MainTextExtractor", qPrintable(re.errorString()));
    return re;
}

// Class and id hints. "Unlikely" boxes are dropped in the strict pass; the weights tilt the score.
const QRegularExpression &unlikelyHint()
{
    static const QRegularExpression re = hintRegex(u"-ad-|ai2html|banner|breadcrumb|combx|comment|community|"
                                                   u"cover-wrap|disqus|extra|footer|gdpr|header|legends|"
                                                   "menu|related|remark|replies|rss|shoutbox|sidebar|"
                                                   "skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                                                   "pagination|pager|popup|yom-remote|share|sharing|"
                                                   "newsletter|subscribe|cookie|consent|mostread|most-read|"
                                                   "popular|trending|recommend|outbrain|taboola|promo"_s);
    return re;
}

const QRegularExpression &maybeContentHint()
{
    static const QRegularExpression re = hintRegex(u"and|article|body|column|content|main|shadow"_s);
    return re;
}

const QRegularExpression &negativeHint()
{
    static const QRegularExpression re = hintRegex(
        u"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
        "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
        "shopping|tags|"
        "tool|widget"_s);
    return re;
}

const QRegularExpression &positiveHint()
{
    static const QRegularExpression re
        = hintRegex(u"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"_s);
    return re;
}

// Boxes inside an article that are not its text: bylines and dates (the metadata has them), captions
// and credits, share bars, tags, ratings, related links, newsletter and comment boxes. Dropped when
// short or mostly links, so that a wrapper with such a class keeps its text.
const QRegularExpression &boxHint()
{
    static const QRegularExpression re = hintRegex(
        u"byline|author|dateline|writtenby|caption|credit|copyright|imagedescription|image-description|"
        "bildunterschrift|share|sharing|sharedaddy|social|related|newsletter|subscribe|comment|rating|"
        "tag-links|tags|entry-meta|post-meta|postmeta|entryfooter|entry-footer|post-footer|entry-utility|"
        "meta-info|breadcrumb|pagination|pager|promo|advert|cookie|consent|saboxplugin|author-box|"
        "infobox|factbox|affiliate|kasten|print-only|postpromonav|"
        "most-read|mostread|popular|recommend|(?:^|[\\s_-])meta(?:$|[\\s_-])|posted-on|post-date|entry-date|"
        "publish-date|pubdate|timestamp"_s);
    return re;
}

// The standfirst: a lead paragraph that pages often set apart from the body, in the article header.
const QRegularExpression &leadHint()
{
    static const QRegularExpression re = hintRegex(
        u"(?:^|[\\s_-])(?:lead|intro|teaser|chapo|standfirst|subtitle|excerpt|summary|abstract|deck|sapo|"
        "description)|teaser-text|article-teaser|entry-summary"_s);
    return re;
}

// Short paragraphs and headings inside an article that point elsewhere ("Read more: …"), credit a
// picture, or ask for a subscription, in the languages of the pages Lede was measured on.
const QRegularExpression &asideText()
{
    static const QRegularExpression re = hintRegex(
        u"^\\W{0,3}(?:read (?:more|also)|also read|related(?: stories| articles)?:|see also|more on this|"
        "subscribe (?:now|to)|sign up (?:for|to)|click here|to view the full story|share "
        "this|credits?:|photo:|"
        "image:|source:|"
        "lesen sie (?:auch|hier|mehr)|auch interessant|mehr zum thema|weitere artikel|weitere informationen|"
        "das k\\x{00f6}nnte (?:dich|sie)|schon gelesen|zum thema:|artikel "
        "teilen|foto:|bild:|titelbild|beitragsbild|"
        "quelle:|kontakt:|"
        "lea (?:tambi\\x{00e9}n|m\\x{00e1}s)|lea:|lee tambi\\x{00e9}n|le puede interesar|te puede interesar|"
        "puedes ver|mira:|ver tambi\\x{00e9}n|"
        "lire aussi|\\x{00e0} lire aussi|cr\\x{00e9}dits? photos?|leggi anche)"_s);
    return re;
}

// Always dropped, whatever the pass: text a screen reader or nobody sees.
const QRegularExpression &invisibleHint()
{
    static const QRegularExpression re = hintRegex(
        u"(?:^|\\s)(?:hidden|sr-only|visually-hidden|visuallyhidden|screen-reader-text|element-invisible)(?:\\s|$)"_s);
    return re;
}

bool isNeverText(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
        return true;
    default:
        return false;
    }
}

bool isHeading(GumboTag tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

bool isBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MENU:
        return true;
    default:
        return false;
    }
}

bool isWhitespace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char('\f') || c.unicode() == 0xA0;
}

struct Node
{
    const GumboNode *g = nullptr;
    int parent = -1;
    int end = 0; // one past the last descendant (nodes are in document order)
    std::vector<int> children;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    bool isText = false;
    QString text; // text nodes
    QString cls, id; // elements, lower case

    bool invisible = false; // never text, hidden: skipped in every pass
    bool furniture = false; // nav, aside, footer, ARIA roles: skipped but in the last pass
    bool unlikely = false; // boilerplate by class or id: skipped in the strict pass
    bool box = false; // a byline, caption, share, related, … box by class (see boxHint)

    // Counted over all descendants, once.
    int images = 0, paragraphs = 0, listItems = 0, inputs = 0, embeds = 0;

    // Per pass.
    bool skipped = false; // this node or an ancestor is left out
    int chars = 0, linkChars = 0, commas = 0, headingChars = 0, listChars = 0;
    int inlineChars = 0, inlineCommas = 0; // text reached through inline elements only
    bool hasBlockChild = false;
    bool scored = false;
    double score = 0;
    bool cleaned = false;
};

struct Flags
{
    bool stripFurniture = true;
    bool stripUnlikely = true;
    bool weightClasses = true;
    bool cleanConditionally = true;
};

class Extractor final
{
public:
    static constexpr qsizetype MinimumLength = 500;
    static constexpr int MarkedMinimum = 200;
    static constexpr int BoxMaximum = 600;
    // Only the first tier: <article>, content-ish and main containers measured worse than the scorer
    // on the development pages (bench/web), but are kept to be tried again.
    static constexpr int MarkedTiers = 1;

    Extractor(const GumboNode *document, const QString &title)
        : m_title(normalizeTitle(title))
    {
        build(document);
    }

    MainTextExtractor::Extracted run()
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

private:
    static QString normalizeTitle(const QString &s)
    {
        QString out;
        for (const QChar c : s) {
            if (c.isLetterOrNumber())
                out += c.toLower();
        }
        return out;
    }

    // ---- building ------------------------------------------------------------------------------

    void build(const GumboNode *document)
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
            if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE
                || g->type == GUMBO_NODE_CDATA) {
                n.isText = true;
                n.text = QString::fromUtf8(g->v.text.text);
            } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_DOCUMENT) {
                n.tag = g->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : g->v.element.tag;
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
                n.inputs += n.tag == GUMBO_TAG_INPUT || n.tag == GUMBO_TAG_SELECT
                    || n.tag == GUMBO_TAG_TEXTAREA || n.tag == GUMBO_TAG_BUTTON;
                n.embeds
                    += n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_OBJECT || n.tag == GUMBO_TAG_EMBED;
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

    void classify(Node *n)
    {
        const GumboNode *g = n->g;
        n->cls = attribute(g, "class").toLower();
        n->id = attribute(g, "id").toLower();
        if (isNeverText(n->tag)) {
            n->invisible = true;
            return;
        }
        const QString style = attribute(g, "style").toLower().remove(QLatin1Char(' '));
        if (hasAttribute(g, "hidden") || attribute(g, "aria-hidden") == u"true"_s
            || style.contains(u"display:none"_s) || style.contains(u"visibility:hidden"_s)
            || invisibleHint().match(n->cls).hasMatch() || n->tag == GUMBO_TAG_FIGCAPTION) {
            n->invisible = true;
            return;
        }
        const QString role = attribute(g, "role").toLower();
        if (n->tag == GUMBO_TAG_NAV || n->tag == GUMBO_TAG_ASIDE || n->tag == GUMBO_TAG_FOOTER
            || role == u"navigation"_s || role == u"menu"_s || role == u"menubar"_s
            || role == u"complementary"_s || role == u"contentinfo"_s || role == u"dialog"_s
            || role == u"alertdialog"_s || role == u"alert"_s) {
            n->furniture = true;
        }
        if (n->tag != GUMBO_TAG_BODY && n->tag != GUMBO_TAG_HTML && n->tag != GUMBO_TAG_A
            && n->tag != GUMBO_TAG_ARTICLE && n->tag != GUMBO_TAG_MAIN) {
            const QString hints = n->cls + QLatin1Char(' ') + n->id;
            if (unlikelyHint().match(hints).hasMatch() && !maybeContentHint().match(hints).hasMatch())
                n->unlikely = true;
            if (boxHint().match(hints).hasMatch() || attribute(g, "rel") == u"author"_s
                || attribute(g, "itemprop").contains(u"author"_s))
                n->box = true;
        }
    }

    // ---- one pass ------------------------------------------------------------------------------

    int classWeight(const Node &n) const
    {
        if (!m_flags.weightClasses)
            return 0;
        int weight = 0;
        for (const QString *s : { &n.cls, &n.id }) {
            if (s->isEmpty())
                continue;
            if (negativeHint().match(*s).hasMatch())
                weight -= 25;
            if (positiveHint().match(*s).hasMatch())
                weight += 25;
        }
        return weight;
    }

    void measure()
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
            if (n.skipped || !n.box || (n.chars > BoxMaximum && linkDensity(n) <= 0.5))
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

    double linkDensity(const Node &n) const { return n.chars > 0 ? double(n.linkChars) / n.chars : 0.0; }

    void initScore(Node *n)
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

    int findBody() const
    {
        for (int i = 0; i < int(m_nodes.size()); ++i) {
            if (!m_nodes[i].isText && m_nodes[i].tag == GUMBO_TAG_BODY)
                return i;
        }
        return 0;
    }

    bool isBodyOrAbove(int i) const
    {
        return i < 0 || m_nodes[i].parent < 0 || m_nodes[i].tag == GUMBO_TAG_BODY
            || m_nodes[i].tag == GUMBO_TAG_HTML;
    }

    int scoreAndPick()
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
    int markedBody() const
    {
        static const char16_t *const tier1[]
            = { u"post-text",    u"post_text",          u"post-body",       u"post-entry",
                u"postentry",    u"post-content",       u"post_content",    u"postcontent",
                u"article-text", u"articletext",        u"article-content", u"article__content",
                u"article-body", u"article__body",      u"articlebody",     u"text-content",
                u"body-text",    u"article__container", u"art-content",     u"entry-content",
                u"entry_content" };
        static const char16_t *const tier3[]
            = { u"post-bodycopy", u"storycontent", u"story-content",   u"art-postcontent",
                u"theme-content", u"blog-content", u"section-content", u"single-content",
                u"single-post",   u"main-column",  u"wpb_text_column", u"story-body",
                u"field-body",    u"fulltext" };
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
                if (match && linkDensity(n) < 0.5)
                    return i;
            }
        }
        return -1;
    }

    // A standfirst before the chosen text, inside the same article (an <article> or <main> ancestor,
    // else the grandparent): the first element with a lead class, or a paragraph of an article
    // <header>, that holds a sentence or more and few links. Class hints that dropped the header
    // ("entry-header") do not count here; furniture, hidden elements and boxes do.
    int findLead(int first) const
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
        for (int i = scope + 1; i < first; ++i) {
            const Node &n = m_nodes[i];
            if (n.isText || isAncestor(i, first))
                continue;
            if (n.invisible || n.furniture || n.box) {
                i = n.end - 1;
                continue;
            }
            const bool hinted = leadHint().match(n.cls + QLatin1Char(' ') + n.id).hasMatch();
            const bool inHeader = (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_H2) && n.parent >= 0
                && (m_nodes[n.parent].tag == GUMBO_TAG_HEADER || m_nodes[n.parent].tag == GUMBO_TAG_HGROUP);
            if (!hinted && !inHeader)
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
        return -1;
    }

    bool isAncestor(int ancestor, int node) const { return node > ancestor && node < m_nodes[ancestor].end; }

    int visibleChildren(int i) const
    {
        int count = 0;
        for (int c : m_nodes[i].children)
            count += !m_nodes[c].isText && !m_nodes[c].skipped;
        return count;
    }

    // The top candidate and the siblings that belong with it.
    std::vector<int> gather(int top)
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

    bool isDataTable(const Node &n) const
    {
        if (attribute(n.g, "role") == u"presentation"_s)
            return false;
        int rows = 0;
        for (int d = n.end - 1; d > 0 && d >= int(&n - m_nodes.data()); --d) {
            const Node &x = m_nodes[d];
            if (x.isText)
                continue;
            if (x.tag == GUMBO_TAG_TABLE && d != int(&n - m_nodes.data()))
                return false;
            if (x.tag == GUMBO_TAG_TH || x.tag == GUMBO_TAG_CAPTION || x.tag == GUMBO_TAG_THEAD)
                return true;
            rows += x.tag == GUMBO_TAG_TR;
        }
        return rows >= 10;
    }

    bool shouldClean(int i) const
    {
        const Node &n = m_nodes[i];
        const int weight = classWeight(n);
        if (isHeading(n.tag))
            return weight < 0;
        if (n.tag != GUMBO_TAG_DIV && n.tag != GUMBO_TAG_SECTION && n.tag != GUMBO_TAG_UL
            && n.tag != GUMBO_TAG_OL && n.tag != GUMBO_TAG_TABLE && n.tag != GUMBO_TAG_FORM
            && n.tag != GUMBO_TAG_FIELDSET && n.tag != GUMBO_TAG_HEADER && n.tag != GUMBO_TAG_DL)
            return false;
        if (n.tag == GUMBO_TAG_TABLE && isDataTable(n))
            return false;
        // A box of inline text only is a paragraph, not a container.
        if ((n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION) && !n.hasBlockChild && n.inlineChars > 0
            && linkDensity(n) < 0.5 && classWeight(n) >= 0)
            return false;
        bool isList = n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL;
        if (!isList && n.chars > 0)
            isList = double(n.listChars) / n.chars > 0.9;
        if (weight < 0)
            return true;
        if (n.commas >= 10)
            return false;
        const int p = n.paragraphs;
        const int img = n.images;
        const double ld = linkDensity(n);
        const double headingDensity = n.chars > 0 ? double(n.headingChars) / n.chars : 0.0;
        const bool remove = (img > 1 && double(p) / img < 0.5) || (!isList && n.listItems - 100 > p)
            || (n.inputs > p / 3)
            || (!isList && headingDensity < 0.9 && n.chars < 25 && (img == 0 || img > 2))
            || (!isList && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5)
            || (n.embeds == 1 && n.chars < 75) || n.embeds > 1;
        if (remove && isList && img == n.listItems && img > 0)
            return false;
        return remove;
    }

    bool isAsideText(const Node &n) const
    {
        if (n.inlineChars == 0 || n.chars > 200 || n.hasBlockChild)
            return false;
        return asideText().match(textOf(n.g)).hasMatch();
    }

    void clean(int root)
    {
        if (!m_flags.cleanConditionally)
            return;
        for (int i = root + 1; i < m_nodes[root].end; ++i) {
            Node &n = m_nodes[i];
            if (n.isText || n.skipped)
                continue;
            if (shouldClean(i) || (m_flags.stripFurniture && isAsideText(n))) {
                n.cleaned = true;
                i = n.end - 1;
            }
        }
    }

    MainTextExtractor::Extracted pass(const Flags &flags)
    {
        m_flags = flags;
        measure();
        const int top = scoreAndPick();
        std::vector<int> parts = gather(top);
        if (const int marked = markedBody(); marked >= 0)
            parts = { marked };
        if (const int lead = findLead(parts.front()); lead >= 0) {
            for (int d = lead; d < m_nodes[lead].end; ++d)
                m_nodes[d].skipped = m_nodes[d].invisible || m_nodes[d].furniture || m_nodes[d].box;
            parts.insert(parts.begin(), lead);
        }
        MainTextExtractor::Extracted out;
        m_out.clear();
        m_headings.clear();
        m_headingOut.clear();
        m_pendingBreak = 0;
        m_pendingSpace = false;
        m_titleDropped = false;
        for (int part : parts) {
            clean(part);
            writeSubtree(part);
            breakLines(2);
        }
        TextDecoder::trim(&m_out, &m_headings);
        out.text = m_out;
        out.headings = m_headings;
        return out;
    }

    // ---- writing -------------------------------------------------------------------------------

    void breakLines(int n) { m_pendingBreak = std::max(m_pendingBreak, n); }

    void write(QStringView chunk, bool pre)
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

    bool isTitleHeading(const Node &n)
    {
        if (m_titleDropped || !isHeading(n.tag))
            return false;
        const QString text = normalizeTitle(textOf(n.g));
        if (text.isEmpty())
            return false;
        bool same = m_title.isEmpty() ? n.tag == GUMBO_TAG_H1 : text == m_title;
        if (!same && !m_title.isEmpty()) {
            // "Headline" against "Headline | Site", or a headline with a kicker.
            const QString &shorter = text.size() < m_title.size() ? text : m_title;
            const QString &longer = text.size() < m_title.size() ? m_title : text;
            same = longer.contains(shorter) && shorter.size() * 2 >= longer.size();
        }
        if (same) {
            m_titleDropped = true;
            return true;
        }
        return false;
    }

    void writeSubtree(int root)
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
                write(n.text, pre > 0);
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

    void enter(const Node &n, int *pre)
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

    void leave(const Node &n, int *pre)
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

    std::vector<Node> m_nodes;
    QString m_title;
    QString m_h1;
    QString m_byline;
    Flags m_flags;

    QString m_out;
    QList<Span> m_headings;
    std::vector<qsizetype> m_headingOut; // where each open heading started writing
    int m_pendingBreak = 0;
    bool m_pendingSpace = false;
    bool m_titleDropped = false;
};

} // namespace

MainTextExtractor::Extracted MainTextExtractor::extract(const GumboInternalNode *document,
                                                        const QString &title)
{
    return Extractor(document, title).run();
}

} // namespace Lede
