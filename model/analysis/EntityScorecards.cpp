// SPDX-License-Identifier: GPL-3.0-or-later
// Cricket scorecards in sports wire copy: the batting lines "A. Harker c Dunn b Mills 54",
// "P. Quint lbw b Ode 12" and the bowling figures "Mills 10-2-35-1". Every name on such a line is a
// player, a person, whatever the tagger made of a surname that is also a town or a common word.
#include "EntityDocument.h"

#include <algorithm>

namespace Lede::EntityParts {

namespace {

bool isDigits(QStringView w, qsizetype most)
{
    return w.size() >= 1 && w.size() <= most
        && std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
}

// "10-2-35-1": overs, maidens, runs, wickets.
bool isBowlingFigures(QStringView w)
{
    int parts = 0;
    for (QStringView p : w.tokenize(u'-')) {
        if (!isDigits(p, 3))
            return false;
        ++parts;
    }
    return parts == 4;
}

} // namespace

void Document::markScorecards()
{
    auto usable = [&](int t) { return t >= 0 && t < m_n && !structural(t) && !m_heading[size_t(t)]; };
    // The end of a run of one to three name words starting at t on t's line, or t when there is none
    // (the dismissal words are in lower case: no name word is one).
    auto nameRun = [&](int t) {
        int e = t;
        while (e < m_n && e - t < 3 && nameWord(e) && usable(e) && (e == t || !newlineBefore(e)))
            ++e;
        return e;
    };
    std::vector<std::pair<int, int>> players;
    std::vector<std::pair<int, int>> teams;
    std::vector<int> openers; // line starts of lines "Name not out 31", kept if the article has a scorecard
    bool scorecard = false;
    auto lineEndAfter = [&](int t) {
        while (t < m_n && !newlineBefore(t))
            ++t;
        return t;
    };
    // A batting line opening at i: the batsman's name, then a dismissal word.
    auto battingLine = [&](int i) {
        const int batsman = nameRun(i);
        if (batsman == i || batsman >= m_n || newlineBefore(batsman) || !word(batsman)[0].isLower()
            || !isDismissalWord(word(batsman)))
            return;
        const int end = lineEndAfter(batsman);
        // "b Mills 54" (after "c Dunn", "lbw", "c and"): the bowler and the runs close the line.
        int bowler = -1;
        for (int t = batsman; t + 2 < end; ++t) {
            if (word(t) == u"b" && nameRun(t + 1) > t + 1 && nameRun(t + 1) < end
                && isDigits(word(nameRun(t + 1)), 3))
                bowler = t + 1;
        }
        if (bowler < 0) {
            if (isDigits(word(end - 1), 3))
                openers.emplace_back(i); // "Name not out 31": a player once the article has a scorecard
            return;
        }
        scorecard = true;
        players.emplace_back(i, batsman);
        players.emplace_back(bowler, nameRun(bowler));
        // "c Dunn b Mills", "st Pace b Ode": the fielder or the wicket-keeper.
        for (int t = batsman; t + 1 < bowler; ++t) {
            if ((word(t) == u"c" || word(t) == u"st") && nameRun(t + 1) > t + 1 && nameRun(t + 1) < end
                && word(nameRun(t + 1)) == u"b")
                players.emplace_back(t + 1, nameRun(t + 1));
        }
    };
    // "Scorers: Fenwick United - Piet Varga 12, Omar Lund 77. Ashgrove - Breen 54": after the label
    // a name before a dash is a team, a name before a minute ("12", "12th", "(12)") a scorer.
    auto scorersLine = [&](int i) {
        for (int t = i + 1; t < m_n && !newlineBefore(t);) {
            const int e = nameRun(t);
            if (e == t || (e < m_n && newlineBefore(e))) {
                ++t;
                continue;
            }
            if (e < m_n && isDash(word(e)))
                teams.emplace_back(t, e);
            else if (e < m_n
                     && (word(e)[0].isDigit()
                         || (word(e) == u"(" && e + 1 < m_n && !word(e + 1).isEmpty()
                             && word(e + 1)[0].isDigit())))
                players.emplace_back(t, e);
            t = e;
        }
    };
    // "1. Marco Tessari (Italy) Ferrano 1:28:15.125", "Paolo Serra (Italy) Mapel same time": in a
    // race result the name after a rider's or driver's country and before the time is the team.
    auto raceTeam = [&](int k) {
        if (k < 3 || k + 2 >= m_n || !nameWord(k + 1) || newlineBefore(k + 1) || !usable(k + 1))
            return;
        int j = k - 1;
        while (j > 0 && k - j <= 3 && word(j) != u"(" && !newlineBefore(j))
            --j;
        if (word(j) != u"(" || j + 1 == k || !isCountry(j + 1, k) || j < 1 || newlineBefore(j))
            return;
        bool rider = false;
        for (const Mention &m : m_mentions)
            rider = rider || (m.te == j && m.type == Entity::Type::Person);
        const int e = nameRun(k + 1);
        if (rider && e < m_n && !newlineBefore(e) && (word(e)[0].isDigit() || word(e) == u"same"))
            teams.emplace_back(k + 1, e);
    };
    // "1 - Ilse Varnak (Germany) beat Tamsin Rook (Australia) 6-4 6-4": a match verb after a bracketed
    // country, sets closing the line (two scores or more): both names before their countries are
    // players; one score closing it makes them clubs.
    auto isSetScore = [&](int t) {
        const QStringView v = word(t);
        return v.size() >= 3 && v.size() <= 5 && v[0].isDigit() && v.contains(u'-');
    };
    auto tennisLine = [&](int k) {
        if (k + 1 >= m_n || newlineBefore(k + 1) || !isMatchVerb(word(k + 1)))
            return;
        const int end = lineEndAfter(k + 1);
        if (end - k < 5 || !isSetScore(end - 1))
            return;
        // One score closing the line is a club result ("Real Kelby (Spain) beat Marrow Town (Italy) 2-1").
        const bool sets = isSetScore(end - 2);
        // The name before each "(Country)" on the line: the winner's and the loser's.
        auto playerBefore = [&](int open) {
            int b = open;
            while (b > 0 && open - b < 3 && nameWord(b - 1) && usable(b - 1) && !newlineBefore(b))
                --b;
            if (sets && open - b >= 2)
                players.emplace_back(b, open);
            else if (!sets && open > b)
                teams.emplace_back(b, open);
        };
        for (int t = k; t >= 0; --t) {
            if (word(t) == u"(") {
                playerBefore(t);
                break;
            }
            if (newlineBefore(t))
                break;
        }
        for (int t = k + 2; t < end; ++t) {
            if (word(t) == u"(") {
                playerBefore(t);
                break;
            }
        }
    };
    // "66 Ewan Baird, Lars Nyquist (Sweden)", "134 Rory Telfer (Ireland) 67 67": a leaderboard line
    // opens with a score; when a name on it stands before a bracketed country, every name of two or
    // three words on it before a comma, a bracket, a round's score or the line's end is a player.
    auto isRound = [](QStringView w) {
        bool ok = false;
        const int v = w.size() == 2 ? w.toInt(&ok) : 0;
        return ok && v >= 55 && v <= 89;
    };
    // A run with an organisation's head or read as an organisation is no player.
    auto orgLike = [&](int tb, int te) {
        for (int t = tb; t < te; ++t) {
            if (m_info[size_t(t)].orgCue || isOrgHead(word(t)) || isCompanyEnd(word(t)))
                return true;
        }
        for (const Mention &m : m_mentions) {
            if (m.type == Entity::Type::Org && m.tb < te && tb < m.te)
                return true;
        }
        return false;
    };
    auto leaderboardLine = [&](int i) {
        if (!isDigits(word(i), 3) || word(i).size() < 2)
            return;
        const int end = lineEndAfter(i + 1);
        std::vector<std::pair<int, int>> names;
        bool country = false;
        for (int t = i + 1; t < end;) {
            const int e = nameRun(t);
            if (e == t) {
                ++t;
                continue;
            }
            const bool closes = e == end || word(e) == u"," || word(e) == u"(" || isDigits(word(e), 2);
            if (e - t >= 2 && closes && !orgLike(t, e))
                names.emplace_back(t, e);
            if (e + 2 < end && word(e) == u"(" && word(e + 2) == u")" && isCountry(e + 1, e + 2))
                country = true;
            t = e;
        }
        // Golf's shape: the line opens with a round's score or has one after its names ("12 Tarno
        // Motor (Japan), revenue up 8 percent" is a ranking).
        bool rounds = isRound(word(i));
        for (int t = i + 1; t < end && !rounds; ++t)
            rounds = isRound(word(t)) && !names.empty() && t >= names.front().second;
        if (country && rounds)
            players.insert(players.end(), names.begin(), names.end());
    };
    // Every shape has a name word at a fixed place: a line's first name (batting, scorers), a name
    // after a line's opening score (leaderboard) or after a closing bracket (race team), a name before
    // a figure (bowling) or an opening bracket (tennis). One test of the name bits per token.
    for (int n = 0; n < m_n; ++n) {
        if (!nameWord(n))
            continue;
        if (newlineBefore(n)) {
            if (usable(n)) {
                const QStringView w = word(n);
                if (w.size() >= 6 && isScorerLabel(w))
                    scorersLine(n);
                else
                    battingLine(n);
            }
        } else if (const QStringView p = word(n - 1); !p.isEmpty() && p[0].isDigit()) {
            if (newlineBefore(n - 1) && usable(n - 1))
                leaderboardLine(n - 1);
        } else if (p == u")") {
            raceTeam(n - 1);
        }
        const int t = n + 1;
        if (t >= m_n || newlineBefore(t))
            continue;
        const QStringView w = word(t);
        if (!w.isEmpty() && w[0].isDigit()) {
            // "Mills 10-2-35-1", also several on one line ("Bowling: Mills 10-2-35-1, Ode 8-0-41-2").
            if (isBowlingFigures(w)) {
                int b = n;
                while (!newlineBefore(b) && t - b < 3 && nameWord(b - 1) && usable(b - 1))
                    --b;
                if (usable(b))
                    players.emplace_back(b, t);
            }
        } else if (w == u"(") {
            int k = t + 1;
            while (k < m_n && k - t <= 4 && word(k) != u")" && !newlineBefore(k))
                ++k;
            if (k < m_n && word(k) == u")")
                tennisLine(k);
        }
    }
    if (scorecard) {
        for (int i : openers)
            players.emplace_back(i, nameRun(i));
    }
    auto assign = [&](int tb, int te, Entity::Type type) {
        bool taken = false;
        for (Mention &m : m_mentions) {
            if (m.te <= tb || m.tb >= te)
                continue;
            taken = true;
            // The tagger's reading of the name, or of part of it: the whole name.
            if (m.tb >= tb && m.te <= te && m.strength != Structural) {
                m.tb = tb;
                m.te = te;
                m.type = type;
            }
            break;
        }
        if (!taken && !covered(tb, te)) {
            m_mentions.push_back({ tb, te, type, Tagged, -1, {} });
            cover(tb, te);
        }
    };
    for (const auto &[tb, te] : players)
        assign(tb, te, Entity::Type::Person);
    for (const auto &[tb, te] : teams)
        assign(tb, te, Entity::Type::Org);
}

} // namespace Lede::EntityParts
