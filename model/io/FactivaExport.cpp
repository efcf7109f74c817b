// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactivaExport.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString documentId(const QString &line)
{
    static const QRegularExpression id(u"^Document ([A-Za-z0-9]{12,40})$"_s);
    const auto m = id.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

bool isWordCount(const QString &line)
{
    static const QRegularExpression words(u"^\\d[\\d,]* words$"_s);
    return words.match(line).hasMatch();
}

NexisExport::Story parseStory(const QStringList &lines, qsizetype wordsAt, const QString &id)
{
    NexisExport::Story story;
    MarkupImporter::Converted &c = story.converted;
    c.metadata.insert(u"export"_s, u"Factiva"_s);
    c.metadata.insert(u"document_id"_s, id);
    c.metadata.insert(u"length"_s, lines[wordsAt]);
    QStringList headline;
    for (qsizetype i = 0; i < wordsAt; ++i) {
        if (lines[i].startsWith(u"By "_s) && i > 0) {
            c.hints.byline = lines[i].mid(3).trimmed();
            c.provenance.insert(u"byline"_s, u"Factiva By line"_s);
        } else {
            headline.append(lines[i]);
        }
    }
    c.hints.title = headline.join(u' ');
    c.provenance.insert(u"title"_s, u"Factiva headline"_s);
    qsizetype i = wordsAt + 1;
    if (i < lines.size()) {
        if (const QDate date = NexisExport::parseDate(lines[i]); date.isValid()) {
            c.hints.published = date;
            c.provenance.insert(u"published"_s, u"Factiva date line"_s);
            ++i;
        }
    }
    if (i < lines.size()) {
        c.hints.source = lines[i];
        c.provenance.insert(u"source"_s, u"Factiva source line"_s);
        ++i;
    }
    static const QRegularExpression time(u"^\\d{1,2}:\\d{2}(?:\\s+[A-Z]{2,5})?$"_s);
    static const QRegularExpression language(
        u"^(?:English|German|French|Spanish|Italian|Dutch|Portuguese|Swedish|"
        "Danish|Norwegian|Finnish|Polish|Russian|Chinese|Japanese|Arabic)$"_s);
    if (i < lines.size() && time.match(lines[i]).hasMatch())
        c.metadata.insert(u"time"_s, lines[i++]);
    if (i < lines.size() && language.match(lines[i]).hasMatch())
        c.metadata.insert(u"language"_s, lines[i++]);
    if (i < lines.size()
        && (lines[i].startsWith(u"Copyright"_s, Qt::CaseInsensitive)
            || lines[i].startsWith(u"(c)"_s, Qt::CaseInsensitive) || lines[i].startsWith(u"©"_s)))
        c.metadata.insert(u"copyright"_s, lines[i++]);
    c.text = lines.mid(i).join(u"\n\n"_s);
    if (const QString warning = NexisExport::lengthWarning(lines[wordsAt], c.text); !warning.isEmpty())
        story.warnings.append(warning);
    return story;
}

} // namespace

bool FactivaExport::looksLikeExport(const QStringList &paragraphs)
{
    bool id = false;
    bool words = false;
    for (const QString &p : paragraphs) {
        const QString line = p.trimmed();
        id = id || !documentId(line).isEmpty();
        words = words || isWordCount(line);
        if (id && words)
            return true;
    }
    return false;
}

NexisExport::Split FactivaExport::split(const QStringList &paragraphs)
{
    NexisExport::Split result;
    QStringList chunk;
    for (const QString &p : paragraphs) {
        for (const QString &raw : p.split(u'\n')) {
            const QString line = raw.simplified();
            if (line.isEmpty())
                continue;
            const QString id = documentId(line);
            if (id.isEmpty()) {
                chunk.append(line);
                continue;
            }
            qsizetype wordsAt = -1;
            for (qsizetype i = 1; i < chunk.size() && i < 5; ++i) {
                if (isWordCount(chunk[i])) {
                    wordsAt = i;
                    break;
                }
            }
            if (wordsAt > 0)
                result.stories.append(parseStory(chunk, wordsAt, id));
            else
                ++result.skipped;
            chunk.clear();
        }
    }
    return result;
}

} // namespace Lede
