// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityDocument.h"
#include "analysis/Lexicon.h"

namespace Lede::EntityParts {

namespace {

// The recognizer's word lists (resources/lexicon/), read once.
struct Lists
{
    ExactWordSet agencies = Lexicon::exact(u"agencies");
    ExactWordSet creditWords = Lexicon::exact(u"credit-words");
    ExactWordSet nameParticles = Lexicon::exact(u"name-particles");
    WordSet orgHeads = Lexicon::folded(u"org-heads");
    ExactWordSet companySuffixes = Lexicon::exact(u"company-suffixes");
    ExactWordSet sentenceOpeners = Lexicon::exact(u"sentence-openers");
    ExactWordSet calendarWords = Lexicon::exact(u"calendar-words");
    WordSet companyHeads = Lexicon::folded(u"company-heads");
    WordSet functionWords = Lexicon::folded(u"function-words");
    WordSet matchVerbs = Lexicon::folded(u"match-verbs");
    WordSet matchMargins = Lexicon::folded(u"match-margins");
    ExactWordSet dismissalWords = Lexicon::exact(u"dismissal-words");
    WordSet priceMoveVerbs = Lexicon::folded(u"price-move-verbs");
    WordSet matchNouns = Lexicon::folded(u"match-nouns");
    ExactWordSet scorerLabels = Lexicon::exact(u"scorer-labels");
    WordSet priceUnits = Lexicon::folded(u"price-units");
    ExactWordSet stormWords = Lexicon::exact(u"storm-words");
    ExactWordSet eventHeads = Lexicon::exact(u"event-heads");
    ExactWordSet surnameHeads = Lexicon::exact(u"surname-heads");
    WordSet orgMemberNouns = Lexicon::folded(u"org-member-nouns");
    WordSet orgPossessiveNouns = Lexicon::folded(u"org-possessive-nouns");
    WordSet orgStaffNouns = Lexicon::folded(u"org-staff-nouns");
    WordSet orgKindNouns = Lexicon::folded(u"org-kind-nouns");
    WordSet orgBeforeWords = Lexicon::folded(u"org-before-words");
    WordSet orgDefinitionVerbs = Lexicon::folded(u"org-definition-verbs");
    WordSet orgDefinitionAfter = Lexicon::folded(u"org-definition-after");
    WordSet orgKindPersonJobs = Lexicon::folded(u"org-kind-person-jobs");
    WordSet placePrepositions = Lexicon::folded(u"place-prepositions");
};

const Lists &lists()
{
    static const Lists l;
    return l;
}

} // namespace

bool isAgency(QStringView w)
{
    return lists().agencies.contains(w);
}
bool isCreditWord(QStringView w)
{
    return lists().creditWords.contains(w);
}
bool isNameParticle(QStringView w)
{
    return lists().nameParticles.contains(w);
}
bool isOrgHead(QStringView w)
{
    return lists().orgHeads.contains(w);
}
bool isCompanySuffix(QStringView w)
{
    return lists().companySuffixes.contains(w);
}
bool isCommaCompanySuffix(QStringView w)
{
    return isCompanySuffix(w) && !(w.size() == 2 && w[0].isUpper() && w[1].isUpper());
}
bool isSentenceOpener(QStringView w)
{
    return lists().sentenceOpeners.contains(w);
}
bool isCalendarWord(QStringView w)
{
    return lists().calendarWords.contains(w);
}
bool isCompanyEnd(QStringView w)
{
    return lists().companyHeads.contains(w) || isCompanySuffix(w);
}

bool isMatchVerb(QStringView w)
{
    return lists().matchVerbs.contains(w);
}

bool isMatchMargin(QStringView w)
{
    return lists().matchMargins.contains(w);
}

bool isDismissalWord(QStringView w)
{
    return lists().dismissalWords.contains(w);
}

bool isPriceMoveVerb(QStringView w)
{
    return lists().priceMoveVerbs.contains(w);
}

bool isPriceUnit(QStringView w)
{
    return w == u"%" || lists().priceUnits.contains(w);
}

bool isMatchNoun(QStringView w)
{
    return lists().matchNouns.contains(w);
}

bool isSurnameHead(QStringView w)
{
    return lists().surnameHeads.contains(w);
}

bool isOrgMemberNoun(QStringView w)
{
    return lists().orgMemberNouns.contains(w);
}

bool isOrgPossessiveNoun(QStringView w)
{
    return lists().orgPossessiveNouns.contains(w);
}

bool isOrgStaffNoun(QStringView w)
{
    return lists().orgStaffNouns.contains(w);
}

bool isOrgKindNoun(QStringView w)
{
    return lists().orgKindNouns.contains(w);
}
bool isOrgDefinitionVerb(QStringView w)
{
    return lists().orgDefinitionVerbs.contains(w);
}
bool isOrgDefinitionAfter(QStringView w)
{
    return lists().orgDefinitionAfter.contains(w);
}
bool isOrgDefinitionKind(QStringView w)
{
    return lists().orgKindNouns.contains(w) && !lists().orgKindPersonJobs.contains(w);
}
bool isPlacePreposition(QStringView w)
{
    return lists().placePrepositions.contains(w);
}

bool isOrgBeforeWord(QStringView w)
{
    return lists().orgBeforeWords.contains(w);
}

bool isScorerLabel(QStringView w)
{
    return lists().scorerLabels.contains(w);
}

bool isStormWord(QStringView w)
{
    return lists().stormWords.contains(w);
}

bool isEventHead(QStringView w)
{
    return lists().eventHeads.contains(w);
}

// Only the capitalised form ("We", "Our"): "US" in capitals is the country.
bool isFunctionWord(QStringView w)
{
    for (qsizetype i = 1; i < w.size(); ++i) {
        if (!w[i].isLower())
            return false;
    }
    return lists().functionWords.contains(w);
}

} // namespace Lede::EntityParts
