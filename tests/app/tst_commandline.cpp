// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the `lede` executable as a script would and checks its output, exit codes and files.
#include "CsvReader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using LedeTest::parseCsv;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run lede(const QStringList &args, const QByteArray &home = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    if (!home.isEmpty()) {
        env.insert(u"HOME"_s, QString::fromUtf8(home));
        env.insert(u"XDG_DATA_HOME"_s, QString::fromUtf8(home) + u"/data"_s);
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LEDE_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray WireStory = "Council backs tidal barrier study\n"
                             "\n"
                             "By Jane Doe and Omar Haddad\n"
                             "\n"
                             "SEAHAVEN (Lede Wire) \xE2\x80\x93 The council voted on Tuesday to study a "
                             "barrier \xF0\x9F\x8C\x8A after floods hit 1,200 homes.\n"
                             "\n"
                             "\xE2\x80\x9CWe cannot wait another winter,\xE2\x80\x9D Mayor Ines Park said.\n"
                             "\n"
                             "(Reporting by Jane Doe; Editing by Lee Chan)\n";

} // namespace

class TestCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importReportsEachFile();
    void importReportsEachStoryOfAnExport();
    void annotateThenExportKeepsCodePointOffsets();
    void analyzeJsonHasTheParts();
    void textNotInEnglishIsSaidPerFile();
    void listSearch();
    void errors_data();
    void errors();
    void refusesForeignLibrary();
    void stdoutWriteErrorIsAnError_data();
    void stdoutWriteErrorIsAnError();
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void unknownCommandListsTheCommands_data();
    void unknownCommandListsTheCommands();
    void cliLinksNoWidgets();
    void correctionsOutliveReanalyze();
    void checkBackupRestore();
    void exportNeverOverwritesWhatItMustNot_data();
    void exportNeverOverwritesWhatItMustNot();
    void controlCharactersAreEscaped();
    void nonUtf8FileNameIsImportedAndShownEscaped();
    void deleteSaysWhatWentWithTheArticle();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_story;
};

void TestCommandLine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lib.sqlite"_s);
    m_story = m_dir.filePath(u"articles/barrier.txt"_s);
    QVERIFY(QDir().mkpath(m_dir.filePath(u"articles/nested"_s)));
    writeFile(m_story, WireStory);
    writeFile(m_dir.filePath(u"articles/nested/empty.txt"_s), QByteArray());
    writeFile(m_dir.filePath(u"articles/nested/other.md"_s),
              "# Dock strike ends\n\nWorkers returned on Monday.\n");
}

void TestCommandLine::importReportsEachFile()
{
    Run r = lede({ u"import"_s, m_dir.filePath(u"articles"_s), u"--db"_s, m_db });
    QCOMPARE(r.code, 1); // the empty file failed
    const QString out = QString::fromUtf8(r.out);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(out.contains(u"imported: "_s + m_story), qPrintable(out));
    QVERIFY(out.contains(u"Council backs tidal barrier study"_s));
    QVERIFY(out.contains(u"other.md"_s));
    QVERIFY2(err.contains(u"empty.txt"_s) && err.contains(u"empty"_s), qPrintable(err));
    QVERIFY(out.contains(u"2 imported, 0 already present, 1 failed"_s));

    r = lede({ u"import"_s, m_story, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QVERIFY(QString::fromUtf8(r.out).contains(u"already present: "_s + m_story));
}

void TestCommandLine::importReportsEachStoryOfAnExport()
{
    // A Factiva export (RTF) of two stories: one line per story, FILE#N as its path.
    const QString file = m_dir.filePath(u"exports/factiva.rtf"_s);
    QVERIFY(QDir().mkpath(m_dir.filePath(u"exports"_s)));
    writeFile(file,
              "{\\rtf1\\ansi\\pard Barrier study approved\\par 15 words\\par 5 December 2023\\par Seahaven "
              "Post\\par "
              "The council voted on Tuesday to study a tidal barrier after floods hit 1,200 homes.\\par "
              "Document SEAPST0020231205ejc5000a1\\par\\page\\pard Ferry fares rise\\par 15 words\\par "
              "6 December 2023\\par Island Gazette\\par Ferry fares between the islands will rise by a tenth "
              "in March, the operator said.\\par Document ISLGAZ0020231206ejc6000b2\\par}");
    const QString db = m_dir.filePath(u"exports.sqlite"_s);
    Run r = lede({ u"import"_s, file, u"--db"_s, db });
    QCOMPARE(r.code, 0);
    QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts),
             (QStringList { u"imported: %1#1 (article 1: Barrier study approved)"_s.arg(file),
                            u"imported: %1#2 (article 2: Ferry fares rise)"_s.arg(file),
                            u"2 imported, 0 already present, 0 failed"_s }));
    r = lede({ u"import"_s, file, u"--db"_s, db });
    QVERIFY2(QString::fromUtf8(r.out).contains(u"already present: %1#2 (article 2)"_s.arg(file)),
             r.out.constData());

    r = lede({ u"analyze"_s, u"--json"_s, file });
    QCOMPARE(r.code, 0);
    const QJsonArray articles = QJsonDocument::fromJson(r.out).object().value(u"articles"_s).toArray();
    QCOMPARE(articles.size(), 2);
    // One entry per story, each with the export's path and its place in it.
    QCOMPARE(articles[0].toObject().value(u"path"_s).toString(), file);
    QCOMPARE(articles[1].toObject().value(u"path"_s).toString(), file);
    QCOMPARE(articles[0].toObject().value(u"index"_s).toInt(), 1);
    QCOMPARE(articles[1].toObject().value(u"index"_s).toInt(), 2);
    QCOMPARE(articles[1].toObject().value(u"format"_s).toString(), u"factiva"_s);
    QCOMPARE(articles[1].toObject().value(u"metadata"_s).toObject().value(u"document_id"_s).toString(),
             u"ISLGAZ0020231206ejc6000b2"_s);
    QCOMPARE(articles[1].toObject().value(u"source"_s).toString(), u"Island Gazette"_s);
    QCOMPARE(articles[1].toObject().value(u"published"_s).toString(), u"2023-12-06"_s);
}

void TestCommandLine::annotateThenExportKeepsCodePointOffsets()
{
    Run list = lede({ u"list"_s, u"--db"_s, m_db });
    QCOMPARE(list.code, 0);
    QString id;
    QString body;
    for (const QString &line : QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList cells = line.split(u'\t');
        QCOMPARE(cells.size(), 5);
        if (cells[1] == u"Council backs tidal barrier study"_s) {
            id = cells[0];
            QCOMPARE(cells[2], u"Lede Wire"_s);
        }
    }
    QVERIFY(!id.isEmpty());
    // Find the passage in the body as Python would index it: in code points.
    Run analyzed = lede({ u"analyze"_s, u"--json"_s, m_story });
    body = QJsonDocument::fromJson(analyzed.out)
               .object()[u"articles"_s]
               .toArray()[0]
               .toObject()[u"body"_s]
               .toString();
    const QList<uint> cps = body.toUcs4();
    const QString passage = u"after floods hit 1,200 homes"_s;
    const QList<uint> needle = passage.toUcs4();
    qsizetype start = -1;
    for (qsizetype i = 0; i + needle.size() <= cps.size(); ++i) {
        if (cps.mid(i, needle.size()) == needle) {
            start = i;
            break;
        }
    }
    QVERIFY(start > 0);
    const qsizetype end = start + needle.size();

    Run ann = lede({ u"annotate"_s, id, QString::number(start), QString::number(end), u"--db"_s, m_db,
                     u"--tag"_s, u"Claims/Damage"_s, u"--tag"_s, u"Check"_s, u"--note"_s,
                     u"verify with, \"insurers\""_s, u"--color"_s, u"orange"_s });
    QCOMPARE(ann.code, 0);
    const QString annotationId = QString::fromUtf8(ann.out).trimmed();
    QVERIFY(annotationId.toLongLong() > 0);

    const QString csvPath = m_dir.filePath(u"out.csv"_s);
    Run exp = lede({ u"export-csv"_s, u"--db"_s, m_db, u"--article"_s, id, u"-o"_s, csvPath });
    QCOMPARE(exp.code, 0);
    QFile f(csvPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const auto rows = parseCsv(f.readAll(), &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(rows.size(), 2);
    const QStringList &row = rows[1];
    QCOMPARE(row[0], id);
    QCOMPARE(row[4], annotationId);
    QCOMPARE(row[5], u"note"_s);
    QCOMPARE(row[6].toLongLong(), start);
    QCOMPARE(row[7].toLongLong(), end);
    QCOMPARE(row[8], passage);
    QCOMPARE(row[9], u"Check; Claims/Damage"_s);
    QCOMPARE(row[10], u"verify with, \"insurers\""_s);
    QCOMPARE(row[11], u"orange"_s);

    // To stdout, with automatic layers requested.
    Run all = lede({ u"export-csv"_s, u"--db"_s, m_db, u"--include"_s, u"quotes,entities,figures"_s });
    QCOMPARE(all.code, 0);
    QVERIFY(all.out.startsWith("article_id,article_title,"));
    QVERIFY(all.out.contains(passage.toUtf8()));
}

void TestCommandLine::analyzeJsonHasTheParts()
{
    Run r = lede({ u"analyze"_s, u"--json"_s, m_story });
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject a = doc.object()[u"articles"_s].toArray()[0].toObject();
    QCOMPARE(a[u"path"_s].toString(), m_story);
    QCOMPARE(a[u"title"_s].toString(), u"Council backs tidal barrier study"_s);
    QCOMPARE(a[u"byline"_s].toString(), u"Jane Doe and Omar Haddad"_s);
    QCOMPARE(a[u"dateline"_s].toString(), u"SEAHAVEN"_s);
    QCOMPARE(a[u"source"_s].toString(), u"Lede Wire"_s);
    QVERIFY(a[u"published"_s].isNull());
    QVERIFY(a[u"body"_s].toString().contains(u"We cannot wait another winter"_s));
    // Where it came from: a plain text file of its own, without an address or extra fields.
    QVERIFY(a[u"url"_s].isNull());
    QCOMPARE(a[u"format"_s].toString(), u"txt"_s);
    QVERIFY(a[u"index"_s].isNull());
    QVERIFY(a[u"metadata"_s].isObject());
    QVERIFY(a[u"metadata"_s].toObject().isEmpty());
    // Every span is in code points: slicing the body's code points gives the text (the story has
    // an emoji before the figure and the quote).
    const QList<uint> body = a[u"body"_s].toString().toUcs4();
    int spans = 0;
    for (const char *key : { "quotes", "entities", "figures" }) {
        QVERIFY(a[QLatin1StringView(key)].isArray());
        for (const QJsonValue &v : a[QLatin1StringView(key)].toArray()) {
            const QJsonObject o = v.toObject();
            const qsizetype start = o[u"start"_s].toInteger();
            const qsizetype end = o[u"end"_s].toInteger();
            QVERIFY(start >= 0 && end <= body.size() && start < end);
            const QList<uint> slice = body.mid(start, end - start);
            QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(slice.constData()), slice.size()),
                     o[u"text"_s].toString());
            ++spans;
        }
    }
    QVERIFY(spans >= 3);
    const QJsonArray quotes = a[u"quotes"_s].toArray();
    QCOMPARE(quotes.size(), 1);
    QCOMPARE(quotes[0].toObject()[u"speaker"_s].toString(), u"Ines Park"_s);
    QCOMPARE(quotes[0].toObject()[u"cue"_s].toString(), u"said"_s);
    bool figure = false;
    for (const QJsonValue &v : a[u"figures"_s].toArray())
        figure = figure || v.toObject()[u"value"_s].toDouble() == 1200;
    QVERIFY(figure);
}

void TestCommandLine::textNotInEnglishIsSaidPerFile()
{
    // German, written for this test.
    const QString path = m_dir.filePath(u"hafen.txt"_s);
    writeFile(
        path,
        QStringLiteral(
            "Neuer Steg\n\nDer Hafenrat hat am Montag beschlossen, einen neuen Steg zu bauen, "
            "nachdem Stürme mindestens 40 Boote beschädigt hatten. „Wir können keine "
            "weitere Saison verlieren“, sagte die Vorsitzende, die den Rat seit sechs "
            "Jahren leitet. Die Arbeiten sollen im Frühjahr beginnen und vor dem Sommer "
            "fertig sein. Der Bau wird nach Angaben der Stadt rund zwei Millionen Euro kosten, und das ist "
            "nach ihren Worten auch nicht zu teuer für eine Stadt, die vom Hafen lebt.\n")
            .toUtf8());
    const QString note = u"lede: warning: "_s + path + u": the text is not in English"_s;
    Run r = lede({ u"analyze"_s, u"--json"_s, path });
    QCOMPARE(r.code, 0);
    QVERIFY2(QString::fromUtf8(r.err).startsWith(note), r.err.constData());
    const QJsonObject article
        = QJsonDocument::fromJson(r.out).object().value(u"articles"_s).toArray().at(0).toObject();
    QCOMPARE(article.value(u"quotes"_s).toArray().size(), 1);
    QVERIFY(article.value(u"entities"_s).toArray().isEmpty());
    r = lede({ u"import"_s, path, u"--db"_s, m_dir.filePath(u"hafen.db"_s) });
    QCOMPARE(r.code, 0);
    QVERIFY2(QString::fromUtf8(r.err).startsWith(note), r.err.constData());
    // English text says nothing of the kind.
    r = lede({ u"analyze"_s, u"--json"_s, m_story });
    QVERIFY2(!r.err.contains("not in English"), r.err.constData());
}

void TestCommandLine::listSearch()
{
    Run r = lede({ u"list"_s, u"--db"_s, m_db, u"--search"_s, u"dock"_s });
    QCOMPARE(r.code, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].contains(u"Dock strike ends"_s));
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing-file") << QStringList { u"import"_s, u"/no/such/file.txt"_s } << 1
                                  << u"no such file"_s;
    QTest::newRow("analyze-without-json") << QStringList { u"analyze"_s, u"x.txt"_s } << 2 << u"--json"_s;
    QTest::newRow("annotate-bad-numbers")
        << QStringList { u"annotate"_s, u"1"_s, u"9"_s, u"3"_s } << 2 << u"START"_s;
    QTest::newRow("annotate-past-end")
        << QStringList { u"annotate"_s, u"1"_s, u"0"_s, u"999999"_s } << 1 << u"past the end"_s;
    QTest::newRow("annotate-unknown-article")
        << QStringList { u"annotate"_s, u"4242"_s, u"0"_s, u"1"_s } << 1 << u"no article 4242"_s;
    QTest::newRow("export-unknown-layer")
        << QStringList { u"export-csv"_s, u"--include"_s, u"gossip"_s } << 2 << u"unknown layer"_s;
    QTest::newRow("export-unwritable")
        << QStringList { u"export-csv"_s, u"-o"_s, u"/proc/nope/out.csv"_s } << 1 << u"Cannot write"_s;
    QTest::newRow("export-unknown-tag")
        << QStringList { u"export-csv"_s, u"--tag"_s, u"Nope"_s } << 1 << u"no tag"_s;
    QTest::newRow("unknown-option") << QStringList { u"list"_s, u"--frobnicate"_s } << 2 << u"frobnicate"_s;
}

void TestCommandLine::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    if (args.first() != u"analyze"_s)
        args << u"--db"_s << m_db;
    Run r = lede(args);
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCommandLine::refusesForeignLibrary()
{
    const QString notes = m_dir.filePath(u"notes.txt"_s);
    writeFile(notes, "my notes, not a library\n");
    Run r = lede({ u"list"_s, u"--db"_s, notes });
    QCOMPARE(r.code, 1);
    QVERIFY(QString::fromUtf8(r.err).contains(u"not a Lede library"_s));
    QFile f(notes);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("my notes, not a library\n"));
}

void TestCommandLine::stdoutWriteErrorIsAnError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("export-csv-to-full-stdout") << QStringList { u"export-csv"_s, u"--db"_s, m_db };
    QTest::newRow("analyze-json-to-full-stdout") << QStringList { u"analyze"_s, u"--json"_s, m_story };
    QTest::newRow("list-to-full-stdout") << QStringList { u"list"_s, u"--db"_s, m_db };
}

void TestCommandLine::stdoutWriteErrorIsAnError()
{
    // /dev/full fails every write like a full disk: the output is lost, so the exit code must say so.
    QFETCH(QStringList, args);
    if (!QFile::exists(u"/dev/full"_s))
        QSKIP("needs /dev/full");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(u"/dev/full"_s);
    p.start(QStringLiteral(LEDE_EXECUTABLE), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() != 0, "output was lost on a full disk, but lede exited 0");
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(u"standard output"_s));
}

void TestCommandLine::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    for (const QString &program : { QStringLiteral(LEDE_EXECUTABLE), QStringLiteral(LEDE_CLI_EXECUTABLE) }) {
        const QString name = QFileInfo(program).fileName();
        QTest::newRow(qPrintable(name + u"-help"_s)) << program << u"--help"_s << u"export-csv"_s;
        QTest::newRow(qPrintable(name + u"-version"_s)) << program << u"--version"_s << u"lede "_s;
        QTest::newRow(qPrintable(name + u"-command-help"_s)) << program << u"list --help"_s << u"--search"_s;
    }
}

void TestCommandLine::helpAndVersionNeedNoDisplay()
{
    // As over SSH: no display, and no platform plugin chosen for us.
    QFETCH(QString, program);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    p.setProcessEnvironment(env);
    p.start(program, option.split(u' '));
    QVERIFY(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(expected), err.constData());
    QVERIFY2(!err.contains("display"), err.constData());
}

void TestCommandLine::unknownCommandListsTheCommands_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("lede-typo") << QStringLiteral(LEDE_EXECUTABLE) << QStringList { u"improt"_s, u"a.txt"_s };
    QTest::newRow("lede-future-command")
        << QStringLiteral(LEDE_EXECUTABLE) << QStringList { u"frobnicate"_s, u"1"_s };
    QTest::newRow("lede-cli-typo") << QStringLiteral(LEDE_CLI_EXECUTABLE) << QStringList { u"lsit"_s };
}

void TestCommandLine::unknownCommandListsTheCommands()
{
    // A typo must not open the window with a "file" of that name.
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p.setProcessEnvironment(env);
    p.start(program, args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"not a command"_s), qPrintable(err));
    for (const char *command : { "import", "analyze", "export-csv", "list", "annotate" })
        QVERIFY2(err.contains(QLatin1StringView(command)), qPrintable(err));
}

void TestCommandLine::cliLinksNoWidgets()
{
    QProcess ldd;
    ldd.start(u"ldd"_s, { QStringLiteral(LEDE_CLI_EXECUTABLE) });
    if (!ldd.waitForFinished(30000) || ldd.exitCode() != 0)
        QSKIP("ldd is not available");
    const QByteArray libraries = ldd.readAllStandardOutput();
    QVERIFY(libraries.contains("libQt6Core"));
    QVERIFY2(!libraries.contains("Widgets"), libraries.constData());
}

void TestCommandLine::correctionsOutliveReanalyze()
{
    const QString db = m_dir.filePath(u"corrections.sqlite"_s);
    QCOMPARE(lede({ u"import"_s, m_story, u"--db"_s, db }).code, 0);
    auto layers = [&] {
        Run r = lede({ u"layers"_s, u"1"_s, u"--db"_s, db });
        return QJsonDocument::fromJson(r.out).object()[u"articles"_s].toArray()[0].toObject();
    };
    QJsonObject a = layers();
    QCOMPARE(a[u"id"_s].toInteger(), 1);
    const QJsonObject q = a[u"quotes"_s].toArray()[0].toObject();
    QCOMPARE(q[u"speaker"_s].toString(), u"Ines Park"_s);
    QCOMPARE(q[u"corrected"_s].toBool(), false);
    const qint64 quoteId = q[u"id"_s].toInteger();
    qint64 entityId = 0;
    for (const QJsonValue &v : a[u"entities"_s].toArray()) {
        if (v.toObject()[u"text"_s].toString() == u"SEAHAVEN"_s
            || v.toObject()[u"canonical"_s].toString() == u"Seahaven"_s)
            entityId = v.toObject()[u"id"_s].toInteger();
        QVERIFY(v.toObject().contains(u"corrected"_s));
    }
    QVERIFY(quoteId > 0);
    QVERIFY(entityId > 0);

    Run c = lede(
        { u"correct"_s, u"quote"_s, QString::number(quoteId), u"--speaker"_s, u"Jane Doe"_s, u"--db"_s, db });
    QVERIFY2(c.code == 0, c.err.constData());
    c = lede({ u"correct"_s, u"entity"_s, QString::number(entityId), u"--type"_s, u"org"_s, u"--db"_s, db });
    QVERIFY2(c.code == 0, c.err.constData());
    QCOMPARE(lede({ u"correct"_s, u"quote"_s, QString::number(quoteId), u"--remove"_s, u"--db"_s, db }).code,
             2);
    QCOMPARE(lede({ u"correct"_s, u"quote"_s, u"99999"_s, u"--not-quote"_s, u"--db"_s, db }).code, 1);

    Run re = lede({ u"reanalyze"_s, u"--db"_s, db });
    QVERIFY2(re.code == 0, re.err.constData());
    a = layers();
    const QJsonObject after = a[u"quotes"_s].toArray()[0].toObject();
    QCOMPARE(after[u"speaker"_s].toString(), u"Jane Doe"_s);
    QCOMPARE(after[u"corrected"_s].toBool(), true);
    // The nearest mention of the name: the byline.
    const QList<uint> body = a[u"body"_s].toString().toUcs4();
    const QList<uint> mention
        = body.mid(after[u"speaker_start"_s].toInteger(),
                   after[u"speaker_end"_s].toInteger() - after[u"speaker_start"_s].toInteger());
    QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(mention.constData()), mention.size()),
             u"Jane Doe"_s);

    Run exp = lede({ u"export-csv"_s, u"--include"_s, u"quotes,entities,figures"_s, u"--db"_s, db });
    QCOMPARE(exp.code, 0);
    const QList<QStringList> rows = parseCsv(exp.out);
    const QStringList header = rows.value(0);
    QCOMPARE(header.mid(16),
             (QStringList { u"layer_id"_s, u"canonical"_s, u"value"_s, u"unit"_s, u"qualifier"_s,
                            u"attributed_to"_s, u"cue"_s, u"corrected"_s, u"article_url"_s }));
    bool quoteRow = false;
    bool orgRow = false;
    bool figureRow = false;
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), 25);
        if (row[5] == u"quote"_s && row[12] == u"Jane Doe"_s) {
            quoteRow = true;
            QCOMPARE(row[4], QString()); // annotation_id: only the user's annotations have one
            QCOMPARE(row[16].toLongLong(), after[u"id"_s].toInteger());
            QCOMPARE(row[17], u"Jane Doe"_s);
            QCOMPARE(row[23], u"true"_s);
        }
        if (row[5] == u"entity"_s && row[13] == u"ORG"_s
            && row[8].compare(u"SEAHAVEN"_s, Qt::CaseInsensitive) == 0) {
            orgRow = true;
            QCOMPARE(row[23], u"true"_s);
        }
        if (row[5] == u"figure"_s && row[18] == u"1200"_s) {
            figureRow = true;
            QVERIFY(!row[19].isEmpty()); // what is counted
            QCOMPARE(row[23], u"false"_s);
        }
    }
    QVERIFY(quoteRow);
    QVERIFY(orgRow);
    QVERIFY(figureRow);
}

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int articleCount(const QString &db)
{
    const Run r = lede({ u"list"_s, u"--db"_s, db });
    return r.code == 0 ? int(r.out.count('\n')) : -1;
}

} // namespace

void TestCommandLine::exportNeverOverwritesWhatItMustNot_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("force");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // on stderr; empty for success
    QTest::newRow("the-library") << u"library"_s << false << 1 << u"is the library itself"_s;
    QTest::newRow("the-library-forced") << u"library"_s << true << 1 << u"is the library itself"_s;
    QTest::newRow("library-through-symlink") << u"symlink"_s << true << 1 << u"is the library itself"_s;
    QTest::newRow("dev-null") << u"/dev/null"_s << true << 1 << u"is a device"_s;
    QTest::newRow("fifo") << u"fifo"_s << true << 1 << u"FIFO"_s;
    QTest::newRow("folder") << u"folder"_s << true << 1 << u"is a folder"_s;
    QTest::newRow("other-file") << u"other"_s << false << 1 << u"not a Lede export; use --force"_s;
    QTest::newRow("other-file-forced") << u"other"_s << true << 0 << QString();
    QTest::newRow("previous-export") << u"export"_s << false << 0 << QString();
    QTest::newRow("new-file") << u"new"_s << false << 0 << QString();
}

void TestCommandLine::exportNeverOverwritesWhatItMustNot()
{
    QFETCH(QString, target);
    QFETCH(bool, force);
    QFETCH(int, code);
    QFETCH(QString, message);
    // A library of its own, with one article, so that "nothing lost" can be checked.
    QTemporaryDir dir;
    const QString db = dir.filePath(u"own.lede"_s);
    QCOMPARE(lede({ u"import"_s, m_story, u"--db"_s, db }).code, 0);
    QString path = dir.filePath(u"out.csv"_s);
    const QByteArray other = "name,score\r\nAda,3\r\n";
    if (target == u"library"_s)
        path = db;
    else if (target == u"symlink"_s)
        QVERIFY(QFile::link(db, path));
    else if (target.startsWith(u'/'))
        path = target;
    else if (target == u"fifo"_s)
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0644), 0);
    else if (target == u"folder"_s)
        path = dir.path();
    else if (target == u"other"_s)
        writeFile(path, other);
    else if (target == u"export"_s)
        QCOMPARE(lede({ u"export-csv"_s, u"--db"_s, db, u"-o"_s, path }).code, 0);
    const QByteArray libraryBefore = fileBytes(db);

    QStringList args { u"export-csv"_s, u"--db"_s, db, u"-o"_s, path };
    if (force)
        args << u"--force"_s;
    QElapsedTimer timer;
    timer.start();
    const Run r = lede(args);
    QVERIFY2(timer.elapsed() < 30000, "a FIFO or device must not block the export");
    QCOMPARE(r.code, code);
    const QString err = QString::fromUtf8(r.err);
    if (message.isEmpty()) {
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QVERIFY(fileBytes(path).startsWith("article_id,article_title,"));
    } else {
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1); // one line
    }
    if (target == u"other"_s && !force)
        QCOMPARE(fileBytes(path), other);
    QCOMPARE(fileBytes(db), libraryBefore);
    QCOMPARE(articleCount(db), 1);
}

void TestCommandLine::controlCharactersAreEscaped()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"ctl.lede"_s);
    const QString folder = dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(folder));
    // A title that would clear the screen and retitle the terminal, and a name with a newline.
    writeFile(folder + u"/escape.txt"_s,
              "Harbour \x1B[2J\x1B]0;owned\x07vote passes\n\nThe harbour board voted on Friday to widen the "
              "quay.\n");
    writeFile(folder + u"/two\nlines.txt"_s,
              "Quay works begin\n\nWork on the quay began on Monday morning.\n");
    const Run r = lede({ u"import"_s, folder, u"--db"_s, db });
    QCOMPARE(r.code, 0);
    QVERIFY2(!r.out.contains('\x1B') && !r.out.contains('\x07'), r.out.constData());
    QVERIFY2(r.out.contains("Harbour \\x1B[2J\\x1B]0;owned\\x07vote passes"), r.out.constData());
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.size(), 4); // two files, the summary, and the empty rest after the last newline
    QVERIFY2(r.out.contains("two\\nlines.txt"), r.out.constData());

    const Run list = lede({ u"list"_s, u"--db"_s, db });
    QCOMPARE(list.code, 0);
    QVERIFY(!list.out.contains('\x1B'));
    QVERIFY2(list.out.contains("\\x1B[2J"), list.out.constData());
    QCOMPARE(list.out.count('\n'), 2);
}

void TestCommandLine::nonUtf8FileNameIsImportedAndShownEscaped()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"names.lede"_s);
    const QByteArray folder = QFile::encodeName(dir.path()) + "/in";
    QCOMPARE(::mkdir(folder.constData(), 0755), 0);
    // Qt cannot name this file (it is Latin-1, not UTF-8), so it is written with the C library.
    const QByteArray name = folder + "/caf\xE9 \xFF.txt";
    FILE *f = std::fopen(name.constData(), "wb");
    QVERIFY(f);
    const QByteArray text = "Cafe owners meet\n\nThe owners of the corner cafe met the council on Monday.\n";
    std::fwrite(text.constData(), 1, size_t(text.size()), f);
    std::fclose(f);
    const Run r = lede({ u"import"_s, QFile::decodeName(folder), u"--db"_s, db });
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("imported: ")
                 && r.out.contains("/in/caf\\xE9 \\xFF.txt (article 1: Cafe owners meet)"),
             r.out.constData());
    QCOMPARE(articleCount(db), 1);
}

void TestCommandLine::deleteSaysWhatWentWithTheArticle()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"del.lede"_s);
    const QString other = dir.filePath(u"other.txt"_s);
    writeFile(other,
              "Quay lights repaired\n\nThe lights on the north quay were repaired on Wednesday night.\n");
    QCOMPARE(lede({ u"import"_s, m_story, other, u"--db"_s, db }).code, 0);
    QCOMPARE(lede({ u"annotate"_s, u"1"_s, u"0"_s, u"4"_s, u"--db"_s, db }).code, 0);
    QCOMPARE(
        lede({ u"annotate"_s, u"1"_s, u"5"_s, u"9"_s, u"--note"_s, u"check this"_s, u"--db"_s, db }).code, 0);
    QCOMPARE(lede({ u"annotate"_s, u"1"_s, u"10"_s, u"12"_s, u"--db"_s, db }).code, 0);

    // A bad id anywhere deletes nothing.
    Run r = lede({ u"delete"_s, u"1"_s, u"x2"_s, u"--db"_s, db });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("not \"x2\""), r.err.constData());
    QCOMPARE(articleCount(db), 2);

    r = lede({ u"delete"_s, u"1"_s, u"--db"_s, db });
    QCOMPARE(r.code, 0);
    QCOMPARE(
        r.out,
        QByteArray(
            "deleted: article 1 (Council backs tidal barrier study) with 2 highlight(s) and 1 note(s)\n"));
    QCOMPARE(articleCount(db), 1);
    const Run list = lede({ u"list"_s, u"--db"_s, db });
    QVERIFY(list.out.startsWith("2\tQuay lights repaired\t"));

    // An id that is not there is an error; the others are still deleted.
    r = lede({ u"delete"_s, u"1"_s, u"2"_s, u"--db"_s, db });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no article 1"), r.err.constData());
    QVERIFY2(r.out.contains("deleted: article 2 (Quay lights repaired) with 0 highlight(s) and 0 note(s)"),
             r.out.constData());
    QCOMPARE(articleCount(db), 0);
}

void TestCommandLine::checkBackupRestore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"lib.sqlite"_s);
    const QString copy = dir.filePath(u"copy.sqlite"_s);
    QCOMPARE(lede({ u"import"_s, m_story, u"--db"_s, db }).code, 0);
    Run check = lede({ u"check"_s, u"--db"_s, db });
    QCOMPARE(check.code, 0);
    QVERIFY2(check.out.contains("the library is healthy"), check.out.constData());
    Run backup = lede({ u"backup"_s, u"--db"_s, db, u"-o"_s, copy });
    QVERIFY2(backup.code == 0, backup.err.constData());
    QVERIFY(backup.out.startsWith("backup written: "));
    QCOMPARE(lede({ u"backup"_s, u"--db"_s, db }).code, 2); // no -o
    QCOMPARE(lede({ u"delete"_s, u"1"_s, u"--db"_s, db }).code, 0);
    QVERIFY(!lede({ u"list"_s, u"--db"_s, db }).out.contains("Council backs"));
    Run restore = lede({ u"restore"_s, copy, u"--db"_s, db });
    QVERIFY2(restore.code == 0, restore.err.constData());
    QVERIFY2(restore.out.contains("(1 article") && restore.out.contains("before-restore"),
             restore.out.constData());
    QVERIFY(lede({ u"list"_s, u"--db"_s, db }).out.contains("Council backs"));
    // Not a library: refused, nothing changed.
    const QString notes = dir.filePath(u"notes.txt"_s);
    writeFile(notes, "not a library\n");
    QCOMPARE(lede({ u"restore"_s, notes, u"--db"_s, db }).code, 1);
    QVERIFY(lede({ u"list"_s, u"--db"_s, db }).out.contains("Council backs"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
