// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureExtractor.h"

#include "FigureScanner.h"
#include "Tokenizer.h"

#include <string>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace Lede {
namespace Figures {

qsizetype lineEnd(const QChar *d, qsizetype from, qsizetype n)
{
    qsizetype i = from;
#ifdef __SSE2__
    // Eight units at a time: most blocks hold no line end (a paragraph is hundreds of characters).
    const __m128i nl = _mm_set1_epi16(u'\n');
    const __m128i cr = _mm_set1_epi16(u'\r');
    const __m128i sepMask = _mm_set1_epi16(qint16(0xfffe));
    const __m128i sep = _mm_set1_epi16(0x2028);
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        const __m128i end = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, nl), _mm_cmpeq_epi16(v, cr)),
                                         _mm_cmpeq_epi16(_mm_and_si128(v, sepMask), sep));
        if (_mm_movemask_epi8(end) != 0)
            break; // the unit-by-unit loop below finds which
    }
#endif
    for (; i < n; ++i) {
        const char16_t c = d[i].unicode();
        // Two tests for most characters: the line ends lie below U+000E and at U+2028-U+2029.
        if (c < 0x0e ? (c == u'\n' || c == u'\r') : (c >= 0x2028 && c <= 0x2029))
            return i;
    }
    return n;
}

void Scanner::tokenize(qsizetype from, qsizetype to)
{
    m_tok.clear();
    m_sentenceStart.clear();
    m_cueSentence = -1;
    const QChar *d = m_body.constData();
    const qsizetype n = to;
    qsizetype i = from;
    bool space = true;
    bool newline = false;
    bool pendingEnd = false;
    qint32 sentence = 0;
    m_sentenceStart.push_back(0);
    while (i < n) {
        const char16_t c = d[i].unicode();
        if (QChar::isSpace(c)) {
            space = true;
            if (c == u'\n' || c == u'\r' || c == u'\u2029' || c == u'\u2028')
                newline = true;
            ++i;
            continue;
        }
        const qsizetype s = i;
        Kind kind = Kind::Punct;
        bool hyphenMinus = false;
        if (isAsciiDigit(c)) {
            kind = Kind::Number;
            ++i;
            while (i < n) {
                const char16_t x = d[i].unicode();
                if (isAsciiDigit(x))
                    ++i;
                else if ((x == u',' || x == u'.') && i + 1 < n && isAsciiDigit(d[i + 1].unicode()))
                    i += 2;
                else
                    break;
            }
        } else if (isLetterLike(c)) {
            kind = Kind::Word;
            ++i;
            for (;;) {
                i = Tokenizer::asciiAlnumEnd(d, i, n); // the plain run, several units at a time
                if (i >= n)
                    break;
                const char16_t x = d[i].unicode();
                if (isLetterLike(x) || isAsciiDigit(x)) {
                    ++i;
                } else if (i + 1 < n
                           && (((x == u'\'' || x == u'\u2019') && isLetterLike(d[i + 1].unicode()))
                               || (isHyphen(x)
                                   && (isLetterLike(d[i + 1].unicode())
                                       || isAsciiDigit(d[i + 1].unicode()))))) {
                    hyphenMinus = hyphenMinus || x == u'-';
                    i += 2;
                } else {
                    break;
                }
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && d[i + 1].isLowSurrogate()) {
            i += 2;
        } else {
            ++i;
        }

        if (!m_tok.empty()) {
            bool boundary = newline;
            if (!boundary && pendingEnd && space) {
                const QChar first = d[s];
                boundary = first.isUpper() || isAsciiDigit(c) || c == u'\u201C' || c == u'"' || c == u'\u2018'
                    || c == u'(' || c == u'\u00AB' || first.isHighSurrogate();
            }
            if (boundary) {
                ++sentence;
                m_sentenceStart.push_back(qsizetype(m_tok.size()));
            }
        }

        const bool carry = pendingEnd && !space && kind == Kind::Punct && isClosingQuote(c);
        pendingEnd = carry;
        if (kind == Kind::Punct && (c == u'.' || c == u'!' || c == u'?' || c == u'\u2026')) {
            bool abbreviation = false;
            if (c == u'.' && !space && !m_tok.empty() && m_tok.back().kind == Kind::Word) {
                const Token &w = m_tok.back();
                const QStringView word = QStringView(m_body).mid(w.start, w.end - w.start);
                abbreviation = word.size() == 1 || (w.flags & fAbbrev);
            }
            pendingEnd = !abbreviation;
        }
        const quint32 flags = kind == Kind::Word ? wordFlags(LowerKey(QStringView(d + s, i - s)).key()) : 0;
        m_tok.push_back({ s, i, sentence, kind, space, hyphenMinus, flags });
        space = false;
        newline = false;
    }
}

// Sentences never cross a line break, so the body is scanned one paragraph (line) at a time: the
// token buffer stays small and warm in the cache.
QList<Figure> Scanner::run()
{
    QList<Figure> out;
    const QChar *d = m_body.constData();
    const qsizetype n = m_body.size();
    qsizetype from = 0;
    while (from < n) {
        const qsizetype to = lineEnd(d, from, n);
        if (to > from) {
            tokenize(from, to);
            scan(&out);
        }
        from = to + 1;
    }
    return out;
}

void Scanner::scan(QList<Figure> *out)
{
    qsizetype minTok = 0;
    for (qsizetype i = 0; i < count(); ++i) {
        const Kind kind = tok(i).kind;
        // Most words are no amount, and the token alone says so: no call for them.
        if (kind == Kind::Punct
            || (kind == Kind::Word
                && ((!(tok(i).flags & (fUnit | fVague | fScale)) && !tok(i).hyphenMinus)
                    || !startsWordAmount(i))))
            continue;

        Amount a;
        if (kind == Kind::Number ? !parseDigits(i, &a) : !parseWords(i, &a))
            continue;
        if (!std::isfinite(a.value)) // "9 trillion trillion trillion": nothing a reader can use
            continue;
        if (a.words && (is(i, "a") || is(i, "an")))
            a.first = i;
        else if (a.words && (is(i - 1, "a") || is(i - 1, "an")) && same(i - 1, i) && i - 1 >= minTok)
            a.first = i - 1;

        // currency in front: "$2.5", "US$5", "€40", "USD 5m"
        qsizetype start = a.first;
        QString unit;
        bool money = false;
        bool percent = false;
        if (!a.words && valid(a.first - 1) && a.first - 1 >= minTok && same(a.first - 1, a.first)) {
            const qsizetype p = a.first - 1;
            if (const QString *code = currencyForSymbol(punctChar(p))) {
                start = p;
                unit = *code;
                if (punctChar(p) == u'$' && isWord(p - 1) && !tok(p).spaceBefore && p - 1 >= minTok) {
                    const LowerKey l = lk(p - 1);
                    if (auto it = figureWords().dollarPrefixes.find(l.key());
                        !l.key().empty() && it != figureWords().dollarPrefixes.end()) {
                        start = p - 1;
                        unit = it->second;
                    }
                }
                money = true;
            } else if (isWord(p) && tok(a.first).spaceBefore && text(p).size() == 3
                       && text(p).front().isUpper() && text(p).back().isUpper() && has(p, fIso)) {
                start = p;
                unit = text(p).toString();
                if (unit == u"RMB"_s)
                    unit = u"CNY"_s;
                else if (unit == u"NIS"_s)
                    unit = u"ILS"_s;
                money = true;
            }
        }

        qsizetype last = a.last;
        // currency after: "2.3 billion crowns", "5 million euros", "40 million Swiss francs", "5m USD"
        if (!money && !a.percentSuffix && a.measure < 0) {
            qsizetype j = a.last + 1;
            if (a.vague && is(j, "of"))
                ++j;
            if (nextWord(j, i)) {
                const LowerKey l = lk(j);
                const Key k = l.key();
                if (has(j, fIso) && text(j).size() == 3 && text(j).front().isUpper()
                    && text(j).back().isUpper()) {
                    unit = text(j).toString();
                    money = true;
                    last = j;
                } else if (auto it = figureWords().currencyWords.find(k); !k.empty()
                           && it != figureWords().currencyWords.end()
                           && !((k == "pounds" || k == "pound") && is(j + 1, "of"))) {
                    unit = !it->second.isEmpty() ? it->second : text(j).toString().toLower();
                    money = true;
                    last = j;
                    if ((k == "pounds" || k == "pound") && is(j + 1, "sterling") && nextWord(j + 1, i))
                        last = j + 1;
                } else if (nextWord(j + 1, i) && !k.empty()) {
                    const LowerKey l2 = lk(j + 1);
                    std::string pair(k);
                    pair += ' ';
                    pair += l2.key();
                    const auto &nat = figureWords().nationalCurrencies;
                    if (auto n = nat.find(pair); !l2.key().empty() && n != nat.end()) {
                        unit = n->second;
                        money = true;
                        last = j + 1;
                    }
                }
                // "5 million U.S. dollars"
                if (!money && is(j, "u") && isPunct(j + 1, u'.') && is(j + 2, "s") && isPunct(j + 3, u'.')
                    && (is(j + 4, "dollars") || is(j + 4, "dollar")) && same(j + 4, i)) {
                    unit = u"USD"_s;
                    money = true;
                    last = j + 4;
                }
            }
        }

        // "between 5,000 and 6,000 protesters", "5 to 7 percent": the first amount of a range shares the
        // unit of the second, but its span stays its own
        const qsizetype rangeNext = a.last + 2;
        const bool ranged = !a.words && !money && nextWord(a.last + 1, i)
            && (is(a.last + 1, "to") || is(a.last + 1, "and") || is(a.last + 1, "or")) && isNumber(rangeNext)
            && same(rangeNext, i) && tok(rangeNext).spaceBefore;

        // percentages: "41%", "60 percent", "12.5 per cent", "3pc", "2 percentage points"
        if (!money) {
            const auto percentAt = [&](qsizetype j, qsizetype *end) -> QString {
                if (isPunct(j, u'%') && same(j, i)) {
                    *end = j;
                    return u"%"_s;
                }
                if (nextWord(j, i) && (is(j, "percent") || is(j, "pct"))) {
                    *end = j;
                    return u"%"_s;
                }
                if (nextWord(j, i) && is(j, "per") && nextWord(j + 1, i) && is(j + 1, "cent")) {
                    *end = j + 1;
                    return u"%"_s;
                }
                if (nextWord(j, i) && is(j, "percentage") && nextWord(j + 1, i)
                    && (is(j + 1, "points") || is(j + 1, "point"))) {
                    *end = j + 1;
                    return u"percentage points"_s;
                }
                return {};
            };
            qsizetype end = last;
            if (a.percentSuffix) {
                percent = true;
                unit = u"%"_s;
            } else if (const QString u = percentAt(a.last + 1, &end); !u.isEmpty()) {
                percent = true;
                unit = u;
                last = end;
            } else if (ranged) {
                qsizetype ignored = 0;
                if (const QString u = percentAt(rangeNext + 1, &ignored); !u.isEmpty()) {
                    percent = true;
                    unit = u;
                }
            }
        }

        QString qualifier;
        const qsizetype qualifierFirst = matchQualifier(start - 1, minTok, &qualifier);
        if (qualifierFirst >= 0)
            start = qualifierFirst;

        if (!money && !percent) {
            if (excludedCount(a, qualifierFirst >= 0))
                continue;
            if (a.oneOnly)
                continue;
            if (a.measure >= 0) {
                unit = text(a.measure).toString();
            } else {
                // the counted noun phrase
                qsizetype j = a.last + 1;
                bool headless = false;
                if (nextWord(j, i) && is(j, "more") && !is(j + 1, "than"))
                    ++j;
                if (nextWord(j, i) && is(j, "of")) {
                    if (nextWord(j + 1, i)
                        && (is(j + 1, "them") || is(j + 1, "whom") || is(j + 1, "us")
                            || is(j + 1, "those"))) {
                        headless = true;
                    } else {
                        ++j;
                        if (nextWord(j, i)
                            && (is(j, "the") || is(j, "these") || is(j, "their") || is(j, "its")
                                || is(j, "his") || is(j, "her") || is(j, "our")))
                            ++j;
                    }
                }
                headless = headless || (nextWord(a.last + 1, i) && is(a.last + 1, "who"));
                qsizetype nounFirst = -1;
                qsizetype nounLast = -1;
                QString verb;
                bool plural = false;
                for (int words = 0; words < 3 && nextWord(j, i); ++words, ++j) {
                    if (isStop(j) || has(j, fUnit | fVague))
                        break;
                    if (isMonth(j) || has(j, fScale))
                        break;
                    if (isParticiple(j)) {
                        if (nounFirst < 0 && !isNounCandidate(j + 1, i)) {
                            // "2,950 wounded": the participle is what is counted, so it is in the span
                            qsizetype verbLast = j;
                            verb = verbPhraseAt(j, &verbLast);
                            last = verbLast;
                            break;
                        }
                        if (nounFirst >= 0)
                            break; // "people taken hostage": the verb phrase starts here
                    }
                    if (nounFirst < 0)
                        nounFirst = j;
                    nounLast = j;
                    if (pluralLike(j)) {
                        plural = true;
                        break;
                    }
                }
                // The phrase ends at its first plural ("1.2bn users worldwide"); a phrase without one
                // is not what is counted ("the two met", "a 5m wall"), except after a single unit.
                if (!plural && nounFirst >= 0) {
                    if (a.value == 1 && !a.scaled)
                        nounLast = nounFirst;
                    else
                        nounFirst = nounLast = -1;
                }
                if (nounLast >= 0 && has(nounLast, fTime))
                    continue; // "two months ago", "100 days": a duration, not a count
                if (a.ambiguousM && nounLast < 0) {
                    a.value /= 1e6; // "a 5m wall": metres
                    unit = text(a.last).toString();
                } else {
                    if (verb.isEmpty()) {
                        const qsizetype from = nounLast >= 0 ? nounLast + 1 : a.last + 1;
                        verb = followingVerb(from, i, nounLast >= 0, isPartitive(start));
                    }
                    if (verb.isEmpty() && valid(start - 1) && same(start - 1, i) && isWord(start - 1)) {
                        const LowerKey l = lk(start - 1);
                        if (auto it = figureWords().precedingVerbs.find(l.key()); !l.key().empty()
                            && it != figureWords().precedingVerbs.end() && lowercase(start - 1))
                            verb = it->second;
                    }
                    if (nounLast < 0 && verb.isEmpty() && ranged && nextWord(rangeNext + 1, i)) {
                        if (pluralLike(rangeNext + 1) && !isStop(rangeNext + 1))
                            unit = text(rangeNext + 1).toString();
                        else if (nextWord(rangeNext + 2, i) && pluralLike(rangeNext + 2)
                                 && !isStop(rangeNext + 1) && !isStop(rangeNext + 2)
                                 && !isParticiple(rangeNext + 1))
                            unit = m_body
                                       .mid(tok(rangeNext + 1).start,
                                            tok(rangeNext + 2).end - tok(rangeNext + 1).start)
                                       .simplified();
                    }
                    if (a.words && nounLast < 0 && verb.isEmpty() && !headless)
                        continue; // "the two met": a word number that counts nothing
                    if (nounLast >= 0) {
                        unit = m_body.mid(tok(nounFirst).start, tok(nounLast).end - tok(nounFirst).start)
                                   .simplified();
                        last = nounLast;
                    }
                    if (!verb.isEmpty())
                        unit = unit.isEmpty() ? verb : unit + u' ' + verb;
                }
            }
        }

        if (a.vague && qualifier.isEmpty())
            qualifier = u"more than"_s;

        Figure f;
        f.span = Span { tok(start).start, tok(last).end };
        f.text = m_body.mid(f.span.start, f.span.length());
        f.value = a.value;
        f.unit = unit;
        f.qualifier = qualifier;
        f.attributedTo = attribution(start, last);
        out->append(std::move(f));
        minTok = last + 1;
        i = last;
    }
}

} // namespace Figures

QList<Figure> FigureExtractor::extract(const QString &body, const QList<Entity> &entities)
{
    Figures::Scanner scanner(body, entities);
    return scanner.run();
}

} // namespace Lede
