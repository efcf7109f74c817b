// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalText.h"

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString hex(uint value, int width)
{
    return QString::number(value, 16).toUpper().rightJustified(width, u'0');
}

bool isBidiOrSeparator(char16_t c)
{
    return c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

QString terminalSafe(const QString &text)
{
    // Most text needs nothing: return it unchanged without building a copy.
    qsizetype first = 0;
    for (; first < text.size(); ++first) {
        const char16_t c = text[first].unicode();
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || QChar::isSurrogate(c) || isBidiOrSeparator(c))
            break;
    }
    if (first == text.size())
        return text;

    QString out = text.left(first);
    out.reserve(text.size() + 16);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += text[i];
            out += text[++i];
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c == u'\r') {
            out += u"\\r"_s;
        } else if (c == u'\t') {
            out += u"\\t"_s;
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            out += u"\\x"_s + hex(c, 2);
        } else if (c >= 0xDC80 && c <= 0xDCFF) {
            out += u"\\x"_s + hex(c - 0xDC00, 2); // a file name byte that was not UTF-8
        } else if (QChar::isSurrogate(c) || isBidiOrSeparator(c)) {
            out += u"\\u"_s + hex(c, 4);
        } else {
            out += QChar(c);
        }
    }
    return out;
}

} // namespace Lede
