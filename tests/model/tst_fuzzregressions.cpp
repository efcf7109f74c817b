// SPDX-License-Identifier: GPL-3.0-or-later
// Replays, in every normal test run, the inputs that fuzzing found (tests/data/fuzz/TARGET/) and the
// fuzz seeds (fuzz/seeds/TARGET/) through the harnesses' own code (fuzz/Harnesses.h): a broken
// property aborts the test, and each input has a time bound so that a hang that came back fails.
#include "../../fuzz/Harnesses.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Harness = int (*)(const uint8_t *, size_t);

Harness harnessFor(const QString &target)
{
    if (target == u"textdecoder"_s)
        return LedeFuzz::textDecoder;
    if (target == u"wirecopy"_s)
        return LedeFuzz::wireCopy;
    if (target == u"markup"_s)
        return LedeFuzz::markup;
    if (target == u"analyzer"_s)
        return LedeFuzz::analyzer;
    if (target == u"documents"_s)
        return LedeFuzz::documents;
    return nullptr;
}

} // namespace

class TestFuzzRegressions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    int found = 0;
    for (const QString &root :
         { QStringLiteral(LEDE_TEST_DATA_DIR "/fuzz"), QStringLiteral(LEDE_SOURCE_DIR "/fuzz/seeds") }) {
        for (const QString &target :
             { u"textdecoder"_s, u"wirecopy"_s, u"markup"_s, u"analyzer"_s, u"documents"_s }) {
            const QDir dir(root + u'/' + target);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
                if (name == u"README"_s)
                    continue;
                const QString kind = root.endsWith(u"seeds"_s) ? u"seed"_s : u"found"_s;
                QTest::newRow(qPrintable(target + u'/' + kind + u'/' + name)) << target << dir.filePath(name);
                ++found;
            }
        }
    }
    QVERIFY(found > 0);
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray input = f.readAll();
    const Harness harness = harnessFor(target);
    QVERIFY(harness);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(harness(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())), 0);
    // libFuzzer's own bound is 10 s per input (fuzz/run.sh); Debug and sanitizer builds get more.
    QVERIFY2(timer.elapsed() < 60000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
