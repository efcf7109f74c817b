// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scanner behind FigureExtractor: one light tokenization of a paragraph, then one left-to-right
// scan for amounts. Its parts:
//   FigureExtractor.cpp    tokenization and the scan that assembles each Figure;
//   FigureAmounts.cpp      the amount parser: digits, word numbers, scales, qualifiers, non-figures;
//   FigureNouns.cpp        the counted-noun reader: plurals, participles, what happened to the count;
//   FigureAttribution.cpp  who gives the figure: "according to X", "X said", "by X's tally";
//   FigureWords.{h,cpp}    the word tables (resources/lexicon/) and character classes.
// Internal to model/analysis.

#include "Analysis.h"
#include "FigureWords.h"

#include <QList>
#include <QString>
#include <algorithm>
#include <vector>

namespace Lede::Figures {

enum class Kind : quint8 { Word, Number, Punct };

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
    qint32 sentence = 0;
    Kind kind = Kind::Punct;
    bool spaceBefore = true; // whitespace (or the start of the body) before the token
    bool hyphenMinus = false; // a word with a '-' inside ("twenty-five"): startsWordAmount looks closer
    quint32 flags = 0; // WordFlag bits of a word
};

struct Phrase
{
    qsizetype start = -1;
    qsizetype end = -1;
    bool isEmpty() const { return end <= start; }
};

struct Cue
{
    qsizetype token = 0;
    QString who;
};

struct SentenceCues
{
    std::vector<Cue> according; // "according to X", "by X's tally"
    std::vector<Cue> before; // "X said ..." usable for figures after the verb
    std::vector<Cue> after; // "..., X said" / "..., said X" usable for figures before it
};

struct Amount
{
    qsizetype first = 0;
    qsizetype last = 0;
    double value = 0;
    bool words = false; // spelt out ("nine", "a dozen")
    bool vague = false; // "hundreds", "tens of thousands"
    bool scaled = false; // a scale word or suffix was applied
    bool separators = false; // "3,482" or "2.3": clearly a quantity, not a label or a year
    bool plainFourDigits = false;
    bool percentSuffix = false; // "3pc"
    bool ambiguousM = false; // "5m": million, or metres when nothing is counted
    bool oneOnly = false; // a bare "one"
    qsizetype measure = -1; // token of a glued measurement unit ("5km")
};

class Scanner
{
public:
    Scanner(const QString &body, const QList<Entity> &entities)
        : m_body(body)
    {
        m_entities.reserve(size_t(entities.size()));
        for (const Entity &e : entities) {
            if (e.type == Entity::Type::Person || e.type == Entity::Type::Org || e.type == Entity::Type::Loc)
                m_entities.push_back(&e);
        }
        std::sort(m_entities.begin(), m_entities.end(),
                  [](const Entity *a, const Entity *b) { return a->span.end < b->span.end; });
    }

    QList<Figure> run();

private:
    void tokenize(qsizetype from, qsizetype to);
    void scan(QList<Figure> *out);

    qsizetype count() const { return qsizetype(m_tok.size()); }
    QStringView text(qsizetype i) const
    {
        return QStringView(m_body).mid(m_tok[size_t(i)].start, m_tok[size_t(i)].end - m_tok[size_t(i)].start);
    }
    const Token &tok(qsizetype i) const { return m_tok[size_t(i)]; }
    LowerKey lk(qsizetype i) const { return LowerKey(text(i)); }
    bool valid(qsizetype i) const { return i >= 0 && i < count(); }
    bool same(qsizetype i, qsizetype j) const
    {
        return valid(i) && valid(j) && m_tok[size_t(i)].sentence == m_tok[size_t(j)].sentence;
    }
    bool isWord(qsizetype i) const { return valid(i) && tok(i).kind == Kind::Word; }
    bool isNumber(qsizetype i) const { return valid(i) && tok(i).kind == Kind::Number; }
    bool isPunct(qsizetype i, char16_t c) const
    {
        return valid(i) && tok(i).kind == Kind::Punct && tok(i).end - tok(i).start == 1
            && m_body.at(tok(i).start).unicode() == c;
    }
    char16_t punctChar(qsizetype i) const
    {
        return (valid(i) && tok(i).kind == Kind::Punct) ? m_body.at(tok(i).start).unicode() : 0;
    }
    bool is(qsizetype i, Key w) const { return isWord(i) && lk(i).key() == w; }
    bool has(qsizetype i, quint32 flag) const { return isWord(i) && (tok(i).flags & flag); }
    // A spaced word in the same sentence as `anchor`: the next word of a phrase.
    bool nextWord(qsizetype i, qsizetype anchor) const
    {
        return isWord(i) && tok(i).spaceBefore && same(i, anchor);
    }
    bool capitalized(qsizetype i) const { return isWord(i) && m_body.at(tok(i).start).isUpper(); }
    bool lowercase(qsizetype i) const { return isWord(i) && m_body.at(tok(i).start).isLower(); }
    // "US", "WHO", "IT" are names, not the function words they spell.
    bool isStop(qsizetype i) const
    {
        if (!has(i, fStop))
            return false;
        const QStringView t = text(i);
        return t.size() < 2 || !std::all_of(t.begin(), t.end(), [](QChar c) { return c.isUpper(); });
    }
    // The period of an initial: "U.N.", "U.S."
    bool initialPeriod(qsizetype k) const
    {
        return isPunct(k, u'.') && !tok(k).spaceBefore && isWord(k - 1)
            && tok(k - 1).end - tok(k - 1).start == 1;
    }
    bool isMonth(qsizetype i) const { return capitalized(i) && has(i, fMonth); }

    bool startsWordAmount(qsizetype i) const;
    bool parseDigits(qsizetype i, Amount *a) const;
    bool parseWords(qsizetype i, Amount *a) const;
    bool isParticiple(qsizetype i) const;
    bool pluralLike(qsizetype i) const;
    bool isNounCandidate(qsizetype i, qsizetype anchor) const;
    qsizetype matchQualifier(qsizetype before, qsizetype minTok, QString *canonical) const;
    bool excludedCount(const Amount &a, bool qualified) const;
    QString verbPhraseAt(qsizetype i, qsizetype *last) const;
    QString followingVerb(qsizetype from, qsizetype anchor, bool allowAside, bool partitive) const;
    bool isPartitive(qsizetype start) const;

    Phrase phraseAfter(qsizetype t, qsizetype *possessive = nullptr) const;
    Phrase phraseBefore(qsizetype v, qsizetype *beforeFirst) const;
    QString resolve(const Phrase &p) const;
    const SentenceCues &cues(qsizetype sentenceTok);
    QString attribution(qsizetype first, qsizetype last);

    const QString &m_body;
    std::vector<const Entity *> m_entities;
    std::vector<Token> m_tok;
    std::vector<qsizetype> m_sentenceStart; // first token of each sentence
    // Figures come in token order, so each sentence's cues are needed in one stretch only.
    qint32 m_cueSentence = -1;
    SentenceCues m_cues;
};

// "3,482", "2.5": the value of a run of digits with separators.
bool parseNumberText(QStringView t, double *value);

// The first line end ('\n', '\r', U+2028, U+2029) in d[from, n), or n: the scanner reads one line
// (paragraph) at a time.
qsizetype lineEnd(const QChar *d, qsizetype from, qsizetype n);

} // namespace Lede::Figures
