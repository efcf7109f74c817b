// SPDX-License-Identifier: GPL-3.0-or-later
// The counted-noun reader of FigureExtractor (see FigureScanner.h).
#include "FigureScanner.h"

using namespace Qt::StringLiterals;

namespace Lede::Figures {

bool Scanner::isParticiple(qsizetype i) const
{
    if (!lowercase(i))
        return false;
    const LowerKey l = lk(i);
    const Key k = l.key();
    if (k.empty())
        return false;
    if (has(i, fIrregular))
        return true;
    return k.size() >= 4 && k.substr(k.size() - 2) == "ed" && !has(i, fEdException);
}

bool Scanner::pluralLike(qsizetype i) const
{
    if (!isWord(i))
        return false;
    if (has(i, fPlural | fMeasure))
        return true;
    const QStringView t = text(i);
    if (t.size() < 3)
        return false;
    if (t.endsWith(u"ese"_s) || t.endsWith(u"men"_s)) // "Sudanese", "gunmen", "fishermen"
        return true;
    if (t.back() != u's')
        return false;
    // "press", "virus", "Paris's" are singular; "-is" is plural except "crisis", "axis"
    const QChar before = t.at(t.size() - 2);
    if (before == u'i')
        return !(t.at(t.size() - 3) == u's' || t.at(t.size() - 3) == u'x');
    return !(before == u's' || before == u'u' || before == u'\'' || before == u'\u2019');
}

bool Scanner::isNounCandidate(qsizetype i, qsizetype anchor) const
{
    if (!nextWord(i, anchor))
        return false;
    if (isStop(i) || has(i, fUnit | fVague | fScale))
        return false;
    return !isParticiple(i) && !isMonth(i);
}

// A participle at i, with a complement ("taken hostage") or after a hedge ("reported killed").
QString Scanner::verbPhraseAt(qsizetype i, qsizetype *last) const
{
    qsizetype k = i;
    if (has(k, fHedging) && isParticiple(k + 1) && nextWord(k + 1, i))
        ++k;
    QString verb = text(k).toString().toLower();
    if (nextWord(k + 1, i) && lowercase(k + 1) && has(k + 1, fComplement)) {
        ++k;
        verb += u' ' + text(k).toString().toLower();
    }
    if (last)
        *last = k;
    return verb;
}

// "… have been killed", "… taken hostage", "… – many of them children – were killed".
// "half of the 3,000 residents", "a third of the region's 4.1 million people": the count is the whole that
// a part is taken from.
bool Scanner::isPartitive(qsizetype start) const
{
    qsizetype k = start - 1;
    for (int skipped = 0; skipped < 2 && same(k, start) && isWord(k); ++skipped) {
        const QStringView t = text(k);
        const bool possessive
            = t.size() > 2 && (t.at(t.size() - 2) == u'\'' || t.at(t.size() - 2) == u'\u2019');
        if (!(is(k, "the") || is(k, "its") || is(k, "their") || is(k, "these") || is(k, "those")
              || possessive))
            break;
        --k;
    }
    return same(k, start) && is(k, "of");
}

// In a partitive the finite verb that follows belongs to the part ("half of the 3,000 residents have
// left"), so only a participle that describes the whole is taken ("of the 52 sailors held captive").
QString Scanner::followingVerb(qsizetype from, qsizetype anchor, bool allowAside, bool partitive) const
{
    qsizetype k = from;
    if (allowAside && same(k, anchor) && isDash(punctChar(k)) && tok(k).spaceBefore) {
        qsizetype close = -1;
        for (qsizetype m = k + 1; m < k + 16 && same(m, anchor); ++m) {
            if (isDash(punctChar(m)) && tok(m).spaceBefore) {
                close = m;
                break;
            }
        }
        if (close < 0)
            return {};
        k = close + 1;
    }
    int aux = 0;
    while (aux < 4 && nextWord(k, anchor) && lowercase(k) && has(k, fAux)) {
        ++k;
        ++aux;
    }
    int adv = 0;
    while (adv < 3 && nextWord(k, anchor) && has(k, fAdverb)) {
        ++k;
        ++adv;
    }
    if (!nextWord(k, anchor) || !isParticiple(k))
        return {};
    if (partitive
        && (aux > 0 || adv > 0
            || !(has(k, fIrregular) || is(k + 1, "by")
                 || (nextWord(k + 1, anchor) && has(k + 1, fComplement)))))
        return {};
    return verbPhraseAt(k, nullptr);
}

} // namespace Lede::Figures
