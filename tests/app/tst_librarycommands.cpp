// SPDX-License-Identifier: GPL-3.0-or-later
// lede edit, lede merge and lede import --replace, run as a user runs them (lede-cli). Text written
// for this test.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray First
    = "Harbour board closes ferry pier\n\nThe harbour board voted on Tuesday to close the old ferry "
      "pier. Repairs would cost four million dollars, the engineers said. Fishermen who use the "
      "pier every morning asked the board for a delay of one year. The pier was built in 1911 and "
      "carried ferries to the islands until the new terminal opened across the bay. Its timber deck "
      "has been closed to cars since a storm damaged two of its supports last winter.\n";
// The same story, edited: a word changed, the last sentence shortened, one added.
const QByteArray Second
    = "Harbour board closes ferry pier\n\nThe harbour board voted on Tuesday to shut the old ferry "
      "pier. Repairs would cost four million dollars, the engineers said. Fishermen who use the "
      "pier every morning asked for a delay. The pier closes in May. The pier was built in 1911 and "
      "carried ferries to the islands until the new terminal opened across the bay. Its timber deck "
      "has been closed to cars since a storm damaged two of its supports last winter.\n";

} // namespace

class TestLibraryCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void edit();
    void editRefusesBadInput();
    void merge();
    void importNotesAndReplacesNewVersions();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_first;
    QString m_second;
};

void TestLibraryCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"lib.sqlite"_s);
    m_first = m_dir->filePath(u"first.txt"_s);
    m_second = m_dir->filePath(u"second.txt"_s);
    QVERIFY(writeFile(m_first, First));
    QVERIFY(writeFile(m_second, Second));
}

void TestLibraryCommands::edit()
{
    QCOMPARE(cli({ u"import"_s, m_first, u"--db"_s, m_db }).code, 0);
    const Run r = cli({ u"edit"_s, u"1"_s, u"--title"_s, u"Pier to close"_s, u"--source"_s, u"Port Post"_s,
                        u"--date"_s, u"2024-03-18"_s, u"--byline"_s, u"Ana Ruiz"_s, u"--url"_s,
                        u"https://example.org/pier"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"1\tPier to close\tPort Post\t2024-03-18\tAna Ruiz\thttps://example.org/pier\n"_s);
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out, u"1\tPier to close\tPort Post\t2024-03-18\t0\n"_s);
    // Only what is named changes; an empty --date removes the date.
    QCOMPARE(cli({ u"edit"_s, u"1"_s, u"--date"_s, u""_s, u"--db"_s, m_db }).code, 0);
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out, u"1\tPier to close\tPort Post\t\t0\n"_s);
}

void TestLibraryCommands::editRefusesBadInput()
{
    QCOMPARE(cli({ u"import"_s, m_first, u"--db"_s, m_db }).code, 0);
    const QString before = cli({ u"list"_s, u"--db"_s, m_db }).out;
    struct Case
    {
        QStringList args;
        int code;
        QString message;
    };
    const QList<Case> cases {
        { { u"1"_s, u"--date"_s, u"2024-02-30"_s }, 2, u"is not a date"_s },
        { { u"1"_s, u"--title"_s, u"  "_s }, 1, u"needs a title"_s },
        { { u"1"_s, u"--url"_s, u"not a link"_s }, 1, u"not a web address"_s },
        { { u"9"_s, u"--title"_s, u"x"_s }, 1, u"no article 9"_s },
        { { u"1"_s }, 2, u"at least one of"_s },
        { { u"x"_s, u"--title"_s, u"x"_s }, 2, u"whole number"_s },
    };
    for (const Case &c : cases) {
        const Run r = cli(QStringList { u"edit"_s } + c.args + QStringList { u"--db"_s, m_db });
        QCOMPARE(r.code, c.code);
        QVERIFY2(r.err.contains(c.message), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n') <= 2, true); // the message, and at most a pointer to --help
    }
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out, before);
}

void TestLibraryCommands::merge()
{
    QCOMPARE(cli({ u"import"_s, m_first, m_second, u"--db"_s, m_db }).code, 0);
    // On the second import: a passage kept word for word, one with a word changed, one cut.
    const QString body = QString::fromUtf8(Second).section(u"\n\n"_s, 1).trimmed();
    auto annotate = [&](const QString &passage) {
        const qsizetype at = body.indexOf(passage);
        return cli({ u"annotate"_s, u"2"_s, QString::number(at), QString::number(at + passage.size()),
                     u"--note"_s, passage.left(8), u"--db"_s, m_db })
            .code;
    };
    QCOMPARE(annotate(u"Repairs would cost four million dollars"_s), 0);
    QCOMPARE(annotate(u"voted on Tuesday to shut the old ferry pier"_s), 0);
    QCOMPARE(annotate(u"The pier closes in May."_s), 0);
    QCOMPARE(cli({ u"merge"_s, u"1"_s, u"1"_s, u"--db"_s, m_db }).code, 2);
    Run r = cli({ u"merge"_s, u"1"_s, u"7"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"no article 7"_s), qPrintable(r.err));
    r = cli({ u"merge"_s, u"1"_s, u"2"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"merged: article 2 into article 1: 1 kept exactly, 1 moved, 1 orphaned\n"_s);
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out, u"1\tHarbour board closes ferry pier\t\t\t3\n"_s);
    const QString csv = cli({ u"export-csv"_s, u"--db"_s, m_db }).out;
    QVERIFY2(csv.contains(u",Repairs would cost four million dollars,"_s), qPrintable(csv));
    QVERIFY2(csv.contains(u",voted on Tuesday to close the old ferry pier,"_s), qPrintable(csv));
    QVERIFY2(csv.contains(u",0,0,The pier closes in May.,"_s), qPrintable(csv)); // the orphan, with its text
}

void TestLibraryCommands::importNotesAndReplacesNewVersions()
{
    QCOMPARE(cli({ u"import"_s, m_first, u"--db"_s, m_db }).code, 0);
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out.section(u'\t', 0, 0), u"1"_s);
    // Offsets into the stored body (code points): find them through the CSV of a whole-body note.
    const QString body = QString::fromUtf8(First).section(u"\n\n"_s, 1).trimmed();
    auto span = [&](const QString &passage) {
        const qsizetype at = body.indexOf(passage);
        return QStringList { QString::number(at), QString::number(at + passage.size()) };
    };
    QCOMPARE(cli(QStringList { u"annotate"_s, u"1"_s } + span(u"Repairs would cost four million dollars"_s)
                 + QStringList { u"--note"_s, u"check"_s, u"--db"_s, m_db })
                 .code,
             0);
    QCOMPARE(cli(QStringList { u"annotate"_s, u"1"_s }
                 + span(u"voted on Tuesday to close the old ferry pier"_s) + QStringList { u"--db"_s, m_db })
                 .code,
             0);
    QCOMPARE(cli(QStringList { u"annotate"_s, u"1"_s } + span(u"asked the board for a delay of one year"_s)
                 + QStringList { u"--tag"_s, u"Objections"_s, u"--db"_s, m_db })
                 .code,
             0);

    // Without --replace: imported beside it, with a note on stderr.
    Run r = cli({ u"import"_s, m_second, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(u"looks like a new version of article 1"_s), qPrintable(r.err));
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out.count(u'\n'), 2);
    QCOMPARE(cli({ u"delete"_s, u"2"_s, u"--db"_s, m_db }).code, 0);

    r = cli({ u"import"_s, m_second, u"--replace"_s, u"--db"_s, m_db });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"replaced: article 1 with "_s)
                 && r.out.contains(u": 1 kept exactly, 1 moved, 1 orphaned\n"_s),
             qPrintable(r.out));
    QVERIFY(r.out.endsWith(u"1 imported, 0 already present, 0 failed\n1 replaced an earlier version\n"_s));
    const QString list = cli({ u"list"_s, u"--db"_s, m_db }).out;
    QCOMPARE(list,
             u"1\tHarbour board closes ferry pier\t\t\t3\n"_s); // one article, id 1, all three annotations
    const QString csv = cli({ u"export-csv"_s, u"--db"_s, m_db }).out;
    QVERIFY2(csv.contains(u",Repairs would cost four million dollars,"_s), qPrintable(csv));
    QVERIFY2(csv.contains(u",voted on Tuesday to shut the old ferry pier,"_s), qPrintable(csv));
    QVERIFY2(csv.contains(u"asked the board for a delay of one year"_s), qPrintable(csv)); // the orphan, kept
    // Importing the same version again changes nothing.
    r = cli({ u"import"_s, m_second, u"--replace"_s, u"--db"_s, m_db });
    QVERIFY(r.out.contains(u"already present"_s));
    QCOMPARE(cli({ u"list"_s, u"--db"_s, m_db }).out, list);
}

QTEST_GUILESS_MAIN(TestLibraryCommands)
#include "tst_librarycommands.moc"
