// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

using namespace Qt::StringLiterals;

namespace Lede::Settings {

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

} // namespace Lede::Settings
