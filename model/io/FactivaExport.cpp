// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactivaExport.h"

#include <QRegularExpression>
#include <gumbo.h>
#include <vector>

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
    static const QRegularExpression time(u"^\\d{1,2}:\\d{2}(?:\\s+[A-Z]{2,5})?$"_s);
    // Factiva writes the time after the date, before the source name.
    if (i < lines.size() && time.match(lines[i]).hasMatch())
        c.metadata.insert(u"time"_s, lines[i++]);
    if (i < lines.size()) {
        c.hints.source = lines[i];
        c.provenance.insert(u"source"_s, u"Factiva source line"_s);
        ++i;
    }
    static const QRegularExpression language(
        u"^(?:English|German|French|Spanish|Italian|Dutch|Portuguese|Swedish|"
        "Danish|Norwegian|Finnish|Polish|Russian|Chinese|Japanese|Arabic)$"_s);
    const auto isCopyright = [](const QString &line) {
        return line.startsWith(u"Copyright"_s, Qt::CaseInsensitive)
            || line.startsWith(u"(c)"_s, Qt::CaseInsensitive) || line.startsWith(u"©"_s);
    };
    // Between the source name and the language or copyright line stand short field lines: the
    // source code ("WSJO"), a page ("A1"), an edition, a time. They are fields only when such an
    // end line follows within a few lines; otherwise nothing is taken from the text.
    constexpr qsizetype MaxFieldLines = 5;
    constexpr qsizetype MaxFieldLength = 40;
    qsizetype fieldsEnd = -1;
    for (qsizetype k = i; k < lines.size() && k <= i + MaxFieldLines; ++k) {
        if (language.match(lines[k]).hasMatch() || isCopyright(lines[k])) {
            fieldsEnd = k;
            break;
        }
        if (lines[k].size() > MaxFieldLength)
            break;
    }
    static const QRegularExpression sourceCode(u"^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,12}$"_s);
    static const QRegularExpression page(u"^(?:Page\\s+)?[A-Z]?\\d{1,4}[A-Z]?$"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    QStringList edition;
    for (; i < fieldsEnd; ++i) {
        if (time.match(lines[i]).hasMatch())
            c.metadata.insert(u"time"_s, lines[i]);
        else if (page.match(lines[i]).hasMatch())
            c.metadata.insert(u"page"_s, lines[i]);
        else if (sourceCode.match(lines[i]).hasMatch() && !c.metadata.contains(u"source_code"_s))
            c.metadata.insert(u"source_code"_s, lines[i]);
        else
            edition.append(lines[i]);
    }
    if (!edition.isEmpty())
        c.metadata.insert(u"edition"_s, edition.join(u"; "_s));
    if (i < lines.size() && time.match(lines[i]).hasMatch())
        c.metadata.insert(u"time"_s, lines[i++]);
    if (i < lines.size() && language.match(lines[i]).hasMatch())
        c.metadata.insert(u"language"_s, lines[i++]);
    if (i < lines.size() && isCopyright(lines[i]))
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

namespace {

bool isBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_BODY:
        return true;
    default:
        return false;
    }
}

} // namespace

QStringList FactivaExport::htmlParagraphs(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOutput *output
        = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
    QStringList paragraphs;
    QString line;
    const auto flush = [&] {
        const QString text = line.simplified();
        if (!text.isEmpty())
            paragraphs.append(text);
        line.clear();
    };
    // Depth first without recursion (a page may nest deeply): a null entry marks the end of a block.
    std::vector<const GumboNode *> stack { output->root };
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (!node) {
            flush();
            continue;
        }
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA
            || node->type == GUMBO_NODE_WHITESPACE) {
            line += QString::fromUtf8(node->v.text.text);
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE
            || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE)
            continue;
        const bool block = isBlock(tag);
        if (block) {
            flush();
            stack.push_back(nullptr);
        }
        const GumboVector &children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode *>(children.data[i]));
    }
    flush();
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return paragraphs;
}

} // namespace Lede
