// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityRecognizer.h"

#include "Logging.h"
#include "analysis/EntityRules.h"
#include "analysis/Gazetteer.h"
#include "analysis/Lexicon.h"
#include "analysis/NerFeatures.h"
#include "analysis/Perceptron.h"
#include "analysis/Tokenizer.h"

#include <QElapsedTimer>
#include <QResource>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace Ner;

namespace {

Entity::Type typeOf(Kind k)
{
    switch (k) {
    case Kind::Per: return Entity::Type::Person;
    case Kind::Org: return Entity::Type::Org;
    case Kind::Loc: return Entity::Type::Loc;
    case Kind::Misc:
    case Kind::None: break;
    }
    return Entity::Type::Misc;
}

bool isNameType(Entity::Type t)
{
    return t == Entity::Type::Person || t == Entity::Type::Org || t == Entity::Type::Loc || t == Entity::Type::Misc;
}

// How much a mention's type counts in the document-level vote.
enum Strength : int { Propagated = 1, Tagged = 2, Structural = 4 };

struct Mention
{
    int tb = 0; // first token
    int te = 0; // one past the last token
    Entity::Type type = Entity::Type::Misc;
    int strength = Tagged;
    int group = -1;
    QString canonical;
};

// A word-aligned key suffix of one type, and a mention whose key ends with it.
struct SuffixKey
{
    int type;
    QString suffix;
    bool operator==(const SuffixKey &) const = default;
};
size_t qHash(const SuffixKey &k, size_t seed = 0) { return qHashMulti(seed, k.type, k.suffix); }
struct SuffixOwner
{
    int mention;
    int words;
};

bool isTerminal(QStringView w) { return w == u"." || w == u"!" || w == u"?" || w == u"…"; }
bool isClosing(QStringView w) { return w == u"”" || w == u"\"" || w == u"’" || w == u")" || w == u"'"; }
bool isDash(QStringView w) { return w == u"-" || w == u"–" || w == u"—" || w == u"--"; }
bool isPossessive(QStringView w) { return w.size() == 2 && (w[0] == u'\'' || w[0] == u'’') && (w[1] == u's' || w[1] == u'S'); }
bool isPunct(QStringView w) { return w.size() == 1 && !w[0].isLetterOrNumber(); }

// Word lists (resources/lexicon/): see each file for what it holds.
bool isAgency(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"agencies");
    return set.contains(w);
}
bool isCreditWord(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"credit-words");
    return set.contains(w);
}
bool isNameParticle(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"name-particles");
    return set.contains(w);
}
bool isOrgHead(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"org-heads");
    return set.contains(w);
}
bool isCompanySuffix(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"company-suffixes");
    return set.contains(w);
}
bool isSentenceOpener(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"sentence-openers");
    return set.contains(w);
}
bool isCalendarWord(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"calendar-words");
    return set.contains(w);
}
bool isCompanyEnd(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"company-heads");
    return set.contains(w) || isCompanySuffix(w);
}

class Document
{
public:
    Document(const Article &article, const PerceptronModel *model)
        : m_body(article.body)
        , m_model(model)
        , m_extractor(model ? model->extractor() : FeatureExtractor(nullptr))
    {
        Tokenizer::tokenizeSpans(m_body, m_tokens);
        m_n = int(m_tokens.size());
        m_info.resize(size_t(m_n));
        m_kind.assign(size_t(m_n), -1);
        for (const Block &b : article.blocks) {
            for (int i = firstTokenAtOrAfter(b.span.start); i < m_n && m_tokens[i].end <= b.span.end; ++i)
                m_kind[size_t(i)] = int(b.kind);
        }
    }

    QList<Entity> run();

private:
    QStringView word(int i) const { return QStringView(m_body).sliced(m_tokens[i].start, m_tokens[i].length()); }
    bool newlineBefore(int i) const
    {
        if (i <= 0)
            return true;
        const QStringView gap = QStringView(m_body).sliced(m_tokens[i - 1].end, m_tokens[i].start - m_tokens[i - 1].end);
        return gap.contains(u'\n');
    }
    int firstTokenAtOrAfter(qsizetype pos) const
    {
        const auto it = std::lower_bound(m_tokens.cbegin(), m_tokens.cend(), pos,
                                         [](const Span &s, qsizetype p) { return s.start < p; });
        return int(it - m_tokens.cbegin());
    }
    bool upper(int i) const { return !word(i).isEmpty() && word(i)[0].isUpper(); }
    bool isBlock(int i, Block::Kind k) const { return m_kind[size_t(i)] == int(k); }
    bool structural(int i) const
    {
        return isBlock(i, Block::Kind::Byline) || isBlock(i, Block::Kind::Credit) || isBlock(i, Block::Kind::Dateline);
    }

    void findFallbackBlocks();
    void readNameList(int from, int to);
    void readDateline(int from, int to);
    void tagSentences();
    void addModelMention(int tb, int te, Entity::Type type, bool heading);
    void addNationalities();
    void addTitledNames();
    void repairOrgSpans();
    int orgSpanAt(int i, int &end) const;
    bool nameWord(int i) const { return m_nameWord[size_t(i)]; }
    void unify();
    void addRules();
    QList<Entity> output();

    bool isCountry(int tb, int te) const
    {
        if (!m_model || !(m_info[size_t(tb)].gaz & (1u << GazCountry)) || te - tb > Gazetteer::kMaxWords)
            return false;
        QList<QStringView> words;
        for (int i = tb; i < te; ++i)
            words.append(word(i));
        return m_model->gazetteer().lookup(words) & (1u << GazCountry);
    }
    // A phrase the organisation lists name and no place list does ("White House", "Pentagon"):
    // the tagger reads such names as places from context ("at the White House").
    bool isListedOrgOnly(int tb, int te) const
    {
        if (!m_model || te - tb > Gazetteer::kMaxWords || !(m_info[size_t(tb)].gaz & (1u << GazOrg)))
            return false;
        QList<QStringView> words;
        for (int i = tb; i < te; ++i)
            words.append(word(i));
        const quint8 classes = m_model->gazetteer().lookup(words);
        return (classes & (1u << GazOrg)) && !(classes & ((1u << GazLoc) | (1u << GazCountry)));
    }
    bool covered(int tb, int te) const
    {
        for (int i = tb; i < te; ++i) {
            if (m_covered[size_t(i)])
                return true;
        }
        return false;
    }
    void cover(int tb, int te)
    {
        for (int i = tb; i < te; ++i)
            m_covered[size_t(i)] = true;
    }
    QString text(int tb, int te) const
    {
        return m_body.mid(m_tokens[tb].start, m_tokens[te - 1].end - m_tokens[tb].start);
    }
    quint64 phraseHash(int tb, int te) const
    {
        quint64 h = 0xcbf29ce484222325ULL;
        for (int i = tb; i < te; ++i)
            h = hashCombineLoose(h, word(i));
        return h;
    }

    const QString &m_body;
    const PerceptronModel *m_model;
    FeatureExtractor m_extractor;
    QList<Span> m_tokens;
    int m_n = 0;
    std::vector<TokenInfo> m_info;
    std::vector<int> m_kind; // Block::Kind of each token, -1 when in running text
    std::vector<bool> m_covered;
    std::vector<bool> m_nameWord; // capitalised word, not a weekday or month (set by repairOrgSpans)
    std::vector<bool> m_heading; // heading-like sentence (Heading block or all caps)
    std::vector<Mention> m_mentions;
    std::vector<Mention> m_tentative; // tagged in headings; kept only if confirmed by the body
    QList<Entity> m_rules;
};

void Document::findFallbackBlocks()
{
    // Articles that did not come through an importer which marks blocks: recognise the wire
    // conventions directly. A dateline "PLACE[, date] (Agency) -" opens one of the first paragraphs;
    // a credit "(Reporting by ...; Editing by ...)" closes the story; "By A and B" is a line.
    bool hasDateline = false, hasByline = false, hasCredit = false;
    for (int k : m_kind) {
        hasDateline = hasDateline || k == int(Block::Kind::Dateline);
        hasByline = hasByline || k == int(Block::Kind::Byline);
        hasCredit = hasCredit || k == int(Block::Kind::Credit);
    }
    int paragraphs = 0;
    for (int i = 0; i < m_n; ++i) {
        if (!newlineBefore(i))
            continue;
        ++paragraphs;
        const QStringView w = word(i);
        int end = i;
        while (end < m_n && (end == i || !newlineBefore(end)))
            ++end;
        if (!hasByline && paragraphs <= 3 && (w == u"By" || w == u"BY") && end - i <= 14 && end - i >= 3
            && !isTerminal(word(end - 1))) {
            for (int j = i; j < end; ++j)
                m_kind[size_t(j)] = int(Block::Kind::Byline);
            continue;
        }
        if (!hasCredit && w == u"(" && i + 2 < m_n && (word(i + 2) == u"by" || word(i + 1).startsWith(u"Report"))) {
            int j = i + 1;
            while (j < end && word(j) != u")")
                ++j;
            if (j < end) {
                for (int k = i; k <= j; ++k)
                    m_kind[size_t(k)] = int(Block::Kind::Credit);
            }
            continue;
        }
        if (!hasDateline && paragraphs <= 4 && upper(i)) {
            int j = i;
            while (j < end && j - i < 10 && word(j) != u"(")
                ++j;
            if (j < end && word(j) == u"(" && j > i && j + 3 < end) {
                int k = j + 1;
                while (k < end && k - j < 5 && word(k) != u")")
                    ++k;
                if (k + 1 < end && word(k) == u")" && isDash(word(k + 1)) && isAgency(text(j + 1, k))) {
                    bool caps = true;
                    for (int t = i; t < j && word(t) != u","; ++t)
                        caps = caps && (!word(t)[0].isLetter() || word(t).toString().isUpper());
                    if (caps) {
                        for (int t = i; t <= k + 1; ++t)
                            m_kind[size_t(t)] = int(Block::Kind::Dateline);
                        hasDateline = true;
                    }
                }
            }
        }
    }
}

// Byline and credit: runs of capitalised words separated by "and", commas, roles -> PERSON;
// "in PLACE" -> LOC; agency names -> ORG.
void Document::readNameList(int from, int to)
{
    bool afterIn = false;
    int start = -1;
    auto flush = [&](int end) {
        if (start >= 0 && end > start) {
            const QString t = text(start, end);
            Mention m{start, end, Entity::Type::Person, Structural, -1, {}};
            if (isAgency(t))
                m.type = Entity::Type::Org;
            else if (afterIn)
                m.type = Entity::Type::Loc;
            else if (end - start == 1 && !upper(start))
                m.type = Entity::Type::Misc; // not a name
            if (m.type != Entity::Type::Misc && !covered(start, end)) {
                m_mentions.push_back(m);
                cover(start, end);
            }
        }
        start = -1;
    };
    for (int i = from; i < to; ++i) {
        const QStringView w = word(i);
        if (isCreditWord(w) || isPunct(w) || isDash(w)) {
            flush(i);
            if (w == u"in" || w == u"In")
                afterIn = true;
            else if (w == u";" || w == u"," || w == u"and" || w == u"&" || w == u"(" || w == u")")
                afterIn = false;
            continue;
        }
        const bool name = upper(i) || (start >= 0 && isNameParticle(w) && i + 1 < to && upper(i + 1));
        if (!name) {
            flush(i);
            continue;
        }
        if (start < 0)
            start = i;
    }
    flush(to);
}

// "TEL AVIV (Reuters) -", "WASHINGTON, Dec 7 (Reuters) -": the place before the comma or
// parenthesis is a LOC, the parenthesised agency an ORG; a date in between is left to the rules.
void Document::readDateline(int from, int to)
{
    int placeEnd = from;
    while (placeEnd < to && word(placeEnd) != u"," && word(placeEnd) != u"(" && !isDash(word(placeEnd)))
        ++placeEnd;
    if (placeEnd > from && !covered(from, placeEnd)) {
        m_mentions.push_back({from, placeEnd, Entity::Type::Loc, Structural, -1, {}});
        cover(from, placeEnd);
    }
    for (int i = placeEnd; i < to; ++i) {
        if (word(i) != u"(")
            continue;
        int k = i + 1;
        while (k < to && word(k) != u")")
            ++k;
        if (k > i + 1 && k < to && upper(i + 1) && !covered(i + 1, k)) {
            m_mentions.push_back({i + 1, k, Entity::Type::Org, Structural, -1, {}});
            cover(i + 1, k);
        }
        i = k;
    }
}

void Document::tagSentences()
{
    m_heading.assign(size_t(m_n), false);
    QList<QStringView> words;
    std::vector<TokenInfo> info;
    std::vector<quint8> labels;
    int i = 0;
    while (i < m_n) {
        if (structural(i)) {
            ++i;
            continue;
        }
        // One sentence: up to terminal punctuation (plus closing quotes), a line break or a block edge.
        int end = i + 1;
        const int kind = m_kind[size_t(i)];
        while (end < m_n && !newlineBefore(end) && m_kind[size_t(end)] == kind) {
            const QStringView prev = word(end - 1);
            if (isTerminal(prev) && !isClosing(word(end)))
                break;
            if (isClosing(prev) && end >= 2 && isTerminal(word(end - 2)))
                break;
            ++end;
        }
        words.clear();
        int letters = 0, capsWords = 0;
        for (int t = i; t < end; ++t) {
            words.append(word(t));
        }
        m_extractor.prepare(words, info);
        for (int t = i; t < end; ++t) {
            const TokenInfo &ti = info[size_t(t - i)];
            if (word(t).size() > 1 && word(t)[0].isLetter()) {
                ++letters;
                capsWords += ti.allCaps ? 1 : 0;
            }
            m_info[size_t(t)] = ti;
        }
        const bool heading = kind == int(Block::Kind::Heading) || (letters >= 2 && capsWords * 10 >= letters * 6);
        for (int t = i; t < end; ++t)
            m_heading[size_t(t)] = heading;
        if (m_model) {
            m_model->tag(m_extractor, info, labels);
            int start = -1;
            Kind k = Kind::None;
            for (int t = 0; t <= int(labels.size()); ++t) {
                const int l = t < int(labels.size()) ? labels[size_t(t)] : int(O);
                const Kind lk = labelKind(l);
                if (lk != Kind::None && !isBegin(l) && lk == k)
                    continue;
                if (k != Kind::None)
                    addModelMention(i + start, i + t, typeOf(k), heading);
                k = lk;
                start = t;
            }
        }
        i = end;
    }
}

void Document::addModelMention(int tb, int te, Entity::Type type, bool heading)
{
    // A possessive ends the name; trailing punctuation and leading lower-case words are not part of it.
    for (int i = tb; i < te; ++i) {
        if (isPossessive(word(i))) {
            te = i;
            break;
        }
    }
    while (te > tb && (isPunct(word(te - 1)) || isDash(word(te - 1))))
        --te;
    while (tb < te && (!upper(tb) || isPunct(word(tb))))
        ++tb;
    // A capitalised article at a sentence start is not part of the name ("The U.N. Security Council").
    if (te - tb > 1 && (word(tb) == u"The" || word(tb) == u"A" || word(tb) == u"An" || word(tb) == u"THE"))
        ++tb;
    if (tb < te && (m_info[size_t(tb)].gaz & (1u << GazNat)) && !isCountry(tb, tb + 1)) {
        if (te - tb == 1 && type == Entity::Type::Person) {
            // A nationality adjective on its own ("Israeli" before a title) is no person.
            type = Entity::Type::Misc;
        } else if (te - tb == 2 && isListedOrgOnly(tb + 1, te)) {
            // "Palestinian Hamas": the adjective describes a listed one-word organisation (a longer
            // name such as "Palestinian Red Crescent" keeps it).
            ++tb;
            type = Entity::Type::Org;
        }
    }
    if (type == Entity::Type::Person) {
        // Titles are not part of a name: cut after the last title word ("Israeli Prime Minister
        // Benjamin Netanyahu", "US Secretary of State Antony Blinken"), skipping "of Domain".
        int last = -1;
        for (int i = tb; i < te - 1; ++i) {
            if (m_info[size_t(i)].title || (i + 1 < te && word(i + 1) == u"of" && i + 2 < te - 1))
                last = i;
        }
        if (last >= 0) {
            tb = last + 1;
            if (tb < te && word(tb) == u"of")
                tb += 2;
        }
        // A leading nationality adjective that the tagger swallowed.
        while (tb < te - 1 && (m_info[size_t(tb)].gaz & (1u << GazNat)) && !(m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
            ++tb;
    }
    if (type != Entity::Type::Person) {
        // "British Foreign Secretary", "Israeli President": a title is not an organisation or place;
        // capitalised words after it ("Secretary of State Maria Delgado") are the person holding it.
        for (int i = tb; i < te; ++i) {
            if (!m_info[size_t(i)].title)
                continue;
            // "Foreign Ministry", "Defence Forces": a title word naming an institution's domain.
            bool institution = false;
            for (int c = i + 1; c < te; ++c)
                institution = institution || m_info[size_t(c)].orgCue;
            if (institution)
                break;
            int j = i;
            while (j + 1 < te && m_info[size_t(j + 1)].title)
                ++j;
            if (j + 2 < te && word(j + 1) == u"of")
                j += 2;
            if (te - (j + 1) >= 2) {
                tb = j + 1;
                type = Entity::Type::Person;
            } else {
                te = i;
            }
            break;
        }
    }
    if (tb >= te)
        return;
    if (te - tb == 1 && word(tb).size() < 2)
        return;
    const quint32 gaz = m_info[size_t(tb)].gaz;
    if (te - tb == 1 && type != Entity::Type::Person && (gaz & (1u << GazNat)) && !(gaz & (1u << GazLoc)))
        type = Entity::Type::Misc; // "Israeli", "Palestinian": nationality adjectives
    if (type == Entity::Type::Person && tb > 0 && !m_info[size_t(tb)].title
        && (word(tb - 1) == u"in" || word(tb - 1) == u"near" || word(tb - 1) == u"outside"))
        type = Entity::Type::Loc; // "in Khan Younis": people are not places one is in
    if (type == Entity::Type::Loc || type == Entity::Type::Org) {
        // "Gaza health ministry", "Kenyan authorities": a place plus a lower-case institution noun.
        int k = te;
        if (k < m_n && (word(k) == u"health" || word(k) == u"foreign" || word(k) == u"interior"
                        || word(k) == u"defence" || word(k) == u"defense" || word(k) == u"finance"
                        || word(k) == u"education" || word(k) == u"justice" || word(k) == u"culture"))
            ++k;
        if (k < m_n && (word(k) == u"ministry" || word(k) == u"authorities" || word(k) == u"authority")
            && !newlineBefore(k)) {
            te = k + 1;
            type = Entity::Type::Org;
        }
    }
    if (type != Entity::Type::Loc && isCountry(tb, te))
        type = Entity::Type::Loc; // one convention: a country is a place, also when its government acts
    else if (type == Entity::Type::Loc && isListedOrgOnly(tb, te))
        type = Entity::Type::Org;
    // "Jordan's King Abdullah": a place owns the title; a person would not.
    if (type == Entity::Type::Person && te + 1 < m_n && isPossessive(word(te)) && m_info[size_t(te + 1)].title
        && m_info[size_t(te + 1)].initialUpper && (m_info[size_t(tb)].gaz & (1u << GazLoc)))
        type = Entity::Type::Loc;
    Mention m{tb, te, type, Tagged, -1, {}};
    if (heading) {
        m_tentative.push_back(m);
        return;
    }
    if (covered(tb, te))
        return;
    m_mentions.push_back(m);
    cover(tb, te);
}

// "Secretary of State Maria Delgado", "Mayor Ann Kerr": capitalised words after a capitalised title
// are a person even when the tagger missed them.
void Document::addTitledNames()
{
    for (int i = 0; i + 2 < m_n; ++i) {
        if (!m_info[size_t(i)].title || !m_info[size_t(i)].initialUpper || structural(i) || m_heading[size_t(i)])
            continue;
        int j = i + 1;
        while (j < m_n && m_info[size_t(j)].title && m_info[size_t(j)].initialUpper)
            ++j;
        if (j + 1 < m_n && word(j) == u"of" && upper(j + 1))
            j += 2;
        int k = j;
        while (k < m_n && k - j < 4 && upper(k) && !m_info[size_t(k)].title && !isPossessive(word(k))
               && !newlineBefore(k) && word(k).size() > 1)
            ++k;
        // One word after a title ("Prime Minister Netanyahu", "King Abdullah") is a surname or a
        // regnal name unless it names an institution or a place ("General Motors", "Queen Mary").
        constexpr quint32 placeOrGroup = (1u << GazLoc) | (1u << GazOrg) | (1u << GazNat) | (1u << GazCountry);
        const bool single = k - j == 1 && j > i && !m_info[size_t(j)].orgCue && !m_info[size_t(j)].locCue
                            && !(m_info[size_t(j)].gaz & placeOrGroup) && word(j).size() > 2 && !m_info[size_t(j)].allCaps;
        if ((single || (k - j >= 2 && k - j <= 3)) && !covered(j, k) && (k == m_n || !upper(k))) {
            m_mentions.push_back({j, k, Entity::Type::Person, Tagged, -1, {}});
            cover(j, k);
        } else if (k - j >= 2 && k - j <= 3 && j > i && (k == m_n || !upper(k)) && !isCountry(j, k)) {
            // "Mayor Helena Strand": a full name right after a title is a person even where the
            // tagger read a place (a surname that is also a common place word).
            for (Mention &m : m_mentions) {
                if (m.tb == j && m.te == k && m.type == Entity::Type::Loc)
                    m.type = Entity::Type::Person;
            }
        }
        i = j - 1;
    }
}

// "Portvale Fishermen’s Association", "Law Society of Kenya", "Council for the Exploration of the
// Sea", "Rift Minerals Ltd": the tagger often splits multi-word organisation names or types them by
// their first word. A capitalised run that ends in an organisation head noun or a company suffix
// (optionally followed by an "of/for/on X" complement) becomes one ORG, replacing the tagger's
// pieces. Runs that continue past the head with other capitalised words ("Union Station") are left
// alone unless a title or a person follows ("Arcwell Systems Chief Executive Dana Holt").
void Document::repairOrgSpans()
{
    m_nameWord.assign(size_t(m_n), false);
    for (int t = 0; t < m_n; ++t)
        m_nameWord[size_t(t)] = m_info[size_t(t)].initialUpper && !isPunct(word(t)) && !isCalendarWord(word(t));
    std::vector<int> owner(size_t(m_n), -1);
    for (int m = 0; m < int(m_mentions.size()); ++m) {
        for (int t = m_mentions[size_t(m)].tb; t < m_mentions[size_t(m)].te; ++t)
            owner[size_t(t)] = m;
    }
    auto usable = [&](int t) { return !structural(t) && !m_heading[size_t(t)]; };
    auto inType = [&](int t, Entity::Type type) {
        return owner[size_t(t)] >= 0 && m_mentions[size_t(owner[size_t(t)])].type == type;
    };
    // A person (possibly after title words) starts at t: the organisation name ends before it.
    auto personAt = [&](int t) {
        int j = t;
        while (j < m_n && m_info[size_t(j)].title && nameWord(j) && !newlineBefore(j))
            ++j;
        return j < m_n && !newlineBefore(j) && inType(j, Entity::Type::Person)
               && (j == t || m_mentions[size_t(owner[size_t(j)])].tb == j);
    };
    // "Fishermen’s", "Women's", "Workers’": a plural noun's possessive inside a name, not the
    // possessive of a person or place that owns what follows ("Kenya’s High Court").
    auto bridgesPossessive = [&](int k) {
        const QStringView w = word(k);
        const bool apostrophe = w == u"’" || w == u"'";
        if (!(isPossessive(w) || apostrophe) || k + 1 >= m_n || !nameWord(k + 1) || newlineBefore(k + 1)
            || !usable(k + 1))
            return false;
        const QStringView prev = word(k - 1);
        constexpr quint32 named = (1u << GazLoc) | (1u << GazCountry) | (1u << GazPer) | (1u << GazPerFirst)
                                  | (1u << GazPerLast) | (1u << GazOrg);
        const quint32 gaz = m_info[size_t(k - 1)].gaz;
        if ((gaz & named) || (gaz & (named << 16)) || inType(k - 1, Entity::Type::Person) || prev.size() < 4)
            return false;
        if (apostrophe)
            return prev.endsWith(u's');
        return prev.endsWith(u"men") || prev.endsWith(u"ren") || prev.endsWith(u"ople");
    };
    std::vector<bool> dead(m_mentions.size(), false);
    const size_t original = m_mentions.size();
    int i = 0;
    while (i < m_n) {
        if (!nameWord(i) || !usable(i) || (i > 0 && !newlineBefore(i) && nameWord(i - 1) && usable(i - 1))) {
            ++i;
            continue;
        }
        int start = i, k = i, end = -1, andEnd = -1;
        bool tail = false;      // inside the "of X" complement after a head
        bool afterHead = false; // capitalised words directly after a head, no connector
        while (k < m_n && (k == start || !newlineBefore(k)) && usable(k)) {
            const QStringView w = word(k);
            if (nameWord(k)) {
                if (end >= 0 && personAt(k))
                    break;
                const bool head = isOrgHead(w) || (k > start && isCompanySuffix(w));
                if (head && tail && andEnd >= 0) {
                    end = andEnd; // "Ministry of Enterprise and Arcwell Systems": two names
                    break;
                }
                if (head) {
                    end = k + 1;
                    afterHead = false;
                } else if (tail) {
                    end = k + 1;
                } else if (end >= 0) {
                    afterHead = true;
                }
                ++k;
                continue;
            }
            if (w == u"&" && k > start && k + 1 < m_n && nameWord(k + 1) && !newlineBefore(k + 1) && !afterHead) {
                if (tail)
                    andEnd = end;
                ++k;
                continue;
            }
            if (end < 0 && k > start && bridgesPossessive(k)) {
                ++k;
                continue;
            }
            if (w == u"of" || w == u"for" || w == u"on") {
                int next = k + 1;
                if (next < m_n && word(next) == u"the")
                    ++next;
                if (next < m_n && nameWord(next) && !newlineBefore(next) && usable(next)) {
                    if (end < 0) {
                        // "Chief Justice of the Supreme Court": what came before names no organisation.
                        start = k = next;
                        continue;
                    }
                    if (end == k && !afterHead) {
                        tail = true;
                        k = next;
                        continue;
                    }
                }
            }
            if (w == u"and" && tail && k + 1 < m_n && nameWord(k + 1) && !newlineBefore(k + 1)) {
                andEnd = end;
                ++k;
                continue;
            }
            break;
        }
        const int stop = std::max(k, i + 1);
        if (end >= 0 && afterHead && !personAt(end))
            end = -1; // "Union Station", "Bank Street": the head word is a modifier here
        if (end < 0) {
            i = stop;
            continue;
        }
        // Leading words that are no part of a name: "The", and sentence openers ("But").
        while (start < end - 1
               && (word(start) == u"The" || word(start) == u"THE"
                   || (m_info[size_t(start)].sentenceStart && isSentenceOpener(word(start)))
                   || (m_info[size_t(start)].sentenceStart && owner[size_t(start)] < 0 && owner[size_t(start + 1)] >= 0
                       && m_mentions[size_t(owner[size_t(start + 1)])].tb == start + 1)))
            ++start;
        bool ok = end - start >= 2;
        if (ok && (isCountry(start, end) || (end - start <= Gazetteer::kMaxWords && m_model && [&] {
                       QList<QStringView> words;
                       for (int t = start; t < end; ++t)
                           words.append(word(t));
                       const quint8 c = m_model->gazetteer().lookup(words);
                       return (c & ((1u << GazLoc) | (1u << GazCountry))) && !(c & (1u << GazOrg));
                   }())))
            ok = false; // "Soviet Union": a listed place
        for (int t = start; ok && t < end; ++t) {
            const int o = owner[size_t(t)];
            if (o < 0)
                continue;
            const Mention &m = m_mentions[size_t(o)];
            if (m.strength == Structural || m.tb < start || m.te > end)
                ok = false; // a structural mention, or a tagged name crossing the span's edge
            else if (m.tb == start && m.te == end && m.type == Entity::Type::Org) {
                ok = false; // already right
                if (isCompanyEnd(word(end - 1)))
                    m_mentions[size_t(o)].strength = Structural;
            }
        }
        if (ok) {
            for (int t = start; t < end; ++t) {
                const int o = owner[size_t(t)];
                if (o >= 0)
                    dead[size_t(o)] = true;
                owner[size_t(t)] = int(m_mentions.size());
            }
            // A legal suffix or a company head is stronger evidence than the tagger's reading of
            // the bare name elsewhere ("Velantra AB" ... "Velantra fell").
            m_mentions.push_back({start, end, Entity::Type::Org, isCompanyEnd(word(end - 1)) ? Structural : Tagged, -1, {}});
            dead.push_back(false);
            cover(start, end);
        }
        i = stop;
    }
    if (m_mentions.size() == original && std::find(dead.begin(), dead.end(), true) == dead.end())
        return;
    std::vector<Mention> kept;
    kept.reserve(m_mentions.size());
    for (size_t m = 0; m < m_mentions.size(); ++m) {
        if (!dead[m])
            kept.push_back(std::move(m_mentions[m]));
    }
    m_mentions = std::move(kept);
}

void Document::addNationalities()
{
    for (int i = 0; i < m_n; ++i) {
        const TokenInfo &t = m_info[size_t(i)];
        if (m_covered[size_t(i)] || structural(i) || !t.initialUpper || t.allCaps)
            continue;
        if ((t.gaz & (1u << GazNat)) && !(t.gaz & (0xffffu << 16)) && word(i).size() > 2) {
            m_mentions.push_back({i, i + 1, Entity::Type::Misc, Tagged, -1, {}});
            cover(i, i + 1);
        }
    }
}

void Document::unify()
{
    // 1. Keys of known names; surnames of multi-word PERSON mentions point at their full name.
    QHash<quint64, int> byPhrase; // phrase hash -> index of the longest mention with that phrase
    QHash<quint64, int> bySurname;
    QSet<quint64> ambiguousSurname;
    QHash<quint64, int> shortForm; // company names without their suffix or head -> mention
    for (int m = 0; m < int(m_mentions.size()); ++m) {
        const Mention &x = m_mentions[size_t(m)];
        const quint64 h = phraseHash(x.tb, x.te);
        if (!byPhrase.contains(h))
            byPhrase.insert(h, m);
        if (x.type == Entity::Type::Org || x.type == Entity::Type::Loc) {
            // Shorter forms of a long name ("Security Council" for "U.N. Security Council").
            for (int b = x.tb + 1; b + 2 <= x.te; ++b) {
                const quint64 hs = phraseHash(b, x.te);
                if (!byPhrase.contains(hs))
                    byPhrase.insert(hs, m);
            }
        }
        if (x.type == Entity::Type::Org && x.te - x.tb >= 2 && isCompanyEnd(word(x.te - 1))) {
            // "Arcwell" for "Arcwell Systems", "Velantra" for "Velantra AB".
            const quint64 hs = phraseHash(x.tb, x.te - 1);
            if (!byPhrase.contains(hs))
                byPhrase.insert(hs, m);
            shortForm.insert(hs, m);
        }
        if (x.type == Entity::Type::Person && x.te - x.tb >= 2) {
            const quint64 s = phraseHash(x.te - 1, x.te);
            const auto it = bySurname.constFind(s);
            if (it != bySurname.constEnd() && phraseHash(m_mentions[size_t(*it)].tb, m_mentions[size_t(*it)].te) != h)
                ambiguousSurname.insert(s);
            else
                bySurname.insert(s, m);
        }
    }
    // 2. Find unlabelled repeats of known names (and bare surnames), in the body and in headings.
    for (int i = 0; i < m_n; ++i) {
        if (m_covered[size_t(i)] || structural(i))
            continue;
        if (!m_info[size_t(i)].initialUpper)
            continue;
        quint64 h = 0xcbf29ce484222325ULL;
        int bestEnd = -1, bestRef = -1;
        for (int len = 1; len <= 6 && i + len <= m_n; ++len) {
            const int t = i + len - 1;
            if (m_covered[size_t(t)] || structural(t) || (len > 1 && newlineBefore(t)))
                break;
            h = hashCombineLoose(h, word(t));
            auto it = byPhrase.constFind(h);
            if (it != byPhrase.constEnd()) {
                bestEnd = i + len;
                bestRef = *it;
            } else if (len == 1 && bySurname.contains(h) && !ambiguousSurname.contains(h)) {
                bestEnd = i + 1;
                bestRef = bySurname.value(h);
            }
        }
        if (bestEnd < 0)
            continue;
        // A bare word seen only at a sentence start or in lower case elsewhere is too risky.
        if (bestEnd - i == 1 && !m_heading[size_t(i)] && word(i).size() < 3)
            continue;
        // Ignore what follows a possessive-free check: never extend into a following capitalised word
        // ("Washington Post" when only "Washington" is known).
        if (!m_heading[size_t(i)] && bestEnd < m_n && m_info[size_t(bestEnd)].initialUpper && !isPunct(word(bestEnd))
            && !newlineBefore(bestEnd) && !m_info[size_t(bestEnd)].speechVerb)
            continue;
        m_mentions.push_back({i, bestEnd, m_mentions[size_t(bestRef)].type, Propagated, -1, {}});
        cover(i, bestEnd);
        i = bestEnd - 1;
    }
    // Tentative heading mentions that the body did not confirm are dropped.
    m_tentative.clear();

    // 3. Groups: a single-word PERSON-compatible surname joins its full name; a mention whose words
    //    end a longer mention joins it ("Security Council" -> "U.N. Security Council").
    const int count = int(m_mentions.size());
    std::vector<int> parent;
    parent.resize(size_t(count));
    for (int m = 0; m < count; ++m)
        parent[size_t(m)] = m;
    auto find = [&](int x) {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    };
    auto join = [&](int a, int b) { parent[size_t(find(a))] = find(b); };
    QHash<quint64, int> first;
    std::vector<QString> keys;
    keys.resize(size_t(count));
    std::vector<bool> caps(size_t(count), false);
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        const QString t = text(x.tb, x.te);
        keys[size_t(m)] = t.toLower().replace(u'’', u'\'');
        caps[size_t(m)] = t == t.toUpper();
        const quint64 h = phraseHash(x.tb, x.te);
        const auto it = first.constFind(h);
        if (it != first.constEnd())
            join(m, *it);
        else
            first.insert(h, m);
    }
    // Every word-aligned suffix of every key ("security council" of "u.n. security council"), by
    // type, with the mentions it ends: one entry per (word count, key length), the first mention.
    // Looking a key up here replaces comparing it with every other mention.
    QHash<SuffixKey, std::vector<SuffixOwner>> suffixes;
    for (int o = 0; o < count; ++o) {
        const Mention &y = m_mentions[size_t(o)];
        if (!isNameType(y.type) || y.type == Entity::Type::Person || y.type == Entity::Type::Misc)
            continue;
        const QString &key = keys[size_t(o)];
        for (qsizetype p = key.indexOf(u' '); p >= 0; p = key.indexOf(u' ', p + 1)) {
            std::vector<SuffixOwner> &owners = suffixes[SuffixKey{int(y.type), key.mid(p + 1)}];
            const bool seen = std::any_of(owners.cbegin(), owners.cend(), [&](const SuffixOwner &s) {
                return s.words == y.te - y.tb && keys[size_t(s.mention)].size() == key.size();
            });
            if (!seen)
                owners.push_back({o, y.te - y.tb});
        }
    }
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type) || x.type == Entity::Type::Misc)
            continue;
        if (const auto sf = shortForm.constFind(phraseHash(x.tb, x.te)); sf != shortForm.constEnd()) {
            join(m, *sf);
            continue;
        }
        if (x.te - x.tb == 1) {
            const quint64 s = phraseHash(x.tb, x.te);
            if (bySurname.contains(s) && !ambiguousSurname.contains(s)) {
                join(m, bySurname.value(s));
                continue;
            }
        }
        // Suffix of a longer mention of the same type: the longest such key (the first of equals).
        if (x.type == Entity::Type::Person)
            continue;
        const auto it = suffixes.constFind(SuffixKey{int(x.type), keys[size_t(m)]});
        if (it == suffixes.constEnd())
            continue;
        int best = -1;
        for (const SuffixOwner &o : *it) {
            if (o.words > x.te - x.tb && (best < 0 || keys[size_t(o.mention)].size() > keys[size_t(best)].size()
                                          || (keys[size_t(o.mention)].size() == keys[size_t(best)].size() && o.mention < best)))
                best = o.mention;
        }
        if (best >= 0)
            join(m, best);
    }
    // 4. Vote the type of each group; canonical = longest form, preferring mixed case.
    QHash<int, std::array<int, 6>> votes;
    QHash<int, int> canonical;
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        const int g = find(m);
        votes[g][size_t(x.type)] += x.strength;
        auto score = [&](int idx) {
            const Mention &y = m_mentions[size_t(idx)];
            return (caps[size_t(idx)] ? 0 : 1000) + int(y.te - y.tb) * 100 + keys[size_t(idx)].size();
        };
        const auto it = canonical.constFind(g);
        if (it == canonical.constEnd() || score(m) > score(*it))
            canonical[g] = m;
    }
    for (int m = 0; m < count; ++m) {
        Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        const int g = find(m);
        const auto &v = votes[g];
        int best = int(x.type);
        for (int t = 0; t < 6; ++t) {
            if (v[size_t(t)] > v[size_t(best)])
                best = t;
        }
        x.type = Entity::Type(best);
        const Mention &c = m_mentions[size_t(canonical[g])];
        x.canonical = text(c.tb, c.te);
    }
}

void Document::addRules()
{
    QList<Entity> rules;
    EntityRules::find(m_body, m_tokens, m_covered, rules);
    m_rules = rules;
}

namespace {

// Only the capitalised form ("We", "Our"): "US" in capitals is the country.
bool isFunctionWord(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"function-words");
    for (qsizetype i = 1; i < w.size(); ++i) {
        if (!w[i].isLower())
            return false;
    }
    return set.contains(w);
}

} // namespace

QList<Entity> Document::output()
{
    QList<Entity> out;
    out.reserve(qsizetype(m_mentions.size()) + m_rules.size());
    for (const Mention &m : m_mentions) {
        // A capitalised pronoun or determiner at the start of a quoted sentence ("We", "Our") is
        // never a name, whatever the tagger says.
        if (m.te - m.tb == 1 && isFunctionWord(word(m.tb)))
            continue;
        Entity e;
        e.span = {m_tokens[m.tb].start, m_tokens[m.te - 1].end};
        e.text = m_body.mid(e.span.start, e.span.length());
        e.type = m.type;
        e.canonical = m.canonical.isEmpty() ? e.text : m.canonical;
        out.append(e);
    }
    out.append(m_rules);
    std::sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    QList<Entity> result;
    result.reserve(out.size());
    for (const Entity &e : out) {
        if (!result.isEmpty() && result.last().span.overlaps(e.span))
            continue;
        result.append(e);
    }
    return result;
}

QList<Entity> Document::run()
{
    m_covered.assign(size_t(m_n), false);
    findFallbackBlocks();
    // Structural blocks first: they are the most reliable evidence.
    for (int i = 0; i < m_n;) {
        const int kind = m_kind[size_t(i)];
        int end = i + 1;
        while (end < m_n && m_kind[size_t(end)] == kind)
            ++end;
        if (kind == int(Block::Kind::Byline) || kind == int(Block::Kind::Credit))
            readNameList(i, end);
        else if (kind == int(Block::Kind::Dateline))
            readDateline(i, end);
        i = end;
    }
    tagSentences();
    addTitledNames();
    repairOrgSpans();
    addNationalities();
    unify();
    addRules();
    return output();
}

// The model as it lies in the program's resources: the resource is stored uncompressed (see
// resources/CMakeLists.txt), so its bytes are used in place for the program's lifetime, never
// copied or inflated.
QByteArray readModelResource(QString *error)
{
    const QResource resource(u":/lede/models/ner-en.bin"_s);
    if (!resource.isValid()) {
        *error = u"entity model resource missing"_s;
        return {};
    }
    if (resource.compressionAlgorithm() == QResource::NoCompression)
        return QByteArray::fromRawData(reinterpret_cast<const char *>(resource.data()), qsizetype(resource.size()));
    return resource.uncompressedData();
}

} // namespace

EntityRecognizer::EntityRecognizer() = default;

EntityRecognizer::EntityRecognizer(const QByteArray &model)
    : m_model(std::make_unique<PerceptronModel>())
{
    if (!m_model->load(model, &m_modelError)) {
        qCWarning(lcAnalysis) << "entity model not loaded, using rules only:" << m_modelError;
        m_model.reset();
    }
}

EntityRecognizer::~EntityRecognizer() = default;
EntityRecognizer::EntityRecognizer(EntityRecognizer &&) noexcept = default;

const EntityRecognizer &EntityRecognizer::shared()
{
    static const EntityRecognizer instance = [] {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const QByteArray data = readModelResource(&error);
        if (data.isEmpty()) {
            qCWarning(lcAnalysis) << "entity model not loaded, using rules only:" << error;
            return EntityRecognizer();
        }
        EntityRecognizer r(data);
        qCDebug(lcAnalysis) << "entity model loaded in" << timer.elapsed() << "ms";
        return r;
    }();
    return instance;
}

bool EntityRecognizer::hasModel() const { return m_model != nullptr; }

QString EntityRecognizer::modelError() const { return m_modelError; }

QList<Entity> EntityRecognizer::recognize(const Article &article) const
{
    if (article.body.isEmpty())
        return {};
    Document doc(article, m_model.get());
    return doc.run();
}

} // namespace Lede
