// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpeakerResolver.h"

#include "NameHeuristics.h"
#include "SpeechVerbs.h"

#include <QHash>
#include <QSet>
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
    int quote = -1; // index into the sorted quote order, -1 outside quotes
    int mention = -1; // capitalised run this token belongs to
};

struct Mention
{
    enum class Type { Unknown, Person, Org, Place };
    int firstTok = 0; // the whole run, titles included
    int nameFirstTok = 0; // the name without titles
    int lastTok = 0;
    Type type = Type::Unknown;
    Gender gender = Gender::Unknown;
    QString name; // as written, titles and a possessive "'s" removed
    QString canonical; // the fullest name of the same person or organisation
    QStringList nameTokens;
    QStringList roles; // lower-case role words: titles, "analyst", "chief engineer", appositive nouns
    QString roleHead; // the noun that says what it is: "engineer", "maker"
    bool precededByThe = false;
    bool object = false;
    bool possessive = false;
    bool inQuote = false;
    bool bareTitle = false; // "the Prime Minister" without a name
    bool modifier = false; // "Norwegian" in "the Norwegian fisheries ministry"
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

// Words that may stand between a speaker and the speech verb: "Blinken also said", "The draft was
// amended to say", "Smith has repeatedly said".
bool isBridgeWord(QStringView w)
{
    static const WordSet set {
        u"also",    u"later",      u"then",         u"again",      u"previously", u"has",       u"had",
        u"have",    u"was",        u"were",         u"is",         u"are",        u"been",      u"be",
        u"being",   u"will",       u"would",        u"could",      u"should",     u"can",       u"may",
        u"might",   u"must",       u"did",          u"does",       u"do",         u"not",       u"never",
        u"still",   u"just",       u"already",      u"reportedly", u"repeatedly", u"once",      u"further",
        u"first",   u"separately", u"earlier",      u"recently",   u"publicly",   u"privately", u"to",
        u"on",      u"last",       u"this",         u"late",       u"early",      u"yesterday", u"today",
        u"tonight", u"morning",    u"afternoon",    u"evening",    u"night",      u"week",      u"month",
        u"year",    u"clearly",    u"simply",       u"flatly",     u"angrily",    u"bluntly",   u"firmly",
        u"quietly", u"openly",     u"subsequently", u"finally",    u"initially",  u"went",      u"goes",
        u"herself", u"himself",    u"themselves",   u"itself"
    };
    return set.contains(w);
}

bool isAux(QStringView w)
{
    static const WordSet set { u"was",   u"were", u"is",   u"are",   u"been",  u"be",     u"has",
                               u"had",   u"have", u"will", u"would", u"could", u"should", u"may",
                               u"might", u"must", u"did",  u"does",  u"do",    u"can" };
    return set.contains(w);
}

bool isFunctionWord(QStringView w)
{
    static const WordSet set {
        u"of",      u"and",     u"or",      u"but",    u"that",   u"which",   u"who",     u"whom",
        u"with",    u"for",     u"from",    u"by",     u"in",     u"on",      u"at",      u"to",
        u"as",      u"if",      u"when",    u"while",  u"after",  u"before",  u"because", u"than",
        u"about",   u"into",    u"over",    u"under",  u"there",  u"here",    u"not",     u"so",
        u"what",    u"how",     u"why",     u"where",  u"both",   u"against", u"during",  u"without",
        u"within",  u"through", u"between", u"among",  u"toward", u"towards", u"upon",    u"across",
        u"despite", u"since",   u"until",   u"amid",   u"per",    u"via",     u"like",    u"off",
        u"out",     u"up",      u"down",    u"around", u"near",   u"behind",  u"beyond",  u"above",
        u"below",   u"except",  u"whether", u"then",   u"it",     u"them",    u"him",     u"her",
        u"us",      u"me",      u"you"
    };
    return set.contains(w);
}

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
        static const WordSet set { u"he", u"she", u"they", u"it", u"we", u"i" };
        return m_tokens[size_t(tok)].word && set.contains(text(tok));
    }
    bool isDeterminer(int tok) const
    {
        static const WordSet set { u"the", u"a",     u"an",  u"its",  u"his",
                                   u"her", u"their", u"our", u"this", u"that" };
        return m_tokens[size_t(tok)].word && set.contains(text(tok));
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
    std::vector<int> m_order; // quote indices sorted by start, valid spans only
    std::vector<int> m_qFirst; // first token inside each ordered quote, -1 if none
    std::vector<int> m_qLast;
    std::vector<Event> m_subjects; // sentence subjects, sorted by position
    std::vector<Event> m_speakers; // resolved speakers in reading order
    QHash<QString, Gender> m_gender;
    QHash<QString, std::vector<int>> m_roleIndex;    // role word -> mentions, in reading order
    QHash<QString, std::vector<int>> m_orgNameIndex; // lower-case word of an organisation's name
    std::vector<int> m_orgMentions;                  // organisations named in the reporter's text
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
                if (d.isLetterOrNumber() || (d.unicode() >= 0x300 && d.isMark())) {
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
    std::stable_sort(m_order.begin(), m_order.end(),
                     [this](int a, int b) { return m_quotes.at(a).span.start < m_quotes.at(b).span.start; });
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
                while (k >= 0
                       && (qt.at(k).isSpace() || qt.at(k) == u'\u201D' || qt.at(k) == u'"'
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
        // No name is longer than a dozen words; the cap keeps a page of Title Case linear.
        while (!m_tokens[size_t(j)].possessive && j + 1 < n && j - i < 12) {
            const Token &next = m_tokens[size_t(j + 1)];
            if (next.para != m_tokens[size_t(i)].para || next.quote != m_tokens[size_t(i)].quote)
                break;
            if (nameWord(j + 1)) {
                ++j;
                continue;
            }
            const bool ofAllowed = !isOneOf(text(j + 1), { "of"_L1 }) || NameHeuristics::isTitle(text(j))
                || NameHeuristics::isOrgWord(text(j));
            if (next.word && next.lower && j + 2 < n && NameHeuristics::isNameConnector(text(j + 1))
                && !isOneOf(text(j + 1), { "and"_L1, "for"_L1 }) && ofAllowed && nameWord(j + 2)
                && m_tokens[size_t(j + 2)].para == next.para) {
                j += 2;
                continue;
            }
            // Organisations carry "for the", "of the", "and" inside their names: "International
            // Council for the Exploration of the Sea", "Bank of England".
            bool orgSoFar = false;
            for (int k = i; k <= j && !orgSoFar; ++k)
                orgSoFar = NameHeuristics::isOrgWord(text(k));
            if (orgSoFar && next.word && next.lower
                && isOneOf(text(j + 1), { "of"_L1, "for"_L1, "and"_L1 })) {
                int k = j + 2;
                if (k < n && m_tokens[size_t(k)].word && isOneOf(text(k), { "the"_L1 }))
                    ++k;
                if (k < n && nameWord(k) && m_tokens[size_t(k)].para == next.para
                    && m_tokens[size_t(k)].quote == next.quote) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        bool allCaps = true;
        for (int k = i; k <= j; ++k)
            allCaps = allCaps && m_tokens[size_t(k)].allCaps;
        const int len = j - i + 1;
        // A dateline opening the paragraph: "OSLO (Nordwire) –", "PARIS, May 2 -".
        const bool paraStart = i == 0 || m_tokens[size_t(i - 1)].para != m_tokens[size_t(i)].para;
        if (allCaps && paraStart && j + 1 < n && !m_tokens[size_t(j + 1)].word) {
            const QChar c = m_body.at(m_tokens[size_t(j + 1)].start);
            if (c == u'(' || c == u',' || c == u'-' || c == u'\u2013' || c == u'\u2014') {
                i = j + 1;
                continue;
            }
        }
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
    static const WordSet objectWords {
        u"with",        u"of",       u"to",        u"by",         u"from",        u"for",     u"against",
        u"about",       u"at",       u"in",        u"into",       u"on",          u"between", u"among",
        u"than",        u"like",     u"met",       u"meets",      u"meeting",     u"visited", u"visiting",
        u"called",      u"told",     u"tells",     u"thanked",    u"urged",       u"asked",   u"named",
        u"appointed",   u"replaced", u"succeeded", u"criticized", u"criticised",  u"praised", u"hosted",
        u"including",   u"behind",   u"toward",    u"towards",    u"under",       u"over",    u"after",
        u"before",      u"via",      u"unlike",    u"joined",     u"accompanied", u"accused", u"blamed",
        u"interviewed", u"sued",     u"fired",     u"backed",     u"supported",   u"opposed", u"near",
        u"across",      u"outside",  u"inside",    u"through",    u"during",      u"per",     u"thank",
        u"welcomed",    u"greeted",  u"phoned",    u"warned"
    };
    static const WordSet placePrepositions {
        u"in",      u"from",   u"near", u"to",     u"into",    u"across",
        u"outside", u"inside", u"at",   u"toward", u"towards", u"through"
    };
    static const WordSet roleStop { u"the",  u"a",    u"an",    u"of",    u"with",  u"and", u"to",
                                    u"by",   u"for",  u"from",  u"in",    u"on",    u"at",  u"that",
                                    u"said", u"says", u"as",    u"who",   u"was",   u"is",  u"but",
                                    u"or",   u"when", u"while", u"after", u"before" };

    QSet<QString> lowerWords;
    bool lowerWordsReady = false;
    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        Mention &m = m_mentions[mi];
        int lastTitle = -1;
        bool hasOrgWord = false;
        bool hasPlaceWord = false;
        // The last token always stays a name ("Jane Singer"), unless every token is a title.
        bool allTitles = true;
        for (int k = m.firstTok; k <= m.lastTok; ++k) {
            const bool title = NameHeuristics::isTitle(bareText(k));
            if (title && k < m.lastTok)
                lastTitle = k;
            allTitles = allTitles && (title || m_tokens[size_t(k)].lower);
        }
        m.bareTitle = allTitles;
        m.nameFirstTok = lastTitle >= 0 ? lastTitle + 1 : m.firstTok;
        while (m.nameFirstTok < m.lastTok && m_tokens[size_t(m.nameFirstTok)].lower)
            ++m.nameFirstTok; // a connector left after the title: "Secretary of State"
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k) {
            hasOrgWord = hasOrgWord || NameHeuristics::isOrgWord(bareText(k));
            hasPlaceWord = hasPlaceWord || NameHeuristics::isPlaceWord(bareText(k));
        }
        if (hasOrgWord)
            m.nameFirstTok = m.firstTok; // "Foreign Ministry" is the organisation's whole name
        // A sentence opening "Passenger Eva Lindqvist said" capitalises a common noun: when the
        // article also uses that word in lower case ("212 passengers"), it is a role, not a name.
        const bool sentenceInitial = m.firstTok == 0
            || m_tokens[size_t(m.firstTok - 1)].sentence != m_tokens[size_t(m.firstTok)].sentence;
        if (!hasOrgWord && sentenceInitial && m.nameFirstTok == m.firstTok && m.lastTok - m.firstTok >= 2) {
            if (!lowerWordsReady) {
                for (size_t k = 0; k < m_tokens.size(); ++k)
                    if (m_tokens[k].lower)
                        lowerWords.insert(bareText(int(k)).toString());
                lowerWordsReady = true;
            }
            const QString w = bareText(m.firstTok).toString().toLower();
            if (lowerWords.contains(w) || lowerWords.contains(w + u"s"_s)
                || lowerWords.contains(w + u"es"_s)) {
                m.nameFirstTok = m.firstTok + 1;
                m.roles.append(w);
                m.roleHead = w;
            }
        }
        if (m.bareTitle)
            lastTitle = m.lastTok;
        // A run followed by the noun it modifies is not the speaker itself: "the Norwegian fisheries
        // ministry", "Gaza health ministry spokesman".
        for (int k = m.lastTok + 1; k < int(m_tokens.size()) && k <= m.lastTok + 3 && !m.possessive; ++k) {
            const Token &t = m_tokens[size_t(k)];
            if (!t.word || !t.lower || t.para != m_tokens[size_t(m.lastTok)].para || isFunctionWord(text(k))
                || isAux(text(k)) || SpeechVerbs::contains(text(k)))
                break;
            if (NameHeuristics::isOrgNoun(text(k)) || NameHeuristics::isTitle(text(k)))
                m.modifier = true;
        }
        const int prev = m.firstTok - 1;
        const bool prevSameClause
            = prev >= 0 && m_tokens[size_t(prev)].para == m_tokens[size_t(m.firstTok)].para;
        m.precededByThe = prevSameClause && m_tokens[size_t(prev)].word && isOneOf(text(prev), { "the"_L1 });
        if (prevSameClause && m_tokens[size_t(prev)].word && m_tokens[size_t(prev)].lower) {
            if (objectWords.contains(text(prev)))
                m.object = true;
            else if (isOneOf(text(prev), { "and"_L1, "or"_L1 }) && prev - 1 >= 0
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
            const bool placeLike
                = prevSameClause && m_tokens[size_t(prev)].word && placePrepositions.contains(text(prev));
            m.type = placeLike ? Mention::Type::Place : Mention::Type::Person;
        } else if (m_tokens[size_t(m.firstTok)].allCaps
                   && m_tokens[size_t(m.firstTok)].end - m_tokens[size_t(m.firstTok)].start >= 2)
            m.type = Mention::Type::Org; // an acronym: NATO, UNICEF
        if (m.bareTitle || (m.modifier && m.type != Mention::Type::Person))
            m.type = Mention::Type::Unknown;

        const qsizetype nameStart = m_tokens[size_t(m.nameFirstTok)].start;
        qsizetype nameEnd = m_tokens[size_t(m.lastTok)].end;
        if (m.possessive)
            nameEnd -= 2;
        m.name = m_body.mid(nameStart, nameEnd - nameStart);
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k)
            m.nameTokens.append(bareText(k).toString());

        for (int k = m.firstTok; k < m.nameFirstTok || (m.bareTitle && k <= m.lastTok); ++k) {
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
            if (!t.word || !t.lower || t.para != m_tokens[size_t(m.firstTok)].para
                || roleStop.contains(text(k)) || SpeechVerbs::contains(text(k)))
                break;
            m.roles.append(bareText(k).toString().toLower());
            if (m.roleHead.isEmpty())
                m.roleHead = m.roles.last(); // the word next to the name: "drugmaker Norvik"
        }
        // A name in apposition to a role: "The ferry's operator, Gotlandslinjen, said",
        // "Its chief executive, Rasmus Berg,".
        if (m.firstTok >= 2 && isPunct(m.firstTok - 1, u',') && m.lastTok + 1 < int(m_tokens.size())
            && isPunct(m.lastTok + 1, u',') && m_tokens[size_t(m.firstTok - 2)].word
            && m_tokens[size_t(m.firstTok - 2)].lower && !isFunctionWord(text(m.firstTok - 2))
            && !SpeechVerbs::contains(text(m.firstTok - 2))) {
            const QString role = bareText(m.firstTok - 2).toString().toLower();
            m.roles.append(role);
            m.roleHead = role;
            if (NameHeuristics::isOrgNoun(role) && m.type == Mention::Type::Unknown)
                m.type = Mention::Type::Org;
        }
        // An appositive after the run: "Peter Holm, the authority's chief engineer, said".
        const int after = m.lastTok + 1;
        if (after + 1 < int(m_tokens.size()) && isPunct(after, u',') && isDeterminer(after + 1)) {
            QStringList appositive;
            QString head;
            bool headDone = false;
            bool closedByComma = false;
            for (int k = after + 2; k < int(m_tokens.size()) && k < after + 12; ++k) {
                const Token &t = m_tokens[size_t(k)];
                if (t.para != m_tokens[size_t(after)].para)
                    break;
                if (!t.word) {
                    closedByComma = isPunct(k, u',');
                    break;
                }
                if (isAux(text(k)) || SpeechVerbs::contains(text(k)))
                    break;
                if (isOneOf(text(k), { "of"_L1, "for"_L1, "in"_L1, "at"_L1, "from"_L1, "with"_L1, "on"_L1 }))
                    headDone = true;
                if (t.lower && !roleStop.contains(text(k))) {
                    appositive.append(bareText(k).toString().toLower());
                    if (!headDone)
                        head = appositive.last();
                }
            }
            if (closedByComma) {
                m.roles += appositive;
                if (!head.isEmpty())
                    m.roleHead = head;
            }
        }
        if (m.type != Mention::Type::Org && NameHeuristics::isOrgNoun(m.roleHead) && !personTitle)
            m.type = Mention::Type::Org; // "Norvik Tools, the Bergen-based maker of drills,"
    }

    // Entities from the recogniser overrule the guesses where they overlap.
    if (!m_entities.isEmpty()) {
        for (const Entity &e : m_entities)
            if (e.span.start >= 0 && e.span.end <= m_body.size() && e.span.start < e.span.end)
                m_sortedEntities.push_back(&e);
        std::sort(m_sortedEntities.begin(), m_sortedEntities.end(),
                  [](const Entity *a, const Entity *b) { return a->span.start < b->span.start; });
        for (Mention &m : m_mentions) {
            const Entity *e
                = entityAt(m_tokens[size_t(m.nameFirstTok)].start, m_tokens[size_t(m.lastTok)].end);
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
            // The recogniser's canonical name wins unless the resolver read a longer name here
            // ("herder Nils-Erik Labba" where the tagger only found "Labba").
            const QString canonical = e->canonical.trimmed();
            if (!canonical.isEmpty() && canonical.count(u' ') >= m.name.count(u' '))
                m.canonical = canonical;
        }
    }

    // A short mention ("Blinken") takes the longest full name that ends with it ("Antony Blinken").
    // Each distinct full name is a candidate once, however often it is repeated.
    QHash<QString, std::vector<int>> byLastToken;
    QSet<QString> distinctNames;
    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        const Mention &m = m_mentions[mi];
        if (m.type == Mention::Type::Person && m.nameTokens.size() >= 2) {
            const QString key = m.nameTokens.join(u' ');
            if (distinctNames.contains(key))
                continue;
            distinctNames.insert(key);
            byLastToken[m.nameTokens.last()].push_back(int(mi));
        }
    }
    for (Mention &m : m_mentions) {
        if (m.nameTokens.isEmpty() || m.bareTitle)
            continue;
        if (m.type == Mention::Type::Org || m.type == Mention::Type::Place) {
            if (m.canonical.isEmpty())
                m.canonical = m.name;
            continue;
        }
        // A canonical name from the recogniser still gives way to a longer full name of the
        // same person that the resolver found ("Labba" -> "Nils-Erik Labba").
        const qsizetype canonicalWords = m.canonical.isEmpty() ? 0 : m.canonical.count(u' ') + 1;
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
            const QString full = best->canonical.isEmpty() ? best->name : best->canonical;
            if (full.count(u' ') + 1 > canonicalWords)
                m.canonical = full;
            if (m.type == Mention::Type::Unknown)
                m.type = Mention::Type::Person;
        } else if (m.canonical.isEmpty()) {
            m.canonical = m.name;
        }
    }
    for (const Mention &m : m_mentions)
        if (m.type == Mention::Type::Person && m.gender != Gender::Unknown)
            m_gender.insert(m.canonical, m.gender);
    for (int mi = 0; mi < int(m_mentions.size()); ++mi) {
        const Mention &m = m_mentions[size_t(mi)];
        if (m.bareTitle || m.inQuote || m.nameTokens.isEmpty())
            continue;
        for (const QString &r : m.roles) {
            std::vector<int> &list = m_roleIndex[r];
            if (list.empty() || list.back() != mi)
                list.push_back(mi);
        }
        if (m.type == Mention::Type::Org) {
            for (const QString &t : m.nameTokens) {
                std::vector<int> &list = m_orgNameIndex[t.toLower()];
                if (list.empty() || list.back() != mi)
                    list.push_back(mi);
            }
            if (!m.precededByThe)
                m_orgMentions.push_back(mi);
        }
    }
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
        if ((*e)->span.overlaps(Span { start, end })
            && ((*e)->type == Entity::Type::Person || (*e)->type == Entity::Type::Org))
            return *e;
    return nullptr;
}

void Resolver::collectSubjectEvents()
{
    // The first person and the first organisation of each sentence that are not objects
    // ("Ahead of a meeting with X, Blinken said": X follows "with") take the focus.
    int personSentence = -1;
    int orgSentence = -1;
    for (const Mention &m : m_mentions) {
        const Token &t = m_tokens[size_t(m.firstTok)];
        if (m.inQuote || t.inBlock || m.object || m.possessive || m.bareTitle || m.modifier)
            continue;
        if (m.type == Mention::Type::Person && t.sentence != personSentence) {
            personSentence = t.sentence;
            m_subjects.push_back({ m_tokens[size_t(m.nameFirstTok)].start, m.canonical, m.type });
        } else if (m.type == Mention::Type::Org && t.sentence != orgSentence) {
            orgSentence = t.sentence;
            m_subjects.push_back({ m_tokens[size_t(m.nameFirstTok)].start, m.canonical, m.type });
        }
    }
    // So does whoever speaks in reported speech: "The mayor said she had asked ...".
    int sentence = -1;
    int sentenceStart = 0;
    bool done = false;
    for (int ti = 0; ti < int(m_tokens.size()); ++ti) {
        const Token &t = m_tokens[size_t(ti)];
        if (t.sentence != sentence) {
            sentence = t.sentence;
            sentenceStart = ti;
            done = false;
        }
        if (done || t.quote >= 0 || t.inBlock || !isVerb(ti) || SpeechVerbs::isParticiple(text(ti)))
            continue;
        done = true;
        const NounPhrase np = backwardNP(ti - 1, sentenceStart);
        if (np.kind != NounPhrase::Kind::Common)
            continue; // names are already subjects above; pronouns keep the focus where it is
        const Attribution a = resolveNP(np, ti);
        if (!a.speaker.isEmpty() && (a.type == Mention::Type::Person || a.type == Mention::Type::Org))
            m_subjects.push_back({ a.focusPos, a.speaker, a.type });
    }
    std::stable_sort(m_subjects.begin(), m_subjects.end(),
                     [](const Event &a, const Event &b) { return a.pos < b.pos; });
}

// ---------------------------------------------------------------------------------------------
// Attribution clauses

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
                while (k >= lo && k > j - 16
                       && !(!m_tokens[size_t(k)].word && m_body.at(m_tokens[size_t(k)].start) == open))
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
        if (isOneOf(w, { "who"_L1 })) { // "Smith, who called the plan “reckless”": back to Smith
            --j;
            if (j >= lo && isPunct(j, u','))
                --j;
            ++skipped;
            continue;
        }
        if (isBridgeWord(w)) {
            skippedTo = isOneOf(w, { "to"_L1 });
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
        if (isDeterminer(j))
            return np; // "called the “...”": a determiner with no noun is no speaker
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
            np.firstTok = (m.bareTitle || (det && m.type == Mention::Type::Org && words == 0))
                ? start
                : m.nameFirstTok;
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
    return { m_tokens[size_t(np.firstTok)].start, end };
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
    constexpr int kMaxWalk = 400;
    const Event *best = nullptr;
    auto it = std::lower_bound(m_subjects.begin(), m_subjects.end(), pos,
                               [](const Event &e, qsizetype p) { return e.pos < p; });
    for (int walked = 0; it != m_subjects.begin() && walked < kMaxWalk; ++walked) {
        --it;
        if (compatible(*it)) {
            best = &*it;
            break;
        }
    }
    int walked = 0;
    for (auto s = m_speakers.rbegin(); s != m_speakers.rend() && walked < kMaxWalk; ++s, ++walked) {
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
    // Both walks are capped: focus that lies hundreds of events back is no focus, and the cap keeps
    // a huge body linear.
    constexpr int kMaxWalk = 400;
    const Event *best = nullptr;
    auto it = std::lower_bound(m_subjects.begin(), m_subjects.end(), pos,
                               [](const Event &e, qsizetype p) { return e.pos < p; });
    for (int walked = 0; it != m_subjects.begin() && walked < kMaxWalk; ++walked) {
        --it;
        if (it->type == Mention::Type::Org) {
            best = &*it;
            break;
        }
    }
    int walked = 0;
    for (auto s = m_speakers.rbegin(); s != m_speakers.rend() && walked < kMaxWalk; ++s, ++walked) {
        if (s->pos < pos && s->type == Mention::Type::Org) {
            if (!best || s->pos > best->pos)
                best = &*s;
            break;
        }
    }
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
        if (isOneOf(w, { "he"_L1, "she"_L1 })) {
            const Gender g = isOneOf(w, { "he"_L1 }) ? Gender::Male : Gender::Female;
            if (auto e = focusPerson(pos, g)) {
                a.speaker = e->name;
                a.type = Mention::Type::Person;
            }
        } else if (isOneOf(w, { "it"_L1 })) {
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
    const bool definite = isOneOf(text(np.firstTok), { "the"_L1, "its"_L1, "his"_L1, "her"_L1, "their"_L1 });
    bool hasName = false;
    for (int k = np.firstTok; k <= np.lastTok; ++k)
        hasName = hasName
            || (m_tokens[size_t(k)].mention >= 0
                && !m_mentions[size_t(m_tokens[size_t(k)].mention)].bareTitle);
    const bool orgHead = NameHeuristics::isOrgNoun(head);
    if (definite && !(hasName && orgHead)) {
        const Mention *before = nullptr;
        const Mention *after = nullptr;
        auto consider = [&](const std::vector<int> *list) {
            if (!list)
                return;
            // Lists hold mention indices in reading order: binary search around the phrase.
            auto it = std::lower_bound(list->begin(), list->end(), pos, [this](int mi, qsizetype p) {
                return m_tokens[size_t(m_mentions[size_t(mi)].firstTok)].start < p;
            });
            if (it != list->begin()) {
                const Mention *m = &m_mentions[size_t(*(it - 1))];
                if (!before || m->firstTok > before->firstTok)
                    before = m;
            }
            if (it != list->end()) {
                const Mention *m = &m_mentions[size_t(*it)];
                if (!after || m->firstTok < after->firstTok)
                    after = m;
            }
        };
        auto find = [](const QHash<QString, std::vector<int>> &index, const QString &key) {
            const auto it = index.constFind(key);
            return it == index.constEnd() ? nullptr : &*it;
        };
        consider(find(m_roleIndex, head));
        if (orgHead)
            consider(find(m_orgNameIndex, head));
        const Mention *hit = before;
        if (!hit && orgHead && !isOneOf(head, { "statement"_L1 })) {
            if (auto e = focusOrg(pos)) {
                a.speaker = e->name;
                a.type = Mention::Type::Org;
                return a;
            }
            // "the company said": the latest organisation named in the reporter's text.
            auto it = std::lower_bound(m_orgMentions.begin(), m_orgMentions.end(), pos, [this](int mi, qsizetype p) {
                return m_tokens[size_t(m_mentions[size_t(mi)].firstTok)].start < p;
            });
            if (it != m_orgMentions.begin())
                hit = &m_mentions[size_t(*(it - 1))];
        }
        if (!hit)
            hit = after;
        if (hit) {
            a.speaker = hit->canonical.isEmpty() ? hit->name : hit->canonical;
            a.type = hit->type == Mention::Type::Unknown ? Mention::Type::Org : hit->type;
            return a;
        }
    }
    QString phrase = m_body.mid(span.start, span.end - span.start);
    a.type = orgHead || hasName ? Mention::Type::Org : Mention::Type::Unknown;
    if (a.type == Mention::Type::Org && isOneOf(text(np.firstTok), { "the"_L1 }) && np.lastTok > np.firstTok)
        phrase = m_body.mid(m_tokens[size_t(np.firstTok + 1)].start,
                            span.end - m_tokens[size_t(np.firstTok + 1)].start);
    else if (isDeterminer(np.firstTok) && !phrase.isEmpty())
        phrase[0] = phrase.at(0).toLower(); // an unnamed speaker keeps its article: "the draft"
    a.speaker = phrase;
    return a;
}

// Reads an attribution out of tokens [lo, hi] (a clause outside the quote), the speech verb nearest to
// the quote first. `floorTok` bounds how far back a subject may be looked for.
Attribution Resolver::parseClauseBackward(int hi, int lo, int floorTok) const
{
    for (int v = hi; v >= lo; --v) {
        if (!isVerb(v))
            continue;
        const bool participle = SpeechVerbs::isParticiple(text(v));
        NounPhrase np = backwardNP(v - 1, floorTok);
        // "said Smith:" names the speaker after the verb; "..., calling it “a disgrace”" does not:
        // a participle's speaker is the subject of an earlier verb or of the sentence.
        if (np.kind == NounPhrase::Kind::None && !participle)
            np = forwardNP(v + 1, hi);
        if (np.kind != NounPhrase::Kind::None)
            return resolveNP(np, v);
        if (!participle)
            break;
        for (int k = floorTok; k < v; ++k) {
            const int mi = m_tokens[size_t(k)].mention;
            if (mi < 0)
                continue;
            const Mention &m = m_mentions[size_t(mi)];
            if (m.type == Mention::Type::Person && !m.object && !m.possessive && !m.modifier) {
                if (std::any_of(
                        m_tokens.begin() + k, m_tokens.begin() + v,
                        [this, &m_ = m_tokens](const Token &t) { return isVerb(int(&t - m_.data())); }))
                    break; // an earlier verb will be tried next
                NounPhrase subject;
                subject.kind = NounPhrase::Kind::Name;
                subject.mention = mi;
                subject.firstTok = m.nameFirstTok;
                subject.lastTok = m.lastTok;
                return resolveNP(subject, v);
            }
            k = m.lastTok;
        }
    }
    for (int k = lo; k < hi; ++k) {
        if (m_tokens[size_t(k)].word && isOneOf(text(k), { "according"_L1 })
            && isOneOf(text(k + 1), { "to"_L1 })) {
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
    // “…,” he said / “…?” she asked / “…”, he said. A fragment running on into the sentence
    // (what it called “unrealistic” wage demands) has no attribution after it.
    qsizetype k = q.text.size() - 2;
    while (k > 0 && q.text.at(k).isSpace())
        --k;
    const QChar lastInner = k > 0 ? q.text.at(k) : QChar();
    const bool attributionPunct = lastInner == u',' || lastInner == u'?' || lastInner == u'!'
        || lastInner == u'\u2014' || lastInner == u'\u2013' || lastInner == u'-' || lastInner == u'\u2026';
    if (!attributionPunct && m_tokens[size_t(lo)].word)
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
    if (isOneOf(text(lo), { "according"_L1 }) && lo + 1 <= hi && isOneOf(text(lo + 1), { "to"_L1 }))
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
    std::vector<bool> focusOnly(count, false); // a guess that any attribution in the same run beats
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
            m_speakers.push_back({ pos, a.speaker, a.type });
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
                const QStringView w
                    = QStringView(m_body).sliced(a.speakerSpan->start, a.speakerSpan->length());
                if (isOneOf(w, { "he"_L1 }) && !m_gender.contains(a.speaker))
                    m_gender.insert(a.speaker, Gender::Male);
                else if (isOneOf(w, { "she"_L1 }) && !m_gender.contains(a.speaker))
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
        for (size_t nx = oi + 1; nx < count && nx <= oi + 4 && !done; ++nx) {
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
                    focusOnly[oi] = true;
                }
            }
            continue;
        }
        if (quoteAt(oi).kind == Quote::Kind::Partial) {
            // An unattributed fragment belongs to the subject of its sentence, if any.
            const int qa = m_qFirst[oi];
            for (int k = qa - 1; k >= 0 && m_tokens[size_t(k)].sentence == m_tokens[size_t(qa)].sentence;
                 --k) {
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
        if (continues(oi) && results[oi].found && !focusOnly[oi]
            && (!results[oi - 1].found || focusOnly[oi - 1]) && attributable(oi - 1)) {
            results[oi - 1] = results[oi];
            focusOnly[oi - 1] = false;
        }
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
