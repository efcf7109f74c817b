// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityDocument.h"

#include "analysis/Lexicon.h"

namespace Lede::EntityParts {

// Word lists (resources/lexicon/): see each file for what it holds.
bool isAgency(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"agencies");
    return set.contains(w);
}
bool isCreditWord(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"credit-words");
    return set.contains(w);
}
bool isNameParticle(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"name-particles");
    return set.contains(w);
}
bool isOrgHead(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"org-heads");
    return set.contains(w);
}
bool isCompanySuffix(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"company-suffixes");
    return set.contains(w);
}
bool isSentenceOpener(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"sentence-openers");
    return set.contains(w);
}
bool isCalendarWord(QStringView w)
{
    static const ExactWordSet set = Lexicon::exact(u"calendar-words");
    return set.contains(w);
}
bool isCompanyEnd(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"company-heads");
    return set.contains(w) || isCompanySuffix(w);
}

// Only the capitalised form ("We", "Our"): "US" in capitals is the country.
bool isFunctionWord(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"function-words");
    for (qsizetype i = 1; i < w.size(); ++i) {
        if (!w[i].isLower())
            return false;
    }
    return set.contains(w);
}

} // namespace Lede::EntityParts
