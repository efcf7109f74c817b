// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Lede {

bool installTranslations()
{
    static bool installed = false;
    static bool loaded = false;
    if (installed || !QCoreApplication::instance())
        return loaded;
    installed = true;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *lede = new QTranslator(QCoreApplication::instance());
    loaded = lede->load(QLocale(), u"lede"_s, u"_"_s, u":/lede/translations"_s)
        || lede->load(u"lede_en"_s, u":/lede/translations"_s);
    if (loaded)
        QCoreApplication::installTranslator(lede);
    else
        delete lede;
    return loaded;
}

} // namespace Lede
