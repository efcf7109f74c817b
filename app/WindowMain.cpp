// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowMain.h"

#include "MainWindow.h"
#include "cli/Command.h"
#include "store/ArticleStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class Window
{
    Q_DECLARE_TR_FUNCTIONS(Lede::Window)

public:
    static int run(int argc, char *argv[])
    {
        QApplication app(argc, argv);
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Read and annotate news articles.\n\nWithout a command, opens the "
               "window on the library, importing FILEs first.\n\nCommands (each has "
               "--help):\n%1")
                .arg(commandList()));
        parser.addHelpOption();
        parser.addVersionOption();
        const QCommandLineOption db(
            u"db"_s, tr("The library file (default: %1).").arg(ArticleStore::defaultPath()), tr("PATH"));
        parser.addOption(db);
        parser.addPositionalArgument(u"files"_s, tr("Articles to import and open."), tr("[FILE...]"));
        parser.process(app);

        const QString path = parser.isSet(db) ? parser.value(db) : ArticleStore::defaultPath();
        {
            ArticleStore probe;
            if (Status s = probe.open(path); !s) {
                const QByteArray line = "lede: " + s.errorString().toUtf8() + '\n';
                std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
                QMessageBox::critical(
                    nullptr, tr("Lede"),
                    tr("The library could not be opened.\n\n%1\n\nStart Lede with --db PATH to use "
                       "another library file.")
                        .arg(s.errorString()));
                return 1;
            }
        }
        MainWindow window(path);
        window.show();
        if (!parser.positionalArguments().isEmpty())
            window.openArticleFiles(parser.positionalArguments());
        return app.exec();
    }
};

} // namespace

int runWindow(int argc, char *argv[])
{
    return Window::run(argc, argv);
}

} // namespace Lede
