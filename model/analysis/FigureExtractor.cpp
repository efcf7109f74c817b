// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureExtractor.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace Qt::StringLiterals;

namespace Lede {
namespace {

using Key = std::string_view;

// FNV-1a: the keys are short words, for which this beats the general-purpose string hash.
struct KeyHash
{
    size_t operator()(Key k) const noexcept
    {
        quint64 h = 1469598103934665603ULL;
        for (const char c : k) {
            h ^= quint8(c);
            h *= 1099511628211ULL;
        }
        return size_t(h);
    }
};

using WordSet = std::unordered_set<Key, KeyHash>;
template<typename T> using WordMap = std::unordered_map<Key, T, KeyHash>;

// ---------------------------------------------------------------------------------------------
// Word tables. Keys are lower-case ASCII; a curly apostrophe is folded to '.
// ---------------------------------------------------------------------------------------------

const WordSet &stopWords()
{
    static const WordSet s { "the",
                             "a",
                             "an",
                             "this",
                             "that",
                             "these",
                             "those",
                             "and",
                             "or",
                             "but",
                             "nor",
                             "of",
                             "in",
                             "on",
                             "at",
                             "to",
                             "for",
                             "with",
                             "by",
                             "from",
                             "since",
                             "as",
                             "than",
                             "into",
                             "onto",
                             "across",
                             "over",
                             "under",
                             "after",
                             "before",
                             "during",
                             "until",
                             "till",
                             "when",
                             "where",
                             "who",
                             "whom",
                             "whose",
                             "which",
                             "while",
                             "so",
                             "if",
                             "because",
                             "though",
                             "although",
                             "whether",
                             "according",
                             "more",
                             "less",
                             "fewer",
                             "most",
                             "mostly",
                             "mainly",
                             "many",
                             "much",
                             "some",
                             "any",
                             "each",
                             "every",
                             "all",
                             "both",
                             "including",
                             "included",
                             "per",
                             "apiece",
                             "said",
                             "says",
                             "say",
                             "told",
                             "tell",
                             "tells",
                             "have",
                             "has",
                             "had",
                             "is",
                             "are",
                             "was",
                             "were",
                             "be",
                             "been",
                             "being",
                             "am",
                             "will",
                             "would",
                             "could",
                             "can",
                             "may",
                             "might",
                             "must",
                             "should",
                             "shall",
                             "did",
                             "do",
                             "does",
                             "not",
                             "no",
                             "also",
                             "now",
                             "still",
                             "then",
                             "there",
                             "here",
                             "their",
                             "its",
                             "it's",
                             "his",
                             "her",
                             "our",
                             "your",
                             "my",
                             "they",
                             "he",
                             "she",
                             "it",
                             "we",
                             "you",
                             "i",
                             "them",
                             "him",
                             "us",
                             "me",
                             "out",
                             "up",
                             "down",
                             "off",
                             "about",
                             "around",
                             "almost",
                             "nearly",
                             "just",
                             "only",
                             "even",
                             "again",
                             "last",
                             "next",
                             "ago",
                             "later",
                             "earlier",
                             "among",
                             "between",
                             "against",
                             "without",
                             "within",
                             "via",
                             "such",
                             "what",
                             "why",
                             "how",
                             "yet",
                             "very",
                             "too",
                             "monday",
                             "tuesday",
                             "wednesday",
                             "thursday",
                             "friday",
                             "saturday",
                             "sunday",
                             "yesterday",
                             "today",
                             "tonight",
                             "tomorrow",
                             "other",
                             "another",
                             "own",
                             "through",
                             "throughout",
                             "toward",
                             "towards",
                             "upon",
                             "like",
                             "unlike",
                             "near",
                             "outside",
                             "inside",
                             "above",
                             "below",
                             "beyond",
                             "behind",
                             "amid",
                             "despite",
                             "instead",
                             "whereas",
                             "unless",
                             "however",
                             "roughly",
                             "approximately",
                             "estimated",
                             "least",
                             "up",
                             "well",
                             "respectively",
                             "alone",
                             "altogether",
                             "total",
                             "overall",
                             "ever",
                             "already" };
    return s;
}

const WordMap<double> &unitNumbers()
{
    static const WordMap<double> m {
        { "one", 1 },      { "two", 2 },        { "three", 3 },     { "four", 4 },      { "five", 5 },
        { "six", 6 },      { "seven", 7 },      { "eight", 8 },     { "nine", 9 },      { "ten", 10 },
        { "eleven", 11 },  { "twelve", 12 },    { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
        { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 },
        { "thirty", 30 },  { "forty", 40 },     { "fifty", 50 },    { "sixty", 60 },    { "seventy", 70 },
        { "eighty", 80 },  { "ninety", 90 }
    };
    return m;
}

// Multipliers written as words after an amount ("2.3 million", "two hundred", "5 bn").
const WordMap<double> &scaleWords()
{
    static const WordMap<double> m { { "hundred", 1e2 }, { "thousand", 1e3 },  { "million", 1e6 },
                                     { "billion", 1e9 }, { "trillion", 1e12 }, { "dozen", 12 },
                                     { "bn", 1e9 },      { "mn", 1e6 },        { "mln", 1e6 },
                                     { "tn", 1e12 },     { "trn", 1e12 } };
    return m;
}

// Multipliers glued to digits ("5m", "1.2bn", "10k").
const WordMap<double> &scaleSuffixes()
{
    static const WordMap<double> m { { "k", 1e3 }, { "m", 1e6 },  { "mn", 1e6 },  { "mln", 1e6 },
                                     { "b", 1e9 }, { "bn", 1e9 }, { "tn", 1e12 }, { "trn", 1e12 } };
    return m;
}

const WordMap<double> &vaguePlurals()
{
    static const WordMap<double> m { { "dozens", 12 },     { "scores", 20 },    { "hundreds", 1e2 },
                                     { "thousands", 1e3 }, { "millions", 1e6 }, { "billions", 1e9 },
                                     { "tens", 10 } };
    return m;
}

const WordSet &measureSuffixes()
{
    static const WordSet s { "km",  "kg", "mm",  "cm", "ft",  "mi",   "mph",    "kph",
                             "kmh", "lb", "lbs", "mw", "gw",  "kw",   "kwh",    "mwh",
                             "gwh", "mg", "ml",  "ha", "sqm", "sqft", "tonnes", "t" };
    return s;
}

const WordSet &timeUnits()
{
    static const WordSet s { "second",  "seconds",   "minute", "minutes", "hour",      "hours",
                             "day",     "days",      "week",   "weeks",   "fortnight", "fortnights",
                             "month",   "months",    "year",   "years",   "decade",    "decades",
                             "century", "centuries", "night",  "nights",  "weekend",   "weekends",
                             "time",    "times",     "hrs",    "mins",    "secs",      "yrs",
                             "o'clock", "am",        "pm",     "gmt",     "utc",       "bst",
                             "est",     "edt",       "cet",    "cest" };
    return s;
}

const WordSet &months()
{
    static const WordSet s { "january", "february", "march",     "april",   "may",      "june",
                             "july",    "august",   "september", "october", "november", "december",
                             "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
                             "aug",     "sep",      "sept",      "oct",     "nov",      "dec" };
    return s;
}

const WordSet &weekdays()
{
    static const WordSet s { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
    return s;
}

// Abbreviations whose period does not end a sentence (and labels like "No. 1").
const WordSet &abbreviations()
{
    static const WordSet s { "mr",  "mrs",    "ms",   "dr",  "gen",  "lt",  "col", "sgt",  "capt", "cmdr",
                             "adm", "rep",    "sen",  "gov", "st",   "mt",  "jan", "feb",  "mar",  "apr",
                             "jun", "jul",    "aug",  "sep", "sept", "oct", "nov", "dec",  "no",   "nos",
                             "vol", "inc",    "corp", "co",  "ltd",  "jr",  "sr",  "prof", "rev",  "fig",
                             "vs",  "approx", "est",  "art", "pp",   "ch",  "gov", "pres", "supt", "insp" };
    return s;
}

const WordSet &labelAbbreviations()
{
    static const WordSet s { "no", "nos", "vol", "art", "p", "pp", "fig", "ch" };
    return s;
}

const char16_t *currencyForSymbol(char16_t c)
{
    switch (c) {
    case u'$':
        return u"USD";
    case u'\u20AC':
        return u"EUR";
    case u'\u00A3':
        return u"GBP";
    case u'\u00A5':
        return u"JPY";
    case u'\u20B9':
        return u"INR";
    case u'\u20AA':
        return u"ILS";
    case u'\u20BD':
        return u"RUB";
    case u'\u20A9':
        return u"KRW";
    case u'\u20BA':
        return u"TRY";
    default:
        return nullptr;
    }
}

// "US$5", "A$3", "HK$10".
const WordMap<const char16_t *> &dollarPrefixes()
{
    static const WordMap<const char16_t *> m { { "us", u"USD" }, { "a", u"AUD" },  { "au", u"AUD" },
                                               { "c", u"CAD" },  { "ca", u"CAD" }, { "hk", u"HKD" },
                                               { "nz", u"NZD" }, { "s", u"SGD" } };
    return m;
}

const WordSet &isoCodes()
{
    static const WordSet s { "usd", "eur", "gbp", "jpy", "chf", "cny", "rmb", "cad", "aud", "nzd", "hkd",
                             "sgd", "inr", "ils", "nis", "rub", "krw", "try", "sek", "nok", "dkk", "czk",
                             "pln", "huf", "zar", "brl", "mxn", "sar", "aed", "egp", "qar", "uah" };
    return s;
}

// Currency words after an amount; an empty code means "use the word itself".
const WordMap<const char16_t *> &currencyWords()
{
    static const WordMap<const char16_t *> m {
        { "dollars", u"USD" }, { "dollar", u"USD" },   { "euros", u"EUR" },    { "euro", u"EUR" },
        { "pounds", u"GBP" },  { "pound", u"GBP" },    { "sterling", u"GBP" }, { "yen", u"JPY" },
        { "yuan", u"CNY" },    { "renminbi", u"CNY" }, { "rupees", u"INR" },   { "roubles", u"RUB" },
        { "rubles", u"RUB" },  { "shekels", u"ILS" },  { "zlotys", u"PLN" },   { "zloty", u"PLN" },
        { "forints", u"HUF" }, { "rand", u"ZAR" },     { "reais", u"BRL" },    { "hryvnias", u"UAH" },
        { "crowns", u"" },     { "kronor", u"" },      { "kroner", u"" },      { "koruna", u"" },
        { "korunas", u"" },    { "francs", u"" },      { "pesos", u"" },       { "lira", u"" },
        { "liras", u"" },      { "dinars", u"" },      { "riyals", u"" },      { "dirhams", u"" }
    };
    return m;
}

// "Czech crowns" -> CZK: a nationality in front of an ambiguous currency word.
const std::unordered_map<std::string, const char16_t *> &nationalCurrencies()
{
    static const std::unordered_map<std::string, const char16_t *> m {
        { "czech crowns", u"CZK" },     { "czech korunas", u"CZK" },    { "czech koruna", u"CZK" },
        { "swedish crowns", u"SEK" },   { "swedish kronor", u"SEK" },   { "norwegian crowns", u"NOK" },
        { "norwegian kroner", u"NOK" }, { "danish crowns", u"DKK" },    { "danish kroner", u"DKK" },
        { "swiss francs", u"CHF" },     { "canadian dollars", u"CAD" }, { "australian dollars", u"AUD" },
        { "israeli shekels", u"ILS" },  { "indian rupees", u"INR" },    { "russian roubles", u"RUB" },
        { "russian rubles", u"RUB" },   { "chinese yuan", u"CNY" },     { "japanese yen", u"JPY" },
        { "mexican pesos", u"MXN" },    { "turkish lira", u"TRY" },     { "singapore dollars", u"SGD" },
        { "us dollars", u"USD" },       { "american dollars", u"USD" }, { "new shekels", u"ILS" }
    };
    return m;
}

struct Qualifier
{
    std::vector<Key> words;
    QString canonical;
};

// Longest first, so that "just over" wins over "over".
const std::vector<Qualifier> &qualifiers()
{
    static const std::vector<Qualifier> q = [] {
        const std::vector<std::vector<Key>> raw { { "as", "many", "as" },
                                                  { "as", "few", "as" },
                                                  { "as", "much", "as" },
                                                  { "in", "excess", "of" },
                                                  { "no", "fewer", "than" },
                                                  { "no", "less", "than" },
                                                  { "no", "more", "than" },
                                                  { "at", "least" },
                                                  { "at", "most" },
                                                  { "more", "than" },
                                                  { "fewer", "than" },
                                                  { "less", "than" },
                                                  { "up", "to" },
                                                  { "close", "to" },
                                                  { "an", "estimated" },
                                                  { "just", "over" },
                                                  { "just", "under" },
                                                  { "well", "over" },
                                                  { "upwards", "of" },
                                                  { "nearly" },
                                                  { "almost" },
                                                  { "about" },
                                                  { "around" },
                                                  { "roughly" },
                                                  { "some" },
                                                  { "approximately" },
                                                  { "over" },
                                                  { "under" },
                                                  { "estimated" },
                                                  { "approx" } };
        std::vector<Qualifier> out;
        for (const auto &words : raw) {
            QStringList parts;
            for (Key w : words)
                parts.append(QString::fromLatin1(w.data(), qsizetype(w.size())));
            out.push_back({ words, parts.join(u' ') });
        }
        return out;
    }();
    return q;
}

// Verbs in front of a count that say what happened to it: "shelling killed 310 people".
const WordMap<const char16_t *> &precedingVerbs()
{
    static const WordMap<const char16_t *> m { { "killed", u"killed" },
                                               { "kill", u"killed" },
                                               { "kills", u"killed" },
                                               { "killing", u"killed" },
                                               { "wounded", u"wounded" },
                                               { "wounding", u"wounded" },
                                               { "injured", u"injured" },
                                               { "injuring", u"injured" },
                                               { "took", u"taken" },
                                               { "take", u"taken" },
                                               { "takes", u"taken" },
                                               { "taking", u"taken" },
                                               { "abducted", u"abducted" },
                                               { "abducting", u"abducted" },
                                               { "kidnapped", u"kidnapped" },
                                               { "seized", u"seized" },
                                               { "captured", u"captured" },
                                               { "capturing", u"captured" },
                                               { "arrested", u"arrested" },
                                               { "arresting", u"arrested" },
                                               { "detained", u"detained" },
                                               { "detaining", u"detained" },
                                               { "displaced", u"displaced" },
                                               { "displacing", u"displaced" },
                                               { "evacuated", u"evacuated" },
                                               { "rescued", u"rescued" },
                                               { "released", u"released" },
                                               { "releasing", u"released" },
                                               { "freed", u"freed" },
                                               { "freeing", u"freed" },
                                               { "held", u"held" },
                                               { "holding", u"held" },
                                               { "fired", u"fired" },
                                               { "firing", u"fired" },
                                               { "launched", u"launched" },
                                               { "launching", u"launched" },
                                               { "deployed", u"deployed" },
                                               { "deploying", u"deployed" },
                                               { "executed", u"executed" },
                                               { "hired", u"hired" },
                                               { "cut", u"cut" },
                                               { "shot", u"shot" },
                                               { "deported", u"deported" },
                                               { "expelled", u"expelled" },
                                               { "sentenced", u"sentenced" },
                                               { "convicted", u"convicted" },
                                               { "lost", u"lost" },
                                               { "losing", u"lost" },
                                               { "charged", u"charged" },
                                               { "infected", u"infected" } };
    return m;
}

const WordSet &irregularParticiples()
{
    static const WordSet s { "taken",    "held",        "hurt",      "slain",  "stolen",    "shot",
                             "hit",      "struck",      "beaten",    "left",   "lost",      "found",
                             "born",     "sent",        "kept",      "caught", "brought",   "thrown",
                             "sold",     "built",       "put",       "cut",    "dead",      "missing",
                             "homeless", "unaccounted", "trapped",   "buried", "overrun",   "torn",
                             "driven",   "flown",       "withdrawn", "drawn",  "forgotten", "seen",
                             "given",    "hidden",      "undone" };
    return s;
}

const WordSet &edExceptions()
{
    static const WordSet s { "hundred", "need",   "needs", "speed", "seed",  "feed",    "bed",
                             "red",     "shed",   "breed", "creed", "greed", "proceed", "exceed",
                             "succeed", "indeed", "weed",  "steed", "deed",  "sled",    "wed",
                             "shred",   "ned",    "ted",   "med" };
    return s;
}

// "taken hostage", "held captive", "left homeless".
const WordSet &participleComplements()
{
    static const WordSet s { "hostage", "captive", "prisoner", "homeless", "dead",
                             "alive",   "injured", "wounded",  "missing" };
    return s;
}

// "were reported killed", "are feared dead": the participle that matters is the next one.
const WordSet &hedgingParticiples()
{
    static const WordSet s { "reported",  "believed", "feared", "presumed", "confirmed",  "thought", "said",
                             "estimated", "known",    "listed", "counted",  "registered", "recorded" };
    return s;
}

const WordSet &auxiliaries()
{
    static const WordSet s { "have",    "has", "had", "been",  "were",   "was",
                             "are",     "is",  "be",  "being", "remain", "remained",
                             "remains", "got", "get", "gets",  "became", "become" };
    return s;
}

const WordSet &adverbs()
{
    static const WordSet s { "reportedly", "also",       "now",    "already",   "allegedly", "still",
                             "since",      "so",         "far",    "thus",      "likely",    "probably",
                             "all",        "either",     "mostly", "mainly",    "later",     "subsequently",
                             "eventually", "officially", "either", "apparently" };
    return s;
}

const WordSet &speechVerbs()
{
    static const WordSet s { "say",       "says",      "said",      "told",      "tells",     "reported",
                             "reports",   "estimated", "estimates", "announced", "announces", "stated",
                             "claimed",   "claims",    "confirmed", "confirms",  "added",     "adds",
                             "wrote",     "writes",    "tweeted",   "posted",    "disclosed", "revealed",
                             "testified", "insisted",  "insists",   "estimate",  "report",    "believe",
                             "believes" };
    return s;
}

// Skipped when walking back from a speech verb to its subject ("the minister on Friday said").
const WordSet &subjectAdjuncts()
{
    static const WordSet s { "also",       "has",        "have",  "had",       "previously", "repeatedly",
                             "earlier",    "later",      "again", "yesterday", "today",      "tonight",
                             "separately", "reportedly", "now",   "would",     "will",       "then",
                             "however",    "last",       "this",  "week",      "month",      "initially",
                             "first",      "further",    "since", "publicly",  "privately" };
    return s;
}

// The source in "according to Kenya's tally" is Kenya.
const WordSet &statisticNouns()
{
    static const WordSet s { "tally",      "tallies",      "count",       "counts",     "figures",
                             "figure",     "estimate",     "estimates",   "data",       "numbers",
                             "statistics", "toll",         "records",     "report",     "reports",
                             "census",     "calculations", "calculation", "assessment", "survey" };
    return s;
}

// Plural nouns that do not end in -s: a count's noun phrase ends at its first plural.
const WordSet &irregularPlurals()
{
    static const WordSet s { "people", "children", "men",     "women",    "police",    "personnel", "cattle",
                             "staff",  "sheep",    "fish",    "deer",     "livestock", "crew",      "media",
                             "feet",   "teeth",    "geese",   "mice",     "aircraft",  "offspring", "militia",
                             "clergy", "poultry",  "youth",   "infantry", "cavalry",   "folk",      "kin",
                             "swine",  "salmon",   "elderly", "faithful" };
    return s;
}

const WordSet &determiners()
{
    static const WordSet s { "the", "a", "an" };
    return s;
}

enum WordFlag : quint32 {
    fStop = 1u << 0,
    fUnit = 1u << 1,
    fScale = 1u << 2,
    fScaleSuffix = 1u << 3,
    fVague = 1u << 4,
    fMeasure = 1u << 5,
    fTime = 1u << 6,
    fMonth = 1u << 7,
    fWeekday = 1u << 8,
    fAbbrev = 1u << 9,
    fLabelAbbrev = 1u << 10,
    fIso = 1u << 11,
    fCurrencyWord = 1u << 12,
    fDollarPrefix = 1u << 13,
    fPrecedingVerb = 1u << 14,
    fIrregular = 1u << 15,
    fEdException = 1u << 16,
    fComplement = 1u << 17,
    fHedging = 1u << 18,
    fAux = 1u << 19,
    fAdverb = 1u << 20,
    fSpeech = 1u << 21,
    fSubjectAdjunct = 1u << 22,
    fStat = 1u << 23,
    fDeterminer = 1u << 24,
    fAccording = 1u << 25,
    fBy = 1u << 26,
    fPlural = 1u << 27,
    fQualifierEnd = 1u << 28,
};

// Every table a word belongs to, as bits: one hash lookup per word of the body, at tokenization.
quint32 wordFlags(Key k)
{
    static const WordMap<quint32> all = [] {
        WordMap<quint32> m;
        const auto addSet = [&m](const WordSet &set, quint32 flag) {
            for (Key w : set)
                m[w] |= flag;
        };
        const auto addMap = [&m](const auto &map, quint32 flag) {
            for (const auto &entry : map)
                m[entry.first] |= flag;
        };
        addSet(stopWords(), fStop);
        addMap(unitNumbers(), fUnit);
        addMap(scaleWords(), fScale);
        addMap(scaleSuffixes(), fScaleSuffix);
        addMap(vaguePlurals(), fVague);
        addSet(measureSuffixes(), fMeasure);
        addSet(timeUnits(), fTime);
        addSet(months(), fMonth);
        addSet(weekdays(), fWeekday);
        addSet(abbreviations(), fAbbrev);
        addSet(labelAbbreviations(), fLabelAbbrev);
        addSet(isoCodes(), fIso);
        addMap(currencyWords(), fCurrencyWord);
        addMap(dollarPrefixes(), fDollarPrefix);
        addMap(precedingVerbs(), fPrecedingVerb);
        addSet(irregularParticiples(), fIrregular);
        addSet(edExceptions(), fEdException);
        addSet(participleComplements(), fComplement);
        addSet(hedgingParticiples(), fHedging);
        addSet(auxiliaries(), fAux);
        addSet(adverbs(), fAdverb);
        addSet(speechVerbs(), fSpeech);
        addSet(subjectAdjuncts(), fSubjectAdjunct);
        addSet(statisticNouns(), fStat);
        addSet(determiners(), fDeterminer);
        m["according"] |= fAccording;
        m["by"] |= fBy;
        addSet(irregularPlurals(), fPlural);
        for (const Qualifier &q : qualifiers())
            m[q.words.back()] |= fQualifierEnd;
        return m;
    }();
    if (k.empty())
        return 0;
    const auto it = all.find(k);
    return it == all.end() ? 0 : it->second;
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isLetterLike(char16_t c)
{
    return QChar::isLetter(c) || QChar::isMark(c);
}

bool isHyphen(char16_t c)
{
    return c == u'-' || c == u'\u2010' || c == u'\u2011';
}

bool isDash(char16_t c)
{
    return c == u'\u2013' || c == u'\u2014' || c == u'-' || c == u'\u2015';
}

bool isClosingQuote(char16_t c)
{
    return c == u'\u201D' || c == u'"' || c == u'\u2019' || c == u'\'' || c == u'\u00BB' || c == u')';
}

// Lower-cased ASCII copy of a word for the tables. Anything else (accents, digits) can never match a
// table entry, so such words get an empty key; keys live on the stack, no allocation per word.
class LowerKey
{
public:
    explicit LowerKey(QStringView w)
    {
        if (w.size() >= qsizetype(sizeof m_buf))
            return;
        for (QChar qc : w) {
            const char16_t u = qc.unicode();
            char out = 0;
            if (u >= u'A' && u <= u'Z')
                out = char(u - u'A' + u'a');
            else if ((u >= u'a' && u <= u'z') || u == u'-' || u == u'\'')
                out = char(u);
            else if (u == u'\u2019')
                out = '\'';
            else {
                m_len = 0;
                return;
            }
            m_buf[m_len++] = out;
        }
    }
    Key key() const { return Key(m_buf, m_len); }

private:
    char m_buf[24] = {};
    size_t m_len = 0;
};

enum class Kind : quint8 { Word, Number, Punct };

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
    qint32 sentence = 0;
    Kind kind = Kind::Punct;
    bool spaceBefore = true; // whitespace (or the start of the body) before the token
    quint32 flags = 0; // WordFlag bits of a word
};

struct Phrase
{
    qsizetype start = -1;
    qsizetype end = -1;
    bool isEmpty() const { return end <= start; }
};

struct Cue
{
    qsizetype token = 0;
    QString who;
};

struct SentenceCues
{
    std::vector<Cue> according; // "according to X", "by X's tally"
    std::vector<Cue> before; // "X said ..." usable for figures after the verb
    std::vector<Cue> after; // "..., X said" / "..., said X" usable for figures before it
};

struct Amount
{
    qsizetype first = 0;
    qsizetype last = 0;
    double value = 0;
    bool words = false; // spelt out ("nine", "a dozen")
    bool vague = false; // "hundreds", "tens of thousands"
    bool scaled = false; // a scale word or suffix was applied
    bool separators = false; // "3,482" or "2.3": clearly a quantity, not a label or a year
    bool plainFourDigits = false;
    bool percentSuffix = false; // "3pc"
    bool ambiguousM = false; // "5m": million, or metres when nothing is counted
    bool oneOnly = false; // a bare "one"
    qsizetype measure = -1; // token of a glued measurement unit ("5km")
};

class Scanner
{
public:
    Scanner(const QString &body, const QList<Entity> &entities)
        : m_body(body)
    {
        m_entities.reserve(size_t(entities.size()));
        for (const Entity &e : entities) {
            if (e.type == Entity::Type::Person || e.type == Entity::Type::Org || e.type == Entity::Type::Loc)
                m_entities.push_back(&e);
        }
        std::sort(m_entities.begin(), m_entities.end(),
                  [](const Entity *a, const Entity *b) { return a->span.end < b->span.end; });
    }

    QList<Figure> run();

private:
    void tokenize(qsizetype from, qsizetype to);
    void scan(QList<Figure> *out);

    qsizetype count() const { return qsizetype(m_tok.size()); }
    QStringView text(qsizetype i) const
    {
        return QStringView(m_body).mid(m_tok[size_t(i)].start, m_tok[size_t(i)].end - m_tok[size_t(i)].start);
    }
    const Token &tok(qsizetype i) const { return m_tok[size_t(i)]; }
    LowerKey lk(qsizetype i) const { return LowerKey(text(i)); }
    bool valid(qsizetype i) const { return i >= 0 && i < count(); }
    bool same(qsizetype i, qsizetype j) const
    {
        return valid(i) && valid(j) && m_tok[size_t(i)].sentence == m_tok[size_t(j)].sentence;
    }
    bool isWord(qsizetype i) const { return valid(i) && tok(i).kind == Kind::Word; }
    bool isNumber(qsizetype i) const { return valid(i) && tok(i).kind == Kind::Number; }
    bool isPunct(qsizetype i, char16_t c) const
    {
        return valid(i) && tok(i).kind == Kind::Punct && tok(i).end - tok(i).start == 1
            && m_body.at(tok(i).start).unicode() == c;
    }
    char16_t punctChar(qsizetype i) const
    {
        return (valid(i) && tok(i).kind == Kind::Punct) ? m_body.at(tok(i).start).unicode() : 0;
    }
    bool is(qsizetype i, Key w) const { return isWord(i) && lk(i).key() == w; }
    bool has(qsizetype i, quint32 flag) const { return isWord(i) && (tok(i).flags & flag); }
    // A spaced word in the same sentence as `anchor`: the next word of a phrase.
    bool nextWord(qsizetype i, qsizetype anchor) const
    {
        return isWord(i) && tok(i).spaceBefore && same(i, anchor);
    }
    bool capitalized(qsizetype i) const { return isWord(i) && m_body.at(tok(i).start).isUpper(); }
    bool lowercase(qsizetype i) const { return isWord(i) && m_body.at(tok(i).start).isLower(); }
    // "US", "WHO", "IT" are names, not the function words they spell.
    bool isStop(qsizetype i) const
    {
        if (!has(i, fStop))
            return false;
        const QStringView t = text(i);
        return t.size() < 2 || !std::all_of(t.begin(), t.end(), [](QChar c) { return c.isUpper(); });
    }
    bool isMonth(qsizetype i) const { return capitalized(i) && has(i, fMonth); }

    bool startsWordAmount(qsizetype i) const;
    bool parseDigits(qsizetype i, Amount *a) const;
    bool parseWords(qsizetype i, Amount *a) const;
    bool isParticiple(qsizetype i) const;
    bool pluralLike(qsizetype i) const;
    bool isNounCandidate(qsizetype i, qsizetype anchor) const;
    qsizetype matchQualifier(qsizetype before, qsizetype minTok, QString *canonical) const;
    bool excludedCount(const Amount &a, bool qualified) const;
    QString verbPhraseAt(qsizetype i, qsizetype *last) const;
    QString followingVerb(qsizetype from, qsizetype anchor, bool allowAside, bool partitive) const;
    bool isPartitive(qsizetype start) const;

    Phrase phraseAfter(qsizetype t, qsizetype *possessive = nullptr) const;
    Phrase phraseBefore(qsizetype v, qsizetype *beforeFirst) const;
    QString resolve(const Phrase &p) const;
    const SentenceCues &cues(qsizetype sentenceTok);
    QString attribution(qsizetype first, qsizetype last);

    const QString &m_body;
    std::vector<const Entity *> m_entities;
    std::vector<Token> m_tok;
    std::vector<qsizetype> m_sentenceStart; // first token of each sentence
    // Figures come in token order, so each sentence's cues are needed in one stretch only.
    qint32 m_cueSentence = -1;
    SentenceCues m_cues;
};

void Scanner::tokenize(qsizetype from, qsizetype to)
{
    m_tok.clear();
    m_sentenceStart.clear();
    m_cueSentence = -1;
    const QChar *d = m_body.constData();
    const qsizetype n = to;
    qsizetype i = from;
    bool space = true;
    bool newline = false;
    bool pendingEnd = false;
    qint32 sentence = 0;
    m_sentenceStart.push_back(0);
    while (i < n) {
        const char16_t c = d[i].unicode();
        if (QChar::isSpace(c)) {
            space = true;
            if (c == u'\n' || c == u'\r' || c == u'\u2029' || c == u'\u2028')
                newline = true;
            ++i;
            continue;
        }
        const qsizetype s = i;
        Kind kind = Kind::Punct;
        if (isAsciiDigit(c)) {
            kind = Kind::Number;
            ++i;
            while (i < n) {
                const char16_t x = d[i].unicode();
                if (isAsciiDigit(x))
                    ++i;
                else if ((x == u',' || x == u'.') && i + 1 < n && isAsciiDigit(d[i + 1].unicode()))
                    i += 2;
                else
                    break;
            }
        } else if (isLetterLike(c)) {
            kind = Kind::Word;
            ++i;
            while (i < n) {
                const char16_t x = d[i].unicode();
                if (isLetterLike(x) || isAsciiDigit(x)) {
                    ++i;
                } else if (i + 1 < n
                           && (((x == u'\'' || x == u'\u2019') && isLetterLike(d[i + 1].unicode()))
                               || (isHyphen(x)
                                   && (isLetterLike(d[i + 1].unicode())
                                       || isAsciiDigit(d[i + 1].unicode()))))) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && d[i + 1].isLowSurrogate()) {
            i += 2;
        } else {
            ++i;
        }

        if (!m_tok.empty()) {
            bool boundary = newline;
            if (!boundary && pendingEnd && space) {
                const QChar first = d[s];
                boundary = first.isUpper() || isAsciiDigit(c) || c == u'\u201C' || c == u'"' || c == u'\u2018'
                    || c == u'(' || c == u'\u00AB' || first.isHighSurrogate();
            }
            if (boundary) {
                ++sentence;
                m_sentenceStart.push_back(qsizetype(m_tok.size()));
            }
        }

        const bool carry = pendingEnd && !space && kind == Kind::Punct && isClosingQuote(c);
        pendingEnd = carry;
        if (kind == Kind::Punct && (c == u'.' || c == u'!' || c == u'?' || c == u'\u2026')) {
            bool abbreviation = false;
            if (c == u'.' && !space && !m_tok.empty() && m_tok.back().kind == Kind::Word) {
                const Token &w = m_tok.back();
                const QStringView word = QStringView(m_body).mid(w.start, w.end - w.start);
                abbreviation = word.size() == 1 || (w.flags & fAbbrev);
            }
            pendingEnd = !abbreviation;
        }
        const quint32 flags = kind == Kind::Word ? wordFlags(LowerKey(QStringView(d + s, i - s)).key()) : 0;
        m_tok.push_back({ s, i, sentence, kind, space, flags });
        space = false;
        newline = false;
    }
}

bool Scanner::startsWordAmount(qsizetype i) const
{
    const quint32 flags = tok(i).flags;
    if (flags & (fUnit | fVague))
        return true;
    if (flags & fScale) // "a dozen", "a million"
        return (is(i - 1, "a") || is(i - 1, "an")) && same(i - 1, i) && !has(i, fScaleSuffix);
    const QStringView t = text(i);
    const qsizetype dash = t.indexOf(u'-');
    if (dash <= 0 || dash > 8)
        return false;
    const LowerKey head(t.first(dash));
    return unitNumbers().count(head.key()) > 0;
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
            if (auto it = scaleSuffixes().find(s); it != scaleSuffixes().end()) {
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
        const auto it = scaleWords().find(l.key());
        if (l.key().empty() || it == scaleWords().end())
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
    if (auto it = vaguePlurals().find(first.key()); it != vaguePlurals().end()) {
        a->vague = true;
        a->value = it->second;
        // "tens of thousands", "hundreds of millions"
        while (is(j + 1, "of") && nextWord(j + 1, i) && nextWord(j + 2, i) && j - i < 4) {
            const LowerKey next = lk(j + 2);
            const auto more = vaguePlurals().find(next.key());
            if (next.key().empty() || more == vaguePlurals().end() || next.key() == "tens"
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
        if (auto it = unitNumbers().find(k); it != unitNumbers().end()) {
            unit = it->second;
        } else if (const size_t dash = k.find('-'); dash != Key::npos) {
            const auto tens = unitNumbers().find(k.substr(0, dash));
            const auto ones = unitNumbers().find(k.substr(dash + 1));
            if (tens == unitNumbers().end() || ones == unitNumbers().end() || tens->second < 20
                || std::fmod(tens->second, 10) != 0 || ones->second > 9)
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
            total += (current == 0 ? 1 : current) * scaleWords().at(k);
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

qsizetype Scanner::matchQualifier(qsizetype before, qsizetype minTok, QString *canonical) const
{
    if (!has(before, fQualifierEnd))
        return -1;
    for (const Qualifier &q : qualifiers()) {
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

Phrase Scanner::phraseAfter(qsizetype t, qsizetype *possessive) const
{
    qsizetype k = t;
    const qsizetype anchor = t - 1;
    while (nextWord(k, anchor) && has(k, fDeterminer))
        ++k;
    qsizetype first = -1;
    qsizetype last = -1;
    int words = 0;
    while (valid(k) && same(k, anchor) && words < 8) {
        if (isWord(k)) {
            if (!tok(k).spaceBefore && first >= 0 && !isPunct(k - 1, u'.'))
                break;
            if (isStop(k) || has(k, fSpeech)) {
                // "Ministry of Health"
                if (is(k, "of") && first >= 0 && capitalized(k + 1) && nextWord(k + 1, anchor)) {
                    ++k;
                    continue;
                }
                break;
            }
            ++words;
        } else if (isPunct(k, u'.') && !tok(k).spaceBefore && isWord(k - 1)
                   && tok(k - 1).end - tok(k - 1).start == 1) {
            // "U.N." keeps its periods
        } else {
            break;
        }
        if (first < 0)
            first = k;
        last = k;
        ++k;
    }
    if (first < 0)
        return {};
    Phrase p { tok(first).start, tok(last).end };
    // "Kenya's tally" -> Kenya
    for (qsizetype w = first; w <= last; ++w) {
        if (!isWord(w))
            continue;
        const QStringView s = text(w);
        const bool isPossessive = s.size() > 2
            && (s.at(s.size() - 2) == u'\u2019' || s.at(s.size() - 2) == u'\'')
            && (s.back() == u's' || s.back() == u'S');
        if (!isPossessive)
            continue;
        bool restLower = true;
        for (qsizetype r = w + 1; r <= last && restLower; ++r)
            restLower = lowercase(r);
        if (restLower) {
            p.end = tok(w).end - 2;
            if (possessive)
                *possessive = w;
            break;
        }
    }
    return p;
}

Phrase Scanner::phraseBefore(qsizetype v, qsizetype *beforeFirst) const
{
    qsizetype k = v - 1;
    for (int skipped = 0; skipped < 4 && same(k, v) && isWord(k); ++skipped) {
        if (has(k, fWeekday) && capitalized(k)) {
            --k;
            if (is(k, "on") && same(k, v))
                --k;
        } else if (lowercase(k) && has(k, fSubjectAdjunct)) {
            --k;
        } else {
            break;
        }
    }
    qsizetype first = -1;
    qsizetype last = -1;
    int words = 0;
    while (same(k, v) && words < 6) {
        if (isWord(k) && !tok(k).spaceBefore && isNumber(k - 1))
            break; // "3rd Assault Brigade": the ordinal is not part of the name
        if (isWord(k)) {
            // "Committee to Protect Journalists", "Ministry of Health"
            const bool connector = first >= 0 && capitalized(k - 1) && capitalized(first) && lowercase(k)
                && (is(k, "of") || is(k, "to") || is(k, "for") || is(k, "and"));
            if (!connector && (isStop(k) || has(k, fSpeech)))
                break;
            if (lowercase(k) && isParticiple(k))
                break;
            ++words;
        } else if (isPunct(k, u'.') && !tok(k).spaceBefore && isWord(k - 1)
                   && tok(k - 1).end - tok(k - 1).start == 1) {
            // "U.S."
        } else {
            break;
        }
        first = k;
        if (last < 0)
            last = k;
        --k;
    }
    if (beforeFirst) {
        while (same(k, v) && isWord(k) && has(k, fDeterminer))
            --k;
        *beforeFirst = same(k, v) ? k : -1;
    }
    if (first < 0)
        return {};
    return { tok(first).start, tok(last).end };
}

QString Scanner::resolve(const Phrase &p) const
{
    if (p.isEmpty())
        return {};
    const auto lower = std::lower_bound(m_entities.begin(), m_entities.end(), p.end,
                                        [](const Entity *e, qsizetype end) { return e->span.end < end; });
    const Entity *best = nullptr;
    for (auto it = lower; it != m_entities.end() && (*it)->span.end == p.end; ++it) {
        const Entity *e = *it;
        if (e->span.start >= p.end)
            continue;
        if (e->type == Entity::Type::Person || e->span.start <= p.start) {
            if (!best || e->span.start < best->span.start)
                best = e;
        }
    }
    if (best)
        return best->canonical.isEmpty() ? best->text : best->canonical;
    return m_body.mid(p.start, p.end - p.start).simplified();
}

const SentenceCues &Scanner::cues(qsizetype sentenceTok)
{
    const qint32 sentence = tok(sentenceTok).sentence;
    if (sentence == m_cueSentence)
        return m_cues;
    SentenceCues &c = m_cues;
    c.according.clear();
    c.before.clear();
    c.after.clear();
    m_cueSentence = sentence;
    const qsizetype begin = m_sentenceStart[size_t(sentence)];
    for (qsizetype t = begin; valid(t) && tok(t).sentence == sentence; ++t) {
        if (!isWord(t))
            continue;
        const quint32 flags = tok(t).flags;
        if (!(flags & (fAccording | fBy | fSpeech)))
            continue;
        if ((flags & fAccording) && is(t + 1, "to") && same(t + 1, t)) {
            const QString who = resolve(phraseAfter(t + 2));
            if (!who.isEmpty())
                c.according.push_back({ t, who });
        } else if (flags & fBy) {
            // "by the army's count"
            qsizetype possessive = -1;
            const Phrase p = phraseAfter(t + 1, &possessive);
            if (!p.isEmpty() && possessive >= 0 && has(possessive + 1, fStat))
                c.according.push_back({ t, resolve(p) });
        } else if (has(t, fSpeech) && lowercase(t)) {
            qsizetype beforeFirst = -1;
            const Phrase subject = phraseBefore(t, &beforeFirst);
            if (!subject.isEmpty()) {
                const QString who = resolve(subject);
                c.before.push_back({ t, who });
                const char16_t p = punctChar(beforeFirst);
                if (p == u',' || isClosingQuote(p) || isDash(p))
                    c.after.push_back({ t, who });
            } else if (const char16_t p = punctChar(t - 1);
                       (p == u',' || isClosingQuote(p)) && same(t - 1, t)) {
                // ", said the ministry"
                const QString who = resolve(phraseAfter(t + 1));
                if (!who.isEmpty())
                    c.after.push_back({ t, who });
            }
        }
    }
    return c;
}

QString Scanner::attribution(qsizetype first, qsizetype last)
{
    const SentenceCues &c = cues(first);
    const auto after = [last](const std::vector<Cue> &v) -> const Cue * {
        const auto it = std::upper_bound(v.begin(), v.end(), last,
                                         [](qsizetype t, const Cue &cue) { return t < cue.token; });
        return it == v.end() ? nullptr : &*it;
    };
    const auto before = [first](const std::vector<Cue> &v) -> const Cue * {
        const auto it = std::lower_bound(v.begin(), v.end(), first,
                                         [](const Cue &cue, qsizetype t) { return cue.token < t; });
        return it == v.begin() ? nullptr : &*(it - 1);
    };
    if (const Cue *cue = after(c.according))
        return cue->who;
    if (const Cue *cue = before(c.according))
        return cue->who;
    if (const Cue *cue = before(c.before))
        return cue->who;
    if (const Cue *cue = after(c.after))
        return cue->who;
    return {};
}

// Sentences never cross a line break, so the body is scanned one paragraph (line) at a time: the
// token buffer stays small and warm in the cache.
QList<Figure> Scanner::run()
{
    QList<Figure> out;
    const QChar *d = m_body.constData();
    const qsizetype n = m_body.size();
    qsizetype from = 0;
    while (from < n) {
        qsizetype to = from;
        while (to < n) {
            const char16_t c = d[to].unicode();
            if (c == u'\n' || c == u'\r' || c == u'\u2029' || c == u'\u2028')
                break;
            ++to;
        }
        if (to > from) {
            tokenize(from, to);
            scan(&out);
        }
        from = to + 1;
    }
    return out;
}

void Scanner::scan(QList<Figure> *out)
{
    qsizetype minTok = 0;
    for (qsizetype i = 0; i < count(); ++i) {
        const Kind kind = tok(i).kind;
        if (kind == Kind::Punct || (kind == Kind::Word && !startsWordAmount(i)))
            continue;

        Amount a;
        if (kind == Kind::Number ? !parseDigits(i, &a) : !parseWords(i, &a))
            continue;
        if (!std::isfinite(a.value)) // "9 trillion trillion trillion": nothing a reader can use
            continue;
        if (a.words && (is(i, "a") || is(i, "an")))
            a.first = i;
        else if (a.words && (is(i - 1, "a") || is(i - 1, "an")) && same(i - 1, i) && i - 1 >= minTok)
            a.first = i - 1;

        // currency in front: "$2.5", "US$5", "€40", "USD 5m"
        qsizetype start = a.first;
        QString unit;
        bool money = false;
        bool percent = false;
        if (!a.words && valid(a.first - 1) && a.first - 1 >= minTok && same(a.first - 1, a.first)) {
            const qsizetype p = a.first - 1;
            if (const char16_t *code = currencyForSymbol(punctChar(p))) {
                start = p;
                unit = QString::fromUtf16(code);
                if (punctChar(p) == u'$' && isWord(p - 1) && !tok(p).spaceBefore && p - 1 >= minTok) {
                    const LowerKey l = lk(p - 1);
                    if (auto it = dollarPrefixes().find(l.key());
                        !l.key().empty() && it != dollarPrefixes().end()) {
                        start = p - 1;
                        unit = QString::fromUtf16(it->second);
                    }
                }
                money = true;
            } else if (isWord(p) && tok(a.first).spaceBefore && text(p).size() == 3
                       && text(p).front().isUpper() && text(p).back().isUpper() && has(p, fIso)) {
                start = p;
                unit = text(p).toString();
                if (unit == u"RMB"_s)
                    unit = u"CNY"_s;
                else if (unit == u"NIS"_s)
                    unit = u"ILS"_s;
                money = true;
            }
        }

        qsizetype last = a.last;
        // currency after: "2.3 billion crowns", "5 million euros", "40 million Swiss francs", "5m USD"
        if (!money && !a.percentSuffix && a.measure < 0) {
            qsizetype j = a.last + 1;
            if (a.vague && is(j, "of"))
                ++j;
            if (nextWord(j, i)) {
                const LowerKey l = lk(j);
                const Key k = l.key();
                if (has(j, fIso) && text(j).size() == 3 && text(j).front().isUpper()
                    && text(j).back().isUpper()) {
                    unit = text(j).toString();
                    money = true;
                    last = j;
                } else if (auto it = currencyWords().find(k); !k.empty() && it != currencyWords().end()
                           && !((k == "pounds" || k == "pound") && is(j + 1, "of"))) {
                    unit = *it->second ? QString::fromUtf16(it->second) : text(j).toString().toLower();
                    money = true;
                    last = j;
                    if ((k == "pounds" || k == "pound") && is(j + 1, "sterling") && nextWord(j + 1, i))
                        last = j + 1;
                } else if (nextWord(j + 1, i) && !k.empty()) {
                    const LowerKey l2 = lk(j + 1);
                    std::string pair(k);
                    pair += ' ';
                    pair += l2.key();
                    const auto &nat = nationalCurrencies();
                    if (auto n = nat.find(pair); !l2.key().empty() && n != nat.end()) {
                        unit = QString::fromUtf16(n->second);
                        money = true;
                        last = j + 1;
                    }
                }
                // "5 million U.S. dollars"
                if (!money && is(j, "u") && isPunct(j + 1, u'.') && is(j + 2, "s") && isPunct(j + 3, u'.')
                    && (is(j + 4, "dollars") || is(j + 4, "dollar")) && same(j + 4, i)) {
                    unit = u"USD"_s;
                    money = true;
                    last = j + 4;
                }
            }
        }

        // "between 5,000 and 6,000 protesters", "5 to 7 percent": the first amount of a range shares the
        // unit of the second, but its span stays its own
        const qsizetype rangeNext = a.last + 2;
        const bool ranged = !a.words && !money && nextWord(a.last + 1, i)
            && (is(a.last + 1, "to") || is(a.last + 1, "and") || is(a.last + 1, "or")) && isNumber(rangeNext)
            && same(rangeNext, i) && tok(rangeNext).spaceBefore;

        // percentages: "41%", "60 percent", "12.5 per cent", "3pc", "2 percentage points"
        if (!money) {
            const auto percentAt = [&](qsizetype j, qsizetype *end) -> QString {
                if (isPunct(j, u'%') && same(j, i)) {
                    *end = j;
                    return u"%"_s;
                }
                if (nextWord(j, i) && (is(j, "percent") || is(j, "pct"))) {
                    *end = j;
                    return u"%"_s;
                }
                if (nextWord(j, i) && is(j, "per") && nextWord(j + 1, i) && is(j + 1, "cent")) {
                    *end = j + 1;
                    return u"%"_s;
                }
                if (nextWord(j, i) && is(j, "percentage") && nextWord(j + 1, i)
                    && (is(j + 1, "points") || is(j + 1, "point"))) {
                    *end = j + 1;
                    return u"percentage points"_s;
                }
                return {};
            };
            qsizetype end = last;
            if (a.percentSuffix) {
                percent = true;
                unit = u"%"_s;
            } else if (const QString u = percentAt(a.last + 1, &end); !u.isEmpty()) {
                percent = true;
                unit = u;
                last = end;
            } else if (ranged) {
                qsizetype ignored = 0;
                if (const QString u = percentAt(rangeNext + 1, &ignored); !u.isEmpty()) {
                    percent = true;
                    unit = u;
                }
            }
        }

        QString qualifier;
        const qsizetype qualifierFirst = matchQualifier(start - 1, minTok, &qualifier);
        if (qualifierFirst >= 0)
            start = qualifierFirst;

        if (!money && !percent) {
            if (excludedCount(a, qualifierFirst >= 0))
                continue;
            if (a.oneOnly)
                continue;
            if (a.measure >= 0) {
                unit = text(a.measure).toString();
            } else {
                // the counted noun phrase
                qsizetype j = a.last + 1;
                bool headless = false;
                if (nextWord(j, i) && is(j, "more") && !is(j + 1, "than"))
                    ++j;
                if (nextWord(j, i) && is(j, "of")) {
                    if (nextWord(j + 1, i)
                        && (is(j + 1, "them") || is(j + 1, "whom") || is(j + 1, "us")
                            || is(j + 1, "those"))) {
                        headless = true;
                    } else {
                        ++j;
                        if (nextWord(j, i)
                            && (is(j, "the") || is(j, "these") || is(j, "their") || is(j, "its")
                                || is(j, "his") || is(j, "her") || is(j, "our")))
                            ++j;
                    }
                }
                headless = headless || (nextWord(a.last + 1, i) && is(a.last + 1, "who"));
                qsizetype nounFirst = -1;
                qsizetype nounLast = -1;
                QString verb;
                bool plural = false;
                for (int words = 0; words < 3 && nextWord(j, i); ++words, ++j) {
                    if (isStop(j) || has(j, fUnit | fVague))
                        break;
                    if (isMonth(j) || has(j, fScale))
                        break;
                    if (isParticiple(j)) {
                        if (nounFirst < 0 && !isNounCandidate(j + 1, i)) {
                            // "2,950 wounded": the participle is what is counted, so it is in the span
                            qsizetype verbLast = j;
                            verb = verbPhraseAt(j, &verbLast);
                            last = verbLast;
                            break;
                        }
                        if (nounFirst >= 0)
                            break; // "people taken hostage": the verb phrase starts here
                    }
                    if (nounFirst < 0)
                        nounFirst = j;
                    nounLast = j;
                    if (pluralLike(j)) {
                        plural = true;
                        break;
                    }
                }
                // The phrase ends at its first plural ("1.2bn users worldwide"); a phrase without one
                // is not what is counted ("the two met", "a 5m wall"), except after a single unit.
                if (!plural && nounFirst >= 0) {
                    if (a.value == 1 && !a.scaled)
                        nounLast = nounFirst;
                    else
                        nounFirst = nounLast = -1;
                }
                if (nounLast >= 0 && has(nounLast, fTime))
                    continue; // "two months ago", "100 days": a duration, not a count
                if (a.ambiguousM && nounLast < 0) {
                    a.value /= 1e6; // "a 5m wall": metres
                    unit = text(a.last).toString();
                } else {
                    if (verb.isEmpty()) {
                        const qsizetype from = nounLast >= 0 ? nounLast + 1 : a.last + 1;
                        verb = followingVerb(from, i, nounLast >= 0, isPartitive(start));
                    }
                    if (verb.isEmpty() && valid(start - 1) && same(start - 1, i) && isWord(start - 1)) {
                        const LowerKey l = lk(start - 1);
                        if (auto it = precedingVerbs().find(l.key());
                            !l.key().empty() && it != precedingVerbs().end() && lowercase(start - 1))
                            verb = QString::fromUtf16(it->second);
                    }
                    if (nounLast < 0 && verb.isEmpty() && ranged && nextWord(rangeNext + 1, i)) {
                        if (pluralLike(rangeNext + 1) && !isStop(rangeNext + 1))
                            unit = text(rangeNext + 1).toString();
                        else if (nextWord(rangeNext + 2, i) && pluralLike(rangeNext + 2)
                                 && !isStop(rangeNext + 1) && !isStop(rangeNext + 2)
                                 && !isParticiple(rangeNext + 1))
                            unit = m_body
                                       .mid(tok(rangeNext + 1).start,
                                            tok(rangeNext + 2).end - tok(rangeNext + 1).start)
                                       .simplified();
                    }
                    if (a.words && nounLast < 0 && verb.isEmpty() && !headless)
                        continue; // "the two met": a word number that counts nothing
                    if (nounLast >= 0) {
                        unit = m_body.mid(tok(nounFirst).start, tok(nounLast).end - tok(nounFirst).start)
                                   .simplified();
                        last = nounLast;
                    }
                    if (!verb.isEmpty())
                        unit = unit.isEmpty() ? verb : unit + u' ' + verb;
                }
            }
        }

        if (a.vague && qualifier.isEmpty())
            qualifier = u"more than"_s;

        Figure f;
        f.span = Span { tok(start).start, tok(last).end };
        f.text = m_body.mid(f.span.start, f.span.length());
        f.value = a.value;
        f.unit = unit;
        f.qualifier = qualifier;
        f.attributedTo = attribution(start, last);
        out->append(std::move(f));
        minTok = last + 1;
        i = last;
    }
}

} // namespace

QList<Figure> FigureExtractor::extract(const QString &body, const QList<Entity> &entities)
{
    Scanner scanner(body, entities);
    return scanner.run();
}

} // namespace Lede
