// SPDX-License-Identifier: GPL-3.0-or-later
#include "NexisExport.h"

#include "FormatSniffer.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

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

    if (const QString warning = NexisExport::lengthWarning(c.metadata.value(u"length"_s), c.text); !warning.isEmpty())
        story.warnings.append(warning);
    return story;
}

} // namespace

QString NexisExport::lengthWarning(const QString &statedLength, const QString &text)
{
    static const QRegularExpression stated(u"^(\\d[\\d,]*)\\s+words?$"_s, QRegularExpression::CaseInsensitiveOption);
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

QDate NexisExport::parseDate(QStringView line)
{
    static const QRegularExpression monthFirst(
        u"^([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b(.*)$"_s);
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
