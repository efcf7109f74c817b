// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Lede {

// Decodes the bytes of a saved web page the way a browser picks the encoding, without fetching
// anything: a byte order mark wins; then the charset of an HTTP Content-Type header when the caller
// has one (a page fetched from a URL); then <meta charset="…"> or <meta http-equiv="Content-Type"
// content="…; charset=…"> (or an XML declaration) among the first 16 KiB; with none of these, the
// bytes are UTF-8 when they are valid UTF-8, else Windows-1252.
//
// Labels follow the WHATWG Encoding Standard where it matters: ISO-8859-1, US-ASCII and Latin-1
// mean Windows-1252, and a <meta> that claims UTF-16 means UTF-8. A declared encoding that Qt cannot
// decode falls back to the undeclared rule, with a warning; declared UTF-8 that is not valid UTF-8
// is decoded with replacement characters, with a warning, as a browser does.
//
// Fails (one line) only for empty data and for bytes TextDecoder refuses when nothing is declared.
class HtmlCharset final
{
public:
    struct Decoded
    {
        QString html;
        QString encoding; // "UTF-8", "Windows-1252", "ISO-8859-2", ...
        QString declaredBy; // "BOM", "HTTP header", "meta", "XML declaration" or "" (guessed)
        QStringList warnings;
    };

    // httpContentType: the whole header value ("text/html; charset=iso-8859-2") or empty.
    static Result<Decoded> decode(const QByteArray &data, const QString &httpContentType = {});

    // The charset named in <meta> or an XML declaration near the start of data, lower case, or "".
    static QString declaredInMarkup(QByteArrayView data);
    // The charset parameter of a Content-Type value, lower case, or "".
    static QString fromContentType(QStringView contentType);
};

} // namespace Lede
