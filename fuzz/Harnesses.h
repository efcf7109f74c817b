// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fuzz harnesses' bodies, as inline functions: fuzz/fuzz_*.cpp hand them to libFuzzer, and
// tests/model/tst_fuzzregressions.cpp replays kept inputs (tests/data/fuzz/TARGET/) and the seeds
// through the very same code in every normal test run. Each returns 0; a broken property aborts
// (LEDE_FUZZ_CHECK), which is what makes libFuzzer keep the input.

#include "Span.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/FeedReader.h"
#include "io/FileAccess.h"
#include "io/FormatSniffer.h"
#include "io/MarkupImporter.h"
#include "io/RtfReader.h"
#include "io/TerminalText.h"
#include "io/TextDecoder.h"
#include "io/WireCopyParser.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define LEDE_FUZZ_CHECK(condition)                                                                           \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "check failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);              \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace LedeFuzz {

using namespace Lede;
using namespace Qt::StringLiterals;

inline bool inside(const Span &span, const QString &text)
{
    return span.start >= 0 && span.start <= span.end && span.end <= text.size();
}

// No control characters and no lone surrogates: what terminalSafe() promises.
inline bool isTerminalSafe(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return false;
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (QChar::isSurrogate(c))
            return false;
    }
    return true;
}

// The text decoder, the format sniffer and the file-name escaping on arbitrary bytes.
inline int textDecoder(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto decoded = TextDecoder::decode(bytes);
    if (decoded) {
        LEDE_FUZZ_CHECK(!decoded->encoding.isEmpty());
        const QString normal = TextDecoder::normalize(decoded->text);
        LEDE_FUZZ_CHECK(!normal.contains(QLatin1Char('\r')));
        LEDE_FUZZ_CHECK(normal.isEmpty() || !normal.back().isSpace());
        (void)FormatSniffer::markupRefusal(decoded->text);
        const int words = FormatSniffer::countWords(decoded->text, 1000);
        LEDE_FUZZ_CHECK(words >= 0 && words <= decoded->text.size());
        LEDE_FUZZ_CHECK(isTerminalSafe(terminalSafe(decoded->text)));
    } else {
        LEDE_FUZZ_CHECK(!decoded.errorString().isEmpty());
        LEDE_FUZZ_CHECK(!decoded.errorString().contains(QLatin1Char('\n')));
    }
    (void)FormatSniffer::binaryKind(bytes);
    // File names: any bytes survive the round trip, and the escaped form is plain text.
    const QString name = fileNameFromNative(bytes);
    LEDE_FUZZ_CHECK(fileNameToNative(name) == bytes);
    LEDE_FUZZ_CHECK(isTerminalSafe(terminalSafe(name)));
    return 0;
}

// The wire-copy parser on arbitrary (decoded, normalised) text: it never fails, and every block
// lies inside the body it returns.
inline int wireCopy(const uint8_t *data, size_t size)
{
    const QString text
        = TextDecoder::normalize(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    const Article a = WireCopyParser::parse(text);
    qsizetype lastStart = 0;
    for (const Block &b : a.blocks) {
        LEDE_FUZZ_CHECK(LedeFuzz::inside(b.span, a.body));
        LEDE_FUZZ_CHECK(b.span.start >= lastStart);
        lastStart = b.span.start;
    }
    // The building blocks on the first line and paragraph alone.
    const QStringView first = QStringView(text).left(
        text.indexOf(QLatin1Char('\n')) < 0 ? text.size() : text.indexOf(QLatin1Char('\n')));
    (void)WireCopyParser::parseByline(first);
    (void)WireCopyParser::parseDateLine(first);
    (void)WireCopyParser::isCrosshead(first);
    const WireCopyParser::Dateline d = WireCopyParser::parseDateline(text);
    LEDE_FUZZ_CHECK(d.length >= 0 && d.length <= text.size());
    (void)WireCopyParser::titleFromSentence(WireCopyParser::firstSentence(text));
    return 0;
}

// The HTML and Markdown importers on arbitrary text (the first byte picks the format), and the
// whole importer on the bytes: heading spans lie inside the text, nothing crashes or hangs.
inline int markup(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool html = data[0] & 1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    const MarkupImporter::Converted converted
        = html ? MarkupImporter::fromHtml(text) : MarkupImporter::fromMarkdown(text);
    for (const Span &s : converted.hints.headings)
        LEDE_FUZZ_CHECK(LedeFuzz::inside(s, converted.text));
    (void)MarkupImporter::decodeEntities(text);

    const auto imported = ArticleImporter::importData(bytes, html ? u"fuzz.html"_s : u"fuzz.md"_s);
    if (imported) {
        const Article &a = imported->article;
        LEDE_FUZZ_CHECK(!a.title.isEmpty());
        for (const Block &b : a.blocks)
            LEDE_FUZZ_CHECK(LedeFuzz::inside(b.span, a.body));
    }
    return 0;
}

// The analysis (entities, quotes with speakers, figures) on arbitrary text: every span lies inside
// the body.
inline int analyzer(const uint8_t *data, size_t size)
{
    Article article;
    article.body = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const AnalysisResult r = Analyzer::analyze(article);
    for (const Quote &q : r.quotes) {
        LEDE_FUZZ_CHECK(LedeFuzz::inside(q.span, article.body));
        if (q.speakerSpan)
            LEDE_FUZZ_CHECK(LedeFuzz::inside(*q.speakerSpan, article.body));
    }
    for (const Entity &e : r.entities)
        LEDE_FUZZ_CHECK(LedeFuzz::inside(e.span, article.body));
    for (const Figure &f : r.figures)
        LEDE_FUZZ_CHECK(LedeFuzz::inside(f.span, article.body));
    return 0;
}

// The document formats with readers of Lede's own: RTF (and Factiva exports), RSS and Atom feeds,
// DOCX and ODT (zip and XML; Nexis exports) and plain text; the first byte picks the file name. A
// refusal is one line; every story's blocks lie inside its body. (PDF is Poppler's to fuzz.)
inline int documents(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char16_t *const names[]
        = { u"fuzz.rtf", u"fuzz.rss", u"fuzz.atom", u"fuzz.docx", u"fuzz.odt", u"fuzz.txt" };
    const QString name = QString::fromUtf16(names[data[0] % 6]);
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    (void)RtfReader::read(bytes);
    (void)FeedReader::feedKind(bytes);
    (void)FeedReader::read(bytes);
    const auto imported = ArticleImporter::importDataArticles(bytes, name);
    if (imported) {
        for (const ImportedArticle &story : *imported) {
            for (const Block &b : story.article.blocks)
                LEDE_FUZZ_CHECK(LedeFuzz::inside(b.span, story.article.body));
        }
    } else {
        LEDE_FUZZ_CHECK(!imported.errorString().isEmpty());
        LEDE_FUZZ_CHECK(!imported.errorString().contains(QLatin1Char('\n')));
    }
    return 0;
}

} // namespace LedeFuzz
