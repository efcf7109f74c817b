// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reanchoring.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype ContextLength = 32;

// Characters of `prefix` that agree with the text just before `at`, counting backwards.
qsizetype prefixAgreement(const QString &text, qsizetype at, const QString &prefix)
{
    qsizetype n = 0;
    while (n < prefix.size() && at - n - 1 >= 0 && text.at(at - n - 1) == prefix.at(prefix.size() - n - 1))
        ++n;
    return n;
}

qsizetype suffixAgreement(const QString &text, qsizetype at, const QString &suffix)
{
    qsizetype n = 0;
    while (n < suffix.size() && at + n < text.size() && text.at(at + n) == suffix.at(n))
        ++n;
    return n;
}

qsizetype distanceTo(qsizetype start, qsizetype position)
{
    return position < 0 ? 0 : std::abs(start - position);
}

std::optional<AnchorMatch> exactMatch(const QString &text, const TextAnchor &anchor)
{
    std::optional<AnchorMatch> best;
    qsizetype bestContext = -1;
    qsizetype bestDistance = 0;
    for (qsizetype at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
        const qsizetype context = prefixAgreement(text, at, anchor.prefix)
            + suffixAgreement(text, at + anchor.exact.size(), anchor.suffix);
        const qsizetype distance = distanceTo(at, anchor.position);
        if (!best || context > bestContext || (context == bestContext && distance < bestDistance)) {
            best = AnchorMatch { AnchorMatch::Kind::Exact, Span { at, at + anchor.exact.size() }, 0 };
            bestContext = context;
            bestDistance = distance;
        }
    }
    return best;
}

// Approximate substring search (Sellers' dynamic programme with Ukkonen's cut-off): the passages of
// `text` within `maxEdits` edits of `pattern`, each column carrying where its alignment started.
// O(maxEdits × text length) on typical text.
std::optional<AnchorMatch> fuzzyMatch(const QString &text, const TextAnchor &anchor, int maxEdits)
{
    const QString &p = anchor.exact;
    const qsizetype m = p.size();
    const int k = maxEdits;
    QList<int> cost(m + 1);
    QList<qsizetype> start(m + 1, 0);
    for (qsizetype i = 0; i <= m; ++i)
        cost[i] = int(std::min<qsizetype>(i, k + 1));
    qsizetype lastActive = std::min<qsizetype>(k, m);
    std::optional<AnchorMatch> best;
    qsizetype bestDistance = 0;
    for (qsizetype j = 1; j <= text.size(); ++j) {
        const QChar c = text.at(j - 1);
        int diagonal = cost[0];
        qsizetype diagonalStart = start[0];
        cost[0] = 0;
        start[0] = j; // an alignment may begin after any character
        const qsizetype top = std::min(m, lastActive + 1);
        for (qsizetype i = 1; i <= top; ++i) {
            const int left = cost[i]; // (i, j-1)
            const qsizetype leftStart = start[i];
            int value = diagonal + (p.at(i - 1) == c ? 0 : 1);
            qsizetype from = diagonalStart;
            if (cost[i - 1] + 1 < value) { // (i-1, j): the pattern's character is missing here
                value = cost[i - 1] + 1;
                from = start[i - 1];
            }
            if (left + 1 < value) { // (i, j-1): the text has an extra character
                value = left + 1;
                from = leftStart;
            }
            diagonal = left;
            diagonalStart = leftStart;
            cost[i] = std::min(value, k + 1);
            start[i] = from;
        }
        for (qsizetype i = top + 1; i <= m; ++i)
            cost[i] = k + 1; // beyond the cut-off: more than k edits
        lastActive = top;
        while (lastActive > 0 && cost[lastActive] > k)
            --lastActive;
        if (lastActive == m && cost[m] <= k) {
            const Span span { start[m], j };
            const qsizetype distance = distanceTo(span.start, anchor.position);
            if (!span.isEmpty()
                && (!best || cost[m] < best->distance
                    || (cost[m] == best->distance && distance < bestDistance))) {
                best = AnchorMatch { AnchorMatch::Kind::Fuzzy, span, cost[m] };
                bestDistance = distance;
            }
        }
    }
    return best;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({ up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The passage between its unchanged surroundings: the prefix found word for word, the suffix right
// after it at about the passage's length, and the text between them within MaxContextRatio edits of
// the passage. This places a passage whose own words changed too much for the fuzzy search alone
// (two words replaced in six), because its surroundings pin it.
std::optional<AnchorMatch> contextMatch(const QString &text, const TextAnchor &anchor)
{
    // Context this short would pin nothing.
    constexpr qsizetype MinContext = 12;
    if (anchor.prefix.size() < MinContext || anchor.suffix.size() < MinContext)
        return std::nullopt;
    const qsizetype length = anchor.exact.size();
    const qsizetype shortest = (length + 1) / 2;
    const qsizetype longest = length + length / 2;
    std::optional<AnchorMatch> best;
    qsizetype bestDistance = 0;
    for (qsizetype p = text.indexOf(anchor.prefix); p >= 0; p = text.indexOf(anchor.prefix, p + 1)) {
        const qsizetype start = p + anchor.prefix.size();
        const qsizetype s = text.indexOf(anchor.suffix, start + shortest);
        if (s < 0 || s - start > longest)
            continue;
        const int edits = editDistance(QStringView(text).mid(start, s - start), anchor.exact);
        if (edits > int(std::floor(length * MaxContextRatio)))
            continue;
        const qsizetype distance = distanceTo(start, anchor.position);
        if (!best || edits < best->distance || (edits == best->distance && distance < bestDistance)) {
            best = AnchorMatch { AnchorMatch::Kind::Fuzzy, Span { start, s }, edits };
            bestDistance = distance;
        }
    }
    return best;
}

QStringList words(const QString &text)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

QSet<QString> trigrams(const QString &text)
{
    const QStringList w = words(text);
    QSet<QString> out;
    if (w.size() < 3) {
        if (!w.isEmpty())
            out.insert(w.join(u' '));
        return out;
    }
    for (qsizetype i = 0; i + 2 < w.size(); ++i)
        out.insert(w.at(i) + u' ' + w.at(i + 1) + u' ' + w.at(i + 2));
    return out;
}

} // namespace

AnchorMatch locateAnchor(const QString &text, const TextAnchor &anchor)
{
    if (anchor.exact.isEmpty())
        return {};
    if (auto exact = exactMatch(text, anchor))
        return *exact;
    const int maxEdits = int(std::floor(anchor.exact.size() * MaxFuzzyRatio));
    if (maxEdits > 0) {
        if (auto fuzzy = fuzzyMatch(text, anchor, maxEdits))
            return *fuzzy;
    }
    if (auto context = contextMatch(text, anchor))
        return *context;
    return {};
}

TextAnchor anchorAt(const QString &text, Span span)
{
    TextAnchor a;
    a.exact = text.mid(span.start, span.length());
    qsizetype from = std::max<qsizetype>(0, span.start - ContextLength);
    if (from > 0 && from < text.size() && text.at(from).isLowSurrogate())
        ++from;
    a.prefix = text.mid(from, span.start - from);
    qsizetype to = std::min<qsizetype>(text.size(), span.end + ContextLength);
    if (to < text.size() && to > span.end && text.at(to).isLowSurrogate())
        --to;
    a.suffix = text.mid(span.end, to - span.end);
    a.position = span.start;
    return a;
}

TextAnchor anchorOf(const Annotation &annotation)
{
    return TextAnchor { annotation.exact, annotation.prefix, annotation.suffix,
                        annotation.isOrphan() ? -1 : annotation.span.start };
}

QList<Annotation> reanchorAnnotations(const QList<Annotation> &annotations, const QString &newText,
                                      ReanchorReport *report)
{
    QList<Annotation> out;
    out.reserve(annotations.size());
    for (Annotation a : annotations) {
        if (a.exact.isEmpty()) {
            // A mark on no text (`lede annotate ID 5 5`) has nothing to look for: it stays where it
            // was, within the new text.
            const qsizetype at = std::min(a.span.start, newText.size());
            a.span = Span { at, at };
            if (report)
                ++report->fuzzy;
            out << a;
            continue;
        }
        const AnchorMatch match = locateAnchor(newText, anchorOf(a));
        if (match.kind == AnchorMatch::Kind::Orphan) {
            // Kept with the text it was made on; an empty span marks it (Annotation::isOrphan).
            a.span = Span { 0, 0 };
            if (report)
                ++report->orphaned;
        } else {
            const TextAnchor anchor = anchorAt(newText, match.span);
            a.span = match.span;
            a.exact = anchor.exact;
            a.prefix = anchor.prefix;
            a.suffix = anchor.suffix;
            if (report)
                ++(match.kind == AnchorMatch::Kind::Exact ? report->exact : report->fuzzy);
        }
        out << a;
    }
    return out;
}

QSet<QString> wordTrigrams(const QString &text)
{
    return trigrams(text);
}

double textSimilarity(const QString &a, const QString &b)
{
    return trigramSimilarity(trigrams(a), trigrams(b));
}

double trigramSimilarity(const QSet<QString> &x, const QSet<QString> &y)
{
    if (x.isEmpty() && y.isEmpty())
        return 1.0;
    qsizetype shared = 0;
    for (const QString &g : x)
        shared += y.contains(g);
    return 2.0 * double(shared) / double(x.size() + y.size());
}

std::optional<std::vector<quint64>> WordTrigramSets::of(const QString &text)
{
    constexpr quint32 MaxWords = (1u << 21) - 1; // number 0 is "no word": a text of one or two words
    std::vector<quint64> keys;
    quint64 key = 0; // the last three words' numbers, 21 bits each
    qsizetype count = 0;
    QString word;
    bool full = false;
    const auto endWord = [&] {
        auto it = m_words.constFind(word);
        if (it == m_words.cend()) {
            if (quint32(m_words.size()) >= MaxWords) {
                full = true;
                return;
            }
            it = m_words.insert(word, quint32(m_words.size()) + 1);
        }
        key = ((key << 21) | *it) & ((quint64(1) << 63) - 1);
        if (++count >= 3)
            keys.push_back(key);
        word.resize(0); // keeps its buffer for the next word
    };
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // ASCII first (what QChar says for it, without its tables), then everything else.
        const bool ascii = u < 0x80;
        if (ascii ? (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') : false) {
            word += c;
        } else if (ascii ? u >= u'A' && u <= u'Z' : c.isLetterOrNumber()) {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            endWord();
            if (full)
                return std::nullopt;
        }
    }
    if (!word.isEmpty()) {
        endWord();
        if (full)
            return std::nullopt;
    }
    if (count == 1 || count == 2)
        keys.push_back(key); // the words joined, as wordTrigrams() has them
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

double WordTrigramSets::similarity(const std::vector<quint64> &a, const std::vector<quint64> &b)
{
    if (a.empty() && b.empty())
        return 1.0;
    qsizetype shared = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return 2.0 * double(shared) / double(a.size() + b.size());
}

} // namespace Lede
