// SPDX-License-Identifier: GPL-3.0-or-later
// Noun phrases of SpeakerResolver (see SpeakerParts.h): the phrase before or after a speech verb,
// read back or forward from the verb.
#include "SpeakerParts.h"

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

// ---------------------------------------------------------------------------------------------
// Noun phrases

// The person mention that ends right before "of" at or before `j`, with only the words of an
// organisation's name in between ("Globe", "and", "The"); -1 if there is none.
int Resolver::personBeforeOf(int j, int lo) const
{
    while (j >= lo && m_tokens[size_t(j)].word) {
        const Token &t = m_tokens[size_t(j)];
        if (t.mention >= 0) {
            const Mention &m = m_mentions[size_t(t.mention)];
            if (m.type == Mention::Type::Person || m.possessive)
                return -1;
            j = m.firstTok - 1;
        } else if (isOneOf(text(j), { "and"_L1, "the"_L1 })) {
            --j;
        } else {
            break;
        }
    }
    if (j - 1 < lo || !m_tokens[size_t(j)].word || !isOneOf(text(j), { "of"_L1 }))
        return -1;
    const int mi = m_tokens[size_t(j - 1)].mention;
    if (mi < 0)
        return -1;
    const Mention &p = m_mentions[size_t(mi)];
    return p.type == Mention::Type::Person && p.lastTok == j - 1 && !p.possessive && !p.inQuote ? mi : -1;
}

// "Ada Lind, a scientist at Fjord University, said": the person before the comma whose role
// phrase the name at `firstTok` ends; -1 if there is none.
int Resolver::personBeforeAppositive(int firstTok, int lo) const
{
    bool role = false;
    for (int k = firstTok - 1; k >= lo && k > firstTok - 20; --k) {
        const Token &t = m_tokens[size_t(k)];
        if (t.quote >= 0 || t.para != m_tokens[size_t(firstTok)].para)
            return -1;
        if (t.word) {
            const QStringView w = text(k);
            if (isAux(w) || SpeechVerbs::contains(w) || isOneOf(w, { "who"_L1, "which"_L1 }))
                return -1;
            role = role || isRoleHead(w);
            continue;
        }
        if (!isPunct(k, u','))
            continue;
        if (!role || k - 1 < lo || k + 1 >= firstTok)
            return -1;
        const int mi = m_tokens[size_t(k - 1)].mention;
        if (mi < 0)
            return -1;
        const Mention &p = m_mentions[size_t(mi)];
        const bool opensWithRole
            = isDeterminer(k + 1) || m_tokens[size_t(k + 1)].lower || isRoleHead(text(k + 1));
        return p.type == Mention::Type::Person && p.lastTok == k - 1 && !p.possessive && !p.inQuote
                && opensWithRole
            ? mi
            : -1;
    }
    return -1;
}

bool Resolver::titleOfRun(const Mention &m) const
{
    return m.nameFirstTok > m.firstTok && isOneOf(text(m.nameFirstTok - 1), { "of"_L1 });
}

NounPhrase Resolver::nameNP(int mention) const
{
    const Mention &m = m_mentions[size_t(mention)];
    NounPhrase np;
    np.kind = NounPhrase::Kind::Name;
    np.mention = mention;
    np.firstTok = m.nameFirstTok;
    np.lastTok = m.lastTok;
    return np;
}

// "the treasurer of the Harbour Board said", "the head of the ferry firm put it": the person with the
// title, not the organisation or thing the title is of.
NounPhrase Resolver::backwardNP(int j, int lo) const
{
    NounPhrase np = backwardNPCore(j, lo);
    if (np.kind != NounPhrase::Kind::Name && np.kind != NounPhrase::Kind::Common)
        return np;
    // Auxiliaries may stand between the phrase and the verb: "readers who never met her may wonder".
    int end = j;
    while (end > np.lastTok && m_tokens[size_t(end)].word && m_tokens[size_t(end)].lower && isAux(text(end)))
        --end;
    if (np.lastTok != end)
        return np;
    // "A man who handed out the leaflet said": the verb's subject is the phrase the relative clause
    // hangs on, not a noun inside the clause.
    const int first
        = np.kind == NounPhrase::Kind::Name ? m_mentions[size_t(np.mention)].firstTok : np.firstTok;
    for (int r = first - 1; r - 1 >= lo && r >= first - 8; --r) {
        const Token &u = m_tokens[size_t(r)];
        // Nor across a conjunction into another clause: "… the volunteers who searched the woods and
        // police chief Ben Arlo said".
        // Nor past a verb of thinking when auxiliaries stood before the verb: "officials who expect the
        // senator will declare" (the senator speaks).
        static const WordSet clauseVerbs = Lexicon::folded(u"clause-object-verbs");
        if (!u.word || u.quote >= 0 || (u.lower && SpeechVerbs::contains(text(r)) && isVerb(r))
            || (u.lower && isOneOf(text(r), { "and"_L1, "but"_L1, "or"_L1 }))
            || (end != j && u.lower && clauseVerbs.contains(text(r))))
            break;
        if (!u.lower || !isOneOf(text(r), { "who"_L1 }))
            continue;
        if (!m_tokens[size_t(r - 1)].word || r + 1 >= first)
            break;
        const NounPhrase head = backwardNPCore(r - 1, lo);
        if ((head.kind == NounPhrase::Kind::Name || head.kind == NounPhrase::Kind::Common)
            && head.lastTok == r - 1)
            return head;
        break;
    }
    if (np.lastTok != j)
        return np;
    int k = np.firstTok - 1;
    if (np.kind == NounPhrase::Kind::Name)
        k = m_mentions[size_t(np.mention)].firstTok - 1;
    if (k >= lo && m_tokens[size_t(k)].word && isOneOf(text(k), { "the"_L1 }))
        --k;
    if (k - 1 < lo || !m_tokens[size_t(k)].word || !isOneOf(text(k), { "of"_L1 }))
        return np;
    const int title = k - 1;
    const Token &t = m_tokens[size_t(title)];
    const QStringView w = text(title);
    // A title may be an acronym the mention finder took for a name: "the CEO of the firm"; not before a
    // name ("CEO of the Harbour Board Ada Lind told …" is Ada Lind).
    const bool acronymTitle = t.allCaps && NameHeuristics::isTitle(w) && np.kind == NounPhrase::Kind::Common
        && (t.mention < 0 || m_mentions[size_t(t.mention)].firstTok == m_mentions[size_t(t.mention)].lastTok);
    if (!t.word || (!t.lower && !acronymTitle) || t.possessive || (t.mention >= 0 && !acronymTitle))
        return np;
    const QString lower = w.toString().toLower();
    if (!isRoleHead(w) || NameHeuristics::isOrgNoun(lower) || NameHeuristics::isOrgWord(w))
        return np;
    NounPhrase out;
    out.kind = NounPhrase::Kind::Common;
    out.lastTok = title;
    out.firstTok = title;
    // Back over the title's modifiers to its determiner: "the chief executive of …".
    for (int m = title - 1; m >= lo && m >= title - 3; --m) {
        const Token &u = m_tokens[size_t(m)];
        if (!u.word || u.possessive || (u.mention >= 0 && !m_mentions[size_t(u.mention)].bareTitle))
            break;
        if (isDeterminer(m)) {
            out.firstTok = m;
            break;
        }
        if (!u.lower || isFunctionWord(text(m)) || isAux(text(m)) || SpeechVerbs::contains(text(m)))
            break;
        out.firstTok = m;
    }
    return out;
}

NounPhrase Resolver::backwardNPCore(int j, int lo) const
{
    NounPhrase np;
    int skipped = 0;
    bool skippedTo = false;
    const int first = j;
    while (j >= lo && skipped < 10) {
        const Token &t = m_tokens[size_t(j)];
        if (!t.word) {
            const QChar c = m_body.at(t.start);
            if (c == u',' || c == u'\u2014' || c == u'\u2013' || c == u')') {
                const QChar open = c == u')' ? u'(' : c;
                // A parenthetical between commas: a name wins ("the head of the authority, Peter
                // Holm, said"), anything else is skipped ("Holm, the chief engineer, said").
                int k = j - 1;
                while (k >= lo && k > j - 24
                       && !(!m_tokens[size_t(k)].word && m_body.at(m_tokens[size_t(k)].start) == open))
                    --k;
                const int segFirst = k + 1;
                const int segLast = j - 1;
                if (segLast >= segFirst) {
                    // "…, Senator the Hon. Aubyn Hill, told": a person's name ends the segment.
                    if (const int last = m_tokens[size_t(segLast)].mention; last >= 0
                        && m_mentions[size_t(last)].lastTok == segLast
                        && (m_mentions[size_t(last)].type == Mention::Type::Person
                            || m_mentions[size_t(last)].type == Mention::Type::Unknown)
                        && m_mentions[size_t(last)].firstTok > segFirst && !m_mentions[size_t(last)].bareTitle
                        && !m_mentions[size_t(last)].object) {
                        return nameNP(last);
                    }
                    const int mi = m_tokens[size_t(segFirst)].mention;
                    if (mi >= 0 && m_mentions[size_t(mi)].firstTok == segFirst
                        && m_mentions[size_t(mi)].lastTok == segLast
                        && m_mentions[size_t(mi)].type != Mention::Type::Place) {
                        np.kind = NounPhrase::Kind::Name;
                        np.mention = mi;
                        np.firstTok = m_mentions[size_t(mi)].nameFirstTok;
                        np.lastTok = segLast;
                        // "Ada Lind, CEO of Norvik, said": the person, not the company of her role.
                        // "CEO of Norvik" is a title run before a company, not a person.
                        const Mention &sm = m_mentions[size_t(mi)];
                        if (const int p = sm.type == Mention::Type::Person && !titleOfRun(sm)
                                ? -1
                                : personBeforeAppositive(segLast + 1, lo);
                            p >= 0) {
                            np.mention = p;
                            np.firstTok = m_mentions[size_t(p)].nameFirstTok;
                            np.lastTok = m_mentions[size_t(p)].lastTok;
                        }
                        return np;
                    }
                }
                if (k < lo || k <= j - 24)
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
            // "A letter seen by Sky News says": the agent of a participle is not the subject.
            if (const int by = m.firstTok - (m.precededByThe ? 2 : 1); by - 1 >= lo
                && m_tokens[size_t(by)].word && isOneOf(text(by), { "by"_L1 })
                && m_tokens[size_t(by - 1)].word && m_tokens[size_t(by - 1)].lower
                && (text(by - 1).endsWith(u"ed") || text(by - 1).endsWith(u"en"))) {
                j = by - 2;
                skipped += 2;
                continue;
            }
            // "Ada Lind, director of the Fjord Institute, said": the person, not her employer.
            if (const int p = m.type == Mention::Type::Person ? -1 : personBeforeAppositive(m.firstTok, lo);
                p >= 0 && skipped > 0) {
                np.kind = NounPhrase::Kind::Name;
                np.mention = p;
                np.firstTok = m_mentions[size_t(p)].nameFirstTok;
                np.lastTok = m_mentions[size_t(p)].lastTok;
                return np;
            }
            // "Ada Lind of The Harbor and Coast Gazette said": the person before "of", not the
            // newspaper's last word.
            if (const int person = m.type == Mention::Type::Person ? -1 : personBeforeOf(m.firstTok - 1, lo);
                person >= 0)
                return nameNP(person);
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
        // "The new report said:", "The Tarvel report states:": a document noun right before the verb
        // is the subject's head, although "report" is a verb too.
        const bool documentHead
            = j == first && isDocumentNoun(w) && j + 1 < int(m_tokens.size()) && isVerb(j + 1);
        if (isFunctionWord(w)
            || (!documentHead && SpeechVerbs::contains(w) && (isVerb(j) || !m_tokens[size_t(j)].lower)))
            return np;
        if (isDeterminer(j))
            return np; // "called the “...”": a determiner with no noun is no speaker
        // A common noun phrase: walk back to its determiner.
        int k = j;
        int first = j;
        // "the popular and gifted singer": adjectives joined by "and" inside one phrase, when a
        // determiner opens it; otherwise the phrase starts after the "and".
        int beforeAnd = -1;
        int andTok = -1;
        // Only modifiers stand between the determiner and "and": "the very popular and gifted singer",
        // not "the crowd swelled and frustrated fans".
        auto modifier = [this](int tok) {
            const QStringView w = text(tok);
            static const QLatin1StringView adverbs[]
                = { "very"_L1, "still"_L1, "most"_L1, "more"_L1, "so"_L1, "too"_L1, "quite"_L1, "highly"_L1 };
            static const QLatin1StringView suffixes[]
                = { "ful"_L1,  "ous"_L1, "ive"_L1, "al"_L1, "ic"_L1,  "able"_L1,
                    "ible"_L1, "ent"_L1, "ant"_L1, "ar"_L1, "less"_L1 };
            for (auto a : adverbs)
                if (w == a)
                    return true;
            for (auto x : suffixes)
                if (w.size() > x.size() + 2 && w.endsWith(x))
                    return true;
            return false;
        };
        for (int steps = 0; k >= lo && steps < 8; --k, ++steps) {
            const Token &u = m_tokens[size_t(k)];
            if (!u.word)
                break;
            if (isDeterminer(k)) {
                first = k;
                for (int b = k + 1; b < andTok && beforeAnd >= 0; ++b)
                    if (!modifier(b))
                        first = beforeAnd;
                beforeAnd = -1;
                break;
            }
            const QStringView uw = text(k);
            if (beforeAnd < 0 && k < j - 1 && u.lower && isOneOf(uw, { "and"_L1 }) && k - 1 >= lo
                && m_tokens[size_t(k - 1)].word && m_tokens[size_t(k - 1)].lower
                && !isFunctionWord(text(k - 1)) && !isAux(text(k - 1))
                && !SpeechVerbs::contains(text(k - 1))) {
                beforeAnd = first;
                andTok = k;
                continue;
            }
            if (k < j && u.lower && (isFunctionWord(uw) || isAux(uw) || SpeechVerbs::contains(uw)))
                break;
            if (u.upper && u.mention < 0)
                break;
            first = k;
        }
        if (beforeAnd >= 0)
            first = beforeAnd;
        np.kind = NounPhrase::Kind::Common;
        np.firstTok = first;
        np.lastTok = j;
        return np;
    }
    return np;
}

int Resolver::titledPersonAfter(const Mention &org, int hi) const
{
    if (org.type != Mention::Type::Org && org.type != Mention::Type::Unknown)
        return -1;
    int t = org.lastTok + 1;
    while (t <= hi && t <= org.lastTok + 3 && m_tokens[size_t(t)].word && m_tokens[size_t(t)].lower
           && NameHeuristics::isTitle(bareText(t)))
        ++t;
    if (t == org.lastTok + 1 || t > hi || m_tokens[size_t(t)].mention < 0)
        return -1;
    const int pi = m_tokens[size_t(t)].mention;
    const Mention &p = m_mentions[size_t(pi)];
    // A name after a title word is a person even when nothing else types it.
    const bool person = p.type == Mention::Type::Person || p.type == Mention::Type::Unknown;
    return p.firstTok == t && person && !p.bareTitle && p.lastTok <= hi ? pi : -1;
}

NounPhrase Resolver::forwardNP(int j, int hi) const
{
    NounPhrase np;
    if (j > hi)
        return np;
    if (isPronoun(j)) {
        // "said it was damning": after the verb, "it" (and "they", "we") start the reported clause;
        // only "he" and "she" stand there as speakers ("…," said he).
        if (!isOneOf(text(j), { "he"_L1, "she"_L1 }))
            return np;
        np.kind = NounPhrase::Kind::Pronoun;
        np.firstTok = np.lastTok = j;
        return np;
    }
    const int start = j;
    const bool det = isDeterminer(j);
    if (det)
        ++j;
    int words = 0;
    // "Oslo-based shipping lawyer Ada Lind": a capitalised adjective goes with the noun.
    auto hyphenAdjective = [&](int tok) {
        return m_tokens[size_t(tok)].upper && m_tokens[size_t(tok)].mention < 0
            && isHyphenAdjective(text(tok));
    };
    while (j <= hi && words < 5) {
        const Token &t = m_tokens[size_t(j)];
        if (!t.word)
            break;
        if (hyphenAdjective(j)) {
            ++words;
            ++j;
            continue;
        }
        if (t.upper && t.mention >= 0) {
            const Mention &m = m_mentions[size_t(t.mention)];
            // "said one Harbour Party operative": the name qualifies the noun after it.
            if (const int noun = m.lastTok + 1; (det || words > 0) && m.type != Mention::Type::Person
                && noun <= hi && m_tokens[size_t(noun)].word && m_tokens[size_t(noun)].lower
                && !isFunctionWord(text(noun)) && !SpeechVerbs::contains(text(noun))
                && !isBridgeWord(text(noun)) && (noun + 1 > hi || !m_tokens[size_t(noun + 1)].upper)) {
                np.kind = NounPhrase::Kind::Common;
                np.firstTok = start;
                np.lastTok = noun;
                return np;
            }
            // "according to Harbour Institute director Malvern": the person, not the organisation.
            if (const int pi = words == 0 && !det ? titledPersonAfter(m, hi) : -1; pi >= 0)
                return nameNP(pi);
            np.kind = m.bareTitle ? NounPhrase::Kind::Common : NounPhrase::Kind::Name;
            np.mention = t.mention;
            np.firstTok = (m.bareTitle || (det && m.type == Mention::Type::Org && words == 0))
                ? start
                : m.nameFirstTok;
            np.lastTok = m.lastTok;
            return np;
        }
        // Right after a determiner a speech verb's bare form is a noun: "said the post", "said a report".
        const bool nounAfterDet = det && words == 0 && SpeechVerbs::contains(text(j))
            && !text(j).endsWith(u"ed") && !text(j).endsWith(u"ing");
        // After a determiner a bridge word is an adjective: "a later chancellor".
        if (!t.lower || isFunctionWord(text(j)) || (SpeechVerbs::contains(text(j)) && !nounAfterDet)
            || (isBridgeWord(text(j)) && !det))
            break;
        ++words;
        ++j;
    }
    if (words == 0)
        return np;
    // "declared a later mayor, Tor Lund,": the name in apposition is the speaker.
    if (j + 1 <= hi && isPunct(j, u',') && m_tokens[size_t(j + 1)].mention >= 0) {
        const Mention &m = m_mentions[size_t(m_tokens[size_t(j + 1)].mention)];
        if (m.firstTok == j + 1 && m.lastTok <= hi && !m.bareTitle
            && (m.type == Mention::Type::Person || m.type == Mention::Type::Unknown)
            && (m.lastTok + 1 > hi || !m_tokens[size_t(m.lastTok + 1)].word)) {
            np.kind = NounPhrase::Kind::Name;
            np.mention = m_tokens[size_t(j + 1)].mention;
            np.firstTok = m.nameFirstTok;
            np.lastTok = m.lastTok;
            return np;
        }
    }
    np.kind = NounPhrase::Kind::Common;
    np.firstTok = start;
    np.lastTok = j - 1;
    return np;
}

// A speech verb in its bare form right after a singular phrase with "a"/"an" is a noun of a
// compound, not the phrase's verb: "a blog post", "an online comment" (the verb would be "posts").
bool Resolver::nounCompound(const NounPhrase &np, int verbTok) const
{
    if (np.kind != NounPhrase::Kind::Common || np.lastTok + 1 != verbTok
        || !isOneOf(text(np.firstTok), { "a"_L1, "an"_L1 }))
        return false;
    const QStringView head = text(np.lastTok);
    static const WordSet nouns = Lexicon::folded(u"compound-speech-nouns");
    return nouns.contains(text(verbTok)) && !head.endsWith(u's') && !m_tokens[size_t(np.lastTok)].possessive;
}

// A fragment that the sentence runs on from, with the attribution after the next comma: There is
// “no appetite for it” in the north, said Ada Lind, … / The closure was “a real blow” to the town,
// an official said. The clause after the comma opens with the verb or with its subject.
Attribution Resolver::attributionAfterFragment(int lo) const
{
    const int n = int(m_tokens.size());
    const int sentence = m_tokens[size_t(lo)].sentence;
    int comma = -1;
    int words = 0;
    for (int k = lo; k < n && words <= 12; ++k) {
        const Token &t = m_tokens[size_t(k)];
        if (t.quote >= 0 || t.sentence != sentence)
            return {};
        if (t.word) {
            ++words;
            continue;
        }
        if (isSentenceEnd(m_body.at(t.start)) || m_body.at(t.start) == u';')
            return {};
        if (m_body.at(t.start) == u',') {
            comma = k;
            break;
        }
    }
    if (comma < 0)
        return {};
    const int lo2 = comma + 1;
    for (int v = lo2; v < n && v <= lo2 + 4; ++v) {
        const Token &t = m_tokens[size_t(v)];
        if (t.quote >= 0 || t.sentence != sentence || !t.word)
            return {};
        if (!isVerb(v))
            continue;
        int hi = v;
        while (hi + 1 < n && hi - v < 24 && m_tokens[size_t(hi + 1)].sentence == sentence
               && m_tokens[size_t(hi + 1)].quote < 0)
            ++hi;
        if (v == lo2)
            return resolveNP(forwardNP(v + 1, hi), v);
        const NounPhrase np = backwardNP(v - 1, lo2);
        if (np.kind == NounPhrase::Kind::None || nounCompound(np, v) || np.firstTok != lo2)
            return {};
        // The clause ends the sentence (", an official said." or "… said on Monday.") and does not
        // report a clause of its own (", the staff said it …").
        if (v + 1 < n && m_tokens[size_t(v + 1)].sentence == sentence && m_tokens[size_t(v + 1)].word
            && !m_tokens[size_t(v + 1)].upper && !SpeechVerbs::isTimeAfterVerb(text(v + 1)))
            return {};
        return resolveNP(np, v);
    }
    return {};
}

} // namespace Lede::Speakers
