// SPDX-License-Identifier: GPL-3.0-or-later
// Entity unification: repeats of known names, surnames and short forms join their full name; each
// group votes its type and takes its longest form as the canonical name.
#include "EntityDocument.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <array>

namespace Lede::EntityParts {

// A word-aligned key suffix of one type, and a mention whose key ends with it.
struct SuffixKey
{
    int type;
    QString suffix;
    bool operator==(const SuffixKey &) const = default;
};
inline size_t qHash(const SuffixKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.type, k.suffix);
}
struct SuffixOwner
{
    int mention;
    int words;
};

namespace {

// t == t.toUpper(), without building the upper-case copy for ASCII text.
bool isUpperCase(const QString &t)
{
    for (QChar c : t) {
        if (c.unicode() >= 0x80)
            return t == t.toUpper();
    }
    return std::none_of(t.begin(), t.end(), [](QChar c) { return c >= u'a' && c <= u'z'; });
}

} // namespace

void Document::unify()
{
    // 1. Keys of known names; surnames of multi-word PERSON mentions point at their full name.
    QHash<quint64, int> byPhrase; // phrase hash -> index of the longest mention with that phrase
    QHash<quint64, int> bySurname;
    QSet<quint64> ambiguousSurname;
    QHash<quint64, int> shortForm; // company names without their suffix or head -> mention
    for (int m = 0; m < int(m_mentions.size()); ++m) {
        const Mention &x = m_mentions[size_t(m)];
        const quint64 h = phraseHash(x.tb, x.te);
        if (!byPhrase.contains(h))
            byPhrase.insert(h, m);
        if (x.type == Entity::Type::Org || x.type == Entity::Type::Loc) {
            // Shorter forms of a long name ("Security Council" for "U.N. Security Council").
            for (int b = x.tb + 1; b + 2 <= x.te; ++b) {
                const quint64 hs = phraseHash(b, x.te);
                if (!byPhrase.contains(hs))
                    byPhrase.insert(hs, m);
            }
        }
        if (x.type == Entity::Type::Org && x.te - x.tb >= 2 && isCompanyEnd(word(x.te - 1))) {
            // "Arcwell" for "Arcwell Systems", "Velantra" for "Velantra AB".
            const quint64 hs = phraseHash(x.tb, x.te - 1);
            if (!byPhrase.contains(hs))
                byPhrase.insert(hs, m);
            shortForm.insert(hs, m);
        }
        if (x.type == Entity::Type::Person && x.te - x.tb >= 2) {
            const quint64 s = phraseHash(x.te - 1, x.te);
            const auto it = bySurname.constFind(s);
            if (it != bySurname.constEnd()
                && phraseHash(m_mentions[size_t(*it)].tb, m_mentions[size_t(*it)].te) != h)
                ambiguousSurname.insert(s);
            else
                bySurname.insert(s, m);
        }
    }
    // 2. Find unlabelled repeats of known names (and bare surnames), in the body and in headings.
    for (int i = 0; i < m_n; ++i) {
        if (m_covered[size_t(i)] || structural(i))
            continue;
        if (!m_info[size_t(i)].initialUpper)
            continue;
        quint64 h = 0xcbf29ce484222325ULL;
        int bestEnd = -1, bestRef = -1;
        for (int len = 1; len <= 6 && i + len <= m_n; ++len) {
            const int t = i + len - 1;
            if (m_covered[size_t(t)] || structural(t) || (len > 1 && newlineBefore(t)))
                break;
            h = hashCombineLoose(h, word(t));
            auto it = byPhrase.constFind(h);
            if (it != byPhrase.constEnd()) {
                bestEnd = i + len;
                bestRef = *it;
            } else if (len == 1 && bySurname.contains(h) && !ambiguousSurname.contains(h)) {
                bestEnd = i + 1;
                bestRef = bySurname.value(h);
            }
        }
        if (bestEnd < 0)
            continue;
        // A bare word seen only at a sentence start or in lower case elsewhere is too risky.
        if (bestEnd - i == 1 && !m_heading[size_t(i)] && word(i).size() < 3)
            continue;
        // Ignore what follows a possessive-free check: never extend into a following capitalised word
        // ("Washington Post" when only "Washington" is known).
        if (!m_heading[size_t(i)] && bestEnd < m_n && m_info[size_t(bestEnd)].initialUpper
            && !isPunct(word(bestEnd)) && !newlineBefore(bestEnd) && !m_info[size_t(bestEnd)].speechVerb)
            continue;
        m_mentions.push_back({ i, bestEnd, m_mentions[size_t(bestRef)].type, Propagated, -1, {} });
        cover(i, bestEnd);
        i = bestEnd - 1;
    }
    // Tentative heading mentions that the body did not confirm are dropped.
    m_tentative.clear();

    // 3. Groups: a single-word PERSON-compatible surname joins its full name; a mention whose words
    //    end a longer mention joins it ("Security Council" -> "U.N. Security Council").
    const int count = int(m_mentions.size());
    std::vector<int> parent;
    parent.resize(size_t(count));
    for (int m = 0; m < count; ++m)
        parent[size_t(m)] = m;
    auto find = [&](int x) {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    };
    auto join = [&](int a, int b) { parent[size_t(find(a))] = find(b); };
    QHash<quint64, int> first;
    std::vector<QString> keys;
    keys.resize(size_t(count));
    std::vector<bool> caps(size_t(count), false);
    std::vector<bool> surname(size_t(count), false); // joined its group as the surname of a full name
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        QString t = text(x.tb, x.te);
        caps[size_t(m)] = isUpperCase(t);
        keys[size_t(m)] = std::move(t).toLower().replace(u'’', u'\''); // lowered in place
        const quint64 h = phraseHash(x.tb, x.te);
        const auto it = first.constFind(h);
        if (it != first.constEnd())
            join(m, *it);
        else
            first.insert(h, m);
    }
    // Every word-aligned suffix of every key ("security council" of "u.n. security council"), by
    // type, with the mentions it ends: one entry per (word count, key length), the first mention.
    // Looking a key up here replaces comparing it with every other mention.
    QHash<SuffixKey, std::vector<SuffixOwner>> suffixes;
    for (int o = 0; o < count; ++o) {
        const Mention &y = m_mentions[size_t(o)];
        if (!isNameType(y.type) || y.type == Entity::Type::Person || y.type == Entity::Type::Misc)
            continue;
        const QString &key = keys[size_t(o)];
        for (qsizetype p = key.indexOf(u' '); p >= 0; p = key.indexOf(u' ', p + 1)) {
            std::vector<SuffixOwner> &owners = suffixes[SuffixKey { int(y.type), key.mid(p + 1) }];
            const bool seen = std::any_of(owners.cbegin(), owners.cend(), [&](const SuffixOwner &s) {
                return s.words == y.te - y.tb && keys[size_t(s.mention)].size() == key.size();
            });
            if (!seen)
                owners.push_back({ o, y.te - y.tb });
        }
    }
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type) || x.type == Entity::Type::Misc)
            continue;
        if (const auto sf = shortForm.constFind(phraseHash(x.tb, x.te)); sf != shortForm.constEnd()) {
            join(m, *sf);
            continue;
        }
        if (x.te - x.tb == 1) {
            const quint64 s = phraseHash(x.tb, x.te);
            if (bySurname.contains(s) && !ambiguousSurname.contains(s) && !isCountry(x.tb, x.te)) {
                join(m, bySurname.value(s));
                surname[size_t(m)] = true;
                continue;
            }
        }
        // Suffix of a longer mention of the same type: the longest such key (the first of equals).
        if (x.type == Entity::Type::Person)
            continue;
        const auto it = suffixes.constFind(SuffixKey { int(x.type), keys[size_t(m)] });
        if (it == suffixes.constEnd())
            continue;
        int best = -1;
        for (const SuffixOwner &o : *it) {
            if (o.words > x.te - x.tb
                && (best < 0 || keys[size_t(o.mention)].size() > keys[size_t(best)].size()
                    || (keys[size_t(o.mention)].size() == keys[size_t(best)].size() && o.mention < best)))
                best = o.mention;
        }
        if (best >= 0)
            join(m, best);
    }
    // 4. Vote the type of each group; canonical = longest form, preferring mixed case.
    QHash<int, std::array<int, 6>> votes;
    QHash<int, int> canonical;
    // Mentions right after "in", "near" or "outside" ("hotels in Tarvik") per group, and groups that
    // name a person in full or by a surname: a name the article twice puts one in is a place, not a
    // person (once is too little: "in Lind and Berg's study", "in Batman: The Series").
    QHash<int, int> placeCued;
    QSet<int> personNamed;
    // Groups holding a company's full name ("Tarvik Design Associates", "Kelmore Securities Ltd"): its
    // shorter forms ("Tarvik Design") are the company, whatever the tagger read them as.
    QSet<int> companyNamed;
    QSet<int> ruledOrg;
    std::vector<std::pair<int, int>> datelineVotes;
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        const int g = find(m);
        if (x.type == Entity::Type::Org && x.strength == Structural)
            ruledOrg.insert(g);
        // A dateline's place does not outvote a team or company of the same name ("QUENBY, Jan 3 -"
        // above "Quenby drew 1-1"): its vote counts only where no such rule named the group.
        // A surname after the full name is that person, also where the tagger read a place or a word
        // ("Valeska Paris" ... "Paris said").
        if (x.type == Entity::Type::Loc && isBlock(x.tb, Block::Kind::Dateline))
            datelineVotes.emplace_back(g, x.strength);
        else
            votes[g][size_t(surname[size_t(m)] ? Entity::Type::Person : x.type)] += x.strength;
        if (surname[size_t(m)] || (x.type == Entity::Type::Person && x.te - x.tb >= 2))
            personNamed.insert(g);
        if ((x.type == Entity::Type::Loc || x.type == Entity::Type::Person) && x.tb > 0
            && (word(x.tb - 1) == u"in" || word(x.tb - 1) == u"near" || word(x.tb - 1) == u"outside")
            && !(x.te < m_n && isPossessive(word(x.te))))
            ++placeCued[g];
        if (x.type == Entity::Type::Org && x.te - x.tb >= 2 && isCompanyEnd(word(x.te - 1)))
            companyNamed.insert(g);
        // Company context outweighs the tagger and a team or acronym rule alike.
        if (!m_orgCues.isEmpty() && m_orgCues.contains(phraseHash(x.tb, x.te)))
            votes[g][size_t(Entity::Type::Org)] += 2 * Structural;
        if (!m_stormNames.isEmpty() && m_stormNames.contains(phraseHash(x.tb, x.te)))
            votes[g][size_t(Entity::Type::Misc)] += 2 * Structural;
        auto score = [&](int idx) {
            const Mention &y = m_mentions[size_t(idx)];
            return (caps[size_t(idx)] ? 0 : 1000) + int(y.te - y.tb) * 100 + keys[size_t(idx)].size();
        };
        const auto it = canonical.constFind(g);
        if (it == canonical.constEnd() || score(m) > score(*it))
            canonical[g] = m;
    }
    for (const auto &[g, strength] : datelineVotes) {
        if (!ruledOrg.contains(g))
            votes[g][size_t(Entity::Type::Loc)] += strength;
    }
    std::vector<QString> canonicalText(static_cast<size_t>(count));
    for (int m = 0; m < count; ++m) {
        Mention &x = m_mentions[size_t(m)];
        if (!isNameType(x.type))
            continue;
        const int g = find(m);
        const auto &v = votes[g];
        // A tie goes the way of the group's canonical form, so that one entity has one type.
        int best = int(m_mentions[size_t(canonical[g])].type);
        for (int t = 0; t < 6; ++t) {
            if (v[size_t(t)] > v[size_t(best)])
                best = t;
        }
        if (best == int(Entity::Type::Person) && placeCued.value(g) >= 2 && !personNamed.contains(g))
            best = int(Entity::Type::Loc);
        if (companyNamed.contains(g) && (best == int(Entity::Type::Person) || best == int(Entity::Type::Loc)))
            best = int(Entity::Type::Org);
        // A dateline's place stays one where the article's team bears its name ("QUENBY, Jan 3 -"
        // above "Quenby drew 1-1").
        if (x.type != Entity::Type::Loc || !isBlock(x.tb, Block::Kind::Dateline))
            x.type = Entity::Type(best);
        // One string per group, shared by its mentions.
        const int ci = canonical[g];
        QString &form = canonicalText[size_t(ci)];
        if (form.isNull()) {
            const Mention &c = m_mentions[size_t(ci)];
            form = text(c.tb, c.te);
        }
        x.canonical = form;
    }
}

} // namespace Lede::EntityParts
