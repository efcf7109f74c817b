// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextDecoder.h"

#include "FormatSniffer.h"

#include <QStringDecoder>
#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// 0x80..0x9F of Windows-1252; 0 marks the five unassigned bytes. The rest of the code page is
// ISO-8859-1, i.e. byte value == code point.
constexpr std::array<char16_t, 32> cp1252High
    = { 0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178 };

bool isTextControl(char32_t c)
{
    return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1A /* DOS EOF */
        || c == 0x1B /* ANSI escapes in terminal logs */;
}

// Many control characters (other than tab, newlines, form feed) mean this is not prose.
bool tooManyControls(qsizetype controls, qsizetype length)
{
    return controls >= 4 && controls * 50 > length;
}

bool tooManyControls(QByteArrayView bytes)
{
    qsizetype controls = 0;
    const auto count = [&](char b) {
        controls += static_cast<unsigned char>(b) < 0x20 && !isTextControl(static_cast<unsigned char>(b));
    };
    qsizetype i = 0;
#ifdef __SSE2__
    // Sixteen bytes at a time: only a block with a byte below 0x20 (a line break, mostly) is counted
    // byte by byte.
    const char *data = bytes.data();
    for (; i + 16 <= bytes.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i below = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
        if (_mm_movemask_epi8(below) == 0)
            continue;
        for (qsizetype k = i; k < i + 16; ++k)
            count(data[k]);
    }
#endif
    for (; i < bytes.size(); ++i)
        count(bytes[i]);
    return tooManyControls(controls, bytes.size());
}

bool tooManyControls(QStringView text)
{
    qsizetype controls = 0;
    for (const QChar c : text)
        controls += c.unicode() < 0x20 && !isTextControl(c.unicode());
    return tooManyControls(controls, text.size());
}

// The number of bytes at the end of data that start a UTF-8 sequence the file cuts short (0-3).
qsizetype truncatedUtf8Tail(QByteArrayView data)
{
    const auto at = [&](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    for (qsizetype back = 1; back <= 3 && back <= data.size(); ++back) {
        const unsigned char b = at(data.size() - back);
        if ((b & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for the lead byte
        const qsizetype needed = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1;
        return needed > back ? back : 0;
    }
    return 0;
}

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

Result<TextDecoder::Decoded> decodeWith(QStringConverter::Encoding encoding, const QByteArray &data,
                                        const QString &name, QStringList warnings)
{
    // Qt's UTF-16/32 decoders keep a trailing odd byte as state and pass lone surrogates through,
    // so both are checked here.
    const qsizetype unit = (encoding == QStringConverter::Utf32LE || encoding == QStringConverter::Utf32BE)
        ? 4
        : (encoding == QStringConverter::Utf16LE || encoding == QStringConverter::Utf16BE) ? 2
                                                                                           : 1;
    // A file cut short in its last character keeps the text before it, with a warning.
    const qsizetype extra = data.size() % unit;
    QStringDecoder decoder(encoding);
    QString text = decoder.decode(QByteArrayView(data).chopped(extra));
    qsizetype dropped = extra;
    if (!text.isEmpty() && text.back().isHighSurrogate()) {
        text.chop(1);
        dropped += 2;
    }
    if (decoder.hasError() || hasLoneSurrogate(text))
        return Result<TextDecoder::Decoded>::failure(
            u"the file claims to be %1 but holds invalid %1 data"_s.arg(name));
    if (dropped > 0)
        warnings.append(
            u"the file ends in the middle of a %1 character; its last %2 byte(s) were dropped"_s.arg(name)
                .arg(dropped));
    if (text.contains(QChar(0)) || tooManyControls(QStringView(text)))
        return Result<TextDecoder::Decoded>::failure(
            u"the file looks binary, not text (control characters in %1 text)"_s.arg(name));
    return TextDecoder::Decoded { std::move(text), name, std::move(warnings) };
}

// UTF-16 without a BOM: plain Latin text has a zero in every other byte, and nowhere else.
std::optional<QStringConverter::Encoding> sniffUtf16(const QByteArray &data)
{
    const qsizetype n = std::min<qsizetype>(data.size(), 4096) & ~qsizetype(1);
    if (n < 4 || data.size() % 2 != 0)
        return std::nullopt;
    qsizetype evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += data[i] == 0;
        oddZeros += data[i + 1] == 0;
    }
    const qsizetype pairs = n / 2;
    if (evenZeros == 0 && oddZeros * 10 >= pairs * 4)
        return QStringConverter::Utf16LE;
    if (oddZeros == 0 && evenZeros * 10 >= pairs * 4)
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

} // namespace

QString TextDecoder::decodeWindows1252(QByteArrayView data)
{
    QString out(data.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (const char ch : data) {
        const auto b = static_cast<unsigned char>(ch);
        char16_t c = b;
        if (b >= 0x80 && b <= 0x9F)
            c = cp1252High[b - 0x80] ? cp1252High[b - 0x80] : char16_t(0xFFFD);
        *dst++ = QChar(c);
    }
    return out;
}

bool TextDecoder::isWindows1252(QByteArrayView data, qsizetype *badOffset)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto b = static_cast<unsigned char>(data[i]);
        if (b >= 0x80 && b <= 0x9F && cp1252High[b - 0x80] == 0) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
    }
    return true;
}

Result<TextDecoder::Decoded> TextDecoder::decode(const QByteArray &data)
{
    if (data.isEmpty())
        return Result<Decoded>::failure(u"the file is empty"_s);
    // Magic bytes first: they are certain, and a binary file's zeros could pass for UTF-16.
    if (const QString format = FormatSniffer::binaryKind(data); !format.isEmpty())
        return Result<Decoded>::failure(u"the file is %1, not text"_s.arg(format));

    // A BOM decides the encoding; NUL bytes are then normal (UTF-16/32), so the binary check
    // looks at the decoded characters instead of the bytes.
    if (data.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)))
        return decodeWith(QStringConverter::Utf32LE, data, u"UTF-32LE"_s, {});
    if (data.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return decodeWith(QStringConverter::Utf32BE, data, u"UTF-32BE"_s, {});
    if (data.startsWith("\xFF\xFE"))
        return decodeWith(QStringConverter::Utf16LE, data, u"UTF-16LE"_s, {});
    if (data.startsWith("\xFE\xFF"))
        return decodeWith(QStringConverter::Utf16BE, data, u"UTF-16BE"_s, {});
    const bool utf8Bom = data.startsWith("\xEF\xBB\xBF");

    if (!utf8Bom) {
        if (const auto enc = sniffUtf16(data)) {
            const QString name = *enc == QStringConverter::Utf16LE ? u"UTF-16LE"_s : u"UTF-16BE"_s;
            return decodeWith(*enc, data, name,
                              { u"decoded as %1 (the file has no byte order mark)"_s.arg(name) });
        }
    }

    if (data.contains('\0'))
        return Result<Decoded>::failure(u"the file looks binary, not text (it contains NUL bytes)"_s);
    if (tooManyControls(QByteArrayView(data)))
        return Result<Decoded>::failure(u"the file looks binary, not text (many control characters)"_s);

    // Stateless: Qt's stateful decoder would keep a cut-off last character as pending state and
    // drop it without an error.
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(data);
    if (!utf8.hasError())
        return Decoded { std::move(text), u"UTF-8"_s, {} };
    // Only when the rest is UTF-8 beyond ASCII: "café" in Windows-1252 also ends in a byte (0xE9)
    // that starts a UTF-8 sequence.
    const qsizetype tail = truncatedUtf8Tail(data);
    const QByteArrayView head = QByteArrayView(data).chopped(tail);
    const bool headHasUtf8 = std::any_of(head.begin(), head.end(), [](char b) { return b & 0x80; });
    if (tail > 0 && headHasUtf8) {
        QStringDecoder headDecoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        QString headText = headDecoder.decode(head);
        if (!headDecoder.hasError()) {
            return Decoded {
                std::move(headText),
                u"UTF-8"_s,
                { u"the file ends in the middle of a UTF-8 character; its last %1 byte(s) were dropped"_s.arg(
                    tail) }
            };
        }
    }

    if (utf8Bom) {
        // The file says it is UTF-8; trust that over a guess and keep the damage visible.
        return Decoded { std::move(text),
                         u"UTF-8"_s,
                         { u"invalid UTF-8 sequences were replaced with \uFFFD"_s } };
    }

    qsizetype bad = -1;
    if (!isWindows1252(data, &bad)) {
        return Result<Decoded>::failure(
            u"cannot decode the file: not UTF-8, UTF-16 or Windows-1252 (byte 0x%1 at offset %2)"_s
                .arg(static_cast<unsigned char>(data[bad]), 2, 16, QLatin1Char('0'))
                .arg(bad));
    }
    return Decoded { decodeWindows1252(data),
                     u"Windows-1252"_s,
                     { u"decoded as Windows-1252 (the file is not valid UTF-8)"_s } };
}

QString TextDecoder::normalizeLineEndings(const QString &text)
{
    if (!text.contains(QLatin1Char('\r')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r')) {
            out += QLatin1Char('\n');
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
        } else {
            out += c;
        }
    }
    return out;
}

void TextDecoder::trim(QString *text, QList<Span> *spans)
{
    // Leading blank lines: cut at the start of the first line that holds something.
    qsizetype lead = 0;
    for (qsizetype i = 0; i < text->size(); ++i) {
        const QChar c = text->at(i);
        if (c == QLatin1Char('\n'))
            lead = i + 1;
        else if (!c.isSpace())
            break;
    }
    qsizetype end = text->size();
    while (end > lead && text->at(end - 1).isSpace())
        --end;
    if (end <= lead) {
        text->clear();
        if (spans)
            spans->clear();
        return;
    }
    *text = text->mid(lead, end - lead);
    if (!spans)
        return;
    QList<Span> kept;
    for (Span s : std::as_const(*spans)) {
        s.start = std::clamp<qsizetype>(s.start - lead, 0, text->size());
        s.end = std::clamp<qsizetype>(s.end - lead, 0, text->size());
        if (!s.isEmpty())
            kept.append(s);
    }
    *spans = kept;
}

QString TextDecoder::normalize(const QString &text)
{
    QString out = normalizeLineEndings(text);
    trim(&out);
    return out;
}

} // namespace Lede
