// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

class QAction;
class QObject;
class QProgressDialog;
class QWidget;

namespace Lede {

// An icon drawn for Lede, from the resources (":/lede/icons/NAME.svg").
QIcon ledeIcon(const QString &name);
// An action with an object name (tests and settings find it by that name) and an optional icon.
QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QString &iconName = {});
// A window-modal progress dialog for work on a worker thread: it neither closes nor resets itself,
// so the owner decides when it goes.
QProgressDialog *makeProgressDialog(QWidget *parent, const QString &objectName, const QString &label,
                                    const QString &title, int maximum);

} // namespace Lede
