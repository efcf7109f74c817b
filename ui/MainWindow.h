// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace Lede {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &libraryPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Imports (if needed) and opens articles named on the command line.
    void openArticleFiles(const QStringList &paths);
};

} // namespace Lede
