// SPDX-License-Identifier: GPL-3.0-or-later
// ORG span repair of the entity recognizer.
#include "EntityDocument.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace Lede::EntityParts {

// "Portvale Fishermen’s Association", "Law Society of Kenya", "Council for the Exploration of the
// Sea", "Rift Minerals Ltd": the tagger often splits multi-word organisation names or types them by
// their first word. A capitalised run that ends in an organisation head noun or a company suffix
// (optionally followed by an "of/for/on X" complement) becomes one ORG, replacing the tagger's
// pieces. Runs that continue past the head with other capitalised words ("Union Station") are left
// alone unless a title or a person follows ("Arcwell Systems Chief Executive Dana Holt").
void Document::repairOrgSpans()
{
    m_nameWord.assign(size_t(m_n), false);
    for (int t = 0; t < m_n; ++t)
        m_nameWord[size_t(t)]
            = m_info[size_t(t)].initialUpper && !isPunct(word(t)) && !isCalendarWord(word(t));
    // "Royal Library and Kestrel University": the tagger's one organisation is two when the words before
    // "and" end in a head and the words after it (two or more) end in a head of their own.
    for (size_t m = 0, count = m_mentions.size(); m < count; ++m) {
        const Mention x = m_mentions[m];
        if (x.type != Entity::Type::Org || x.te - x.tb < 5
            || !(isCompanyEnd(word(x.te - 1)) || isOrgHead(word(x.te - 1))))
            continue;
        for (int a = x.tb + 2; a + 2 < x.te; ++a) {
            if (word(a) == u"and" || word(a) == u"&") {
                // One name with "and" in it: a listed organisation runs through the "and" ("Securities
                // and Exchange Commission"), or the words before it do not end as a name of their own
                // does ("Department of Health and Human Services", "U.S. Fish and Wildlife Service").
                if ((m_info[size_t(a)].gaz & (1u << (16 + GazOrg)))
                    || !(isOrgHead(word(a - 1)) || isCompanyEnd(word(a - 1))))
                    break;
                m_mentions[m].te = a;
                m_mentions.push_back({ a + 1, x.te, Entity::Type::Org, x.strength, -1, {} });
                break;
            }
        }
    }
    std::vector<int> owner(size_t(m_n), -1);
    for (int m = 0; m < int(m_mentions.size()); ++m) {
        for (int t = m_mentions[size_t(m)].tb; t < m_mentions[size_t(m)].te; ++t)
            owner[size_t(t)] = m;
    }
    auto usable = [&](int t) { return !structural(t) && !m_heading[size_t(t)]; };
    auto inType = [&](int t, Entity::Type type) {
        return owner[size_t(t)] >= 0 && m_mentions[size_t(owner[size_t(t)])].type == type;
    };
    // A person (possibly after title words) starts at t: the organisation name ends before it.
    auto personAt = [&](int t) {
        int j = t;
        while (j < m_n && m_info[size_t(j)].title && nameWord(j) && !newlineBefore(j))
            ++j;
        return j < m_n && !newlineBefore(j) && inType(j, Entity::Type::Person)
            && (j == t || m_mentions[size_t(owner[size_t(j)])].tb == j);
    };
    // "Fishermen’s", "Women's", "Workers’": a plural noun's possessive inside a name, not the
    // possessive of a person or place that owns what follows ("Kenya’s High Court").
    auto bridgesPossessive = [&](int k) {
        const QStringView w = word(k);
        const bool apostrophe = w == u"’" || w == u"'";
        if (!(isPossessive(w) || apostrophe) || k + 1 >= m_n || !nameWord(k + 1) || newlineBefore(k + 1)
            || !usable(k + 1))
            return false;
        const QStringView prev = word(k - 1);
        constexpr quint32 named = (1u << GazLoc) | (1u << GazCountry) | (1u << GazPer) | (1u << GazPerFirst)
            | (1u << GazPerLast) | (1u << GazOrg);
        const quint32 gaz = m_info[size_t(k - 1)].gaz;
        if ((gaz & named) || (gaz & (named << 16)) || inType(k - 1, Entity::Type::Person) || prev.size() < 4)
            return false;
        if (apostrophe)
            return prev.endsWith(u's');
        return prev.endsWith(u"men") || prev.endsWith(u"ren") || prev.endsWith(u"ople");
    };
    std::vector<bool> dead(m_mentions.size(), false);
    const size_t original = m_mentions.size();
    int i = 0;
    while (i < m_n) {
        if (!nameWord(i) || !usable(i) || (i > 0 && !newlineBefore(i) && nameWord(i - 1) && usable(i - 1))) {
            ++i;
            continue;
        }
        int start = i, k = i, end = -1, andEnd = -1, andAt = -1;
        bool tail = false; // inside the "of X" complement after a head
        bool afterHead = false; // capitalised words directly after a head, no connector
        while (k < m_n && (k == start || !newlineBefore(k)) && usable(k)) {
            const QStringView w = word(k);
            if (nameWord(k)) {
                if (end >= 0 && personAt(k))
                    break;
                const bool head = isOrgHead(w) || (k > start && isCompanySuffix(w));
                if (head && tail && andEnd >= 0 && isCompanyEnd(w)) {
                    // "Ministry of Enterprise and Arcwell Systems": a company after the "and" is a
                    // name of its own; any other head continues the complement ("Department of
                    // Health and Human Services"), whatever pieces the tagger made of it.
                    end = andEnd;
                    k = andAt + 1; // the second name gets a scan of its own
                    break;
                }
                if (head) {
                    end = k + 1;
                    afterHead = false;
                } else if (tail) {
                    end = k + 1;
                } else if (end >= 0) {
                    afterHead = true;
                }
                ++k;
                continue;
            }
            if (w == u"&" && k > start && k + 1 < m_n && nameWord(k + 1) && !newlineBefore(k + 1)
                && !afterHead) {
                if (tail) {
                    andEnd = end;
                    andAt = k;
                }
                ++k;
                continue;
            }
            if (end < 0 && k > start && bridgesPossessive(k)) {
                ++k;
                continue;
            }
            if (w == u"of" || w == u"for" || w == u"on") {
                int next = k + 1;
                if (next < m_n && word(next) == u"the")
                    ++next;
                if (next < m_n && nameWord(next) && !newlineBefore(next) && usable(next)) {
                    if (end < 0) {
                        // "Chief Justice of the Supreme Court": what came before names no organisation.
                        start = k = next;
                        continue;
                    }
                    if (end == k && !afterHead) {
                        tail = true;
                        k = next;
                        continue;
                    }
                }
            }
            if (w == u"and" && tail && k + 1 < m_n && nameWord(k + 1) && !newlineBefore(k + 1)) {
                andEnd = end;
                andAt = k;
                ++k;
                continue;
            }
            break;
        }
        const int stop = std::max(k, i + 1);
        // "Tarvell Pinecrest, LLC": the run before a legal suffix after a comma is a company's name,
        // whatever its words; the suffix is left out. Not when the run opens with a known first name:
        // "said Ada Lind, Inc. magazine's editor", "Ben Arlo, PLC board member".
        const bool suffixAfter = k > start && k + 1 < m_n && word(k) == u"," && !newlineBefore(k + 1)
            && usable(k + 1) && isCommaCompanySuffix(word(k + 1))
            && !(m_info[size_t(start)].gaz & (1u << GazPerFirst));
        if (suffixAfter) {
            end = k;
            afterHead = false;
        }
        if (end >= 0 && afterHead && !personAt(end))
            end = -1; // "Union Station", "Bank Street": the head word is a modifier here
        if (end < 0) {
            i = stop;
            continue;
        }
        // Leading words that are no part of a name: "The", and sentence openers ("But"). An untagged
        // first word before the tagger's name is one too, unless it and a company head are the run:
        // "Varmond Steel said" where the tagger took "Steel" alone ("Rival Ekholm Forest Industries"
        // loses "Rival").
        const bool company = suffixAfter || (end - start == 2 && isCompanyEnd(word(end - 1)));
        // "Ontario-based Pellam Carbonworks": the name starts after the place it is based in.
        for (int t = start; t < end - 1; ++t) {
            if (word(t).endsWith(u"-based"))
                start = t + 1;
        }
        while (start < end - 1
               && (word(start) == u"The" || word(start) == u"THE"
                   || (m_info[size_t(start)].sentenceStart && isSentenceOpener(word(start)))
                   || (m_info[size_t(start)].sentenceStart && !company && owner[size_t(start)] < 0
                       && owner[size_t(start + 1)] >= 0
                       && m_mentions[size_t(owner[size_t(start + 1)])].tb == start + 1)))
            ++start;
        bool ok = end - start >= 2
            || (suffixAfter && !isFunctionWord(word(start))
                && !(m_info[size_t(start)].sentenceStart && isSentenceOpener(word(start))));
        // A first name and a head that is also a surname ("Karen Steel", "Anne Mines") is a person; so
        // is such a pair the tagger read as a person ("Holt Brewery" stays a company).
        if (ok && end - start == 2 && isSurnameHead(word(end - 1))
            && ((m_info[size_t(start)].gaz & (1u << GazPerFirst))
                || (owner[size_t(start)] >= 0 && owner[size_t(start)] == owner[size_t(end - 1)]
                    && m_mentions[size_t(owner[size_t(start)])].type == Entity::Type::Person)))
            ok = false;
        if (ok && (isCountry(start, end) || (end - start <= Gazetteer::kMaxWords && m_model && [&] {
                       QList<QStringView> words;
                       for (int t = start; t < end; ++t)
                           words.append(word(t));
                       const quint8 c = m_model->gazetteer().lookup(words);
                       return (c & ((1u << GazLoc) | (1u << GazCountry))) && !(c & (1u << GazOrg));
                   }())))
            ok = false; // "Soviet Union": a listed place
        for (int t = start; ok && t < end; ++t) {
            const int o = owner[size_t(t)];
            if (o < 0)
                continue;
            const Mention &m = m_mentions[size_t(o)];
            if (m.strength == Structural || m.tb < start || m.te > end)
                ok = false; // a structural mention, or a tagged name crossing the span's edge
            else if (m.tb == start && m.te == end && m.type == Entity::Type::Org) {
                ok = false; // already right
                if (suffixAfter || isCompanyEnd(word(end - 1)))
                    m_mentions[size_t(o)].strength = Structural;
            }
        }
        if (ok) {
            for (int t = start; t < end; ++t) {
                const int o = owner[size_t(t)];
                if (o >= 0)
                    dead[size_t(o)] = true;
                owner[size_t(t)] = int(m_mentions.size());
            }
            // A legal suffix or a company head is stronger evidence than the tagger's reading of
            // the bare name elsewhere ("Velantra AB" ... "Velantra fell").
            m_mentions.push_back({ start,
                                   end,
                                   Entity::Type::Org,
                                   suffixAfter || isCompanyEnd(word(end - 1)) ? Structural : Tagged,
                                   -1,
                                   {} });
            dead.push_back(false);
            cover(start, end);
        }
        if (suffixAfter) {
            // The suffix names nothing on its own (no acronym or tagger reading of "LLC").
            if (const int o = owner[size_t(k + 1)];
                o >= 0 && m_mentions[size_t(o)].te - m_mentions[size_t(o)].tb == 1)
                dead[size_t(o)] = true;
            cover(k + 1, k + 2);
        }
        i = stop;
    }
    if (m_mentions.size() == original && std::find(dead.begin(), dead.end(), true) == dead.end())
        return;
    std::vector<Mention> kept;
    kept.reserve(m_mentions.size());
    for (size_t m = 0; m < m_mentions.size(); ++m) {
        if (!dead[m])
            kept.push_back(std::move(m_mentions[m]));
    }
    m_mentions = std::move(kept);
}

} // namespace Lede::EntityParts
