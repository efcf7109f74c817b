// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange commands as a user runs them: `export-qdpx` writes a project xmllint validates,
// `import-qdpx` brings it back into a fresh library with the same highlights, `export-qdc` writes
// codebooks, `export-articles` a table Python's csv module reads, `export-json` Web Annotations
// Python's json module reads, `export-report` an HTML and a PDF report (pdftotext reads it back, with
// no display). Bad input fails with one line.
#include "RefiQdaSchema.h"
#include "io/ZipArchive.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

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
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(120000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

// Written for this test; the emoji makes code points and UTF-16 differ.
const QByteArray Story
    = "Storm tally rises in Northport\n"
      "\n"
      "NORTHPORT (Lede Wire) \xE2\x80\x93 Officials \xF0\x9F\x8C\x8A said on Tuesday that 1,200 homes were "
      "damaged. \"We will rebuild every street,\" said Mayor Ana Ruiz.\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExchangeCommands final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void qdpxRoundTrip();
    void codebooks();
    void articleTable();
    void webAnnotations();
    void report();
    void badInput();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestExchangeCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lib.sqlite"_s);
    const QString story = m_dir.filePath(u"story.txt"_s);
    QFile f(story);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Story);
    f.close();
    QCOMPARE(lede({ u"import"_s, story, u"--db"_s, m_db }).code, 0);
    const QList<uint> points = QString::fromUtf8(Story).toUcs4();
    const QString text
        = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()), points.size());
    const qsizetype homes
        = QString::fromUtf8(Story).indexOf(u"1,200 homes"_s) - 1; // one surrogate pair before
    Run a = lede({ u"annotate"_s, u"1"_s, QString::number(homes), QString::number(homes + 11), u"--db"_s,
                   m_db, u"--tag"_s, u"Claims/Damage"_s, u"--note"_s, u"check the count"_s });
    QVERIFY2(a.code == 0, a.err.constData());
    a = lede({ u"annotate"_s, u"1"_s, u"0"_s, u"5"_s, u"--db"_s, m_db, u"--tag"_s, u"Voices"_s });
    QVERIFY2(a.code == 0, a.err.constData());
}

void TestExchangeCommands::qdpxRoundTrip()
{
    const QString qdpx = m_dir.filePath(u"project.qdpx"_s);
    Run r = lede({ u"export-qdpx"_s, u"--db"_s, m_db, u"-o"_s, qdpx, u"--include"_s, u"quotes"_s });
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("articles: 1, selections: "), r.out.constData());

    Lede::ZipReader zip;
    QVERIFY(zip.open(qdpx).ok());
    const QByteArray xml = zip.read(u"project.qde"_s, 1 << 20).value();
    if (const QString missing = LedeTest::refiQdaValidatorMissing(); missing.isEmpty()) {
        const QString errors = LedeTest::refiQdaSchemaErrors(xml);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    } else {
        qWarning("The schema check is left out: %s", qPrintable(missing));
    }

    const QString fresh = m_dir.filePath(u"fresh.sqlite"_s);
    r = lede({ u"import-qdpx"_s, qdpx, u"--db"_s, fresh });
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("articles added: 1, already present: 0, new tags: 3, highlights: 2 (with a "
                              "note: 1), automatic selections left out: "),
             r.out.constData());
    // The annotation CSV of both libraries: the same highlights, offsets, texts, tags and notes.
    const auto rows = [](const QString &db) {
        QByteArray csv = lede({ u"export-csv"_s, u"--db"_s, db }).out;
        QList<QByteArray> lines = csv.split('\n');
        for (QByteArray &line : lines) {
            // article_title, then kind .. note (ids are new in the fresh library)
            const QList<QByteArray> cells = line.split(',');
            line = cells.value(1) + ',' + cells.mid(5, 6).join(',');
        }
        std::sort(lines.begin(), lines.end());
        return lines;
    };
    QCOMPARE(rows(fresh), rows(m_db));
    QVERIFY(rows(m_db).size() >= 3);
    // Again: nothing new.
    r = lede({ u"import-qdpx"_s, qdpx, u"--db"_s, fresh });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("articles added: 0, already present: 1, new tags: 0, highlights: 0 (with a "
                              "note: 0), highlights already there: 2"),
             r.out.constData());
}

void TestExchangeCommands::codebooks()
{
    const QString csv = m_dir.filePath(u"book.csv"_s);
    Run r = lede({ u"export-qdc"_s, u"--db"_s, m_db, u"-o"_s, csv });
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("codes: 3\n"));
    QCOMPARE(readAll(csv),
             QByteArray("path,color,description\r\nClaims,,\r\nClaims/Damage,,\r\nVoices,,\r\n"));
    const QString qdc = m_dir.filePath(u"book.qdc"_s);
    r = lede({ u"export-qdc"_s, u"--db"_s, m_db, u"-o"_s, qdc });
    QCOMPARE(r.code, 0);
    QVERIFY(readAll(qdc).contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
    const QString other = m_dir.filePath(u"codes.sqlite"_s);
    r = lede({ u"import-qdpx"_s, qdc, u"--db"_s, other });
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("new tags: 3"), r.out.constData());
}

void TestExchangeCommands::articleTable()
{
    const QString path = m_dir.filePath(u"articles.csv"_s);
    Run r = lede({ u"export-articles"_s, u"--db"_s, m_db, u"-o"_s, path });
    QVERIFY2(r.code == 0, r.err.constData());
    // Again onto the previous export: replaced without --force.
    r = lede({ u"export-articles"_s, u"--db"_s, m_db, u"-o"_s, path, u"--tag"_s, u"claims"_s });
    QVERIFY2(r.code == 0, r.err.constData());
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed: the table is not read back with Python's csv module");
    QProcess p;
    p.start(python,
            { u"-c"_s,
              u"import csv,sys\n"
              u"rows=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8')))\n"
              u"r=rows[0]\n"
              u"print(len(rows),r['article_id'],r['title'],r['source'],r['words'],r['annotations'],"
              u"r['quotes']!='0',r['imported_at'].endswith('Z'))"_s,
              path });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(),
             QByteArray("1 1 Storm tally rises in Northport Lede Wire 22 2 True True\n"));
}

void TestExchangeCommands::webAnnotations()
{
    const QString path = m_dir.filePath(u"notes.jsonld"_s);
    Run r = lede({ u"export-json"_s, u"--db"_s, m_db, u"-o"_s, path });
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("annotations: 2, articles: 1\n"));
    // Again onto the previous export: replaced without --force; onto another file only with it.
    r = lede({ u"export-json"_s, u"--db"_s, m_db, u"-o"_s, path, u"--tag"_s, u"claims"_s });
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("annotations: 1, articles: 1\n"));
    const QString story = m_dir.filePath(u"story.txt"_s);
    r = lede({ u"export-json"_s, u"--db"_s, m_db, u"-o"_s, story });
    QCOMPARE(r.code, 1);
    QCOMPARE(readAll(story), Story);
    r = lede({ u"export-json"_s, u"--db"_s, m_db, u"-o"_s, path, u"--include"_s, u"quotes"_s });
    QCOMPARE(r.code, 2);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed: the annotations are not read back with Python's json module");
    // Python slices the stored body (from `lede layers`) by the position selector.
    const QString layers = m_dir.filePath(u"layers.json"_s);
    r = lede({ u"layers"_s, u"1"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QFile out(layers);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(r.out);
    out.close();
    QProcess p;
    p.start(python,
            { u"-c"_s,
              u"import json,sys\n"
              u"doc=json.load(open(sys.argv[1],encoding='utf-8'))\n"
              u"body=json.load(open(sys.argv[2],encoding='utf-8'))['articles'][0]['body']\n"
              u"a=doc['first']['items'][0]\n"
              u"sel={s['type']:s for s in a['target']['selector']}\n"
              u"pos=sel['TextPositionSelector']\n"
              u"print(doc['type'],doc['total'],a['target']['source'],a['body'][0]['purpose'],"
              u"a['body'][0]['value'],a['body'][1]['value'],"
              u"body[pos['start']:pos['end']]==sel['TextQuoteSelector']['exact'],"
              u"len(sel['TextQuoteSelector']['exact']))"_s,
              path, layers });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(p.readAllStandardOutput(),
             QByteArray("AnnotationCollection 1 urn:lede:article:1 tagging "
                        "Claims/Damage check the count True 11\n"));
}

void TestExchangeCommands::report()
{
    const QString html = m_dir.filePath(u"report.html"_s);
    Run r = lede({ u"export-report"_s, u"1"_s, u"--db"_s, m_db, u"-o"_s, html });
    QVERIFY2(r.code == 0, r.err.constData());
    const QByteArray page = readAll(html);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("<h1>Storm tally rises in Northport</h1>"));
    // The passage the note was made on (initTestCase annotates by code points of the stored body).
    const Run layers = lede({ u"layers"_s, u"1"_s, u"--db"_s, m_db });
    const QString body = QJsonDocument::fromJson(layers.out)
                             .object()
                             .value(u"articles"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"body"_s)
                             .toString();
    const qsizetype homes = QString::fromUtf8(Story).indexOf(u"1,200 homes"_s) - 1; // code points
    const QList<uint> points = body.toUcs4();
    QVERIFY(points.size() > homes + 11);
    const QString passage
        = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + homes, 11);
    const QByteArray marked = "style=\"background-color: #f5d033\">" + passage.toHtmlEscaped().toUtf8()
        + "</span><sup class=\"endnote\">";
    QVERIFY2(page.contains(marked), page.constData());
    QVERIFY(page.contains("check the count"));

    // The PDF from lede-cli: no display, no widgets.
    const QString pdf = m_dir.filePath(u"report.pdf"_s);
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(LEDE_CLI_EXECUTABLE),
              { u"export-report"_s, u"1"_s, u"--db"_s, m_db, u"-o"_s, pdf });
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("poppler-utils (pdftotext) is not installed: the PDF is not read back");
    QProcess p;
    p.start(pdftotext, { u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s });
    QVERIFY(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    QVERIFY2(text.contains(u"Storm tally rises in Northport"_s), qPrintable(text));
    QVERIFY(text.contains(passage.simplified()));
    QVERIFY(text.contains(u"check the count"_s));

    r = lede({ u"export-report"_s, u"1"_s, u"--db"_s, m_db, u"-o"_s, m_dir.filePath(u"report.doc"_s) });
    QCOMPARE(r.code, 2);
    r = lede({ u"export-report"_s, u"9"_s, u"--db"_s, m_db, u"-o"_s, html });
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("lede: export-report: there is no article 9 in the library\n"));
}

void TestExchangeCommands::badInput()
{
    Run r = lede({ u"export-qdpx"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("-o FILE.qdpx"));
    r = lede({ u"export-qdpx"_s, u"--db"_s, m_db, u"-o"_s, m_db });
    QCOMPARE(r.code, 1);
    r = lede(
        { u"export-qdpx"_s, u"--db"_s, m_db, u"-o"_s, m_dir.filePath(u"x.qdpx"_s), u"--article"_s, u"99"_s });
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.qdpx"_s)));
    const QString junk = m_dir.filePath(u"junk.qdpx"_s);
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PK\x03\x04 this is not really a zip archive at all");
    f.close();
    r = lede({ u"import-qdpx"_s, junk, u"--db"_s, m_db });
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("junk.qdpx: "), r.err.constData());
    r = lede({ u"export-articles"_s, u"--db"_s, m_db, u"--tag"_s, u"Nope"_s });
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QByteArray("lede: export-articles: there is no tag \"Nope\"\n"));
}

QTEST_GUILESS_MAIN(TestExchangeCommands)
#include "tst_exchangecommands.moc"
