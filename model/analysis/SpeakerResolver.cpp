// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpeakerResolver.h"

#include "SpeakerParts.h"
#include "TokenStream.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace Speakers {

// ---------------------------------------------------------------------------------------------

// "The talks intend to “lay the groundwork” for the summit, according to Blinken's remarks": a
// named source given anywhere in the quote's sentence, outside the quote.
Attribution Resolver::accordingToInSentence(int oi) const
{
    const int qa = m_qFirst[size_t(oi)];
    const int qb = m_qLast[size_t(oi)];
    if (qa < 0 || qb < 0)
        return {};
    const int sentence = m_tokens[size_t(qa)].sentence;
    // Within 60 tokens of the quote: a text without full stops is no sentence to search whole.
    int lo = qa;
    while (lo > 0 && lo > qa - 60 && m_tokens[size_t(lo - 1)].sentence == sentence)
        --lo;
    const int n = int(m_tokens.size());
    for (int k = lo; k + 2 < n && k < qb + 60 && m_tokens[size_t(k)].sentence == sentence; ++k) {
        if (m_tokens[size_t(k)].quote >= 0 || !m_tokens[size_t(k)].word
            || !isOneOf(text(k), { "according"_L1 }) || !isOneOf(text(k + 1), { "to"_L1 }))
            continue;
        const int mi = m_tokens[size_t(k + 2)].mention;
        if (mi < 0)
            return {};
        const Mention &m = m_mentions[size_t(mi)];
        if (m.firstTok != k + 2 || m.bareTitle
            || (m.type != Mention::Type::Person && m.type != Mention::Type::Org))
            return {};
        // "according to Harbour Institute director Malvern": the person with the title, not the
        // organisation the title names.
        if (const int pi = titledPersonAfter(m, n - 1); pi >= 0)
            return resolveNP(nameNP(pi), -1);
        return resolveNP(nameNP(mi), -1);
    }
    return {};
}

// "Howard Pell, Fox News: “…”", "Ada Lind (Labour): “…”", "Lind: “…”": a name, perhaps with its outlet
// or party, labels the quote after a colon, with no verb; one speaker of a list of several.
Attribution Resolver::labelBefore(int oi) const
{
    const int qa = m_qFirst[size_t(oi)];
    if (qa < 2 || !isPunct(qa - 1, u':') || m_tokens[size_t(qa - 1)].quote >= 0)
        return {};
    const int sentence = m_tokens[size_t(qa - 1)].sentence;
    const int para = m_tokens[size_t(qa - 1)].para;
    int lo = qa - 1;
    while (lo > 0 && lo > qa - 14 && m_tokens[size_t(lo - 1)].sentence == sentence
           && m_tokens[size_t(lo - 1)].para == para && m_tokens[size_t(lo - 1)].quote < 0)
        --lo;
    const bool opensSentence = lo == 0 || m_tokens[size_t(lo - 1)].sentence != sentence
        || m_tokens[size_t(lo - 1)].para != para || m_tokens[size_t(lo - 1)].quote >= 0;
    const int mi = m_tokens[size_t(lo)].mention;
    if (!opensSentence || mi < 0)
        return {};
    const Mention &m = m_mentions[size_t(mi)];
    if (m.firstTok != lo || m.bareTitle || m.possessive || m.inQuote
        || (m.type != Mention::Type::Person && m.type != Mention::Type::Org))
        return {};
    const int after = m.lastTok + 1;
    if (after != qa - 1 && !isPunct(after, u',') && !isPunct(after, u'('))
        return {};
    for (int k = after; k < qa - 1; ++k)
        if (m_tokens[size_t(k)].word && (isVerb(k) || isAux(text(k))))
            return {};
    return resolveNP(nameNP(mi), -1);
}

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
    auto closed = [&](size_t oi) { return quoteClosed(quoteAt(oi).text); };
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

    // A quote that stands as a sentence of its own, after a sentence of the same paragraph that says
    // who speaks: "Heald noted the cleanup matters. “…”". Only a person or an organisation counts.
    auto sentenceBefore = [&](size_t oi) -> Attribution {
        if (quoteAt(oi).kind != Quote::Kind::Direct || m_qFirst[oi] <= 0)
            return {};
        const int qa = m_qFirst[oi];
        const Token &before = m_tokens[size_t(qa - 1)];
        if (before.para != m_tokens[size_t(qa)].para || before.sentence == m_tokens[size_t(qa)].sentence
            || before.quote >= 0)
            return {};
        int hi = qa - 1;
        while (hi >= 0 && !m_tokens[size_t(hi)].word && m_tokens[size_t(hi)].sentence == before.sentence)
            --hi;
        int lo = hi;
        while (lo - 1 >= 0 && m_tokens[size_t(lo - 1)].sentence == before.sentence
               && m_tokens[size_t(lo - 1)].quote < 0)
            --lo;
        if (hi < 0 || hi < lo || m_tokens[size_t(hi)].sentence != before.sentence)
            return {};
        const Attribution b = parseClauseBackward(hi, lo, lo);
        if (b.found)
            return b.type == Mention::Type::Person || b.type == Mention::Type::Org ? b : Attribution {};
        // With no speech verb: "Ada Lind, the ferry's lawyer, had a short answer. “…”" is the person
        // the sentence opens with, when it names no other person and asks nothing.
        if (isPunct(hi + 1 < qa ? hi + 1 : hi, u'?'))
            return {};
        // A quote that speaks of a third person ("She was the kindest …") is about the one named
        // before, not by them: "Ada Lind died at the scene. “She was …”".
        for (int k = qa; k <= m_qLast[oi]; ++k)
            if (m_tokens[size_t(k)].word
                && isOneOf(text(k), { "he"_L1, "she"_L1, "his"_L1, "her"_L1, "him"_L1 }))
                return {};
        int subject = -1;
        int words = 0;
        for (int k = lo; k <= hi; ++k) {
            const Token &t = m_tokens[size_t(k)];
            const int mi = t.mention;
            if (mi < 0) {
                words += t.word;
                continue;
            }
            const Mention &m = m_mentions[size_t(mi)];
            k = std::max(k, m.lastTok);
            words += m.lastTok - m.firstTok + 1;
            if (m.type != Mention::Type::Person || m.inQuote || m.possessive || m.bareTitle)
                continue;
            const QString &name = m.canonical.isEmpty() ? m.name : m.canonical;
            if (subject < 0 && !m.object && words - (m.lastTok - m.firstTok + 1) <= 5) {
                subject = mi;
                continue;
            }
            const Mention &s = m_mentions[size_t(subject < 0 ? mi : subject)];
            if (subject < 0 || name != (s.canonical.isEmpty() ? s.name : s.canonical))
                return {};
        }
        if (subject < 0)
            return {};
        // Only a person the recogniser also found: a capitalised run such as "AM Wakes" at the
        // head of a timetable line is no one.
        const Mention &s = m_mentions[size_t(subject)];
        const Entity *e = entityAt(m_tokens[size_t(s.nameFirstTok)].start, m_tokens[size_t(s.lastTok)].end);
        if (!e || e->type != Entity::Type::Person)
            return {};
        return resolveNP(nameNP(subject), -1);
    };

    for (size_t oi = 0; oi < count; ++oi) {
        if (!attributable(oi))
            continue;
        Attribution a = parseAfter(int(oi));
        const bool unnamed = a.unnamed;
        if (!a.found)
            a = parseBefore(int(oi));
        if (!a.found)
            a = accordingToInSentence(int(oi));
        if (!a.found)
            a = labelBefore(int(oi));
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
        // Said by someone the text does not name: borrow no one else's name.
        if (unnamed) {
            explicitFound[oi] = true;
            continue;
        }
        // No attribution in the quote's own sentence: borrow one.
        if (continues(oi) && results[oi - 1].found) {
            record(oi, inherited(results[oi - 1]));
            continue;
        }
        if (const Attribution b = sentenceBefore(oi); b.found) {
            record(oi, b);
            continue;
        }
        // The quote before it in the paragraph lends its speaker, unless someone else is named in
        // between ("… ,” Lund said. Ada Berg, a nurse, … “…”").
        auto otherNameBetween = [&]() {
            for (int k = m_qLast[oi - 1] + 1; k < m_qFirst[oi]; ++k) {
                const int mi = m_tokens[size_t(k)].mention;
                if (mi < 0)
                    continue;
                const Mention &m = m_mentions[size_t(mi)];
                k = m.lastTok;
                if (m.inQuote || m.object
                    || (m.type != Mention::Type::Person && m.type != Mention::Type::Org))
                    continue; // "a promise from Braverman" names no new speaker
                const QString &name = m.canonical.isEmpty() ? m.name : m.canonical;
                if (name != results[oi - 1].speaker)
                    return true;
            }
            return false;
        };
        // A speech verb of the quote's own sentence that names no one we know ("One, who asked not
        // to be named, said: “…”") introduces someone else: lend nothing.
        auto ownVerbBetween = [&]() {
            for (int k = m_qLast[oi - 1] + 1; k < m_qFirst[oi]; ++k)
                if (m_tokens[size_t(k)].sentence == sentenceOf(oi) && m_tokens[size_t(k)].quote < 0
                    && isVerb(k) && !SpeechVerbs::isParticiple(text(k))
                    && !isOneOf(text(k - 1), { "and"_L1, "but"_L1, "then"_L1, "also"_L1, "or"_L1 }))
                    return true; // "… and told the police, “…”" keeps its subject
            return false;
        };
        if (oi > 0 && attributable(oi - 1) && results[oi - 1].found && paraOf(oi - 1) == paraOf(oi)
            && (sentenceOf(oi - 1) == sentenceOf(oi) || quoteAt(oi).kind == Quote::Kind::Direct)
            && m_qLast[oi - 1] >= 0 && !otherNameBetween() && !ownVerbBetween()) {
            record(oi, inherited(results[oi - 1]));
            continue;
        }
        // "A second official, who runs a hospital, agreed: “…”": a speaker we could not name
        // introduces the quote; a later quote's speaker is not theirs.
        auto introducedByVerb = [&]() {
            const int qa = m_qFirst[oi];
            if (qa <= 0 || !isPunct(qa - 1, u':') || m_tokens[size_t(qa - 1)].quote >= 0)
                return false;
            for (int k = qa - 2; k >= 0 && k > qa - 60 && m_tokens[size_t(k)].quote < 0
                 && m_tokens[size_t(k)].sentence == m_tokens[size_t(qa - 1)].sentence;
                 --k)
                if (isVerb(k))
                    return true;
            return false;
        };
        bool done = false;
        const bool introduced = introducedByVerb();
        for (size_t nx = oi + 1; nx < count && nx <= oi + 4 && !done && !introduced; ++nx) {
            if (m_qFirst[nx] < 0 || paraOf(nx) != paraOf(oi))
                break;
            // A whole sentence of the reporter in between ends the run: "“…” For Kevin Allton, Warhol
            // was a legend. He said, “…”" says nothing of who spoke the first quote.
            bool sentenceBetween = false;
            const int leadIn
                = m_tokens[size_t(m_qFirst[nx] - 1)].sentence; // "He said," before the next quote
            for (int k = m_qLast[oi] + 1; k < m_qFirst[nx] && !sentenceBetween; ++k) {
                const Token &t = m_tokens[size_t(k)];
                sentenceBetween = t.word && t.quote < 0
                    && t.sentence != m_tokens[size_t(m_qLast[oi])].sentence && t.sentence != leadIn;
            }
            if (sentenceBetween)
                break;
            if (!attributable(nx))
                continue;
            Attribution b = parseAfter(int(nx));
            // A fragment quoted inside the reporter's sentence ("Holm warned that it could spread
            // “at great speed”") lends nothing back to the quote before it.
            if (!b.found && quoteAt(nx).kind == Quote::Kind::Direct)
                b = parseBefore(int(nx));
            if (b.found) {
                record(oi, b);
                done = true;
            }
        }
        if (done)
            continue;
        if (startsParagraph(oi) && m_qFirst[oi] > 0) {
            // The previous paragraph may introduce this one: "Holm told reporters:", "Holm stated,".
            const int prevLast = m_qFirst[oi] - 1;
            if ((isPunct(prevLast, u':') || (isPunct(prevLast, u',') && prevLast > 0 && isVerb(prevLast - 1)))
                && m_tokens[size_t(prevLast)].quote < 0) {
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
            // A quote that opens a paragraph with no attribution goes to the person in focus, if
            // that person was named or quoted in this paragraph or the one before, and no other name
            // follows the quote in its paragraph (“…” Anonymous blogger, …): else it stays empty.
            auto paraAt = [&](qsizetype pos) {
                auto it = std::upper_bound(m_tokens.begin(), m_tokens.end(), pos,
                                           [](qsizetype p, const Token &t) { return p < t.start; });
                return it == m_tokens.begin() ? 0 : std::prev(it)->para;
            };
            auto nameAfter = [&]() {
                const int para = paraOf(oi);
                for (int k = m_qLast[oi] + 1; k < int(m_tokens.size()) && m_tokens[size_t(k)].para == para;
                     ++k)
                    if (m_tokens[size_t(k)].quote < 0 && m_tokens[size_t(k)].mention >= 0)
                        return true;
                return false;
            };
            // A previous paragraph that opens with "He"/"She" carries the person of the one before it:
            // "Manning said … ¶ He reiterated that … ¶ “…”".
            auto focusParaFloor = [&]() {
                const int prevLast = m_qFirst[oi] - 1;
                const int prevPara = m_tokens[size_t(prevLast)].para;
                int first = prevLast;
                while (first > 0 && m_tokens[size_t(first - 1)].para == prevPara)
                    --first;
                const Token &opener = m_tokens[size_t(first)];
                if (first > 0 && opener.word && opener.quote < 0
                    && isOneOf(text(first), { "he"_L1, "she"_L1 }))
                    return m_tokens[size_t(first - 1)].para;
                return prevPara;
            };
            if (quoteAt(oi).kind == Quote::Kind::Direct && !nameAfter()) {
                if (auto e = focusPerson(quoteAt(oi).span.start, Gender::Unknown);
                    e && m_qFirst[oi] > 0 && paraAt(e->pos) >= focusParaFloor()) {
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
            // An unattributed fragment belongs to the subject of its sentence, if any: the nearest
            // person or "he"/"she" before it. A name that only qualifies a noun ("the Berg video")
            // is no subject.
            const int qa = m_qFirst[oi];
            for (int k = qa - 1; k >= 0 && m_tokens[size_t(k)].sentence == m_tokens[size_t(qa)].sentence;
                 --k) {
                const int mi = m_tokens[size_t(k)].mention;
                if (mi < 0) {
                    if (m_tokens[size_t(k)].quote < 0 && isPronoun(k)
                        && isOneOf(text(k), { "he"_L1, "she"_L1 })) {
                        NounPhrase np;
                        np.kind = NounPhrase::Kind::Pronoun;
                        np.firstTok = np.lastTok = k;
                        const Attribution b = resolveNP(np, -1);
                        if (!b.speaker.isEmpty())
                            record(oi, b);
                        break;
                    }
                    continue;
                }
                const Mention &m = m_mentions[size_t(mi)];
                if (m.type == Mention::Type::Person && !m.object && !m.possessive && !m.inQuote
                    && !m.precededByThe && !m.modifier) {
                    const NounPhrase np = nameNP(mi);
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

void Resolver::collectRoles(QList<SpeakerRole> *roles) const
{
    QSet<QString> speakers;
    for (const Quote &q : std::as_const(m_quotes))
        if (!q.speaker.isEmpty())
            speakers.insert(q.speaker);
    if (speakers.isEmpty())
        return;
    QSet<QString> seen;
    auto add = [&](const QString &speaker, const QString &role) {
        if (role.isEmpty() || role.compare(speaker, Qt::CaseInsensitive) == 0)
            return;
        const QString key = speaker + QChar(0) + role;
        if (seen.contains(key))
            return;
        seen.insert(key);
        roles->append(SpeakerRole { speaker, role });
    };
    for (const Mention &m : m_mentions) {
        if (m.inQuote || m.rolePhrases.isEmpty()
            || (m.type != Mention::Type::Person && m.type != Mention::Type::Org))
            continue;
        const QString &key = m.canonical.isEmpty() ? m.name : m.canonical;
        if (!speakers.contains(key))
            continue;
        for (const QString &role : m.rolePhrases)
            add(key, role);
    }
    // An attribution to a role noun phrase ("the minister said") names the role itself.
    for (const Quote &q : std::as_const(m_quotes)) {
        if (q.speaker.isEmpty() || !q.speakerSpan || q.speakerSpan->start < 0
            || q.speakerSpan->end > m_body.size())
            continue;
        const QStringView phrase
            = QStringView(m_body).sliced(q.speakerSpan->start, q.speakerSpan->end - q.speakerSpan->start);
        if (!phrase.startsWith(u"the "_s, Qt::CaseInsensitive)
            || phrase.compare(q.speaker, Qt::CaseInsensitive) == 0)
            continue;
        const QString role = phrase.sliced(4).toString().simplified().toLower();
        const bool words = !role.isEmpty() && role.count(u' ') < 4
            && std::all_of(role.cbegin(), role.cend(), [](QChar c) { return c.isLetter() || c == u' '; })
            && isRoleHead(QStringView(role).sliced(role.lastIndexOf(u' ') + 1));
        if (words)
            add(q.speaker, role);
    }
}

} // namespace Speakers

void SpeakerResolver::resolve(const Article &article, QList<Quote> &quotes, const QList<Entity> &entities,
                              QList<SpeakerRole> *roles)
{
    if (quotes.isEmpty() || article.body.isEmpty())
        return;
    const TokenStream tokens(article.body);
    resolve(article, tokens, quotes, entities, roles);
}

void SpeakerResolver::resolve(const Article &article, const TokenStream &tokens, QList<Quote> &quotes,
                              const QList<Entity> &entities, QList<SpeakerRole> *roles)
{
    if (quotes.isEmpty() || article.body.isEmpty())
        return;
    Q_ASSERT(tokens.body() == article.body);
    if (tokens.body().size() != article.body.size()) {
        resolve(article, quotes, entities, roles); // a stream of another text: never read past it
        return;
    }
    Speakers::Resolver resolver(article, tokens, quotes, entities);
    resolver.run();
    if (roles)
        resolver.collectRoles(roles);
}

} // namespace Lede
