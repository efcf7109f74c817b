// SPDX-License-Identifier: GPL-3.0-or-later
// Writes small PDF files for tests, byte by byte, with text placed exactly where a test wants it
// (running headers, columns, hyphenated line ends): Helvetica, WinAnsi text, one content stream
// per page. Coordinates are points from the page's top-left corner.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace LedeTest {

struct PdfText
{
    double x = 0;
    double y = 0; // baseline, from the top
    double size = 10;
    QString text;
};

class PdfFixture
{
public:
    QString title;
    QString author;
    bool lockedWithPassword = false; // an /Encrypt dictionary whose user password is not empty
    QList<QList<PdfText>> pages; // an empty page has no text (like a scan)

    QByteArray build() const
    {
        QList<QByteArray> objects; // object n is objects[n - 1]
        const int pageCount = int(pages.size());
        objects.append("<< /Type /Catalog /Pages 2 0 R >>");
        QByteArray kids;
        for (int i = 0; i < pageCount; ++i)
            kids += QByteArray::number(5 + 2 * i) + " 0 R ";
        objects.append("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pageCount)
                       + " >>");
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        QByteArray info = "<< /Producer (Lede test fixture)";
        if (!title.isEmpty())
            info += " /Title " + pdfString(title);
        if (!author.isEmpty())
            info += " /Author " + pdfString(author);
        objects.append(info + " >>");
        for (int i = 0; i < pageCount; ++i) {
            QByteArray content;
            if (pages[i].isEmpty())
                content = "0.5 g 72 72 468 648 re f\n"; // a grey rectangle: an image-only page
            for (const PdfText &t : pages[i]) {
                content += "BT /F1 " + QByteArray::number(t.size) + " Tf " + QByteArray::number(t.x) + ' '
                    + QByteArray::number(792 - t.y) + " Td " + pdfString(t.text) + " Tj ET\n";
            }
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                "/Contents "
                + QByteArray::number(6 + 2 * i) + " 0 R >>");
            objects.append("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content
                           + "endstream");
        }
        if (lockedWithPassword)
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <" + QByteArray(64, 'a') + "> /U <"
                           + QByteArray(64, 'b') + "> /P -4 >>");

        QByteArray out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
        QList<qsizetype> offsets;
        for (int n = 0; n < objects.size(); ++n) {
            offsets.append(out.size());
            out += QByteArray::number(n + 1) + " 0 obj\n" + objects[n] + "\nendobj\n";
        }
        const qsizetype xref = out.size();
        out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
        for (qsizetype offset : offsets)
            out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R";
        if (lockedWithPassword)
            out += " /Encrypt " + QByteArray::number(objects.size()) + " 0 R /ID [<" + QByteArray(32, 'c')
                + "> <" + QByteArray(32, 'c') + ">]";
        out += " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return out;
    }

private:
    static QByteArray pdfString(const QString &text)
    {
        QByteArray out = "(";
        for (const char c : text.toLatin1()) {
            if (c == '(' || c == ')' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + ')';
    }
};

} // namespace LedeTest
