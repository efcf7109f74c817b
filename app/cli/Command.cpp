// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "io/FileAccess.h"
#include "io/TerminalText.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lede {

// Defined in their own files.
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makeFeedCommand();
std::unique_ptr<Command> makeAnalyzeCommand();
std::unique_ptr<Command> makeExportCsvCommand();
std::unique_ptr<Command> makeExportXlsxCommand();
std::unique_ptr<Command> makeExportQdpxCommand();
std::unique_ptr<Command> makeExportQdcCommand();
std::unique_ptr<Command> makeExportJsonCommand();
std::unique_ptr<Command> makeExportReportCommand();
std::unique_ptr<Command> makeImportQdpxCommand();
std::unique_ptr<Command> makeExportArticlesCommand();
std::unique_ptr<Command> makeListCommand();
std::unique_ptr<Command> makeAnnotateCommand();
std::unique_ptr<Command> makeCheckCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeRestoreCommand();
std::unique_ptr<Command> makeLayersCommand();
std::unique_ptr<Command> makeCorrectCommand();
std::unique_ptr<Command> makeReanalyzeCommand();
std::unique_ptr<Command> makeDeleteCommand();
std::unique_ptr<Command> makeEditCommand();
std::unique_ptr<Command> makeMergeCommand();
std::unique_ptr<Command> makeSourcesCommand();
std::unique_ptr<Command> makeFiguresCommand();
std::unique_ptr<Command> makeEntitiesCommand();

const std::vector<std::unique_ptr<Command>> &commands()
{
    static const std::vector<std::unique_ptr<Command>> all = [] {
        std::vector<std::unique_ptr<Command>> list;
        list.push_back(makeImportCommand());
        list.push_back(makeFeedCommand());
        list.push_back(makeAnalyzeCommand());
        list.push_back(makeExportCsvCommand());
        list.push_back(makeExportArticlesCommand());
        list.push_back(makeExportXlsxCommand());
        list.push_back(makeExportQdpxCommand());
        list.push_back(makeExportQdcCommand());
        list.push_back(makeExportJsonCommand());
        list.push_back(makeExportReportCommand());
        list.push_back(makeImportQdpxCommand());
        list.push_back(makeListCommand());
        list.push_back(makeAnnotateCommand());
        list.push_back(makeLayersCommand());
        list.push_back(makeCorrectCommand());
        list.push_back(makeReanalyzeCommand());
        list.push_back(makeDeleteCommand());
        list.push_back(makeEditCommand());
        list.push_back(makeMergeCommand());
        list.push_back(makeSourcesCommand());
        list.push_back(makeFiguresCommand());
        list.push_back(makeEntitiesCommand());
        list.push_back(makeCheckCommand());
        list.push_back(makeBackupCommand());
        list.push_back(makeRestoreCommand());
        return list;
    }();
    return all;
}

Command *findCommand(const QString &name)
{
    for (const auto &command : commands()) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString commandList()
{
    QStringList lines;
    for (const auto &command : commands()) {
        const QString head = command->name() + u' ' + command->usage();
        lines.append(u"  "_s + head.leftJustified(30) + u' ' + command->summary());
    }
    return lines.join(u'\n');
}

void Command::out(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void Command::err(const QString &line)
{
    // One line whatever a message quotes (a file name with a newline, a title with escapes).
    const QByteArray bytes = "lede: " + terminalSafe(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int Command::usageError(const QString &message)
{
    err(message);
    err(tr("Try 'lede --help' or 'lede COMMAND --help'."));
    return 2;
}

QCommandLineOption Command::dbOption()
{
    return QCommandLineOption(u"db"_s, tr("The library file (default: %1).").arg(ArticleStore::defaultPath()),
                              tr("PATH"));
}

QString Command::libraryPath(const QCommandLineParser &parser)
{
    return parser.isSet(u"db"_s) ? parser.value(u"db"_s) : ArticleStore::defaultPath();
}

bool Command::openStore(ArticleStore &store, const QCommandLineParser &parser)
{
    if (Status s = store.open(libraryPath(parser)); !s) {
        err(s.errorString());
        return false;
    }
    return true;
}

bool Command::parse(QCommandLineParser &parser, const QStringList &args, const QString &description,
                    int *code)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *code = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        *code = 0;
        return false;
    }
    return true;
}

QString Command::oneLine(QString s)
{
    s.replace(u'\t', u' ');
    s.replace(u'\n', u' ');
    s.replace(u'\r', u' ');
    return s;
}

namespace {

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Lede::Cli)

public:
    static void print(FILE *stream, const QString &text)
    {
        const QByteArray bytes = text.toUtf8() + '\n';
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    }

    static QString help(bool windowAvailable)
    {
        QString text;
        if (windowAvailable) {
            text
                += tr("Usage: lede [--db PATH] [FILE...]\n"
                      "       lede COMMAND [options]\n\n"
                      "Read and annotate news articles. Without a command, opens the window on the library,\n"
                      "importing the FILEs first.\n\n");
        } else {
            text += tr("Usage: lede-cli COMMAND [options]\n\n"
                       "Read and annotate news articles from the command line (no window).\n\n");
        }
        text += tr("Commands (each has --help):\n") + commandList() + u"\n\n"_s;
        text += tr("Options:\n"
                   "  --db PATH      the library file (default: %1)\n"
                   "  -h, --help     show this help\n"
                   "  -v, --version  show the version\n")
                    .arg(ArticleStore::defaultPath());
        return text;
    }

    static int unknown(const QString &word)
    {
        print(stderr, tr("lede: \"%1\" is not a command, nor a file that exists.").arg(word));
        print(stderr, tr("The commands are:\n%1\nTry 'lede --help'.").arg(commandList()));
        return 2;
    }
};

// Runs one command in a QCoreApplication (a QGuiApplication on the offscreen platform for a command
// that lays out text with fonts: no display, no widgets); a failed write to stdout (a full disk, a closed
// pipe) turns success into failure, because output a script relies on must not vanish silently.
int runOne(Command *command, int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (command->needsFonts()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Over SSH or from cron there is often no session runtime folder; Qt then falls back to
        // <tmp>/runtime-<user> but warns on stderr, which a script would read as a problem. Name the
        // same fallback ourselves (Qt creates it, private to the user).
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const struct passwd *pw = ::getpwuid(::geteuid());
            const QString user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(QDir::tempPath() + u"/runtime-"_s + user));
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // Not app->arguments(): that turns bytes that are not UTF-8 into U+FFFD, and a file named so
    // could not be found again. FileAccess.h keeps them.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(fileNameFromNative(argv[i]));
    args.removeAt(1); // the parser sees "lede [options] args"
    args[0] = u"lede "_s + command->name();
    const int code = command->run(args);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int error = errno;
        Cli::print(stderr,
                   Cli::tr("lede: Cannot write to standard output: %1")
                       .arg(QString::fromLocal8Bit(std::strerror(error))));
        return code == 0 ? 1 : code;
    }
    return code;
}

} // namespace

CommandLineOutcome runCommandLine(int argc, char *argv[], bool windowAvailable)
{
    QCoreApplication::setApplicationName(u"lede"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDE_VERSION));

    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (Command *command = findCommand(first))
        return { false, runOne(command, argc, argv) };

    // Window arguments: [--db PATH] [FILE...]. --help and --version are answered here, without a
    // display; anything else that is neither an option nor an existing file is a mistyped command.
    QStringList positional;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == u"-h"_s || arg == u"--help"_s || arg == u"-?"_s) {
            Cli::print(stdout, Cli::help(windowAvailable));
            return { false, 0 };
        }
        if (arg == u"-v"_s || arg == u"--version"_s) {
            Cli::print(stdout, u"lede "_s + QStringLiteral(LEDE_VERSION));
            return { false, 0 };
        }
        if (arg == u"--db"_s) {
            ++i;
            continue;
        }
        if (arg.startsWith(u'-'))
            continue; // the window's own parser reports unknown options
        positional.append(arg);
    }
    if (!windowAvailable) {
        if (first.isEmpty()) {
            Cli::print(stderr, Cli::help(false));
            return { false, 2 };
        }
        return { false, Cli::unknown(positional.value(0, first)) };
    }
    if (!positional.isEmpty() && !QFileInfo::exists(positional.first()))
        return { false, Cli::unknown(positional.first()) };
    return { true, 0 };
}

} // namespace Lede
