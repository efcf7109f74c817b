// SPDX-License-Identifier: GPL-3.0-or-later
// Who gives a figure (see FigureScanner.h).
#include "FigureScanner.h"

using namespace Qt::StringLiterals;

namespace Lede::Figures {

Phrase Scanner::phraseAfter(qsizetype t, qsizetype *possessive) const
{
    qsizetype k = t;
    const qsizetype anchor = t - 1;
    while (nextWord(k, anchor) && has(k, fDeterminer))
        ++k;
    qsizetype first = -1;
    qsizetype last = -1;
    int words = 0;
    while (valid(k) && same(k, anchor) && words < 8) {
        if (isWord(k)) {
            if (!tok(k).spaceBefore && first >= 0 && !isPunct(k - 1, u'.'))
                break;
            if (isStop(k) || has(k, fSpeech)) {
                // "Ministry of Health"
                if (is(k, "of") && first >= 0 && capitalized(k + 1) && nextWord(k + 1, anchor)) {
                    ++k;
                    continue;
                }
                break;
            }
            ++words;
        } else if (initialPeriod(k)) {
            // "U.N." keeps its periods
        } else {
            break;
        }
        if (first < 0)
            first = k;
        last = k;
        ++k;
    }
    if (first < 0)
        return {};
    Phrase p { tok(first).start, tok(last).end };
    // "Kenya's tally" -> Kenya
    for (qsizetype w = first; w <= last; ++w) {
        if (!isWord(w))
            continue;
        const QStringView s = text(w);
        const bool isPossessive = s.size() > 2
            && (s.at(s.size() - 2) == u'\u2019' || s.at(s.size() - 2) == u'\'')
            && (s.back() == u's' || s.back() == u'S');
        if (!isPossessive)
            continue;
        bool restLower = true;
        for (qsizetype r = w + 1; r <= last && restLower; ++r)
            restLower = lowercase(r);
        if (restLower) {
            p.end = tok(w).end - 2;
            if (possessive)
                *possessive = w;
            break;
        }
    }
    return p;
}

Phrase Scanner::phraseBefore(qsizetype v, qsizetype *beforeFirst) const
{
    qsizetype k = v - 1;
    for (int skipped = 0; skipped < 4 && same(k, v) && isWord(k); ++skipped) {
        if (has(k, fWeekday) && capitalized(k)) {
            --k;
            if (is(k, "on") && same(k, v))
                --k;
        } else if (lowercase(k) && has(k, fSubjectAdjunct)) {
            --k;
        } else {
            break;
        }
    }
    qsizetype first = -1;
    qsizetype last = -1;
    int words = 0;
    while (same(k, v) && words < 6) {
        if (isWord(k) && !tok(k).spaceBefore && isNumber(k - 1))
            break; // "3rd Assault Brigade": the ordinal is not part of the name
        if (isWord(k)) {
            // "Committee to Protect Journalists", "Ministry of Health"
            const bool connector = first >= 0 && capitalized(k - 1) && capitalized(first) && lowercase(k)
                && (is(k, "of") || is(k, "to") || is(k, "for") || is(k, "and"));
            if (!connector && (isStop(k) || has(k, fSpeech)))
                break;
            if (lowercase(k) && isParticiple(k))
                break;
            ++words;
        } else if (initialPeriod(k)) {
            // "U.S."
        } else {
            break;
        }
        first = k;
        if (last < 0)
            last = k;
        --k;
    }
    if (beforeFirst) {
        while (same(k, v) && isWord(k) && has(k, fDeterminer))
            --k;
        *beforeFirst = same(k, v) ? k : -1;
    }
    if (first < 0)
        return {};
    return { tok(first).start, tok(last).end };
}

QString Scanner::resolve(const Phrase &p) const
{
    if (p.isEmpty())
        return {};
    const auto lower = std::lower_bound(m_entities.begin(), m_entities.end(), p.end,
                                        [](const Entity *e, qsizetype end) { return e->span.end < end; });
    const Entity *best = nullptr;
    for (auto it = lower; it != m_entities.end() && (*it)->span.end == p.end; ++it) {
        const Entity *e = *it;
        if (e->span.start >= p.end)
            continue;
        if (e->type == Entity::Type::Person || e->span.start <= p.start) {
            if (!best || e->span.start < best->span.start)
                best = e;
        }
    }
    if (best)
        return best->canonical.isEmpty() ? best->text : best->canonical;
    return m_body.mid(p.start, p.end - p.start).simplified();
}

const SentenceCues &Scanner::cues(qsizetype sentenceTok)
{
    const qint32 sentence = tok(sentenceTok).sentence;
    if (sentence == m_cueSentence)
        return m_cues;
    SentenceCues &c = m_cues;
    c.according.clear();
    c.before.clear();
    c.after.clear();
    m_cueSentence = sentence;
    const qsizetype begin = m_sentenceStart[size_t(sentence)];
    for (qsizetype t = begin; valid(t) && tok(t).sentence == sentence; ++t) {
        if (!isWord(t))
            continue;
        const quint32 flags = tok(t).flags;
        if (!(flags & (fAccording | fBy | fSpeech)))
            continue;
        if ((flags & fAccording) && is(t + 1, "to") && same(t + 1, t)) {
            const QString who = resolve(phraseAfter(t + 2));
            if (!who.isEmpty())
                c.according.push_back({ t, who });
        } else if (flags & fBy) {
            // "by the army's count"
            qsizetype possessive = -1;
            const Phrase p = phraseAfter(t + 1, &possessive);
            if (!p.isEmpty() && possessive >= 0 && has(possessive + 1, fStat))
                c.according.push_back({ t, resolve(p) });
        } else if (has(t, fSpeech) && lowercase(t)) {
            qsizetype beforeFirst = -1;
            const Phrase subject = phraseBefore(t, &beforeFirst);
            if (!subject.isEmpty()) {
                const QString who = resolve(subject);
                c.before.push_back({ t, who });
                const char16_t p = punctChar(beforeFirst);
                if (p == u',' || isClosingQuote(p) || isDash(p))
                    c.after.push_back({ t, who });
            } else if (const char16_t p = punctChar(t - 1);
                       (p == u',' || isClosingQuote(p)) && same(t - 1, t)) {
                // ", said the ministry"
                const QString who = resolve(phraseAfter(t + 1));
                if (!who.isEmpty())
                    c.after.push_back({ t, who });
            }
        }
    }
    return c;
}

QString Scanner::attribution(qsizetype first, qsizetype last)
{
    const SentenceCues &c = cues(first);
    const auto after = [last](const std::vector<Cue> &v) -> const Cue * {
        const auto it = std::upper_bound(v.begin(), v.end(), last,
                                         [](qsizetype t, const Cue &cue) { return t < cue.token; });
        return it == v.end() ? nullptr : &*it;
    };
    const auto before = [first](const std::vector<Cue> &v) -> const Cue * {
        const auto it = std::lower_bound(v.begin(), v.end(), first,
                                         [](const Cue &cue, qsizetype t) { return cue.token < t; });
        return it == v.begin() ? nullptr : &*(it - 1);
    };
    if (const Cue *cue = after(c.according))
        return cue->who;
    if (const Cue *cue = before(c.according))
        return cue->who;
    if (const Cue *cue = before(c.before))
        return cue->who;
    if (const Cue *cue = after(c.after))
        return cue->who;
    return {};
}

} // namespace Lede::Figures
