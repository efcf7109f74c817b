// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuoteDetector.h"

#include "NameHeuristics.h"
#include "SpeechVerbs.h"

#include <algorithm>

namespace Lede {

namespace {

constexpr char16_t kLeftDouble = u'\u201C';
constexpr char16_t kRightDouble = u'\u201D';
constexpr char16_t kLeftGuillemet = u'\u00AB';
constexpr char16_t kRightGuillemet = u'\u00BB';
constexpr char16_t kLowDouble = u'\u201E'; // German and others open with it: „…“

bool isOpener(QChar c)
{
    return c == kLeftDouble || c == kLeftGuillemet || c == kLowDouble || c == u'"';
}

bool isCloser(QChar c)
{
    return c == kRightDouble || c == kRightGuillemet || c == u'"';
}

bool isQuoteMark(QChar c)
{
    return isOpener(c) || isCloser(c);
}

// Characters after which a mark opens rather than closes a quote.
bool isOpeningContext(QChar c)
{
    return c.isSpace() || c == u'(' || c == u'[' || c == u'\u2014' || c == u'\u2013' || c == u'-'
        || c == u'/';
}

bool isClosingContext(QChar c)
{
    return c.isSpace() || c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?'
        || c == u')' || c == u']' || c == u'\u2014' || c == u'\u2013' || c == u'\u2026';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'\'' || c == u'\u2019' || c == u'-';
}

struct Paragraph
{
    qsizetype start;
    qsizetype end; // exclusive, trailing whitespace removed
};

QList<Paragraph> paragraphs(const QString &body)
{
    QList<Paragraph> out;
    qsizetype start = 0;
    const qsizetype n = body.size();
    while (start <= n) {
        qsizetype end = body.indexOf(u'\n', start);
        if (end < 0)
            end = n;
        qsizetype s = start;
        qsizetype e = end;
        while (s < e && body.at(s).isSpace())
            ++s;
        while (e > s && body.at(e - 1).isSpace())
            --e;
        if (e > s)
            out.append({ s, e });
        start = end + 1;
    }
    return out;
}

// Reads the words before `pos` back to a sentence end or another quotation mark, at most `maxWords`.
bool speechVerbBefore(const QString &body, qsizetype pos, qsizetype floor, int maxWords)
{
    qsizetype i = pos - 1;
    int words = 0;
    while (i >= floor && words < maxWords) {
        const QChar c = body.at(i);
        if (c == u'.' || c == u'?' || c == u'!' || isQuoteMark(c))
            return false;
        if (!isWordChar(c)) {
            --i;
            continue;
        }
        const qsizetype end = i + 1;
        while (i >= floor && isWordChar(body.at(i)))
            --i;
        const QStringView word = QStringView(body).sliced(i + 1, end - i - 1);
        if (!word.isEmpty() && word.at(0).isLower() && SpeechVerbs::contains(word))
            return true;
        ++words;
    }
    return false;
}

// One step of a forward walk over words from `i` to `ceiling`: the next word, with `i` moved past it;
// or none, with `stop` the sentence end (. ? ! ;), quotation mark or (if asked) comma found first, `i`
// left on it, and a null `stop` at the ceiling.
struct WordStep
{
    QStringView word;
    QChar stop;
};

WordStep nextWord(const QString &body, qsizetype &i, qsizetype ceiling, bool stopAtComma = false)
{
    while (i < ceiling) {
        const QChar c = body.at(i);
        if (c == u'.' || c == u'?' || c == u'!' || c == u';' || isQuoteMark(c) || (stopAtComma && c == u','))
            return { {}, c };
        if (!isWordChar(c)) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < ceiling && isWordChar(body.at(i)))
            ++i;
        return { QStringView(body).sliced(start, i - start), QChar() };
    }
    return {};
}

// Reads the words after `pos` up to a sentence end or another quotation mark, at most `maxWords`.
bool speechVerbAfter(const QString &body, qsizetype pos, qsizetype ceiling, int maxWords)
{
    qsizetype i = pos;
    for (int words = 0; words < maxWords; ++words) {
        const QStringView word = nextWord(body, i, ceiling).word;
        if (word.isEmpty())
            return false;
        if (word.at(0).isLower() && (SpeechVerbs::contains(word) || word == QLatin1StringView("according")))
            return true;
        // "as Ada Lind put it"
        if ((word == QLatin1StringView("put") || word == QLatin1StringView("puts")) && i + 3 <= ceiling
            && QStringView(body).sliced(i, 3) == QLatin1StringView(" it")
            && (i + 3 == ceiling || !isWordChar(body.at(i + 3))))
            return true;
    }
    return false;
}

// A short clause that ends the sentence and holds a speech verb among its first words, after a comma:
// ", an official said." or ", said Ada Lind, a teacher." but not ", while an estimated third were" or
// ", others said they would …".
bool attributionClause(const QString &body, qsizetype pos, qsizetype ceiling)
{
    static const QLatin1StringView joiners[]
        = { QLatin1StringView("and"),   QLatin1StringView("but"),   QLatin1StringView("while"),
            QLatin1StringView("which"), QLatin1StringView("who"),   QLatin1StringView("although"),
            QLatin1StringView("as"),    QLatin1StringView("with"),  QLatin1StringView("whereas"),
            QLatin1StringView("or"),    QLatin1StringView("where"), QLatin1StringView("when") };
    qsizetype i = pos;
    int words = 0;
    int verbAt = 0; // the speech verb's place among the clause's words, from 1
    bool timeAfter = false;
    for (;;) {
        const WordStep step = nextWord(body, i, ceiling);
        if (step.word.isEmpty()) {
            if (isQuoteMark(step.stop))
                return false;
            break; // the sentence or the paragraph ends
        }
        const QStringView word = step.word;
        if (++words > 12)
            return false;
        if (words == 1)
            for (auto j : joiners)
                if (word == j)
                    return false;
        if (verbAt == 0 && words <= 5 && word.at(0).isLower() && SpeechVerbs::contains(word))
            verbAt = words;
        else if (verbAt > 1 && words == verbAt + 1)
            timeAfter = word.at(0).isUpper() || SpeechVerbs::isTimeAfterVerb(word);
    }
    // After its subject, the verb ends the clause but for a time ("an official said on Monday"); a
    // clause of its own after it is reported speech ("others said they would …").
    return verbAt == 1 || (verbAt > 1 && (words == verbAt || (timeAfter && words - verbAt <= 3)));
}

// A speech verb among the first words after the next comma of the sentence: the attribution of a
// fragment the sentence runs on from (The closure was “a real blow” to the town, an official said.).
bool speechVerbAfterComma(const QString &body, qsizetype pos, qsizetype ceiling)
{
    qsizetype i = pos;
    for (int words = 0; words <= 12; ++words) {
        const WordStep step = nextWord(body, i, ceiling, true);
        if (step.word.isEmpty())
            return step.stop == u',' && attributionClause(body, i + 1, ceiling);
    }
    return false;
}

QStringView previousWord(const QString &body, qsizetype pos, qsizetype floor)
{
    qsizetype i = pos - 1;
    while (i >= floor && body.at(i).isSpace())
        --i;
    const qsizetype end = i + 1;
    while (i >= floor && isWordChar(body.at(i)))
        --i;
    return QStringView(body).sliced(i + 1, end - i - 1);
}

struct InnerShape
{
    int words = 0;
    bool upperStart = false;
    bool titleCase = true;
    QChar last; // last non-space character inside the marks
};

InnerShape shapeOf(const QString &body, qsizetype from, qsizetype to)
{
    InnerShape s;
    bool firstLetterSeen = false;
    qsizetype i = from;
    while (i < to) {
        if (!isWordChar(body.at(i))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < to && isWordChar(body.at(i)))
            ++i;
        const QStringView word = QStringView(body).sliced(start, i - start);
        bool hasLetter = false;
        for (QChar c : word)
            hasLetter = hasLetter || c.isLetterOrNumber();
        if (!hasLetter)
            continue;
        ++s.words;
        if (!firstLetterSeen) {
            firstLetterSeen = true;
            s.upperStart = word.at(0).isUpper() || word.at(0).isDigit();
        }
        static const QLatin1StringView smallWords[]
            = { QLatin1StringView("of"), QLatin1StringView("the"), QLatin1StringView("and"),
                QLatin1StringView("a"),  QLatin1StringView("an"),  QLatin1StringView("in"),
                QLatin1StringView("on"), QLatin1StringView("for"), QLatin1StringView("to"),
                QLatin1StringView("at") };
        if (!word.at(0).isUpper() && !word.at(0).isDigit()) {
            bool small = false;
            for (auto w : smallWords)
                small = small || word == w;
            if (!small || s.words == 1)
                s.titleCase = false;
        }
    }
    for (qsizetype j = to - 1; j >= from; --j) {
        if (!body.at(j).isSpace()) {
            s.last = body.at(j);
            break;
        }
    }
    return s;
}

Quote::Kind classify(const QString &body, const Paragraph &para, qsizetype start, qsizetype end, bool closed,
                     bool continuation)
{
    if (continuation)
        return Quote::Kind::Direct;
    const InnerShape shape = shapeOf(body, start + 1, closed ? end - 1 : end);
    const bool endsSentence
        = shape.last == u'.' || shape.last == u'?' || shape.last == u'!' || shape.last == u'\u2026';

    // What stands right before the opening mark decides whether the quote starts a sentence.
    qsizetype p = start - 1;
    while (p >= para.start && body.at(p).isSpace())
        --p;
    bool sentenceStart = p < para.start;
    bool introduced = false;
    if (!sentenceStart) {
        const QChar prev = body.at(p);
        if (prev == u'.' || prev == u'?' || prev == u'!' || isCloser(prev))
            sentenceStart = true;
        else if (prev == u':')
            introduced = true;
        else if (prev == u',' && speechVerbBefore(body, p, para.start, 3))
            introduced = true; // He said, “We will stay.”
    }
    // "Re. “Ferry fares rise again,” Page 4:": a letter names the headline it answers, nobody's words.
    if (p >= para.start + 2 && (body.at(p) == u'.' || body.at(p) == u':')) {
        const QStringView re = previousWord(body, p, para.start);
        const qsizetype reStart = p - re.size();
        if (re.compare(QLatin1StringView("re"), Qt::CaseInsensitive) == 0
            && (reStart == para.start || !isWordChar(body.at(reStart - 1))))
            return Quote::Kind::Scare;
    }
    const bool verbBefore = speechVerbBefore(body, start, para.start, 4);
    const bool verbAfter = speechVerbAfter(body, end, para.end, 6);
    const bool verbNear = verbBefore || verbAfter;
    // A speech verb earlier in the same sentence makes a short fragment a partial quote:
    // It said the talks had been “frank but constructive.”
    // A term inside a noun phrase is no fragment of speech even before an attribution: "The “smart”
    // meters failed, officials said."
    const bool insidePhrase = [&] {
        static const QLatin1StringView determiners[]
            = { QLatin1StringView("the"), QLatin1StringView("a"),     QLatin1StringView("an"),
                QLatin1StringView("its"), QLatin1StringView("their"), QLatin1StringView("his"),
                QLatin1StringView("her"), QLatin1StringView("our"),   QLatin1StringView("this") };
        const QStringView before = previousWord(body, start, para.start);
        bool determiner = false;
        for (auto d : determiners)
            determiner = determiner || before.compare(d, Qt::CaseInsensitive) == 0;
        qsizetype q = end;
        while (q < para.end && body.at(q).isSpace())
            ++q;
        return determiner && q < para.end && body.at(q).isLower();
    }();
    const bool verbInSentence = verbNear || speechVerbBefore(body, start, para.start, 25)
        || (closed && !insidePhrase && speechVerbAfterComma(body, end, para.end));

    if (sentenceStart || introduced) {
        if (shape.words <= 3 && !verbNear && !introduced && !endsSentence)
            return Quote::Kind::Scare;
        // A title or term as the sentence's subject, or qualifying it: “The Long Night Home” sold a
        // million copies; “Tidewater” producer Ada Lind said. The marks close on a word, and a word that
        // is no speech verb or pronoun follows.
        // Before a speech verb only a title qualifies ("“Tidewater” producer Ada Lind said"); a short
        // quote is direct there ("“We are ready” the coach said").
        if (!introduced && (shape.titleCase || (shape.words <= 3 && !verbAfter)) && shape.words <= 8 && closed
            && shape.last.isLetterOrNumber()) {
            qsizetype q = end;
            while (q < para.end && body.at(q).isSpace())
                ++q;
            qsizetype w = q;
            while (w < para.end && isWordChar(body.at(w)))
                ++w;
            const QStringView next = QStringView(body).sliced(q, w - q);
            static const QLatin1StringView pronouns[]
                = { QLatin1StringView("he"), QLatin1StringView("she"), QLatin1StringView("they"),
                    QLatin1StringView("we"), QLatin1StringView("it"),  QLatin1StringView("i") };
            bool pronoun = false;
            for (auto word : pronouns)
                pronoun = pronoun || next.compare(word, Qt::CaseInsensitive) == 0;
            if (!next.isEmpty() && next.at(0).isLower() && !pronoun && !SpeechVerbs::contains(next))
                return Quote::Kind::Scare;
        }
        return Quote::Kind::Direct;
    }
    const QStringView before = previousWord(body, start, para.start);
    if (before.compare(QLatin1StringView("so-called"), Qt::CaseInsensitive) == 0
        || before == QLatin1StringView("dubbed") || before == QLatin1StringView("nicknamed")
        || before == QLatin1StringView("titled") || before == QLatin1StringView("entitled")
        || before == QLatin1StringView("word") || before == QLatin1StringView("term"))
        return Quote::Kind::Scare;
    if (shape.titleCase && shape.words <= 8 && !verbNear)
        return Quote::Kind::Scare; // a title: the film “The Long Night Home”
    // A title that the sentence runs on from, even after a speech verb: told “Morning Show” host Ada Lind.
    if (shape.titleCase && shape.words <= 8 && closed && !endsSentence && shape.last != u',' && !verbAfter) {
        qsizetype q = end;
        while (q < para.end && body.at(q).isSpace())
            ++q;
        if (q < para.end && body.at(q).isLetter())
            return Quote::Kind::Scare;
    }
    if (shape.words <= 3 && !verbInSentence)
        return Quote::Kind::Scare;
    if (shape.upperStart && shape.words >= 4 && verbNear
        && (endsSentence || shape.last == u',' || shape.last == u'?' || shape.last == u'!'))
        return Quote::Kind::Direct; // He told reporters “We will not give up.”
    return Quote::Kind::Partial;
}

// Whether the first quotation mark of a paragraph closes a quote that the paragraph did not open: a
// curly or angled closing mark, or a straight one right after the text ('early."'), with no opening
// mark before it.
bool onlyCloses(const QString &body, const Paragraph &para)
{
    for (qsizetype i = para.start; i < para.end; ++i) {
        const QChar c = body.at(i);
        if (!isQuoteMark(c))
            continue;
        if (c == kRightDouble || c == kRightGuillemet)
            return i > para.start;
        if (c != u'"' || i == para.start || body.at(i - 1).isSpace())
            return false;
        return i + 1 >= para.end || isClosingContext(body.at(i + 1));
    }
    return false;
}

// Whether an opening mark at `mark` re-opens a quote that is still open at `open`: a quote that runs on
// over a lost paragraph break (“… again. “I’d call …). The mark follows the end of a sentence and a
// space, and the open piece has a few words. Returns the end of the piece (after its last
// punctuation), or -1.
qsizetype runOnPieceEnd(const QString &body, qsizetype open, qsizetype mark)
{
    if (mark < 2 || !body.at(mark - 1).isSpace())
        return -1;
    qsizetype e = mark - 1;
    while (e > open && body.at(e).isSpace())
        --e;
    const QChar last = body.at(e);
    if (last != u'.' && last != u'?' && last != u'!' && last != u'\u2026')
        return -1;
    const InnerShape shape = shapeOf(body, open + 1, e + 1);
    if (shape.words < 3 || !shape.upperStart) // "voted “ yes to the plan. “We …": a stray mark
        return -1;
    return e + 1;
}

bool isSingleOpener(QChar c)
{
    return c == u'\u2018' || c == u'\'';
}

bool isSingleCloser(QChar c)
{
    return c == u'\u2019' || c == u'\'';
}

// Quotations in single marks (‘…’, '…') in one paragraph, outside its double quotes `doubles` (sorted):
// British style, and a word a reporter quotes (was ‘appalled’). An apostrophe must never open or close
// one, so the marks need a clear shape. The opening mark starts the paragraph or follows a space, a
// bracket or a dash, and a letter follows it. The closing mark (of the same style) follows a letter or
// . , ! ? and stands before a space, punctuation or the paragraph end, never before a letter or digit;
// a plural possessive is no closing mark. A straight quote needs two words with a space between ('dd/MM'
// is a format), a curly one that or a word of three letters (rock ‘n’ roll is no quote), and neither
// holds more than 60 words unless it is the whole paragraph. Opened after a colon, one runs on when
// the next paragraph (at `next`) opens with the same mark. Both British style.
QList<Span> singleQuoteSpans(const QString &body, qsizetype from, qsizetype to, const QList<Span> &doubles,
                             qsizetype next)
{
    QList<Span> out;
    qsizetype open = -1;
    qsizetype di = 0;
    for (qsizetype i = from; i < to; ++i) {
        while (di < doubles.size() && doubles.at(di).end <= i)
            ++di;
        if (di < doubles.size() && doubles.at(di).start <= i) { // inside a double quote
            open = -1;
            i = doubles.at(di).end - 1;
            continue;
        }
        const QChar c = body.at(i);
        if (open >= 0 && isSingleCloser(c) && (c == u'\'') == (body.at(open) == u'\'') && i > open + 1) {
            const QChar prev = body.at(i - 1);
            const bool prevOk
                = prev.isLetterOrNumber() || prev == u'.' || prev == u',' || prev == u'!' || prev == u'?';
            const bool nextOk
                = i + 1 >= to || !(body.at(i + 1).isLetterOrNumber() || body.at(i + 1).isMark());
            if (prevOk && nextOk && !NameHeuristics::isPluralPossessiveMark(QStringView(body).first(to), i)) {
                const InnerShape shape = shapeOf(body, open + 1, i);
                const bool curly = c == u'\u2019';
                const bool spaced = QStringView(body).sliced(open + 1, i - open - 1).contains(u' ');
                if ((shape.words <= 60 || (open == from && i + 2 >= to))
                    && ((shape.words >= 2 && spaced) || (curly && i - open - 1 >= 3)))
                    out.append({ open, i + 1 });
                open = -1;
                continue;
            }
        }
        if (open < 0 && isSingleOpener(c) && (i == from || isOpeningContext(body.at(i - 1))) && i + 1 < to
            && body.at(i + 1).isLetter())
            open = i;
    }
    const qsizetype before = open - 1 - (open > from && body.at(open - 1) == u' '); // "said: '…"
    if (open >= 0 && next >= 0 && next + 1 < body.size() && (before < from || body.at(before) == u':')
        && body.at(next) == body.at(open) && body.at(next + 1).isLetter()
        && shapeOf(body, open + 1, to).words >= 3)
        out.append({ open, to });
    return out;
}

} // namespace

QList<Quote> QuoteDetector::detect(const QString &body)
{
    QList<Quote> quotes;
    const QList<Paragraph> paras = paragraphs(body);
    bool continuesIntoThis = false;
    bool openAtStart = false; // the previous paragraph's quote runs on here without a new mark
    for (qsizetype pi = 0; pi < paras.size(); ++pi) {
        const Paragraph &para = paras.at(pi);
        qsizetype open = openAtStart ? para.start : -1;
        openAtStart = false;
        const qsizetype firstQuoteOfPara = quotes.size();
        bool firstInPara = true;
        bool runOn = false; // the last piece ran on without a closing mark; the next piece continues it
        auto addQuote = [&](qsizetype start, qsizetype end, bool closed) {
            const bool continuation = (firstInPara && continuesIntoThis && start == para.start) || runOn;
            runOn = false;
            // Marks around nothing but spaces and punctuation quote no one.
            const QStringView inner = QStringView(body).mid(start, end - start);
            if (std::none_of(inner.begin(), inner.end(), [](QChar ch) { return ch.isLetterOrNumber(); }))
                return;
            Quote q;
            q.span = { start, end };
            q.text = body.mid(start, end - start);
            q.kind = classify(body, para, start, end, closed, continuation);
            quotes.append(std::move(q));
            firstInPara = false;
        };
        for (qsizetype i = para.start; i < para.end; ++i) {
            const QChar c = body.at(i);
            if (!isQuoteMark(c))
                continue;
            const bool openCtx = i == para.start || isOpeningContext(body.at(i - 1));
            const bool closeCtx
                = i + 1 >= para.end || isClosingContext(body.at(i + 1)) || isQuoteMark(body.at(i + 1));
            // „…“: the low mark opens only where no quote is open, and such a quote closes only with a
            // high mark; other marks inside it (»Nein«, "no") are a quotation within the quotation.
            if (c == kLowDouble) {
                if (open < 0)
                    open = i;
                continue;
            }
            if (open >= 0 && body.at(open) == kLowDouble) {
                if (c == kLeftDouble || c == kRightDouble) {
                    addQuote(open, i + 1, true);
                    open = -1;
                }
                continue;
            }
            if (c == kLeftDouble || c == kLeftGuillemet) {
                if (open >= 0 && !openCtx && closeCtx) { // an opening mark typed where a closing one belongs
                    addQuote(open, i + 1, true);
                    open = -1;
                } else if (const qsizetype pieceEnd = open >= 0 ? runOnPieceEnd(body, open, i) : -1;
                           pieceEnd > 0) {
                    addQuote(open, pieceEnd, false);
                    runOn = true;
                    open = i;
                } else {
                    open = i; // a second opener means the first one was stray
                }
            } else if (c == kRightDouble || c == kRightGuillemet) {
                if (open >= 0) {
                    addQuote(open, i + 1, true);
                    open = -1;
                } else if (openCtx && !closeCtx) {
                    open = i; // a closing mark typed where an opening one belongs
                }
            } else { // straight double quote: its neighbours tell whether it opens or closes
                const qsizetype pieceEnd
                    = open >= 0 && openCtx && !closeCtx ? runOnPieceEnd(body, open, i) : -1;
                if (pieceEnd > 0) { // … again. "I'd call …: the quote runs on
                    addQuote(open, pieceEnd, false);
                    runOn = true;
                    open = i;
                } else if (open >= 0) {
                    addQuote(open, i + 1, true);
                    open = -1;
                } else if (openCtx || !closeCtx) {
                    open = i;
                } else if ((body.at(i - 1) == u',' || body.at(i - 1) == u':')
                           && QStringView(body).sliced(i + 1, para.end - i - 1).contains(u'"')) {
                    open = i; // "…resources would be available," For example, …": a mark right after a comma
                }
            }
        }
        bool continues = false;
        if (open >= 0) {
            const bool nextReopens = pi + 1 < paras.size() && isOpener(body.at(paras.at(pi + 1).start));
            // Some papers drop the reopening mark: the next paragraph only closes the quote.
            const bool nextOnlyCloses
                = !nextReopens && pi + 1 < paras.size() && onlyCloses(body, paras.at(pi + 1));
            const InnerShape shape = shapeOf(body, open + 1, para.end);
            if (nextReopens || nextOnlyCloses || shape.words >= 3) {
                addQuote(open, para.end, false);
                continues = nextReopens || nextOnlyCloses;
                openAtStart = nextOnlyCloses;
            }
        }
        continuesIntoThis = continues;

        QList<Span> doubles;
        for (qsizetype qi = firstQuoteOfPara; qi < quotes.size(); ++qi)
            doubles.append(quotes.at(qi).span);
        const QList<Span> singles = singleQuoteSpans(body, para.start, para.end, doubles,
                                                     pi + 1 < paras.size() ? paras.at(pi + 1).start : -1);
        for (const Span &sp : singles) {
            Quote q;
            q.span = sp;
            q.text = body.mid(sp.start, sp.length());
            q.kind = classify(body, para, sp.start, sp.end, true, false);
            // A term in single marks ('legacy backlog') is left out: single marks are too often
            // apostrophes for a short phrase with no speech around it to count as a quotation.
            if (q.kind != Quote::Kind::Scare)
                quotes.append(std::move(q));
        }
        if (quotes.size() > firstQuoteOfPara + doubles.size())
            std::sort(quotes.begin() + firstQuoteOfPara, quotes.end(),
                      [](const Quote &a, const Quote &b) { return a.span.start < b.span.start; });
    }
    return quotes;
}

} // namespace Lede
