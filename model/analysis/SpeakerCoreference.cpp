// SPDX-License-Identifier: GPL-3.0-or-later
// Pronouns, role nouns and names to speakers; the focus (see SpeakerParts.h).
#include "SpeakerParts.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

namespace {

// A singular noun for one person from the lexicons, never a guess from its ending: a speaker noun,
// title or title cue ("the waiter", "the mayor", "Lund's aunt"), not "the river", "the freezer" or
// "the officials". Gives the gender that kin nouns carry ("uncle", "aunt").
bool isSingularPersonNoun(const QString &head, Gender *gender)
{
    static const WordSet speakerNouns = Lexicon::folded(u"speaker-nouns");
    static const WordSet titleCues = Lexicon::folded(u"ner-title-cues");
    static const WordSet plurals = Lexicon::folded(u"irregular-plurals");
    static const WordSet male = Lexicon::folded(u"person-nouns-male");
    static const WordSet female = Lexicon::folded(u"person-nouns-female");
    if (plurals.contains(head) || isDocumentNoun(head))
        return false;
    *gender = male.contains(head) ? Gender::Male : female.contains(head) ? Gender::Female : Gender::Unknown;
    return *gender != Gender::Unknown || speakerNouns.contains(head) || titleCues.contains(head)
        || NameHeuristics::isTitle(head);
}

// The latest event before `pos` that `matches`: the nearest sentence subject or quoted speaker. Both
// walks are capped: focus that lies hundreds of events back is no focus, and the cap keeps a huge
// body linear.
template<typename Matches>
std::optional<Event> latestEvent(const std::vector<Event> &subjects, const std::vector<Event> &speakers,
                                 qsizetype pos, Matches matches)
{
    constexpr int kMaxWalk = 400;
    const Event *best = nullptr;
    auto it = std::lower_bound(subjects.begin(), subjects.end(), pos,
                               [](const Event &e, qsizetype p) { return e.pos < p; });
    for (int walked = 0; it != subjects.begin() && walked < kMaxWalk; ++walked) {
        --it;
        if (matches(*it)) {
            best = &*it;
            break;
        }
    }
    int walked = 0;
    for (auto s = speakers.rbegin(); s != speakers.rend() && walked < kMaxWalk; ++s, ++walked) {
        if (s->pos < pos && matches(*s)) {
            if (!best || s->pos > best->pos)
                best = &*s;
            break;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

} // namespace

// Where the text contradicts the entity recogniser on a mention, the text wins.
void Resolver::repairRecogniserReadings()
{
    // The recogniser's name may keep a title the resolver read apart ("Passenger Eva Lindqvist"), and
    // may call a company in apposition to an organisation noun a person ("The ferry's operator,
    // Gotlandslinjen,"): the text's reading wins for every mention of that name.
    QHash<QString, QString> untitled;
    QSet<QString> orgs;
    for (const Mention &m : m_mentions) {
        if (m.type != Mention::Type::Person || m.inQuote)
            continue;
        const QString prefix
            = m_body.mid(m_tokens[size_t(m.firstTok)].start,
                         m_tokens[size_t(m.nameFirstTok)].start - m_tokens[size_t(m.firstTok)].start);
        if (m.nameFirstTok > m.firstTok && m.canonical.startsWith(prefix) && m.nameTokens.size() >= 2)
            untitled.insert(m.canonical, m.canonical.mid(prefix.size()));
        // "the firm Gotlandslinjen", "the ferry's operator"; not "the quiet but firm Lund".
        const int head = m.firstTok - 1;
        if (m.nameTokens.size() == 1 && m.nameFirstTok == m.firstTok && NameHeuristics::isOrgNoun(m.roleHead)
            && head >= 1 && !isOneOf(text(head - 1), { "but"_L1, "and"_L1, "yet"_L1, "or"_L1 }))
            orgs.insert(m.canonical);
    }
    for (Mention &m : m_mentions) {
        if (const auto it = untitled.constFind(m.canonical); it != untitled.constEnd())
            m.canonical = *it;
        if (m.type == Mention::Type::Person && orgs.contains(m.canonical))
            m.type = Mention::Type::Org;
    }

    // The recogniser may call a person an organisation; the text says otherwise when the name is
    // followed by a person's role ("Ada Lind, a senior scientist at …") or is "he"/"she" in the
    // same breath ("Lind said she …"). Every mention of that name is the person.
    QSet<QString> persons;
    for (Mention &m : m_mentions) {
        if (m.type != Mention::Type::Org || m.inQuote || m.nameTokens.size() < 2 || m.nameTokens.size() > 3)
            continue;
        bool nameLike = true;
        for (const QString &w : std::as_const(m.nameTokens))
            nameLike = nameLike && !NameHeuristics::isOrgWord(w) && !NameHeuristics::isOrgNoun(w.toLower())
                && std::all_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetter() || c == u'-'; });
        if (nameLike && (personRoleAfter(m.lastTok) || pronounAfterVerb(m.lastTok) != Gender::Unknown))
            persons.insert(m.canonical.isEmpty() ? m.name : m.canonical);
    }
    // A one-word name the recogniser calls an organisation is a person when, in two sentences or more,
    // it is a subject and the first pronoun after it, before any other noun phrase, is "she", "he", or
    // "her" or "his" after a preposition ("Lind had surgery on her knee"), more than twice as often as
    // "its", "they" or "their" ("it" is an object too: "she made it").
    QHash<QString, int> gendered;
    QHash<QString, int> neuter;
    for (const Mention &m : m_mentions) {
        // The name must be a subject: "At Norvik, she leads the team" says nothing of Norvik.
        if (m.type != Mention::Type::Org || m.inQuote || m.nameTokens.size() != 1 || m.possessive || m.object)
            continue;
        const QString &w = m.nameTokens.first();
        if (NameHeuristics::isOrgWord(w) || NameHeuristics::isOrgNoun(w.toLower())
            || !std::all_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetter() || c == u'-'; }))
            continue;
        const QString key = m.canonical.isEmpty() ? m.name : m.canonical;
        const int sentence = m_tokens[size_t(m.lastTok)].sentence;
        for (int k = m.lastTok + 1, words = 0; k < int(m_tokens.size()) && words < 10; ++k) {
            const Token &t = m_tokens[size_t(k)];
            if (t.sentence != sentence || t.quote >= 0 || (t.mention >= 0 && t.upper))
                break;
            if (!t.word)
                continue;
            ++words;
            const QStringView v = text(k);
            // "her" and "his" count after a preposition ("surgery on her knee"); after a verb they
            // may be someone else's ("Norvik denied her claims", "Norvik hired her").
            const bool possessive = isOneOf(v, { "her"_L1, "his"_L1 }) && k > m.lastTok + 1
                && m_tokens[size_t(k - 1)].word
                && isOneOf(text(k - 1),
                           { "on"_L1, "in"_L1, "with"_L1, "to"_L1, "for"_L1, "of"_L1, "at"_L1, "about"_L1,
                             "from"_L1, "by"_L1, "into"_L1 });
            if (possessive || isOneOf(v, { "she"_L1, "herself"_L1, "he"_L1, "himself"_L1 })) {
                ++gendered[key];
                break;
            }
            if (isOneOf(v, { "its"_L1, "itself"_L1, "they"_L1, "their"_L1 })) {
                ++neuter[key];
                break;
            }
            // Another person in between takes the pronoun: "Norvik signed the striker and he …",
            // "Norvik sold him after he …", "Norvik denied her claims".
            if (isDeterminer(k) || isOneOf(v, { "him"_L1, "them"_L1, "her"_L1, "his"_L1 }))
                break;
        }
    }
    for (auto it = gendered.cbegin(); it != gendered.cend(); ++it)
        if (it.value() >= 2 && it.value() > 2 * neuter.value(it.key()))
            persons.insert(it.key());
    for (Mention &m : m_mentions)
        if (m.type == Mention::Type::Org && persons.contains(m.canonical.isEmpty() ? m.name : m.canonical))
            m.type = Mention::Type::Person;
}

// ", a senior scientist with …", ", the director of …": a person's role in apposition after `tok`.
bool Resolver::personRoleAfter(int tok) const
{
    const int n = int(m_tokens.size());
    int k = tok + 1;
    if (k + 1 >= n || !isPunct(k, u','))
        return false;
    ++k;
    if (isDeterminer(k))
        ++k;
    QStringView head;
    for (int words = 0; k < n && words < 5 && m_tokens[size_t(k)].word && m_tokens[size_t(k)].lower;
         ++k, ++words) {
        const QStringView w = text(k);
        if (isFunctionWord(w) || isAux(w) || SpeechVerbs::contains(w))
            break;
        head = w;
    }
    return !head.isEmpty() && isRoleHead(head) && !NameHeuristics::isOrgNoun(head);
}

// "… said she", "… says that he": the gender of the pronoun right after the speech verb after `tok`.
Gender Resolver::pronounAfterVerb(int tok) const
{
    const int n = int(m_tokens.size());
    int k = tok + 1;
    if (k < n && m_tokens[size_t(k)].word && isOneOf(text(k), { "also"_L1 }))
        ++k;
    if (k >= n || !isVerb(k) || m_tokens[size_t(k)].quote >= 0)
        return Gender::Unknown;
    ++k;
    if (k < n && m_tokens[size_t(k)].word && isOneOf(text(k), { "that"_L1 }))
        ++k;
    if (k >= n || !m_tokens[size_t(k)].word || m_tokens[size_t(k)].quote >= 0)
        return Gender::Unknown;
    if (isOneOf(text(k), { "he"_L1 }))
        return Gender::Male;
    if (isOneOf(text(k), { "she"_L1 }))
        return Gender::Female;
    return Gender::Unknown;
}

std::optional<Event> Resolver::focusPerson(qsizetype pos, Gender gender) const
{
    return latestEvent(m_subjects, m_speakers, pos, [&](const Event &e) {
        if (e.type != Mention::Type::Person)
            return false;
        if (gender == Gender::Unknown)
            return true;
        const Gender g = m_gender.value(e.name, Gender::Unknown);
        return g == Gender::Unknown || g == gender;
    });
}

std::optional<QString> Resolver::lonePersonBefore(int tok, Gender gender) const
{
    const int sentence = m_tokens[size_t(tok)].sentence;
    const int para = m_tokens[size_t(tok)].para;
    int previous = -1;
    std::optional<QString> person;
    for (int k = tok - 1; k >= 0 && k > tok - 80; --k) {
        const Token &t = m_tokens[size_t(k)];
        if (t.para < para - 1 || t.quote >= 0)
            continue;
        if (previous < 0 && t.sentence < sentence)
            previous = t.sentence;
        if (previous >= 0 && t.sentence < previous)
            break;
        // "The duchess said she had called … Lady Ada Berg": someone else is already in focus there.
        if (previous >= 0 && t.word && isOneOf(text(k), { "he"_L1, "she"_L1 }))
            return std::nullopt;
        const int mi = t.mention;
        if (mi < 0 || m_mentions[size_t(mi)].lastTok != k)
            continue;
        const Mention &m = m_mentions[size_t(mi)];
        if (previous >= 0 && m.bareTitle)
            return std::nullopt;
        if (m.type != Mention::Type::Person || m.bareTitle || m.inQuote)
            continue;
        if (previous < 0)
            return std::nullopt; // the pronoun's own sentence names someone: the other rules decide
        // "Lund's aunt opens the door": the sentence is about someone unnamed, not Lund.
        if (m.possessive && k + 1 < tok && m_tokens[size_t(k + 1)].word && m_tokens[size_t(k + 1)].lower
            && isSpeakerNoun(text(k + 1).toString().toLower()))
            return std::nullopt;
        const QString name = m.canonical.isEmpty() ? m.name : m.canonical;
        if (person && *person != name)
            return std::nullopt;
        person = name;
    }
    if (person) {
        const Gender g = m_gender.value(*person, Gender::Unknown);
        if (g != Gender::Unknown && g != gender)
            return std::nullopt;
    }
    return person;
}

std::optional<QString> Resolver::personAskedBefore(int tok, Gender gender) const
{
    // Back to the paragraph before at most, and not far: the question is the quote just before.
    constexpr int kMaxBack = 150;
    const int para = m_tokens[size_t(tok)].para;
    int previousPara = -1; // the paragraph before this one (paragraph numbers skip blank lines)
    for (int k = tok - 1; k > 0 && k >= tok - kMaxBack; --k) {
        const Token &t = m_tokens[size_t(k)];
        if (t.para != para && previousPara < 0)
            previousPara = t.para;
        if (previousPara >= 0 && t.para != previousPara)
            break;
        if (!t.word || t.quote >= 0 || !isOneOf(text(k), { "asked"_L1 }) || k + 1 >= int(m_tokens.size()))
            continue;
        const int m = m_tokens[size_t(k + 1)].mention;
        // A name the recogniser did not type counts: one asks people.
        if (m < 0 || m_mentions[size_t(m)].firstTok != k + 1
            || (m_mentions[size_t(m)].type != Mention::Type::Person
                && m_mentions[size_t(m)].type != Mention::Type::Unknown))
            return std::nullopt; // "asked whether", "asked the minister": nobody named
        const QString &name = m_mentions[size_t(m)].canonical;
        if (name.isEmpty())
            return std::nullopt;
        const Gender g = m_gender.value(name, Gender::Unknown);
        if (g != Gender::Unknown && g != gender)
            return std::nullopt;
        return name;
    }
    return std::nullopt;
}

std::optional<Event> Resolver::focusOrg(qsizetype pos) const
{
    return latestEvent(m_subjects, m_speakers, pos,
                       [](const Event &e) { return e.type == Mention::Type::Org; });
}

void Resolver::collectSubjectEvents()
{
    // The first person and the first organisation of each sentence that are not objects
    // ("Ahead of a meeting with X, Blinken said": X follows "with") take the focus.
    // A name in parentheses is an aside, not the sentence's subject: "(the album quotes a speech by
    // the physicist Tor Lund)".
    std::vector<bool> inParens(m_tokens.size(), false);
    for (size_t k = 0, open = 0; k < m_tokens.size(); ++k) {
        if (k > 0 && m_tokens[k].para != m_tokens[k - 1].para)
            open = 0;
        if (!m_tokens[k].word && m_body.at(m_tokens[k].start) == u'(')
            ++open;
        else if (!m_tokens[k].word && m_body.at(m_tokens[k].start) == u')' && open > 0)
            --open;
        inParens[k] = open > 0;
    }
    // After "he" or "she" in the same clause a name is no subject: "While she and Tor Lund sorted
    // the mail, she said …" keeps the focus on whoever "she" is. A comma ends the clause ("When he
    // left, Ada Lind took over").
    std::vector<bool> afterPronoun(m_tokens.size(), false);
    for (size_t k = 1; k < m_tokens.size(); ++k) {
        const Token &p = m_tokens[k - 1];
        const bool comma = !p.word && m_body.at(p.start) == u',';
        afterPronoun[k] = m_tokens[k].sentence == p.sentence && !comma
            && (afterPronoun[k - 1]
                || (p.word && p.quote < 0 && isOneOf(text(int(k - 1)), { "he"_L1, "she"_L1 })));
    }
    // A name in an opening phrase, when another person's name follows its comma, is not the subject:
    // "After a talk with her aunt Vera Holm, Ada Lind left the firm."
    std::vector<bool> inOpening(m_tokens.size(), false);
    bool commaSeen = false;
    auto isOpener = [this](size_t k) {
        return m_tokens[k].word
            && isOneOf(text(int(k)),
                       { "following"_L1, "after"_L1,   "before"_L1, "despite"_L1, "during"_L1, "since"_L1,
                         "with"_L1,      "without"_L1, "unlike"_L1, "like"_L1,    "amid"_L1,   "upon"_L1,
                         "on"_L1,        "in"_L1,      "at"_L1,     "for"_L1,     "from"_L1,   "as"_L1,
                         "although"_L1,  "though"_L1,  "when"_L1,   "while"_L1,   "once"_L1,   "until"_L1,
                         "because"_L1,   "if"_L1 });
    };
    for (size_t k = 0, first = 0; k < m_tokens.size(); ++k) {
        // A capitalised opener right after a lower-case word starts a sentence whose break was lost
        // (a caption run into the text: "… a steep slope Following his father's death, Ada …").
        if (k == 0 || m_tokens[k].sentence != m_tokens[k - 1].sentence
            || (m_tokens[k].upper && m_tokens[k - 1].word && m_tokens[k - 1].lower && m_tokens[k].quote < 0
                && isOpener(k))) {
            first = k;
            commaSeen = false;
        }
        if (m_tokens[k].word || m_body.at(m_tokens[k].start) != u',' || k + 1 >= m_tokens.size())
            continue;
        const bool firstComma = !commaSeen;
        commaSeen = true;
        // The sentence opens with a preposition or a conjunction: not "Ada Lind met her counterpart,
        // Tor Lund, …".
        const bool opener = isOpener(first);
        const int next = m_tokens[k + 1].mention;
        if (firstComma && opener && next >= 0 && m_mentions[size_t(next)].firstTok == int(k + 1)
            && m_mentions[size_t(next)].type == Mention::Type::Person)
            for (size_t j = first; j < k; ++j)
                inOpening[j] = true;
    }
    int personSentence = -1;
    int orgSentence = -1;
    for (const Mention &m : m_mentions) {
        const Token &t = m_tokens[size_t(m.firstTok)];
        if (m.inQuote || t.inBlock || m.object || m.possessive || m.bareTitle || m.modifier
            || inParens[size_t(m.firstTok)]
            || (m.type == Mention::Type::Person
                && (afterPronoun[size_t(m.firstTok)] || inOpening[size_t(m.firstTok)])))
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
        // "…, noted Kostro Miller.": the speaker after the verb takes the focus where the name stands.
        if (ti > sentenceStart && ti + 1 < int(m_tokens.size()) && isPunct(ti - 1, u',')) {
            int hi = ti + 1;
            while (hi + 1 < int(m_tokens.size()) && m_tokens[size_t(hi + 1)].sentence == sentence
                   && m_tokens[size_t(hi + 1)].quote < 0 && hi - ti < 8)
                ++hi;
            const NounPhrase after = forwardNP(ti + 1, hi);
            if (after.kind == NounPhrase::Kind::Name) {
                const Mention &m = m_mentions[size_t(after.mention)];
                const int next = m.lastTok + 1;
                if (m.type == Mention::Type::Person && !m.inQuote && next < int(m_tokens.size())
                    && !m_tokens[size_t(next)].word
                    && isSentenceEnd(m_body.at(m_tokens[size_t(next)].start))) {
                    m_subjects.push_back({ m_tokens[size_t(m.nameFirstTok)].start, m.canonical, m.type });
                    continue;
                }
            }
        }
        if (np.kind == NounPhrase::Kind::Name && m_mentions[size_t(np.mention)].type == Mention::Type::Org) {
            // "A spokesperson for the Ferry Union (FU) said": the unnamed person is the subject.
            int k = m_mentions[size_t(np.mention)].firstTok - 1;
            // Back over the rest of the name: "the Union of Fjord Workers (UFW)".
            while (k > sentenceStart
                   && (isPunct(k, u'(') || isPunct(k, u'\u2019') || m_tokens[size_t(k)].upper
                       || (m_tokens[size_t(k)].word && isOneOf(text(k), { "and"_L1, "of"_L1 })
                           && m_tokens[size_t(k - 1)].upper)))
                --k;
            if (k > sentenceStart && isOneOf(text(k), { "the"_L1 }))
                --k;
            if (k > sentenceStart && isOneOf(text(k), { "for"_L1, "of"_L1, "at"_L1 })
                && m_tokens[size_t(k - 1)].lower && isRoleHead(text(k - 1)) && k - 2 >= sentenceStart
                && isDeterminer(k - 2))
                m_subjects.push_back({ m_tokens[size_t(k - 2)].start,
                                       m_body
                                           .mid(m_tokens[size_t(k - 2)].start,
                                                m_tokens[size_t(k - 1)].end - m_tokens[size_t(k - 2)].start)
                                           .toLower(),
                                       Mention::Type::Person });
        }
        if (np.kind != NounPhrase::Kind::Common)
            continue; // names are already subjects above; pronouns keep the focus where it is
        const Attribution a = resolveNP(np, ti);
        if (!a.speaker.isEmpty() && (a.type == Mention::Type::Person || a.type == Mention::Type::Org))
            m_subjects.push_back({ a.focusPos, a.speaker, a.type });
        // "A spokesperson for the union said …": an unnamed person takes the focus too, so that a
        // later "he said" is not handed to someone named before.
        else if (!a.speaker.isEmpty() && a.type == Mention::Type::Unknown
                 && m_tokens[size_t(np.lastTok)].lower && isRoleHead(bareText(np.lastTok)))
            m_subjects.push_back({ a.focusPos, a.speaker, Mention::Type::Person });
    }
    // A sentence that opens with an unnamed person by role or kin ("The waiter returns with the wine",
    // "Lund's uncle reaches for his stick") makes that person the focus, so that a later "he says" is
    // not handed to someone named before.
    for (int k = 0; k < int(m_tokens.size()); ++k) {
        const Token &t = m_tokens[size_t(k)];
        if (!t.word || t.quote >= 0 || t.inBlock || (k > 0 && m_tokens[size_t(k - 1)].sentence == t.sentence))
            continue;
        const int mi = t.mention;
        const bool possessor = mi >= 0 && m_mentions[size_t(mi)].firstTok == k
            && m_mentions[size_t(mi)].possessive && m_mentions[size_t(mi)].type != Mention::Type::Org;
        if (!possessor && !isOneOf(text(k), { "the"_L1 }))
            continue;
        const int first = possessor ? m_mentions[size_t(mi)].lastTok + 1 : k + 1;
        for (int h = first; h < first + 3 && h + 1 < int(m_tokens.size()); ++h) {
            const Token &w = m_tokens[size_t(h)];
            if (!w.word || !w.lower || w.possessive || w.sentence != t.sentence || w.quote >= 0)
                break;
            const QString head = text(h).toString().toLower();
            Gender gender = Gender::Unknown;
            if (!isSingularPersonNoun(head, &gender))
                continue;
            const Token &verb = m_tokens[size_t(h + 1)];
            if (!verb.word || !verb.lower || verb.sentence != t.sentence || isFunctionWord(text(h + 1))
                || isAux(text(h + 1)) || isDocumentNoun(text(h)) || NameHeuristics::isOrgNoun(head)
                || isSpeakerNoun(text(h + 1).toString().toLower()))
                break;
            NounPhrase np;
            np.kind = NounPhrase::Kind::Common;
            np.firstTok = k;
            np.lastTok = h;
            const Span span = npSpan(np);
            QString phrase = m_body.mid(span.start, span.end - span.start);
            if (!possessor) {
                const Attribution a = resolveNP(np, -1); // "the mayor" may be named in the article
                if (a.type == Mention::Type::Org)
                    break;
                phrase = a.speaker.isEmpty() ? phrase.front().toLower() + phrase.sliced(1) : a.speaker;
            }
            m_subjects.push_back({ t.start, phrase, Mention::Type::Person });
            if (gender != Gender::Unknown && !m_gender.contains(phrase))
                m_gender.insert(phrase, gender); // "the uncle" is never a later "she"
            break;
        }
    }
    std::stable_sort(m_subjects.begin(), m_subjects.end(),
                     [](const Event &a, const Event &b) { return a.pos < b.pos; });
}

// "Luccioni helped launch a website. She is also testing …": a sentence of the reporter that opens with
// "He" or "She" after a sentence naming one person, as its subject, gives that person's gender.
void Resolver::learnGenderFromNextSentence()
{
    int lastPersonSentence = -1; // the sentence and the one person named in it
    QString person;
    bool several = false;
    for (size_t k = 0; k < m_tokens.size(); ++k) {
        const Token &t = m_tokens[k];
        if (t.quote >= 0 || t.inBlock || !t.word)
            continue;
        const bool opens = k == 0 || m_tokens[k - 1].sentence != t.sentence;
        if (opens && t.upper && !several && lastPersonSentence >= 0 && t.sentence == lastPersonSentence + 1
            && !m_gender.contains(person)) {
            if (isOneOf(text(int(k)), { "he"_L1 }))
                m_gender.insert(person, Gender::Male);
            else if (isOneOf(text(int(k)), { "she"_L1 }))
                m_gender.insert(person, Gender::Female);
        }
        if (t.mention < 0)
            continue;
        const Mention &m = m_mentions[size_t(t.mention)];
        k = size_t(std::max<int>(int(k), m.lastTok));
        if (m.inQuote || (m.type != Mention::Type::Person && m.type != Mention::Type::Unknown) || m.bareTitle)
            continue;
        if (m.type == Mention::Type::Unknown)
            continue; // an untyped name may be an organisation; it still counts as no second person
        const QString &name = m.canonical.isEmpty() ? m.name : m.canonical;
        if (lastPersonSentence == t.sentence) {
            several = several || name != person;
        } else {
            lastPersonSentence = t.sentence;
            person = name;
            several = m.object || m.possessive;
        }
    }
}

} // namespace Lede::Speakers
