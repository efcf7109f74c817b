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
    // The end of a run of one to three name words starting at t on t's line, or t when there is none.
    auto nameRun = [&](int t) {
        int e = t;
        while (e < m_n && e - t < 3 && nameWord(e) && usable(e) && (e == t || !newlineBefore(e))
               && !isDismissalWord(word(e)))
            ++e;
        return e;
    };
    std::vector<std::pair<int, int>> players;
    std::vector<int> openers; // line starts of lines "Name not out 31", kept if the article has a scorecard
    bool scorecard = false;
    for (int i = 0; i < m_n; ++i) {
        if (!newlineBefore(i) || !usable(i))
            continue;
        int end = i + 1;
        while (end < m_n && !newlineBefore(end))
            ++end;
        // "Mills 10-2-35-1", also several on one line ("Bowling: Mills 10-2-35-1, Ode 8-0-41-2").
        for (int t = i; t < end; ++t) {
            if (!nameWord(t) || (t > i && nameWord(t - 1)))
                continue;
            const int e = nameRun(t);
            if (e > t && e < end && isBowlingFigures(word(e)))
                players.emplace_back(t, e);
        }
        // A batting line: the batsman's name opens it, then a dismissal word.
        const int batsman = nameRun(i);
        if (batsman == i || batsman >= end || !isDismissalWord(word(batsman)))
            continue;
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
            continue;
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
    }
    if (scorecard) {
        for (int i : openers)
            players.emplace_back(i, nameRun(i));
    }
    for (const auto &[tb, te] : players) {
        bool taken = false;
        for (Mention &m : m_mentions) {
            if (m.te <= tb || m.tb >= te)
                continue;
            taken = true;
            // The tagger's reading of the name, or of part of it: the player's whole name.
            if (m.tb >= tb && m.te <= te && m.strength != Structural) {
                m.tb = tb;
                m.te = te;
                m.type = Entity::Type::Person;
            }
            break;
        }
        if (!taken && !covered(tb, te)) {
            m_mentions.push_back({ tb, te, Entity::Type::Person, Tagged, -1, {} });
            cover(tb, te);
        }
    }
}

} // namespace Lede::EntityParts
