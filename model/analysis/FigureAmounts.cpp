// SPDX-License-Identifier: GPL-3.0-or-later
// The amount parser of FigureExtractor (see FigureScanner.h).
#include "FigureScanner.h"

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lede::Figures {

bool Scanner::startsWordAmount(qsizetype i) const
{
    const quint32 flags = tok(i).flags;
    if (flags & (fUnit | fVague))
        return true;
    if (flags & fScale) // "a dozen", "a million"
        return (is(i - 1, "a") || is(i - 1, "an")) && same(i - 1, i) && !has(i, fScaleSuffix);
    if (!tok(i).hyphenMinus)
        return false;
    const QStringView t = text(i);
    // The first hyphen, if among the first nine characters (a word number is no longer).
    qsizetype dash = -1;
    for (qsizetype k = 0; k < std::min<qsizetype>(t.size(), 9); ++k) {
        if (t[k] == u'-') {
            dash = k;
            break;
        }
    }
    if (dash <= 0)
        return false;
    const LowerKey head(t.first(dash));
    return figureWords().unitNumbers.count(head.key()) > 0;
}

bool parseNumberText(QStringView t, double *value)
{
    if (t.size() > 60)
        return false;
    char buf[64];
    size_t n = 0;
    qsizetype dots = 0;
    for (QChar c : t) {
        if (c == u'.')
            ++dots;
    }
    for (QChar c : t) {
        const char16_t u = c.unicode();
        if (u == u',')
            continue;
        if (u == u'.' && dots > 1) // "1.234.567": European thousands
            continue;
        buf[n++] = char(u);
    }
    const auto res = std::from_chars(buf, buf + n, *value);
    return res.ec == std::errc() && res.ptr == buf + n;
}

bool Scanner::parseDigits(qsizetype i, Amount *a) const
{
    const QStringView t = text(i);
    if (!parseNumberText(t, &a->value))
        return false;
    a->first = a->last = i;
    a->separators = t.contains(u',') || t.contains(u'.');
    a->plainFourDigits = t.size() == 4;

    const Token &me = tok(i);
    if (!me.spaceBefore && valid(i - 1)) {
        const Token &p = tok(i - 1);
        if (p.kind != Kind::Punct)
            return false;
        const char16_t pc = punctChar(i - 1);
        // "#5", "+1 202", "'90s", "F/16", "-5", "v.2": part of something else
        if (pc == u'#' || pc == u'+' || pc == u'/' || pc == u':' || pc == u'\'' || pc == u'\u2019'
            || pc == u'.' || pc == u'-' || pc == u'\u2212' || pc == u'_' || pc == u'@' || pc == u'&'
            || pc == u'=' || pc == u'\\')
            return false;
        // "10–15": the second half of a range
        if ((pc == u'\u2013' || pc == u'\u2010' || pc == u'\u2011') && valid(i - 2) && !p.spaceBefore
            && tok(i - 2).kind != Kind::Punct)
            return false;
    }

    qsizetype j = i + 1;
    if (valid(j) && !tok(j).spaceBefore) {
        if (tok(j).kind == Kind::Punct) {
            const char16_t c = punctChar(j);
            const bool glued = valid(j + 1) && !tok(j + 1).spaceBefore && tok(j + 1).kind != Kind::Punct;
            // "90-year", "555-0100", "10:30", "24/7", "10–15", "3-0"
            if (glued
                && (isHyphen(c) || c == u'/' || c == u':' || c == u'\u2013' || c == u'\u2014'
                    || c == u'\u00D7' || c == u'x'))
                return false;
        } else if (tok(j).kind == Kind::Word) {
            const LowerKey l = lk(j);
            const Key s = l.key();
            if (s.empty())
                return false;
            if (auto it = figureWords().scaleSuffixes.find(s); it != figureWords().scaleSuffixes.end()) {
                a->value *= it->second;
                a->scaled = true;
                a->ambiguousM = s == "m";
                a->last = j;
            } else if (s == "pc" || s == "pct") {
                a->percentSuffix = true;
                a->last = j;
            } else if (has(j, fMeasure)) {
                a->measure = j;
                a->last = j;
            } else {
                return false; // "7th", "1990s", "5G", "3D", "10am"
            }
            // "5mx" etc.: glued to more than one suffix
            if (valid(j + 1) && !tok(j + 1).spaceBefore && tok(j + 1).kind != Kind::Punct)
                return false;
        } else {
            return false;
        }
    }

    // "2.3 million", "5 bn", "two dozen"
    j = a->last + 1;
    while (a->measure < 0 && !a->percentSuffix && nextWord(j, i) && j - i < 4) {
        const LowerKey l = lk(j);
        const auto it = figureWords().scaleWords.find(l.key());
        if (l.key().empty() || it == figureWords().scaleWords.end())
            break;
        a->value *= it->second;
        a->scaled = true;
        a->ambiguousM = false;
        a->last = j;
        ++j;
    }
    return true;
}

bool Scanner::parseWords(qsizetype i, Amount *a) const
{
    a->words = true;
    a->first = a->last = i;
    qsizetype j = i;
    const LowerKey first = lk(i);
    if (auto it = figureWords().vaguePlurals.find(first.key()); it != figureWords().vaguePlurals.end()) {
        a->vague = true;
        a->value = it->second;
        // "tens of thousands", "hundreds of millions"
        while (is(j + 1, "of") && nextWord(j + 1, i) && nextWord(j + 2, i) && j - i < 4) {
            const LowerKey next = lk(j + 2);
            const auto more = figureWords().vaguePlurals.find(next.key());
            if (next.key().empty() || more == figureWords().vaguePlurals.end() || next.key() == "tens"
                || next.key() == "dozens" || next.key() == "scores")
                break;
            a->value *= more->second;
            j += 2;
        }
        a->last = j;
        if (first.key() == "tens" && j == i)
            return false;
        if (first.key() == "scores" && !is(j + 1, "of"))
            return false;
        return true;
    }

    double total = 0;
    double current = 0;
    enum class Last { None, Unit, Tens, Hundred, Scale } last = Last::None;
    if (is(i, "a") || is(i, "an")) {
        current = 1;
        last = Last::Unit;
        ++j;
    }
    qsizetype end = i;
    bool anyUnit = false;
    bool onlyOne = false;
    for (; (j == i || nextWord(j, i)) && j - i < 10; ++j) {
        const LowerKey l = lk(j);
        const Key k = l.key();
        if (k.empty())
            break;
        if (k == "and" && last == Last::Hundred && nextWord(j + 1, i)) {
            if (has(j + 1, fUnit))
                continue;
            break;
        }
        double unit = -1;
        if (auto it = figureWords().unitNumbers.find(k); it != figureWords().unitNumbers.end()) {
            unit = it->second;
        } else if (const size_t dash = k.find('-'); dash != Key::npos) {
            const auto tens = figureWords().unitNumbers.find(k.substr(0, dash));
            const auto ones = figureWords().unitNumbers.find(k.substr(dash + 1));
            if (tens == figureWords().unitNumbers.end() || ones == figureWords().unitNumbers.end()
                || tens->second < 20 || std::fmod(tens->second, 10) != 0 || ones->second > 9)
                break; // "two-state", "one-third": a compound adjective
            unit = tens->second + ones->second;
        }
        if (unit >= 0) {
            // "twenty five" is fine, "two three" is not
            if (last == Last::Unit || (last == Last::Tens && unit >= 10))
                break;
            current += unit;
            last = (unit >= 20 && std::fmod(unit, 10) == 0) ? Last::Tens : Last::Unit;
            anyUnit = true;
            onlyOne = (j == i && k == "one");
            end = j;
            continue;
        }
        if (k == "hundred" || k == "dozen") {
            current = (current == 0 ? 1 : current) * (k == "hundred" ? 100 : 12);
            last = Last::Hundred;
            a->scaled = true;
            end = j;
            continue;
        }
        if (k == "thousand" || k == "million" || k == "billion" || k == "trillion") {
            total += (current == 0 ? 1 : current) * figureWords().scaleWords.at(k);
            current = 0;
            last = Last::Scale;
            a->scaled = true;
            end = j;
            continue;
        }
        break;
    }
    if (!anyUnit && !a->scaled)
        return false;
    a->value = total + current;
    a->last = end;
    a->oneOnly = onlyOne && !a->scaled;
    return true;
}

qsizetype Scanner::matchQualifier(qsizetype before, qsizetype minTok, QString *canonical) const
{
    if (!has(before, fQualifierEnd))
        return -1;
    for (const Qualifier &q : figureWords().qualifiers) {
        const qsizetype n = qsizetype(q.words.size());
        const qsizetype first = before - n + 1;
        if (first < minTok || !valid(first) || !same(first, before + 1))
            continue;
        bool ok = true;
        for (qsizetype w = 0; w < n && ok; ++w) {
            const qsizetype t = first + w;
            ok = is(t, q.words[size_t(w)]) && (w == 0 || tok(t).spaceBefore);
        }
        if (ok && tok(before + 1).spaceBefore) {
            *canonical = q.canonical;
            return first;
        }
    }
    return -1;
}

bool Scanner::excludedCount(const Amount &a, bool qualified) const
{
    // "one in five children", "1 in 4 adults": a ratio, not a count
    if (is(a.first - 1, "in") && same(a.first - 2, a.first)
        && (isNumber(a.first - 2) || has(a.first - 2, fUnit)))
        return true;
    if (nextWord(a.last + 1, a.first) && is(a.last + 1, "in") && same(a.last + 2, a.first)
        && (isNumber(a.last + 2) || has(a.last + 2, fUnit)))
        return true;
    // a rank, not a count: "the top 10"
    if (is(a.first - 1, "top") && same(a.first - 1, a.first))
        return true;
    if (a.words)
        return false;
    const qsizetype i = a.first;
    const bool integerDay = !a.separators && !a.scaled && a.value >= 1 && a.value <= 31;
    // "Nov. 3", "November 3", "3 November", "Nov 3"
    if (integerDay) {
        if (isMonth(i - 1) && same(i - 1, i))
            return true;
        if (isPunct(i - 1, u'.') && isMonth(i - 2) && same(i - 2, i))
            return true;
        if (isMonth(a.last + 1) && same(a.last + 1, i))
            return true;
    }
    // a year: "in 2023", "2023 elections"
    if (a.plainFourDigits && !a.scaled && !qualified && a.value >= 1000 && a.value <= 2100)
        return true;
    // times: "3 p.m.", "0800 GMT"
    if (nextWord(a.last + 1, i)) {
        const LowerKey l = lk(a.last + 1);
        const Key k = l.key();
        if (k == "am" || k == "pm" || k == "gmt" || k == "utc" || k == "bst" || k == "edt" || k == "est"
            || k == "cet" || k == "cest" || k == "hrs" || k == "o'clock")
            return true;
        if ((k == "a" || k == "p") && isPunct(a.last + 2, u'.') && !tok(a.last + 2).spaceBefore)
            return true;
    }
    // runs of numbers: phone numbers, tables
    if (isNumber(a.last + 1) && same(a.last + 1, i))
        return true;
    if (isNumber(i - 1) && same(i - 1, i) && tok(i).spaceBefore)
        return true;
    // labels: "Resolution 2712", "Windows 11", "No. 1"
    if (!a.separators && !a.scaled && capitalized(i - 1) && same(i - 1, i) && tok(i).spaceBefore) {
        const LowerKey l = lk(i - 1);
        const Key k = l.key();
        const bool possessive = k.size() > 2 && k.substr(k.size() - 2) == "'s";
        if (k.empty() || !(possessive || has(i - 1, fStop | fSpeech | fPrecedingVerb | fWeekday | fIso)))
            return true;
    }
    if (isPunct(i - 1, u'.') && isWord(i - 2) && !tok(i - 1).spaceBefore && has(i - 2, fLabelAbbrev))
        return true;
    // ages: "John Smith, 42, said"
    if (!a.separators && a.value < 130 && isPunct(i - 1, u',') && capitalized(i - 2)
        && isPunct(a.last + 1, u','))
        return true;
    // "(3)", list markers "1." / "2)" at the start of a line
    if (isPunct(i - 1, u'(') && isPunct(a.last + 1, u')'))
        return true;
    if ((!valid(i - 1) || !same(i - 1, i)) && (isPunct(a.last + 1, u'.') || isPunct(a.last + 1, u')')))
        return true;
    return false;
}

} // namespace Lede::Figures
