// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "MainWindow.h"

#include <QApplication>

namespace Lede {

int runCommandLine(int argc, char *argv[])
{
    QApplication app(argc, argv);
    MainWindow window(QString{});
    window.show();
    return app.exec();
}

} // namespace Lede
