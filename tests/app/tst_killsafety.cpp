// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety, proven (issue 12): `lede import` and a loop of `lede annotate` are killed with
// SIGKILL at random moments. After every kill the library passes PRAGMA integrity_check, every
// article reported as imported is in it and found by the full-text search, every annotation
// whose id was printed is stored, and re-running ends with exactly the right count and no
// duplicate. The seed of the random moments is printed; LEDE_KILL_SEED=N repeats a run.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sqlite3.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// 34 kills in about 30 s on a 2-core box (longer under the sanitizers: the moments scale with
// the measured run time).
constexpr int Stories = 120;
constexpr int ImportKills = 18;
constexpr int AnnotateKills = 16;

QString title(int i)
{
    return u"Ferry timetable %1 changes"_s.arg(i);
}

// A word that only story i contains, for the full-text search.
QString token(int i)
{
    return u"kz%1q"_s.arg(i);
}

// The library as another program sees it, through SQLite directly.
class Library
{
public:
    explicit Library(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
        if (m_db)
            sqlite3_busy_timeout(m_db, 5000);
    }
    ~Library() { sqlite3_close(m_db); }
    bool isOpen() const { return m_db != nullptr; }

    QString text(const char *sql, const QVariantList &values = {})
    {
        sqlite3_stmt *stmt = nullptr;
        QString out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
            return u"error: "_s + QString::fromUtf8(sqlite3_errmsg(m_db));
        for (int i = 0; i < values.size(); ++i) {
            if (values[i].typeId() == QMetaType::QString) {
                const QByteArray utf8 = values[i].toString().toUtf8();
                sqlite3_bind_text(stmt, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(stmt, i + 1, values[i].toLongLong());
            }
        }
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        else if (rc != SQLITE_DONE)
            out = u"error: "_s + QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(stmt);
        return out;
    }
    qint64 number(const char *sql, const QVariantList &values = {}) { return text(sql, values).toLongLong(); }

    // FTS5's own check of the search index against the articles (run and rolled back).
    bool searchIndexMatches()
    {
        if (sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return false;
        const bool ok
            = sqlite3_exec(m_db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                           nullptr, nullptr, nullptr)
            == SQLITE_OK;
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return ok;
    }

private:
    sqlite3 *m_db = nullptr;
};

struct Killed
{
    bool killed = false; // false: it finished before the moment came
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestKillSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importSurvivesKills();
    void annotateSurvivesKills();
    void cleanupTestCase();

private:
    Killed runAndKill(const QString &program, const QStringList &args, int afterMs);
    QStringList ledeCommand(const QStringList &args) const;

    QTemporaryDir m_dir;
    QString m_stories;
    QString m_library;
    QRandomGenerator m_random;
    QString m_stdbuf;
    int m_kills = 0;
    QElapsedTimer m_clock;
};

void TestKillSafety::initTestCase()
{
    m_clock.start();
    QVERIFY(m_dir.isValid());
    bool seeded = false;
    const quint32 seed = qEnvironmentVariableIntValue("LEDE_KILL_SEED", &seeded);
    const quint32 used = seeded ? seed : QRandomGenerator::global()->generate();
    m_random.seed(used);
    qInfo("kill moments from seed %u (LEDE_KILL_SEED=%u repeats them)", used, used);
    // Line-buffered output, so that what a command printed before the kill is seen.
    m_stdbuf = QStandardPaths::findExecutable(u"stdbuf"_s);

    m_stories = m_dir.filePath(u"stories"_s);
    QVERIFY(QDir().mkpath(m_stories));
    for (int i = 0; i < Stories; ++i) {
        QFile f(m_stories + u"/story-%1.txt"_s.arg(i, 4, 10, QLatin1Char('0')));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QString body;
        for (int s = 0; s < 12; ++s)
            body += u"The harbour office said sailing %1 moves to %2 past the hour from next month (%3). "_s
                        .arg(i)
                        .arg(s * 5)
                        .arg(token(i));
        f.write((title(i) + u"\n\nBy Ana Lima\n\nPORTSEA (Test Wire) – "_s + body
                 + u"\n\n“We expect fuller boats,” said Rui Costa.\n"_s)
                    .toUtf8());
    }
    m_library = m_dir.filePath(u"library.sqlite"_s);
}

QStringList TestKillSafety::ledeCommand(const QStringList &args) const
{
    QStringList command;
    if (!m_stdbuf.isEmpty())
        command << m_stdbuf << u"-oL"_s;
    command << QStringLiteral(LEDE_EXECUTABLE) << args;
    return command;
}

Killed TestKillSafety::runAndKill(const QString &program, const QStringList &args, int afterMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // stdbuf works through LD_PRELOAD, which AddressSanitizer refuses unless told it may.
    env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s) + u":verify_asan_link_order=0"_s);
    p.setProcessEnvironment(env);
    // Its own process group, so that the kill reaches a shell loop and the `lede` it is running.
    p.setChildProcessModifier([] { ::setpgid(0, 0); });
    p.start(program, args);
    Killed k;
    if (!p.waitForStarted(10000))
        return k;
    if (afterMs >= 0 && !p.waitForFinished(afterMs)) {
        ::kill(-pid_t(p.processId()), SIGKILL);
        k.killed = true;
        ++m_kills;
    }
    p.waitForFinished(60000);
    k.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    k.out = p.readAllStandardOutput();
    k.err = p.readAllStandardError();
    return k;
}

void TestKillSafety::importSurvivesKills()
{
    static const QRegularExpression importedLine(
        u"^imported: .*/story-(\\d+)\\.txt \\(article (\\d+): (.*)\\)$"_s);
    static const QRegularExpression presentLine(
        u"^already present: .*/story-(\\d+)\\.txt \\(article (\\d+)\\)$"_s);

    // How long a whole import takes here: kill moments are spread over it.
    QElapsedTimer timer;
    timer.start();
    {
        const QStringList cmd = ledeCommand({ u"import"_s, m_stories, u"--db"_s, m_library });
        const Killed full = runAndKill(cmd.first(), cmd.mid(1), -1);
        QCOMPARE(full.exitCode, 0);
    }
    const int fullMs = std::max<int>(200, int(timer.elapsed()));
    qInfo("a whole import of %d stories takes %d ms", Stories, fullMs);

    int killed = 0;
    int acknowledged = 0;
    for (int round = 0; round < ImportKills * 5 && killed < ImportKills; ++round) {
        // A new library every fourth round (kills also land while it is created) and whenever the
        // last run completed it, so that every run has work to be killed in.
        qint64 stored = 0;
        if (QFileInfo::exists(m_library)) {
            Library db(m_library);
            stored = db.number("SELECT count(*) FROM sqlite_master") > 0
                ? db.number("SELECT count(*) FROM articles")
                : 0;
        }
        if (round % 4 == 0 || stored == Stories) {
            for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
                QFile::remove(m_library + suffix);
            stored = 0;
        }
        // A moment within the time the run should take for what is left to import.
        // Capped, so that a slow build (the sanitizers) keeps the test within its minute; batches
        // commit every quarter second, so the first 1.5 s hold many commits to land in.
        // On an idle machine a whole import takes only a few hundred ms, start-up included, so the
        // range reaches past its end: some runs complete (their report is checked as well) and the
        // kills spread over start-up, batches and the final report alike.
        const qint64 left = fullMs * (Stories - stored) / Stories;
        const int moment = int(m_random.bounded(quint32(std::clamp<qint64>(left + 300, 400, 1800))));
        const QStringList cmd = ledeCommand({ u"import"_s, m_stories, u"--db"_s, m_library });
        const Killed k = runAndKill(cmd.first(), cmd.mid(1), moment);
        killed += k.killed;
        if (!k.killed)
            QVERIFY2(k.exitCode == 0, k.err.constData());

        if (!QFileInfo::exists(m_library))
            continue; // killed before the file was created
        Library db(m_library);
        QVERIFY(db.isOpen());
        QCOMPARE(db.text("PRAGMA integrity_check"), u"ok"_s);
        if (db.number("SELECT count(*) FROM sqlite_master") == 0)
            continue; // killed before the schema was committed: an empty file is a new library
        QVERIFY2(db.searchIndexMatches(), "the search index does not match the articles");
        QCOMPARE(db.number("SELECT count(*) - count(DISTINCT title) FROM articles"), 0);
        const QStringList lines = QString::fromUtf8(k.out).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            auto m = importedLine.match(line);
            if (!m.hasMatch())
                m = presentLine.match(line);
            if (!m.hasMatch())
                continue;
            const int story = m.captured(1).toInt();
            const qint64 id = m.captured(2).toLongLong();
            QCOMPARE(db.text("SELECT title FROM articles WHERE id = ?", { id }), title(story));
            QCOMPARE(db.number("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", { token(story) }),
                     id);
            ++acknowledged;
        }
    }
    qInfo("%d imports killed; %d reported articles checked after the kills", killed, acknowledged);
    QVERIFY(killed >= ImportKills);
    QVERIFY(acknowledged > 0); // the output before a kill was seen, so the checks above checked something

    // A run to the end: exactly every story once.
    const QStringList cmd = ledeCommand({ u"import"_s, m_stories, u"--db"_s, m_library });
    const Killed last = runAndKill(cmd.first(), cmd.mid(1), -1);
    QVERIFY2(last.exitCode == 0, last.err.constData());
    QVERIFY(last.out.contains(", 0 failed"));
    Library db(m_library);
    QCOMPARE(db.text("PRAGMA integrity_check"), u"ok"_s);
    QCOMPARE(db.number("SELECT count(*) FROM articles"), Stories);
    QCOMPARE(db.number("SELECT count(DISTINCT title) FROM articles"), Stories);
    QCOMPARE(
        db.number("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", { token(Stories - 1) }), 1);
    QVERIFY(db.searchIndexMatches());
}

void TestKillSafety::annotateSurvivesKills()
{
    QVERIFY(QFileInfo::exists(m_library));
    const qint64 articleId = Library(m_library).number("SELECT min(id) FROM articles");
    QVERIFY(articleId > 0);
    // A script that adds highlights one after another and prints "N ID" once `lede annotate`
    // printed the new id (that is, once the highlight is acknowledged).
    const QString lede = ledeCommand({}).join(u' ');
    const QString loop
        = u"i=$1; while [ $i -lt $2 ]; do id=$(%1 annotate %2 3 12 --db \"$3\" --tag Kill/Test --note n$i) "
          u"|| exit 1; echo \"$i $id\"; i=$((i+1)); done"_s.arg(lede)
              .arg(articleId);
    auto highest = [this] {
        return Library(m_library).number(
            "SELECT ifnull(max(CAST(substr(note, 2) AS INTEGER)), 0) FROM annotations");
    };
    // How long one `lede annotate` takes here.
    QElapsedTimer timer;
    timer.start();
    const Killed one = runAndKill(u"sh"_s, { u"-c"_s, loop, u"sh"_s, u"1"_s, u"2"_s, m_library }, -1);
    QVERIFY2(one.exitCode == 0, one.err.constData());
    const int oneMs = std::max<int>(20, int(timer.elapsed()));
    qInfo("one lede annotate takes %d ms", oneMs);

    int killed = 0;
    int acknowledged = 0;
    for (int round = 0; round < AnnotateKills * 3 && killed < AnnotateKills; ++round) {
        // The script resumes after the last highlight the library holds, as a careful script would.
        const qint64 from = highest() + 1;
        const int moment = int(m_random.bounded(quint32(oneMs * 8)));
        const Killed k = runAndKill(
            u"sh"_s,
            { u"-c"_s, loop, u"sh"_s, QString::number(from), QString::number(from + 1000), m_library },
            moment);
        QVERIFY(k.killed);
        ++killed;

        Library db(m_library);
        QCOMPARE(db.text("PRAGMA integrity_check"), u"ok"_s);
        QCOMPARE(db.number("SELECT count(*) - count(DISTINCT note) FROM annotations"), 0);
        QCOMPARE(
            db.number(
                "SELECT count(*) FROM annotations n LEFT JOIN annotation_tags t ON t.annotation_id = n.id "
                "WHERE t.tag_id IS NULL"),
            0); // never a highlight without the tag its action gave it
        for (const QString &line : QString::fromUtf8(k.out).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(u' ');
            if (parts.size() != 2 || parts[1].isEmpty())
                continue;
            QCOMPARE(db.text("SELECT note FROM annotations WHERE id = ?", { parts[1].toLongLong() }),
                     u"n"_s + parts[0]);
            ++acknowledged;
        }
    }
    qInfo("%d annotate loops killed; %d printed ids checked after the kills", killed, acknowledged);
    QVERIFY(killed >= AnnotateKills);
    QVERIFY(acknowledged > 0);
    // Every number from 1 to the highest is there exactly once.
    Library db(m_library);
    const qint64 top = highest();
    QCOMPARE(db.number("SELECT count(*) FROM annotations"), top);
    QCOMPARE(db.number("SELECT count(DISTINCT note) FROM annotations"), top);
    QCOMPARE(db.number("SELECT count(*) FROM tags WHERE name IN ('Kill', 'Test')"), 2);
    qInfo("%lld highlights stored across the kills", top);
}

void TestKillSafety::cleanupTestCase()
{
    qInfo("%d kills in %lld ms", m_kills, m_clock.elapsed());
}

QTEST_GUILESS_MAIN(TestKillSafety)
#include "tst_killsafety.moc"
