// SPDX-License-Identifier: GPL-3.0-or-later
// Acronyms introduced after a name: "Northern Fisheries Council (NFC)". The letters in brackets
// are the name's short form, of the name's type, also where the article later uses them alone
// (the document-level vote in unify() carries the type to the repeats).
#include "EntityDocument.h"

#include <QHash>

namespace Lede::EntityParts {

namespace {

// "NFC", "U.N.": two to eight capitals (periods allowed); the letters, else empty.
QString acronymLetters(QStringView w)
{
    QString letters;
    for (const QChar c : w) {
        if (c.isUpper())
            letters.append(c);
        else if (c != u'.')
            return {};
    }
    return letters.size() >= 2 && letters.size() <= 8 ? letters : QString();
}

} // namespace

void Document::addAcronyms()
{
    const int count = int(m_mentions.size());
    for (int m = 0; m < count; ++m) {
        const Mention x = m_mentions[size_t(m)];
        const int t = x.te + 1;
        if ((x.type != Entity::Type::Org && x.type != Entity::Type::Loc) || x.te - x.tb < 2 || t + 1 >= m_n
            || word(x.te) != u"(" || word(t + 1) != u")" || structural(t))
            continue;
        const QString letters = acronymLetters(word(t));
        if (letters.isEmpty())
            continue;
        // The letters, in order, are capitals of the name and start with its first letter
        // ("World Health Organization" -> WHO; "National Aeronautics and Space Administration" -> NASA).
        const QString name = text(x.tb, x.te);
        if (name.isEmpty() || name[0] != letters[0])
            continue;
        qsizetype pos = 0;
        bool ok = true;
        for (const QChar c : letters) {
            pos = name.indexOf(c, pos);
            if (pos < 0) {
                ok = false;
                break;
            }
            ++pos;
        }
        // An organisation's short form may come from its name in another language ("Social
        // Democrats (SPD)", "Workers' Union (CGT)"): for a tagged organisation the first letter suffices.
        if (!ok && x.type != Entity::Type::Org)
            continue;
        bool found = false;
        for (Mention &y : m_mentions) {
            if (y.tb <= t && t < y.te) {
                found = true;
                if (y.tb == t && y.te == t + 1) {
                    y.type = x.type;
                    y.strength = Structural;
                }
                break;
            }
        }
        if (!found) {
            m_mentions.push_back({ t, t + 1, x.type, Structural, -1, {} });
            cover(t, t + 1);
        }
    }
}

// "International Monetary Fund" ... "an IMF spokesman": capitals that spell the initials of an
// organisation named in full in the article are its short form, also without brackets. Listed
// countries keep their type ("US" is never the "Union of Steelworkers").
void Document::addInitialisms()
{
    QHash<QString, int> initials;
    const int count = int(m_mentions.size());
    for (int m = 0; m < count; ++m) {
        const Mention &x = m_mentions[size_t(m)];
        if (x.type != Entity::Type::Org || x.te - x.tb < 2)
            continue;
        QString letters;
        for (int t = x.tb; t < x.te; ++t) {
            const QStringView w = word(t);
            if (!w.isEmpty() && w[0].isUpper())
                letters.append(w[0]);
        }
        if (letters.size() >= 2 && letters.size() <= 6 && !initials.contains(letters))
            initials.insert(letters, m);
    }
    if (initials.isEmpty())
        return;
    for (int i = 0; i < m_n; ++i) {
        if (structural(i) || m_heading[size_t(i)] || !m_info[size_t(i)].allCaps)
            continue;
        const QString letters = acronymLetters(word(i));
        if (letters.isEmpty() || !initials.contains(letters) || isCountry(i, i + 1))
            continue;
        if (!m_covered[size_t(i)]) {
            m_mentions.push_back({ i, i + 1, Entity::Type::Org, Tagged, -1, {} });
            cover(i, i + 1);
            continue;
        }
        for (Mention &y : m_mentions) {
            if (y.tb == i && y.te == i + 1 && y.type != Entity::Type::Org && y.strength != Structural)
                y.type = Entity::Type::Org;
        }
    }
}

} // namespace Lede::EntityParts
