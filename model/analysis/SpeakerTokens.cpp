// SPDX-License-Identifier: GPL-3.0-or-later
// Tokens, sentences and word predicates of SpeakerResolver (see SpeakerParts.h).
#include "SpeakerParts.h"
#include "Tokenizer.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Lede::Speakers {

bool isOneOf(QStringView w, std::initializer_list<QLatin1StringView> words)
{
    // Length first (case folding maps one unit to one), then an ASCII first letter.
    for (auto x : words) {
        if (x.size() != w.size())
            continue;
        if (!w.isEmpty()) {
            const char16_t a = w[0].unicode();
            const char16_t b = char16_t(uchar(x.data()[0]));
            if (a < 0x80 && b < 0x80 && a != b && ((a | 0x20) != (b | 0x20) || !QChar::isLetter(a)))
                continue;
        }
        if (w.compare(x, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSentenceEnd(QChar c)
{
    return c == u'.' || c == u'?' || c == u'!' || c == u'\u2026';
}

bool isClosingMark(QChar c, const QString &quoteText)
{
    if (c == u'\u201D' || c == u'"' || c == u'\u00BB')
        return true;
    const bool single
        = !quoteText.isEmpty() && (quoteText.front() == u'\u2018' || quoteText.front() == u'\'');
    return single && (c == u'\u2019' || c == u'\'');
}

bool quoteClosed(const QString &quoteText)
{
    return quoteText.size() > 1 && isClosingMark(quoteText.back(), quoteText);
}

bool isDocumentNoun(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"document-nouns");
    return set.contains(w);
}

bool isBridgeWord(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"speaker-bridge-words");
    return set.contains(w);
}

bool isAux(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"speaker-auxiliaries");
    return set.contains(w);
}

bool isHyphenAdjective(QStringView w)
{
    const qsizetype dash = w.lastIndexOf(u'-');
    return dash > 0 && dash + 1 < w.size()
        && std::all_of(w.begin() + dash + 1, w.end(), [](QChar c) { return c.isLower(); });
}

bool isFunctionWord(QStringView w)
{
    static const WordSet set = Lexicon::folded(u"speaker-function-words");
    return set.contains(w);
}

bool Resolver::isDocumentVerb(int tok) const
{
    static const WordSet verbs = Lexicon::folded(u"document-verbs");
    return tok > 0 && verbs.contains(text(tok)) && m_tokens[size_t(tok - 1)].word
        && isDocumentNoun(bareText(tok - 1));
}

// ---------------------------------------------------------------------------------------------
// Tokens

namespace {

// QChar::isLetterOrNumber() below 128: the ASCII letters and digits.
bool isAsciiAlnum(char16_t c)
{
    static constexpr auto table = [] {
        std::array<bool, 128> t {};
        for (int k = 0; k < 128; ++k)
            t[size_t(k)] = (k >= '0' && k <= '9') || (k >= 'A' && k <= 'Z') || (k >= 'a' && k <= 'z');
        return t;
    }();
    return table[c];
}

// The resolver's token at i (no space): a word runs over letters and digits and keeps an inner
// apostrophe or hyphen before a letter ("O'Brien", "Lind's"), the dots of "U.S." and an
// abbreviation's period ("Mr."), and a plural possessive's mark; anything else is one character.
Token scanToken(const QString &body, qsizetype i, int para)
{
    const qsizetype n = body.size();
    const QChar c = body.at(i);
    Token t;
    t.start = i;
    t.para = para;
    if (!c.isLetterOrNumber()) {
        t.end = i + 1;
        return t;
    }
    t.word = true;
    qsizetype j = i + 1;
    bool dotted = false;
    while (j < n) {
        // ASCII letters and digits, the bulk of a word, by a table.
        while (j < n && body.at(j).unicode() < 128 && isAsciiAlnum(body.at(j).unicode()))
            ++j;
        if (j >= n)
            break;
        const QChar d = body.at(j);
        // Any other ASCII character but the three that may join ends the word (space, mostly).
        if (d.unicode() < 128 && d != u'\'' && d != u'-' && d != u'.')
            break;
        if (d.isLetterOrNumber() || (d.unicode() >= 0x300 && d.isMark())) {
            ++j;
            continue;
        }
        const bool nextIsLetter = j + 1 < n && body.at(j + 1).isLetterOrNumber();
        if ((d == u'\'' || d == u'\u2019' || d == u'-' || d == u'\u2010') && nextIsLetter) {
            ++j;
            continue;
        }
        // "U.S.", "U.N.": a single letter, a dot, a letter
        if (d == u'.' && nextIsLetter && (j - i == 1 || dotted) && body.at(j - 1).isUpper()) {
            dotted = true;
            ++j;
            continue;
        }
        break;
    }
    if (j < n && body.at(j) == u'.') {
        const QStringView w = QStringView(body).sliced(i, j - i);
        if (dotted || (w.at(0).isUpper() && NameHeuristics::isAbbreviation(w)))
            ++j;
    }
    // A plural possessive keeps its mark: "the Commons' committee", "the ministers’ plans".
    bool pluralPossessive = false;
    if (j < n && j - i >= 3 && (body.at(j) == u'\'' || body.at(j) == u'\u2019')
        && NameHeuristics::isPluralPossessiveMark(body, j)) {
        pluralPossessive = true;
        ++j;
    }
    // A name's possessive before a quotation: "Jonas Lukas’ “late filings”".
    if (!pluralPossessive && j + 2 < n && j - i >= 3 && body.at(i).isUpper()
        && (body.at(j) == u'\'' || body.at(j) == u'\u2019') && body.at(j - 1) == u's'
        && body.at(j + 1) == u' ' && (body.at(j + 2) == u'\u201C' || body.at(j + 2) == u'"')) {
        pluralPossessive = true;
        ++j;
    }
    t.end = j;
    const QStringView w = QStringView(body).sliced(i, j - i);
    t.upper = w.at(0).isUpper();
    t.lower = w.at(0).isLower();
    t.allCaps = t.upper && std::none_of(w.begin(), w.end(), [](QChar x) { return x.isLower(); });
    // "'s" / "’s" at the end, compared as characters (an endsWith() per word was a call into Qt).
    const qsizetype len = w.size();
    if (pluralPossessive
        || (len > 2 && w[len - 1] == u's' && (w[len - 2] == u'\'' || w[len - 2] == u'\u2019')))
        t.possessive = true;
    return t;
}

// The shared token [s, e) taken as the resolver's token when scanToken() would give the same: one
// character of punctuation, or a word of letters and digits alone (the Tokenizer's "1,400", "U.S.",
// "Al-Qidra", split "Lind" + "'s" are not) that no apostrophe, hyphen or abbreviation's period the
// resolver would join follows. False when the scan must decide.
bool sharedToken(const QString &body, qsizetype s, qsizetype e, Token &t)
{
    const QChar *d = body.constData();
    const QChar first = d[s];
    if (e - s == 1 && !first.isLetterOrNumber()) {
        t.end = e;
        return true;
    }
    bool anyLower = false;
    if (Tokenizer::asciiAlnumEnd(d, s, e) == e) {
        if (first.unicode() < u'a') // an upper-case letter or a digit: look for a lower-case letter
            anyLower = std::any_of(d + s + 1, d + e, [](QChar x) { return x.unicode() >= u'a'; });
    } else {
        for (qsizetype j = s; j < e; ++j) {
            const QChar x = d[j];
            if (x.unicode() < 128 ? !isAsciiAlnum(x.unicode())
                                  : !(x.isLetterOrNumber() || (j > s && x.unicode() >= 0x300 && x.isMark())))
                return false;
            anyLower = anyLower || x.isLower();
        }
    }
    if (e < body.size()) {
        const char16_t next = d[e].unicode();
        if (next == u'\'' || next == u'\u2019' || next == u'\u2010')
            return false;
        if (next == u'.' && first.isUpper()
            && (e - s == 1 || NameHeuristics::isAbbreviation(QStringView(d + s, e - s))))
            return false;
    }
    t.end = e;
    t.word = true;
    t.upper = first.isUpper();
    t.lower = first.isLower();
    t.allCaps = t.upper && !anyLower;
    return true;
}

} // namespace

void Resolver::tokenize()
{
    const qsizetype n = m_body.size();
    const QChar *d = m_body.constData();
    const int spans = m_stream.size();
    // Through a const pointer: QList's non-const operator[] checks for a detach at every access.
    const Span *span = m_stream.spans().constData();
    m_tokens.reserve(size_t(spans) + 16);
    int k = 0; // the first shared token not behind the scan
    int para = 0;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = d[i];
        if (c.unicode() == u' ') {
            ++i;
            continue;
        }
        if (c == u'\n') {
            ++para;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        while (k < spans && span[k].start < i)
            ++k;
        Token &t = m_tokens.emplace_back();
        t.start = i;
        t.para = para;
        if (!(k < spans && span[k].start == i && sharedToken(m_body, i, span[k].end, t)))
            t = scanToken(m_body, i, para);
        i = t.end;
    }
    for (const Block &b : m_article.blocks) {
        auto it = std::lower_bound(m_tokens.begin(), m_tokens.end(), b.span.start,
                                   [](const Token &t, qsizetype pos) { return t.end <= pos; });
        for (; it != m_tokens.end() && it->start < b.span.end; ++it)
            it->inBlock = true;
    }
}

void Resolver::assignQuotesAndSentences()
{
    for (int qi = 0; qi < m_quotes.size(); ++qi) {
        const Span s = m_quotes.at(qi).span;
        if (s.start >= 0 && s.end <= m_body.size() && s.start < s.end)
            m_order.push_back(qi);
    }
    std::stable_sort(m_order.begin(), m_order.end(),
                     [this](int a, int b) { return m_quotes.at(a).span.start < m_quotes.at(b).span.start; });
    // Overlapping spans (a caller's own list) cannot be told apart by position: keep the first.
    std::vector<int> kept;
    qsizetype lastEnd = -1;
    for (int qi : m_order) {
        if (m_quotes.at(qi).span.start >= lastEnd) {
            kept.push_back(qi);
            lastEnd = m_quotes.at(qi).span.end;
        }
    }
    m_order = std::move(kept);
    m_qFirst.assign(m_order.size(), -1);
    m_qLast.assign(m_order.size(), -1);

    size_t oi = 0;
    for (int ti = 0; ti < int(m_tokens.size()); ++ti) {
        Token &t = m_tokens[size_t(ti)];
        while (oi < m_order.size() && m_quotes.at(m_order[oi]).span.end <= t.start)
            ++oi;
        if (oi < m_order.size() && m_quotes.at(m_order[oi]).span.start <= t.start) {
            t.quote = int(oi);
            if (m_qFirst[oi] < 0)
                m_qFirst[oi] = ti;
            m_qLast[oi] = ti;
        }
    }

    // “…?” Tova King asked Ada Scott.: a capitalised name, a speech verb and at most a name after a
    // question go on with it; "“…?” Mr. Cueto told the board that …" is a sentence of its own.
    auto nameThenVerb = [this](size_t ti) {
        const size_t n = m_tokens.size();
        auto nameRun = [&](size_t j) {
            while (j < n && j < ti + 8 && m_tokens[j].quote < 0
                   && ((m_tokens[j].word && m_tokens[j].upper) || isPunct(int(j), u'.')) && !isVerb(int(j))
                   && !(isPunct(int(j), u'.') && (j + 1 >= n || !m_tokens[j + 1].upper)))
                ++j;
            return j;
        };
        size_t j = nameRun(ti);
        if (j == ti || j >= n || m_tokens[j].quote >= 0 || !isVerb(int(j))
            || m_tokens[j].para != m_tokens[ti].para)
            return false;
        j = nameRun(j + 1);
        return j < n && !m_tokens[j].word && isSentenceEnd(m_body.at(m_tokens[j].start));
    };
    int sentence = 0;
    for (size_t ti = 0; ti < m_tokens.size(); ++ti) {
        Token &t = m_tokens[ti];
        if (ti > 0) {
            const Token &p = m_tokens[ti - 1];
            bool boundary = p.para != t.para;
            if (!boundary && p.quote < 0 && !p.word && isSentenceEnd(m_body.at(p.start)))
                boundary = true;
            if (!boundary && p.quote >= 0 && p.quote != t.quote) {
                // A quote that ends its own sentence ends the reporter's sentence too unless the
                // attribution follows in lower case: “Why now?” she asked.
                const QString &qt = m_quotes.at(m_order[size_t(p.quote)]).text;
                qsizetype k = qt.size() - 1;
                while (k >= 0 && (qt.at(k).isSpace() || isClosingMark(qt.at(k), qt)))
                    --k;
                if (k >= 0 && isSentenceEnd(qt.at(k)) && !t.lower && !(!t.word && m_body.at(t.start) == u','))
                    boundary = !((qt.at(k) == u'?' || qt.at(k) == u'!') && nameThenVerb(ti));
            }
            if (boundary)
                ++sentence;
        }
        t.sentence = sentence;
    }
}

} // namespace Lede::Speakers
