// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// FigureExtractor's words: the tables (read from resources/lexicon/ by Lexicon), the flag bits every
// word of a body gets at tokenization, and the character classes of the scanner. Internal to
// model/analysis (FigureAmounts.cpp, FigureNouns.cpp, FigureAttribution.cpp, FigureExtractor.cpp).

#include <QChar>
#include <QString>
#include <QStringView>
#include <array>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace Lede::Figures {

using Key = std::string_view;

// FNV-1a: the keys are short words, for which this beats the general-purpose string hash.
struct KeyHash
{
    size_t operator()(Key k) const noexcept
    {
        quint64 h = 1469598103934665603ULL;
        for (const char c : k) {
            h ^= quint8(c);
            h *= 1099511628211ULL;
        }
        return size_t(h);
    }
};

using KeySet = std::unordered_set<Key, KeyHash>;
template<typename T> using KeyMap = std::unordered_map<Key, T, KeyHash>;

enum WordFlag : quint32 {
    fStop = 1u << 0,
    fUnit = 1u << 1,
    fScale = 1u << 2,
    fScaleSuffix = 1u << 3,
    fVague = 1u << 4,
    fMeasure = 1u << 5,
    fTime = 1u << 6,
    fMonth = 1u << 7,
    fWeekday = 1u << 8,
    fAbbrev = 1u << 9,
    fLabelAbbrev = 1u << 10,
    fIso = 1u << 11,
    fCurrencyWord = 1u << 12,
    fDollarPrefix = 1u << 13,
    fPrecedingVerb = 1u << 14,
    fIrregular = 1u << 15,
    fEdException = 1u << 16,
    fComplement = 1u << 17,
    fHedging = 1u << 18,
    fAux = 1u << 19,
    fAdverb = 1u << 20,
    fSpeech = 1u << 21,
    fSubjectAdjunct = 1u << 22,
    fStat = 1u << 23,
    fDeterminer = 1u << 24,
    fAccording = 1u << 25,
    fBy = 1u << 26,
    fPlural = 1u << 27,
    fQualifierEnd = 1u << 28,
};

struct Qualifier
{
    std::vector<Key> words;
    QString canonical;
};

// The tables, read once from resources/lexicon/ at first use and only read afterwards (thread-safe).
// Keys are lower-case ASCII; a curly apostrophe is folded to '.
struct FigureWords final
{
    FigureWords();
    Q_DISABLE_COPY_MOVE(FigureWords)

    KeyMap<double> unitNumbers; // "one" .. "ninety"
    KeyMap<double> scaleWords; // "2.3 million", "two hundred", "5 bn"
    KeyMap<double> scaleSuffixes; // "5m", "1.2bn", "10k"
    KeyMap<double> vaguePlurals; // "hundreds", "tens"
    KeyMap<QString> dollarPrefixes; // "US$5" -> USD
    KeyMap<QString> currencyWords; // "euros" -> EUR; empty: the word itself ("crowns")
    KeyMap<QString> precedingVerbs; // "killed 19 soldiers" -> "killed"
    std::unordered_map<std::string, QString> nationalCurrencies; // "czech crowns" -> CZK
    std::unordered_map<char16_t, QString> currencySymbols; // "$" -> USD
    std::vector<Qualifier> qualifiers; // longest first
    KeyMap<quint32> flags; // every table a word belongs to, as WordFlag bits

    // `flags` again as an open-addressing table (a power of two in size, at most a quarter full, an
    // empty key marks a free slot), for the one lookup per word of the body: the node map's prime
    // buckets and pointer chasing cost as much as the tokenization.
    struct FlagSlot
    {
        Key key;
        quint32 flags = 0;
        quint32 hash = 0; // the low bits of KeyHash, compared before the key
    };
    std::vector<FlagSlot> flagTable;

private:
    Key keep(QStringView word);
    std::deque<std::string> m_storage; // stable addresses for the keys above
};

const FigureWords &figureWords();

// The ISO code of a currency symbol ("$", "€"), or nullptr.
const QString *currencyForSymbol(char16_t c);

// Every table a word belongs to, as bits: one hash lookup per word of the body, at tokenization.
quint32 wordFlags(Key k);

inline bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

inline bool isLetterLike(char16_t c)
{
    // ASCII has no combining marks: only other characters need the Unicode tables.
    if (c < 128)
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    return QChar::isLetter(c) || QChar::isMark(c);
}

inline bool isHyphen(char16_t c)
{
    return c == u'-' || c == u'\u2010' || c == u'\u2011';
}

inline bool isDash(char16_t c)
{
    return c == u'\u2013' || c == u'\u2014' || c == u'-' || c == u'\u2015';
}

inline bool isClosingQuote(char16_t c)
{
    return c == u'\u201D' || c == u'"' || c == u'\u2019' || c == u'\'' || c == u'\u00BB' || c == u')';
}

// Lower-cased ASCII copy of a word for the tables. Anything else (accents, digits) can never match a
// table entry, so such words get an empty key; keys live on the stack, no allocation per word.
class LowerKey
{
public:
    explicit LowerKey(QStringView w)
    {
        if (w.size() >= qsizetype(sizeof m_buf))
            return;
        for (QChar qc : w) {
            const char16_t u = qc.unicode();
            const char out = u < 128 ? kKeyChar[u] : (u == u'\u2019' ? '\'' : '\0');
            if (!out) {
                m_len = 0;
                return;
            }
            m_buf[m_len++] = out;
        }
    }
    Key key() const { return Key(m_buf, m_len); }

private:
    // A key's character for each ASCII one: letters lower-cased, '-' and '\'' kept, 0 for the rest
    // (one load per character instead of a chain of range tests).
    static constexpr std::array<char, 128> kKeyChar = [] {
        std::array<char, 128> t {};
        for (int c = 0; c < 128; ++c) {
            if (c >= 'A' && c <= 'Z')
                t[size_t(c)] = char(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || c == '-' || c == '\'')
                t[size_t(c)] = char(c);
        }
        return t;
    }();
    char m_buf[24] = {};
    size_t m_len = 0;
};

} // namespace Lede::Figures
