// SPDX-License-Identifier: GPL-3.0-or-later
// The mention finder of SpeakerResolver (see SpeakerParts.h).
#include "EntityDocument.h"
#include "SpeakerParts.h"

#include <QSet>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

// ---------------------------------------------------------------------------------------------
// Mentions: runs of capitalised words

void Resolver::findMentions()
{
    const int n = int(m_tokens.size());
    auto nameWord = [&](int i) {
        const Token &t = m_tokens[size_t(i)];
        if (!t.word || !t.upper)
            return false;
        const QStringView w = QStringView(m_body).sliced(t.start, t.end - t.start);
        if (isHyphenAdjective(w))
            return false;
        return !NameHeuristics::isCapitalisedStopWord(t.possessive ? w.chopped(2) : w);
    };
    // An Arabic surname with its article goes on a name: "Suleiman al-Amr", "Omar el-Sayed".
    auto articledName = [&](int i) {
        const Token &t = m_tokens[size_t(i)];
        if (!t.word || t.upper)
            return false;
        const QStringView w = QStringView(m_body).sliced(t.start, t.end - t.start);
        const qsizetype dash = w.indexOf(u'-');
        return dash >= 2 && dash <= 3 && dash + 1 < w.size() && w.at(dash + 1).isUpper()
            && isOneOf(w.first(dash),
                       { "al"_L1, "el"_L1, "ad"_L1, "as"_L1, "ash"_L1, "at"_L1, "az"_L1, "an"_L1, "ar"_L1 });
    };
    int i = 0;
    while (i < n) {
        if (!nameWord(i)) {
            ++i;
            continue;
        }
        int j = i;
        // No name is longer than a dozen words; the cap keeps a page of Title Case linear.
        while (!m_tokens[size_t(j)].possessive && j + 1 < n && j - i < 12) {
            const Token &next = m_tokens[size_t(j + 1)];
            if (next.para != m_tokens[size_t(i)].para || next.quote != m_tokens[size_t(i)].quote)
                break;
            if (nameWord(j + 1) || articledName(j + 1)) {
                ++j;
                continue;
            }
            const bool ofAllowed = !isOneOf(text(j + 1), { "of"_L1 }) || NameHeuristics::isTitle(text(j))
                || NameHeuristics::isOrgWord(text(j));
            if (next.word && next.lower && j + 2 < n && NameHeuristics::isNameConnector(text(j + 1))
                && !isOneOf(text(j + 1), { "and"_L1, "for"_L1 }) && ofAllowed && nameWord(j + 2)
                && m_tokens[size_t(j + 2)].para == next.para) {
                j += 2;
                continue;
            }
            // Organisations carry "for the", "of the", "and" inside their names: "International
            // Council for the Exploration of the Sea", "Bank of England".
            bool orgSoFar = false;
            for (int k = i; k <= j && !orgSoFar; ++k)
                orgSoFar = NameHeuristics::isOrgWord(text(k));
            if (orgSoFar && next.word && next.lower
                && isOneOf(text(j + 1), { "of"_L1, "for"_L1, "and"_L1 })) {
                int k = j + 2;
                if (k < n && m_tokens[size_t(k)].word && isOneOf(text(k), { "the"_L1 }))
                    ++k;
                if (k < n && nameWord(k) && m_tokens[size_t(k)].para == next.para
                    && m_tokens[size_t(k)].quote == next.quote) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        // "Amazon.com Inc.": a company suffix after a web address takes the address into the name.
        if (i >= 3 && EntityParts::isCompanySuffix(text(i))) {
            int k = i - 1;
            while (k - 1 >= 0 && m_tokens[size_t(k - 1)].end == m_tokens[size_t(k)].start
                   && m_tokens[size_t(k - 1)].para == m_tokens[size_t(i)].para)
                --k;
            if (const int before = m_tokens[size_t(k)].mention; k < i - 1 && before >= 0
                && before == int(m_mentions.size()) - 1 && m_tokens[size_t(k)].upper
                && m_mentions.back().firstTok == k) {
                Mention &m = m_mentions.back();
                for (int t = m.lastTok + 1; t <= j; ++t)
                    m_tokens[size_t(t)].mention = before;
                m.lastTok = j;
                m.possessive = m_tokens[size_t(j)].possessive;
                i = j + 1;
                continue;
            }
        }
        bool allCaps = true;
        for (int k = i; k <= j; ++k)
            allCaps = allCaps && m_tokens[size_t(k)].allCaps;
        const int len = j - i + 1;
        // A dateline opening the paragraph: "OSLO (Nordwire) –", "PARIS, May 2 -".
        const bool paraStart = i == 0 || m_tokens[size_t(i - 1)].para != m_tokens[size_t(i)].para;
        if (allCaps && paraStart && j + 1 < n && !m_tokens[size_t(j + 1)].word) {
            const QChar c = m_body.at(m_tokens[size_t(j + 1)].start);
            if (c == u'(' || c == u',' || c == u'-' || c == u'\u2013' || c == u'\u2014') {
                i = j + 1;
                continue;
            }
        }
        // Headlines and datelines in capitals ("TEL AVIV", "CEASEFIRE DEMAND") are not names.
        if (allCaps && (len > 1 || (m_tokens[size_t(i)].end - m_tokens[size_t(i)].start) > 6)) {
            i = j + 1;
            continue;
        }
        Mention m;
        m.firstTok = i;
        m.lastTok = j;
        m.possessive = m_tokens[size_t(j)].possessive;
        m.inQuote = m_tokens[size_t(i)].quote >= 0;
        const int idx = int(m_mentions.size());
        for (int k = i; k <= j; ++k)
            m_tokens[size_t(k)].mention = idx;
        m_mentions.push_back(std::move(m));
        i = j + 1;
    }
}

// A head noun that can name a role: a speaker noun or title ("spokesman", "minister"), a title cue
// ("diplomat"), or a word with a person noun's ending ("analyst", "researcher", "historian").
bool isRoleHead(QStringView w)
{
    static const WordSet cues = Lexicon::folded(u"ner-title-cues");
    static const WordSet exceptions = Lexicon::folded(u"role-head-exceptions");
    static const QStringList suffixes = Lexicon::entries(u"role-suffixes");
    if (w.size() < 3 || isFunctionWord(w) || isAux(w) || SpeechVerbs::contains(w) || exceptions.contains(w))
        return false;
    if (cues.contains(w) || NameHeuristics::isTitle(w))
        return true;
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [w](const QString &suffix) {
        return w.size() > suffix.size() + 2 && w.endsWith(suffix, Qt::CaseInsensitive);
    });
}

void Resolver::addRolePhrase(Mention &m, int firstTok, int lastTok) const
{
    if (firstTok > lastTok || lastTok - firstTok >= 5)
        return;
    // Courtesy titles and a dangling connector say nothing of the role: "Mr.", "governor of".
    static const WordSet courtesy = Lexicon::folded(u"courtesy-titles");
    auto bare = [this](int tok) {
        QStringView w = bareText(tok);
        return w.endsWith(u'.') ? w.chopped(1) : w;
    };
    while (firstTok <= lastTok
           && (courtesy.contains(bare(firstTok)) || isDeterminer(firstTok) || isFunctionWord(text(firstTok))))
        ++firstTok;
    while (lastTok >= firstTok
           && (courtesy.contains(bare(lastTok)) || !m_tokens[size_t(lastTok)].word
               || isOneOf(text(lastTok), { "of"_L1, "for"_L1, "the"_L1, "and"_L1, "to"_L1 })))
        --lastTok;
    if (firstTok > lastTok)
        return;
    // The head is the last word, or the one before "of": "secretary of state", "minister for health".
    int head = lastTok;
    for (int k = firstTok + 1; k < lastTok; ++k) {
        if (isOneOf(text(k), { "of"_L1, "for"_L1 })) {
            head = k - 1;
            break;
        }
    }
    if (!isRoleHead(bareText(head)))
        return;
    const qsizetype start = m_tokens[size_t(firstTok)].start;
    qsizetype end = m_tokens[size_t(lastTok)].end;
    if (m_tokens[size_t(lastTok)].possessive)
        end -= 2;
    QString phrase = m_body.mid(start, end - start).simplified().toLower();
    if (phrase.endsWith(u'.'))
        phrase.chop(1); // an abbreviated title: "Dr." is the role "dr"
    if (phrase.isEmpty() || !phrase.front().isLetter() || m.rolePhrases.contains(phrase))
        return;
    m.rolePhrases.append(phrase);
}

QSet<QString> Resolver::titleSurnames() const
{
    // Built once per article: the last words of persons' names that are also titles ("King").
    QSet<QString> out;
    for (const Entity &e : m_entities) {
        if (e.type != Entity::Type::Person)
            continue;
        const QString &name = e.canonical.isEmpty() ? e.text : e.canonical;
        const qsizetype space = name.lastIndexOf(u' ');
        if (space > 0 && NameHeuristics::isTitle(QStringView(name).sliced(space + 1)))
            out.insert(name.sliced(space + 1));
    }
    // The recogniser may have missed the person: "co-host Tova King" is a first name and the word.
    for (const Mention &m : m_mentions) {
        const int last = m.lastTok;
        if (last > m.firstTok && NameHeuristics::isTitle(bareText(last)) && m_tokens[size_t(last - 1)].upper
            && !NameHeuristics::isTitle(bareText(last - 1))
            && !NameHeuristics::isCapitalisedStopWord(bareText(last - 1))
            && !NameHeuristics::isOrgWord(bareText(last - 1)))
            out.insert(bareText(last).toString());
    }
    return out;
}

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

const Entity *Resolver::entityAt(qsizetype start, qsizetype end) const
{
    if (m_sortedEntities.empty())
        return nullptr;
    auto it = std::upper_bound(m_sortedEntities.begin(), m_sortedEntities.end(), start,
                               [](qsizetype pos, const Entity *e) { return pos < e->span.start; });
    // Entities starting at or before `start` may still cover it; look at a few neighbours on each side.
    auto from = it;
    for (int k = 0; k < 4 && from != m_sortedEntities.begin(); ++k)
        --from;
    for (auto e = from; e != m_sortedEntities.end() && (*e)->span.start < end; ++e)
        if ((*e)->span.overlaps(Span { start, end })
            && ((*e)->type == Entity::Type::Person || (*e)->type == Entity::Type::Org))
            return *e;
    return nullptr;
}

} // namespace Lede::Speakers
