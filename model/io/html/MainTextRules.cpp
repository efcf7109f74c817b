// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainTextExtractor_p.h"

using namespace Qt::StringLiterals;

namespace Lede::MainText {

QRegularExpression hintRegex(const QString &pattern)
{
    QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT_X(re.isValid(), "MainTextExtractor", qPrintable(re.errorString()));
    return re;
}

// Class and id hints. "Unlikely" boxes are dropped in the strict pass; the weights tilt the score.
const QRegularExpression &unlikelyHint()
{
    static const QRegularExpression re
        = hintRegex(u"-ad-|ai2html|banner|breadcrumb|combx|comment|community|"
                    u"cover-wrap|disqus|extra|footer|gdpr|header|legends|"
                    "menu|related|remark|replies|rss|shoutbox|sidebar|"
                    "skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                    "pagination|pager|popup|yom-remote|share|sharing|"
                    "newsletter|subscribe|cookie|consent|mostread|most-read|"
                    "popular|trending|recommend|outbrain|taboola|promo|overlay|modal"_s);
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
        "legend|bildunterschrift|share|sharing|sharedaddy|social|related|newsletter|subscribe|comment|rating|"
        "tag-links|tags|entry-meta|post-meta|postmeta|entryfooter|entry-footer|post-footer|entry-utility|"
        "meta-info|breadcrumb|pagination|pager|promo|advert|cookie|consent|saboxplugin|author-box|"
        "infobox|factbox|affiliate|kasten|print-only|postpromonav|"
        "most-read|mostread|popular|recommend|(?:^|[\\s_-])meta(?:$|[\\s_-])|posted-on|post-date|entry-date|"
        "publish-date|pubdate|timestamp|disclosure"_s);
    return re;
}

// The standfirst: a lead paragraph that pages often set apart from the body, in the article header.
const QRegularExpression &leadHint()
{
    static const QRegularExpression re = hintRegex(
        u"(?:^|[\\s_-])(?:lead|intro|teaser|chapo|standfirst|subtitle|excerpt|summary|abstract|deck|sapo|"
        "description|bajada|entradilla|copete|sottotitolo)|teaser-text|article-teaser|entry-summary"_s);
    return re;
}

// Short paragraphs and headings inside an article that point elsewhere ("Read more: …"), credit a
// picture, or ask for a subscription, in the languages of the pages Lede was measured on.
const QRegularExpression &asideText()
{
    static const QRegularExpression re = hintRegex(
        u"^\\W{0,3}(?:read (?:more|also)|also read|related(?: stories| articles)?:|see also|more on this|"
        "subscribe (?:now|to)|sign up (?:for|to)|click here|to view the full story|share "
        "this|credits?:|photo:|copyright:|\\x{00a9}|"
        "image:|source:|"
        "lesen sie (?:auch|hier|mehr)|auch interessant|mehr zum thema|weitere artikel|weitere informationen|"
        "das k\\x{00f6}nnte (?:dich|sie)|schon gelesen|zum thema:|artikel "
        "teilen|foto:|bild:|titelbild|beitragsbild|"
        "quelle:|kontakt:|"
        "lea (?:tambi\\x{00e9}n|m\\x{00e1}s)|lea:|lee tambi\\x{00e9}n|le puede interesar|te puede interesar|"
        "puedes ver|mira:|ver tambi\\x{00e9}n|"
        "lire aussi|\\x{00e0} lire aussi|cr\\x{00e9}dits? photos?|leggi anche|"
        "veja tamb\\x{00e9}m|leia tamb\\x{00e9}m|s(?:\\x{00ed}|i)guenos en|follow us on|"
        "for the latest (?:news|stories)|get the latest news|about the author|\\x{00fc}ber (?:den autor|die "
        "autorin)|"
        "sobre el autor)"_s);
    return re;
}

// A paywall: the line that asks for a subscription where the story breaks off. What follows it
// is the offer, not the story.
const QRegularExpression &paywallText()
{
    static const QRegularExpression re = hintRegex(
        u"to (?:view|read|continue reading) (?:the|this) (?:full|whole|entire|rest of the) "
        u"(?:story|article)|already a (?:subscriber|member) ?\\?|subscribe (?:now )?to (?:continue|keep) "
        u"reading|(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved) "
        u"(?:to|for) (?:subscribers|members)|um (?:den|diesen) (?:ganzen |vollst\\x{00e4}ndigen )?artikel "
        u"(?:weiter )?zu lesen|contenido exclusivo para suscriptores|r\\x{00e9}serv\\x{00e9} aux abonn\\x{00e9}s"_s);
    return re;
}

// An invitation to follow, join or write to the publication, or a pointer to another of its
// stories, as a line with a link at an edge of the text.
const QRegularExpression &promoText()
{
    static const QRegularExpression re
        = hintRegex(u"\\b(?:sign up|subscribe\\b|newsletter|join us|follow us|submit (?:your|a) |send us "
                    u"|telegram|whatsapp)|"
                    u"\\bpodcast\\b|download (?:our|the) app|abonnier|folgen sie uns|folge uns|"
                    u"\\x{00fa}nete|suscr\\x{00ed}b|s\\x{00ed}guenos|abonnez|inscrivez|"
                    // A pointer to another story of the site.
                    u"(?:findest du|finden sie) (?:hier|in unserem)|in unserem (?:beitrag|artikel|ratgeber)|"
                    u"(?:check out|read|see) our (?:guide|story|article|review|coverage)"_s);
    return re;
}

// A web or mail address spelled out: a source the text gives, which a line of links keeps.
const QRegularExpression &addressText()
{
    static const QRegularExpression re = hintRegex(u"https?://|www\\.|@"_s);
    return re;
}

// Always dropped, whatever the pass: text a screen reader or nobody sees.
const QRegularExpression &invisibleHint()
{
    static const QRegularExpression re = hintRegex(
        u"(?:^|\\s)(?:hidden|sr-only|visually-hidden|visuallyhidden|screen-reader-text|element-invisible)(?:\\s|$)"_s);
    return re;
}

void Extractor::classify(Node *n)
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
        || role == u"navigation"_s || role == u"menu"_s || role == u"menubar"_s || role == u"complementary"_s
        || role == u"contentinfo"_s || role == u"dialog"_s || role == u"alertdialog"_s
        || role == u"alert"_s) {
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

int Extractor::classWeight(const Node &n) const
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

bool Extractor::isDataTable(const Node &n) const
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

bool Extractor::shouldClean(int i) const
{
    const Node &n = m_nodes[i];
    const int weight = classWeight(n);
    if (isHeading(n.tag))
        return weight < 0;
    // A paragraph that is nothing but a link points to another article; one that spells out an
    // address (a web or mail address given as a source) stays.
    if (n.tag == GUMBO_TAG_P) {
        if (n.chars < 20 || n.chars >= 200 || linkDensity(n) <= 0.9)
            return false;
        return !addressText().match(textOf(n.g)).hasMatch();
    }
    if (n.tag != GUMBO_TAG_DIV && n.tag != GUMBO_TAG_SECTION && n.tag != GUMBO_TAG_UL && n.tag != GUMBO_TAG_OL
        && n.tag != GUMBO_TAG_TABLE && n.tag != GUMBO_TAG_FORM && n.tag != GUMBO_TAG_FIELDSET
        && n.tag != GUMBO_TAG_HEADER && n.tag != GUMBO_TAG_DL)
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
    // A negative class ("media", "tools") on a block of plain paragraphs without a link is a
    // layout name, not boilerplate.
    if (weight < 0 && !(n.paragraphs >= 2 && n.commas >= 10 && n.linkChars == 0))
        return true;
    // A list whose items are links and nothing more points elsewhere: related articles, a teaser
    // list, the next stories. A list that says something about its links keeps its text.
    if (isList && n.listItems >= 2 && linkDensity(n) > 0.8)
        return true;
    if (n.commas >= 10)
        return false;
    const int p = n.paragraphs;
    const int img = n.images;
    const double ld = linkDensity(n);
    const double headingDensity = n.chars > 0 ? double(n.headingChars) / n.chars : 0.0;
    const bool remove = (img > 1 && double(p) / img < 0.5) || (!isList && n.listItems - 100 > p)
        || (n.inputs > p / 3) || (!isList && headingDensity < 0.9 && n.chars < 25 && (img == 0 || img > 2))
        || (!isList && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5)
        || (n.embeds == 1 && n.chars < 75) || n.embeds > 1;
    if (remove && isList && img == n.listItems && img > 0)
        return false;
    // Headings over a picture and no paragraph ("Keep Reading", a picture, the other story's
    // headline): a teaser for another story set into the text.
    if (!isList && p == 0 && n.chars > 0 && n.chars < 200 && n.headingChars * 10 >= n.chars * 9
        && hasPicture(i))
        return true;
    // A picture with a line or two under it, in a box of its own: the caption of a figure that is
    // not marked as one.
    const bool picture = !isList && (n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION) && img >= 1
        && p == 0 && n.chars < 160 && n.headingChars == 0;
    return remove || picture;
}

// A picture anywhere in the box, also one only inside <noscript> (lazy loading).
bool Extractor::hasPicture(int i) const
{
    for (int d = i + 1; d < m_nodes[i].end; ++d) {
        const Node &x = m_nodes[d];
        if (x.isText)
            continue;
        if (x.tag == GUMBO_TAG_IMG || x.tag == GUMBO_TAG_FIGURE)
            return true;
        if (x.tag == GUMBO_TAG_NOSCRIPT) {
            const GumboVector &children = x.g->v.element.children;
            for (unsigned c = 0; c < children.length; ++c) {
                const auto *child = static_cast<const GumboNode *>(children.data[c]);
                if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_IMG)
                    return true;
                if (child->type == GUMBO_NODE_TEXT && QByteArray(child->v.text.text).contains("<img"))
                    return true;
            }
        }
    }
    return false;
}

bool Extractor::isAsideText(const Node &n) const
{
    // A date standing alone between blocks is the page's dateline: <time> set as a block of its
    // own, or a line holding nothing but a date in figures ("03.04.2020", "2020-04-03 14:05").
    if (n.tag == GUMBO_TAG_TIME && n.parent >= 0 && m_nodes[n.parent].hasBlockChild)
        return true;
    if (n.inlineChars == 0 || n.chars > 200 || n.hasBlockChild)
        return false;
    static const QRegularExpression dateOnly
        = hintRegex(u"^\\W{0,3}(?:\\d{1,2}[./] ?\\d{1,2}[./] ?\\d{2,4}|\\d{4}-\\d{2}-\\d{2})"
                    u"(?:[,T ]+\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?: ?uhr| ?h)?)?\\W{0,3}$"_s);
    const QString text = textOf(n.g);
    return asideText().match(text).hasMatch() || (n.chars <= 40 && dateOnly.match(text).hasMatch());
}

void Extractor::clean(int root)
{
    if (!m_flags.cleanConditionally)
        return;
    for (int i = root + 1; i < m_nodes[root].end; ++i) {
        Node &n = m_nodes[i];
        if (n.isText || n.skipped)
            continue;
        // A wrapper that holds nearly all of the part is the text itself: it is looked into, not
        // judged whole (a "widget" wrapper around the story, a marked body's inner wrapper that also
        // holds a picture slider of other stories).
        if (!isBodyOrAbove(root) && n.hasBlockChild && n.chars * 10 >= m_nodes[root].chars * 9)
            continue;
        if (shouldClean(i) || (m_flags.stripFurniture && isAsideText(n))) {
            n.cleaned = true;
            i = n.end - 1;
        }
    }
    // A heading over a box that left ("More on this", "Share this article" over their links)
    // heads nothing: it leaves too.
    for (int i = root + 1; i < m_nodes[root].end; ++i) {
        Node &n = m_nodes[i];
        if (n.skipped || n.cleaned) {
            i = n.end - 1;
            continue;
        }
        if (!n.isText && isHeading(n.tag) && headsNothing(i)) {
            n.cleaned = true;
            i = n.end - 1;
        }
    }
}

bool Extractor::hasText(int i) const
{
    for (int d = i; d < m_nodes[i].end; ++d) {
        const Node &x = m_nodes[d];
        if (!x.isText && x.invisible) {
            d = x.end - 1;
            continue;
        }
        if (x.isText && std::any_of(x.text.cbegin(), x.text.cend(), [](QChar c) { return !isWhitespace(c); }))
            return true;
    }
    return false;
}

// The siblings after a heading, up to the next heading, are all left out or empty, and one at least
// was left out with its text.
bool Extractor::headsNothing(int heading) const
{
    const Node &h = m_nodes[heading];
    if (h.parent < 0)
        return false;
    const std::vector<int> &siblings = m_nodes[h.parent].children;
    bool dropped = false;
    for (auto it = std::find(siblings.begin(), siblings.end(), heading) + 1; it != siblings.end(); ++it) {
        const Node &s = m_nodes[*it];
        if (s.isText) {
            if (!s.skipped
                && std::any_of(s.text.cbegin(), s.text.cend(), [](QChar c) { return !isWhitespace(c); }))
                return false;
            continue;
        }
        if (isHeading(s.tag))
            break;
        // Left out with its text (not an empty slot for an advertisement, not a script).
        if (s.skipped || s.cleaned)
            dropped = dropped || s.chars > 0 || (!isNeverText(s.tag) && hasText(*it));
        else if (s.chars > 0)
            return false;
    }
    return dropped;
}

// A line with a link that opens the text and is all emphasis ("<em>Submit your letter via this
// form.</em>"), or one at either edge that invites the reader to follow, join or write, is the
// publication speaking, not the story. A footnote mark in an emphasized quotation is no such link.
bool Extractor::isEdgePromo(int block, bool opening) const
{
    const Node &n = m_nodes[block];
    if (n.isText || (n.tag != GUMBO_TAG_P && n.tag != GUMBO_TAG_DIV) || n.chars > 300)
        return false;
    bool plain = false;
    int linkChars = 0, chars = 0;
    for (int d = block + 1; d < n.end; ++d) {
        const Node &x = m_nodes[d];
        if (!x.isText) {
            if (x.skipped || x.cleaned || x.invisible)
                d = x.end - 1;
            continue;
        }
        if (std::all_of(x.text.cbegin(), x.text.cend(), isWhitespace))
            continue;
        bool inLink = false, emphasized = false;
        for (int a = x.parent; a > block; a = m_nodes[a].parent) {
            const GumboTag t = m_nodes[a].tag;
            inLink = inLink || t == GUMBO_TAG_A;
            emphasized = emphasized || t == GUMBO_TAG_EM || t == GUMBO_TAG_I || t == GUMBO_TAG_STRONG
                || t == GUMBO_TAG_B;
        }
        const auto visible
            = int(std::count_if(x.text.cbegin(), x.text.cend(), [](QChar c) { return !isWhitespace(c); }));
        chars += visible;
        linkChars += inLink ? visible : 0;
        plain = plain || !emphasized;
    }
    if (linkChars == 0)
        return false;
    // A story's own paragraph may name a newsletter or a messenger in passing: a promotion line is
    // short or mostly its link.
    return (opening && !plain && linkChars * 5 >= chars)
        || ((chars <= 100 || linkChars * 3 >= chars) && promoText().match(textOf(n.g)).hasMatch());
}

// After cleaning, before writing: the text is cut at a paywall line; headings, lines ending in a
// colon (they head what left) and lines that are mostly links that close the text, and promotion
// lines at either edge, leave. rootSkipped: whether each part was left out before it was cleaned.
void Extractor::trimEdges(const std::vector<int> &parts, const std::vector<char> &rootSkipped)
{
    if (!m_flags.cleanConditionally)
        return;
    // What the writer will write, in order: blocks holding no other block, and loose text.
    std::vector<int> units;
    qsizetype paywallAt = -1;
    for (size_t k = 0; k < parts.size(); ++k) {
        const int part = parts[k];
        if (rootSkipped[k])
            continue;
        for (int i = part; i < m_nodes[part].end; ++i) {
            const Node &n = m_nodes[i];
            if ((i != part && n.skipped) || (!n.isText && n.invisible)) {
                i = n.end - 1;
                continue;
            }
            if (n.cleaned) {
                if (paywallAt < 0 && !units.empty() && (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_DIV)
                    && n.chars <= 200 && paywallText().match(textOf(n.g)).hasMatch())
                    paywallAt = qsizetype(units.size());
                i = n.end - 1;
                continue;
            }
            if (n.isText) {
                if (!std::all_of(n.text.cbegin(), n.text.cend(), isWhitespace))
                    units.push_back(i);
            } else if (isBlock(n.tag) && !n.hasBlockChild && hasText(i)) {
                if (paywallAt < 0 && !units.empty() && n.chars <= 200
                    && paywallText().match(textOf(n.g)).hasMatch())
                    paywallAt = qsizetype(units.size());
                units.push_back(i);
                i = n.end - 1;
            }
        }
    }
    if (paywallAt > 0) {
        for (size_t j = size_t(paywallAt); j < units.size(); ++j)
            m_nodes[units[j]].cleaned = true;
        units.resize(size_t(paywallAt));
    }
    while (units.size() > 1) {
        const Node &n = m_nodes[units.back()];
        if (n.isText)
            break;
        if (!isHeading(n.tag) && !isEdgePromo(units.back(), false)) {
            const QString text = textOf(n.g).trimmed();
            // A line that is mostly a link closes the text: a pointer to the next story, a tag.
            const bool linkLine
                = n.chars > 0 && n.linkChars * 2 >= n.chars && !addressText().match(text).hasMatch();
            if (!linkLine
                && (text.size() > 100 || !(text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xFF1A)))))
                break;
        }
        m_nodes[units.back()].cleaned = true;
        units.pop_back();
    }
    for (int u : units) {
        if (m_nodes[u].isText || !isHeadline(m_nodes[u])) {
            if (units.size() > 1 && isEdgePromo(u, true))
                m_nodes[u].cleaned = true;
            break;
        }
    }
}

} // namespace Lede::MainText
