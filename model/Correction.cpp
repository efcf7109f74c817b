// SPDX-License-Identifier: GPL-3.0-or-later
#include "Correction.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

struct Name
{
    LayerCorrection::Action action;
    const char16_t *name;
};
constexpr Name ActionNames[] = {
    { LayerCorrection::Action::SetSpeaker, u"speaker" },
    { LayerCorrection::Action::Reject, u"reject" },
    { LayerCorrection::Action::Add, u"add" },
    { LayerCorrection::Action::SetType, u"type" },
    { LayerCorrection::Action::SetCanonical, u"canonical" },
    { LayerCorrection::Action::Remove, u"remove" },
};

// The item drawn at `span`: the same span, or else the one that overlaps it for the largest part,
// when that part is at least half of the longer of the two. -1 when none.
template<typename Item> qsizetype findItem(const QList<Item> &items, const Span &span)
{
    qsizetype best = -1;
    qsizetype bestOverlap = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Span &s = items[i].span;
        if (s == span)
            return i;
        const qsizetype overlap = std::min(s.end, span.end) - std::max(s.start, span.start);
        if (overlap > bestOverlap && overlap * 2 >= std::max(s.length(), span.length())) {
            best = i;
            bestOverlap = overlap;
        }
    }
    return best;
}

template<typename Item> void insertInOrder(QList<Item> &items, Item item)
{
    auto at = std::lower_bound(items.begin(), items.end(), item.span.start,
                               [](const Item &i, qsizetype start) { return i.span.start < start; });
    items.insert(at, std::move(item));
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'\'' || c == u'\u2019';
}

} // namespace

QString LayerCorrection::layerName(Layer layer)
{
    return layer == Layer::Quote ? u"quote"_s : u"entity"_s;
}

QString LayerCorrection::actionName(Action action)
{
    for (const Name &n : ActionNames) {
        if (n.action == action)
            return QString::fromUtf16(n.name);
    }
    return {};
}

bool LayerCorrection::layerFromName(const QString &name, Layer *layer)
{
    if (name == u"quote"_s)
        *layer = Layer::Quote;
    else if (name == u"entity"_s)
        *layer = Layer::Entity;
    else
        return false;
    return true;
}

bool LayerCorrection::actionFromName(const QString &name, Action *action)
{
    for (const Name &n : ActionNames) {
        if (name == QStringView(n.name)) {
            *action = n.action;
            return true;
        }
    }
    return false;
}

std::optional<Span> nearestMention(const QString &name, const Span &near, const QString &body,
                                   const QList<Entity> &entities)
{
    std::optional<Span> best;
    auto distance = [&near](const Span &s) {
        if (s.overlaps(near))
            return qsizetype(0);
        return s.end <= near.start ? near.start - s.end : s.start - near.end;
    };
    auto consider = [&](const Span &s) {
        if (!s.overlaps(near) && (!best || distance(s) < distance(*best)))
            best = s;
    };
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return best;
    for (qsizetype at = body.indexOf(wanted); at >= 0; at = body.indexOf(wanted, at + 1)) {
        const qsizetype end = at + wanted.size();
        const bool wordStart = at == 0 || !isWordChar(body.at(at - 1));
        const bool wordEnd = end >= body.size() || !isWordChar(body.at(end));
        if (wordStart && wordEnd)
            consider(Span { at, end });
    }
    for (const Entity &e : entities) {
        if (e.canonical.compare(wanted, Qt::CaseInsensitive) == 0)
            consider(e.span);
    }
    return best;
}

int applyCorrections(AnalysisResult &analysis, const QList<LayerCorrection> &corrections, const QString &body)
{
    using A = LayerCorrection::Action;
    int applied = 0;
    for (const LayerCorrection &c : corrections) {
        if (c.span.start < 0 || c.span.end > body.size() || c.span.isEmpty())
            continue;
        if (c.layer == LayerCorrection::Layer::Quote) {
            const qsizetype i = findItem(analysis.quotes, c.span);
            switch (c.action) {
            case A::SetSpeaker:
            case A::Add: {
                if (i < 0 && c.action == A::SetSpeaker)
                    continue;
                if (i < 0) {
                    Quote q;
                    q.span = c.span;
                    q.text = body.mid(c.span.start, c.span.length());
                    insertInOrder(analysis.quotes, q);
                }
                Quote &q = analysis.quotes[i >= 0 ? i : findItem(analysis.quotes, c.span)];
                q.speaker = c.value;
                q.speakerSpan = c.speakerSpan;
                q.cue.clear();
                q.corrected = true;
                break;
            }
            case A::Reject:
                if (i < 0)
                    continue;
                analysis.quotes.removeAt(i);
                break;
            default:
                continue;
            }
            ++applied;
            continue;
        }

        const qsizetype i = findItem(analysis.entities, c.span);
        switch (c.action) {
        case A::SetType:
            if (i < 0)
                continue;
            analysis.entities[i].type = c.type;
            analysis.entities[i].corrected = true;
            break;
        case A::Remove:
            if (i < 0)
                continue;
            analysis.entities.removeAt(i);
            break;
        case A::Add: {
            if (i >= 0 && analysis.entities[i].span == c.span) {
                Entity &e = analysis.entities[i];
                e.type = c.type;
                e.canonical = c.value.isEmpty() ? e.text : c.value;
                e.corrected = true;
                break;
            }
            Entity e;
            e.span = c.span;
            e.text = body.mid(c.span.start, c.span.length());
            e.type = c.type;
            e.canonical = c.value.isEmpty() ? e.text : c.value;
            e.corrected = true;
            insertInOrder(analysis.entities, e);
            break;
        }
        case A::SetCanonical: {
            // A rename (or a merge into another entity's name) holds for every mention of the
            // entity, and for the quotes the analysis gave to it.
            const QString from = c.original.isEmpty() && i >= 0 ? analysis.entities[i].canonical : c.original;
            bool found = false;
            for (Entity &e : analysis.entities) {
                if (e.canonical == from || (i >= 0 && &e == &analysis.entities[i])) {
                    e.canonical = c.value;
                    e.corrected = true;
                    found = true;
                }
            }
            if (!found)
                continue;
            for (Quote &q : analysis.quotes) {
                if (!q.corrected && q.speaker == from)
                    q.speaker = c.value;
            }
            break;
        }
        default:
            continue;
        }
        ++applied;
    }
    return applied;
}

} // namespace Lede
