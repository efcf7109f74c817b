// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QCommandLineParser;
class QCommandLineOption;

namespace Lede {

class ArticleStore;
struct ExportQuery;

// One subcommand of `lede` / `lede-cli` (import, list, ...). A command runs without a display: the
// process has a QCoreApplication only. run() receives the arguments with the command name removed
// ("lede import a.txt" -> {"lede import", "a.txt"}) and returns the exit code: 0 success, 1 a
// failure it reported on stderr, 2 a usage error.
//
// Adding a command: one file in app/cli/ with a Command subclass, and one line in Commands.cpp.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Lede::Command)

public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    // "FILE_OR_DIR...    import, analyse and store" for the command list in `lede --help`.
    virtual QString usage() const = 0;
    virtual QString summary() const = 0;
    virtual int run(const QStringList &args) = 0;
    // True for a command that lays out text with fonts (a PDF): it runs in a QGuiApplication on the
    // offscreen platform instead of a QCoreApplication.
    virtual bool needsFonts() const { return false; }

protected:
    // Shared plumbing for the commands' implementations.
    static void out(const QString &line); // one line to stdout (callers make quoted text terminalSafe)
    static void err(const QString &line); // "lede: " + terminalSafe(line) to stderr
    static int usageError(const QString &message);
    static QCommandLineOption dbOption();
    static QString libraryPath(const QCommandLineParser &parser);
    // Opens the library named by --db (or the default) or prints why not.
    static bool openStore(ArticleStore &store, const QCommandLineParser &parser);
    // What every export command does after reading its own options (ExportSelection.cpp): the
    // selection's usage check, the output file (never the library, a folder, a device or a FIFO;
    // an existing file only when `replace`; no check for an empty `output`, i.e. stdout), opening
    // the library and resolving the selection. Returns -1 to go on, else the exit code, its message
    // printed with `command` in front.
    static int prepareExport(const QString &command, const QCommandLineParser &parser, const QString &output,
                             bool replace, ArticleStore &store, ExportQuery *query);
    // Parses the command's options and handles --help. Returns false when the process should exit
    // with *code.
    static bool parse(QCommandLineParser &parser, const QStringList &args, const QString &description,
                      int *code);
    // Tabs and line breaks become spaces, for one-record-per-line output.
    static QString oneLine(QString s);
};

// Every command, in the order `lede --help` lists them.
const std::vector<std::unique_ptr<Command>> &commands();
Command *findCommand(const QString &name);

// What `lede --help` prints below the usage line: one line per command.
QString commandList();

// Runs the command named by argv[1] (creating the QCoreApplication), or handles --help / --version
// and unknown commands, all without a display. `openWindow` is set instead when argv asks for the
// window (no command: options and existing files only); `windowAvailable` is false for `lede-cli`.
struct CommandLineOutcome
{
    bool openWindow = false;
    int exitCode = 0;
};
CommandLineOutcome runCommandLine(int argc, char *argv[], bool windowAvailable);

} // namespace Lede
