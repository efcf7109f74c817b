// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The parts of MainTextExtractor, shared by its source files:
//   MainTextExtractor.cpp  the tree it works on (build) and the passes (run, pass);
//   MainTextRules.cpp      what is boilerplate: class/id hints, tag weights, conditional cleaning;
//   MainTextScoring.cpp    measuring and scoring containers, picking the body and its siblings;
//   MainTextWriter.cpp     writing the chosen subtree out as paragraphs and headings.
// Private to the extractor: nothing outside model/io/html includes it.

#include "GumboNodes.h"
#include "MainTextExtractor.h"

#include <QRegularExpression>
#include <QString>
#include <algorithm>
#include <vector>

namespace Lede::MainText {

using namespace GumboNodes;

// Class and id hints (MainTextRules.cpp).
QRegularExpression hintRegex(const QString &pattern);
const QRegularExpression &unlikelyHint();
const QRegularExpression &maybeContentHint();
const QRegularExpression &negativeHint();
const QRegularExpression &positiveHint();
const QRegularExpression &boxHint();
const QRegularExpression &leadHint();
const QRegularExpression &asideText();
const QRegularExpression &paywallText();
const QRegularExpression &promoText();
const QRegularExpression &invisibleHint();
const QRegularExpression &addressText();

inline bool isNeverText(GumboTag tag)
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
    case GUMBO_TAG_RT: // ruby annotations (furigana): a reading aid set above the text, not in it
    case GUMBO_TAG_RP:
        return true;
    default:
        return false;
    }
}

inline bool isHeading(GumboTag tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

inline bool isBlock(GumboTag tag)
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

inline bool isWhitespace(QChar c)
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

// One extraction: the page as a flat tree (nodes in document order), then up to four passes, each
// less strict (Flags), until one yields enough text.
class Extractor final
{
public:
    static constexpr qsizetype MinimumLength = 500;
    static constexpr int MarkedMinimum = 200;
    static constexpr int BoxMaximum = 600;
    static constexpr int SimilarMinimum = 400; // a top candidate this long may be one section of several
    // Only the first tier: <article>, content-ish and main containers measured worse than the scorer
    // on the development pages (bench/web), but are kept to be tried again.
    static constexpr int MarkedTiers = 1;

    static constexpr int MinimumDescription = 60; // letters and digits

    Extractor(const GumboNode *document, const QString &title, const QStringList &descriptions);
    MainTextExtractor::Extracted run();

private:
    // The tree and the passes (MainTextExtractor.cpp).
    static QString normalizeTitle(const QString &s);
    void build(const GumboNode *document);
    MainTextExtractor::Extracted pass(const Flags &flags);
    void oneStory(std::vector<int> *parts) const;

    // Boilerplate rules (MainTextRules.cpp).
    void classify(Node *n);
    int classWeight(const Node &n) const;
    bool isDataTable(const Node &n) const;
    bool shouldClean(int i) const;
    bool isAsideText(const Node &n) const;
    bool hasPicture(int i) const;
    bool hasText(int i) const; // a visible text node below
    bool headsNothing(int heading) const;
    void clean(int root);
    bool isEdgePromo(int block, bool opening) const;
    void trimEdges(const std::vector<int> &parts, const std::vector<char> &rootSkipped);

    // Measuring and scoring (MainTextScoring.cpp).
    void measure();
    double linkDensity(const Node &n) const { return n.chars > 0 ? double(n.linkChars) / n.chars : 0.0; }
    bool isRunIn(int i) const;
    bool isOtherStory(int box) const;
    void initScore(Node *n);
    int findBody() const;
    bool isBodyOrAbove(int i) const;
    int scoreAndPick();
    std::vector<int> markedBody() const;
    int findLead(int first) const;
    int findDescribed(const std::vector<int> &parts) const;
    bool isAncestor(int ancestor, int node) const { return node > ancestor && node < m_nodes[ancestor].end; }
    bool hasOwnText(int i) const;
    int visibleChildren(int i) const;
    std::vector<int> gather(int top);
    void addSimilarBlocks(int top, std::vector<int> *parts) const;

    // Writing the text out (MainTextWriter.cpp).
    void breakLines(int n) { m_pendingBreak = std::max(m_pendingBreak, n); }
    static QString composed(const QString &text);
    void write(QStringView chunk, bool pre);
    bool isTitle(const QString &heading) const;
    bool isHeadline(const Node &n) const;
    bool isTitleHeading(const Node &n);
    void writeSubtree(int root);
    void enter(const Node &n, int *pre);
    void leave(const Node &n, int *pre);

    std::vector<Node> m_nodes;
    QString m_title;
    QStringList m_descriptions; // normalized like the title
    QString m_h1;
    QString m_byline;
    Flags m_flags;
    int m_top = -1; // the block the scorer picked in the last pass

    QString m_out;
    QList<Span> m_headings;
    std::vector<qsizetype> m_headingOut; // where each open heading started writing
    int m_pendingBreak = 0;
    bool m_pendingSpace = false;
    bool m_titleDropped = false;
};

} // namespace Lede::MainText
