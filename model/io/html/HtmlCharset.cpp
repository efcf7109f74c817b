// SPDX-License-Identifier: GPL-3.0-or-later
#include "HtmlCharset.h"

#include "io/TextDecoder.h"

#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype PrescanBytes = 16 * 1024;

bool isWindows1252Label(const QString &label)
{
    static const QStringList labels
        = { u"windows-1252"_s, u"cp1252"_s,      u"x-cp1252"_s,   u"iso-8859-1"_s,
            u"iso8859-1"_s,    u"iso_8859-1"_s,  u"latin1"_s,     u"l1"_s,
            u"us-ascii"_s,     u"ascii"_s,       u"iso-ir-100"_s, u"ibm819"_s,
            u"cp819"_s,        u"csisolatin1"_s, u"iso88591"_s,   u"ansi_x3.4-1968"_s };
    return labels.contains(label);
}

bool isUtf8Label(const QString &label)
{
    return label == u"utf-8"_s || label == u"utf8"_s || label == u"unicode-1-1-utf-8"_s
        || label == u"x-unicode20utf8"_s;
}

struct Decoding
{
    bool ok = false;
    QString text;
    QString encoding;
    QStringList warnings;
};

Decoding decodeAs(const QByteArray &data, QString label, bool fromMeta)
{
    Decoding d;
    // A page cannot really be UTF-16 when its ASCII <meta> could be read: the spec says UTF-8.
    if (fromMeta && label.startsWith(u"utf-16"_s))
        label = u"utf-8"_s;
    if (isWindows1252Label(label)) {
        d.ok = true;
        d.text = TextDecoder::decodeWindows1252(data);
        d.encoding = u"Windows-1252"_s;
        return d;
    }
    if (isUtf8Label(label)) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        d.text = utf8.decode(data);
        d.ok = true;
        d.encoding = u"UTF-8"_s;
        if (utf8.hasError())
            d.warnings.append(u"the page says UTF-8 but holds invalid bytes; they were replaced"_s);
        return d;
    }
    QStringDecoder decoder(label.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return d;
    d.text = decoder.decode(data);
    d.ok = true;
    d.encoding = label.toUpper();
    if (decoder.hasError())
        d.warnings.append(
            u"the page holds bytes that are not valid %1; they were replaced"_s.arg(d.encoding));
    return d;
}

} // namespace

QString HtmlCharset::fromContentType(QStringView contentType)
{
    static const QRegularExpression re(u"charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(contentType.toString());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString HtmlCharset::declaredInMarkup(QByteArrayView data)
{
    // The prescan works on ASCII bytes; Latin-1 keeps every byte as one character.
    QString head = QString::fromLatin1(data.first(std::min(data.size(), PrescanBytes)));
    static const QRegularExpression xmlDecl(u"^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (const auto m = xmlDecl.match(head); m.hasMatch())
        return m.captured(1).toLower();
    static const QRegularExpression comment(u"<!--.*?-->"_s, QRegularExpression::DotMatchesEverythingOption);
    head.remove(comment);
    static const QRegularExpression meta(u"<meta\\s[^>]*>"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression charset(u"charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    auto it = meta.globalMatch(head);
    while (it.hasNext()) {
        const auto tag = it.next();
        if (const auto m = charset.match(tag.capturedView()); m.hasMatch())
            return m.captured(1).toLower();
    }
    return {};
}

Result<HtmlCharset::Decoded> HtmlCharset::decode(const QByteArray &data, const QString &httpContentType)
{
    using R = Result<Decoded>;
    if (data.isEmpty())
        return R::failure(u"the file is empty"_s);
    Decoded out;
    // 1. A byte order mark.
    struct Bom
    {
        QByteArrayView bytes;
        QStringDecoder::Encoding encoding;
        const char16_t *name;
    };
    static const Bom boms[] = {
        { "\xEF\xBB\xBF", QStringDecoder::Utf8, u"UTF-8" },
        { "\xFF\xFE", QStringDecoder::Utf16LE, u"UTF-16LE" },
        { "\xFE\xFF", QStringDecoder::Utf16BE, u"UTF-16BE" },
    };
    for (const Bom &bom : boms) {
        if (data.startsWith(bom.bytes)) {
            QStringDecoder decoder(bom.encoding, QStringDecoder::Flag::Stateless);
            out.html = decoder.decode(QByteArrayView(data).sliced(bom.bytes.size()));
            out.encoding = QString::fromUtf16(bom.name);
            out.declaredBy = u"BOM"_s;
            if (decoder.hasError())
                out.warnings.append(
                    u"the page holds bytes that are not valid %1; they were replaced"_s.arg(out.encoding));
            return out;
        }
    }
    // 2. The HTTP header, 3. the markup.
    const struct
    {
        QString label;
        QString by;
        bool fromMeta;
    } declarations[] = {
        { fromContentType(httpContentType), u"HTTP header"_s, false },
        { declaredInMarkup(data), u"meta"_s, true },
    };
    for (const auto &declared : declarations) {
        if (declared.label.isEmpty())
            continue;
        Decoding d = decodeAs(data, declared.label, declared.fromMeta);
        if (!d.ok) {
            out.warnings.append(
                u"the page's charset \"%1\" is unknown; it was guessed"_s.arg(declared.label));
            continue;
        }
        out.html = std::move(d.text);
        out.encoding = d.encoding;
        out.declaredBy = declared.by;
        out.warnings += d.warnings;
        return out;
    }
    // 4. Nothing declared: UTF-8 when valid, else Windows-1252.
    auto decoded = TextDecoder::decode(data);
    if (!decoded)
        return R::failure(decoded.errorString());
    out.html = std::move(decoded.value().text);
    out.encoding = decoded->encoding;
    out.warnings += decoded->warnings;
    return out;
}

} // namespace Lede
