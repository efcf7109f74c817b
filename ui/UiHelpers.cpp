// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiHelpers.h"

#include <QAction>
#include <QCoreApplication>
#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace Lede {

QIcon ledeIcon(const QString &name)
{
    return QIcon(u":/lede/icons/"_s + name + u".svg"_s);
}

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text, const QString &iconName)
{
    auto *a = new QAction(text, parent);
    a->setObjectName(objectName);
    if (!iconName.isEmpty())
        a->setIcon(ledeIcon(iconName));
    return a;
}

QProgressDialog *makeProgressDialog(QWidget *parent, const QString &objectName, const QString &label,
                                    const QString &title, int maximum)
{
    auto *progress = new QProgressDialog(label, QCoreApplication::translate("Lede::MainWindow", "Cancel"), 0,
                                         maximum, parent);
    progress->setObjectName(objectName);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    return progress;
}

} // namespace Lede
