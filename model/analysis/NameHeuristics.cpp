// SPDX-License-Identifier: GPL-3.0-or-later
#include "NameHeuristics.h"

#include <QChar>

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

namespace Lede {

namespace {

class WordSet final
{
public:
    WordSet(std::initializer_list<std::u16string_view> words)
    {
        for (auto w : words)
            m_words.emplace(w);
    }

    bool contains(QStringView word) const
    {
        if (word.isEmpty() || word.size() > 40)
            return false;
        std::u16string folded;
        folded.resize(size_t(word.size()));
        for (qsizetype i = 0; i < word.size(); ++i) {
            // Curly apostrophes are folded to straight ones so both spellings share one entry.
            char16_t c = word.at(i).toLower().unicode();
            folded[size_t(i)] = c == u'\u2019' ? u'\'' : c;
        }
        return m_words.count(folded) > 0;
    }

private:
    std::unordered_set<std::u16string> m_words;
};

} // namespace

bool NameHeuristics::isTitle(QStringView word)
{
    static const WordSet set{
        u"president", u"vice", u"prime", u"minister", u"secretary", u"foreign", u"defense", u"defence",
        u"interior", u"finance", u"state", u"mayor", u"governor", u"gov.", u"senator", u"sen.",
        u"representative", u"rep.", u"congressman", u"congresswoman", u"mr", u"mr.", u"mrs", u"mrs.",
        u"ms", u"ms.", u"miss", u"dr", u"dr.", u"prof", u"prof.", u"professor", u"general", u"gen.",
        u"colonel", u"col.", u"lieutenant", u"lt.", u"captain", u"capt.", u"sergeant", u"sgt.",
        u"admiral", u"commander", u"chief", u"judge", u"justice", u"king", u"queen", u"prince",
        u"princess", u"pope", u"rev.", u"reverend", u"sir", u"dame", u"lord", u"lady", u"ambassador",
        u"chancellor", u"commissioner", u"director", u"chairman", u"chairwoman", u"ceo", u"spokesman",
        u"spokeswoman", u"spokesperson", u"sheikh", u"emir", u"sultan", u"archbishop", u"bishop",
        u"cardinal", u"inspector", u"detective", u"officer", u"deputy", u"acting", u"former",
        u"attorney", u"premier", u"councillor", u"councilor", u"coach", u"dean", u"superintendent",
        u"constable", u"marshal", u"major", u"senior", u"junior", u"executive", u"economy", u"trade",
        u"energy", u"transport", u"education", u"justice", u"labour", u"labor", u"environment",
        u"agriculture", u"development", u"culture", u"sports", u"treasury", u"home", u"opposition",
        u"leader", u"head", u"speaker", u"vice-president", u"father", u"sister", u"brother", u"rabbi",
        u"imam", u"mullah", u"ayatollah", u"chief executive", u"auditor", u"solicitor", u"advocate"};
    return set.contains(word);
}

bool NameHeuristics::isOrgWord(QStringView word)
{
    static const WordSet set{
        u"house", u"ministry", u"council", u"bank", u"authority", u"authorities", u"agency", u"company",
        u"corporation", u"corp", u"corp.", u"inc", u"inc.", u"ltd", u"ltd.", u"llc", u"plc", u"ag", u"asa",
        u"gmbh", u"s.a.", u"group", u"party", u"police", u"army", u"forces", u"force", u"court",
        u"commission", u"committee", u"department", u"office", u"union", u"association", u"university",
        u"institute", u"foundation", u"fund", u"organization", u"organisation", u"nations", u"assembly",
        u"parliament", u"congress", u"senate", u"government", u"cabinet", u"embassy", u"reuters",
        u"board", u"service", u"services", u"bureau", u"center", u"centre", u"hospital", u"school",
        u"college", u"network", u"times", u"news", u"press", u"airlines", u"airways", u"partners",
        u"holdings", u"industries", u"systems", u"technologies", u"exchange", u"reserve", u"federation",
        u"league", u"club", u"church", u"trust", u"society", u"alliance", u"coalition", u"movement",
        u"front", u"brigades", u"guard", u"navy", u"military", u"command", u"railways", u"railway",
        u"post", u"journal", u"tribune", u"herald", u"gazette", u"telegraph", u"guardian", u"council's",
        u"energy", u"motors", u"pharmaceuticals", u"labs", u"laboratories", u"capital", u"securities",
        u"insurance", u"media", u"broadcasting", u"television", u"radio", u"agency's", u"co.", u"cooperative"};
    return set.contains(word);
}

bool NameHeuristics::isPlaceWord(QStringView word)
{
    static const WordSet set{u"strip", u"street", u"city", u"square", u"river", u"island", u"islands",
                             u"sea", u"valley", u"county", u"province", u"region", u"bay", u"mountains",
                             u"lake", u"coast", u"airport", u"bridge", u"road", u"avenue", u"district",
                             u"harbour", u"harbor", u"port", u"peninsula", u"heights", u"desert",
                             u"ocean", u"gulf", u"canal", u"park", u"station", u"tunnel", u"hill",
                             u"hills", u"fjord", u"village", u"town", u"camp", u"crossing"};
    return set.contains(word);
}

bool NameHeuristics::isWeekdayOrMonth(QStringView word)
{
    // "May" is left out on purpose: it is also a surname.
    static const WordSet set{u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday",
                             u"sunday", u"january", u"february", u"march", u"april", u"june",
                             u"july", u"august", u"september", u"october", u"november", u"december",
                             u"jan.", u"feb.", u"mar.", u"apr.", u"jun.", u"jul.", u"aug.", u"sept.",
                             u"sep.", u"oct.", u"nov.", u"dec.", u"jan", u"feb", u"aug", u"sept", u"oct",
                             u"nov", u"dec"};
    return set.contains(word);
}

bool NameHeuristics::isCapitalisedStopWord(QStringView word)
{
    static const WordSet set{
        u"the", u"a", u"an", u"this", u"that", u"these", u"those", u"it", u"its", u"he", u"she",
        u"they", u"we", u"i", u"you", u"his", u"her", u"their", u"our", u"my", u"in", u"on", u"at",
        u"by", u"for", u"from", u"with", u"as", u"but", u"and", u"or", u"if", u"when", u"while",
        u"after", u"before", u"ahead", u"since", u"during", u"despite", u"although", u"though",
        u"however", u"meanwhile", u"there", u"here", u"what", u"who", u"why", u"how", u"where",
        u"which", u"some", u"many", u"most", u"all", u"no", u"not", u"yes", u"so", u"then", u"also",
        u"asked", u"speaking", u"according", u"still", u"yet", u"last", u"next", u"both", u"each",
        u"such", u"other", u"under", u"over", u"into", u"to", u"of", u"more", u"less", u"few",
        u"several", u"one", u"two", u"three", u"now", u"today", u"yesterday", u"tomorrow", u"earlier",
        u"later", u"instead", u"about", u"around", u"among", u"until", u"because", u"once", u"unlike",
        u"like", u"even", u"only", u"just", u"every", u"any", u"none", u"nor", u"whether", u"let",
        u"let's", u"we're", u"it's", u"i'm", u"don't", u"that's", u"there's", u"what's", u"they're",
        u"we've", u"can't", u"won't", u"thanks", u"please", u"well", u"oh",
        u"new", u"first", u"second", u"third", u"another", u"without", u"within", u"against",
        u"through", u"across", u"near", u"outside", u"inside", u"between", u"again", u"almost",
        u"nearly", u"up", u"down", u"out", u"off", u"hundreds", u"thousands", u"dozens", u"millions"};
    if (isWeekdayOrMonth(word))
        return true;
    return set.contains(word);
}

bool NameHeuristics::isNameConnector(QStringView word)
{
    static const WordSet set{u"of", u"de", u"da", u"di", u"del", u"della", u"van", u"von", u"der",
                             u"den", u"la", u"le", u"al", u"bin", u"ibn", u"du", u"dos", u"das",
                             u"y", u"for", u"and"};
    return set.contains(word);
}

bool NameHeuristics::isOrgNoun(QStringView word)
{
    static const WordSet set{
        u"firm", u"company", u"group", u"ministry", u"government", u"agency", u"bank", u"council",
        u"authority", u"army", u"military", u"police", u"department", u"office", u"embassy", u"court",
        u"union", u"party", u"committee", u"commission", u"board", u"operator", u"carrier", u"lender",
        u"insurer", u"maker", u"manufacturer", u"retailer", u"airline", u"organisation",
        u"organization", u"campaign", u"club", u"hospital", u"university", u"school", u"network",
        u"broadcaster", u"newspaper", u"utility", u"watchdog", u"regulator", u"charity", u"coalition",
        u"administration", u"cabinet", u"parliament", u"prosecutor's", u"prosecutors", u"startup",
        u"start-up", u"developer", u"producer", u"supplier", u"conglomerate", u"automaker",
        u"carmaker", u"drugmaker", u"chipmaker", u"toolmaker", u"shipyard", u"builder", u"contractor",
        u"consultancy", u"institute", u"foundation", u"fund", u"alliance", u"federation", u"league",
        u"association", u"secretariat", u"kremlin", u"statement"};
    return set.contains(word);
}

bool NameHeuristics::isAbbreviation(QStringView w)
{
    static const WordSet set{u"mr", u"mrs", u"ms", u"dr", u"prof", u"sen", u"rep", u"gov", u"gen",
                             u"col", u"lt", u"capt", u"sgt", u"st", u"jr", u"sr", u"rev", u"jan",
                             u"feb", u"mar", u"apr", u"jun", u"jul", u"aug", u"sep", u"sept", u"oct",
                             u"nov", u"dec", u"no", u"inc", u"ltd", u"co", u"corp", u"vs", u"approx",
                             u"dept", u"est", u"fig", u"mt", u"ft", u"gov't"};
    if (w.size() == 1 && w.at(0).isUpper())
        return true; // an initial: "J. R. Smith"
    return set.contains(w);
}

NameHeuristics::Gender NameHeuristics::genderOfTitle(QStringView word)
{
    static const WordSet male{u"mr", u"mr.", u"sir", u"king", u"prince", u"lord", u"father",
                              u"brother", u"congressman", u"chairman", u"spokesman"};
    static const WordSet female{u"mrs", u"mrs.", u"ms", u"ms.", u"miss", u"dame", u"queen",
                                u"princess", u"lady", u"sister", u"congresswoman", u"chairwoman",
                                u"spokeswoman"};
    if (male.contains(word))
        return Gender::Male;
    if (female.contains(word))
        return Gender::Female;
    return Gender::Unknown;
}

} // namespace Lede
