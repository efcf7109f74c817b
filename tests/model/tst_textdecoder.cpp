// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding bytes to text (encodings, BOMs, binary and undecodable input) and normalising line ends.
#include "io/TextDecoder.h"

#include <QStringDecoder>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

class TestTextDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void rejects_data();
    void rejects();
    void controlCountIsExact();
    void windows1252Table_data();
    void windows1252Table();
    void windows1252MatchesIcuWhenAvailable();
    void normalize_data();
    void normalize();
    void trimShiftsSpans();
};

void TestTextDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QStringList>("warnings");

    const QString sample = u"“Café” 🎉 – ok\n"_s;
    QByteArray utf16le = "\xFF\xFE";
    QByteArray utf16be = "\xFE\xFF";
    QByteArray utf16leNoBom, utf32le = QByteArray("\xFF\xFE\x00\x00", 4);
    for (const QChar c : sample) {
        utf16le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
    }
    for (const QChar c : u"Plain text\n"_s)
        utf16leNoBom.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
    for (const char32_t cp : sample.toUcs4()) {
        for (int shift = 0; shift < 32; shift += 8)
            utf32le.append(char((cp >> shift) & 0xFF));
    }

    QTest::newRow("utf8-ascii") << QByteArray("Hello\n") << u"Hello\n"_s << u"UTF-8"_s << QStringList();
    QTest::newRow("utf8-curly-quotes-emoji") << sample.toUtf8() << sample << u"UTF-8"_s << QStringList();
    QTest::newRow("utf8-bom-stripped")
        << QByteArray("\xEF\xBB\xBF") + sample.toUtf8() << sample << u"UTF-8"_s << QStringList();
    QTest::newRow("utf16le-bom-with-surrogate-pair") << utf16le << sample << u"UTF-16LE"_s << QStringList();
    QTest::newRow("utf16be-bom") << utf16be << sample << u"UTF-16BE"_s << QStringList();
    QTest::newRow("utf32le-bom") << utf32le << sample << u"UTF-32LE"_s << QStringList();
    QTest::newRow("utf16le-without-bom-sniffed")
        << utf16leNoBom << u"Plain text\n"_s << u"UTF-16LE"_s
        << QStringList { u"decoded as UTF-16LE (the file has no byte order mark)"_s };
    QTest::newRow("windows-1252-curly-quotes-e-acute-en-dash")
        << QByteArray("\x93"
                      "Caf\xE9"
                      "\x94 \x96 ok")
        << u"“Café” – ok"_s << u"Windows-1252"_s
        << QStringList { u"decoded as Windows-1252 (the file is not valid UTF-8)"_s };
    QTest::newRow("latin1-byte-alone-is-windows-1252")
        << QByteArray("na\xEFve") << u"naïve"_s << u"Windows-1252"_s
        << QStringList { u"decoded as Windows-1252 (the file is not valid UTF-8)"_s };
    QTest::newRow("utf8-bom-with-invalid-byte-replaced")
        << QByteArray("\xEF\xBB\xBFok \xFF end") << u"ok \uFFFD end"_s << u"UTF-8"_s
        << QStringList { u"invalid UTF-8 sequences were replaced with \uFFFD"_s };
    // A file cut short inside its last character keeps the text before it and says so.
    QTest::newRow("utf8-truncated-tail-warned")
        << QByteArray("Caf\xC3\xA9 closes \xE2\x80") << u"Café closes "_s << u"UTF-8"_s
        << QStringList {
               u"the file ends in the middle of a UTF-8 character; its last 2 byte(s) were dropped"_s
           };
    QTest::newRow("utf8-truncated-emoji-warned")
        << QByteArray("\xE2\x80\x9CWave\xE2\x80\x9D \xF0\x9F\x8C") << u"“Wave” "_s << u"UTF-8"_s
        << QStringList {
               u"the file ends in the middle of a UTF-8 character; its last 3 byte(s) were dropped"_s
           };
    QTest::newRow("windows-1252-final-e-acute-is-not-truncated-utf8")
        << QByteArray("caf\xE9") << u"café"_s << u"Windows-1252"_s
        << QStringList { u"decoded as Windows-1252 (the file is not valid UTF-8)"_s };
    QTest::newRow("utf16le-bom-odd-length-warned")
        << QByteArray("\xFF\xFEH\x00i\x00!", 7) << u"Hi"_s << u"UTF-16LE"_s
        << QStringList {
               u"the file ends in the middle of a UTF-16LE character; its last 1 byte(s) were dropped"_s
           };
    QTest::newRow("utf16le-bom-cut-surrogate-pair-warned")
        << QByteArray("\xFF\xFEH\x00i\x00\x3C\xD8", 8) << u"Hi"_s << u"UTF-16LE"_s
        << QStringList {
               u"the file ends in the middle of a UTF-16LE character; its last 2 byte(s) were dropped"_s
           };
    QTest::newRow("tabs-and-form-feed-are-text")
        << QByteArray("a\tb\fc\r\n") << u"a\tb\fc\r\n"_s << u"UTF-8"_s << QStringList();
}

void TestTextDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    const auto result = TextDecoder::decode(bytes);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QTEST(result->text, "text");
    QTEST(result->encoding, "encoding");
    QTEST(result->warnings, "warnings");
}

void TestTextDecoder::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");

    QByteArray controls;
    for (int i = 0; i < 20; ++i)
        controls.append("ab\x01\x02\x03");
    QTest::newRow("empty") << QByteArray() << u"the file is empty"_s;
    QTest::newRow("nul-bytes") << QByteArray("ELF\x00\x01\x02 text", 12)
                               << u"the file looks binary, not text (it contains NUL bytes)"_s;
    QTest::newRow("many-control-characters")
        << controls << u"the file looks binary, not text (many control characters)"_s;
    QTest::newRow("pdf-signature") << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
                                   << u"the file is a PDF document, not text"_s;
    QTest::newRow("zip-signature") << QByteArray("PK\x03\x04\x14\x00", 6)
                                   << u"the file is a ZIP archive (EPUB, DOCX or similar), not text"_s;
    QTest::newRow("byte-undefined-in-windows-1252")
        << QByteArray("ok \xE9 then \x81")
        << u"cannot decode the file: not UTF-8, UTF-16 or Windows-1252 (byte 0x81 at offset 10)"_s;
    QTest::newRow("utf16le-bom-unpaired-surrogate")
        << QByteArray("\xFF\xFE"
                      "a\x00\x3D\xD8 \x00",
                      8)
        << u"the file claims to be UTF-16LE but holds invalid UTF-16LE data"_s;
    QTest::newRow("utf16le-bom-with-nul-characters")
        << QByteArray("\xFF\xFE"
                      "a\x00\x00\x00"
                      "b\x00",
                      8)
        << u"the file looks binary, not text (control characters in UTF-16LE text)"_s;
}

// Control characters are counted a block of bytes at a time: the count must be exact wherever they
// stand. 405 bytes take 8 controls (8 x 50 <= 405) and refuse 9; tabs, line breaks and escapes are
// not counted.
void TestTextDecoder::controlCountIsExact()
{
    for (int shift = 0; shift <= 16; ++shift) {
        QByteArray bytes(405, 'a');
        for (int k = 0; k < 8; ++k)
            bytes[shift + 47 * k] = '\x01';
        bytes[shift + 20] = '\n';
        bytes[shift + 21] = '\t';
        bytes[shift + 22] = '\x1b';
        QVERIFY2(TextDecoder::decode(bytes).ok(), qPrintable(QString::number(shift)));
        for (const int ninth : { 404, 400, shift + 1 }) {
            QByteArray more = bytes;
            more[ninth] = '\x02';
            const auto result = TextDecoder::decode(more);
            QVERIFY(!result.ok());
            QCOMPARE(result.errorString(), u"the file looks binary, not text (many control characters)"_s);
        }
    }
}

void TestTextDecoder::rejects()
{
    QFETCH(QByteArray, bytes);
    const auto result = TextDecoder::decode(bytes);
    QVERIFY(!result.ok());
    QTEST(result.errorString(), "error");
    QVERIFY(!result.errorString().contains(QLatin1Char('\n')));
}

void TestTextDecoder::windows1252Table_data()
{
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("codePoint"); // 0: unassigned in Windows-1252
    QTest::newRow("euro") << 0x80 << 0x20AC;
    QTest::newRow("ellipsis") << 0x85 << 0x2026;
    QTest::newRow("left-single-quote") << 0x91 << 0x2018;
    QTest::newRow("right-single-quote") << 0x92 << 0x2019;
    QTest::newRow("left-double-quote") << 0x93 << 0x201C;
    QTest::newRow("right-double-quote") << 0x94 << 0x201D;
    QTest::newRow("en-dash") << 0x96 << 0x2013;
    QTest::newRow("em-dash") << 0x97 << 0x2014;
    QTest::newRow("y-diaeresis") << 0x9F << 0x0178;
    QTest::newRow("nbsp-is-latin1") << 0xA0 << 0x00A0;
    QTest::newRow("e-acute-is-latin1") << 0xE9 << 0x00E9;
    for (int b : { 0x81, 0x8D, 0x8F, 0x90, 0x9D })
        QTest::addRow("unassigned-0x%x", b) << b << 0;
}

void TestTextDecoder::windows1252Table()
{
    QFETCH(int, byte);
    QFETCH(int, codePoint);
    const char c = char(byte);
    QCOMPARE(TextDecoder::isWindows1252(QByteArrayView(&c, 1)), codePoint != 0);
    if (codePoint != 0)
        QCOMPARE(TextDecoder::decodeWindows1252(QByteArrayView(&c, 1)), QString(QChar(char16_t(codePoint))));
}

void TestTextDecoder::windows1252MatchesIcuWhenAvailable()
{
    QStringDecoder icu("windows-1252");
    if (!icu.isValid())
        QSKIP("Qt has no windows-1252 codec here (built without ICU); the table test above still runs");
    QByteArray all;
    for (int b = 1; b < 256; ++b) {
        const char c = char(b);
        if (TextDecoder::isWindows1252(QByteArrayView(&c, 1)))
            all.append(c);
    }
    QCOMPARE(TextDecoder::decodeWindows1252(all), icu.decode(all));
}

void TestTextDecoder::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::newRow("crlf") << u"a\r\nb\r\n"_s << u"a\nb"_s;
    QTest::newRow("lone-cr") << u"a\rb\r\rc"_s << u"a\nb\n\nc"_s;
    QTest::newRow("mixed-line-ends") << u"a\r\n\rb\nc"_s << u"a\n\nb\nc"_s;
    QTest::newRow("leading-blank-lines-with-spaces")
        << u"\n  \n\t\n  Indented first\nsecond"_s << u"  Indented first\nsecond"_s;
    QTest::newRow("trailing-whitespace-run") << u"end.  \n \n\t\n"_s << u"end."_s;
    QTest::newRow("internal-blank-lines-and-spaces-kept")
        << u"a  b\n\n\n  c "_s + u"\nd"_s << u"a  b\n\n\n  c \nd"_s;
    QTest::newRow("curly-quotes-untouched") << u"“x” ‘y’ — z…"_s << u"“x” ‘y’ — z…"_s;
    QTest::newRow("whitespace-only-becomes-empty") << u" \r\n\t \n"_s << QString();
}

void TestTextDecoder::normalize()
{
    QFETCH(QString, input);
    QTEST(TextDecoder::normalize(input), "output");
}

void TestTextDecoder::trimShiftsSpans()
{
    QString text = u"\n\nHEAD 🎉\nbody\n\n"_s;
    QList<Span> spans { { 2, 9 }, { 10, 14 } };
    TextDecoder::trim(&text, &spans);
    QCOMPARE(text, u"HEAD 🎉\nbody"_s);
    QCOMPARE(spans, (QList<Span> { { 0, 7 }, { 8, 12 } }));
    QCOMPARE(text.mid(spans[0].start, spans[0].length()), u"HEAD 🎉"_s);
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
