// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The resolver behind SpeakerResolver. Its parts:
//   SpeakerTokens.cpp        tokens, sentences, which quote each token is in, and the word predicates;
//   SpeakerMentions.cpp      the mention finder: runs of capitalised words, their name and roles;
//   SpeakerMentionKinds.cpp  each mention's kind: person, organisation, place or none;
//   SpeakerNounPhrases.cpp   the noun phrase read back or forward from a speech verb;
//   SpeakerAttribution.cpp   the attribution parser: the speech-verb clause after or before a quote,
//                            and its noun phrase turned into a speaker;
//   SpeakerCoreference.cpp   pronouns, role nouns and surnames to names; the sentence subjects and
//                            the person or organisation in focus;
//   SpeakerResolver.cpp      the rules that pick a speaker for each quote, in order.
// Internal to model/analysis.

#include "Analysis.h"
#include "Article.h"
#include "Lexicon.h"
#include "NameHeuristics.h"
#include "SpeechVerbs.h"
#include "TokenStream.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <bit>
#include <initializer_list>
#include <optional>
#include <vector>

namespace Lede::Speakers {

using Gender = NameHeuristics::Gender;

bool isOneOf(QStringView w, std::initializer_list<QLatin1StringView> words);
bool isSentenceEnd(QChar c);
// A closing quotation mark: ” " », or ’ ' when the quote opened with a single mark.
bool isClosingMark(QChar c, const QString &quoteText);
// Whether a quote's text ends with its closing mark (a quote open at a paragraph end does not).
bool quoteClosed(const QString &quoteText);

// An exact (case-sensitive) set of views into a text that outlives it: open addressing over FNV-1a,
// no allocation per word (a QSet<QString> of an article's lower-case words was ~4% of the analysis).
class ViewSet final
{
public:
    explicit ViewSet(size_t expected = 0)
    {
        m_table.resize(std::bit_ceil(std::max<size_t>(16, expected * 2)));
    }
    void insert(QStringView w)
    {
        if ((m_count + 1) * 2 > m_table.size())
            grow();
        place(m_table, w, WordSet::hash(std::u16string_view(w.utf16(), size_t(w.size()))));
    }
    bool contains(QStringView w) const
    {
        const quint64 h = WordSet::hash(std::u16string_view(w.utf16(), size_t(w.size())));
        const size_t mask = m_table.size() - 1;
        for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
            const Slot &s = m_table[i];
            if (!s.data)
                return false;
            if (s.hash == h && s.size == w.size() && std::equal(w.begin(), w.end(), s.data))
                return true;
        }
    }

private:
    struct Slot
    {
        const QChar *data = nullptr;
        qsizetype size = 0;
        quint64 hash = 0;
    };
    void place(std::vector<Slot> &table, QStringView w, quint64 h)
    {
        const size_t mask = table.size() - 1;
        for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
            Slot &s = table[i];
            if (!s.data) {
                s = { w.data(), w.size(), h };
                ++m_count;
                return;
            }
            if (s.hash == h && s.size == w.size() && std::equal(w.begin(), w.end(), s.data))
                return;
        }
    }
    void grow()
    {
        std::vector<Slot> bigger(m_table.size() * 2);
        m_count = 0;
        for (const Slot &s : m_table)
            if (s.data)
                place(bigger, QStringView(s.data, s.size), s.hash);
        m_table = std::move(bigger);
    }
    std::vector<Slot> m_table;
    size_t m_count = 0;
};

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
    // The same roles as the phrases a reader would quote, lower case: "secretary of state", "top
    // diplomat", "chief engineer". Reported with the speaker (Insights' Sources "roles").
    QStringList rolePhrases;
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
    // Not found, but the quote's own sentence has its speech verb and subject ("…,” said someone at
    // the meeting): a speaker we cannot name, so no other quote's speaker may be borrowed.
    bool unnamed = false;
};

struct Event
{
    qsizetype pos = 0;
    QString name;
    Mention::Type type = Mention::Type::Unknown;
};

// Words that may stand between a speaker and the speech verb: "Blinken also said", "The draft was
// amended to say", "Smith has repeatedly said".
bool isBridgeWord(QStringView w);
// A noun naming a text that can speak: "report", "survey", "letter" (document-nouns.txt).
bool isDocumentNoun(QStringView w);
// A noun that names what a person does: a title, a title cue or a person noun's ending ("minister",
// "diplomat", "analyst"); not a comparative or a thing ("former", "paper").
bool isRoleHead(QStringView w);
bool isAux(QStringView w);
bool isFunctionWord(QStringView w);
// "Maryland-based", "London-born", "Kremlin-backed": lower case after the last hyphen, an adjective.
bool isHyphenAdjective(QStringView w);

class Resolver final
{
public:
    Resolver(const Article &article, const TokenStream &stream, QList<Quote> &quotes,
             const QList<Entity> &entities)
        : m_body(article.body)
        , m_article(article)
        , m_stream(stream)
        , m_quotes(quotes)
        , m_entities(entities)
    {
    }

    void run();
    // After run(): the role phrases of the mentions of each resolved speaker, and the role noun of an
    // attribution to "the minister".
    void collectRoles(QList<SpeakerRole> *roles) const;

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
            w.chop(w.endsWith(u's') || w.endsWith(u'S') ? 2 : 1); // "Lind's", "the ministers'"
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
        // After a determiner it is a noun: "the report said", "his reply", "a claim".
        if (!t.word || !t.lower)
            return false;
        if (SpeechVerbs::contains(text(tok)))
            return !(tok > 0 && isDeterminer(tok - 1)
                     && !isOneOf(text(tok - 1), { QLatin1StringView("that") }));
        // "as Lind put it", "the mayor put it bluntly:"
        if (isOneOf(text(tok), { QLatin1StringView("put"), QLatin1StringView("puts") })
            && size_t(tok) + 1 < m_tokens.size() && m_tokens[size_t(tok) + 1].word
            && text(tok + 1) == QLatin1StringView("it")) {
            // Not "put it on the market": punctuation, "simply" or "this way" follows.
            if (size_t(tok) + 2 >= m_tokens.size() || !m_tokens[size_t(tok) + 2].word)
                return true;
            const QStringView after = text(tok + 2);
            return after.endsWith(QLatin1StringView("ly")) || after == QLatin1StringView("this");
        }
        return isDocumentVerb(tok); // "the survey found"
    }
    // "found", "shows" right after a document noun: "the survey found", "the report shows".
    bool isDocumentVerb(int tok) const;
    bool isPronoun(int tok) const
    {
        static const WordSet set = Lexicon::folded(u"speaker-pronouns");
        return m_tokens[size_t(tok)].word && set.contains(text(tok));
    }
    bool isDeterminer(int tok) const
    {
        static const WordSet set = Lexicon::folded(u"speaker-determiners");
        return m_tokens[size_t(tok)].word && set.contains(text(tok));
    }

    void tokenize();
    void assignQuotesAndSentences();
    void findMentions();
    void classifyMentions();
    void learnGenderFromNextSentence();
    // Title words that are the last name of a person in the article ("Tova King").
    QSet<QString> titleSurnames() const;
    void addRolePhrase(Mention &m, int firstTok, int lastTok) const;
    void collectSubjectEvents();

    void repairRecogniserReadings();
    bool personRoleAfter(int tok) const;
    Gender pronounAfterVerb(int tok) const;
    int personBeforeAppositive(int firstTok, int lo) const;

    Attribution parseAfter(int qi) const;
    Attribution attributionAfterFragment(int lo) const;
    Attribution parseBefore(int qi) const;
    Attribution accordingToInSentence(int qi) const;
    Attribution labelBefore(int qi) const;
    Attribution parseClauseBackward(int hi, int lo, int floorTok) const;
    NounPhrase backwardNP(int j, int lo) const;
    NounPhrase backwardNPCore(int j, int lo) const;
    // The name of a mention, without its titles, as the phrase an attribution points at.
    NounPhrase nameNP(int mention) const;
    // A title held of what follows ("Minister of Works", "CEO of Norvik"): a role, not a name.
    bool titleOfRun(const Mention &m) const;
    Attribution clauseSubject(int first, int v) const;
    int openerComma(int first, int v) const;
    int personBeforeOf(int j, int lo) const;
    NounPhrase forwardNP(int j, int hi) const;
    // The person named right after an organisation (or an untyped name) and its title words
    // ("Harbour Institute director Malvern"): that person's mention, or -1.
    int titledPersonAfter(const Mention &org, int hi) const;
    Attribution resolveNP(const NounPhrase &np, int verbTok) const;
    static bool isSpeakerNoun(const QString &head);
    std::optional<Event> focusPerson(qsizetype pos, Gender gender) const;
    // "a reporter asked Ada Lind, “…?”" before `tok`: the person asked (her canonical name), when her
    // gender fits.
    std::optional<QString> personAskedBefore(int tok, Gender gender) const;
    // "It will be chaired by Ada Lind. She said …": the one person the sentence before the pronoun at
    // `tok` names, when its own sentence names none and the gender fits.
    std::optional<QString> lonePersonBefore(int tok, Gender gender) const;
    std::optional<Event> focusOrg(qsizetype pos) const;
    const Entity *entityAt(qsizetype start, qsizetype end) const;
    Span npSpan(const NounPhrase &np) const;
    bool nounCompound(const NounPhrase &np, int verbTok) const;
    bool isTellVerb(int tok) const;

    const QString &m_body;
    const Article &m_article;
    const TokenStream &m_stream; // the article's shared tokens, which tokenize() reads
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
    QHash<QString, std::vector<int>> m_roleIndex; // role word -> mentions, in reading order
    QHash<QString, std::vector<int>> m_orgNameIndex; // lower-case word of an organisation's name
    std::vector<int> m_orgMentions; // organisations named in the reporter's text
    std::vector<const Entity *> m_sortedEntities;
};

} // namespace Lede::Speakers
