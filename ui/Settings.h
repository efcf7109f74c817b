// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace Lede {

// Every key the window keeps in QSettings, with its type and default, in one place. The schema has a
// version; migrate() brings settings written by an older Lede up to date (and is called once at
// start by the window). Tests call QStandardPaths::setTestModeEnabled(true) first, which keeps them
// out of the user's files.
template<typename T> struct SettingKey
{
    const char *name;
    T defaultValue;

    T read(const QSettings &s) const
    {
        const QVariant v = s.value(QLatin1StringView(name));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : defaultValue;
    }
    void write(QSettings &s, const T &value) const
    {
        s.setValue(QLatin1StringView(name), QVariant::fromValue(value));
    }
};

namespace Settings {

inline constexpr int Version = 2;

inline const SettingKey<int> SettingsVersion { "settingsVersion", 0 };
inline const SettingKey<QByteArray> WindowGeometry { "window/geometry", {} };
inline const SettingKey<QByteArray> WindowState { "window/state", {} };
inline const SettingKey<QByteArray> SplitterState { "window/splitter", {} };
inline const SettingKey<QByteArray> LibraryHeaderState { "library/header", {} };
inline const SettingKey<int> ZoomSteps { "document/zoom", 0 };
// Layers switched off, by layerKey(); everything is on by default.
inline const SettingKey<QStringList> HiddenLayers { "document/hiddenLayers", {} };
inline const SettingKey<qint64> LastArticle { "document/lastArticle", 0 };
// Per library (read and written inside the group libraryGroup(path)): the list's sort and the article
// open at the end. The global LastArticle above is what Lede kept before, read for a library that
// has no group yet.
QString libraryGroup(const QString &libraryPath);
inline const SettingKey<int> LibrarySortColumn { "sortColumn", -1 }; // -1: newest imports first
inline const SettingKey<int> LibrarySortOrder { "sortOrder", 0 }; // Qt::SortOrder
inline const SettingKey<qint64> LibraryLastArticle { "lastArticle", 0 };
inline const SettingKey<QString> LastImportDir { "import/lastDir", {} };
inline const SettingKey<QString> LastExportDir { "export/lastDir", {} };
inline const SettingKey<bool> ExportByteOrderMark { "export/byteOrderMark", false };
inline const SettingKey<bool> ExportAutomaticLayers { "export/automaticLayers", false };

// Version 1 stored the zoom as a font point size under "view/fontSize"; version 2 stores steps.
void migrate(QSettings &settings);

// Where the settings live: QSettings() with these names is ~/.config/Lede/lede.conf on Linux.
inline constexpr auto OrganizationName = "Lede";
inline constexpr auto ApplicationName = "lede";
// Sets the organisation and application names when the program has not set its own (tests set
// theirs), so that settings no longer go to "~/.config/Unknown Organization/".
void applyNames();
// Settings written before Lede named its organisation: when `settings` holds nothing yet, every key
// of `legacy` is copied over (and `legacy` is left as it was). True when something was copied.
bool adoptLegacy(QSettings &settings, const QSettings &legacy);
// The settings Lede wrote before it named its organisation.
inline constexpr auto LegacyOrganizationName = "Unknown Organization";

} // namespace Settings
} // namespace Lede
