// SPDX-License-Identifier: GPL-3.0-or-later
// `lede export-xlsx`: a workbook a spreadsheet opens without retyping text, written atomically.
// Where LibreOffice is installed, the workbook is read back with it and compared cell by cell
// with the CSV export of the same selection.
#include "CsvReader.h"
#include "io/ZipArchive.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LedeTest::parseCsv;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run lede(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LEDE_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

// Written for this test: cells a spreadsheet would retype if they were not strings.
const QByteArray Story
    = "Tally of storm damage rises\n"
      "\n"
      "NORTHPORT (Lede Wire) \xE2\x80\x93 Officials said on Oct. 7 that 17,170 homes were damaged, "
      "up from 9,061 a week earlier.\n"
      "\n"
      "\xE2\x80\x9CWe will rebuild every street,\xE2\x80\x9D said Harbour Minister Ana Brandt.\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportXlsx final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesAWorkbookWithBothSheets();
    void failureLeavesTheOldFileWhole();
    void libreOfficeReadsTheSameCells();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestExportXlsx::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lib.sqlite"_s);
    const QString story = m_dir.filePath(u"story.txt"_s);
    QFile f(story);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Story);
    f.close();
    QCOMPARE(lede({ u"import"_s, story, u"--db"_s, m_db }).code, 0);
    // "17,170 homes" and a note that looks like a date; offsets in code points.
    const QString text = QString::fromUtf8(Story);
    const qsizetype at = text.toUcs4().indexOf(U'1'); // the first digit: "17,170"
    Run a = lede({ u"annotate"_s, u"1"_s, QString::number(at), QString::number(at + 12), u"--db"_s, m_db,
                   u"--tag"_s, u"Claims/Damage"_s, u"--note"_s, u"Oct. 7"_s });
    QVERIFY2(a.code == 0, a.err.constData());
}

void TestExportXlsx::writesAWorkbookWithBothSheets()
{
    const QString out = m_dir.filePath(u"out.xlsx"_s);
    Run r = lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"--include"_s, u"figures"_s, u"-o"_s, out });
    QVERIFY2(r.code == 0, r.err.constData());
    const QByteArray bytes = readAll(out);
    QVERIFY(bytes.startsWith("PK\x03\x04")); // a zip, as every .xlsx is
    // A zip's central directory names its entries in plain text.
    QVERIFY(bytes.contains("xl/worksheets/sheet1.xml"));
    QVERIFY(bytes.contains("xl/worksheets/sheet2.xml"));
    // The Insights sheets: Sources with the speaker and role, Figures with the value as a number.
    Lede::ZipReader zip;
    QVERIFY(zip.open(out).ok());
    const auto workbook = zip.read(u"xl/workbook.xml"_s, 1 << 20);
    QVERIFY(workbook.ok());
    QVERIFY2(workbook->contains("name=\"Sources\"") && workbook->contains("name=\"Figures\""),
             workbook->constData());
    const auto sources = zip.read(u"xl/worksheets/sheet3.xml"_s, 1 << 20);
    QVERIFY(sources.ok());
    QVERIFY2(sources->contains("Ana Brandt") && sources->contains("harbour minister"), sources->constData());
    const auto figures = zip.read(u"xl/worksheets/sheet4.xml"_s, 1 << 20);
    QVERIFY(figures.ok());
    QVERIFY2(figures->contains("<v>17170</v>") && figures->contains("homes"), figures->constData());
    QVERIFY(QFile::permissions(out) & QFileDevice::ReadOther);
    // No temporary workbook is left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({ u"*.xlsx"_s }, QDir::Files | QDir::Hidden).size(), 1);
    // Usage errors.
    QCOMPARE(lede({ u"export-xlsx"_s, u"--db"_s, m_db }).code, 2);
    QCOMPARE(lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"--include"_s, u"gossip"_s, u"-o"_s, out }).code, 2);
}

void TestExportXlsx::failureLeavesTheOldFileWhole()
{
    const QString out = m_dir.filePath(u"keep.xlsx"_s);
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("an earlier workbook");
    f.close();
    // An unknown article fails before anything is written; an unwritable folder fails at the start.
    Run r = lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"--article"_s, u"999"_s, u"-o"_s, out });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("no article 999"));
    r = lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"-o"_s, u"/proc/nope/out.xlsx"_s });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("Cannot write"));
    QCOMPARE(readAll(out), QByteArray("an earlier workbook"));
    // Never onto the library.
    r = lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"-o"_s, m_db });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("library itself"), r.err.constData());
    Run list = lede({ u"list"_s, u"--db"_s, m_db });
    QCOMPARE(list.code, 0);
    QVERIFY2(list.out.contains("Tally of storm damage rises"), list.out.constData());
}

void TestExportXlsx::libreOfficeReadsTheSameCells()
{
    const QString soffice = QStandardPaths::findExecutable(u"soffice"_s);
    if (soffice.isEmpty())
        QSKIP("LibreOffice (soffice) is not installed: the workbook is not read back");
    const QString out = m_dir.filePath(u"read.xlsx"_s);
    QCOMPARE(lede({ u"export-xlsx"_s, u"--db"_s, m_db, u"--include"_s, u"figures"_s, u"-o"_s, out }).code, 0);
    Run csv
        = lede({ u"export-csv"_s, u"--db"_s, m_db, u"--include"_s, u"figures"_s, u"--no-formula-guard"_s });
    QCOMPARE(csv.code, 0);

    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir.filePath(u"lo-home"_s)); // a profile of its own
    p.setProcessEnvironment(env);
    // UTF-8 (76), comma and double quote; the first sheet.
    p.start(soffice,
            { u"--headless"_s, u"--convert-to"_s, u"csv:Text - txt - csv (StarCalc):44,34,76,1"_s,
              u"--outdir"_s, m_dir.filePath(u"lo"_s), out });
    QVERIFY(p.waitForFinished(180000));
    QByteArray sheet = readAll(m_dir.filePath(u"lo/read.csv"_s));
    sheet.replace("\n", "\r\n"); // LibreOffice ends records with LF (no cell here holds a line break)
    QVERIFY2(!sheet.isEmpty(), p.readAllStandardError().constData());

    const QList<QStringList> fromLede = parseCsv(csv.out);
    const QList<QStringList> fromCalc = parseCsv(sheet);
    QCOMPARE(fromCalc.size(), fromLede.size());
    for (qsizetype r = 0; r < fromLede.size(); ++r) {
        // Every text and number column reads back as the CSV has it: nothing retyped. (The time
        // columns are real date-times in the workbook and print in the sheet's own format.)
        for (int c : { 0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24 })
            QCOMPARE(fromCalc[r].value(c), fromLede[r].value(c));
    }
    bool noteKept = false;
    for (const QStringList &row : fromCalc)
        noteKept = noteKept || row.value(10) == u"Oct. 7"_s;
    QVERIFY(noteKept);
}

QTEST_GUILESS_MAIN(TestExportXlsx)
#include "tst_exportxlsx.moc"
