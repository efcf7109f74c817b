// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Span.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>
#include <vector>

namespace Lede {

// Re-attaching annotations to a changed text through their text-quote anchor (exact text, up to 32
// characters of prefix and suffix; DESIGN.md "Offsets"), the way Hypothesis re-attaches
// annotations to a changed web page.
//
// 1. Exact: every occurrence of the exact text; the one whose surroundings agree best with the
//    prefix and suffix wins, then the one nearest to where the passage was.
// 2. Fuzzy: the passage within a bounded edit distance (Levenshtein, at most MaxFuzzyRatio of the
//    exact text's length, so short passages must match exactly); fewest edits, then nearest.
// 3. Between its surroundings: the prefix and suffix found unchanged, about the passage's length
//    apart, and the text between them within MaxContextRatio edits of the passage (a passage
//    whose own words changed more, pinned by the words around it).
// 4. Orphan: nothing close enough. The caller keeps the annotation with its exact text (never
//    drops it), with an empty span (Annotation::isOrphan), so a later version may place it again.

struct TextAnchor
{
    QString exact;
    QString prefix;
    QString suffix;
    qsizetype position = -1; // where the passage started in the old text (UTF-16), -1 if unknown
};

struct AnchorMatch
{
    enum class Kind { Exact, Fuzzy, Orphan };
    Kind kind = Kind::Orphan;
    Span span; // UTF-16 indices into the new text; empty for an orphan
    int distance = 0; // edits, for a fuzzy match
};

constexpr double MaxFuzzyRatio = 0.2;
constexpr double MaxContextRatio = 0.5;

AnchorMatch locateAnchor(const QString &text, const TextAnchor &anchor);

// The anchor of a passage of `text` (what the store keeps for an annotation).
TextAnchor anchorAt(const QString &text, Span span);
TextAnchor anchorOf(const Annotation &annotation);

struct ReanchorReport
{
    int exact = 0;
    int fuzzy = 0;
    int orphaned = 0;
};

// The annotations placed on `newText`: span and anchor updated (exact/fuzzy), or made orphans that
// keep their old anchor. Ids, notes, tags and times are kept. Adds the outcome to *report.
QList<Annotation> reanchorAnnotations(const QList<Annotation> &annotations, const QString &newText,
                                      ReanchorReport *report);

// How alike two texts are: the Dice coefficient of their sets of word trigrams (lower-cased words),
// 0 to 1. Two versions of one story that differ by a sentence score well above 0.8; two stories on
// one subject score far below.
double textSimilarity(const QString &a, const QString &b);
// The same in two steps, for comparing one text with many.
QSet<QString> wordTrigrams(const QString &text);
double trigramSimilarity(const QSet<QString> &a, const QSet<QString> &b);

// The same trigram sets as numbers, for comparing many texts quickly (finding earlier versions in a
// large import): every distinct word gets a number from this object's dictionary, a trigram (or the
// one or two words of a shorter text) is the three numbers in one 64-bit key, and a set is a sorted
// vector. similarity() of two sets from one object equals trigramSimilarity() of the same texts.
class WordTrigramSets
{
public:
    // Sorted, without repeats; nullopt once the dictionary is full (2^21 - 1 distinct words), when
    // the caller compares with wordTrigrams() instead.
    std::optional<std::vector<quint64>> of(const QString &text);
    static double similarity(const std::vector<quint64> &a, const std::vector<quint64> &b);

private:
    QHash<QString, quint32> m_words;
};

} // namespace Lede
