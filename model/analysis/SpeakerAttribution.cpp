// SPDX-License-Identifier: GPL-3.0-or-later
// The attribution parser of SpeakerResolver (see SpeakerParts.h).
#include "SpeakerParts.h"

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

// ---------------------------------------------------------------------------------------------
// Attribution clauses

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
    if ((np.kind != NounPhrase::Kind::Name && np.kind != NounPhrase::Kind::Common) || np.lastTok != j)
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
    if (!t.word || !t.lower || t.possessive || t.mention >= 0)
        return np;
    const QStringView w = text(title);
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
                        const bool titleOf = sm.nameFirstTok > sm.firstTok
                            && isOneOf(text(sm.nameFirstTok - 1), { "of"_L1 });
                        if (const int p = sm.type == Mention::Type::Person && !titleOf
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
        if (isFunctionWord(w) || (SpeechVerbs::contains(w) && (isVerb(j) || !m_tokens[size_t(j)].lower)))
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

bool Resolver::isTellVerb(int tok) const
{
    static const WordSet tell = Lexicon::folded(u"tell-verbs");
    return tell.contains(text(tok));
}

Span Resolver::npSpan(const NounPhrase &np) const
{
    qsizetype end = m_tokens[size_t(np.lastTok)].end;
    if (m_tokens[size_t(np.lastTok)].possessive)
        end -= 2;
    return { m_tokens[size_t(np.firstTok)].start, end };
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
        if (nounCompound(np, v))
            continue; // "writing in a blog post": "post" is a noun here, not a verb
        // "said Smith:" names the speaker after the verb; "..., calling it “a disgrace”" does not:
        // a participle's speaker is the subject of an earlier verb or of the sentence. After "told"
        // stands whom it was told to ("and told the court, “…”"), never the speaker.
        bool reportedSubject = false;
        if (np.kind == NounPhrase::Kind::None && !participle && !isTellVerb(v)) {
            np = forwardNP(v + 1, hi);
            // "Lund simply said Berg would have to …": a name with its own verb after "said"
            // is the reported clause's subject; the speaker is the sentence's subject.
            if (np.kind == NounPhrase::Kind::Name && np.lastTok + 1 <= hi
                && m_tokens[size_t(np.lastTok + 1)].word && m_tokens[size_t(np.lastTok + 1)].lower
                && isAux(text(np.lastTok + 1))) {
                np = NounPhrase {};
                reportedSubject = true;
            }
        }
        if (np.kind != NounPhrase::Kind::None) {
            // A phrase that cannot speak ("the findings show") leaves the earlier verbs to try.
            if (Attribution a = resolveNP(np, v); a.found)
                return a;
            continue;
        }
        if (!participle && !reportedSubject)
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
                const NounPhrase subject = nameNP(mi);
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

Attribution Resolver::parseAfter(int oi) const
{
    const int qb = m_qLast[size_t(oi)];
    if (qb < 0)
        return {};
    const Quote &q = m_quotes.at(m_order[size_t(oi)]);
    if (!quoteClosed(q.text))
        return {}; // open at the paragraph end: the quote continues in the next paragraph
    const int n = int(m_tokens.size());
    int lo = qb + 1;
    // A byline after a dash that ends the paragraph: “…” – Ada Lind
    if (lo + 1 < n && (isPunct(lo, u'-') || isPunct(lo, u'\u2013') || isPunct(lo, u'\u2014'))
        && m_tokens[size_t(lo)].para == m_tokens[size_t(qb)].para && m_tokens[size_t(lo + 1)].mention >= 0) {
        const Mention &m = m_mentions[size_t(m_tokens[size_t(lo + 1)].mention)];
        const bool endsParagraph
            = m.lastTok + 1 >= n || m_tokens[size_t(m.lastTok + 1)].para != m_tokens[size_t(qb)].para;
        if (m.firstTok == lo + 1 && m.type == Mention::Type::Person && endsParagraph) {
            const NounPhrase np = nameNP(m_tokens[size_t(lo + 1)].mention);
            return resolveNP(np, -1);
        }
    }
    if (lo >= n || m_tokens[size_t(lo)].sentence != m_tokens[size_t(qb)].sentence)
        return {};
    // “…,” he said / “…?” she asked / “…”, he said. A fragment running on into the sentence
    // (what it called “unrealistic” wage demands) has no attribution after it.
    qsizetype k = q.text.size() - 2;
    while (k > 0 && q.text.at(k).isSpace())
        --k;
    // A quotation inside the quote may close with it: “… ‘we survived,’” she said.
    if (k > 1 && (q.text.at(k) == u'\u2019' || q.text.at(k) == u'\''))
        --k;
    const QChar lastInner = k > 0 ? q.text.at(k) : QChar();
    const bool attributionPunct = lastInner == u',' || lastInner == u'?' || lastInner == u'!'
        || lastInner == u'\u2014' || lastInner == u'\u2013' || lastInner == u'-' || lastInner == u'\u2026';
    if (!attributionPunct && m_tokens[size_t(lo)].word) {
        // A term inside a noun phrase is nobody's words: "The “smart” meters failed, officials said."
        if (const int qa = m_qFirst[size_t(oi)]; qa > 0 && isDeterminer(qa - 1) && m_tokens[size_t(lo)].lower)
            return {};
        return attributionAfterFragment(lo);
    }
    while (lo < n && !m_tokens[size_t(lo)].word && m_tokens[size_t(lo)].quote < 0
           && m_tokens[size_t(lo)].sentence == m_tokens[size_t(qb)].sentence)
        ++lo;
    if (lo >= n)
        return {};
    int hi = lo;
    int words = 0;
    while (hi + 1 < n && words < 28) {
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
    // "…,” Ada Lind, senior vice president of fleet, finances and alliances at Nordair, said": a
    // name right after the quote, then an appositive however many commas it holds, then the verb.
    if (const int mi = m_tokens[size_t(lo)].mention; mi >= 0 && m_mentions[size_t(mi)].firstTok == lo
        && m_mentions[size_t(mi)].type == Mention::Type::Person && !m_mentions[size_t(mi)].bareTitle
        && m_mentions[size_t(mi)].lastTok + 1 <= hi && isPunct(m_mentions[size_t(mi)].lastTok + 1, u',')) {
        const Mention &m = m_mentions[size_t(mi)];
        bool verb = false;
        for (int k = m.lastTok + 2; k <= hi; ++k) {
            if (!isVerb(k))
                continue;
            verb = true;
            if (isOneOf(text(k - 1), { "who"_L1, "which"_L1 }))
                continue;
            if (isPunct(k - 1, u',')) {
                const NounPhrase np = nameNP(mi);
                return resolveNP(np, k);
            }
            break;
        }
        // “…,” Ada Lind, director of the harbour office.: the verb left out, the name and role remain.
        // A title may be capitalised: “…,” Ada Lind, Director of the Harbour Office.
        const int role = m.lastTok + 2 < n && isDeterminer(m.lastTok + 2) ? m.lastTok + 3 : m.lastTok + 2;
        const bool title
            = role <= hi && m_tokens[size_t(role)].word && NameHeuristics::isTitle(bareText(role));
        if (!verb && lastInner == u',' && (title || personRoleAfter(m.lastTok)) && hi + 1 < n
            && !m_tokens[size_t(hi + 1)].word && m_body.at(m_tokens[size_t(hi + 1)].start) == u'.')
            return resolveNP(nameNP(mi), -1);
    }
    for (int v = lo; v <= hi; ++v) {
        if (!isVerb(v))
            continue;
        // "…,” Ada Lind, a resident who tweeted about it, said.": a relative clause's verb is not
        // the attribution's.
        if (v > lo && isOneOf(text(v - 1), { "who"_L1, "which"_L1 }))
            continue;
        if (v == lo) {
            return resolveNP(forwardNP(v + 1, hi), v);
        }
        const NounPhrase np = backwardNP(v - 1, lo);
        if (nounCompound(np, v))
            continue;
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
    while (lo - 1 >= 0 && m_tokens[size_t(lo - 1)].sentence == sentence && qa - lo < 80) {
        // A title in quotes within the clause is passed over: X told "Morning Show" host Y, “…”
        if (const int inner = m_tokens[size_t(lo - 1)].quote; inner >= 0) {
            const Quote &iq = m_quotes.at(m_order[size_t(inner)]);
            const int first = m_qFirst[size_t(inner)];
            if (iq.kind == Quote::Kind::Direct || first < 0 || lo - 1 - first > 5 || lo - 1 == qa - 1)
                break;
            lo = first;
            continue;
        }
        --lo;
    }
    const int hi = qa - 1;
    if (lo > hi || m_tokens[size_t(hi)].quote >= 0)
        return {};
    // "In Dr. Lind's words, “…”" and "in the words of Ada Lind, “…”": the person whose words they are.
    for (int k = lo + 1; k < hi; ++k) {
        if (!m_tokens[size_t(k)].lower || !isOneOf(text(k), { "words"_L1 }))
            continue;
        const int mi = m_tokens[size_t(k - 1)].mention;
        if (mi >= 0 && m_tokens[size_t(k - 1)].possessive) {
            const Mention &m = m_mentions[size_t(mi)];
            if (m.lastTok == k - 1 && m.firstTok > lo && isOneOf(text(m.firstTok - 1), { "in"_L1 })) {
                const NounPhrase np = nameNP(mi);
                return resolveNP(np, -1);
            }
        }
        if (k - 2 >= lo && k + 2 <= hi && isOneOf(text(k - 1), { "the"_L1 })
            && isOneOf(text(k - 2), { "in"_L1 }) && isOneOf(text(k + 1), { "of"_L1 })) {
            if (const NounPhrase np = forwardNP(k + 2, hi); np.kind != NounPhrase::Kind::None)
                return resolveNP(np, -1);
        }
    }
    return parseClauseBackward(hi, lo, lo);
}

} // namespace Lede::Speakers
