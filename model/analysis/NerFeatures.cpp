// SPDX-License-Identifier: GPL-3.0-or-later
#include "NerFeatures.h"

#include "Gazetteer.h"
#include "Lexicon.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede::Ner {

namespace {

constexpr quint64 kFnvOffset = 0xcbf29ce484222325ULL;
constexpr quint64 kFnvPrime = 0x100000001b3ULL;

inline char16_t lowerUnit(char16_t c)
{
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? char16_t(c + 32) : c;
    if (c == 0x2019)
        return u'\''; // curly and straight apostrophes hash alike
    return QChar(c).toLower().unicode();
}

inline quint64 fnvUnit(quint64 h, char16_t c)
{
    h ^= c;
    return h * kFnvPrime;
}

// Lower-cased word lists, hashed once, in one table: a word's cue bits cost one lookup.
enum WordFlag : quint8 { FTitle = 1, FSpeech = 2, FOrgCue = 4, FLocCue = 8, FConnector = 16 };

struct WordSets
{
    QHash<quint64, quint8> flags;
    WordSets()
    {
        auto add = [this](QStringView list, quint8 flag) {
            for (const QString &w : Lexicon::entries(list))
                flags[hashLower(w)] |= flag;
        };
        // Head nouns of organisation and place names; general English, not a list of names.
        add(u"ner-org-cues", FOrgCue);
        add(u"ner-loc-cues", FLocCue);
        add(u"ner-connectors", FConnector);
        add(u"ner-title-cues", FTitle);
        add(u"ner-verb-cues", FSpeech);
    }
};

const WordSets &wordSets()
{
    static const WordSets sets;
    return sets;
}

inline char16_t shapeClass(char16_t c)
{
    if (c < 128) {
        if (c >= 'A' && c <= 'Z')
            return u'X';
        if (c >= 'a' && c <= 'z')
            return u'x';
        if (c >= '0' && c <= '9')
            return u'd';
        return c;
    }
    const QChar q(c);
    if (q.isUpper())
        return u'X';
    if (q.isLower() || q.isLetter() || q.isMark() || q.isSurrogate())
        return u'x';
    if (q.isDigit())
        return u'd';
    if (c == 0x2019)
        return u'\'';
    return u'~';
}

bool isOpeningQuote(QStringView w)
{
    if (w.size() == 1) {
        const char16_t c = w.front().unicode();
        return c == u'"' || c == u'“' || c == u'‘' || c == u'(' || c == u'\'' || c == u'[';
    }
    return w.size() == 2 && w[0] == u'`' && w[1] == u'`';
}

enum Templ : quint32 {
    TBias = 1,
    TW0,
    TWm1,
    TWp1,
    TWm2,
    TWp2,
    TWm1W0,
    TW0Wp1,
    TShape,
    TShort3,
    TPre,
    TSuf = TPre + 4,
    TStartShape = TSuf + 5,
    TTitleM1,
    TTitleM2,
    TSpeechP1,
    TSpeechP2,
    TGaz0,
    TGazM1,
    TGazP1,
    TAllCaps,
    TWm1Short0,
    TShort0Wp1,
    TPrev,
    TPrev2Prev,
    TPrevW0,
    TPrevShort,
    TPrevGaz,
    TQuoteShape,
    TW0Exact,
    TRunHead,
    TRunCues,
    TRunAfter,
    TRunBefore,
    TRunShape,
    TCueSelf,
    TPrevRunHead,
    TRunGaz
};

} // namespace

quint64 hashLower(QStringView s)
{
    quint64 h = kFnvOffset;
    for (QChar c : s)
        h = fnvUnit(h, lowerUnit(c.unicode()));
    return h;
}

quint64 hashCombine(quint64 seed, QStringView word)
{
    quint64 h = fnvUnit(seed, u' ');
    for (QChar c : word)
        h = fnvUnit(h, lowerUnit(c.unicode()));
    return h;
}

quint64 hashCombineLoose(quint64 seed, QStringView word)
{
    quint64 h = fnvUnit(seed, u' ');
    for (QChar c : word) {
        if (c != u'.')
            h = fnvUnit(h, lowerUnit(c.unicode()));
    }
    return h;
}

void FeatureExtractor::prepare(const QList<QStringView> &words, std::vector<TokenInfo> &out) const
{
    const WordSets &sets = wordSets();
    out.assign(size_t(words.size()), TokenInfo {});
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QStringView w = words[i];
        TokenInfo &t = out[size_t(i)];
        quint64 h = kFnvOffset;
        quint64 shape = kFnvOffset;
        quint64 shortShape = kFnvOffset;
        char16_t lastClass = 0;
        int run = 0;
        bool anyLower = false;
        const qsizetype n = w.size();
        const char16_t *units = w.utf16();
        char16_t tail[4] = {}; // the last four lower-cased units, for the suffixes
        for (qsizetype k = 0; k < n; ++k) {
            const char16_t c = units[k];
            const char16_t lower = lowerUnit(c);
            tail[k & 3] = lower;
            h = fnvUnit(h, lower);
            const char16_t cls = shapeClass(c);
            if (cls == u'X')
                t.hasUpper = true;
            else if (cls == u'x')
                anyLower = true;
            if (cls == lastClass) {
                if (++run < 4)
                    shape = fnvUnit(shape, cls);
            } else {
                run = 0;
                shape = fnvUnit(shape, cls);
                shortShape = fnvUnit(shortShape, cls);
                lastClass = cls;
            }
            if (k < 3)
                t.prefix[size_t(k)] = h;
        }
        t.lower = h;
        t.shape = shape;
        t.shortShape = shortShape;
        for (qsizetype k = 1; k <= 4 && k <= n; ++k) { // hashLower(w.last(k)) from the lowered units
            quint64 sh = kFnvOffset;
            for (qsizetype j = n - k; j < n; ++j)
                sh = fnvUnit(sh, tail[j & 3]);
            t.suffix[size_t(k - 1)] = sh;
        }
        t.initialUpper = n > 0 && shapeClass(w[0].unicode()) == u'X';
        t.allCaps = t.hasUpper && !anyLower && n > 1;
        const quint8 flags = sets.flags.value(h, 0);
        t.title = flags & FTitle;
        t.speechVerb = flags & FSpeech;
        t.connector = flags & FConnector;
        t.openQuote = isOpeningQuote(w);
        t.sentenceStart = i == 0 || (i == 1 && out[0].openQuote);
        t.orgCue = flags & FOrgCue;
        t.locCue = flags & FLocCue;
    }
    // Capitalised runs. A connector ("of", "and", "the") joins two capitalised words.
    const qsizetype n = words.size();
    for (qsizetype i = 0; i < n;) {
        if (!out[size_t(i)].initialUpper) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < n && end - i < 8) {
            if (out[size_t(end)].initialUpper) {
                ++end;
            } else if (end + 1 < n && out[size_t(end + 1)].initialUpper && out[size_t(end)].connector) {
                end += 2;
            } else {
                break;
            }
        }
        quint8 cues = 0;
        for (qsizetype j = i; j < end; ++j) {
            cues |= out[size_t(j)].orgCue ? 1 : 0;
            cues |= out[size_t(j)].locCue ? 2 : 0;
            cues |= out[size_t(j)].title ? 4 : 0;
        }
        const quint8 runGaz
            = m_gazetteer && end - i <= Gazetteer::kMaxWords ? m_gazetteer->lookup(words, i, end - i) : 0;
        const quint64 head = out[size_t(end - 1)].lower;
        const quint64 before = i > 0 ? out[size_t(i - 1)].lower : 0x5eedULL;
        const quint64 after = end < n ? out[size_t(end)].lower : 0x5eedULL;
        for (qsizetype j = i; j < end; ++j) {
            TokenInfo &t = out[size_t(j)];
            t.runHead = head;
            t.runBefore = before;
            t.runAfter = after;
            t.runCues = cues;
            t.runGaz = runGaz;
            t.runPos = quint8(std::min<qsizetype>(j - i, 3));
            t.runLen = quint8(std::min<qsizetype>(end - i, 4));
        }
        i = end;
    }
    if (m_gazetteer)
        m_gazetteer->mark(words, out);
}

int FeatureExtractor::staticFeatures(const std::vector<TokenInfo> &info, int i, FeatureKeys &keys) const
{
    static const TokenInfo pad = [] {
        TokenInfo p;
        p.lower = p.shape = p.shortShape = 0x5eedULL;
        return p;
    }();
    const int n = int(info.size());
    const TokenInfo &t = info[size_t(i)];
    const TokenInfo &m1 = i >= 1 ? info[size_t(i - 1)] : pad;
    const TokenInfo &m2 = i >= 2 ? info[size_t(i - 2)] : pad;
    const TokenInfo &p1 = i + 1 < n ? info[size_t(i + 1)] : pad;
    const TokenInfo &p2 = i + 2 < n ? info[size_t(i + 2)] : pad;
    int k = 0;
    keys[k++] = featureKey(TBias, 0);
    keys[k++] = featureKey(TW0, t.lower);
    keys[k++] = featureKey(TWm1, m1.lower);
    keys[k++] = featureKey(TWp1, p1.lower);
    keys[k++] = featureKey(TWm2, m2.lower);
    keys[k++] = featureKey(TWp2, p2.lower);
    keys[k++] = featureKey(TWm1W0, m1.lower * 31 + t.lower);
    keys[k++] = featureKey(TW0Wp1, t.lower * 31 + p1.lower);
    keys[k++] = featureKey(TShape, t.shape);
    keys[k++] = featureKey(TShort3, (m1.shortShape * 31 + t.shortShape) * 31 + p1.shortShape);
    for (int j = 0; j < 3; ++j) {
        if (t.prefix[size_t(j)])
            keys[k++] = featureKey(TPre + quint32(j), t.prefix[size_t(j)]);
    }
    for (int j = 0; j < 4; ++j) {
        if (t.suffix[size_t(j)])
            keys[k++] = featureKey(TSuf + quint32(j), t.suffix[size_t(j)]);
    }
    keys[k++] = featureKey(TStartShape, t.shortShape * 2 + (t.sentenceStart ? 1 : 0));
    if (m1.title)
        keys[k++] = featureKey(TTitleM1, t.initialUpper);
    if (m2.title)
        keys[k++] = featureKey(TTitleM2, t.initialUpper);
    if (p1.speechVerb)
        keys[k++] = featureKey(TSpeechP1, p1.lower);
    if (p2.speechVerb)
        keys[k++] = featureKey(TSpeechP2, p2.lower);
    for (int c = 0; c < 32 && k < kMaxFeatures - 27; ++c) {
        if (t.gaz & (1u << c))
            keys[k++] = featureKey(TGaz0, quint64(c));
    }
    if (m1.gaz)
        keys[k++] = featureKey(TGazM1, m1.gaz);
    if (p1.gaz)
        keys[k++] = featureKey(TGazP1, p1.gaz);
    if (t.allCaps)
        keys[k++] = featureKey(TAllCaps, quint64(m1.allCaps) * 2 + quint64(p1.allCaps));
    keys[k++] = featureKey(TWm1Short0, m1.lower * 31 + t.shortShape);
    keys[k++] = featureKey(TShort0Wp1, t.shortShape * 31 + p1.lower);
    keys[k++] = featureKey(TQuoteShape, (m1.openQuote ? 2 : 0) + (t.initialUpper ? 1 : 0));
    if (t.orgCue || t.locCue)
        keys[k++] = featureKey(TCueSelf, quint64(t.orgCue) * 2 + quint64(t.locCue));
    if (t.runLen) {
        const quint64 pos = quint64(t.runPos) * 8 + t.runLen;
        keys[k++] = featureKey(TRunHead, t.runHead * 64 + pos);
        keys[k++] = featureKey(TRunHead, t.runHead);
        keys[k++] = featureKey(TRunCues, quint64(t.runCues) * 64 + pos);
        if (t.runGaz)
            keys[k++] = featureKey(TRunGaz, quint64(t.runGaz) * 64 + pos);
        keys[k++] = featureKey(TRunAfter, t.runAfter * 4 + (t.runPos ? 1 : 0));
        keys[k++] = featureKey(TRunBefore, t.runBefore * 4 + (t.runPos ? 1 : 0));
        keys[k++] = featureKey(TRunShape, t.shortShape * 64 + pos);
    }
    return k;
}

int FeatureExtractor::historyFeatures(const std::vector<TokenInfo> &info, int i, int prev, int prev2,
                                      FeatureKeys &keys, int from)
{
    const TokenInfo &t = info[size_t(i)];
    int k = from;
    if (t.runLen)
        keys[k++] = featureKey(TPrevRunHead, t.runHead * 16 + quint64(prev));
    keys[k++] = featureKey(TPrev, quint64(prev));
    keys[k++] = featureKey(TPrev2Prev, quint64(prev2) * 16 + quint64(prev));
    keys[k++] = featureKey(TPrevW0, t.lower * 16 + quint64(prev));
    keys[k++] = featureKey(TPrevShort, t.shortShape * 16 + quint64(prev));
    keys[k++] = featureKey(TPrevGaz, quint64(t.gaz) * 16 + quint64(prev));
    return k - from;
}

} // namespace Lede::Ner
