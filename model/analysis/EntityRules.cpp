// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityRules.h"

#include "Lexicon.h"

#include <algorithm>

namespace Lede::EntityRules {

namespace {

// The lists asked about every token are static arrays (below): an initializer_list's array is built
// on the stack at every call.
template<typename List>
bool oneOf(QStringView w, const List &list, Qt::CaseSensitivity cs = Qt::CaseInsensitive)
{
    // Length and first letter first: the case-insensitive comparison is the expensive part of the
    // rules. (The lists hold no empty word; a first letter outside ASCII is left to compare(), as
    // "K" (U+212A) folds to "k".)
    for (QStringView a : list) {
        if (a.size() != w.size())
            continue;
        const char16_t x = w[0].unicode();
        const char16_t y = a[0].unicode();
        const bool mayMatch
            = cs == Qt::CaseSensitive ? x == y : (x >= 128 || y >= 128 || (x | 0x20) == (y | 0x20));
        if (mayMatch && w.compare(a, cs) == 0)
            return true;
    }
    return false;
}

bool oneOf(QStringView w, std::initializer_list<QStringView> list,
           Qt::CaseSensitivity cs = Qt::CaseInsensitive)
{
    return oneOf<std::initializer_list<QStringView>>(w, list, cs);
}

int monthOf(QStringView w)
{
    if (w.isEmpty() || !w[0].isUpper())
        return 0;
    if (w.endsWith(u'.'))
        w.chop(1);
    static constexpr QStringView names[]
        = { u"January", u"February", u"March",     u"April",   u"May",      u"June",
            u"July",    u"August",   u"September", u"October", u"November", u"December" };
    static constexpr QStringView abbr[]
        = { u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun", u"Jul", u"Aug", u"Sep", u"Oct", u"Nov", u"Dec" };
    if (w.size() < 3 || w.size() > 9)
        return 0;
    for (int m = 0; m < 12; ++m) {
        if ((names[m].size() == w.size() && w.compare(names[m], Qt::CaseInsensitive) == 0) || w == abbr[m]
            || (m == 8 && w == u"Sept"))
            return m + 1;
    }
    return 0;
}

bool isWeekday(QStringView w)
{
    return !w.isEmpty() && w[0].isUpper()
        && oneOf(w, { u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday", u"Saturday", u"Sunday" });
}

bool allDigits(QStringView w)
{
    if (w.isEmpty())
        return false;
    for (QChar c : w) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isDay(QStringView w)
{
    // Only digits are left after an ordinal suffix: a word that does not start with one is no day.
    if (w.isEmpty() || w[0] < u'0' || w[0] > u'9')
        return false;
    for (QStringView suffix : { u"st", u"nd", u"rd", u"th" }) {
        if (w.size() > 2 && w.endsWith(suffix)) {
            w.chop(2);
            break;
        }
    }
    if (!allDigits(w) || w.size() > 2)
        return false;
    const int d = w.toInt();
    return d >= 1 && d <= 31;
}

bool isYear(QStringView w)
{
    if (!allDigits(w) || w.size() != 4)
        return false;
    const int y = w.toInt();
    return y >= 1800 && y <= 2099;
}

bool isAscii(QStringView w)
{
    return std::all_of(w.begin(), w.end(), [](QChar c) { return c.unicode() < 128; });
}

// The word lists are in resources/lexicon/spelled-numbers.txt and spelled-tens.txt. An ASCII word
// (nearly all) is looked up in a WordSet; other words are compared case-insensitively with the same
// list, as WordSet's lower-casing is not Unicode case folding ("ſix").
bool inList(QStringView w, const WordSet &set, const QStringList &list)
{
    if (isAscii(w))
        return set.contains(w);
    for (const QString &a : list) {
        if (a.size() == w.size() && w.compare(a, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSpelledNumber(QStringView w)
{
    if (w.size() < 3 || !w[0].isLetter())
        return false;
    static const QStringList numbers = Lexicon::entries(u"spelled-numbers");
    static const WordSet numberSet = Lexicon::folded(u"spelled-numbers");
    static const QStringList tens = Lexicon::entries(u"spelled-tens");
    static const WordSet tenSet = Lexicon::folded(u"spelled-tens");
    if (inList(w, numberSet, numbers))
        return true;
    // std::find, not indexOf(): a call into Qt's vectorised search costs more than these short words.
    const auto hyphen = std::find(w.begin(), w.end(), u'-');
    return hyphen != w.end() && inList(w.first(hyphen - w.begin()), tenSet, tens);
}

bool isScale(QStringView w)
{
    return oneOf(w,
                 { u"hundred", u"thousand", u"million", u"billion", u"trillion", u"bn", u"mln", u"m", u"k" },
                 Qt::CaseSensitive);
}

// Length of the leading numeral of a token ("1,400" -> 5, "75-year" -> 2); 0 when none or when
// the rest is not a hyphenated word (ordinals and codes such as "7th", "1990s", "F-16").
qsizetype numeralLength(QStringView w)
{
    qsizetype k = 0;
    while (k < w.size()
           && (w[k].isDigit()
               || ((w[k] == u',' || w[k] == u'.') && k > 0 && k + 1 < w.size() && w[k + 1].isDigit())))
        ++k;
    if (k == 0)
        return 0;
    if (k == w.size())
        return k;
    if (w[k] == u'-' && k + 1 < w.size() && w[k + 1].isLetter())
        return k;
    return 0;
}

// The lists of the date rules.
constexpr QStringView kRelativeDays[] = { u"today", u"yesterday", u"tomorrow", u"tonight" };
constexpr QStringView kRelativeWords[] = { u"last", u"next", u"this" };
constexpr QStringView kRelativePeriods[]
    = { u"week", u"month", u"year", u"weekend", u"summer", u"winter", u"spring", u"autumn" };
constexpr QStringView kOne[] = { u"a", u"one" };
constexpr QStringView kAgoPeriods[]
    = { u"day", u"days", u"week", u"weeks", u"month", u"months", u"year", u"years" };
constexpr QStringView kYearCues[] = { u"in",    u"since", u"by",  u"until",  u"from", u"before", u"after",
                                      u"early", u"late",  u"mid", u"during", u"of",   u"to",     u"and" };

} // namespace

void find(const QString &body, const QList<Span> &tokens, const std::vector<bool> &covered,
          QList<Entity> &out)
{
    const int n = int(tokens.size());
    auto word = [&](int i) -> QStringView {
        if (i < 0 || i >= n)
            return {};
        return QStringView(body).sliced(tokens[i].start, tokens[i].length());
    };
    auto avail = [&](int i) { return i >= 0 && i < n && !covered[size_t(i)]; };
    auto addEntity = [&](Entity::Type type, qsizetype start, qsizetype end) {
        Entity e;
        e.span = { start, end };
        e.text = body.mid(start, end - start);
        e.type = type;
        e.canonical = e.text;
        out.append(e);
    };
    for (int i = 0; i < n; ++i) {
        if (!avail(i))
            continue;
        const QStringView w = word(i);
        // Asked by the date and the number rules alike: looked up once.
        int spelledNumber = -1;
        const auto spelled = [&] {
            if (spelledNumber < 0)
                spelledNumber = isSpelledNumber(w) ? 1 : 0;
            return spelledNumber == 1;
        };
        // --- DATE
        int end = -1;
        if (monthOf(w)) {
            int j = i + 1;
            if (avail(j) && isDay(word(j)))
                ++j;
            if (avail(j + 1) && word(j) == u"," && isYear(word(j + 1)))
                j += 2;
            else if (avail(j) && isYear(word(j)))
                ++j;
            static constexpr QStringView ambiguousMonths[] = { u"May", u"March" };
            static constexpr QStringView monthCues[]
                = { u"in", u"since", u"until", u"early", u"late", u"mid", u"last", u"next" };
            const bool ambiguous = oneOf(w, ambiguousMonths, Qt::CaseSensitive) || w.size() <= 3;
            if (j > i + 1 || !ambiguous || oneOf(word(i - 1), monthCues))
                end = j;
        } else if (isDay(w) && avail(i + 1) && monthOf(word(i + 1))) {
            end = i + 2;
            if (avail(end) && isYear(word(end)))
                ++end;
        } else if (isWeekday(w)) {
            end = i + 1;
        } else if (oneOf(w, kRelativeDays)) {
            end = i + 1;
        } else if (oneOf(w, kRelativeWords) && avail(i + 1)
                   && (oneOf(word(i + 1), kRelativePeriods) || isWeekday(word(i + 1)))) {
            end = i + 2;
        } else if ((allDigits(w) || spelled() || oneOf(w, kOne)) && avail(i + 2)
                   && oneOf(word(i + 1), kAgoPeriods) && word(i + 2) == u"ago") {
            end = i + 3;
        } else if (isYear(w) && oneOf(word(i - 1), kYearCues)) {
            end = i + 1;
        }
        if (end > i) {
            addEntity(Entity::Type::Date, tokens[i].start, tokens[end - 1].end);
            i = end - 1;
            continue;
        }
        // --- NUMBER
        const qsizetype numLen = numeralLength(w);
        if (numLen > 0 || spelled()) {
            qsizetype start = tokens[i].start;
            qsizetype stop = numLen > 0 ? tokens[i].start + numLen : tokens[i].end;
            int j = i + 1;
            if (numLen == w.size() || numLen == 0) {
                if (numLen > 0 && avail(i - 1)
                    && oneOf(word(i - 1), { u"$", u"£", u"€", u"¥", u"US$" }, Qt::CaseSensitive)
                    && tokens[i - 1].end == tokens[i].start)
                    start = tokens[i - 1].start;
                if (avail(j) && isScale(word(j))
                    && !(word(j) == u"m" || word(j) == u"k" ? tokens[j].start != stop : false)) {
                    stop = tokens[j].end;
                    ++j;
                }
                if (avail(j) && word(j) == u"%") {
                    stop = tokens[j].end;
                    ++j;
                } else if (avail(j) && oneOf(word(j), { u"percent" })) {
                    stop = tokens[j].end;
                    ++j;
                }
            }
            addEntity(Entity::Type::Number, start, stop);
            i = j - 1;
        }
    }
}

} // namespace Lede::EntityRules
