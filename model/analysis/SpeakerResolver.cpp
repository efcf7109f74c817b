// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpeakerResolver.h"

#include "NameHeuristics.h"
#include "SpeechVerbs.h"

#include <QHash>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

using Gender = NameHeuristics::Gender;

bool isOneOf(QStringView w, std::initializer_list<QLatin1StringView> words)
{
    for (auto x : words)
        if (w.compare(x, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool isSentenceEnd(QChar c)
{
    return c == u'.' || c == u'?' || c == u'!' || c == u'\u2026';
}

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool word = false;
    bool upper = false;
    bool lower = false;
    bool allCaps = false;
    bool possessive = false;
    bool inBlock = false;
    int para = 0;
    int sentence = 0;
    int quote = -1;   // index into the sorted quote order, -1 outside quotes
    int mention = -1; // capitalised run this token belongs to
};

struct Mention
{
    enum class Type { Unknown, Person, Org, Place };
    int firstTok = 0;     // the whole run, titles included
    int nameFirstTok = 0; // the name without titles
    int lastTok = 0;
    Type type = Type::Unknown;
    Gender gender = Gender::Unknown;
    QString name;      // as written, titles and a possessive "'s" removed
    QString canonical; // the fullest name of the same person or organisation
    QStringList nameTokens;
    QStringList roles; // lower-case role words: titles, "analyst", "chief engineer", appositive nouns
    bool precededByThe = false;
    bool object = false;
    bool possessive = false;
    bool inQuote = false;
    bool bareTitle = false; // "the Prime Minister" without a name
};

// What an attribution points at before it is resolved to a name.
struct NounPhrase
{
    enum class Kind { None, Pronoun, Name, Common };
    Kind kind = Kind::None;
    int firstTok = 0;
    int lastTok = 0;
    int mention = -1;
};

struct Attribution
{
    bool found = false;
    QString speaker;
    std::optional<Span> speakerSpan;
    QString cue;
    Mention::Type type = Mention::Type::Unknown;
    qsizetype focusPos = -1; // where the speaker becomes the focus
    int verbTok = -1;
};

struct Event
{
    qsizetype pos = 0;
    QString name;
    Mention::Type type = Mention::Type::Unknown;
};

class Resolver final
{
public:
    Resolver(const Article &article, QList<Quote> &quotes, const QList<Entity> &entities)
        : m_body(article.body)
        , m_article(article)
        , m_quotes(quotes)
        , m_entities(entities)
    {
    }

    void run();

private:
    QStringView text(int tok) const
    {
        const Token &t = m_tokens[size_t(tok)];
        return QStringView(m_body).sliced(t.start, t.end - t.start);
    }
    QStringView bareText(int tok) const
    {
        QStringView w = text(tok);
        if (m_tokens[size_t(tok)].possessive)
            w.chop(2);
        return w;
    }
    bool isPunct(int tok, char16_t c) const
    {
        const Token &t = m_tokens[size_t(tok)];
        return !t.word && m_body.at(t.start) == QChar(c);
    }
    bool isVerb(int tok) const
    {
        const Token &t = m_tokens[size_t(tok)];
        return t.word && t.lower && SpeechVerbs::contains(text(tok));
    }
    bool isPronoun(int tok) const
    {
        return m_tokens[size_t(tok)].word
            && isOneOf(text(tok), {"he"_L1, "she"_L1, "they"_L1, "it"_L1, "we"_L1, "i"_L1});
    }
    bool isDeterminer(int tok) const
    {
        return m_tokens[size_t(tok)].word
            && isOneOf(text(tok), {"the"_L1, "a"_L1, "an"_L1, "its"_L1, "his"_L1, "her"_L1, "their"_L1,
                                   "our"_L1, "this"_L1, "that"_L1});
    }

    void tokenize();
    void assignQuotesAndSentences();
    void findMentions();
    void classifyMentions();
    void collectSubjectEvents();

    Attribution parseAfter(int qi) const;
    Attribution parseBefore(int qi) const;
    Attribution parseClauseBackward(int hi, int lo, int floorTok) const;
    NounPhrase backwardNP(int j, int lo) const;
    NounPhrase forwardNP(int j, int hi) const;
    Attribution resolveNP(const NounPhrase &np, int verbTok) const;
    std::optional<Event> focusPerson(qsizetype pos, Gender gender) const;
    std::optional<Event> focusOrg(qsizetype pos) const;
    const Entity *entityAt(qsizetype start, qsizetype end) const;
    Span npSpan(const NounPhrase &np) const;

    const QString &m_body;
    const Article &m_article;
    QList<Quote> &m_quotes;
    const QList<Entity> &m_entities;

    std::vector<Token> m_tokens;
    std::vector<Mention> m_mentions;
    std::vector<int> m_order;    // quote indices sorted by start, valid spans only
    std::vector<int> m_qFirst;   // first token inside each ordered quote, -1 if none
    std::vector<int> m_qLast;
    std::vector<Event> m_subjects; // sentence subjects, sorted by position
    std::vector<Event> m_speakers; // resolved speakers in reading order
    QHash<QString, Gender> m_gender;
    std::vector<const Entity *> m_sortedEntities;
};

// ---------------------------------------------------------------------------------------------
// Tokens

void Resolver::tokenize()
{
    const qsizetype n = m_body.size();
    m_tokens.reserve(size_t(n / 5 + 8));
    int para = 0;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = m_body.at(i);
        if (c == u'\n') {
            ++para;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        t.para = para;
        if (c.isLetterOrNumber()) {
            t.word = true;
            qsizetype j = i + 1;
            bool dotted = false;
            while (j < n) {
                const QChar d = m_body.at(j);
                if (d.isLetterOrNumber() || d.isMark()) {
                    ++j;
                    continue;
                }
                const bool nextIsLetter = j + 1 < n && m_body.at(j + 1).isLetterOrNumber();
                if ((d == u'\'' || d == u'\u2019' || d == u'-' || d == u'\u2010') && nextIsLetter) {
                    ++j;
                    continue;
                }
                // "U.S.", "U.N.": a single letter, a dot, a letter
                if (d == u'.' && nextIsLetter && (j - i == 1 || dotted) && m_body.at(j - 1).isUpper()) {
                    dotted = true;
                    ++j;
                    continue;
                }
                break;
            }
            if (j < n && m_body.at(j) == u'.') {
                const QStringView w = QStringView(m_body).sliced(i, j - i);
                if (dotted || (w.at(0).isUpper() && NameHeuristics::isAbbreviation(w)))
                    ++j;
            }
            t.end = j;
            const QStringView w = QStringView(m_body).sliced(i, j - i);
            t.upper = w.at(0).isUpper();
            t.lower = w.at(0).isLower();
            bool caps = true;
            for (QChar x : w)
                if (x.isLower())
                    caps = false;
            t.allCaps = caps && t.upper;
            if (w.size() > 2 && (w.endsWith(u"'s"_s) || w.endsWith(u"\u2019s"_s)))
                t.possessive = true;
            i = j;
        } else {
            t.end = i + 1;
            ++i;
        }
        m_tokens.push_back(t);
    }
    for (const Block &b : m_article.blocks) {
        auto it = std::lower_bound(m_tokens.begin(), m_tokens.end(), b.span.start,
                                   [](const Token &t, qsizetype pos) { return t.end <= pos; });
        for (; it != m_tokens.end() && it->start < b.span.end; ++it)
            it->inBlock = true;
    }
}

void Resolver::assignQuotesAndSentences()
{
    for (int qi = 0; qi < m_quotes.size(); ++qi) {
        const Span s = m_quotes.at(qi).span;
        if (s.start >= 0 && s.end <= m_body.size() && s.start < s.end)
            m_order.push_back(qi);
    }
    std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) {
        return m_quotes.at(a).span.start < m_quotes.at(b).span.start;
    });
    // Overlapping spans (a caller's own list) cannot be told apart by position: keep the first.
    std::vector<int> kept;
    qsizetype lastEnd = -1;
    for (int qi : m_order) {
        if (m_quotes.at(qi).span.start >= lastEnd) {
            kept.push_back(qi);
            lastEnd = m_quotes.at(qi).span.end;
        }
    }
    m_order = std::move(kept);
    m_qFirst.assign(m_order.size(), -1);
    m_qLast.assign(m_order.size(), -1);

    size_t oi = 0;
    for (int ti = 0; ti < int(m_tokens.size()); ++ti) {
        Token &t = m_tokens[size_t(ti)];
        while (oi < m_order.size() && m_quotes.at(m_order[oi]).span.end <= t.start)
            ++oi;
        if (oi < m_order.size() && m_quotes.at(m_order[oi]).span.start <= t.start) {
            t.quote = int(oi);
            if (m_qFirst[oi] < 0)
                m_qFirst[oi] = ti;
            m_qLast[oi] = ti;
        }
    }

    int sentence = 0;
    for (size_t ti = 0; ti < m_tokens.size(); ++ti) {
        Token &t = m_tokens[ti];
        if (ti > 0) {
            const Token &p = m_tokens[ti - 1];
            bool boundary = p.para != t.para;
            if (!boundary && p.quote < 0 && !p.word && isSentenceEnd(m_body.at(p.start)))
                boundary = true;
            if (!boundary && p.quote >= 0 && p.quote != t.quote) {
                // A quote that ends its own sentence ends the reporter's sentence too unless the
                // attribution follows in lower case: “Why now?” she asked.
                const QString &qt = m_quotes.at(m_order[size_t(p.quote)]).text;
                qsizetype k = qt.size() - 1;
                while (k >= 0 && (qt.at(k).isSpace() || qt.at(k) == u'\u201D' || qt.at(k) == u'"'
                                  || qt.at(k) == u'\u00BB'))
                    --k;
                if (k >= 0 && isSentenceEnd(qt.at(k)) && !t.lower && !(!t.word && m_body.at(t.start) == u','))
                    boundary = true;
            }
            if (boundary)
                ++sentence;
        }
        t.sentence = sentence;
    }
}

// ---------------------------------------------------------------------------------------------
// Mentions: runs of capitalised words

void Resolver::findMentions()
{
    const int n = int(m_tokens.size());
    auto nameWord = [&](int i) {
        const Token &t = m_tokens[size_t(i)];
        if (!t.word || !t.upper)
            return false;
        const QStringView w = QStringView(m_body).sliced(t.start, t.end - t.start);
        return !NameHeuristics::isCapitalisedStopWord(t.possessive ? w.chopped(2) : w);
    };
    int i = 0;
    while (i < n) {
        if (!nameWord(i)) {
            ++i;
            continue;
        }
        int j = i;
        while (!m_tokens[size_t(j)].possessive && j + 1 < n) {
            const Token &next = m_tokens[size_t(j + 1)];
            if (next.para != m_tokens[size_t(i)].para || next.quote != m_tokens[size_t(i)].quote)
                break;
            if (nameWord(j + 1)) {
                ++j;
                continue;
            }
            if (next.word && next.lower && j + 2 < n && NameHeuristics::isNameConnector(text(j + 1))
                && !isOneOf(text(j + 1), {"and"_L1, "for"_L1}) && nameWord(j + 2)
                && m_tokens[size_t(j + 2)].para == next.para) {
                j += 2;
                continue;
            }
            break;
        }
        bool allCaps = true;
        for (int k = i; k <= j; ++k)
            allCaps = allCaps && m_tokens[size_t(k)].allCaps;
        const int len = j - i + 1;
        // Headlines and datelines in capitals ("TEL AVIV", "CEASEFIRE DEMAND") are not names.
        if (allCaps && (len > 1 || (m_tokens[size_t(i)].end - m_tokens[size_t(i)].start) > 6)) {
            i = j + 1;
            continue;
        }
        Mention m;
        m.firstTok = i;
        m.lastTok = j;
        m.possessive = m_tokens[size_t(j)].possessive;
        m.inQuote = m_tokens[size_t(i)].quote >= 0;
        const int idx = int(m_mentions.size());
        for (int k = i; k <= j; ++k)
            m_tokens[size_t(k)].mention = idx;
        m_mentions.push_back(std::move(m));
        i = j + 1;
    }
}

void Resolver::classifyMentions()
{
    static const std::initializer_list<QLatin1StringView> objectWords = {
        "with"_L1, "of"_L1, "to"_L1, "by"_L1, "from"_L1, "for"_L1, "against"_L1, "about"_L1, "at"_L1,
        "in"_L1, "into"_L1, "on"_L1, "between"_L1, "among"_L1, "than"_L1, "like"_L1, "met"_L1,
        "meets"_L1, "meeting"_L1, "visited"_L1, "visiting"_L1, "called"_L1, "told"_L1, "tells"_L1,
        "thanked"_L1, "urged"_L1, "asked"_L1, "named"_L1, "appointed"_L1, "replaced"_L1,
        "succeeded"_L1, "criticized"_L1, "criticised"_L1, "praised"_L1, "hosted"_L1, "including"_L1,
        "behind"_L1, "toward"_L1, "towards"_L1, "under"_L1, "over"_L1, "after"_L1, "before"_L1,
        "via"_L1, "unlike"_L1, "joined"_L1, "accompanied"_L1, "accused"_L1, "blamed"_L1,
        "interviewed"_L1, "sued"_L1, "fired"_L1, "backed"_L1, "supported"_L1, "opposed"_L1,
        "near"_L1, "across"_L1, "outside"_L1, "inside"_L1, "through"_L1, "during"_L1, "per"_L1,
        "thank"_L1, "welcomed"_L1, "greeted"_L1, "phoned"_L1, "warned"_L1};
    static const std::initializer_list<QLatin1StringView> placePrepositions = {
        "in"_L1, "from"_L1, "near"_L1, "to"_L1, "into"_L1, "across"_L1, "outside"_L1, "inside"_L1,
        "at"_L1, "toward"_L1, "towards"_L1, "through"_L1};
    static const std::initializer_list<QLatin1StringView> roleStop = {
        "the"_L1, "a"_L1, "an"_L1, "of"_L1, "with"_L1, "and"_L1, "to"_L1, "by"_L1, "for"_L1,
        "from"_L1, "in"_L1, "on"_L1, "at"_L1, "that"_L1, "said"_L1, "says"_L1, "as"_L1, "who"_L1,
        "was"_L1, "is"_L1, "but"_L1, "or"_L1, "when"_L1, "while"_L1, "after"_L1, "before"_L1};

    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        Mention &m = m_mentions[mi];
        int lastTitle = -1;
        bool hasOrgWord = false;
        bool hasPlaceWord = false;
        for (int k = m.firstTok; k <= m.lastTok; ++k) {
            const QStringView w = bareText(k);
            if (NameHeuristics::isTitle(w))
                lastTitle = k;
        }
        m.nameFirstTok = lastTitle >= 0 && lastTitle < m.lastTok ? lastTitle + 1 : m.firstTok;
        while (m.nameFirstTok < m.lastTok && m_tokens[size_t(m.nameFirstTok)].lower)
            ++m.nameFirstTok; // a connector left after the title: "Secretary of State"
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k) {
            hasOrgWord = hasOrgWord || NameHeuristics::isOrgWord(bareText(k));
            hasPlaceWord = hasPlaceWord || NameHeuristics::isPlaceWord(bareText(k));
        }
        m.bareTitle = lastTitle == m.lastTok;
        const int prev = m.firstTok - 1;
        const bool prevSameClause = prev >= 0 && m_tokens[size_t(prev)].para == m_tokens[size_t(m.firstTok)].para;
        m.precededByThe = prevSameClause && m_tokens[size_t(prev)].word && isOneOf(text(prev), {"the"_L1});
        if (prevSameClause && m_tokens[size_t(prev)].word && m_tokens[size_t(prev)].lower) {
            if (isOneOf(text(prev), objectWords))
                m.object = true;
            else if (isOneOf(text(prev), {"and"_L1, "or"_L1}) && prev - 1 >= 0
                     && m_tokens[size_t(prev - 1)].mention >= 0)
                m.object = m_mentions[size_t(m_tokens[size_t(prev - 1)].mention)].object;
        }

        // Type, when no entity decides it.
        const int nameLen = m.lastTok - m.nameFirstTok + 1;
        const bool personTitle = lastTitle >= 0 && !m.bareTitle;
        if (personTitle && !hasOrgWord)
            m.type = Mention::Type::Person;
        else if (hasOrgWord || m.precededByThe)
            m.type = Mention::Type::Org;
        else if (hasPlaceWord)
            m.type = Mention::Type::Place;
        else if (nameLen >= 2) {
            const bool placeLike = prevSameClause && m_tokens[size_t(prev)].word
                && isOneOf(text(prev), placePrepositions);
            m.type = placeLike ? Mention::Type::Place : Mention::Type::Person;
        } else if (m_tokens[size_t(m.firstTok)].allCaps && m_tokens[size_t(m.firstTok)].end - m_tokens[size_t(m.firstTok)].start >= 2)
            m.type = Mention::Type::Org; // an acronym: NATO, UNICEF
        if (m.bareTitle)
            m.type = Mention::Type::Unknown;

        const qsizetype nameStart = m_tokens[size_t(m.nameFirstTok)].start;
        qsizetype nameEnd = m_tokens[size_t(m.lastTok)].end;
        if (m.possessive)
            nameEnd -= 2;
        m.name = m_body.mid(nameStart, nameEnd - nameStart);
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k)
            m.nameTokens.append(bareText(k).toString());

        for (int k = m.firstTok; k < m.nameFirstTok; ++k) {
            const QStringView w = bareText(k);
            if (NameHeuristics::isTitle(w))
                m.roles.append(w.toString().toLower());
            const Gender g = NameHeuristics::genderOfTitle(w);
            if (g != Gender::Unknown)
                m.gender = g;
        }
        // Lower-case role words just before the run: "analyst Jane Roe", "top diplomat Antony Blinken".
        for (int k = m.firstTok - 1, seen = 0; k >= 0 && seen < 3; --k, ++seen) {
            const Token &t = m_tokens[size_t(k)];
            if (!t.word || !t.lower || t.para != m_tokens[size_t(m.firstTok)].para || isOneOf(text(k), roleStop)
                || SpeechVerbs::contains(text(k)))
                break;
            m.roles.append(bareText(k).toString().toLower());
        }
        // An appositive after the run: "Peter Holm, the authority's chief engineer, said".
        const int after = m.lastTok + 1;
        if (after + 1 < int(m_tokens.size()) && isPunct(after, u',') && isDeterminer(after + 1)) {
            for (int k = after + 2; k < int(m_tokens.size()) && k < after + 10; ++k) {
                const Token &t = m_tokens[size_t(k)];
                if (!t.word || t.para != m_tokens[size_t(after)].para)
                    break;
                if (t.lower && !isOneOf(text(k), roleStop))
                    m.roles.append(bareText(k).toString().toLower());
            }
        }
    }

    // Entities from the recogniser overrule the guesses where they overlap.
    if (!m_entities.isEmpty()) {
        for (const Entity &e : m_entities)
            if (e.span.start >= 0 && e.span.end <= m_body.size() && e.span.start < e.span.end)
                m_sortedEntities.push_back(&e);
        std::sort(m_sortedEntities.begin(), m_sortedEntities.end(),
                  [](const Entity *a, const Entity *b) { return a->span.start < b->span.start; });
        for (Mention &m : m_mentions) {
            const Entity *e = entityAt(m_tokens[size_t(m.nameFirstTok)].start, m_tokens[size_t(m.lastTok)].end);
            if (!e)
                continue;
            switch (e->type) {
            case Entity::Type::Person:
                m.type = Mention::Type::Person;
                break;
            case Entity::Type::Org:
                m.type = Mention::Type::Org;
                break;
            case Entity::Type::Loc:
                m.type = Mention::Type::Place;
                break;
            default:
                m.type = Mention::Type::Unknown;
                break;
            }
            if (!e->canonical.trimmed().isEmpty())
                m.canonical = e->canonical.trimmed();
        }
    }

    // A short mention ("Blinken") takes the longest full name that ends with it ("Antony Blinken").
    QHash<QString, std::vector<int>> byLastToken;
    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        const Mention &m = m_mentions[mi];
        if (m.type == Mention::Type::Person && m.nameTokens.size() >= 2)
            byLastToken[m.nameTokens.last()].push_back(int(mi));
    }
    for (Mention &m : m_mentions) {
        if (!m.canonical.isEmpty() || m.nameTokens.isEmpty() || m.bareTitle)
            continue;
        if (m.type == Mention::Type::Org || m.type == Mention::Type::Place) {
            m.canonical = m.name;
            continue;
        }
        const auto it = byLastToken.constFind(m.nameTokens.last());
        const Mention *best = nullptr;
        if (it != byLastToken.constEnd()) {
            for (int ci : *it) {
                const Mention &c = m_mentions[size_t(ci)];
                if (c.nameTokens.size() < m.nameTokens.size())
                    continue;
                bool suffix = true;
                const qsizetype off = c.nameTokens.size() - m.nameTokens.size();
                for (qsizetype k = 0; k < m.nameTokens.size() && suffix; ++k)
                    suffix = c.nameTokens.at(off + k) == m.nameTokens.at(k);
                if (suffix && (!best || c.nameTokens.size() > best->nameTokens.size()))
                    best = &c;
            }
        }
        if (best) {
            m.canonical = best->canonical.isEmpty() ? best->name : best->canonical;
            if (m.type == Mention::Type::Unknown)
                m.type = Mention::Type::Person;
        } else {
            m.canonical = m.name;
        }
    }
    for (const Mention &m : m_mentions)
        if (m.type == Mention::Type::Person && m.gender != Gender::Unknown)
            m_gender.insert(m.canonical, m.gender);
}

const Entity *Resolver::entityAt(qsizetype start, qsizetype end) const
{
    if (m_sortedEntities.empty())
        return nullptr;
    auto it = std::upper_bound(m_sortedEntities.begin(), m_sortedEntities.end(), start,
                               [](qsizetype pos, const Entity *e) { return pos < e->span.start; });
    // Entities starting at or before `start` may still cover it; look at a few neighbours on each side.
    auto from = it;
    for (int k = 0; k < 4 && from != m_sortedEntities.begin(); ++k)
        --from;
    for (auto e = from; e != m_sortedEntities.end() && (*e)->span.start < end; ++e)
        if ((*e)->span.overlaps(Span{start, end})
            && ((*e)->type == Entity::Type::Person || (*e)->type == Entity::Type::Org))
            return *e;
    return nullptr;
}

void Resolver::collectSubjectEvents()
{
    int lastSentence = -1;
    for (const Mention &m : m_mentions) {
        const Token &t = m_tokens[size_t(m.firstTok)];
        if (t.sentence == lastSentence || m.inQuote || t.inBlock)
            continue;
        if (m.object || m.possessive || m.bareTitle)
            continue;
        if (m.type != Mention::Type::Person && m.type != Mention::Type::Org)
            continue;
        lastSentence = t.sentence;
        m_subjects.push_back({m_tokens[size_t(m.nameFirstTok)].start, m.canonical, m.type});
    }
}

// ---------------------------------------------------------------------------------------------
// Attribution clauses

// Words that may stand between a speaker and the speech verb: "Blinken also said", "The draft was
// amended to say", "Smith has repeatedly said".
bool isBridgeWord(QStringView w)
{
    return isOneOf(w, {"also"_L1, "later"_L1, "then"_L1, "again"_L1, "previously"_L1, "has"_L1, "had"_L1,
                       "have"_L1, "was"_L1, "were"_L1, "is"_L1, "are"_L1, "been"_L1, "be"_L1,
                       "being"_L1, "will"_L1, "would"_L1, "could"_L1, "should"_L1, "can"_L1, "may"_L1,
                       "might"_L1, "must"_L1, "did"_L1, "does"_L1, "do"_L1, "not"_L1, "never"_L1,
                       "still"_L1, "just"_L1, "already"_L1, "reportedly"_L1, "repeatedly"_L1,
                       "once"_L1, "further"_L1, "first"_L1, "separately"_L1, "earlier"_L1,
                       "recently"_L1, "publicly"_L1, "privately"_L1, "to"_L1, "on"_L1, "last"_L1,
                       "this"_L1, "late"_L1, "early"_L1, "yesterday"_L1, "today"_L1, "tonight"_L1,
                       "morning"_L1, "afternoon"_L1, "evening"_L1, "night"_L1, "week"_L1, "month"_L1,
                       "year"_L1, "clearly"_L1, "simply"_L1, "flatly"_L1, "angrily"_L1,
                       "bluntly"_L1, "firmly"_L1, "quietly"_L1, "openly"_L1, "subsequently"_L1,
                       "finally"_L1, "initially"_L1, "went"_L1, "goes"_L1, "herself"_L1,
                       "himself"_L1, "themselves"_L1, "itself"_L1});
}

bool isAux(QStringView w)
{
    return isOneOf(w, {"was"_L1, "were"_L1, "is"_L1, "are"_L1, "been"_L1, "be"_L1, "has"_L1, "had"_L1,
                       "have"_L1, "will"_L1, "would"_L1, "could"_L1, "should"_L1, "may"_L1, "might"_L1,
                       "must"_L1, "did"_L1, "does"_L1, "do"_L1, "can"_L1});
}

bool isFunctionWord(QStringView w)
{
    return isOneOf(w, {"of"_L1, "and"_L1, "or"_L1, "but"_L1, "that"_L1, "which"_L1, "who"_L1, "whom"_L1,
                       "with"_L1, "for"_L1, "from"_L1, "by"_L1, "in"_L1, "on"_L1, "at"_L1, "to"_L1,
                       "as"_L1, "if"_L1, "when"_L1, "while"_L1, "after"_L1, "before"_L1, "because"_L1,
                       "than"_L1, "about"_L1, "into"_L1, "over"_L1, "under"_L1, "there"_L1, "here"_L1,
                       "not"_L1, "so"_L1, "what"_L1, "how"_L1, "why"_L1, "where"_L1, "both"_L1});
}

NounPhrase Resolver::backwardNP(int j, int lo) const
{
    NounPhrase np;
    int skipped = 0;
    bool skippedTo = false;
    while (j >= lo && skipped < 10) {
        const Token &t = m_tokens[size_t(j)];
        if (!t.word) {
            const QChar c = m_body.at(t.start);
            if (c == u',' || c == u'\u2014' || c == u'\u2013' || c == u')') {
                const QChar open = c == u')' ? u'(' : c;
                // A parenthetical between commas: a name wins ("the head of the authority, Peter
                // Holm, said"), anything else is skipped ("Holm, the chief engineer, said").
                int k = j - 1;
                while (k >= lo && k > j - 16 && !(!m_tokens[size_t(k)].word && m_body.at(m_tokens[size_t(k)].start) == open))
                    --k;
                const int segFirst = k + 1;
                const int segLast = j - 1;
                if (segLast >= segFirst) {
                    const int mi = m_tokens[size_t(segFirst)].mention;
                    if (mi >= 0 && m_mentions[size_t(mi)].firstTok == segFirst
                        && m_mentions[size_t(mi)].lastTok == segLast
                        && m_mentions[size_t(mi)].type != Mention::Type::Place) {
                        np.kind = NounPhrase::Kind::Name;
                        np.mention = mi;
                        np.firstTok = m_mentions[size_t(mi)].nameFirstTok;
                        np.lastTok = segLast;
                        return np;
                    }
                }
                if (k < lo || k <= j - 16)
                    return np;
                j = k - 1;
                ++skipped;
                continue;
            }
            return np;
        }
        const QStringView w = text(j);
        if (t.upper && t.mention >= 0) {
            const Mention &m = m_mentions[size_t(t.mention)];
            if (m.type == Mention::Type::Place) {
                // "Blinken in Tel Aviv said": skip the place and its preposition.
                j = m.firstTok - 1;
                if (j >= lo && m_tokens[size_t(j)].word && m_tokens[size_t(j)].lower)
                    --j;
                ++skipped;
                continue;
            }
            np.kind = m.bareTitle ? NounPhrase::Kind::Common : NounPhrase::Kind::Name;
            np.mention = t.mention;
            np.firstTok = m.bareTitle ? m.firstTok : m.nameFirstTok;
            np.lastTok = m.lastTok;
            if (m.bareTitle || m.precededByThe) {
                if (m.precededByThe && m.firstTok - 1 >= lo)
                    np.firstTok = m.firstTok - 1;
            }
            return np;
        }
        if (NameHeuristics::isWeekdayOrMonth(w) || (t.word && !t.upper && !t.lower)) { // "Friday", "2019"
            --j;
            ++skipped;
            continue;
        }
        if (isPronoun(j)) {
            np.kind = NounPhrase::Kind::Pronoun;
            np.firstTok = np.lastTok = j;
            return np;
        }
        if (t.upper) // a capitalised stop word that is not a pronoun: "The", "But"
            return np;
        if (isOneOf(w, {"who"_L1})) { // "Smith, who called the plan “reckless”": back to Smith
            --j;
            if (j >= lo && isPunct(j, u','))
                --j;
            ++skipped;
            continue;
        }
        if (isBridgeWord(w)) {
            skippedTo = isOneOf(w, {"to"_L1});
            --j;
            ++skipped;
            continue;
        }
        // A verb in front of "to say" or after an auxiliary ("was amended to say") is not the noun.
        const bool afterAux = j - 1 >= lo && m_tokens[size_t(j - 1)].word && isAux(text(j - 1));
        if (skippedTo || afterAux) {
            skippedTo = false;
            --j;
            ++skipped;
            continue;
        }
        if (isFunctionWord(w) || SpeechVerbs::contains(w))
            return np;
        // A common noun phrase: walk back to its determiner.
        int k = j;
        int first = j;
        for (int steps = 0; k >= lo && steps < 6; --k, ++steps) {
            const Token &u = m_tokens[size_t(k)];
            if (!u.word)
                break;
            if (isDeterminer(k)) {
                first = k;
                break;
            }
            const QStringView uw = text(k);
            if (u.lower && (isFunctionWord(uw) || isAux(uw) || SpeechVerbs::contains(uw)))
                break;
            if (u.upper && u.mention < 0)
                break;
            first = k;
        }
        np.kind = NounPhrase::Kind::Common;
        np.firstTok = first;
        np.lastTok = j;
        return np;
    }
    return np;
}

NounPhrase Resolver::forwardNP(int j, int hi) const
{
    NounPhrase np;
    if (j > hi)
        return np;
    if (isPronoun(j)) {
        np.kind = NounPhrase::Kind::Pronoun;
        np.firstTok = np.lastTok = j;
        return np;
    }
    const int start = j;
    const bool det = isDeterminer(j);
    if (det)
        ++j;
    int words = 0;
    while (j <= hi && words < 4) {
        const Token &t = m_tokens[size_t(j)];
        if (!t.word)
            break;
        if (t.upper && t.mention >= 0) {
            const Mention &m = m_mentions[size_t(t.mention)];
            np.kind = m.bareTitle ? NounPhrase::Kind::Common : NounPhrase::Kind::Name;
            np.mention = t.mention;
            np.firstTok = (m.bareTitle || (det && m.type == Mention::Type::Org && words == 0)) ? start : m.nameFirstTok;
            np.lastTok = m.lastTok;
            return np;
        }
        if (!t.lower || isFunctionWord(text(j)) || SpeechVerbs::contains(text(j)) || isBridgeWord(text(j)))
            break;
        ++words;
        ++j;
    }
    if (words == 0)
        return np;
    np.kind = NounPhrase::Kind::Common;
    np.firstTok = start;
    np.lastTok = j - 1;
    return np;
}

Span Resolver::npSpan(const NounPhrase &np) const
{
    qsizetype end = m_tokens[size_t(np.lastTok)].end;
    if (m_tokens[size_t(np.lastTok)].possessive)
        end -= 2;
    return {m_tokens[size_t(np.firstTok)].start, end};
}

std::optional<Event> Resolver::focusPerson(qsizetype pos, Gender gender) const
{
    auto compatible = [&](const Event &e) {
        if (e.type != Mention::Type::Person)
            return false;
        if (gender == Gender::Unknown)
            return true;
        const Gender g = m_gender.value(e.name, Gender::Unknown);
        return g == Gender::Unknown || g == gender;
    };
    const Event *best = nullptr;
    auto it = std::lower_bound(m_subjects.begin(), m_subjects.end(), pos,
                               [](const Event &e, qsizetype p) { return e.pos < p; });
    while (it != m_subjects.begin()) {
        --it;
        if (compatible(*it)) {
            best = &*it;
            break;
        }
    }
    for (auto s = m_speakers.rbegin(); s != m_speakers.rend(); ++s) {
        if (s->pos < pos && compatible(*s)) {
            if (!best || s->pos > best->pos)
                best = &*s;
            break;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

std::optional<Event> Resolver::focusOrg(qsizetype pos) const
{
    const Event *best = nullptr;
    for (const Event &e : m_subjects)
        if (e.pos < pos && e.type == Mention::Type::Org)
            best = &e;
    for (const Event &e : m_speakers)
        if (e.pos < pos && e.type == Mention::Type::Org && (!best || e.pos > best->pos))
            best = &e;
    if (!best)
        return std::nullopt;
    return *best;
}

Attribution Resolver::resolveNP(const NounPhrase &np, int verbTok) const
{
    Attribution a;
    if (np.kind == NounPhrase::Kind::None)
        return a;
    a.found = true;
    a.speakerSpan = npSpan(np);
    a.focusPos = m_tokens[size_t(np.firstTok)].start;
    if (verbTok >= 0)
        a.cue = text(verbTok).toString();
    a.verbTok = verbTok;
    const qsizetype pos = m_tokens[size_t(np.firstTok)].start;

    if (np.kind == NounPhrase::Kind::Pronoun) {
        const QStringView w = text(np.firstTok);
        if (isOneOf(w, {"he"_L1, "she"_L1})) {
            const Gender g = isOneOf(w, {"he"_L1}) ? Gender::Male : Gender::Female;
            if (auto e = focusPerson(pos, g)) {
                a.speaker = e->name;
                a.type = Mention::Type::Person;
            }
        } else if (isOneOf(w, {"it"_L1})) {
            if (auto e = focusOrg(pos)) {
                a.speaker = e->name;
                a.type = Mention::Type::Org;
            }
        }
        return a;
    }
    if (np.kind == NounPhrase::Kind::Name) {
        const Mention &m = m_mentions[size_t(np.mention)];
        a.speaker = m.canonical.isEmpty() ? m.name : m.canonical;
        a.type = m.type == Mention::Type::Unknown ? Mention::Type::Org : m.type;
        return a;
    }

    // A common noun phrase: "the minister", "the firm", "a police spokesman", "the draft".
    const Span span = *a.speakerSpan;
    if (const Entity *e = entityAt(span.start, span.end); e && !e->canonical.isEmpty()) {
        a.speaker = e->canonical;
        a.type = e->type == Entity::Type::Person ? Mention::Type::Person : Mention::Type::Org;
        return a;
    }
    const QString head = bareText(np.lastTok).toString().toLower();
    const bool definite = isOneOf(text(np.firstTok), {"the"_L1, "its"_L1, "his"_L1, "her"_L1, "their"_L1});
    bool hasName = false;
    for (int k = np.firstTok; k <= np.lastTok; ++k)
        hasName = hasName || (m_tokens[size_t(k)].mention >= 0 && !m_mentions[size_t(m_tokens[size_t(k)].mention)].bareTitle);
    const bool orgHead = NameHeuristics::isOrgNoun(head);
    if (definite && !(hasName && orgHead)) {
        const Mention *before = nullptr;
        const Mention *after = nullptr;
        for (const Mention &m : m_mentions) {
            if (m.bareTitle || m.inQuote || m.nameTokens.isEmpty())
                continue;
            bool match = m.roles.contains(head);
            if (!match && orgHead && m.type == Mention::Type::Org)
                for (const QString &t : m.nameTokens)
                    match = match || t.compare(head, Qt::CaseInsensitive) == 0;
            if (!match)
                continue;
            if (m_tokens[size_t(m.firstTok)].start < pos)
                before = &m;
            else if (!after)
                after = &m;
        }
        const Mention *hit = before ? before : after;
        if (!hit && orgHead && !isOneOf(head, {"statement"_L1})) {
            // "the company said": the latest organisation named in the reporter's text.
            for (const Mention &m : m_mentions)
                if (m.type == Mention::Type::Org && !m.inQuote && !m.bareTitle
                    && m_tokens[size_t(m.firstTok)].start < pos && !m.precededByThe)
                    hit = &m;
        }
        if (hit) {
            a.speaker = hit->canonical.isEmpty() ? hit->name : hit->canonical;
            a.type = hit->type == Mention::Type::Unknown ? Mention::Type::Org : hit->type;
            return a;
        }
    }
    QString phrase = m_body.mid(span.start, span.end - span.start);
    if (isDeterminer(np.firstTok) && !phrase.isEmpty())
        phrase[0] = phrase.at(0).toLower();
    a.speaker = phrase;
    a.type = orgHead || hasName ? Mention::Type::Org : Mention::Type::Unknown;
    return a;
}

// Reads an attribution out of tokens [lo, hi] (a clause outside the quote), the speech verb nearest to
// the quote first. `floorTok` bounds how far back a subject may be looked for.
Attribution Resolver::parseClauseBackward(int hi, int lo, int floorTok) const
{
    for (int v = hi; v >= lo; --v) {
        if (!isVerb(v))
            continue;
        NounPhrase np = backwardNP(v - 1, floorTok);
        if (np.kind == NounPhrase::Kind::None)
            np = forwardNP(v + 1, hi);
        if (np.kind != NounPhrase::Kind::None)
            return resolveNP(np, v);
        if (!SpeechVerbs::isParticiple(text(v)))
            break;
    }
    for (int k = lo; k < hi; ++k) {
        if (m_tokens[size_t(k)].word && isOneOf(text(k), {"according"_L1}) && isOneOf(text(k + 1), {"to"_L1})) {
            const NounPhrase np = forwardNP(k + 2, hi);
            if (np.kind != NounPhrase::Kind::None)
                return resolveNP(np, -1);
        }
    }
    return {};
}

Attribution Resolver::parseAfter(int oi) const
{
    const int qb = m_qLast[size_t(oi)];
    if (qb < 0)
        return {};
    const Quote &q = m_quotes.at(m_order[size_t(oi)]);
    const QChar lastMark = q.text.isEmpty() ? QChar() : q.text.back();
    if (!(lastMark == u'\u201D' || lastMark == u'"' || lastMark == u'\u00BB'))
        return {}; // open at the paragraph end: the quote continues in the next paragraph
    const int n = int(m_tokens.size());
    int lo = qb + 1;
    if (lo >= n || m_tokens[size_t(lo)].sentence != m_tokens[size_t(qb)].sentence)
        return {};
    while (lo < n && !m_tokens[size_t(lo)].word && m_tokens[size_t(lo)].quote < 0
           && m_tokens[size_t(lo)].sentence == m_tokens[size_t(qb)].sentence)
        ++lo;
    if (lo >= n)
        return {};
    int hi = lo;
    int words = 0;
    while (hi + 1 < n && words < 16) {
        const Token &t = m_tokens[size_t(hi + 1)];
        if (t.quote >= 0 || t.sentence != m_tokens[size_t(lo)].sentence)
            break;
        if (!t.word && (isSentenceEnd(m_body.at(t.start)) || m_body.at(t.start) == u';'))
            break;
        if (t.word)
            ++words;
        ++hi;
    }
    if (m_tokens[size_t(lo)].quote >= 0 || m_tokens[size_t(lo)].sentence != m_tokens[size_t(qb)].sentence)
        return {};
    if (isOneOf(text(lo), {"according"_L1}) && lo + 1 <= hi && isOneOf(text(lo + 1), {"to"_L1}))
        return resolveNP(forwardNP(lo + 2, hi), -1);
    for (int v = lo; v <= hi; ++v) {
        if (!isVerb(v))
            continue;
        if (v == lo) {
            return resolveNP(forwardNP(v + 1, hi), v);
        }
        const NounPhrase np = backwardNP(v - 1, lo);
        if (np.kind != NounPhrase::Kind::None)
            return resolveNP(np, v);
        return {};
    }
    return {};
}

Attribution Resolver::parseBefore(int oi) const
{
    const int qa = m_qFirst[size_t(oi)];
    if (qa <= 0)
        return {};
    const int sentence = m_tokens[size_t(qa)].sentence;
    int lo = qa;
    while (lo - 1 >= 0 && m_tokens[size_t(lo - 1)].quote < 0 && m_tokens[size_t(lo - 1)].sentence == sentence
           && qa - lo < 80)
        --lo;
    const int hi = qa - 1;
    if (lo > hi || m_tokens[size_t(hi)].quote >= 0)
        return {};
    return parseClauseBackward(hi, lo, lo);
}

// ---------------------------------------------------------------------------------------------

void Resolver::run()
{
    for (Quote &q : m_quotes) {
        q.speaker.clear();
        q.speakerSpan.reset();
        q.cue.clear();
    }
    tokenize();
    assignQuotesAndSentences();
    findMentions();
    classifyMentions();
    collectSubjectEvents();

    const size_t count = m_order.size();
    std::vector<Attribution> results(count);
    std::vector<bool> explicitFound(count, false);
    auto quoteAt = [&](size_t oi) -> const Quote & { return m_quotes.at(m_order[oi]); };
    auto attributable = [&](size_t oi) {
        const Quote &q = quoteAt(oi);
        if (q.kind == Quote::Kind::Scare || m_qFirst[oi] < 0)
            return false;
        return !m_tokens[size_t(m_qFirst[oi])].inBlock;
    };
    auto closed = [&](size_t oi) {
        const QString &t = quoteAt(oi).text;
        return !t.isEmpty() && (t.back() == u'\u201D' || t.back() == u'"' || t.back() == u'\u00BB')
            && t.size() > 1;
    };
    auto paraOf = [&](size_t oi) { return m_tokens[size_t(m_qFirst[oi])].para; };
    auto sentenceOf = [&](size_t oi) { return m_tokens[size_t(m_qFirst[oi])].sentence; };
    auto startsParagraph = [&](size_t oi) {
        const int qa = m_qFirst[oi];
        return qa == 0 || m_tokens[size_t(qa - 1)].para != m_tokens[size_t(qa)].para;
    };
    // A paragraph that reopens a quote left open by the previous paragraph continues it.
    auto continues = [&](size_t oi) {
        return oi > 0 && m_qFirst[oi - 1] >= 0 && !closed(oi - 1) && startsParagraph(oi)
            && m_qLast[oi - 1] + 1 == m_qFirst[oi];
    };
    auto record = [&](size_t oi, const Attribution &a) {
        results[oi] = a;
        if (a.found && !a.speaker.isEmpty()
            && (a.type == Mention::Type::Person || a.type == Mention::Type::Org)) {
            const qsizetype pos = a.focusPos >= 0 ? a.focusPos : quoteAt(oi).span.start;
            m_speakers.push_back({pos, a.speaker, a.type});
        }
    };
    // A borrowed attribution keeps the mention it was made through: the view can show it.
    auto inherited = [](const Attribution &from) { return from; };

    for (size_t oi = 0; oi < count; ++oi) {
        if (!attributable(oi))
            continue;
        Attribution a = parseAfter(int(oi));
        if (!a.found)
            a = parseBefore(int(oi));
        if (a.found) {
            explicitFound[oi] = true;
            // "he said" learns the gender of the person it resolved to.
            if (a.speakerSpan && a.type == Mention::Type::Person) {
                const QStringView w = QStringView(m_body).sliced(a.speakerSpan->start, a.speakerSpan->length());
                if (isOneOf(w, {"he"_L1}) && !m_gender.contains(a.speaker))
                    m_gender.insert(a.speaker, Gender::Male);
                else if (isOneOf(w, {"she"_L1}) && !m_gender.contains(a.speaker))
                    m_gender.insert(a.speaker, Gender::Female);
            }
            record(oi, a);
            continue;
        }
        // No attribution in the quote's own sentence: borrow one.
        if (continues(oi) && results[oi - 1].found) {
            record(oi, inherited(results[oi - 1]));
            continue;
        }
        if (oi > 0 && attributable(oi - 1) && results[oi - 1].found && paraOf(oi - 1) == paraOf(oi)
            && (sentenceOf(oi - 1) == sentenceOf(oi) || quoteAt(oi).kind == Quote::Kind::Direct)) {
            record(oi, inherited(results[oi - 1]));
            continue;
        }
        bool done = false;
        for (size_t nx = oi + 1; nx < count && !done; ++nx) {
            if (m_qFirst[nx] < 0 || paraOf(nx) != paraOf(oi))
                break;
            if (!attributable(nx))
                continue;
            Attribution b = parseAfter(int(nx));
            if (!b.found)
                b = parseBefore(int(nx));
            if (b.found) {
                record(oi, b);
                done = true;
            }
        }
        if (done)
            continue;
        if (startsParagraph(oi) && m_qFirst[oi] > 0) {
            // The previous paragraph may introduce this one: "Holm told reporters:".
            const int prevLast = m_qFirst[oi] - 1;
            if (isPunct(prevLast, u':') && m_tokens[size_t(prevLast)].quote < 0) {
                int lo = prevLast;
                while (lo - 1 >= 0 && m_tokens[size_t(lo - 1)].quote < 0
                       && m_tokens[size_t(lo - 1)].sentence == m_tokens[size_t(prevLast)].sentence)
                    --lo;
                const Attribution b = parseClauseBackward(prevLast - 1, lo, lo);
                if (b.found) {
                    record(oi, b);
                    continue;
                }
            }
            if (continues(oi))
                continue;
            if (quoteAt(oi).kind == Quote::Kind::Direct) {
                if (auto e = focusPerson(quoteAt(oi).span.start, Gender::Unknown)) {
                    Attribution b;
                    b.found = true;
                    b.speaker = e->name;
                    b.type = Mention::Type::Person;
                    record(oi, b);
                }
            }
            continue;
        }
        if (quoteAt(oi).kind == Quote::Kind::Partial) {
            // An unattributed fragment belongs to the subject of its sentence, if any.
            const int qa = m_qFirst[oi];
            for (int k = qa - 1; k >= 0 && m_tokens[size_t(k)].sentence == m_tokens[size_t(qa)].sentence; --k) {
                const int mi = m_tokens[size_t(k)].mention;
                if (mi < 0)
                    continue;
                const Mention &m = m_mentions[size_t(mi)];
                if (m.type == Mention::Type::Person && !m.object && !m.possessive && !m.inQuote) {
                    NounPhrase np;
                    np.kind = NounPhrase::Kind::Name;
                    np.mention = mi;
                    np.firstTok = m.nameFirstTok;
                    np.lastTok = m.lastTok;
                    record(oi, resolveNP(np, -1));
                    break;
                }
                k = m.firstTok;
            }
        }
    }
    // A multi-paragraph quote has one speaker: spread an attribution found anywhere in the run.
    for (size_t oi = count; oi-- > 1;) {
        if (continues(oi) && results[oi].found && !results[oi - 1].found && attributable(oi - 1))
            results[oi - 1] = results[oi];
    }
    for (size_t oi = 1; oi < count; ++oi) {
        if (continues(oi) && results[oi - 1].found && !explicitFound[oi])
            results[oi] = results[oi - 1];
    }

    for (size_t oi = 0; oi < count; ++oi) {
        const Attribution &a = results[oi];
        if (!a.found)
            continue;
        Quote &q = m_quotes[m_order[oi]];
        q.speaker = a.speaker;
        q.speakerSpan = a.speakerSpan;
        q.cue = a.cue;
    }
}

} // namespace

void SpeakerResolver::resolve(const Article &article, QList<Quote> &quotes, const QList<Entity> &entities)
{
    if (quotes.isEmpty() || article.body.isEmpty())
        return;
    Resolver resolver(article, quotes, entities);
    resolver.run();
}

} // namespace Lede
