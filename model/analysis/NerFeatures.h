// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the entity recognizer and its trainer (bench/ner): the tag set, the feature hashing
// and the feature templates of the averaged-perceptron tagger. Training and tagging must call the
// same code, so both use this header; changing a template invalidates the shipped model (bump
// kFeatureVersion).

#include <QList>
#include <QStringView>
#include <array>
#include <cstdint>
#include <vector>

namespace Lede::Ner {

inline constexpr quint32 kFeatureVersion = 4;

enum Label : quint8 { O = 0, BPer, IPer, BOrg, IOrg, BLoc, ILoc, BMisc, IMisc, LabelCount };
enum class Kind : quint8 { None, Per, Org, Loc, Misc };

inline Kind labelKind(int label)
{
    return label == O ? Kind::None : Kind((label + 1) / 2);
}
inline bool isBegin(int label)
{
    return label != O && (label % 2) == 1;
}
inline int beginLabel(Kind k)
{
    return k == Kind::None ? O : int(k) * 2 - 1;
}
inline int insideLabel(Kind k)
{
    return k == Kind::None ? O : int(k) * 2;
}
// BIO: I-X may only follow B-X or I-X.
inline bool allowedAfter(int prev, int label)
{
    return isBegin(label) || label == O || labelKind(prev) == labelKind(label);
}

// Gazetteer classes, one bit each (B and I positions use separate bit ranges).
enum GazClass : quint8 {
    GazPer = 0,
    GazPerFirst,
    GazPerLast,
    GazLoc,
    GazOrg,
    GazNat,
    GazCountry,
    GazClassCount
};

quint64 hashLower(QStringView s); // FNV-1a over lower-cased UTF-16
quint64 hashCombine(quint64 seed, QStringView word); // phrase hash: seed + ' ' + lower(word)
// Like hashCombine but ignores periods, so "U.S." and "US" hash alike (document-level grouping).
quint64 hashCombineLoose(quint64 seed, QStringView word);
inline quint64 mix64(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}
inline quint32 featureKey(quint32 templ, quint64 value)
{
    const auto k = quint32(mix64(value ^ (quint64(templ) * 0x9E3779B97F4A7C15ULL)));
    return k ? k : 1; // 0 marks an empty slot in the model table
}

class Gazetteer;

// What the tagger knows about one token before tagging; computed once per token.
struct TokenInfo
{
    quint64 lower = 0;
    quint64 shape = 0;
    quint64 shortShape = 0;
    std::array<quint64, 3> prefix {};
    std::array<quint64, 4> suffix {};
    quint32 gaz = 0; // bit c: B of class c; bit 16 + c: I of class c
    bool hasUpper = false;
    bool initialUpper = false;
    bool allCaps = false;
    bool title = false; // "President", "Mr.", "spokesman"
    bool speechVerb = false; // "said", "told"
    bool sentenceStart = false;
    bool openQuote = false;
    bool orgCue = false; // "Ministry", "Council", "Corp", "Party": heads of organisation names
    bool locCue = false; // "River", "Province", "Strip": heads of place names
    bool connector = false; // "of", "and", "the": may join two capitalised words of a name
    // The capitalised run holding this token ("Ministry of Foreign Affairs", connectors allowed
    // between capitalised words): its last word, the words around it, cue words inside it.
    quint64 runHead = 0;
    quint64 runBefore = 0;
    quint64 runAfter = 0;
    quint8 runCues = 0; // bit 0: ORG cue in the run, 1: LOC cue, 2: title word
    quint8 runPos = 0; // position in the run, capped at 3
    quint8 runLen = 0; // 0 when not in a run; capped at 4
    quint8 runGaz = 0; // gazetteer classes of the whole run as one phrase
};

// The fields of a TokenInfo that the entity rules read after tagging, in 24 bytes instead of 128:
// an article keeps one per token (a 250 KB article has some 50,000), so its memory is written once
// and stays small.
struct TokenFacts
{
    TokenFacts() = default;
    explicit TokenFacts(const TokenInfo &t)
        : lower(t.lower)
        , gaz(t.gaz)
        , initialUpper(t.initialUpper)
        , allCaps(t.allCaps)
        , title(t.title)
        , speechVerb(t.speechVerb)
        , sentenceStart(t.sentenceStart)
        , orgCue(t.orgCue)
        , locCue(t.locCue)
    {
    }
    quint64 lower = 0;
    quint32 gaz = 0;
    bool initialUpper = false;
    bool allCaps = false;
    bool title = false;
    bool speechVerb = false;
    bool sentenceStart = false;
    bool orgCue = false;
    bool locCue = false;
};
static_assert(sizeof(TokenFacts) <= 24);

inline constexpr int kMaxFeatures = 64;
using FeatureKeys = std::array<quint32, kMaxFeatures>;

class FeatureExtractor final
{
public:
    explicit FeatureExtractor(const Gazetteer *gazetteer)
        : m_gazetteer(gazetteer)
    {
    }

    // Fills one TokenInfo per word of a sentence (words[0] starts the sentence).
    void prepare(const QList<QStringView> &words, std::vector<TokenInfo> &out) const;

    // Tokens with no capital letter after an O are tagged O without scoring: news entities are
    // capitalised, and this skips most of the text. Training applies the same rule.
    static bool skip(const TokenInfo &t, int prevLabel) { return prevLabel == O && !t.hasUpper; }

    // Writes the feature keys of position i given the two previous labels; returns their count.
    int features(const std::vector<TokenInfo> &info, int i, int prev, int prev2, FeatureKeys &keys) const
    {
        const int k = staticFeatures(info, i, keys);
        return k + historyFeatures(info, i, prev, prev2, keys, k);
    }
    // The same keys in two parts, so that a beam scores the label-independent part once per token:
    // staticFeatures writes keys[0..), historyFeatures writes keys[from..) (at most kHistoryFeatures).
    int staticFeatures(const std::vector<TokenInfo> &info, int i, FeatureKeys &keys) const;
    static int historyFeatures(const std::vector<TokenInfo> &info, int i, int prev, int prev2,
                               FeatureKeys &keys, int from);
    static constexpr int kHistoryFeatures = 6;

private:
    const Gazetteer *m_gazetteer;
};

} // namespace Lede::Ner
