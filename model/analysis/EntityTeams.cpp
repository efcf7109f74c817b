// SPDX-License-Identifier: GPL-3.0-or-later
// Teams in match reports: "Leicester 2 Arsenal 1", "Leicester 2-1 Arsenal", "Leicester beat Arsenal
// 3-0". A club named by its town, or a national team named by its country, reads as a place to the
// tagger; next to a score it is the team, an organisation, and so are the name's other mentions in
// the report (a match report's "Sweden" is the team).
#include "EntityDocument.h"

#include <QSet>
#include <algorithm>

namespace Lede::EntityParts {

namespace {

bool isGoals(QStringView w)
{
    return (w.size() == 1 || w.size() == 2)
        && std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
}

// "2-1", "3–0": one token (the tokenizer keeps a hyphen between word characters).
bool isScore(QStringView w)
{
    qsizetype dash = -1;
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (w[i] == u'-' || w[i] == u'–')
            dash = i;
    }
    return dash > 0 && isGoals(w.first(dash)) && isGoals(w.sliced(dash + 1));
}

// A batsman's runs or a scorer's minute ("88", "23"), or bowling figures ("4-38").
bool isFigure(QStringView w)
{
    const qsizetype dash = w.indexOf(u'-');
    auto digits = [](QStringView d) {
        return d.size() >= 1 && d.size() <= 3
            && std::all_of(d.begin(), d.end(), [](QChar c) { return c.isDigit(); });
    };
    return dash < 0 ? digits(w) : digits(w.first(dash)) && digits(w.sliced(dash + 1));
}

} // namespace

void Document::markTeams()
{
    std::vector<int> owner(size_t(m_n), -1);
    for (int m = 0; m < int(m_mentions.size()); ++m) {
        for (int t = m_mentions[size_t(m)].tb; t < m_mentions[size_t(m)].te; ++t)
            owner[size_t(t)] = m;
    }
    auto usable = [&](int t) { return t >= 0 && t < m_n && !structural(t) && !m_heading[size_t(t)]; };
    // A score at t (one token "2-1" or "2 - 1"): the token after it, else -1.
    auto scoreAt = [&](int t) {
        if (!usable(t))
            return -1;
        if (isScore(word(t)))
            return t + 1;
        if (t + 2 < m_n && isGoals(word(t)) && isDash(word(t + 1)) && isGoals(word(t + 2)))
            return t + 3;
        return -1;
    };
    // The team slot ending before `te` or starting at `tb`: a place or organisation the tagger found,
    // or capitalised words the tagger left alone that a place list names.
    // On a result line ("Barnsley 2 Norwich 1" alone on its line) any name is a team, whatever the
    // tagger read it as.
    auto slotEndingAt = [&](int te, int &tb, bool line = false) {
        const int t = te - 1;
        if (!usable(t) || newlineBefore(te))
            return false;
        if (owner[size_t(t)] >= 0) {
            const Mention &m = m_mentions[size_t(owner[size_t(t)])];
            tb = m.tb;
            // On a result line the club's whole name: "Quenby Albion" when the tagger took "Albion".
            while (line && tb > 0 && te - tb < 3 && usable(tb - 1) && nameWord(tb - 1)
                   && owner[size_t(tb - 1)] < 0 && !newlineBefore(tb))
                --tb;
            return m.te == te
                && (m.type == Entity::Type::Loc || m.type == Entity::Type::Org
                    || (line && m.type == Entity::Type::Person));
        }
        tb = te;
        while (tb > 0 && te - tb < 3 && usable(tb - 1) && nameWord(tb - 1) && owner[size_t(tb - 1)] < 0
               && (tb == te || !newlineBefore(tb)))
            --tb;
        // "Kelby Rovers 2": on a result line the tagger's mention of the first word joins the rest.
        if (line && tb < te && tb > 0 && owner[size_t(tb - 1)] >= 0 && !newlineBefore(tb)) {
            const Mention &m = m_mentions[size_t(owner[size_t(tb - 1)])];
            if (m.te == tb && te - m.tb <= 4 && usable(m.tb))
                tb = m.tb;
        }
        while (tb < te && m_info[size_t(tb)].sentenceStart && isSentenceOpener(word(tb)))
            ++tb;
        return tb < te && (line || (m_info[size_t(tb)].gaz & (1u << GazLoc)));
    };
    auto slotStartingAt = [&](int tb, int &te, bool line = false) {
        if (!usable(tb) || newlineBefore(tb))
            return false;
        if (owner[size_t(tb)] >= 0) {
            const Mention &m = m_mentions[size_t(owner[size_t(tb)])];
            te = m.te;
            while (line && te < m_n && te - tb < 3 && usable(te) && nameWord(te) && owner[size_t(te)] < 0
                   && !newlineBefore(te))
                ++te;
            return m.tb == tb
                && (m.type == Entity::Type::Loc || m.type == Entity::Type::Org
                    || (line && m.type == Entity::Type::Person));
        }
        te = tb;
        while (te < m_n && te - tb < 3 && usable(te) && nameWord(te) && owner[size_t(te)] < 0
               && (te == tb || !newlineBefore(te)))
            ++te;
        if (line && te > tb && te < m_n && owner[size_t(te)] >= 0 && !newlineBefore(te)) {
            const Mention &m = m_mentions[size_t(owner[size_t(te)])];
            if (m.tb == te && m.te - tb <= 4 && usable(m.te - 1))
                te = m.te;
        }
        return te > tb && (line || (m_info[size_t(tb)].gaz & (1u << GazLoc)));
    };
    auto untaggedEndingAt = [&](int te, int &tb) {
        return te > 0 && owner[size_t(te - 1)] < 0 && slotEndingAt(te, tb, true) && owner[size_t(tb)] < 0;
    };
    auto untaggedStartingAt = [&](int tb, int &te) {
        return tb < m_n && owner[size_t(tb)] < 0 && slotStartingAt(tb, te, true) && owner[size_t(te - 1)] < 0;
    };
    auto lineStart = [&](int t) { return t == 0 || newlineBefore(t); };
    auto lineEnd = [&](int t) { return t >= m_n || newlineBefore(t); };
    // A result opening its line: "Kelby 2 Marrow 1", also with scorers in brackets ("Kelby 2 (Lind
    // 23, Roe 67) Marrow 1 (Holt 12)."). The goals of the first team are at i; the second team's
    // name starts at `second`.
    auto lineResult = [&](int i, int &lb, int &second, int &re) {
        if (!isGoals(word(i)) || !usable(i) || !slotEndingAt(i, lb, true) || !lineStart(lb))
            return false;
        second = i + 1;
        if (second < m_n && word(second) == u"(") {
            int k = second + 1;
            while (k < m_n && k < second + 40 && !newlineBefore(k) && word(k) != u")")
                ++k;
            if (k >= m_n || word(k) != u")" || newlineBefore(k))
                return false;
            second = k + 1;
        }
        if (!slotStartingAt(second, re, true) || re >= m_n || !isGoals(word(re)) || newlineBefore(re))
            return false;
        return lineEnd(re + 1) || word(re + 1) == u"(" || word(re + 1) == u".";
    };
    // Scorers in the brackets after a team's goals on a result line, "(Ada Lind 23, Bo Renner 67
    // pen)": each name before a minute is a person, whatever the tagger made of it.
    std::vector<std::pair<int, int>> scorers;
    auto readScorers = [&](int open) {
        int k = open + 1;
        while (k < m_n && !newlineBefore(k) && word(k) != u")") {
            const int nb = k;
            while (k < m_n && k - nb < 3 && nameWord(k) && usable(k) && !newlineBefore(k))
                ++k;
            if (k - nb < 2 || k >= m_n || newlineBefore(k) || !isFigure(word(k)))
                return; // a surname alone stays with the tagger: "(Lind 23)" could be anything
            scorers.emplace_back(nb, k);
            while (k < m_n && !newlineBefore(k) && word(k) != u"," && word(k) != u";" && word(k) != u")")
                ++k; // the minute and what follows it ("pen", a second minute)
            if (k < m_n && (word(k) == u"," || word(k) == u";"))
                ++k;
        }
    };
    // "(J. Pell 88, T. Ravi 45; K. Amsel 4-38)": does the bracket at `open` start with a name and a
    // figure, as the scorers after a team's runs or goals do?
    auto scorersFollow = [&](int open) {
        if (open >= m_n || word(open) != u"(" || newlineBefore(open))
            return false;
        int k = open + 1;
        while (k < m_n && k - open <= 3 && nameWord(k) && usable(k) && !newlineBefore(k))
            ++k;
        return k - open >= 3 && k < m_n && !newlineBefore(k) && isFigure(word(k));
    };
    std::vector<std::pair<int, int>> teams;
    std::vector<std::pair<int, int>> weak; // teams by bare numbers only
    // A fixture "A v B" in a sports report: a score somewhere ("2-1", or runs for wickets, "410-6").
    bool scores = false;
    for (int t = 0; t < m_n; ++t) {
        const QStringView w = word(t);
        if (w.size() <= 2 && (w == u"v" || w == u"vs")) {
            scores = true;
            break;
        }
    }
    bool scored = false;
    for (int t = 0; scores && !scored && t < m_n; ++t) {
        const QStringView w = word(t);
        if (w.size() < 3 || !w[0].isDigit())
            continue;
        const qsizetype dash = w.indexOf(u'-');
        scored = isScore(w)
            || (dash >= 2 && dash <= 3 && w.size() - dash - 1 >= 1 && w.size() - dash - 1 <= 2
                && std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit() || c == u'-'; }));
    }
    scores = scores && scored;
    // "Kelby v Marlow", "Kelby 410-6 declared v Marlow" in a report with scores: a fixture (a court
    // case writes "v." and has no score; people the tagger found stay people).
    for (int i = 1; scores && i + 1 < m_n; ++i) {
        if ((word(i) != u"v" && word(i) != u"vs") || !usable(i))
            continue;
        int le = i, lb = 0, re = 0;
        if (le > 1 && word(le - 1) == u"declared")
            --le;
        if (le > 1 && word(le - 1).contains(u'-') && word(le - 1)[0].isDigit())
            --le;
        if ((slotEndingAt(le, lb) || untaggedEndingAt(le, lb))
            && (slotStartingAt(i + 1, re) || untaggedStartingAt(i + 1, re))) {
            teams.emplace_back(lb, le);
            teams.emplace_back(i + 1, re);
        }
    }
    for (int i = 1; i < m_n; ++i) {
        if (!nameWord(i - 1))
            continue; // every pattern has a team name right before token i
        int lb = 0, re = 0;
        if (const int after = scoreAt(i); after > 0) {
            // "Leicester 2-1 Arsenal"; a second score right after is a tennis set ("6-4 6-3").
            if (scoreAt(after) < 0 && slotEndingAt(i, lb) && slotStartingAt(after, re)) {
                teams.emplace_back(lb, i);
                teams.emplace_back(after, re);
            } else if (scoreAt(after) < 0 && slotEndingAt(i, lb, true) && lineStart(lb)
                       && slotStartingAt(after, re, true)
                       && (lineEnd(re) || (word(re) == u"." && lineEnd(re + 1)))) {
                // "Leeds 0-0 Norwich" alone on its line: both names are teams, however the tagger
                // read them (or left them untagged).
                teams.emplace_back(lb, i);
                teams.emplace_back(after, re);
            }
        } else if (int second = 0; lineResult(i, lb, second, re)) {
            teams.emplace_back(lb, i);
            teams.emplace_back(second, re);
            if (second > i + 1)
                readScorers(i + 1);
            if (re + 1 < m_n && word(re + 1) == u"(")
                readScorers(re + 1);
        } else if (isGoals(word(i)) && usable(i) && slotEndingAt(i, lb) && slotStartingAt(i + 1, re)
                   && re < m_n && isGoals(word(re)) && !newlineBefore(re)) {
            // "Leicester 2 Arsenal 1", but not a table of names and numbers ("London 12 Paris 14 Madrid
            // 20", a medal table): no third pair before or after. Bare numbers are a weak sign: the two
            // slots are teams, their names elsewhere keep their type.
            int more = 0;
            const bool pairAfter
                = re + 2 < m_n && slotStartingAt(re + 1, more) && more < m_n && isGoals(word(more));
            const bool pairBefore
                = lb >= 2 && !newlineBefore(lb) && isGoals(word(lb - 1)) && nameWord(lb - 2);
            if (!pairAfter && !pairBefore) {
                weak.emplace_back(lb, i);
                weak.emplace_back(i + 1, re);
            }
        } else if (isMatchVerb(word(i)) && usable(i) && (slotEndingAt(i, lb) || untaggedEndingAt(i, lb))) {
            // "Leicester beat Arsenal 3-0", "Leicester drew with Arsenal 1-1": a score must follow;
            // "Leicester lost 0-2 to Arsenal": or come first. With the score a name the tagger left
            // alone is a team too ("Feyenoord beat Ajax 2-1"); a tagged person is not.
            int b = i + 1;
            // "Kelso Rovers and Glenmarch drew 1-1": both names before the verb and a single score.
            if (int fb = 0; lb >= 2 && word(lb - 1) == u"and" && scoreAt(b) > 0 && scoreAt(scoreAt(b)) < 0
                && slotEndingAt(lb - 1, fb, true)) {
                teams.emplace_back(fb, lb - 1);
                teams.emplace_back(lb, i);
                continue;
            }
            if (const int after = scoreAt(b); after > 0 && scoreAt(after) < 0 && after < m_n
                && (word(after) == u"to" || word(after) == u"against" || word(after) == u"with")
                && (slotStartingAt(after + 1, re, true) || untaggedStartingAt(after + 1, re))) {
                // A single score, then the opponent: a team even where the tagger read a person
                // ("Quenby drew 1-1 with Marsh Vale"; a tennis result has sets).
                teams.emplace_back(lb, i);
                teams.emplace_back(after + 1, re);
                continue;
            }
            if (b < m_n && (word(b) == u"with" || word(b) == u"to"))
                ++b;
            if (!slotStartingAt(b, re) && !untaggedStartingAt(b, re))
                continue;
            // "Castlebury beat Norbridge by six wickets", "by an innings and 39 runs": a margin in
            // wickets, runs or points is a result between teams as a score is.
            if (re + 2 < m_n && word(re) == u"by" && !newlineBefore(re)) {
                bool margin = false;
                for (int k = re + 1;
                     !margin && k < m_n && k < re + 6 && !newlineBefore(k) && !isTerminal(word(k)); ++k)
                    margin = isMatchMargin(word(k));
                if (margin) {
                    teams.emplace_back(lb, i);
                    teams.emplace_back(b, re);
                    continue;
                }
            }
            for (int k = re; k < m_n && k < re + 6 && !newlineBefore(k) && !isTerminal(word(k)); ++k) {
                if (const int after = scoreAt(k); after > 0) {
                    if (scoreAt(after) < 0) {
                        teams.emplace_back(lb, i);
                        teams.emplace_back(b, re);
                    }
                    break;
                }
            }
        }
    }
    // An innings: "Castlebury 241 (J. Pell 88, T. Ravi 45)", "Harwick 259 and 207 (B. Mott 69; K. Ondrey
    // 4-43)", opening a line or after a comma, semicolon or colon: the name before the runs is a team
    // whatever the tagger read, and the names in the brackets before their runs or figures are players.
    auto isRuns = [](QStringView w) {
        const qsizetype dash = w.indexOf(u'-');
        const QStringView runs = dash < 0 ? w : w.first(dash);
        return runs.size() >= 1 && runs.size() <= 3
            && std::all_of(runs.begin(), runs.end(), [](QChar c) { return c.isDigit(); })
            && (dash < 0 || (w.size() - dash - 1 >= 1 && w.size() - dash - 1 <= 2));
    };
    // "Westland first innings": an innings' heading line names the batting team. "the match between
    // Westland and Eastmoor", "the final between ...": both sides are teams. Each shape is anchored
    // right after a name word, read in the standings pass below.
    auto wireShapes = [&](int i) {
        int lb = 0;
        const QStringView w = word(i);
        if (!w.isEmpty() && w[0].isDigit()) {
            if (!isRuns(w) || newlineBefore(i) || !usable(i))
                return;
            int k = i + 1;
            if (k + 1 < m_n && word(k) == u"and" && isRuns(word(k + 1)) && !newlineBefore(k + 1))
                k += 2;
            if (k < m_n && word(k) == u"declared")
                ++k;
            if (!scorersFollow(k) || !slotEndingAt(i, lb, true))
                return;
            if (!lineStart(lb) && word(lb - 1) != u"," && word(lb - 1) != u";" && word(lb - 1) != u":")
                return;
            teams.emplace_back(lb, i);
            readScorers(k);
        } else if ((w == u"first" || w == u"second") && i + 1 < m_n && word(i + 1) == u"innings") {
            if (lineEnd(i + 2) && slotEndingAt(i, lb, true) && lineStart(lb))
                teams.emplace_back(lb, i);
        } else if (i >= 3 && word(i - 2) == u"between" && isMatchNoun(word(i - 3)) && usable(i - 3)) {
            // The first side starts at i - 1.
            int le = 0, re = 0;
            if (!slotStartingAt(i - 1, le) && !untaggedStartingAt(i - 1, le))
                return;
            // "the final between Ulmen and Tennant": players, not teams. A side read as a person, opening
            // with a first name or named like a person read elsewhere (in full or by surname) keeps both
            // sides people.
            auto personAt = [&](int tb, int te) {
                if ((owner[size_t(tb)] >= 0
                     && m_mentions[size_t(owner[size_t(tb)])].type == Entity::Type::Person)
                    || (m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
                    return true;
                const quint64 h = phraseHash(tb, te);
                for (const Mention &m : m_mentions) {
                    if (m.type == Entity::Type::Person
                        && (phraseHash(m.tb, m.te) == h || (te - tb == 1 && phraseHash(m.te - 1, m.te) == h)))
                        return true;
                }
                return false;
            };
            if (le + 1 < m_n && word(le) == u"and"
                && (slotStartingAt(le + 1, re) || untaggedStartingAt(le + 1, re)) && !personAt(i - 1, le)
                && !personAt(le + 1, re)) {
                teams.emplace_back(i - 1, le);
                teams.emplace_back(le + 1, re);
            }
        }
    };
    // A standings row: a name alone on its line with six or more numbers (played, won, drawn, lost,
    // goals for and against, points); a medal table has four.
    auto isCount = [](QStringView w) {
        return w.size() >= 1 && w.size() <= 3
            && std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
    };
    for (int i = 1; i < m_n; ++i) {
        if (!nameWord(i - 1))
            continue;
        wireShapes(i);
        int lb = 0;
        if (!isCount(word(i)) || newlineBefore(i) || !usable(i) || !slotEndingAt(i, lb, true)
            || !lineStart(lb))
            continue;
        int k = i;
        while (k < m_n && (k == i || !newlineBefore(k)) && isCount(word(k)))
            ++k;
        if (k - i >= 6 && lineEnd(k))
            teams.emplace_back(lb, i);
    }
    QSet<quint64> names;
    const size_t strong = teams.size();
    teams.insert(teams.end(), weak.cbegin(), weak.cend());
    for (size_t k = 0; k < teams.size(); ++k) {
        const auto [tb, te] = teams[k];
        if (k < strong)
            names.insert(phraseHash(tb, te));
        int o = owner[size_t(tb)];
        if (o < 0)
            o = owner[size_t(te - 1)];
        if (o >= 0) {
            // The slot may be longer than the tagger's mention (a result line's whole club name).
            Mention &m = m_mentions[size_t(o)];
            for (int t = tb; t < te; ++t)
                owner[size_t(t)] = o;
            cover(tb, te);
            m.tb = std::min(m.tb, tb);
            m.te = std::max(m.te, te);
            m.type = Entity::Type::Org;
            m.strength = Structural;
        } else if (!covered(tb, te)) {
            for (int t = tb; t < te; ++t)
                owner[size_t(t)] = int(m_mentions.size());
            m_mentions.push_back({ tb, te, Entity::Type::Org, Structural, -1, {} });
            cover(tb, te);
        }
    }
    for (const auto &[tb, te] : scorers) {
        const int o = owner[size_t(tb)];
        if (o >= 0) {
            Mention &m = m_mentions[size_t(o)];
            if (m.tb == tb && m.te == te && m.strength != Structural)
                m.type = Entity::Type::Person;
        } else if (!covered(tb, te)) {
            for (int t = tb; t < te; ++t)
                owner[size_t(t)] = int(m_mentions.size());
            m_mentions.push_back({ tb, te, Entity::Type::Person, Tagged, -1, {} });
            cover(tb, te);
        }
    }
    // The team's name means the team everywhere in the report, not the town ("fans in Leicester"
    // is rare next to a result; a town report with one result line has the team once).
    if (names.isEmpty())
        return;
    // A tagged person of the same name is the team too ("Marsh Vale remain second"); a dateline's
    // place stays a place.
    for (Mention &m : m_mentions) {
        if ((m.type == Entity::Type::Loc || (m.type == Entity::Type::Person && m.strength == Tagged))
            && !structural(m.tb) && names.contains(phraseHash(m.tb, m.te)))
            m.type = Entity::Type::Org;
    }
}

} // namespace Lede::EntityParts
