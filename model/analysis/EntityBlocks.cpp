// SPDX-License-Identifier: GPL-3.0-or-later
// Block rules of the entity recognizer: bylines, credit lines and datelines, found by the importer or
// by the wire conventions, read as names, places and agencies.
#include "EntityDocument.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede::EntityParts {

void Document::findFallbackBlocks()
{
    // Articles that did not come through an importer which marks blocks: recognise the wire
    // conventions directly. A dateline "PLACE[, date] (Agency) -" opens one of the first paragraphs;
    // a credit "(Reporting by ...; Editing by ...)" closes the story; "By A and B" is a line.
    bool hasDateline = false, hasByline = false, hasCredit = false;
    // A section label the importer took for the dateline ("POLITICS - MINISTER RESIGNS") is no
    // dateline: the real one may follow ("LISBON, Sept 6 (Wirenews) -").
    for (auto it = std::find(m_kind.begin(), m_kind.end(), int(Block::Kind::Dateline)); it != m_kind.end();
         it = std::find(it, m_kind.end(), int(Block::Kind::Dateline))) {
        const int i = int(it - m_kind.begin());
        int e = i;
        while (e < m_n && isBlock(e, Block::Kind::Dateline))
            ++e;
        if (isSectionLabel(e)) {
            for (int t = i; t < e; ++t)
                m_kind[size_t(t)] = -1;
        }
        it = m_kind.begin() + e;
    }
    for (int k : m_kind) {
        hasDateline = hasDateline || k == int(Block::Kind::Dateline);
        hasByline = hasByline || k == int(Block::Kind::Byline);
        hasCredit = hasCredit || k == int(Block::Kind::Credit);
    }
    int paragraphs = 0;
    for (int i = 0; i < m_n; ++i) {
        if (!newlineBefore(i))
            continue;
        ++paragraphs;
        const QStringView w = word(i);
        int end = i;
        while (end < m_n && (end == i || !newlineBefore(end)))
            ++end;
        if (!hasByline && paragraphs <= 3 && (w == u"By" || w == u"BY") && end - i <= 14 && end - i >= 3
            && !isTerminal(word(end - 1))) {
            for (int j = i; j < end; ++j)
                m_kind[size_t(j)] = int(Block::Kind::Byline);
            continue;
        }
        if (!hasCredit && w == u"(" && i + 2 < m_n
            && (word(i + 2) == u"by" || word(i + 1).startsWith(u"Report"))) {
            int j = i + 1;
            while (j < end && word(j) != u")")
                ++j;
            if (j < end) {
                for (int k = i; k <= j; ++k)
                    m_kind[size_t(k)] = int(Block::Kind::Credit);
            }
            continue;
        }
        if (paragraphs <= 4 && isPlaceDateLine(i, end)) {
            // "OSLO 1998-03-14", "PORT ELLA, Kiribati 1998-03-14": a line of its own with the
            // place in capitals (a country after a comma) and an ISO date, as wire archives print it.
            for (int t = i; t < end; ++t)
                m_kind[size_t(t)] = int(Block::Kind::Dateline);
            hasDateline = true;
            continue;
        }
        if (!hasDateline && paragraphs <= 4 && upper(i)) {
            int j = i;
            while (j < end && j - i < 10 && word(j) != u"(")
                ++j;
            if (j < end && word(j) == u"(" && j > i && j + 3 < end) {
                int k = j + 1;
                while (k < end && k - j < 5 && word(k) != u")")
                    ++k;
                // Any agency: "(Reuters) -", also one that no list names ("(Wirenews) -"): one to
                // three capitalised words in brackets before the dash.
                bool agency = k < end && k > j + 1 && k - j <= 4 && word(k) == u")";
                for (int t = j + 1; agency && t < k; ++t)
                    agency = upper(t);
                if (k + 1 < end && word(k) == u")" && isDash(word(k + 1))
                    && (agency || isAgency(text(j + 1, k)))) {
                    bool caps = true;
                    for (int t = i; t < j && word(t) != u","; ++t)
                        caps = caps && (!word(t)[0].isLetter() || word(t).toString().isUpper());
                    if (caps) {
                        for (int t = i; t <= k + 1; ++t)
                            m_kind[size_t(t)] = int(Block::Kind::Dateline);
                        hasDateline = true;
                    }
                }
            }
        }
    }
}

// A line "PLACE[, Place] YYYY-MM-DD": the place's letters in capitals up to the comma, capitalised
// words after it, then the date alone to the line's end.
bool Document::isPlaceDateLine(int from, int to) const
{
    int d = from;
    while (d < to && d - from <= 8 && !word(d)[0].isDigit())
        ++d;
    if (d == from || d == to || d - from > 8)
        return false;
    static const QRegularExpression isoDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!isoDate.match(text(d, to)).hasMatch())
        return false;
    bool comma = false;
    for (int t = from; t < d; ++t) {
        const QStringView w = word(t);
        if (w == u",") {
            if (comma || t == from)
                return false;
            comma = true;
        } else if (!comma && !(w.toString().isUpper() || isDash(w) || w == u"."))
            return false;
        else if (comma && !upper(t))
            return false;
    }
    return word(d - 1) != u",";
}

// "RUGBY - KELBY CRUSH MARLOW": a dateline block ending at `to` before a headline in capitals is a
// section label, no place; "SOCCER - RESULTS": one word in capitals alone after the dash too.
bool Document::isSectionLabel(int to) const
{
    int letters = 0, caps = 0;
    for (int t = to; t < m_n && !newlineBefore(t); ++t) {
        if (word(t).size() > 1 && word(t)[0].isLetter()) {
            ++letters;
            caps += word(t).toString().isUpper() ? 1 : 0;
        }
    }
    return (letters >= 2 && caps * 10 >= letters * 6) || (letters == 1 && caps == 1);
}

// Byline and credit: runs of capitalised words separated by "and", commas, roles -> PERSON;
// "in PLACE" -> LOC; agency names -> ORG.
void Document::readNameList(int from, int to)
{
    bool afterIn = false;
    int start = -1;
    auto flush = [&](int end) {
        if (start >= 0 && end > start) {
            const QString t = text(start, end);
            Mention m { start, end, Entity::Type::Person, Structural, -1, {} };
            if (isAgency(t))
                m.type = Entity::Type::Org;
            else if (afterIn)
                m.type = Entity::Type::Loc;
            else if (end - start == 1 && !upper(start))
                m.type = Entity::Type::Misc; // not a name
            if (m.type != Entity::Type::Misc && !covered(start, end)) {
                m_mentions.push_back(m);
                cover(start, end);
            }
        }
        start = -1;
    };
    for (int i = from; i < to; ++i) {
        const QStringView w = word(i);
        if (isCreditWord(w) || isPunct(w) || isDash(w)) {
            flush(i);
            if (w == u"in" || w == u"In")
                afterIn = true;
            else if (w == u";" || w == u"," || w == u"and" || w == u"&" || w == u"(" || w == u")")
                afterIn = false;
            continue;
        }
        const bool name = upper(i) || (start >= 0 && isNameParticle(w) && i + 1 < to && upper(i + 1));
        if (!name) {
            flush(i);
            continue;
        }
        if (start < 0)
            start = i;
    }
    flush(to);
}

// "TEL AVIV (Reuters) -", "WASHINGTON, Dec 7 (Reuters) -": the place before the comma or
// parenthesis is a LOC, the parenthesised agency an ORG; a date in between is left to the rules.
void Document::readDateline(int from, int to)
{
    if (isSectionLabel(to))
        return;
    int placeEnd = from;
    while (placeEnd < to && word(placeEnd) != u"," && word(placeEnd) != u"(" && !isDash(word(placeEnd))
           && !word(placeEnd)[0].isDigit())
        ++placeEnd;
    if (placeEnd > from && !covered(from, placeEnd)) {
        m_mentions.push_back({ from, placeEnd, Entity::Type::Loc, Structural, -1, {} });
        cover(from, placeEnd);
    }
    // "PORT ELLA, Kiribati 1998-03-14 -": the country after the comma is a place too (a month name
    // there is the date's, also abbreviated without a point before the day: "Aug 20", "Sept 9").
    auto dayAt = [&](int t) {
        return t < to && word(t).size() <= 2
            && std::all_of(word(t).begin(), word(t).end(), [](QChar c) { return c.isDigit(); });
    };
    if (placeEnd + 1 < to && word(placeEnd) == u",") {
        int e = placeEnd + 1;
        while (e < to && upper(e) && !isCalendarWord(word(e)) && word(e) != u"(" && !dayAt(e + 1))
            ++e;
        if (e > placeEnd + 1 && !covered(placeEnd + 1, e)) {
            m_mentions.push_back({ placeEnd + 1, e, Entity::Type::Loc, Structural, -1, {} });
            cover(placeEnd + 1, e);
        }
    }
    for (int i = placeEnd; i < to; ++i) {
        if (word(i) != u"(")
            continue;
        int k = i + 1;
        while (k < to && word(k) != u")")
            ++k;
        if (k > i + 1 && k < to && upper(i + 1) && !covered(i + 1, k)) {
            m_mentions.push_back({ i + 1, k, Entity::Type::Org, Structural, -1, {} });
            cover(i + 1, k);
        }
        i = k;
    }
}

} // namespace Lede::EntityParts
