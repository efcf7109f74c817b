// SPDX-License-Identifier: GPL-3.0-or-later
#include "InterviewTurns.h"

#include "NameHeuristics.h"

#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype MaxLabelLength = 60;
constexpr int MaxLabelWords = 6;
constexpr int MinTurns = 3;

struct Line
{
    qsizetype start;
    qsizetype end; // exclusive, trailing whitespace removed
    Span label; // empty when the line is not a turn
    qsizetype textStart = 0;
    QString key; // the label as written
};

bool isQuestionLabel(QStringView w)
{
    return w == u"Q"_s || w == u"Question"_s;
}

bool isAnswerLabel(QStringView w)
{
    return w == u"A"_s || w == u"Answer"_s;
}

// Lower-case words that may stand inside a name ("Ursula von der Leyen").
bool isParticle(QStringView w)
{
    static const QStringList particles { u"de"_s,  u"da"_s,  u"del"_s, u"della"_s, u"der"_s, u"den"_s,
                                         u"van"_s, u"von"_s, u"la"_s,  u"le"_s,    u"bin"_s, u"ibn"_s,
                                         u"al"_s,  u"el"_s,  u"dos"_s, u"das"_s,   u"du"_s,  u"di"_s };
    return particles.contains(w);
}

// First words of lines such as "Note: …", "Update: …" or "Where: …" that label information, not a
// speaker. A transcript also needs questions (see below), so this only has to catch the common ones.
bool isInformationLabel(QStringView w)
{
    static const QStringList words {
        u"Note"_s,        u"Notes"_s,      u"Update"_s,        u"Updated"_s,
        u"Editor"_s,      u"Editors"_s,    u"Source"_s,        u"Sources"_s,
        u"Photo"_s,       u"Photos"_s,     u"Image"_s,         u"Video"_s,
        u"Credit"_s,      u"Caption"_s,    u"Correction"_s,    u"Clarification"_s,
        u"Related"_s,     u"Disclaimer"_s, u"Warning"_s,       u"Read"_s,
        u"Watch"_s,       u"Listen"_s,     u"See"_s,           u"Also"_s,
        u"Tags"_s,        u"Topics"_s,     u"Category"_s,      u"Contact"_s,
        u"Email"_s,       u"Phone"_s,      u"Tel"_s,           u"Fax"_s,
        u"Address"_s,     u"Date"_s,       u"Time"_s,          u"When"_s,
        u"Where"_s,       u"What"_s,       u"Why"_s,           u"How"_s,
        u"Who"_s,         u"Price"_s,      u"Prices"_s,        u"Tickets"_s,
        u"Cost"_s,        u"Posted"_s,     u"Published"_s,     u"By"_s,
        u"Location"_s,    u"Venue"_s,      u"Summary"_s,       u"Background"_s,
        u"Translation"_s, u"Reporting"_s,  u"Additional"_s,    u"Follow"_s,
        u"Share"_s,       u"Subscribe"_s,  u"Advertisement"_s, u"Copyright"_s,
        u"Breaking"_s,    u"Exclusive"_s,  u"Opinion"_s,       u"Analysis"_s,
        u"Live"_s,        u"Step"_s,       u"Chapter"_s,       u"Part"_s,
        u"Section"_s,     u"Figure"_s,     u"Table"_s,         u"Example"_s,
        u"Warning"_s,     u"Tip"_s
    };
    return words.contains(w);
}

bool isNameWord(QStringView w)
{
    if (w.isEmpty() || !w.front().isUpper())
        return false;
    for (QChar c : w) {
        if (!(c.isLetter() || c.isMark() || c == u'.' || c == u'-' || c == u'\'' || c == u'\u2019'))
            return false;
    }
    if (!w.contains(u'.'))
        return true;
    // A period only in initials ("J.", "H.W.") and short titles: "Roe." ends a sentence.
    static const QStringList shortForms { u"Mr."_s,  u"Mrs."_s, u"Ms."_s,   u"Dr."_s,   u"Jr."_s,
                                          u"Sr."_s,  u"St."_s,  u"Prof."_s, u"Rev."_s,  u"Gen."_s,
                                          u"Sen."_s, u"Rep."_s, u"Gov."_s,  u"Capt."_s, u"Col."_s };
    if (shortForms.contains(w))
        return true;
    for (QStringView part : w.split(u'.', Qt::SkipEmptyParts)) {
        if (part.size() != 1)
            return false;
    }
    return w.back() == u'.';
}

// The label of a line, or an empty span: `Name:` / `Q:` at the line start, then text.
Span labelOf(const QString &body, Line &line)
{
    const QStringView text = QStringView(body).sliced(line.start, line.end - line.start);
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0 || colon > MaxLabelLength || colon + 1 >= text.size() || !text.at(colon + 1).isSpace())
        return {};
    const QStringView label = text.first(colon);
    if (label.front().isSpace() || label.back().isSpace())
        return {};
    const QList<QStringView> words = label.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > MaxLabelWords)
        return {};
    const bool qa = words.size() == 1 && (isQuestionLabel(words.front()) || isAnswerLabel(words.front()));
    if (!qa) {
        if (isInformationLabel(words.front()) || !isNameWord(words.front()) || !isNameWord(words.back()))
            return {};
        for (QStringView w : words) {
            if (!isNameWord(w) && !isParticle(w))
                return {};
        }
        // One-word labels must look like a name, not a heading ("Interview", "Summary"): "Smith" is
        // fine when the same label comes back (checked by the caller through the turn count).
    }
    qsizetype textStart = colon + 1;
    while (textStart < text.size() && text.at(textStart).isSpace())
        ++textStart;
    if (textStart >= text.size())
        return {};
    line.textStart = line.start + textStart;
    line.key = label.toString();
    return Span { line.start, line.start + colon };
}

QList<Line> linesOf(const QString &body)
{
    QList<Line> out;
    qsizetype start = 0;
    const qsizetype n = body.size();
    while (start < n) {
        qsizetype end = body.indexOf(u'\n', start);
        if (end < 0)
            end = n;
        qsizetype s = start;
        while (s < end && body.at(s).isSpace())
            ++s;
        qsizetype e = end;
        while (e > s && body.at(e - 1).isSpace())
            --e;
        if (e > s)
            out.push_back(Line { s, e, {}, 0, {} });
        start = end + 1;
    }
    return out;
}

// Photo captions and credits sit between the paragraphs of a transcript; they are nobody's speech.
// A caption rarely ends as a sentence does, and often names a picture's parts.
bool isCaption(const QString &body, const Line &line)
{
    const QStringView text = QStringView(body).sliced(line.start, line.end - line.start);
    static const QStringList marks { u"Image:"_s,   u"Photo:"_s,  u"Credit:"_s,  u"File photo"_s,
                                     u"(left)"_s,   u"(right)"_s, u"(centre)"_s, u"(center)"_s,
                                     u"pictured"_s, u"Pictured"_s };
    for (const QString &m : marks) {
        if (text.contains(m))
            return true;
    }
    const QChar last = text.back();
    return !(last == u'.' || last == u'?' || last == u'!' || last == u'"' || last == u'\u201D'
             || last == u'\u2026' || last == u')' || last == u':' || last == u';');
}

bool asksQuestion(const QString &body, const Line &line)
{
    return QStringView(body).sliced(line.textStart, line.end - line.textStart).contains(u'?');
}

// A transcript whose paragraph breaks were lost runs its turns together: "… a year ago. Tom Eck:
// Because nobody else would." The lines split again before every label that follows a sentence end
// and is used at least twice; the caller still asks for a whole transcript.
QList<Line> inlineLines(const QString &body, const QList<Line> &lines)
{
    auto sentenceEnd = [](QChar c) {
        return c == u'.' || c == u'?' || c == u'!' || c == u'"' || c == u'\u201D' || c == u')'
            || c == u'\u2026';
    };
    QList<std::pair<qsizetype, QString>> starts; // candidate turn starts inside lines, with their label
    QHash<QString, int> uses;
    for (const Line &line : lines) {
        Line whole = line;
        if (const Span l = labelOf(body, whole); l.end > l.start)
            ++uses[whole.key];
        for (qsizetype p = line.start + 2; p < line.end; ++p) {
            if (!body.at(p).isUpper() || body.at(p - 1) != u' ' || !sentenceEnd(body.at(p - 2)))
                continue;
            // An initial or a short title is no sentence end: "Mario J. Lucero:" is one label; a
            // short answer is: "Tom Eck: Yes. Jane Roe: Why?"
            qsizetype w = p - 2;
            while (w > line.start && body.at(w - 1).isLetter())
                --w;
            // ("No. 5" takes a number, so "No." before a capital is an answer too.)
            const QStringView word = QStringView(body).sliced(w, p - 2 - w);
            if (body.at(p - 2) == u'.' && w < p - 2 && body.at(w).isUpper()
                && NameHeuristics::isAbbreviation(word) && word.compare(u"No"_s, Qt::CaseInsensitive) != 0)
                continue;
            // The colon must come within a label's length: keeps the scan linear on long lines.
            const qsizetype colon
                = QStringView(body).sliced(p, std::min(MaxLabelLength + 1, line.end - p)).indexOf(u':');
            if (colon <= 0)
                continue;
            Line part { p, line.end, {}, 0, {} };
            if (const Span l = labelOf(body, part); l.end > l.start) {
                starts.push_back({ p, part.key });
                ++uses[part.key];
            }
        }
    }
    QList<Line> out;
    qsizetype next = 0; // index into starts
    for (const Line &line : lines) {
        qsizetype from = line.start;
        for (; next < starts.size() && starts.at(next).first < line.end; ++next) {
            if (uses.value(starts.at(next).second) < 2)
                continue;
            qsizetype e = starts.at(next).first;
            while (e > from && body.at(e - 1).isSpace())
                --e;
            if (e > from)
                out.push_back(Line { from, e, {}, 0, {} });
            from = starts.at(next).first;
        }
        out.push_back(Line { from, line.end, {}, 0, {} });
    }
    return out;
}

// Adds the answers of a transcript written as `lines`; false when the lines are no transcript.
bool applyLines(const QString &body, QList<Line> lines, bool runTogether, QList<Quote> &quotes,
                const QList<Entity> &entities)
{
    QHash<QString, int> turnsOf;
    QStringList order; // labels in order of first use
    int turns = 0;
    for (Line &line : lines) {
        line.label = labelOf(body, line);
        if (line.label.end <= line.label.start)
            continue;
        ++turns;
        if (!turnsOf.contains(line.key))
            order.push_back(line.key);
        ++turnsOf[line.key];
    }
    if (turns < MinTurns || order.size() < 2)
        return false;

    // The interviewer: Q / Question, else the first label when most of its turns are questions.
    QString interviewer;
    for (const QString &key : std::as_const(order)) {
        if (isQuestionLabel(key))
            interviewer = key;
    }
    if (interviewer.isEmpty()) {
        // The first label, when most of its turns ask; with the turns run together the first turn
        // may hide behind a heading ("Interview Wikinews: …"), so any label used twice may be it.
        for (const QString &key : std::as_const(order)) {
            int asked = 0;
            for (const Line &line : std::as_const(lines)) {
                if (line.key == key && line.label.end > line.label.start && asksQuestion(body, line))
                    ++asked;
            }
            if (2 * asked >= turnsOf.value(key) && (key == order.front() || turnsOf.value(key) > 1)) {
                interviewer = key;
                break;
            }
            if (!runTogether)
                break;
        }
        if (interviewer.isEmpty())
            return false; // no one asks: labelled lines, but not an interview
    }
    // A one-word label that is used once is more likely a heading than a speaker; with it the text
    // would have to be an interview on other grounds, so such lines are simply not turns.
    auto isTurn = [&](const Line &line) {
        if (line.label.end <= line.label.start)
            return false;
        return line.key.contains(u' ') || turnsOf.value(line.key) > 1 || isAnswerLabel(line.key)
            || line.key == interviewer;
    };
    // Who answers must be someone: the label is (part of) a person or an organisation the entity
    // layer found, there or anywhere else in the article. "Common Name:" and "Check Out:" are not.
    QSet<QString> names;
    for (const Entity &e : entities) {
        if (e.type != Entity::Type::Person && e.type != Entity::Type::Org)
            continue;
        names.insert(e.text);
        if (!e.canonical.isEmpty())
            names.insert(e.canonical);
    }
    auto isSpeaker = [&](const QString &key) {
        if (isAnswerLabel(key) || isQuestionLabel(key))
            return false;
        if (names.contains(key))
            return true;
        // "Mr Malone" and "Ms Roe" name a person the entity layer knows by surname.
        const qsizetype space = key.indexOf(u' ');
        if (space > 0 && names.contains(key.sliced(space + 1)))
            return true;
        // Labels at a line start often escape the entity layer ("Richman:"); a name that answers
        // more than once is taken as one.
        return turnsOf.value(key) > 1;
    };
    // A transcript alternates: questions are answered. Without two answered questions it is not one.
    int answered = 0;
    const Line *previousTurn = nullptr;
    for (const Line &line : std::as_const(lines)) {
        if (!isTurn(line))
            continue;
        if (previousTurn && previousTurn->key == interviewer && line.key != interviewer
            && isSpeaker(line.key))
            ++answered;
        previousTurn = &line;
    }
    if (answered < 2)
        return false;

    qsizetype lastTurn = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isTurn(lines.at(i)))
            lastTurn = i;
    }

    QList<Quote> answers;
    const Line *answering = nullptr; // the turn the current paragraph continues, if an answer
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const Line *turn = nullptr;
        if (isTurn(line)) {
            answering = line.key == interviewer || !isSpeaker(line.key) ? nullptr : &line;
            turn = answering;
        } else if (answering) {
            // A continuation counts only while the transcript goes on: another turn follows.
            if (i > lastTurn)
                answering = nullptr;
            turn = isCaption(body, line) ? nullptr : answering;
        }
        if (!turn)
            continue;
        const qsizetype start = turn == &line ? line.textStart : line.start;
        Quote q;
        q.span = Span { start, line.end };
        q.text = body.mid(start, line.end - start);
        q.kind = Quote::Kind::Direct;
        q.speaker = turn->key;
        q.speakerSpan = turn->label;
        answers.push_back(std::move(q));
    }
    if (answers.isEmpty())
        return false;

    quotes.append(answers);
    std::stable_sort(quotes.begin(), quotes.end(),
                     [](const Quote &a, const Quote &b) { return a.span.start < b.span.start; });
    return true;
}

} // namespace

void InterviewTurns::apply(const QString &body, QList<Quote> &quotes, const QList<Entity> &entities)
{
    const QList<Line> lines = linesOf(body);
    if (applyLines(body, lines, false, quotes, entities))
        return;
    const QList<Line> split = inlineLines(body, lines);
    if (split.size() > lines.size())
        applyLines(body, split, true, quotes, entities);
}

} // namespace Lede
