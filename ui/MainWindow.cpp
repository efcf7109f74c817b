// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

namespace Lede {

MainWindow::MainWindow(const QString &libraryPath, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Lede — %1").arg(libraryPath));
}

MainWindow::~MainWindow() = default;

void MainWindow::openArticleFiles(const QStringList &)
{
}

} // namespace Lede
