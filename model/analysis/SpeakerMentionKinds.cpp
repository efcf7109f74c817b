// SPDX-License-Identifier: GPL-3.0-or-later
// Mention kinds of SpeakerResolver (see SpeakerParts.h): which capitalised runs are people,
// organisations, places or none, from the recogniser, titles, cues and the document.
#include "SpeakerParts.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

void Resolver::classifyMentions()
{
    static const WordSet objectWords = Lexicon::folded(u"object-words");
    static const WordSet placePrepositions = Lexicon::folded(u"place-prepositions");
    static const WordSet roleStop = Lexicon::folded(u"role-stop-words");
    static const WordSet placeTitles = Lexicon::folded(u"titles-of-places");

    ViewSet lowerWords(m_tokens.size() / 4); // views into m_body
    bool lowerWordsReady = false;
    const QSet<QString> surnames = titleSurnames();
    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        Mention &m = m_mentions[mi];
        int lastTitle = -1;
        bool hasOrgWord = false;
        bool hasPlaceWord = false;
        // The last token always stays a name ("Jane Singer"), unless every token is a title.
        bool allTitles = true;
        for (int k = m.firstTok; k <= m.lastTok; ++k) {
            const bool title = NameHeuristics::isTitle(bareText(k));
            if (title && k < m.lastTok)
                lastTitle = k;
            allTitles = allTitles && (title || m_tokens[size_t(k)].lower);
        }
        // "King asked." in an article about Tova King: a title word that is the surname of a person
        // the recogniser found is her name.
        if (allTitles && m.firstTok == m.lastTok && m_tokens[size_t(m.firstTok)].upper
            && surnames.contains(bareText(m.firstTok).toString()))
            allTitles = false;
        // "the Conservative MP", "the former Labour leader": a title after "the" is a role, whatever
        // capitalised words qualify it, unless an organisation's word is among them.
        if (!allTitles && m.lastTok > m.firstTok && NameHeuristics::isTitle(bareText(m.lastTok))
            && m.firstTok > 0 && m_tokens[size_t(m.firstTok - 1)].word
            && isOneOf(text(m.firstTok - 1), { "the"_L1 })
            && std::none_of(m_tokens.begin() + m.firstTok, m_tokens.begin() + m.lastTok + 1,
                            [this, first = m.firstTok](const Token &t) {
                                return NameHeuristics::isOrgWord(bareText(int(&t - m_tokens.data())));
                            }))
            allTitles = true;
        m.bareTitle = allTitles;
        m.nameFirstTok = lastTitle >= 0 ? lastTitle + 1 : m.firstTok;
        while (m.nameFirstTok < m.lastTok && m_tokens[size_t(m.nameFirstTok)].lower)
            ++m.nameFirstTok; // a connector left after the title: "Secretary of State"
        // "the Archbishop of Canterbury", "the Prince of Wales": a title held of a place (a title that
        // is, or a place as the recogniser reads it) with no name after it is the person's whole name.
        const auto isLocHere = [&](const Entity &e) {
            return e.type == Entity::Type::Loc && e.span.start == m_tokens[size_t(m.nameFirstTok)].start
                && e.span.end == m_tokens[size_t(m.lastTok)].end;
        };
        if (!allTitles && lastTitle >= 0 && lastTitle + 2 == m.nameFirstTok && m.lastTok - m.nameFirstTok <= 1
            && isOneOf(text(lastTitle + 1), { "of"_L1 }) && !m.possessive
            && (placeTitles.contains(bareText(lastTitle))
                || std::any_of(m_entities.begin(), m_entities.end(), isLocHere)))
            m.nameFirstTok = m.firstTok;
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k) {
            hasOrgWord = hasOrgWord || NameHeuristics::isOrgWord(bareText(k));
            hasPlaceWord = hasPlaceWord || NameHeuristics::isPlaceWord(bareText(k));
        }
        if (hasOrgWord)
            m.nameFirstTok = m.firstTok; // "Foreign Ministry" is the organisation's whole name
        // A sentence opening "Passenger Eva Lindqvist said" capitalises a common noun: when the
        // article also uses that word in lower case ("212 passengers"), it is a role, not a name.
        const bool sentenceInitial = m.firstTok == 0
            || m_tokens[size_t(m.firstTok - 1)].sentence != m_tokens[size_t(m.firstTok)].sentence;
        if (!hasOrgWord && sentenceInitial && m.nameFirstTok == m.firstTok && m.lastTok - m.firstTok >= 2) {
            if (!lowerWordsReady) {
                for (size_t k = 0; k < m_tokens.size(); ++k)
                    if (m_tokens[k].lower)
                        lowerWords.insert(bareText(int(k)));
                lowerWordsReady = true;
            }
            const QString w = bareText(m.firstTok).toString().toLower();
            if (lowerWords.contains(w) || lowerWords.contains(QString(w + u"s"_s))
                || lowerWords.contains(QString(w + u"es"_s))) {
                m.nameFirstTok = m.firstTok + 1;
                m.roles.append(w);
                m.roleHead = w;
            }
        }
        if (m.bareTitle)
            lastTitle = m.lastTok;
        // A run followed by the noun it modifies is not the speaker itself: "the Norwegian fisheries
        // ministry", "Gaza health ministry spokesman".
        for (int k = m.lastTok + 1; k < int(m_tokens.size()) && k <= m.lastTok + 3 && !m.possessive; ++k) {
            const Token &t = m_tokens[size_t(k)];
            if (!t.word || !t.lower || t.para != m_tokens[size_t(m.lastTok)].para || isFunctionWord(text(k))
                || isAux(text(k)) || SpeechVerbs::contains(text(k)))
                break;
            if (NameHeuristics::isOrgNoun(text(k)) || NameHeuristics::isTitle(text(k)))
                m.modifier = true;
        }
        const int prev = m.firstTok - 1;
        const bool prevSameClause
            = prev >= 0 && m_tokens[size_t(prev)].para == m_tokens[size_t(m.firstTok)].para;
        m.precededByThe = prevSameClause && m_tokens[size_t(prev)].word && isOneOf(text(prev), { "the"_L1 });
        if (prevSameClause && m_tokens[size_t(prev)].word && m_tokens[size_t(prev)].lower) {
            if (objectWords.contains(text(prev)))
                m.object = true;
            else if (isOneOf(text(prev), { "and"_L1, "or"_L1 }) && prev - 1 >= 0
                     && m_tokens[size_t(prev - 1)].mention >= 0)
                m.object = m_mentions[size_t(m_tokens[size_t(prev - 1)].mention)].object;
        }
        // In apposition to an object: "a friend of Harry's mother, Princess Diana," is no subject.
        if (prevSameClause && isPunct(prev, u',') && prev - 1 >= 0 && m_tokens[size_t(prev - 1)].lower) {
            bool owner = false; // the object is someone's: "Harry's mother"
            for (int k = prev - 1; k >= 0 && k > prev - 7; --k) {
                const Token &u = m_tokens[size_t(k)];
                if (!u.word || u.para != m_tokens[size_t(prev)].para)
                    break;
                owner = owner || u.possessive;
                if (u.lower && objectWords.contains(text(k))) {
                    // Not an opening phrase: "Writing on his blog, Mark Lind called …".
                    m.object = owner && k - 2 >= 0 && m_tokens[size_t(k - 2)].sentence == u.sentence;
                    break;
                }
                if (u.upper ? !u.possessive : (isFunctionWord(text(k)) || isAux(text(k)) || isVerb(k)))
                    break;
            }
        }

        // Type, when no entity decides it.
        const int nameLen = m.lastTok - m.nameFirstTok + 1;
        const bool personTitle = lastTitle >= 0 && !m.bareTitle;
        if (personTitle && !hasOrgWord)
            m.type = Mention::Type::Person;
        else if (hasOrgWord || m.precededByThe)
            m.type = Mention::Type::Org;
        else if (hasPlaceWord)
            m.type = Mention::Type::Place;
        else if (nameLen >= 2) {
            const bool placeLike
                = prevSameClause && m_tokens[size_t(prev)].word && placePrepositions.contains(text(prev));
            m.type = placeLike ? Mention::Type::Place : Mention::Type::Person;
        } else if (m_tokens[size_t(m.firstTok)].allCaps
                   && m_tokens[size_t(m.firstTok)].end - m_tokens[size_t(m.firstTok)].start >= 2)
            m.type = Mention::Type::Org; // an acronym: NATO, UNICEF
        if (m.bareTitle || (m.modifier && m.type != Mention::Type::Person))
            m.type = Mention::Type::Unknown;

        const qsizetype nameStart = m_tokens[size_t(m.nameFirstTok)].start;
        qsizetype nameEnd = m_tokens[size_t(m.lastTok)].end;
        if (m.possessive)
            nameEnd -= 2;
        m.name = m_body.mid(nameStart, nameEnd - nameStart);
        for (int k = m.nameFirstTok; k <= m.lastTok; ++k)
            m.nameTokens.append(bareText(k).toString());

        for (int k = m.firstTok; k < m.nameFirstTok || (m.bareTitle && k <= m.lastTok); ++k) {
            const QStringView w = bareText(k);
            if (NameHeuristics::isTitle(w))
                m.roles.append(w.toString().toLower());
            const Gender g = NameHeuristics::genderOfTitle(w);
            if (g != Gender::Unknown)
                m.gender = g;
        }
        if (!m.bareTitle && m.nameFirstTok > m.firstTok && !hasOrgWord)
            addRolePhrase(m, m.firstTok, m.nameFirstTok - 1); // "Secretary of State Antony Blinken"
        // Lower-case role words just before the run: "analyst Jane Roe", "top diplomat Antony Blinken".
        int roleFirst = m.firstTok;
        for (int k = m.firstTok - 1, seen = 0; k >= 0 && seen < 3; --k, ++seen) {
            const Token &t = m_tokens[size_t(k)];
            if (!t.word || !t.lower || t.para != m_tokens[size_t(m.firstTok)].para
                || roleStop.contains(text(k)) || SpeechVerbs::contains(text(k)))
                break;
            m.roles.append(bareText(k).toString().toLower());
            roleFirst = k;
            if (m.roleHead.isEmpty())
                m.roleHead = m.roles.last(); // the word next to the name: "drugmaker Norvik"
        }
        if (roleFirst < m.firstTok)
            addRolePhrase(m, roleFirst, m.firstTok - 1);
        // A name in apposition to a role: "The ferry's operator, Gotlandslinjen, said",
        // "Its chief executive, Rasmus Berg,".
        if (m.firstTok >= 2 && isPunct(m.firstTok - 1, u',') && m.lastTok + 1 < int(m_tokens.size())
            && isPunct(m.lastTok + 1, u',') && m_tokens[size_t(m.firstTok - 2)].word
            && m_tokens[size_t(m.firstTok - 2)].lower && !isFunctionWord(text(m.firstTok - 2))
            && !SpeechVerbs::contains(text(m.firstTok - 2))) {
            const QString role = bareText(m.firstTok - 2).toString().toLower();
            m.roles.append(role);
            m.roleHead = role;
            addRolePhrase(m, m.firstTok - 2, m.firstTok - 2);
            if (NameHeuristics::isOrgNoun(role) && m.type == Mention::Type::Unknown)
                m.type = Mention::Type::Org;
        }
        // An appositive after the run: "Peter Holm, the authority's chief engineer, said".
        const int after = m.lastTok + 1;
        if (after + 1 < int(m_tokens.size()) && isPunct(after, u',') && isDeterminer(after + 1)) {
            QStringList appositive;
            QString head;
            int headFirst = -1;
            int headLast = -1;
            bool headDone = false;
            bool closedByComma = false;
            bool closedBySentenceEnd = false; // "said Ana Vik, the party's deputy leader."
            for (int k = after + 2; k < int(m_tokens.size()) && k < after + 12; ++k) {
                const Token &t = m_tokens[size_t(k)];
                if (t.para != m_tokens[size_t(after)].para)
                    break;
                if (!t.word) {
                    closedByComma = isPunct(k, u',');
                    closedBySentenceEnd = isPunct(k, u'.') && !m.inQuote;
                    break;
                }
                if (isAux(text(k)) || SpeechVerbs::contains(text(k)))
                    break;
                if (isOneOf(text(k), { "of"_L1, "for"_L1, "in"_L1, "at"_L1, "from"_L1, "with"_L1, "on"_L1 }))
                    headDone = true;
                if (t.lower && !roleStop.contains(text(k))) {
                    appositive.append(bareText(k).toString().toLower());
                    if (!headDone) {
                        head = appositive.last();
                        // The phrase is the run of words ending at the head: "chief engineer", not
                        // "authority's chief engineer".
                        if (t.possessive) {
                            headFirst = -1;
                        } else {
                            if (headFirst < 0)
                                headFirst = k;
                            headLast = k;
                        }
                    }
                } else if (!headDone) {
                    headFirst = -1;
                }
            }
            if (closedByComma) {
                m.roles += appositive;
                if (!head.isEmpty())
                    m.roleHead = head;
            }
            if ((closedByComma || closedBySentenceEnd) && !head.isEmpty() && headFirst >= 0)
                addRolePhrase(m, headFirst, headLast);
        }
        if (m.type != Mention::Type::Org && NameHeuristics::isOrgNoun(m.roleHead) && !personTitle)
            m.type = Mention::Type::Org; // "Norvik Tools, the Bergen-based maker of drills,"
    }

    // Entities from the recogniser overrule the guesses where they overlap.
    if (!m_entities.isEmpty()) {
        for (const Entity &e : m_entities)
            if (e.span.start >= 0 && e.span.end <= m_body.size() && e.span.start < e.span.end)
                m_sortedEntities.push_back(&e);
        std::sort(m_sortedEntities.begin(), m_sortedEntities.end(),
                  [](const Entity *a, const Entity *b) { return a->span.start < b->span.start; });
        for (Mention &m : m_mentions) {
            const Entity *e
                = entityAt(m_tokens[size_t(m.nameFirstTok)].start, m_tokens[size_t(m.lastTok)].end);
            if (!e)
                continue;
            // A person that ends the run wins over an organisation before it in the same run.
            if (e->type != Entity::Type::Person)
                if (const Entity *last
                    = entityAt(m_tokens[size_t(m.lastTok)].start, m_tokens[size_t(m.lastTok)].end);
                    last && last->type == Entity::Type::Person && last->span.start > e->span.start)
                    e = last;
            switch (e->type) {
            case Entity::Type::Person:
                m.type = Mention::Type::Person;
                break;
            case Entity::Type::Org:
                m.type = Mention::Type::Org;
                break;
            case Entity::Type::Loc:
                m.type = Mention::Type::Place;
                break;
            default:
                m.type = Mention::Type::Unknown;
                break;
            }
            // A person the recogniser finds at the end of a longer capitalised run, when the run opens
            // a sentence or follows "of", "for" or "and", is that person alone: "Afterwards Ada Lind
            // told …", "Chief Officer of Norvik Tools Ada Lind said", "MP for Dale and Fell Ada Lind".
            if (e->type == Entity::Type::Person && e->span.end <= m_tokens[size_t(m.lastTok)].end
                && e->span.start > m_tokens[size_t(m.nameFirstTok)].start) {
                const int before = m.nameFirstTok - 1;
                const bool opens = before < 0
                    || m_tokens[size_t(before)].sentence != m_tokens[size_t(m.nameFirstTok)].sentence;
                const bool afterOf = before >= 0 && m_tokens[size_t(before)].word
                    && isOneOf(text(before), { "of"_L1, "for"_L1, "and"_L1 });
                int k = m.nameFirstTok + 1;
                while (k <= m.lastTok && m_tokens[size_t(k)].start < e->span.start)
                    ++k;
                // At a sentence start only one word that is no title goes: "Afterwards", not
                // "Fisheries Minister".
                const bool oneWord
                    = k == m.nameFirstTok + 1 && !NameHeuristics::isTitle(bareText(m.nameFirstTok));
                if (((opens && oneWord) || afterOf) && k <= m.lastTok
                    && m_tokens[size_t(k)].start == e->span.start) {
                    const qsizetype nameEnd = m_tokens[size_t(m.nameFirstTok)].start + m.name.size();
                    for (int dropped = m.firstTok; dropped < k; ++dropped)
                        m_tokens[size_t(dropped)].mention = -1;
                    m.nameTokens = m.nameTokens.mid(k - m.nameFirstTok);
                    m.nameFirstTok = k;
                    m.firstTok = std::max(m.firstTok, k);
                    m.name = m_body.mid(e->span.start, nameEnd - e->span.start);
                }
            }
            // The recogniser's canonical name wins unless the resolver read a longer name here
            // ("herder Nils-Erik Labba" where the tagger only found "Labba").
            const QString canonical = e->canonical.trimmed();
            if (!canonical.isEmpty() && canonical.count(u' ') >= m.name.count(u' '))
                m.canonical = canonical;
        }
    }

    repairRecogniserReadings();
    // A name with a digit in it ("Page B1", "Route 66") is no person's.
    for (Mention &m : m_mentions)
        if (m.type == Mention::Type::Person
            && std::any_of(m.nameTokens.cbegin(), m.nameTokens.cend(), [](const QString &w) {
                   return std::any_of(w.cbegin(), w.cend(), [](QChar c) { return c.isDigit(); });
               }))
            m.type = Mention::Type::Unknown;

    // A short mention ("Blinken") takes the longest full name that ends with it ("Antony Blinken").
    // Each distinct full name is a candidate once, however often it is repeated.
    QHash<QString, std::vector<int>> byLastToken;
    QSet<QString> distinctNames;
    for (size_t mi = 0; mi < m_mentions.size(); ++mi) {
        const Mention &m = m_mentions[mi];
        if (m.type == Mention::Type::Person && m.nameTokens.size() >= 2) {
            const QString key = m.nameTokens.join(u' ');
            if (distinctNames.contains(key))
                continue;
            distinctNames.insert(key);
            byLastToken[m.nameTokens.last()].push_back(int(mi));
        }
    }
    for (Mention &m : m_mentions) {
        if (m.nameTokens.isEmpty() || m.bareTitle)
            continue;
        if (m.type == Mention::Type::Org || m.type == Mention::Type::Place) {
            if (m.canonical.isEmpty())
                m.canonical = m.name;
            continue;
        }
        // A canonical name from the recogniser still gives way to a longer full name of the
        // same person that the resolver found ("Labba" -> "Nils-Erik Labba").
        const qsizetype canonicalWords = m.canonical.isEmpty() ? 0 : m.canonical.count(u' ') + 1;
        const auto it = byLastToken.constFind(m.nameTokens.last());
        const Mention *best = nullptr;
        if (it != byLastToken.constEnd()) {
            for (int ci : *it) {
                const Mention &c = m_mentions[size_t(ci)];
                if (c.nameTokens.size() < m.nameTokens.size())
                    continue;
                bool suffix = true;
                const qsizetype off = c.nameTokens.size() - m.nameTokens.size();
                for (qsizetype k = 0; k < m.nameTokens.size() && suffix; ++k)
                    suffix = c.nameTokens.at(off + k) == m.nameTokens.at(k);
                if (suffix && (!best || c.nameTokens.size() > best->nameTokens.size()))
                    best = &c;
            }
        }
        if (best) {
            const QString full = best->canonical.isEmpty() ? best->name : best->canonical;
            if (full.count(u' ') + 1 > canonicalWords)
                m.canonical = full;
            if (m.type == Mention::Type::Unknown)
                m.type = Mention::Type::Person;
        } else if (m.canonical.isEmpty()) {
            m.canonical = m.name;
        }
    }
    for (const Mention &m : m_mentions)
        if (m.type == Mention::Type::Person && m.gender != Gender::Unknown)
            m_gender.insert(m.canonical, m.gender);
    // "Lind says that she …", "Lind said he …": the first such pronoun gives the person's gender.
    for (const Mention &m : m_mentions)
        if (m.type == Mention::Type::Person && !m.inQuote && !m_gender.contains(m.canonical))
            if (const Gender g = pronounAfterVerb(m.lastTok); g != Gender::Unknown)
                m_gender.insert(m.canonical, g);
    learnGenderFromNextSentence();
    // Last, when the text never says: a given name that is almost always a man's or a woman's, first in
    // a full name ("Laura Henning"), or a woman's alone when it is no one's surname here ("Gloria").
    QSet<QStringView> lastNames;
    for (const Mention &m : m_mentions)
        if (m.type == Mention::Type::Person)
            if (const qsizetype space = m.canonical.lastIndexOf(u' '); space > 0)
                lastNames.insert(QStringView(m.canonical).sliced(space + 1));
    for (const Mention &m : m_mentions) {
        if (m.type != Mention::Type::Person || m_gender.contains(m.canonical))
            continue;
        const qsizetype space = m.canonical.indexOf(u' ');
        if (space < 0 && lastNames.contains(QStringView(m.canonical)))
            continue;
        const QStringView given = space > 0 ? QStringView(m.canonical).left(space) : QStringView(m.canonical);
        const Gender g = NameHeuristics::genderOfFirstName(given);
        // Alone, only a woman's name counts: many men's given names are surnames too (Grant, Scott).
        if (g == Gender::Female || (g == Gender::Male && space > 0))
            m_gender.insert(m.canonical, g);
    }
    for (int mi = 0; mi < int(m_mentions.size()); ++mi) {
        const Mention &m = m_mentions[size_t(mi)];
        if (m.bareTitle || m.inQuote || m.nameTokens.isEmpty())
            continue;
        for (const QString &r : m.roles) {
            std::vector<int> &list = m_roleIndex[r];
            if (list.empty() || list.back() != mi)
                list.push_back(mi);
        }
        if (m.type == Mention::Type::Org) {
            for (const QString &t : m.nameTokens) {
                std::vector<int> &list = m_orgNameIndex[t.toLower()];
                if (list.empty() || list.back() != mi)
                    list.push_back(mi);
            }
            if (!m.precededByThe)
                m_orgMentions.push_back(mi);
        }
    }
}

} // namespace Lede::Speakers
