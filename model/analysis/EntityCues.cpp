// SPDX-License-Identifier: GPL-3.0-or-later
// Company context: a name the article treats as a company is an organisation wherever it appears.
// Wire copy says so in two ways the tagger does not weigh: the name has shares ("Kestrel shares
// fell", "shares in Kestrel") and it speaks of itself as "its" ("Kestrel said on Monday its profit
// rose"), a spokesman speaks for it, and media nouns name news organisations ("the daily
// Postvard", "Postvard newspaper") ("a Kestrel spokesman said"). A name found so, tagged or not, is
// recorded; unify() then votes its whole group ORG. Listed countries keep their one convention (LOC), and
// places are never given shares ("London shares"); only names the tagger left untyped are added, never a
// capitalised sentence opener. Names with a chairman, shareholders or a chief executive ("Kestrel's
// chairman", "shareholders of Kestrel"), with analysts at them ("an analyst at Kestrel"), next to a kind
// of organisation ("the carmaker Kestrel", "the Kestrel union") or after "the opposition" are recorded
// the same way (word lists: org-member-nouns, org-staff-nouns, org-kind-nouns, org-before-words).
#include "EntityDocument.h"

namespace Lede::EntityParts {

namespace {

// The cue words by their lower-case hash (TokenInfo::lower): one integer compare per token.
struct CueWords
{
    quint64 shares = hashLower(u"shares"), stock = hashLower(u"stock"), stocks = hashLower(u"stocks");
    quint64 spokesman = hashLower(u"spokesman"), spokeswoman = hashLower(u"spokeswoman"),
            spokesperson = hashLower(u"spokesperson");
    quint64 said = hashLower(u"said"), says = hashLower(u"says"), reported = hashLower(u"reported"),
            posted = hashLower(u"posted"), announced = hashLower(u"announced");
    quint64 its = hashLower(u"its"), in = hashLower(u"in"), of = hashLower(u"of"), at = hashLower(u"at");
    quint64 possessive = hashLower(u"'s"), possessiveCurly = hashLower(u"’s");
    quint64 newspaper = hashLower(u"newspaper"), daily = hashLower(u"daily"), weekly = hashLower(u"weekly"),
            magazine = hashLower(u"magazine"), agency = hashLower(u"agency"),
            broadcaster = hashLower(u"broadcaster"), news = hashLower(u"news");
    quint64 club = hashLower(u"club");
    quint64 a = hashLower(u"a"), an = hashLower(u"an"), union_ = hashLower(u"union");
    quint64 the = hashLower(u"the"), party = hashLower(u"party"), group = hashLower(u"group"),
            chief = hashLower(u"chief"), executive = hashLower(u"executive");

    bool shareNoun(quint64 h) const { return h == shares || h == stock || h == stocks; }
    bool mediaNoun(quint64 h) const
    {
        return h == newspaper || h == daily || h == weekly || h == magazine || h == agency
            || h == broadcaster;
    }
    bool spokesNoun(quint64 h) const { return h == spokesman || h == spokeswoman || h == spokesperson; }
    bool reportVerb(quint64 h) const
    {
        return h == said || h == says || h == reported || h == posted || h == announced;
    }
};

const CueWords &cueWords()
{
    static const CueWords c;
    return c;
}

} // namespace

void Document::addCompanyCues()
{
    const CueWords &cue = cueWords();
    // Which mention holds each token; built on the first cue only (most tokens are no cue).
    std::vector<int> owner;
    auto ensureOwner = [&] {
        if (!owner.empty())
            return;
        owner.assign(size_t(m_n), -1);
        for (int m = 0; m < int(m_mentions.size()); ++m) {
            for (int t = m_mentions[size_t(m)].tb; t < m_mentions[size_t(m)].te; ++t)
                owner[size_t(t)] = m;
        }
    };
    constexpr quint32 place = (1u << GazLoc) | (1u << GazCountry) | (1u << GazNat);
    auto usable = [&](int t) { return t >= 0 && t < m_n && !structural(t) && !m_heading[size_t(t)]; };
    // "said its", "said on Monday its", "said last week that its": the verb at v, "its" close after.
    auto itsAfter = [&](int v) {
        if (!cue.reportVerb(m_info[size_t(v)].lower) || !usable(v))
            return false;
        int t = v + 1;
        if (t + 1 < m_n && (word(t) == u"on" || word(t) == u"last" || word(t) == u"this")
            && (isCalendarWord(word(t + 1)) || word(t + 1) == u"week" || word(t + 1) == u"year"))
            t += 2;
        if (t < m_n && word(t) == u"that")
            ++t;
        return t < m_n && m_info[size_t(t)].lower == cue.its && !newlineBefore(t);
    };
    // The name whose last token is te - 1: a tagged mention ending there, else up to three capitalised
    // words no mention holds. Returns its first token, or -1.
    auto nameEndingAt = [&](int te) {
        const int t = te - 1;
        if (!usable(t) || !nameWord(t))
            return -1;
        if (owner[size_t(t)] >= 0) {
            const Mention &m = m_mentions[size_t(owner[size_t(t)])];
            return m.te == te && m.type != Entity::Type::Misc ? m.tb : -1;
        }
        int tb = te;
        while (tb > 0 && te - tb < 3 && usable(tb - 1) && nameWord(tb - 1) && owner[size_t(tb - 1)] < 0
               && !newlineBefore(tb))
            --tb;
        while (tb < te
               && (isFunctionWord(word(tb))
                   || (m_info[size_t(tb)].sentenceStart && isSentenceOpener(word(tb)))
                   || m_info[size_t(tb)].title))
            ++tb;
        return tb < te && word(te - 1).size() > 1 ? tb : -1;
    };
    // shares: the name has shares or a spokesman (a place has neither: "London shares", "a Gaza
    // spokesman" speaks for someone else); person: the cue could be said of a person.
    auto record = [&](int tb, int te, bool shares, bool person) {
        if (isCountry(tb, te) || (shares && (m_info[size_t(tb)].gaz & place)))
            return;
        // People say "its" of the firm they speak for ("Ada Lind said its sales rose") and have
        // spokesmen: a first name, a title before the name or the surname of a person named in full
        // keeps a person.
        if (person) {
            if ((tb > 0 && m_info[size_t(tb - 1)].title) || (m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
                return;
            for (const Mention &m : m_mentions) {
                if (m.type == Entity::Type::Person && m.te - m.tb >= 2 && te - tb == 1
                    && phraseHash(m.te - 1, m.te) == phraseHash(tb, te))
                    return;
            }
        }
        if (owner[size_t(tb)] < 0) {
            if (covered(tb, te))
                return;
            for (int t = tb; t < te; ++t)
                owner[size_t(t)] = int(m_mentions.size());
            m_mentions.push_back({ tb, te, Entity::Type::Org, Tagged, -1, {} });
            cover(tb, te);
        }
        m_orgCues.insert(phraseHash(tb, te));
    };
    // "Vellmark gained 0.50", "Kestrel fell 3 pence", "Kestrel was up 1.2 percent": a price after a
    // move verb, a decimal or a number with a price unit (a score or a count of points is no price).
    // A share, a stock or an index in the sentence around token t: "percent" alone is no price
    // ("Smith lost 3 percent in the polls", "Unemployment rose 0.3 percent").
    auto marketAround = [&](int t) {
        auto market = [&](int k) {
            const QStringView w = word(k);
            return w.compare(u"share", Qt::CaseInsensitive) == 0
                || w.compare(u"shares", Qt::CaseInsensitive) == 0
                || w.compare(u"stock", Qt::CaseInsensitive) == 0
                || w.compare(u"stocks", Qt::CaseInsensitive) == 0
                || w.compare(u"index", Qt::CaseInsensitive) == 0;
        };
        for (int k = t; k >= 0 && t - k < 30; --k) {
            if (market(k))
                return true;
            if (m_info[size_t(k)].sentenceStart || newlineBefore(k))
                break;
        }
        for (int k = t + 1; k < m_n && k - t < 30 && !newlineBefore(k) && !m_info[size_t(k)].sentenceStart;
             ++k) {
            if (market(k))
                return true;
        }
        return false;
    };
    auto priceAt = [&](int t) {
        if (t >= m_n || newlineBefore(t) || word(t).isEmpty() || !word(t)[0].isDigit())
            return false;
        if (t + 1 < m_n && !newlineBefore(t + 1) && isPriceUnit(word(t + 1))) {
            const QStringView unit = word(t + 1);
            const bool percent = unit == u"%" || unit.compare(u"percent", Qt::CaseInsensitive) == 0
                || unit.compare(u"pct", Qt::CaseInsensitive) == 0;
            return !percent || marketAround(t);
        }
        // A bare decimal closing the clause ("gained 0.50 and", "rose 1.20 ."), not "0.3 seconds".
        return word(t).contains(u'.') && !word(t).endsWith(u'.')
            && (t + 1 >= m_n || newlineBefore(t + 1) || isPunct(word(t + 1)) || word(t + 1) == u"and"
                || word(t + 1) == u"at" || word(t + 1) == u"to");
    };
    auto digitAt = [&](int t) { return t < m_n && !word(t).isEmpty() && word(t)[0].isDigit(); };
    auto priceMoveAt = [&](int v) {
        if (digitAt(v + 1))
            return isPriceMoveVerb(word(v)) && priceAt(v + 1);
        if (v + 2 < m_n && (word(v) == u"was" || word(v) == u"were")
            && (word(v + 1) == u"up" || word(v + 1) == u"down"))
            return digitAt(v + 2) && priceAt(v + 2);
        return false;
    };
    for (int i = 1; i < m_n; ++i) {
        // "Kestrel shares fell", "Kestrel said on Monday its", "a Kestrel spokesman said".
        const quint64 h = m_info[size_t(i)].lower;
        if (nameWord(i - 1) && !newlineBefore(i) && !m_info[size_t(i)].initialUpper && usable(i)
            && priceMoveAt(i)) {
            ensureOwner();
            // A name read as a person in full or opening with a first name stays a person.
            const int o = owner[size_t(i - 1)];
            const bool person = o >= 0 && m_mentions[size_t(o)].type == Entity::Type::Person
                && m_mentions[size_t(o)].te - m_mentions[size_t(o)].tb >= 2;
            if (const int tb = nameEndingAt(i);
                tb >= 0 && !person && !(m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
                record(tb, i, true, true);
            continue;
        }
        const bool shares = cue.shareNoun(h);
        const bool spokes = !shares && cue.spokesNoun(h);
        if ((!shares && !spokes && !cue.reportVerb(h)) || !nameWord(i - 1) || newlineBefore(i))
            continue;
        if ((shares || spokes) ? (m_info[size_t(i)].initialUpper || !usable(i)) : !itsAfter(i))
            continue;
        ensureOwner();
        if (const int tb = nameEndingAt(i); tb >= 0)
            record(tb, i, shares || spokes, !shares);
    }
    // The name whose first token is tb: a tagged mention starting there, else up to three
    // capitalised words no mention holds. Returns one past its last token, or -1.
    auto nameStartingAt = [&](int tb) {
        if (tb >= m_n || !usable(tb) || !nameWord(tb) || newlineBefore(tb))
            return -1;
        if (owner[size_t(tb)] >= 0) {
            const Mention &m = m_mentions[size_t(owner[size_t(tb)])];
            return m.tb == tb && m.type != Entity::Type::Misc ? m.te : -1;
        }
        int te = tb;
        while (te < m_n && te - tb < 3 && usable(te) && nameWord(te) && owner[size_t(te)] < 0
               && (te == tb || !newlineBefore(te)))
            ++te;
        return te;
    };
    // A lower-case word at t, in the same paragraph, that is no speech verb ("founded", "ran").
    auto relativeVerbAt = [&](int t) {
        if (t >= m_n || newlineBefore(t) || m_info[size_t(t)].speechVerb)
            return false;
        const QStringView w = word(t);
        return !w.isEmpty() && w.front().isLower();
    };
    // A town or country the place lists name and the organisation lists do not ("Leeds"): before a
    // media noun it is where the paper is published, whatever the tagger read it as.
    auto listedPlace = [&](int tb, int te) {
        if (!m_model || te - tb > Gazetteer::kMaxWords
            || !(m_info[size_t(tb)].gaz & ((1u << GazLoc) | (1u << GazCountry))))
            return false;
        QList<QStringView> words;
        for (int t = tb; t < te; ++t)
            words.append(word(t));
        const quint8 classes = m_model->gazetteer().lookup(words);
        return (classes & ((1u << GazLoc) | (1u << GazCountry))) && !(classes & (1u << GazOrg));
    };
    auto markPlace = [&](int tb, int te) {
        if (owner[size_t(tb)] >= 0) {
            Mention &m = m_mentions[size_t(owner[size_t(tb)])];
            if (m.tb == tb && m.te == te && m.strength != Structural)
                m.type = Entity::Type::Loc;
        } else if (!covered(tb, te)) {
            for (int t = tb; t < te; ++t)
                owner[size_t(t)] = int(m_mentions.size());
            m_mentions.push_back({ tb, te, Entity::Type::Loc, Tagged, -1, {} });
            cover(tb, te);
        }
    };
    for (int i = 0; i + 1 < m_n; ++i) {
        const quint64 h = m_info[size_t(i)].lower;
        if (m_info[size_t(i)].initialUpper)
            continue;
        // A kind of organisation next to a name ("the carmaker Lessard", "the Kestrel union") or a
        // word a party's or a firm's name follows ("the opposition Unity Party"): looked up only next
        // to a name word.
        bool kind = false, before = false;
        if (!cue.shareNoun(h) && !cue.mediaNoun(h) && h != cue.club) {
            const bool namePrev = i > 0 && nameWord(i - 1);
            if (!nameWord(i + 1) && !namePrev)
                continue;
            const QStringView w = word(i);
            if (w.size() < 4) // "the", "of": no kind noun is shorter ("bank", "firm")
                continue;
            kind = isOrgKindNoun(w);
            before = !kind && isOrgBeforeWord(w) && nameWord(i + 1) && !newlineBefore(i + 1);
            if (!kind && !before)
                continue;
        }
        ensureOwner();
        const quint64 next = m_info[size_t(i + 1)].lower;
        if (before) {
            if (const int te = nameStartingAt(i + 1); te > 0 && usable(i) && !m_info[size_t(i + 1)].title)
                record(i + 1, te, true, true);
        } else if (cue.shareNoun(h) && (next == cue.in || next == cue.of)) {
            // "shares in Kestrel", "shares of Kestrel Mining".
            if (const int te = nameStartingAt(i + 2); te > 0)
                record(i + 2, te, true, false);
        } else if (h == cue.club && usable(i)) {
            // "Dutch club Feyenoord": the name after "club" is the club (not a listed place, not a
            // first name: "club captain" is no name, "club Ada Lind" a person).
            if (const int te = nameStartingAt(i + 1); te > 0)
                record(i + 1, te, true, true);
        } else if ((kind || cue.mediaNoun(h)) && usable(i)) {
            // "the daily Postvard", "the newspaper Kestrel Post" (a person or a place there is the
            // newspaper's reporter or town: "the agency's Ada Lind", "a daily in Leeds"; a title
            // there is a person's: "the central bank Governor Ada Lind").
            // A lower-case word after the name other than a speech verb may be the verb of a relative
            // clause: "the company Halvorsen founded", "the bank Halvorsen ran" name a person.
            if (const int te = nameStartingAt(i + 1);
                te > 0 && !(kind && m_info[size_t(i + 1)].title) && !(kind && relativeVerbAt(te)))
                record(i + 1, te, true, true);
            // "Postvard newspaper", "Kestrel news agency", "the Tervo union"; a kind noun only right
            // after "the <name>" and never "party" or "group", which follow events, holidays and
            // products as often ("a Christmas party", "a WhatsApp group", "a Leeds firm").
            const int end
                = h == cue.news ? -1 : (i >= 1 && m_info[size_t(i - 1)].lower == cue.news ? i - 1 : i);
            const bool kindAfterName = !kind || (h != cue.party && h != cue.group);
            if (end > 0 && kindAfterName && nameWord(end - 1) && !newlineBefore(end)
                && !m_info[size_t(end)].initialUpper) {
                const int tb = nameEndingAt(end);
                if (tb >= 0 && kind && !(tb >= 1 && m_info[size_t(tb - 1)].lower == cue.the))
                    continue;
                if (tb >= 0) {
                    if (listedPlace(tb, end))
                        markPlace(tb, end); // "a Leeds newspaper": the paper's town
                    else
                        record(tb, end, true, true);
                }
            }
        }
    }
    // "Kestrel's chairman", "Kestrel's chief executive", "the chairman of Kestrel", "shareholders of
    // Kestrel", "an analyst at Kestrel": people and parts only an organisation has (places, countries
    // and people are kept by record()).
    auto lowerAt
        = [&](int t) { return t < m_n && !m_info[size_t(t)].initialUpper && !newlineBefore(t) && usable(t); };
    auto possessiveAt = [&](int t) {
        return t >= 0
            && (m_info[size_t(t)].lower == cue.possessive || m_info[size_t(t)].lower == cue.possessiveCurly)
            && isPossessive(word(t));
    };
    for (int i = 0; i + 2 < m_n; ++i) {
        // "Shareholders of Kestrel" may open a sentence.
        if (m_info[size_t(i)].initialUpper && !m_info[size_t(i)].sentenceStart)
            continue;
        const quint64 after = m_info[size_t(i + 1)].lower;
        if (after != cue.of && after != cue.at && !possessiveAt(i - 1) && !possessiveAt(i - 2))
            continue;
        const QStringView w = word(i);
        if (w.size() < 2)
            continue;
        const bool member = isOrgMemberNoun(w);
        const bool staff = !member && isOrgStaffNoun(w);
        if (!member && !staff)
            continue;
        // The name after "of" (a member) or "at" (a job).
        if (usable(i) && after == (member ? cue.of : cue.at) && !newlineBefore(i + 1)) {
            ensureOwner();
            if (const int te = nameStartingAt(i + 2); te > 0)
                record(i + 2, te, true, true);
        }
        // The name before "'s", right before the noun or one lower-case word before it ("chief"):
        // only for what no person has ("Kestrel's shareholders", "Kestrel's chief executive"; a
        // minister has a spokesman, a president an executive order).
        const bool owned = isOrgPossessiveNoun(w)
            || (m_info[size_t(i)].lower == cue.executive && i >= 1
                && m_info[size_t(i - 1)].lower == cue.chief);
        if (!member || !owned || !lowerAt(i))
            continue;
        int p = i - 1;
        if (p >= 1 && lowerAt(p) && !isPossessive(word(p)))
            --p;
        if (p >= 1 && isPossessive(word(p)) && !newlineBefore(p) && nameWord(p - 1)) {
            ensureOwner();
            if (const int tb = nameEndingAt(p); tb >= 0)
                record(tb, p, true, true);
        }
    }
    // A definition of the name: "Kestrel is a Norwegian shipping company", "Kestrel, an Oslo lender,
    // said", "Kestrel was the world's largest carmaker until". Only kinds no person is count
    // (org-kind-nouns less org-kind-person-jobs: not "a coal miner", "a broker", "a former regulator").
    // The kind noun must close its phrase (punctuation or a word of org-definition-after next: "a union
    // official", "the party's leader" define a person), and at most four words stand between the article
    // and it, none a function word ("a member of the party"; "a group of islands" is none). A person
    // named in full or a date is never defined so.
    for (int i = 1; i + 2 < m_n; ++i) {
        const QStringView v = word(i);
        const bool comma = v == u",";
        if (!nameWord(i - 1) || newlineBefore(i) || !usable(i)
            || (!comma && (m_info[size_t(i)].initialUpper || !isOrgDefinitionVerb(v))))
            continue;
        const quint64 art = m_info[size_t(i + 1)].lower;
        if ((art != cue.a && art != cue.an && art != cue.the) || newlineBefore(i + 1))
            continue;
        int kindAt = -1;
        for (int k = i + 2; k < m_n && k - i <= 6 && !newlineBefore(k) && usable(k); ++k) {
            const QStringView w = word(k);
            if (isPossessive(w))
                continue;
            if (isPunct(w) || isFunctionWord(w) || isOrgDefinitionAfter(w) || m_info[size_t(k)].speechVerb)
                break;
            if (!m_info[size_t(k)].initialUpper && isOrgDefinitionKind(w)) {
                kindAt = k;
                break;
            }
        }
        if (kindAt < 0)
            continue;
        const int after = kindAt + 1;
        if (after < m_n && !newlineBefore(after) && !(isPunct(word(after)) && !isPossessive(word(after)))
            && !isOrgDefinitionAfter(word(after)))
            continue;
        // "a group of islands", "a union of states": a collection, no organisation.
        const quint64 kindWord = m_info[size_t(kindAt)].lower;
        if ((kindWord == cue.group || kindWord == cue.union_) && after < m_n
            && m_info[size_t(after)].lower == cue.of)
            continue;
        ensureOwner();
        if (const int o = owner[size_t(i - 1)]; o >= 0) {
            const Mention &m = m_mentions[size_t(o)];
            const bool named = m.type == Entity::Type::Org || m.type == Entity::Type::Loc
                || (m.type == Entity::Type::Person && m.te - m.tb == 1);
            if (!named)
                continue;
        }
        // "In Marsk, a firm that makes nets closed": a place that opens the sentence, not a definition.
        if (const int tb = nameEndingAt(i); tb >= 0 && !isCalendarWord(word(tb))
            && !(comma && tb >= 1 && m_info[size_t(tb - 1)].initialUpper && isPlacePreposition(word(tb - 1))))
            record(tb, i, true, true);
    }
}

} // namespace Lede::EntityParts
