// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormatSniffer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::FormatSniffer", text);
}

bool isUnspacedScript(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
    case QChar::Script_Tibetan:
        return true;
    default:
        return false;
    }
}

// Skips whitespace, XML comments, processing instructions and a DOCTYPE (with an internal subset);
// returns the position of the first element's "<", or -1.
qsizetype firstElement(QStringView text)
{
    qsizetype i = 0;
    const qsizetype limit = std::min<qsizetype>(text.size(), 64 * 1024);
    while (i < limit) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        if (text[i] != u'<')
            return -1;
        const QStringView rest = text.sliced(i);
        qsizetype end = -1;
        if (rest.startsWith(u"<?"))
            end = rest.indexOf(u"?>") + (rest.indexOf(u"?>") >= 0 ? 2 : 0);
        else if (rest.startsWith(u"<!--"))
            end = rest.indexOf(u"-->") + (rest.indexOf(u"-->") >= 0 ? 3 : 0);
        else if (rest.startsWith(u"<!", Qt::CaseInsensitive)) {
            const qsizetype bracket = rest.indexOf(u'[');
            const qsizetype close = rest.indexOf(u'>');
            if (bracket >= 0 && (close < 0 || bracket < close)) {
                const qsizetype subsetEnd = rest.indexOf(u"]>", bracket);
                end = subsetEnd >= 0 ? subsetEnd + 2 : -1;
            } else {
                end = close >= 0 ? close + 1 : -1;
            }
        } else
            return i;
        if (end <= 0)
            return -1;
        i += end;
    }
    return -1;
}

QString elementName(QStringView text, qsizetype at)
{
    qsizetype i = at + 1;
    while (i < text.size() && i - at < 64
           && (text[i].isLetterOrNumber() || text[i] == u':' || text[i] == u'-' || text[i] == u'_'))
        ++i;
    return text.sliced(at + 1, i - at - 1).toString().toLower();
}

} // namespace

QString FormatSniffer::binaryKind(QByteArrayView data)
{
    struct Magic
    {
        qsizetype offset;
        QByteArrayView bytes;
        const char *name;
    };
    static const Magic magics[] = {
        { 0, "%PDF-", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a PDF document") },
        { 0, "PK\x03\x04",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a ZIP archive (EPUB, DOCX or similar)") },
        { 0, "PK\x05\x06",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a ZIP archive (EPUB, DOCX or similar)") },
        { 0, "PK\x07\x08",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a ZIP archive (EPUB, DOCX or similar)") },
        { 0, "\x89PNG\r\n\x1A\n", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a PNG image") },
        { 0, "\xFF\xD8\xFF", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a JPEG image") },
        { 0, "GIF87a", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a GIF image") },
        { 0, "GIF89a", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a GIF image") },
        { 0, QByteArrayView("II*\0", 4), QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a TIFF image") },
        { 0, QByteArrayView("MM\0*", 4), QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a TIFF image") },
        { 8, "WEBP", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a WebP image") },
        { 8, "WAVE", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a WAV sound file") },
        { 8, "AVI ", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an AVI video") },
        { 4, "ftyp", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an MP4/QuickTime video or image") },
        { 0, "\x1A\x45\xDF\xA3", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a Matroska/WebM video") },
        { 0, "OggS", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an Ogg audio or video file") },
        { 0, "fLaC", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a FLAC sound file") },
        { 0, "ID3", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an MP3 sound file") },
        { 0,
          "\x7F"
          "ELF",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an ELF executable or library") },
        { 0, "\xCF\xFA\xED\xFE", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a Mach-O executable") },
        { 0, "\xCA\xFE\xBA\xBE",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a Java class or Mach-O executable") },
        { 0, QByteArrayView("\0asm", 4), QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a WebAssembly module") },
        { 0, "\x1F\x8B", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a gzip archive") },
        { 0, "BZh", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a bzip2 archive") },
        { 0,
          QByteArrayView("\xFD"
                         "7zXZ\0",
                         6),
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an xz archive") },
        { 0, "\x28\xB5\x2F\xFD", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a Zstandard archive") },
        { 0, "7z\xBC\xAF\x27\x1C", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a 7-Zip archive") },
        { 0, "Rar!\x1A\x07", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a RAR archive") },
        { 257, "ustar", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a tar archive") },
        { 0, QByteArrayView("SQLite format 3\0", 16),
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an SQLite database") },
        { 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an old Microsoft Office document") },
        { 0, "wOFF", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a web font") },
        { 0, "wOF2", QT_TRANSLATE_NOOP("Lede::FormatSniffer", "a web font") },
        { 0, "!<arch>\n",
          QT_TRANSLATE_NOOP("Lede::FormatSniffer", "an ar archive (a .deb or a static library)") },
    };
    for (const Magic &m : magics) {
        if (data.size() >= m.offset + m.bytes.size() && data.sliced(m.offset).startsWith(m.bytes))
            return tr(m.name);
    }
    // A Windows executable starts "MZ"; with a PE header it is certain, and text never has the NUL
    // bytes that follow.
    if (data.startsWith("MZ") && data.size() >= 64 && data.first(64).contains('\0'))
        return tr("a Windows executable");
    return {};
}

QString FormatSniffer::markupRefusal(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && i < 4096 && text[i].isSpace())
        ++i;
    const QStringView start = text.sliced(i);
    if (start.startsWith(u"{\\rtf"))
        return tr("the file is an RTF document in an encoding RTF does not use (RTF is 8-bit text); Lede "
                  "cannot read it");
    if (start.startsWith(u"%!PS"))
        return tr("the file is a PostScript document, not text");
    if (!start.startsWith(u'<'))
        return {};
    const qsizetype at = firstElement(start);
    if (at < 0) {
        if (start.startsWith(u"<?xml"))
            return tr("the file is an XML document with no element, not an article");
        return {};
    }
    const QString root = elementName(start, at);
    if (root == u"rss"_s || root == u"rdf:rdf"_s)
        return tr("the file is an RSS feed that is not well-formed XML where it starts; Lede cannot read it");
    if (root == u"feed"_s)
        return tr(
            "the file is an Atom feed that is not well-formed XML where it starts; Lede cannot read it");
    // Anything else that declares itself XML and is not XHTML.
    if (start.startsWith(u"<?xml") && root != u"html"_s)
        return tr("the file is an XML document (<%1>), not an article; XML is not supported").arg(root);
    return {};
}

int FormatSniffer::countWords(QStringView text, int stopAt)
{
    int words = 0;
    int lettersInRun = 0;
    bool inRun = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const bool letter = QChar::isLetter(c);
        if (letter && isUnspacedScript(c)) {
            if (inRun && lettersInRun >= 2)
                ++words;
            inRun = false;
            lettersInRun = 0;
            ++words;
        } else if (letter || QChar::isNumber(c) || QChar::isMark(c)) {
            inRun = true;
            lettersInRun += letter;
        } else {
            if (inRun && lettersInRun >= 2)
                ++words;
            inRun = false;
            lettersInRun = 0;
        }
        if (words >= stopAt)
            return words;
    }
    if (inRun && lettersInRun >= 2)
        ++words;
    return words;
}

QString FormatSniffer::tooLittleText(QStringView text)
{
    const int words = countWords(text);
    if (words >= MinWords)
        return {};
    return tr("too little text to be an article (it has %1 of the %2 words of two or more letters needed)")
        .arg(words)
        .arg(MinWords);
}

} // namespace Lede
