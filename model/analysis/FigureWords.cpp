// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureWords.h"

#include "Lexicon.h"

using namespace Qt::StringLiterals;

namespace Lede::Figures {

namespace {

// A table line is "key" or "key value"; the value is what follows the last space.
struct Entry
{
    QStringView key;
    QStringView value;
};

Entry splitEntry(QStringView line)
{
    const qsizetype space = line.lastIndexOf(u' ');
    if (space < 0)
        return { line, {} };
    return { line.first(space).trimmed(), line.sliced(space + 1) };
}

} // namespace

Key FigureWords::keep(QStringView word)
{
    m_storage.push_back(word.toString().toStdString());
    return m_storage.back();
}

FigureWords::FigureWords()
{
    const auto numbers = [this](QStringView name, KeyMap<double> &map) {
        for (const QString &line : Lexicon::entries(name)) {
            const Entry e = splitEntry(line);
            map.emplace(keep(e.key), e.value.toDouble());
        }
    };
    const auto codes = [this](QStringView name, KeyMap<QString> &map) {
        for (const QString &line : Lexicon::entries(name)) {
            const Entry e = splitEntry(line);
            map.emplace(keep(e.key), e.value.toString());
        }
    };
    numbers(u"number-words", unitNumbers);
    numbers(u"scale-words", scaleWords);
    numbers(u"scale-suffixes", scaleSuffixes);
    numbers(u"vague-plurals", vaguePlurals);
    codes(u"dollar-prefixes", dollarPrefixes);
    codes(u"currency-words", currencyWords);
    codes(u"casualty-verbs", precedingVerbs);
    for (const QString &line : Lexicon::entries(u"national-currencies")) {
        const Entry e = splitEntry(line);
        nationalCurrencies.emplace(e.key.toString().toStdString(), e.value.toString());
    }
    for (const QString &line : Lexicon::entries(u"currency-symbols")) {
        const Entry e = splitEntry(line);
        if (e.key.size() == 1)
            currencySymbols.emplace(e.key.front().unicode(), e.value.toString());
    }
    for (const QString &line : Lexicon::entries(u"qualifiers")) {
        Qualifier q;
        for (QStringView w : QStringView(line).split(u' ', Qt::SkipEmptyParts))
            q.words.push_back(keep(w));
        q.canonical = line;
        qualifiers.push_back(std::move(q));
    }

    const auto addMap = [this](const auto &map, quint32 flag) {
        for (const auto &entry : map)
            flags[entry.first] |= flag;
    };
    addMap(unitNumbers, fUnit);
    addMap(scaleWords, fScale);
    addMap(scaleSuffixes, fScaleSuffix);
    addMap(vaguePlurals, fVague);
    addMap(currencyWords, fCurrencyWord);
    addMap(dollarPrefixes, fDollarPrefix);
    addMap(precedingVerbs, fPrecedingVerb);
    struct List
    {
        QStringView name;
        quint32 flag;
    };
    const List lists[] = { { u"figure-stop-words", fStop },
                           { u"measure-units", fMeasure },
                           { u"time-units", fTime },
                           { u"figure-months", fMonth },
                           { u"figure-weekdays", fWeekday },
                           { u"period-abbreviations", fAbbrev },
                           { u"label-abbreviations", fLabelAbbrev },
                           { u"currency-codes", fIso },
                           { u"irregular-participles", fIrregular },
                           { u"ed-exceptions", fEdException },
                           { u"participle-complements", fComplement },
                           { u"hedging-participles", fHedging },
                           { u"figure-auxiliaries", fAux },
                           { u"figure-adverbs", fAdverb },
                           { u"figure-source-verbs", fSpeech },
                           { u"figure-subject-adjuncts", fSubjectAdjunct },
                           { u"statistic-nouns", fStat },
                           { u"figure-determiners", fDeterminer },
                           { u"irregular-plurals", fPlural } };
    for (const List &list : lists) {
        for (const QString &w : Lexicon::entries(list.name))
            flags[keep(w)] |= list.flag;
    }
    flags[keep(u"according")] |= fAccording;
    flags[keep(u"by")] |= fBy;
    for (const Qualifier &q : qualifiers)
        flags[q.words.back()] |= fQualifierEnd;

    size_t size = 16;
    while (size < flags.size() * 4)
        size *= 2;
    flagTable.resize(size);
    for (const auto &[key, bits] : flags) {
        if (key.empty())
            continue; // wordFlags() answers 0 for the empty key
        const size_t h = KeyHash()(key);
        size_t slot = h & (size - 1);
        while (!flagTable[slot].key.empty())
            slot = (slot + 1) & (size - 1);
        flagTable[slot] = { key, bits, quint32(h) };
    }
}

const FigureWords &figureWords()
{
    static const FigureWords words;
    return words;
}

const QString *currencyForSymbol(char16_t c)
{
    const auto &symbols = figureWords().currencySymbols;
    const auto it = symbols.find(c);
    return it == symbols.end() ? nullptr : &it->second;
}

quint32 wordFlags(Key k)
{
    if (k.empty())
        return 0;
    static const std::vector<FigureWords::FlagSlot> &table = figureWords().flagTable;
    const size_t mask = table.size() - 1;
    const size_t h = KeyHash()(k);
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
        const FigureWords::FlagSlot &s = table[slot];
        if (s.key.empty())
            return 0;
        if (s.hash == quint32(h) && s.key == k)
            return s.flags;
    }
}

} // namespace Lede::Figures
