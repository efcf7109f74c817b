// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Lede::Settings {

QString libraryGroup(const QString &libraryPath)
{
    // A hash: a path holds characters (/ and \) that QSettings reads as group separators.
    const QString path = QFileInfo(libraryPath).absoluteFilePath();
    return u"libraries/"_s
        + QString::fromLatin1(
               QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

void migrate(QSettings &settings)
{
    const int from = SettingsVersion.read(settings);
    if (from >= Version)
        return;
    if (from < 2 && settings.contains(u"view/fontSize"_s)) {
        const int points = settings.value(u"view/fontSize"_s).toInt();
        ZoomSteps.write(settings, points > 0 ? points - 12 : 0);
        settings.remove(u"view/fontSize"_s);
    }
    SettingsVersion.write(settings, Version);
}

void applyNames()
{
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QLatin1StringView(OrganizationName));
    if (QCoreApplication::applicationName().isEmpty())
        QCoreApplication::setApplicationName(QLatin1StringView(ApplicationName));
}

bool adoptLegacy(QSettings &settings, const QSettings &legacy)
{
    if (!settings.allKeys().isEmpty())
        return false;
    const QStringList keys = legacy.allKeys();
    for (const QString &key : keys)
        settings.setValue(key, legacy.value(key));
    return !keys.isEmpty();
}

} // namespace Lede::Settings
