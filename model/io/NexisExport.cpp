// SPDX-License-Identifier: GPL-3.0-or-later
#include "NexisExport.h"

#include "FormatSniffer.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <bit>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::NexisExport", text);
}

bool isEndOfDocument(const QString &line)
{
    return line.compare(u"End of Document"_s, Qt::CaseInsensitive) == 0;
}

// "Section: NEWS; Pg. 3" -> {"section", "NEWS; Pg. 3"}; "Copyright 2023 The Courier" -> {"copyright", …}.
bool headerField(const QString &line, QString *key, QString *value)
{
    static const QRegularExpression field(
        u"^(Section|Length|Byline|Dateline|Highlight|Edition|Column|Series|Correction|Correction-Date|Type|"
        "Version|Notes|Graphic|Author|Words):\\s*(.*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = field.match(line); m.hasMatch()) {
        *key = m.captured(1).toLower().replace(u'-', u'_');
        *value = m.captured(2).trimmed();
        return true;
    }
    if (line.startsWith(u"Copyright"_s, Qt::CaseInsensitive) || line.startsWith(u"©"_s)) {
        *key = u"copyright"_s;
        *value = line;
        return true;
    }
    return false;
}

// "Language: ENGLISH" in the classification block and "Load-Date: …".
bool trailerField(const QString &line, QString *key, QString *value)
{
    static const QRegularExpression field(u"^([A-Z][A-Za-z-]{1,40}):\\s*(.*)$"_s);
    const auto m = field.match(line);
    if (!m.hasMatch())
        return false;
    *key = m.captured(1).toLower().replace(u'-', u'_');
    *value = m.captured(2).trimmed();
    return true;
}

int wordCount(const QString &text)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+(?:['’.,-][\\p{L}\\p{N}]+)*"_s);
    int n = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

NexisExport::Story parseStory(const QStringList &lines, qsizetype bodyAt)
{
    NexisExport::Story story;
    MarkupImporter::Converted &c = story.converted;
    c.metadata.insert(u"export"_s, u"Nexis Uni"_s);

    // Header, read upwards from "Body": field lines, the date, the publication, the headline.
    qsizetype i = bodyAt - 1;
    QString key;
    QString value;
    while (i >= 0 && headerField(lines[i], &key, &value)) {
        if (!value.isEmpty())
            c.metadata.insert(key, value);
        --i;
    }
    if (i >= 0) {
        if (const QDate date = NexisExport::parseDate(lines[i]); date.isValid()) {
            c.hints.published = date;
            c.metadata.insert(u"date_line"_s, lines[i]);
            c.provenance.insert(u"published"_s, u"Nexis date line"_s);
            --i;
        }
    }
    if (i >= 1) {
        c.hints.source = lines[i];
        c.provenance.insert(u"source"_s, u"Nexis publication line"_s);
        --i;
    }
    if (i >= 0) {
        c.hints.title = lines[i];
        c.provenance.insert(u"title"_s, u"Nexis headline line"_s);
    }
    if (QString byline = c.metadata.value(u"byline"_s); !byline.isEmpty()) {
        static const QRegularExpression by(u"^by\\s+"_s, QRegularExpression::CaseInsensitiveOption);
        byline.remove(by);
        c.hints.byline = byline;
        c.provenance.insert(u"byline"_s, u"Nexis Byline field"_s);
    }

    // Body up to the classification block or the load date.
    qsizetype end = bodyAt + 1;
    while (end < lines.size() && lines[end] != u"Classification"_s && !lines[end].startsWith(u"Load-Date:"_s))
        ++end;
    QStringList body = lines.mid(bodyAt + 1, end - bodyAt - 1);
    c.text = body.join(u"\n\n"_s);
    for (qsizetype t = end; t < lines.size(); ++t) {
        if (trailerField(lines[t], &key, &value) && !value.isEmpty())
            c.metadata.insert(key, value);
    }

    if (const QString warning = NexisExport::lengthWarning(c.metadata.value(u"length"_s), c.text);
        !warning.isEmpty())
        story.warnings.append(warning);
    return story;
}

} // namespace

QString NexisExport::lengthWarning(const QString &statedLength, const QString &text)
{
    static const QRegularExpression stated(u"^(\\d[\\d,]*)\\s+words?$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const auto m = stated.match(statedLength.trimmed());
    if (!m.hasMatch())
        return {};
    const int expected = m.captured(1).remove(u',').toInt();
    const int actual = wordCount(text);
    if (std::abs(actual - expected) <= std::max(20, expected / 5))
        return {};
    return tr("the export states %1 words, the text has %2").arg(expected).arg(actual);
}

bool NexisExport::looksLikeExport(const QStringList &paragraphs)
{
    bool end = false;
    bool body = false;
    for (const QString &p : paragraphs) {
        const QString line = p.trimmed();
        end = end || isEndOfDocument(line);
        body = body || line == u"Body"_s;
        if (end && body)
            return true;
    }
    return false;
}

NexisExport::Split NexisExport::split(const QStringList &paragraphs)
{
    QStringList lines;
    for (const QString &p : paragraphs) {
        for (const QString &line : p.split(u'\n')) {
            const QString t = line.simplified();
            if (!t.isEmpty())
                lines.append(t);
        }
    }
    Split result;
    qsizetype from = 0;
    while (from < lines.size()) {
        qsizetype to = from;
        while (to < lines.size() && !isEndOfDocument(lines[to]))
            ++to;
        const QStringList chunk = lines.mid(from, to - from);
        const qsizetype bodyAt = chunk.indexOf(u"Body"_s);
        if (bodyAt >= 0)
            result.stories.append(parseStory(chunk, bodyAt));
        else if (FormatSniffer::countWords(chunk.join(u'\n')) >= FormatSniffer::MinWords && to < lines.size())
            ++result.skipped; // a stretch that ends like an article but has no "Body" line
        from = to + 1;
    }
    return result;
}

namespace {

const QRegularExpression &documentsLine()
{
    static const QRegularExpression line(u"^[ \\t]*\\d+ of \\d+ DOCUMENTS[ \\t]*$"_s,
                                         QRegularExpression::MultilineOption
                                             | QRegularExpression::CaseInsensitiveOption);
    return line;
}

bool upperField(const QString &paragraph, const QStringList &names, QString *key, QString *value)
{
    static const QRegularExpression field(u"^([A-Z][A-Z-]{1,30}):\\s*(.*)$"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const auto m = field.match(paragraph);
    if (!m.hasMatch() || (!names.isEmpty() && !names.contains(m.captured(1))))
        return false;
    *key = m.captured(1).toLower().replace(u'-', u'_');
    *value = m.captured(2).simplified();
    return true;
}

NexisExport::Story parseTxtStory(const QStringList &paragraphs)
{
    static const QStringList headerNames { u"BYLINE"_s,    u"SECTION"_s,        u"LENGTH"_s, u"DATELINE"_s,
                                           u"HIGHLIGHT"_s, u"EDITION"_s,        u"COLUMN"_s, u"SERIES"_s,
                                           u"TYPE"_s,      u"CORRECTION-DATE"_s };
    NexisExport::Story story;
    MarkupImporter::Converted &c = story.converted;
    c.metadata.insert(u"export"_s, u"Nexis (text)"_s);
    qsizetype i = 0;
    // Publication (possibly several lines) up to the date line among the first paragraphs.
    qsizetype dateAt = -1;
    for (qsizetype k = 0; k < paragraphs.size() && k < 4; ++k) {
        if (NexisExport::parseDate(paragraphs[k].simplified()).isValid()) {
            dateAt = k;
            break;
        }
    }
    if (dateAt >= 0) {
        QStringList publication;
        for (; i < dateAt; ++i)
            publication.append(paragraphs[i].simplified());
        c.hints.source = publication.join(u' ');
        c.hints.published = NexisExport::parseDate(paragraphs[dateAt].simplified());
        c.metadata.insert(u"date_line"_s, paragraphs[dateAt].simplified());
        c.provenance.insert(u"source"_s, u"Nexis publication line"_s);
        c.provenance.insert(u"published"_s, u"Nexis date line"_s);
        i = dateAt + 1;
    }
    QString key;
    QString value;
    QStringList headline;
    while (i < paragraphs.size() && !upperField(paragraphs[i], headerNames, &key, &value))
        headline.append(paragraphs[i++].simplified());
    // Without header fields the first paragraph is the headline and the rest the text.
    if (i >= paragraphs.size() && !headline.isEmpty()) {
        i = dateAt + 2;
        headline = headline.mid(0, 1);
    }
    // An edition line ("Late Edition - Final") may stand between the date and the headline.
    if (headline.size() > 1)
        c.metadata.insert(u"edition"_s, headline.mid(0, headline.size() - 1).join(u"; "_s));
    c.hints.title = headline.isEmpty() ? QString() : headline.last();
    c.provenance.insert(u"title"_s, u"Nexis headline line"_s);
    while (i < paragraphs.size() && upperField(paragraphs[i], headerNames, &key, &value)) {
        c.metadata.insert(key, value);
        ++i;
    }
    static const QStringList trailerNames {
        u"LOAD-DATE"_s,     u"LANGUAGE"_s,     u"PUBLICATION-TYPE"_s,
        u"GRAPHIC"_s,       u"JOURNAL-CODE"_s, u"SUBJECT"_s,
        u"GEOGRAPHIC"_s,    u"ORGANIZATION"_s, u"PERSON"_s,
        u"COMPANY"_s,       u"INDUSTRY"_s,     u"TICKER"_s,
        u"DOCUMENT-TYPE"_s, u"URL"_s,          u"NOTES"_s,
        u"CORRECTION"_s,    u"ACC-NO"_s,       u"CITY"_s,
        u"STATE"_s,         u"COUNTRY"_s,
    };
    QStringList body;
    for (; i < paragraphs.size(); ++i) {
        if (upperField(paragraphs[i], trailerNames, &key, &value))
            break;
        body.append(paragraphs[i]);
    }
    for (; i < paragraphs.size(); ++i) {
        if (upperField(paragraphs[i], {}, &key, &value))
            c.metadata.insert(key, value);
        else if (paragraphs[i].simplified().startsWith(u"Copyright"_s, Qt::CaseInsensitive))
            c.metadata.insert(u"copyright"_s, paragraphs[i].simplified());
    }
    // A copyright line may also close the text itself.
    if (!body.isEmpty() && body.last().simplified().startsWith(u"Copyright"_s, Qt::CaseInsensitive))
        c.metadata.insert(u"copyright"_s, body.takeLast().simplified());
    if (QString byline = c.metadata.value(u"byline"_s); !byline.isEmpty()) {
        static const QRegularExpression by(u"^by\\s+"_s, QRegularExpression::CaseInsensitiveOption);
        c.hints.byline = byline.remove(by);
        c.provenance.insert(u"byline"_s, u"Nexis BYLINE field"_s);
    }
    c.text = body.join(u"\n\n"_s);
    if (const QString warning = NexisExport::lengthWarning(c.metadata.value(u"length"_s), c.text);
        !warning.isEmpty())
        story.warnings.append(warning);
    return story;
}

} // namespace

namespace {

// Whether "N documents" occurs in any case, a digit and one space before the word, as the expression's
// caseless matching reads it (only the word's last letter has a case variant outside ASCII: U+017F,
// the long s). Every file read is asked; this rules out nearly all of them in a fraction of the
// expression's scan of every line. A digit outside the BMP is let through to the expression.
bool mentionsDocuments(QStringView text)
{
    static constexpr char16_t word[] = u"documents";
    constexpr qsizetype n = 9;
    const char16_t *p = text.utf16();
    const auto at = [&](qsizetype i) {
        if ((p[i] | 0x20) != u'd' || p[i - 1] != u' '
            || !(QChar::isDigit(p[i - 2]) || QChar::isLowSurrogate(p[i - 2])))
            return false;
        qsizetype k = 1;
        while (k < n - 1 && (p[i + k] | 0x20) == word[k] && (p[i + k] & ~0x20) >= u'A'
               && (p[i + k] & ~0x20) <= u'Z')
            ++k;
        const char16_t last = p[i + n - 1];
        return k == n - 1 && (last == u's' || last == u'S' || last == u'\u017F');
    };
    qsizetype i = 2;
#ifdef __SSE2__
    // Eight positions at a time: only where a 'd' or 'D' stands is the rest looked at.
    for (; i + 8 + n - 1 <= text.size(); i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i d = _mm_cmpeq_epi16(_mm_or_si128(v, _mm_set1_epi16(0x20)), _mm_set1_epi16(u'd'));
        unsigned mask = unsigned(_mm_movemask_epi8(d));
        while (mask) {
            const int bit = std::countr_zero(mask);
            if (at(i + bit / 2))
                return true;
            mask &= ~(3u << bit);
        }
    }
#endif
    for (; i + n <= text.size(); ++i) {
        if (at(i))
            return true;
    }
    return false;
}

} // namespace

bool NexisExport::looksLikeTxtExport(const QString &text)
{
    return mentionsDocuments(text) && documentsLine().match(text).hasMatch();
}

NexisExport::Split NexisExport::splitTxt(const QString &text)
{
    Split result;
    QList<qsizetype> starts;
    auto it = documentsLine().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        starts.append(m.capturedEnd());
    }
    for (qsizetype k = 0; k < starts.size(); ++k) {
        const qsizetype end
            = k + 1 < starts.size() ? text.lastIndexOf(u'\n', starts[k + 1] - 1) : text.size();
        const QString chunk = text.mid(starts[k], std::max<qsizetype>(0, end - starts[k]));
        QStringList paragraphs;
        static const QRegularExpression blank(u"\n[ \t]*\n"_s);
        static const QRegularExpression centred(u"^[ \\t]{5,}\\S"_s);
        for (const QString &p : chunk.split(blank, Qt::SkipEmptyParts)) {
            const QStringList lines = p.split(u'\n', Qt::SkipEmptyParts);
            // Centred header lines (publication, date, edition) are each a field of their own; the
            // lines of a text paragraph are wrapped text, joined with spaces.
            const bool header = std::all_of(lines.begin(), lines.end(), [](const QString &line) {
                return centred.match(line).hasMatch() || line.trimmed().isEmpty();
            });
            for (const QString &part : header ? lines : QStringList { p }) {
                const QString joined = part.simplified();
                if (!joined.isEmpty() && !documentsLine().match(joined).hasMatch())
                    paragraphs.append(joined);
            }
        }
        if (paragraphs.size() >= 2)
            result.stories.append(parseTxtStory(paragraphs));
        else
            ++result.skipped;
    }
    return result;
}

QDate NexisExport::parseDate(QStringView line)
{
    static const QRegularExpression monthFirst(u"^([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b(.*)$"_s);
    static const QRegularExpression dayFirst(u"^(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b(.*)$"_s);
    // After the date only a weekday, a time and a zone may follow.
    static const QRegularExpression rest(
        u"^[,\\s]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[,\\s]*"
        "(?:\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[AP]\\.?M\\.?)?\\s*(?:[A-Z]{2,5}|GMT[+-]?\\d*)?)?\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QString text = line.trimmed().toString();
    QString month;
    int day = 0;
    int year = 0;
    QString tail;
    if (const auto m = monthFirst.match(text); m.hasMatch()) {
        month = m.captured(1);
        day = m.captured(2).toInt();
        year = m.captured(3).toInt();
        tail = m.captured(4);
    } else if (const auto d = dayFirst.match(text); d.hasMatch()) {
        day = d.captured(1).toInt();
        month = d.captured(2);
        year = d.captured(3).toInt();
        tail = d.captured(4);
    } else {
        return {};
    }
    if (!rest.match(tail).hasMatch())
        return {};
    static const QStringList months { u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                      u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s };
    const QString prefix = month.left(3).toLower();
    const qsizetype index = months.indexOf(prefix);
    if (index < 0)
        return {};
    // The full name or a known abbreviation ("Sept"), not any word starting like a month.
    const QString full = QLocale::c().monthName(int(index) + 1).toLower();
    if (month.size() > 3 && !full.startsWith(month.toLower()) && month.toLower() != u"sept"_s)
        return {};
    return QDate(year, int(index) + 1, day);
}

} // namespace Lede
