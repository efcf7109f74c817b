// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityRecognizer.h"

#include "EntityDocument.h"
#include "Logging.h"
#include "analysis/EntityRules.h"

#include <QElapsedTimer>
#include <QResource>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace EntityParts {

void Document::tagSentences()
{
    m_heading.assign(size_t(m_n), false);
    QList<QStringView> words;
    std::vector<TokenInfo> info;
    std::vector<quint8> labels;
    int i = 0;
    while (i < m_n) {
        if (structural(i)) {
            ++i;
            continue;
        }
        // One sentence: up to terminal punctuation (plus closing quotes), a line break or a block edge.
        int end = i + 1;
        const int kind = m_kind[size_t(i)];
        while (end < m_n && !m_stream.has(end, TokenStream::NewSentence) && m_kind[size_t(end)] == kind)
            ++end;
        words.clear();
        int letters = 0, capsWords = 0;
        for (int t = i; t < end; ++t) {
            words.append(word(t));
        }
        m_extractor.prepare(words, info);
        for (int t = i; t < end; ++t) {
            const TokenInfo &ti = info[size_t(t - i)];
            if (word(t).size() > 1 && word(t)[0].isLetter()) {
                ++letters;
                capsWords += ti.allCaps ? 1 : 0;
            }
            m_info[size_t(t)] = TokenFacts(ti);
        }
        const bool heading
            = kind == int(Block::Kind::Heading) || (letters >= 2 && capsWords * 10 >= letters * 6);
        for (int t = i; t < end; ++t)
            m_heading[size_t(t)] = heading;
        if (m_model) {
            m_model->tag(m_extractor, info, labels);
            int start = -1;
            Kind k = Kind::None;
            for (int t = 0; t <= int(labels.size()); ++t) {
                const int l = t < int(labels.size()) ? labels[size_t(t)] : int(O);
                const Kind lk = labelKind(l);
                if (lk != Kind::None && !isBegin(l) && lk == k)
                    continue;
                if (k != Kind::None)
                    addModelMention(i + start, i + t, typeOf(k), heading);
                k = lk;
                start = t;
            }
        }
        i = end;
    }
}

void Document::addModelMention(int tb, int te, Entity::Type type, bool heading)
{
    // A possessive ends the name; trailing punctuation and leading lower-case words are not part of it.
    for (int i = tb; i < te; ++i) {
        if (isPossessive(word(i))) {
            te = i;
            break;
        }
    }
    while (te > tb && (isPunct(word(te - 1)) || isDash(word(te - 1))))
        --te;
    // "Dunmore Lottery Corporation, Inc.": a legal suffix after a comma is no part of the name (GUM
    // and CoNLL alike mark the name alone), and the name before it is a company; the suffix alone is
    // no name (repairOrgSpans() types the words before it).
    if (te - tb == 1 && tb > 0 && word(tb - 1) == u"," && isCommaCompanySuffix(word(tb)))
        return;
    for (int c = tb + 1; c + 1 < te; ++c) {
        if (word(c) == u"," && isCommaCompanySuffix(word(c + 1))) {
            te = c;
            type = Entity::Type::Org;
            break;
        }
    }
    while (tb < te && (!upper(tb) || isPunct(word(tb))))
        ++tb;
    // "St. Louis", "St Helens": "St." before a place or an organisation is part of its name, not a
    // title the tagger may leave outside (a saint the tagger reads as a person keeps the title cut:
    // "St. Jerome" -> Jerome).
    bool saintName = tb + 1 < te && (word(tb) == u"St." || word(tb) == u"St");
    if (const int s = tb < te ? saintBefore(tb) : -1; s >= 0) {
        tb = s;
        saintName = true;
    }
    // Nor trailing lower-case words: "U.S. officials", "Syrian refugee" ("Gaza health ministry" is
    // put back together below), unless the phrase is listed as a whole ("Gaza strip").
    auto listed = [&](int b, int e) {
        if (!m_model || e - b > Gazetteer::kMaxWords)
            return false;
        QList<QStringView> words;
        for (int i = b; i < e; ++i)
            words.append(word(i));
        return m_model->gazetteer().lookup(words) != 0;
    };
    while (te - tb > 1 && !word(te - 1).isEmpty() && word(te - 1)[0].isLower()
           && std::all_of(word(te - 1).begin(), word(te - 1).end(), [](QChar c) { return c.isLower(); })
           && !listed(tb, te))
        --te;
    // A capitalised article at a sentence start is not part of the name ("The U.N. Security Council").
    if (te - tb > 1 && (word(tb) == u"The" || word(tb) == u"A" || word(tb) == u"An" || word(tb) == u"THE"))
        ++tb;
    saintName = saintName || (tb + 1 < te && (word(tb) == u"St." || word(tb) == u"St"));
    if (tb < te && (m_info[size_t(tb)].gaz & (1u << GazNat)) && !isCountry(tb, tb + 1)) {
        if (te - tb == 1 && type == Entity::Type::Person) {
            // A nationality adjective on its own ("Israeli" before a title) is no person.
            type = Entity::Type::Misc;
        } else if (te - tb == 2 && isListedOrgOnly(tb + 1, te)) {
            // "Palestinian Hamas": the adjective describes a listed one-word organisation (a longer
            // name such as "Palestinian Red Crescent" keeps it).
            ++tb;
            type = Entity::Type::Org;
        }
    }
    if (type == Entity::Type::Person) {
        // Titles are not part of a name: cut after the last title word ("Israeli Prime Minister
        // Benjamin Netanyahu", "US Secretary of State Antony Blinken"), skipping "of Domain".
        int last = -1;
        for (int i = tb; i < te - 1; ++i) {
            if (m_info[size_t(i)].title || (i + 1 < te && word(i + 1) == u"of" && i + 2 < te - 1))
                last = i;
        }
        if (last >= 0) {
            tb = last + 1;
            if (tb < te && word(tb) == u"of")
                tb += 2;
        }
        // A name ends in a surname, not a title: "Minister" split off "Prime Minister Ada Lind",
        // "U.S. President" are no person. A first name keeps it ("Stephen King").
        if (tb < te && m_info[size_t(te - 1)].title) {
            bool firstName = false;
            for (int i = tb; i < te - 1; ++i)
                firstName = firstName || (m_info[size_t(i)].gaz & (1u << GazPerFirst));
            if (!firstName)
                return;
        }
        // A leading nationality adjective that the tagger swallowed.
        while (tb < te - 1 && (m_info[size_t(tb)].gaz & (1u << GazNat))
               && !(m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
            ++tb;
    }
    if (type != Entity::Type::Person) {
        // "British Foreign Secretary", "Israeli President": a title is not an organisation or place;
        // capitalised words after it ("Secretary of State Maria Delgado") are the person holding it.
        for (int i = tb; i < te; ++i) {
            if (!m_info[size_t(i)].title || (saintName && i == tb))
                continue;
            // "Foreign Ministry", "Defence Forces": a title word naming an institution's domain.
            bool institution = false;
            for (int c = i + 1; c < te; ++c)
                institution = institution || m_info[size_t(c)].orgCue;
            if (institution)
                break;
            int j = i;
            while (j + 1 < te && m_info[size_t(j + 1)].title)
                ++j;
            if (j + 2 < te && word(j + 1) == u"of")
                j += 2;
            if (te - (j + 1) >= 2) {
                tb = j + 1;
                type = Entity::Type::Person;
            } else {
                te = i;
            }
            break;
        }
    }
    if (tb >= te)
        return;
    if (te - tb == 1 && word(tb).size() < 2)
        return;
    // "Cyclone Orla", "Hurricane Orla": a storm is no person or place; the name alone repeats it.
    const int storm = isStormWord(word(tb)) && te - tb >= 2         ? tb + 1
        : tb > 0 && isStormWord(word(tb - 1)) && !newlineBefore(tb) ? tb
                                                                    : -1;
    if (storm >= 0 && type != Entity::Type::Org) {
        type = Entity::Type::Misc;
        m_stormNames.insert(phraseHash(storm, te));
        tb = storm - 1;
    }
    // "Kelby Open", "Nordic Cup": a tournament is an event, not a person, place or organisation.
    if (te - tb >= 2 && isEventHead(word(te - 1)) && !(m_info[size_t(tb)].gaz & (1u << GazPerFirst)))
        type = Entity::Type::Misc;
    const quint32 gaz = m_info[size_t(tb)].gaz;
    if (te - tb == 1 && type != Entity::Type::Person && (gaz & (1u << GazNat)) && !(gaz & (1u << GazLoc)))
        type = Entity::Type::Misc; // "Israeli", "Palestinian": nationality adjectives
    if (type == Entity::Type::Person && tb > 0 && !m_info[size_t(tb)].title
        && (word(tb - 1) == u"in" || word(tb - 1) == u"near" || word(tb - 1) == u"outside"))
        type = Entity::Type::Loc; // "in Khan Younis": people are not places one is in
    if (type == Entity::Type::Loc || type == Entity::Type::Org) {
        // "Gaza health ministry", "Kenyan authorities": a place plus a lower-case institution noun.
        int k = te;
        if (k < m_n
            && (word(k) == u"health" || word(k) == u"foreign" || word(k) == u"interior"
                || word(k) == u"defence" || word(k) == u"defense" || word(k) == u"finance"
                || word(k) == u"education" || word(k) == u"justice" || word(k) == u"culture"))
            ++k;
        if (k < m_n && (word(k) == u"ministry" || word(k) == u"authorities" || word(k) == u"authority")
            && !newlineBefore(k)) {
            te = k + 1;
            type = Entity::Type::Org;
        }
    }
    if ((type == Entity::Type::Org || type == Entity::Type::Loc) && te - tb == 2 && !saintName) {
        // "Valeska Paris, an Australian woman": a first name, then a word that heads no institution or
        // place name, is a person wherever the tagger's context pointed ("Victoria Station" keeps it).
        constexpr quint32 named = (1u << GazLoc) | (1u << GazOrg) | (1u << GazCountry) | (1u << GazNat);
        const TokenFacts &first = m_info[size_t(tb)];
        const TokenFacts &last = m_info[size_t(tb + 1)];
        if ((first.gaz & (1u << GazPerFirst)) && !(first.gaz & named) && !first.allCaps && !last.allCaps
            && !last.orgCue && !last.locCue && !isOrgHead(word(tb + 1)) && !isCompanyEnd(word(tb + 1))
            && !listed(tb, te))
            type = Entity::Type::Person;
    }
    if (type != Entity::Type::Loc && isCountry(tb, te))
        type = Entity::Type::Loc; // one convention: a country is a place, also when its government acts
    else if (type == Entity::Type::Loc && isListedOrgOnly(tb, te))
        type = Entity::Type::Org;
    // "Jordan's King Abdullah": a place owns the title; a person would not.
    if (type == Entity::Type::Person && te + 1 < m_n && isPossessive(word(te)) && m_info[size_t(te + 1)].title
        && m_info[size_t(te + 1)].initialUpper && (m_info[size_t(tb)].gaz & (1u << GazLoc)))
        type = Entity::Type::Loc;
    Mention m { tb, te, type, Tagged, -1, {} };
    if (heading) {
        m_tentative.push_back(m);
        return;
    }
    if (covered(tb, te))
        return;
    m_mentions.push_back(m);
    cover(tb, te);
}

// "Secretary of State Maria Delgado", "Mayor Ann Kerr": capitalised words after a capitalised title
// are a person even when the tagger missed them.
// "said Solberg, the party's deputy leader": an unlisted name right after a speech verb, closing
// the clause, is the speaker or the one spoken to, a person, whatever place the tagger read it as.
void Document::addSpeakingPeople()
{
    constexpr quint32 place = (1u << GazLoc) | (1u << GazCountry) | (1u << GazNat) | (1u << GazOrg);
    for (Mention &m : m_mentions) {
        if (m.type != Entity::Type::Loc || m.strength == Structural || m.tb < 1 || m.te - m.tb > 2
            || !m_info[size_t(m.tb - 1)].speechVerb || upper(m.tb - 1) || (m_info[size_t(m.tb)].gaz & place)
            || m_info[size_t(m.tb)].orgCue || m_info[size_t(m.tb)].locCue || m_info[size_t(m.te - 1)].locCue)
            continue;
        if (m.te < m_n && !newlineBefore(m.te) && word(m.te) != u"," && !isTerminal(word(m.te)))
            continue;
        m.type = Entity::Type::Person;
    }
}

void Document::addTitledNames()
{
    for (int i = 0; i + 2 < m_n; ++i) {
        if (m_info[size_t(i)].initialUpper && word(i).size() <= 3
            && (word(i) == u"St." || word(i) == u"St")) {
            // "St. Louis", "St Helens": a place the tagger left alone (a tagged one is kept whole
            // in addModelMention).
            const int b = word(i) == u"St" && i + 1 < m_n && word(i + 1) == u"." ? i + 2 : i + 1;
            int e = b;
            while (e < m_n && e - b < 2 && upper(e) && !isPossessive(word(e)) && !newlineBefore(e)
                   && !m_info[size_t(e)].title && word(e).size() > 1)
                ++e;
            if (e > b && saintBefore(b) == i && !covered(i, e) && !structural(i) && !m_heading[size_t(i)]) {
                m_mentions.push_back({ i, e, Entity::Type::Loc, Tagged, -1, {} });
                cover(i, e);
            }
            continue;
        }
        if (!m_info[size_t(i)].title || !m_info[size_t(i)].initialUpper || structural(i)
            || m_heading[size_t(i)])
            continue;
        int j = i + 1;
        while (j < m_n && m_info[size_t(j)].title && m_info[size_t(j)].initialUpper)
            ++j;
        if (j + 1 < m_n && word(j) == u"of" && upper(j + 1))
            j += 2;
        int k = j;
        while (k < m_n && k - j < 4 && upper(k) && !m_info[size_t(k)].title && !isPossessive(word(k))
               && !newlineBefore(k) && word(k).size() > 1)
            ++k;
        // One word after a title ("Prime Minister Netanyahu", "King Abdullah") is a surname or a
        // regnal name unless it names an institution or a place ("General Motors", "Queen Mary").
        constexpr quint32 placeOrGroup
            = (1u << GazLoc) | (1u << GazOrg) | (1u << GazNat) | (1u << GazCountry);
        const bool single = k - j == 1 && j > i && !m_info[size_t(j)].orgCue && !m_info[size_t(j)].locCue
            && !(m_info[size_t(j)].gaz & placeOrGroup) && word(j).size() > 2 && !m_info[size_t(j)].allCaps;
        if ((single || (k - j >= 2 && k - j <= 3)) && !covered(j, k) && (k == m_n || !upper(k))) {
            m_mentions.push_back({ j, k, Entity::Type::Person, Tagged, -1, {} });
            cover(j, k);
        } else if (k - j >= 2 && k - j <= 3 && j > i && (k == m_n || !upper(k)) && !isCountry(j, k)) {
            // "Mayor Helena Strand": a full name right after a title is a person even where the
            // tagger read a place (a surname that is also a common place word).
            for (Mention &m : m_mentions) {
                if (m.tb == j && m.te == k && m.type == Entity::Type::Loc)
                    m.type = Entity::Type::Person;
            }
        }
        i = j - 1;
    }
}

void Document::addNationalities()
{
    for (int i = 0; i < m_n; ++i) {
        const TokenFacts &t = m_info[size_t(i)];
        if (m_covered[size_t(i)] || structural(i) || !t.initialUpper || t.allCaps)
            continue;
        if ((t.gaz & (1u << GazNat)) && !(t.gaz & (0xffffu << 16)) && word(i).size() > 2) {
            m_mentions.push_back({ i, i + 1, Entity::Type::Misc, Tagged, -1, {} });
            cover(i, i + 1);
        }
    }
}

void Document::addRules()
{
    QList<Entity> rules;
    EntityRules::find(m_body, m_tokens, m_covered, rules);
    m_rules = rules;
}

QList<Entity> Document::output()
{
    QList<Entity> out;
    out.reserve(qsizetype(m_mentions.size()) + m_rules.size());
    for (const Mention &m : m_mentions) {
        // A capitalised pronoun or determiner at the start of a quoted sentence ("We", "Our") is
        // never a name, whatever the tagger says.
        if (m.te - m.tb == 1 && isFunctionWord(word(m.tb)))
            continue;
        Entity e;
        e.span = { m_tokens[m.tb].start, m_tokens[m.te - 1].end };
        e.text = m_body.mid(e.span.start, e.span.length());
        e.type = m.type;
        e.canonical = m.canonical.isEmpty() ? e.text : m.canonical;
        out.append(e);
    }
    out.append(m_rules);
    std::sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    QList<Entity> result;
    result.reserve(out.size());
    for (const Entity &e : out) {
        if (!result.isEmpty() && result.last().span.overlaps(e.span))
            continue;
        result.append(e);
    }
    return result;
}

QList<Entity> Document::run()
{
    m_covered.assign(size_t(m_n), false);
    findFallbackBlocks();
    // Structural blocks first: they are the most reliable evidence.
    for (int i = 0; i < m_n;) {
        const int kind = m_kind[size_t(i)];
        int end = i + 1;
        while (end < m_n && m_kind[size_t(end)] == kind)
            ++end;
        if (kind == int(Block::Kind::Byline) || kind == int(Block::Kind::Credit))
            readNameList(i, end);
        else if (kind == int(Block::Kind::Dateline))
            readDateline(i, end);
        i = end;
    }
    tagSentences();
    addTitledNames();
    repairOrgSpans();
    markTeams();
    markScorecards();
    addAcronyms();
    addInitialisms();
    addCompanyCues();
    addSpeakingPeople();
    addNationalities();
    unify();
    addRules();
    return output();
}

// The model as it lies in the program's resources: the resource is stored uncompressed (see
// resources/CMakeLists.txt), so its bytes are used in place for the program's lifetime, never

} // namespace EntityParts

namespace {

QByteArray readModelResource(QString *error)
{
    const QResource resource(u":/lede/models/ner-en.bin"_s);
    if (!resource.isValid()) {
        *error = u"entity model resource missing"_s;
        return {};
    }
    if (resource.compressionAlgorithm() == QResource::NoCompression)
        return QByteArray::fromRawData(reinterpret_cast<const char *>(resource.data()),
                                       qsizetype(resource.size()));
    return resource.uncompressedData();
}

} // namespace

using EntityParts::Document;
using Ner::PerceptronModel;

EntityRecognizer::EntityRecognizer() = default;

EntityRecognizer::EntityRecognizer(const QByteArray &model)
    : m_model(std::make_unique<PerceptronModel>())
{
    if (!m_model->load(model, &m_modelError)) {
        qCWarning(lcAnalysis) << "entity model not loaded, using rules only:" << m_modelError;
        m_model.reset();
    }
}

EntityRecognizer::~EntityRecognizer() = default;
EntityRecognizer::EntityRecognizer(EntityRecognizer &&) noexcept = default;

const EntityRecognizer &EntityRecognizer::shared()
{
    static const EntityRecognizer instance = [] {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const QByteArray data = readModelResource(&error);
        if (data.isEmpty()) {
            qCWarning(lcAnalysis) << "entity model not loaded, using rules only:" << error;
            return EntityRecognizer();
        }
        EntityRecognizer r(data);
        qCDebug(lcAnalysis) << "entity model loaded in" << timer.elapsed() << "ms";
        return r;
    }();
    return instance;
}

bool EntityRecognizer::hasModel() const
{
    return m_model != nullptr;
}

QString EntityRecognizer::modelError() const
{
    return m_modelError;
}

QList<Entity> EntityRecognizer::recognize(const Article &article) const
{
    if (article.body.isEmpty())
        return {};
    return recognize(article, TokenStream(article.body));
}

QList<Entity> EntityRecognizer::recognize(const Article &article, const TokenStream &tokens) const
{
    if (article.body.isEmpty())
        return {};
    Document doc(article, tokens, m_model.get());
    return doc.run();
}

} // namespace Lede
