// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the entity recognizer: one article's tokens, token information and mentions while
// the recognizer works on them. EntityRecognizer.cpp runs the steps (tagging, titled names,
// nationalities, output); EntityCues.cpp finds company context; EntityBlocks.cpp reads bylines, credits and
// datelines, OrgSpanRepair.cpp repairs organisation spans, EntityUnifier.cpp groups the mentions of one
// entity. The word lists behind the predicates below are in resources/lexicon/ (EntityWords.cpp).

#include "Analysis.h"
#include "Article.h"
#include "analysis/Gazetteer.h"
#include "analysis/NerFeatures.h"
#include "analysis/Perceptron.h"
#include "analysis/TokenStream.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>
#include <vector>

namespace Lede::EntityParts {

using namespace Ner;

inline Entity::Type typeOf(Kind k)
{
    switch (k) {
    case Kind::Per:
        return Entity::Type::Person;
    case Kind::Org:
        return Entity::Type::Org;
    case Kind::Loc:
        return Entity::Type::Loc;
    case Kind::Misc:
    case Kind::None:
        break;
    }
    return Entity::Type::Misc;
}

inline bool isNameType(Entity::Type t)
{
    return t == Entity::Type::Person || t == Entity::Type::Org || t == Entity::Type::Loc
        || t == Entity::Type::Misc;
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

inline bool isTerminal(QStringView w)
{
    return TokenStream::isTerminal(w);
}
inline bool isClosing(QStringView w)
{
    return TokenStream::isClosing(w);
}
inline bool isDash(QStringView w)
{
    return w == u"-" || w == u"–" || w == u"—" || w == u"--";
}
inline bool isPossessive(QStringView w)
{
    return TokenStream::isPossessive(w);
}
inline bool isPunct(QStringView w)
{
    return TokenStream::isPunct(w);
}

bool isAgency(QStringView w);
bool isCreditWord(QStringView w); // roles in byline and credit lines, not names
bool isNameParticle(QStringView w);
bool isOrgHead(QStringView w);
bool isCompanySuffix(QStringView w);
// A legal suffix as written after a comma ("Tarvell Pinecrest, LLC"): any but two capitals alone,
// which after a comma are far more often a state or a province ("Calgary, AB", "Reno, NV").
bool isCommaCompanySuffix(QStringView w);
bool isSentenceOpener(QStringView w);
bool isCalendarWord(QStringView w);
bool isCompanyEnd(QStringView w);
bool isFunctionWord(QStringView w);
bool isMatchVerb(QStringView w); // "beat", "drew": a result between two teams
bool isMatchMargin(QStringView w); // "wickets", "runs": "beat X by six wickets"
bool isDismissalWord(QStringView w); // "c", "b", "lbw": a cricket scorecard's batting line
bool isPriceMoveVerb(QStringView w); // "rose", "gained": a share price's move
bool isPriceUnit(QStringView w); // "pence", "percent": the unit of a price's move
bool isMatchNoun(QStringView w); // "match", "final": "the match between A and B"
bool isSurnameHead(QStringView w); // an organisation head that is also a surname ("Steel", "Mines")
bool isScorerLabel(QStringView w); // "Scorers": a match summary's line of scorers
// "chairman", "shareholders": "Kestrel's chairman", "chairman of Kestrel"
bool isOrgMemberNoun(QStringView w);
bool isOrgPossessiveNoun(QStringView w); // "shareholders": "Kestrel's shareholders" (no person has them)
bool isOrgStaffNoun(QStringView w); // "analyst", "economist": "an analyst at Kestrel"
bool isOrgKindNoun(QStringView w); // "union", "carmaker": "the Kestrel union", "the carmaker Kestrel"
bool isOrgBeforeWord(QStringView w); // "ruling", "opposition": "the opposition Unity Party"
bool isOrgDefinitionVerb(QStringView w); // "is", "became": "Kestrel is a shipping company"
bool isOrgDefinitionAfter(QStringView w); // "of", "based": may follow the head of a definition
bool isOrgDefinitionKind(QStringView w); // "company", "bank": a kind only organisations are
bool isPlacePreposition(QStringView w); // "in", "from": before a place name
bool isStormWord(QStringView w); // "Hurricane", "Typhoon": a storm's name follows
bool isEventHead(QStringView w); // "Open", "Cup": the last word of an event's name

class Document
{
public:
    // `tokens` is the stream of article.body (Analyzer builds it once for all passes).
    Document(const Article &article, const TokenStream &tokens, const PerceptronModel *model)
        : m_body(article.body)
        , m_stream(tokens)
        , m_model(model)
        , m_extractor(model ? model->extractor() : FeatureExtractor(nullptr))
        , m_tokens(tokens.spans())
    {
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
    QStringView word(int i) const
    {
        return QStringView(m_body).sliced(m_tokens[i].start, m_tokens[i].length());
    }
    bool newlineBefore(int i) const { return i <= 0 || m_stream.has(i, TokenStream::NewParagraph); }
    int firstTokenAtOrAfter(qsizetype pos) const { return m_stream.firstAtOrAfter(pos); }
    bool upper(int i) const { return !word(i).isEmpty() && word(i)[0].isUpper(); }
    // "St. Louis", "St Helens": the first token of "St."/"St" right before token i, else -1.
    int saintBefore(int i) const
    {
        if (i >= 1 && !newlineBefore(i) && (word(i - 1) == u"St." || word(i - 1) == u"St"))
            return i - 1;
        if (i >= 2 && !newlineBefore(i) && word(i - 1) == u"." && word(i - 2) == u"St")
            return i - 2;
        return -1;
    }
    bool isBlock(int i, Block::Kind k) const { return m_kind[size_t(i)] == int(k); }
    bool structural(int i) const
    {
        return isBlock(i, Block::Kind::Byline) || isBlock(i, Block::Kind::Credit)
            || isBlock(i, Block::Kind::Dateline);
    }

    void findFallbackBlocks();
    void readNameList(int from, int to);
    void readDateline(int from, int to);
    bool isSectionLabel(int to) const;
    bool isPlaceDateLine(int from, int to) const;
    void tagSentences();
    void addModelMention(int tb, int te, Entity::Type type, bool heading);
    void addNationalities();
    void addTitledNames();
    void repairOrgSpans();
    void markTeams();
    void markScorecards();
    void addAcronyms();
    void addInitialisms();
    void addCompanyCues();
    void addSpeakingPeople();
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
    const TokenStream &m_stream;
    const PerceptronModel *m_model;
    FeatureExtractor m_extractor;
    const QList<Span> &m_tokens; // m_stream's spans
    int m_n = 0;
    std::vector<TokenFacts> m_info; // what the rules read of each token's TokenInfo
    std::vector<int> m_kind; // Block::Kind of each token, -1 when in running text
    std::vector<bool> m_covered;
    std::vector<bool> m_nameWord; // capitalised word, not a weekday or month (set by repairOrgSpans)
    std::vector<bool> m_heading; // heading-like sentence (Heading block or all caps)
    std::vector<Mention> m_mentions;
    std::vector<Mention> m_tentative; // tagged in headings; kept only if confirmed by the body
    QList<Entity> m_rules;
    QSet<quint64> m_orgCues; // phrases the article treats as companies (addCompanyCues)
    QSet<quint64> m_stormNames; // names after "Hurricane", "Typhoon" (addModelMention): events
};

} // namespace Lede::EntityParts
