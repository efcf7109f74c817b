// SPDX-License-Identifier: GPL-3.0-or-later
#include "PdfImporter.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QRectF>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <poppler-qt6.h>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::PdfImporter", text);
}

struct Line
{
    QString text;
    QRectF rect; // points, y grows downwards
    int page = 0;
    bool drop = false;
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Poppler reports damaged files on stderr by default; the importer says what is wrong itself.
void quietPoppler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poppler::setDebugErrorFunction(
            [](const QString &message, const QVariant &) { qCDebug(lcImport) << "poppler:" << message; }, {});
    });
}

QString normalizeLigatures(QString text)
{
    static const std::pair<char16_t, const char16_t *> ligatures[] = {
        { u'\uFB00', u"ff" },  { u'\uFB01', u"fi" }, { u'\uFB02', u"fl" }, { u'\uFB03', u"ffi" },
        { u'\uFB04', u"ffl" }, { u'\uFB05', u"st" }, { u'\uFB06', u"st" },
    };
    for (const auto &[from, to] : ligatures)
        text.replace(QChar(from), QString::fromUtf16(to));
    return text;
}

QList<Line> pageLines(const Poppler::Page &page, int pageIndex)
{
    QList<Line> lines;
    Line current;
    bool open = false;
    for (const auto &box : page.textList()) {
        const QString word = normalizeLigatures(box->text());
        if (!open) {
            current = Line { {}, box->boundingBox(), pageIndex, false };
            open = true;
        } else {
            current.rect = current.rect.united(box->boundingBox());
        }
        current.text += word;
        if (box->nextWord()) {
            if (box->hasSpaceAfter())
                current.text += u' ';
            continue;
        }
        current.text = current.text.simplified();
        if (!current.text.isEmpty())
            lines.append(current);
        open = false;
    }
    if (open && !current.text.simplified().isEmpty()) {
        current.text = current.text.simplified();
        lines.append(current);
    }
    return lines;
}

QString recurrenceKey(const QString &text)
{
    QString key = text.toLower();
    static const QRegularExpression digits(u"\\d+"_s);
    key.replace(digits, u"#"_s);
    return key.simplified();
}

// The indexes of the two top-most and two bottom-most lines of a page.
QList<qsizetype> marginLines(const QList<Line> &lines, qsizetype from, qsizetype to)
{
    QList<qsizetype> order;
    for (qsizetype i = from; i < to; ++i)
        order.append(i);
    std::sort(order.begin(), order.end(),
              [&lines](qsizetype a, qsizetype b) { return lines[a].rect.top() < lines[b].rect.top(); });
    if (order.size() <= 4)
        return order;
    return { order[0], order[1], order[order.size() - 2], order[order.size() - 1] };
}

void dropRunningLines(QList<Line> &lines, int pageCount)
{
    // Page ranges in `lines` (lines are in page order).
    QList<std::pair<qsizetype, qsizetype>> pages;
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype j = i;
        while (j < lines.size() && lines[j].page == lines[i].page)
            ++j;
        pages.append({ i, j });
        i = j;
    }
    QHash<QString, QSet<int>> seenOn;
    for (const auto &[from, to] : pages) {
        for (qsizetype i : marginLines(lines, from, to))
            seenOn[recurrenceKey(lines[i].text)].insert(lines[i].page);
    }
    for (const auto &[from, to] : pages) {
        for (qsizetype i : marginLines(lines, from, to)) {
            const int count = int(seenOn.value(recurrenceKey(lines[i].text)).size());
            if (PdfImporter::isPageNumber(lines[i].text) || (count >= 2 && count * 2 > pageCount))
                lines[i].drop = true;
        }
    }
    lines.removeIf([](const Line &l) { return l.drop; });
}

bool endsSentence(QStringView text)
{
    static const QString enders = u".!?\"”’'):;"_s;
    return !text.isEmpty() && enders.contains(text.back());
}

bool isHyphen(QChar c)
{
    return c == u'-' || c == QChar(0x2010) || c == QChar(0x00AD);
}

QString leadingLetters(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text[n].isLetter())
        ++n;
    return text.first(n).toString();
}

QString trailingLetters(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text[text.size() - 1 - n].isLetter())
        ++n;
    return text.last(n).toString();
}

// Word parts that are written with a hyphen far more often than they are split by hyphenation
// ("self-", "well-", "non-"): a line that ends in one keeps its hyphen.
bool isCompoundPrefix(const QString &part)
{
    static const QSet<QString> prefixes {
        u"self"_s,  u"well"_s,  u"non"_s,   u"ex"_s,    u"co"_s,     u"anti"_s,  u"pre"_s,   u"post"_s,
        u"semi"_s,  u"multi"_s, u"cross"_s, u"half"_s,  u"all"_s,    u"pro"_s,   u"vice"_s,  u"mid"_s,
        u"long"_s,  u"short"_s, u"high"_s,  u"low"_s,   u"full"_s,   u"part"_s,  u"one"_s,   u"two"_s,
        u"three"_s, u"four"_s,  u"five"_s,  u"first"_s, u"second"_s, u"third"_s, u"year"_s,  u"so"_s,
        u"re"_s,    u"far"_s,   u"hard"_s,  u"old"_s,   u"under"_s,  u"over"_s,  u"front"_s, u"world"_s,
    };
    return prefixes.contains(part);
}

// Every word of the document, lower-cased, hyphenated compounds as one word: tells whether the
// writer uses "well-known" or "wellknown".
QSet<QString> documentWords(const QList<Line> &lines)
{
    QSet<QString> words;
    static const QRegularExpression word(u"[\\p{L}]+(?:[-\u2010][\\p{L}]+)*"_s);
    for (const Line &line : lines) {
        auto it = word.globalMatch(line.text);
        while (it.hasNext())
            words.insert(it.next().captured().toLower());
    }
    return words;
}

// Appends `next` to a paragraph that ends with `text`, undoing an end-of-line hyphenation when it
// is one.
void appendLine(QString &text, const QString &next, const QSet<QString> &words)
{
    if (text.isEmpty()) {
        text = next;
        return;
    }
    if (isHyphen(text.back()) && text.size() >= 2 && text[text.size() - 2].isLetter() && !next.isEmpty()
        && next.front().isLower()) {
        const QChar hyphen = text.back();
        const QString before = trailingLetters(QStringView(text).chopped(1));
        const QString after = leadingLetters(next);
        bool join = hyphen == QChar(0x00AD);
        if (!join && !before.isEmpty() && before == before.toLower()) {
            const QString joined = (before + after).toLower();
            const QString hyphenated = (before + u'-' + after).toLower();
            // "editor-" + "in-chief": the rest is itself a compound, so the hyphen is one of its own.
            const bool compoundRest = next.size() > after.size() && isHyphen(next[after.size()]);
            // "denial-of-" + "service": the part before is already a compound.
            const qsizetype beforeStart = text.size() - 1 - before.size();
            const bool compoundBefore = beforeStart > 0 && isHyphen(text[beforeStart - 1]);
            join = words.contains(joined)
                || (!words.contains(hyphenated) && !compoundRest && !compoundBefore
                    && !isCompoundPrefix(before.toLower()));
        }
        if (join) {
            text.chop(1);
            text += next;
            return;
        }
        if (hyphen == QChar(0x2010))
            text.back() = u'-';
        text += next;
        return;
    }
    if (text.back() == QChar(0x00AD))
        text.chop(1);
    text += u' ' + next;
}

struct Paragraph
{
    QString text;
    bool heading = false;
};

QList<Paragraph> buildParagraphs(const QList<Line> &lines, double bodyHeight, const QSet<QString> &words)
{
    // The usual distance between baselines of consecutive lines in one column.
    QList<double> steps;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const double step = lines[i].rect.bottom() - lines[i - 1].rect.bottom();
        if (lines[i].page == lines[i - 1].page && step > 0.8 * bodyHeight && step < 3 * bodyHeight
            && std::abs(lines[i].rect.height() - bodyHeight) < 0.2 * bodyHeight)
            steps.append(step);
    }
    // With very few lines the gaps between paragraphs would be taken for the line spacing.
    // A low percentile, not the median: in a text of many one-line paragraphs most steps are
    // paragraph gaps.
    double leading = 1.2 * bodyHeight;
    if (steps.size() >= 3) {
        std::sort(steps.begin(), steps.end());
        leading = steps[steps.size() / 5];
    }
    QList<Paragraph> paragraphs;
    Paragraph current;
    double currentHeight = 0;
    double maxRight = 0;
    double minLeft = 0;
    int linesInParagraph = 0;
    auto flush = [&] {
        if (!current.text.isEmpty())
            paragraphs.append(current);
        current = {};
        linesInParagraph = 0;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines[i];
        const double height = line.rect.height();
        const bool larger = height > 1.15 * bodyHeight;
        bool breakBefore = linesInParagraph == 0;
        if (!breakBefore) {
            const Line &prev = lines[i - 1];
            const bool newColumn = line.page != prev.page || line.rect.top() < prev.rect.top() - 0.5 * height
                || line.rect.left() > prev.rect.right();
            if (std::abs(height - currentHeight) > 0.15 * std::max(height, currentHeight))
                breakBefore = true; // a change of type size: a heading starts or ends
            else if (newColumn)
                breakBefore = endsSentence(prev.text) || current.heading;
            else if (line.rect.bottom() - prev.rect.bottom() > 1.4 * leading)
                breakBefore = true;
            else if (line.rect.left() > prev.rect.left() + 0.8 * bodyHeight
                     && line.rect.left() > minLeft + 0.8 * bodyHeight)
                breakBefore = true; // a first-line indent
            else if (!current.heading && endsSentence(prev.text) && linesInParagraph >= 2
                     && prev.rect.right() < maxRight - 0.15 * (maxRight - minLeft))
                breakBefore = true; // the short last line of a paragraph
        }
        if (breakBefore && linesInParagraph > 0)
            flush();
        if (linesInParagraph == 0) {
            current.heading = larger && line.text.size() <= 200;
            currentHeight = height;
            maxRight = line.rect.right();
            minLeft = line.rect.left();
        }
        appendLine(current.text, line.text, words);
        maxRight = std::max(maxRight, line.rect.right());
        minLeft = std::min(minLeft, line.rect.left());
        ++linesInParagraph;
    }
    flush();
    return paragraphs;
}

// Paragraphs for an export whose lines are fields (Nexis Uni): a line joins the one before only
// when that one runs to the right edge of the text, the gap between them is an ordinary line gap,
// and it is not itself a field line ("Section: …", "Body", "End of Document"). Only page numbers
// are dropped: a publication line or "End of Document" recurs near the top or bottom of most pages
// and must stay.
QStringList exportParagraphs(QList<Line> lines, double bodyHeight, const QSet<QString> &words)
{
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype j = i;
        while (j < lines.size() && lines[j].page == lines[i].page)
            ++j;
        for (qsizetype k : marginLines(lines, i, j))
            lines[k].drop = PdfImporter::isPageNumber(lines[k].text);
        i = j;
    }
    lines.removeIf([](const Line &l) { return l.drop; });
    if (lines.isEmpty())
        return {};
    double left = lines.first().rect.left();
    // The text's right edge: a high percentile of the body lines' ends, not the longest line (a
    // headline or an unbreakable address may run past the column).
    QList<double> rights;
    QList<double> steps;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        left = std::min(left, lines[i].rect.left());
        if (std::abs(lines[i].rect.height() - bodyHeight) < 0.2 * bodyHeight)
            rights.append(lines[i].rect.right());
        if (i > 0 && lines[i].page == lines[i - 1].page) {
            const double step = lines[i].rect.bottom() - lines[i - 1].rect.bottom();
            if (step > 0.8 * bodyHeight && step < 3 * bodyHeight)
                steps.append(step);
        }
    }
    std::sort(rights.begin(), rights.end());
    const double right = rights.isEmpty() ? lines.first().rect.right() : rights[rights.size() * 9 / 10];
    // The closest baselines are lines of one paragraph: in an export most steps are the gaps
    // between one-line fields, so a percentile would be a paragraph gap.
    const double leading = steps.isEmpty() ? 1.2 * bodyHeight : *std::min_element(steps.begin(), steps.end());
    // The lines an export starts on its own: its field names, "Body", "Classification", the end.
    static const QRegularExpression field(
        u"^(?:(?:Section|Length|Byline|Dateline|Highlight|Edition|Column|Series|Correction|Correction-Date|"
        "Type|Version|Notes|Graphic|Author|Words|Language|Publication-Type|Subject|Geographic|Organization|"
        "Person|Company|Industry|Ticker|Document-Type|Journal-Code|Load-Date):|Copyright\\b|Body$|"
        "Classification$|End of Document$)"_s);
    QStringList paragraphs;
    QString current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines[i];
        bool join = i > 0 && !current.isEmpty();
        if (join) {
            const Line &prev = lines[i - 1];
            // The line before broke because this line's first word did not fit after it (its width
            // estimated from this line's average character width): it is wrapped text.
            const qsizetype firstWord = std::max<qsizetype>(
                1, line.text.indexOf(u' ') < 0 ? line.text.size() : line.text.indexOf(u' '));
            const double charWidth = line.rect.width() / std::max<qsizetype>(1, line.text.size());
            const bool full = prev.rect.right() + charWidth * double(firstWord + 1) > right - 0.5 * bodyHeight
                || prev.rect.right() >= right - 0.1 * (right - left);
            // A headline in larger type, wrapped: its lines join wherever they break.
            const double height = line.rect.height();
            const bool headline
                = height > 1.15 * bodyHeight && std::abs(prev.rect.height() - height) < 0.08 * height;
            const double scale = headline ? height / bodyHeight : 1.0;
            const bool ordinaryGap
                = line.page != prev.page || line.rect.bottom() - prev.rect.bottom() <= 1.4 * leading * scale;
            // Field lines are set in body type; a headline may well start "Reports: …". A long field
            // wraps like text ("Subject: …" over two lines).
            join = headline ? line.page == prev.page && ordinaryGap
                            : full && ordinaryGap && !field.match(line.text).hasMatch();
        }
        if (!join && !current.isEmpty()) {
            paragraphs.append(current);
            current.clear();
        }
        appendLine(current, line.text, words);
    }
    if (!current.isEmpty())
        paragraphs.append(current);
    return paragraphs;
}

QString sameText(const QString &text)
{
    return text.simplified().toCaseFolded();
}

} // namespace

bool PdfImporter::isPageNumber(QStringView line)
{
    static const QRegularExpression number(
        u"^(?:page\\s*)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?(?:\\s*(?:of|/)\\s*\\d{1,4})?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return number.match(line.trimmed().toString()).hasMatch();
}

bool PdfImporter::isUsableMetadataTitle(QStringView title)
{
    const QString t = title.trimmed().toString();
    if (t.isEmpty() || t.size() > 300)
        return false;
    const QString lower = t.toLower();
    static const QStringList tools { u"untitled"_s, u"microsoft word"_s, u"document"_s, u"title"_s };
    for (const QString &tool : tools) {
        if (lower == tool || lower.startsWith(tool + u" - "_s))
            return false;
    }
    static const QRegularExpression fileName(u"\\.(?:docx?|odt|rtf|pdf|indd|qxd|txt|html?|tex|ps)$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    return !fileName.match(t).hasMatch();
}

Result<MarkupImporter::Converted> PdfImporter::read(const QByteArray &data, QStringList *fieldParagraphs)
{
    using R = Result<MarkupImporter::Converted>;
    quietPoppler();
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(data);
    if (!document)
        return R::failure(tr("the PDF document is damaged or truncated and cannot be read"));
    if (document->isLocked())
        return R::failure(tr("the PDF is encrypted and needs a password"));
    const int pageCount = document->numPages();
    if (pageCount <= 0)
        return R::failure(tr("the PDF has no pages"));

    QList<Line> lines;
    for (int p = 0; p < pageCount; ++p) {
        const std::unique_ptr<Poppler::Page> page = document->page(p);
        if (page)
            lines += pageLines(*page, p);
    }
    if (lines.isEmpty())
        return R::failure(tr("the PDF has no text layer (a scanned document?); Lede does not do OCR"));
    if (fieldParagraphs) {
        QList<double> heights;
        for (const Line &line : std::as_const(lines))
            heights.append(line.rect.height());
        *fieldParagraphs = exportParagraphs(lines, median(heights), documentWords(lines));
    }
    dropRunningLines(lines, pageCount);
    if (lines.isEmpty())
        return R::failure(tr("the PDF holds only page headers, footers and numbers, no article text"));

    QList<double> heights;
    for (const Line &line : std::as_const(lines))
        heights.append(line.rect.height());
    const double bodyHeight = median(heights);
    if (lcImport().isDebugEnabled()) {
        for (const Line &line : std::as_const(lines))
            qCDebug(lcImport) << "pdf line" << line.page << line.rect << line.text.left(40);
    }

    // Before the title lines are taken out: they count as the writer's spelling too.
    const QSet<QString> words = documentWords(lines);
    MarkupImporter::Converted result;
    result.metadata.insert(u"pages"_s, QString::number(pageCount));
    const QString metaTitle = document->title().simplified();
    const QString metaAuthor = document->author().simplified();
    if (!metaTitle.isEmpty())
        result.metadata.insert(u"pdf_title"_s, metaTitle);
    if (!metaAuthor.isEmpty()) {
        result.metadata.insert(u"pdf_author"_s, metaAuthor);
        result.hints.byline = metaAuthor;
        result.provenance.insert(u"byline"_s, u"PDF metadata"_s);
    }

    if (isUsableMetadataTitle(metaTitle)) {
        result.hints.title = metaTitle;
        result.provenance.insert(u"title"_s, u"PDF metadata"_s);
        // The title printed on the page as well is not body text.
        QString joined;
        qsizetype n = 0;
        while (n < lines.size() && n < 4 && lines[n].page == 0) {
            joined = joined.isEmpty() ? lines[n].text : joined + u' ' + lines[n].text;
            ++n;
            if (sameText(joined) == sameText(metaTitle)) {
                lines.remove(0, n);
                break;
            }
        }
    } else {
        // The largest type among the first lines of page 1, when clearly larger than the body's.
        qsizetype best = -1;
        for (qsizetype i = 0; i < lines.size() && i < 12 && lines[i].page == 0; ++i) {
            if (best < 0 || lines[i].rect.height() > lines[best].rect.height() + 0.01)
                best = i;
        }
        if (best >= 0 && lines[best].rect.height() > 1.15 * bodyHeight) {
            const double height = lines[best].rect.height();
            qsizetype end = best + 1;
            while (end < lines.size() && lines[end].page == 0 && end - best < 6
                   && std::abs(lines[end].rect.height() - height) < 0.08 * height)
                ++end;
            QString title;
            for (qsizetype i = best; i < end; ++i)
                appendLine(title, lines[i].text, words);
            result.hints.title = title;
            result.provenance.insert(u"title"_s, u"largest type on page 1"_s);
            lines.remove(best, end - best);
        }
    }

    QString text;
    for (const Paragraph &paragraph : buildParagraphs(lines, bodyHeight, words)) {
        if (!text.isEmpty())
            text += u"\n\n"_s;
        if (paragraph.heading)
            result.hints.headings.append(Span { text.size(), text.size() + paragraph.text.size() });
        text += paragraph.text;
    }
    result.text = text;
    result.encoding = u"PDF"_s;
    return result;
}

} // namespace Lede
