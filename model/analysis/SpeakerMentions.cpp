// SPDX-License-Identifier: GPL-3.0-or-later
// The mention finder of SpeakerResolver (see SpeakerParts.h).
#include "EntityDocument.h"
#include "SpeakerParts.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

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
        if (isHyphenAdjective(w))
            return false;
        return !NameHeuristics::isCapitalisedStopWord(t.possessive ? w.chopped(2) : w);
    };
    // An Arabic surname with its article goes on a name: "Suleiman al-Amr", "Omar el-Sayed".
    auto articledName = [&](int i) {
        const Token &t = m_tokens[size_t(i)];
        if (!t.word || t.upper)
            return false;
        const QStringView w = QStringView(m_body).sliced(t.start, t.end - t.start);
        const qsizetype dash = w.indexOf(u'-');
        return dash >= 2 && dash <= 3 && dash + 1 < w.size() && w.at(dash + 1).isUpper()
            && isOneOf(w.first(dash),
                       { "al"_L1, "el"_L1, "ad"_L1, "as"_L1, "ash"_L1, "at"_L1, "az"_L1, "an"_L1, "ar"_L1 });
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
            if (nameWord(j + 1) || articledName(j + 1)) {
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
        // "Amazon.com Inc.": a company suffix after a web address takes the address into the name.
        if (i >= 3 && EntityParts::isCompanySuffix(text(i))) {
            int k = i - 1;
            while (k - 1 >= 0 && m_tokens[size_t(k - 1)].end == m_tokens[size_t(k)].start
                   && m_tokens[size_t(k - 1)].para == m_tokens[size_t(i)].para)
                --k;
            if (const int before = m_tokens[size_t(k)].mention; k < i - 1 && before >= 0
                && before == int(m_mentions.size()) - 1 && m_tokens[size_t(k)].upper
                && m_mentions.back().firstTok == k) {
                Mention &m = m_mentions.back();
                for (int t = m.lastTok + 1; t <= j; ++t)
                    m_tokens[size_t(t)].mention = before;
                m.lastTok = j;
                m.possessive = m_tokens[size_t(j)].possessive;
                i = j + 1;
                continue;
            }
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

// A head noun that can name a role: a speaker noun or title ("spokesman", "minister"), a title cue
// ("diplomat"), or a word with a person noun's ending ("analyst", "researcher", "historian").
bool isRoleHead(QStringView w)
{
    static const WordSet cues = Lexicon::folded(u"ner-title-cues");
    static const WordSet exceptions = Lexicon::folded(u"role-head-exceptions");
    static const QStringList suffixes = Lexicon::entries(u"role-suffixes");
    if (w.size() < 3 || isFunctionWord(w) || isAux(w) || SpeechVerbs::contains(w) || exceptions.contains(w))
        return false;
    if (cues.contains(w) || NameHeuristics::isTitle(w))
        return true;
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [w](const QString &suffix) {
        return w.size() > suffix.size() + 2 && w.endsWith(suffix, Qt::CaseInsensitive);
    });
}

void Resolver::addRolePhrase(Mention &m, int firstTok, int lastTok) const
{
    if (firstTok > lastTok || lastTok - firstTok >= 5)
        return;
    // Courtesy titles and a dangling connector say nothing of the role: "Mr.", "governor of".
    static const WordSet courtesy = Lexicon::folded(u"courtesy-titles");
    auto bare = [this](int tok) {
        QStringView w = bareText(tok);
        return w.endsWith(u'.') ? w.chopped(1) : w;
    };
    while (firstTok <= lastTok
           && (courtesy.contains(bare(firstTok)) || isDeterminer(firstTok) || isFunctionWord(text(firstTok))))
        ++firstTok;
    while (lastTok >= firstTok
           && (courtesy.contains(bare(lastTok)) || !m_tokens[size_t(lastTok)].word
               || isOneOf(text(lastTok), { "of"_L1, "for"_L1, "the"_L1, "and"_L1, "to"_L1 })))
        --lastTok;
    if (firstTok > lastTok)
        return;
    // The head is the last word, or the one before "of": "secretary of state", "minister for health".
    int head = lastTok;
    for (int k = firstTok + 1; k < lastTok; ++k) {
        if (isOneOf(text(k), { "of"_L1, "for"_L1 })) {
            head = k - 1;
            break;
        }
    }
    if (!isRoleHead(bareText(head)))
        return;
    const qsizetype start = m_tokens[size_t(firstTok)].start;
    qsizetype end = m_tokens[size_t(lastTok)].end;
    if (m_tokens[size_t(lastTok)].possessive)
        end -= 2;
    QString phrase = m_body.mid(start, end - start).simplified().toLower();
    if (phrase.endsWith(u'.'))
        phrase.chop(1); // an abbreviated title: "Dr." is the role "dr"
    if (phrase.isEmpty() || !phrase.front().isLetter() || m.rolePhrases.contains(phrase))
        return;
    m.rolePhrases.append(phrase);
}

QSet<QString> Resolver::titleSurnames() const
{
    // Built once per article: the last words of persons' names that are also titles ("King").
    QSet<QString> out;
    for (const Entity &e : m_entities) {
        if (e.type != Entity::Type::Person)
            continue;
        const QString &name = e.canonical.isEmpty() ? e.text : e.canonical;
        const qsizetype space = name.lastIndexOf(u' ');
        if (space > 0 && NameHeuristics::isTitle(QStringView(name).sliced(space + 1)))
            out.insert(name.sliced(space + 1));
    }
    // The recogniser may have missed the person: "co-host Tova King" is a first name and the word.
    for (const Mention &m : m_mentions) {
        const int last = m.lastTok;
        if (last > m.firstTok && NameHeuristics::isTitle(bareText(last)) && m_tokens[size_t(last - 1)].upper
            && !NameHeuristics::isTitle(bareText(last - 1))
            && !NameHeuristics::isCapitalisedStopWord(bareText(last - 1))
            && !NameHeuristics::isOrgWord(bareText(last - 1)))
            out.insert(bareText(last).toString());
    }
    return out;
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

} // namespace Lede::Speakers
