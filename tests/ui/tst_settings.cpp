// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: typed keys with defaults, migrate() from every older version, the names that decide
// where the file lives, and adopting settings from before Lede named its organisation. Every test
// writes an INI file in a temporary folder; none touches the user's settings.
#include "Settings.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void defaultsWhenUnset();
    void migrate_data();
    void migrate();
    void migrateLeavesCurrentSettingsAlone();
    void adoptLegacyCopiesOnlyIntoEmptySettings();
    void applyNamesKeepsNamesTheProgramSet();

private:
    std::unique_ptr<QSettings> settings(const QString &name = u"lede.ini"_s)
    {
        return std::make_unique<QSettings>(m_dir->filePath(name), QSettings::IniFormat);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::defaultsWhenUnset()
{
    auto s = settings();
    QCOMPARE(Settings::ZoomSteps.read(*s), 0);
    QCOMPARE(Settings::HiddenLayers.read(*s), QStringList());
    QCOMPARE(Settings::LastArticle.read(*s), 0);
    Settings::ZoomSteps.write(*s, 3);
    Settings::HiddenLayers.write(*s, { u"quotes"_s, u"dates"_s });
    Settings::LastArticle.write(*s, qint64(1) << 40);
    s->sync();
    auto again = settings();
    QCOMPARE(Settings::ZoomSteps.read(*again), 3);
    QCOMPARE(Settings::HiddenLayers.read(*again), (QStringList { u"quotes"_s, u"dates"_s }));
    QCOMPARE(Settings::LastArticle.read(*again), qint64(1) << 40);
}

void TestSettings::migrate_data()
{
    QTest::addColumn<int>("fromVersion"); // -1: no version key at all
    QTest::addColumn<QVariant>("fontSize"); // invalid: no view/fontSize key
    QTest::addColumn<int>("zoomSteps");
    QTest::newRow("v0-font-14-is-two-steps-up") << -1 << QVariant(14) << 2;
    QTest::newRow("v1-font-10-is-two-steps-down") << 1 << QVariant(10) << -2;
    QTest::newRow("v1-font-zero-is-default") << 1 << QVariant(0) << 0;
    QTest::newRow("v1-without-font-size") << 1 << QVariant() << 0;
    QTest::newRow("fresh-file") << -1 << QVariant() << 0;
}

void TestSettings::migrate()
{
    QFETCH(int, fromVersion);
    QFETCH(QVariant, fontSize);
    QFETCH(int, zoomSteps);
    auto s = settings();
    if (fromVersion >= 0)
        Settings::SettingsVersion.write(*s, fromVersion);
    if (fontSize.isValid())
        s->setValue(u"view/fontSize"_s, fontSize);
    s->setValue(u"window/geometry"_s, QByteArray("kept"));
    Settings::migrate(*s);
    QCOMPARE(Settings::SettingsVersion.read(*s), Settings::Version);
    QCOMPARE(Settings::ZoomSteps.read(*s), zoomSteps);
    QVERIFY(!s->contains(u"view/fontSize"_s));
    QCOMPARE(Settings::WindowGeometry.read(*s), QByteArray("kept"));
}

void TestSettings::migrateLeavesCurrentSettingsAlone()
{
    auto s = settings();
    Settings::SettingsVersion.write(*s, Settings::Version);
    Settings::ZoomSteps.write(*s, 4);
    s->setValue(u"view/fontSize"_s, 20); // not read again once migrated
    Settings::migrate(*s);
    QCOMPARE(Settings::ZoomSteps.read(*s), 4);
    QVERIFY(s->contains(u"view/fontSize"_s));
}

void TestSettings::adoptLegacyCopiesOnlyIntoEmptySettings()
{
    auto legacy = settings(u"old.ini"_s);
    Settings::ZoomSteps.write(*legacy, 2);
    Settings::LastImportDir.write(*legacy, u"/home/reader/news"_s);
    auto now = settings();
    QVERIFY(Settings::adoptLegacy(*now, *legacy));
    QCOMPARE(Settings::ZoomSteps.read(*now), 2);
    QCOMPARE(Settings::LastImportDir.read(*now), u"/home/reader/news"_s);
    QCOMPARE(Settings::ZoomSteps.read(*legacy), 2); // the old file stays as it was
    // Once there are settings, old ones never overwrite them.
    Settings::ZoomSteps.write(*legacy, 5);
    QVERIFY(!Settings::adoptLegacy(*now, *legacy));
    QCOMPARE(Settings::ZoomSteps.read(*now), 2);
    auto empty = settings(u"empty.ini"_s);
    auto other = settings(u"other.ini"_s);
    QVERIFY(!Settings::adoptLegacy(*other, *empty));
}

void TestSettings::applyNamesKeepsNamesTheProgramSet()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(u"tst_settings"_s);
    Settings::applyNames();
    QCOMPARE(QCoreApplication::organizationName(), u"Lede"_s);
    QCOMPARE(QCoreApplication::applicationName(), u"tst_settings"_s);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    Settings::applyNames();
    QCOMPARE(QCoreApplication::organizationName(), u"lede-tests"_s);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
