// SPDX-License-Identifier: GPL-3.0-or-later
// The attribution parser of SpeakerResolver (see SpeakerParts.h): speech-verb clauses around a
// quote, and their noun phrase turned into a speaker.
#include "SpeakerParts.h"

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

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

// Heads of noun phrases that can speak: speaker-nouns.txt and titles ("the minister"), with the
// regular plurals ("officials", "witnesses", "authorities").
bool Resolver::isSpeakerNoun(const QString &head)
{
    static const WordSet set = Lexicon::folded(u"speaker-nouns");
    auto known = [](QStringView w) { return set.contains(w) || NameHeuristics::isTitle(w); };
    if (head.isEmpty())
        return false;
    if (known(head))
        return true;
    const QStringView w(head);
    if (w.endsWith(u"ies") && w.size() > 4 && known(QString(w.chopped(3) + u'y')))
        return true;
    if (w.endsWith(u"es") && w.size() > 3 && known(w.chopped(2)))
        return true;
    return w.endsWith(u's') && w.size() > 2 && known(w.chopped(1));
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
            // “…?” asked of someone, then “…,” she replied: the answer is the person asked, not the asker.
            if (verbTok >= 0 && isOneOf(text(verbTok), { "replied"_L1, "answered"_L1, "responded"_L1 })) {
                if (auto asked = personAskedBefore(np.firstTok, g)) {
                    a.speaker = *asked;
                    a.type = Mention::Type::Person;
                    return a;
                }
            }
            if (auto lone = lonePersonBefore(np.firstTok, g)) {
                a.speaker = *lone;
                a.type = Mention::Type::Person;
            } else if (auto e = focusPerson(pos, g)) {
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
        // A place is not a speaker ("…," said East Sutton): leave the quote to another rule or none.
        if (m.type == Mention::Type::Place)
            return Attribution {};
        a.speaker = m.canonical.isEmpty() ? m.name : m.canonical;
        a.type = m.type == Mention::Type::Unknown ? Mention::Type::Org : m.type;
        return a;
    }

    // A common noun phrase: "the minister", "the firm", "a police spokesman", "the draft".
    const Span span = *a.speakerSpan;
    // The name nearest the phrase's head is the speaker: "Harbour Board director Ada Lind" is the
    // person, not the board her title mentions.
    // A text that speaks is the speaker, not a name that only qualifies it: "the Home Office letter
    // reads" is the letter; "the ministry's letter" keeps its owner.
    bool possessor = false;
    for (int k = np.firstTok; k < np.lastTok; ++k)
        possessor = possessor || m_tokens[size_t(k)].possessive;
    const bool document
        = m_tokens[size_t(np.lastTok)].lower && !possessor && isDocumentNoun(text(np.lastTok));
    const Entity *nearest = nullptr;
    int nearestTok = -1;
    for (int k = np.lastTok; k >= np.firstTok && !nearest && !document; --k) {
        nearest = entityAt(m_tokens[size_t(k)].start, std::min(m_tokens[size_t(k)].end, span.end));
        nearestTok = k;
    }
    // "one party operative", "a Harbour Board engineer": an unnamed person, not the organisation
    // that only qualifies the noun.
    if (nearest && nearest->type == Entity::Type::Org && nearestTok < np.lastTok
        && m_tokens[size_t(np.lastTok)].lower && isOneOf(text(np.firstTok), { "a"_L1, "an"_L1, "one"_L1 }))
        nearest = nullptr;
    // "The NHA Director urged": a person with a title at the organisation, not the organisation.
    if (nearest && nearest->type == Entity::Type::Org && nearestTok < np.lastTok
        && NameHeuristics::isTitle(bareText(np.lastTok)) && !NameHeuristics::isOrgWord(bareText(np.lastTok)))
        nearest = nullptr;
    if (const Entity *e = nearest; e && !e->canonical.isEmpty()) {
        a.speaker = e->canonical;
        // The person's fuller name read here wins over the recogniser's part of it: "General
        // Suleiman al-Amr" is not "Suleiman".
        if (const int mi = m_tokens[size_t(nearestTok)].mention; mi >= 0 && e->type == Entity::Type::Person) {
            const Mention &m = m_mentions[size_t(mi)];
            if (m.type == Mention::Type::Person && m.canonical.count(u' ') > a.speaker.count(u' ')
                && m.canonical.contains(a.speaker))
                a.speaker = m.canonical;
        }
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
            // An organisation only spoken of as a common noun ("the court said") lends itself to the
            // same noun only: "the union said" next is not the court.
            if (auto e = focusOrg(pos);
                e && !e->name.isEmpty() && (e->name.front().isUpper() || e->name == head)) {
                a.speaker = e->name;
                a.type = Mention::Type::Org;
                return a;
            }
            // "the company said": the latest organisation named in the reporter's text.
            auto it = std::lower_bound(m_orgMentions.begin(), m_orgMentions.end(), pos,
                                       [this](int mi, qsizetype p) {
                                           return m_tokens[size_t(m_mentions[size_t(mi)].firstTok)].start < p;
                                       });
            if (it != m_orgMentions.begin())
                hit = &m_mentions[size_t(*(it - 1))];
        }
        if (!hit)
            hit = after;
        // "Ada Lind warned of cuts … In the debate, the Labour MP said:": a title that no
        // named person carries in the article is the person in focus, named in this paragraph or
        // the one before. An unnamed focus ("The judge let the prosecutor explain") is someone else.
        if (!hit && NameHeuristics::isTitle(head) && !orgHead) {
            if (auto e = focusPerson(pos, NameHeuristics::genderOfTitle(head));
                e && !e->name.front().isLower()) {
                auto tokenAt = std::upper_bound(m_tokens.begin(), m_tokens.end(), e->pos,
                                                [](qsizetype p, const Token &t) { return p < t.start; });
                const int para = tokenAt == m_tokens.begin() ? 0 : std::prev(tokenAt)->para;
                int previousPara = m_tokens[size_t(np.firstTok)].para; // ids skip blank lines
                for (int k = np.firstTok - 1; k >= 0; --k)
                    if (m_tokens[size_t(k)].para != previousPara) {
                        previousPara = m_tokens[size_t(k)].para;
                        break;
                    }
                if (para >= previousPara) {
                    a.speaker = e->name;
                    a.type = Mention::Type::Person;
                    return a;
                }
            }
        }
        if (hit) {
            a.speaker = hit->canonical.isEmpty() ? hit->name : hit->canonical;
            a.type = hit->type == Mention::Type::Unknown ? Mention::Type::Org : hit->type;
            return a;
        }
    }
    // A speaker is a person, an organisation, or a phrase headed by a role, group or source noun;
    // "the importance" or "32 pages" is none of these, and a wrong name is worse than none.
    // Only listed nouns, never a guess from a word's ending: "said a banner" is no one. A text that
    // speaks is a source too: "the manifesto said", "the indictment reads".
    if (!orgHead && !hasName && !isSpeakerNoun(head) && !document)
        return Attribution {};
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

// The subject that opens a clause at `first`, before its verb and the participle at `v`: an
// organisation's name ("Norvik Bank rejected …") or "the" and up to three words ending in a speaker
// noun ("The court also found …", "the city council said"), followed by a lower-case word.
// None when another clause starts before `v` ("…, but the union hit back, insisting:", "… and
// residents hit back by insisting:"): the participle is that clause's.
Attribution Resolver::clauseSubject(int first, int v) const
{
    if (first + 1 >= v || !m_tokens[size_t(first)].word)
        return {};
    for (int k = first + 1; k < v; ++k)
        if (isPunct(k, u';') || isOneOf(text(k), { "but"_L1 })
            || (isOneOf(text(k), { "and"_L1, "or"_L1 }) && !isVerb(k + 1)))
            return {};
    const int det = isDeterminer(first) ? first : -1;
    const int start = det >= 0 ? first + 1 : first;
    auto verbFollows = [&](int tok) {
        return tok < v && m_tokens[size_t(tok)].word && m_tokens[size_t(tok)].lower
            && !isOneOf(text(tok), { "of"_L1, "and"_L1, "or"_L1, "who"_L1, "which"_L1, "that"_L1 });
    };
    if (const int mi = m_tokens[size_t(start)].mention; mi >= 0) {
        const Mention &m = m_mentions[size_t(mi)];
        if (m.firstTok == start && m.type == Mention::Type::Org && !m.possessive
            && verbFollows(m.lastTok + 1))
            return resolveNP(nameNP(mi), v);
        return {};
    }
    if (det < 0)
        return {};
    for (int e = start; e < start + 3 && e < v; ++e) {
        const Token &t = m_tokens[size_t(e)];
        if (!t.word || !t.lower || t.possessive || isFunctionWord(text(e)))
            return {};
        const QString head = text(e).toString();
        if ((isSpeakerNoun(head) || NameHeuristics::isOrgNoun(head)) && verbFollows(e + 1)) {
            NounPhrase np;
            np.kind = NounPhrase::Kind::Common;
            np.firstTok = first;
            np.lastTok = e;
            return resolveNP(np, v);
        }
    }
    return {};
}

// The comma that closes a short adjunct opening the clause at `first` ("Later,", "But last night,"):
// at most four words and no verb of speech before it, and a clause after it before `v`; else -1.
int Resolver::openerComma(int first, int v) const
{
    for (int k = first; k < first + 5 && k < v - 2; ++k) {
        if (isPunct(k, u','))
            return k > first ? k : -1;
        if (!m_tokens[size_t(k)].word || m_tokens[size_t(k)].quote >= 0 || isVerb(k))
            return -1;
    }
    return -1;
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
        // "Allow the harbour master to say it again:": who is let speak is the speaker.
        {
            const bool to
                = v - 2 >= floorTok && m_tokens[size_t(v - 1)].word && isOneOf(text(v - 1), { "to"_L1 });
            static const WordSet letVerbs = Lexicon::folded(u"let-verbs");
            const NounPhrase let = to ? backwardNP(v - 2, floorTok) : np;
            const int letTok = let.firstTok - 1;
            // The verb must open its clause (an imperative): in "The judge let the lawyer explain" the
            // judge is the subject and the other rules read the clause.
            if ((let.kind == NounPhrase::Kind::Name || let.kind == NounPhrase::Kind::Common)
                && letTok >= floorTok && m_tokens[size_t(letTok)].word && letVerbs.contains(text(letTok))
                && (letTok == floorTok || !m_tokens[size_t(letTok - 1)].word)) {
                if (Attribution a = resolveNP(let, v); a.found)
                    return a;
                // A role word by its ending will do here too: "Allow the dermatologist to say it".
                if (let.kind == NounPhrase::Kind::Common && isDeterminer(let.firstTok)
                    && m_tokens[size_t(let.lastTok)].lower && isRoleHead(bareText(let.lastTok))) {
                    Attribution a;
                    a.found = true;
                    a.speakerSpan = npSpan(let);
                    a.focusPos = m_tokens[size_t(let.firstTok)].start;
                    a.cue = text(v).toString();
                    a.verbTok = v;
                    a.speaker = m_body.mid(a.speakerSpan->start, a.speakerSpan->length());
                    a.speaker[0] = a.speaker.at(0).toLower();
                    return a;
                }
            }
        }
        // "He sets the glass down and whispers, “…”": a verb joined by "and" shares the subject that
        // opens the sentence, a pronoun or a person's name.
        if (np.kind == NounPhrase::Kind::None && !participle && v - 1 > floorTok
            && m_tokens[size_t(v - 1)].word && isOneOf(text(v - 1), { "and"_L1, "then"_L1 })) {
            const int mi = m_tokens[size_t(floorTok)].mention;
            // "Lind was greeted by the harbour master, who smiled and said": a relative clause or
            // another clause's pronoun subject stands between; the sentence's subject is not the one.
            static const WordSet relatives = Lexicon::folded(u"relative-pronouns");
            bool otherClause = false;
            for (int k = floorTok + 1; k < v - 1 && !otherClause; ++k)
                otherClause = m_tokens[size_t(k)].word && relatives.contains(text(k));
            NounPhrase subject;
            if (m_tokens[size_t(floorTok)].word && isOneOf(text(floorTok), { "he"_L1, "she"_L1 })) {
                subject.kind = NounPhrase::Kind::Pronoun;
                subject.firstTok = subject.lastTok = floorTok;
            } else if (mi >= 0 && m_mentions[size_t(mi)].firstTok == floorTok
                       && m_mentions[size_t(mi)].type == Mention::Type::Person
                       && !m_mentions[size_t(mi)].possessive && m_mentions[size_t(mi)].lastTok + 1 < v
                       && m_tokens[size_t(m_mentions[size_t(mi)].lastTok + 1)].lower) {
                subject = nameNP(mi);
            }
            // Only when no other verb of speech stands between: "He said X and added" is found above.
            if (subject.kind != NounPhrase::Kind::None && !otherClause)
                if (Attribution a = resolveNP(subject, v); a.found && !a.speaker.isEmpty())
                    return a;
        }
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
            // "The board conceded that Lind's “late filings” …": whose words are quoted is not who
            // speaks; a possessive after the verb is never the speaker ("said it's" is "it is").
            if ((np.kind == NounPhrase::Kind::Name || np.kind == NounPhrase::Kind::Common)
                && m_tokens[size_t(np.lastTok)].possessive && !isFunctionWord(bareText(np.lastTok))
                && !isPronoun(np.lastTok)) {
                np = NounPhrase {};
                reportedSubject = true;
            }
        }
        if (np.kind != NounPhrase::Kind::None) {
            // A phrase that cannot speak ("the findings show") leaves the earlier verbs to try; before
            // a participle it is the main verb's object ("found for the plaintiff, noting"), and the
            // clause's subject is tried below.
            if (Attribution a = resolveNP(np, v); a.found)
                return a;
            if (!participle)
                continue;
        }
        if (!participle && !reportedSubject)
            break;
        bool personBefore = false;
        for (int k = floorTok; k < v; ++k) {
            const int mi = m_tokens[size_t(k)].mention;
            if (mi < 0)
                continue;
            const Mention &m = m_mentions[size_t(mi)];
            if (m.type == Mention::Type::Person && !m.object && !m.possessive && !m.modifier) {
                personBefore = true;
                if (std::any_of(
                        m_tokens.begin() + k, m_tokens.begin() + v,
                        [this, &m_ = m_tokens](const Token &t) { return isVerb(int(&t - m_.data())); }))
                    break; // an earlier verb will be tried next
                const NounPhrase subject = nameNP(mi);
                return resolveNP(subject, v);
            }
            k = m.lastTok;
        }
        // "The court also found …, noting that “…”": with no person before the participle, the
        // clause's subject speaks when it is an organisation or a phrase headed by a speaker noun.
        if (participle && !personBefore) {
            if (const Attribution a = clauseSubject(floorTok, v); a.found)
                return a;
            // "But last night, the ministry hit back, insisting:": a short opening adjunct ends at a
            // comma before the subject.
            if (const int c = openerComma(floorTok, v); c >= 0)
                if (const Attribution a = clauseSubject(c + 1, v); a.found)
                    return a;
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
        && !titleOfRun(m_mentions[size_t(mi)]) && m_mentions[size_t(mi)].lastTok + 1 <= hi
        && isPunct(m_mentions[size_t(mi)].lastTok + 1, u',')) {
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
        // A phrase the verb has that is no speaker we can name ("…,” said someone at the meeting)
        // still says the words are someone else's than the quote before.
        // Only a phrase that opens with a determiner or an indefinite word says so: a lower-case
        // name ("al-Hadi said") may still be the person quoted before.
        // A fragment inside the reporter's sentence keeps the sentence's subject, and a participle
        // ("…,” underscoring the need) has no subject of its own.
        static const WordSet indefinite = Lexicon::folded(u"indefinite-speakers");
        auto unnamedIfLost = [this, &q, v](const NounPhrase &np, Attribution a) {
            a.unnamed = !a.found && np.kind != NounPhrase::Kind::None && q.kind == Quote::Kind::Direct
                && !SpeechVerbs::isParticiple(text(v))
                && (isDeterminer(np.firstTok) || indefinite.contains(text(np.firstTok)));
            return a;
        };
        if (v == lo) {
            const NounPhrase np = forwardNP(v + 1, hi);
            return unnamedIfLost(np, resolveNP(np, v));
        }
        const NounPhrase np = backwardNP(v - 1, lo);
        if (nounCompound(np, v))
            continue;
        if (np.kind != NounPhrase::Kind::None)
            return unnamedIfLost(np, resolveNP(np, v));
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
