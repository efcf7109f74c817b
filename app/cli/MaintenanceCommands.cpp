// SPDX-License-Identifier: GPL-3.0-or-later
// lede check | backup | restore: keeping a library safe (model/store/LibraryMaintenance.h).
#include "Command.h"
#include "io/TerminalText.h"
#include "store/LibraryMaintenance.h"

#include <QCommandLineParser>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

namespace LM = LibraryMaintenance;

class CheckCommand final : public Command
{
public:
    QString name() const override { return u"check"_s; }
    QString usage() const override { return QString(); }
    QString summary() const override { return tr("check the library for damage, in plain words"); }
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.addOption(dbOption());
        int code = 0;
        if (!parse(
                parser, args,
                tr("Check the library: its structure, the references between articles, annotations and tags, "
                   "and the search index. Writes nothing. Exits 1 when something is wrong."),
                &code))
            return code;
        if (!parser.positionalArguments().isEmpty())
            return usageError(tr("check: unexpected argument %1").arg(parser.positionalArguments().first()));
        auto report = LM::check(libraryPath(parser));
        if (!report) {
            err(report.errorString());
            return 1;
        }
        const QByteArray text = report->text.toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        return report->healthy ? 0 : 1;
    }
};

class BackupCommand final : public Command
{
public:
    QString name() const override { return u"backup"_s; }
    QString usage() const override { return tr("-o FILE"); }
    QString summary() const override { return tr("write a consistent copy of the library"); }
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.addOption(dbOption());
        parser.addOption(QCommandLineOption({ u"o"_s, u"output"_s }, tr("The copy to write."), tr("FILE")));
        int code = 0;
        if (!parse(parser, args,
                   tr("Write a consistent copy of the library (also while the window or another command uses "
                      "it)."),
                   &code))
            return code;
        if (!parser.positionalArguments().isEmpty())
            return usageError(tr("backup: unexpected argument %1").arg(parser.positionalArguments().first()));
        const QString target = parser.value(u"output"_s);
        if (target.isEmpty())
            return usageError(tr("backup: name the copy with -o FILE"));
        if (Status s = LM::backup(libraryPath(parser), target); !s) {
            err(s.errorString());
            return 1;
        }
        out(tr("backup written: %1").arg(terminalSafe(target)));
        return 0;
    }
};

class RestoreCommand final : public Command
{
public:
    QString name() const override { return u"restore"_s; }
    QString usage() const override { return tr("FILE"); }
    QString summary() const override { return tr("replace the library with a backup"); }
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.addOption(dbOption());
        parser.addPositionalArgument(u"backup"_s, tr("A backup made by 'lede backup' or automatically."),
                                     tr("FILE"));
        int code = 0;
        if (!parse(parser, args,
                   tr("Replace the library with a backup. The backup is checked first; the current library "
                      "is kept "
                      "as LIBRARY.before-restore. Close the window first."),
                   &code))
            return code;
        const QStringList pos = parser.positionalArguments();
        if (pos.size() != 1)
            return usageError(tr("restore: name one backup FILE"));
        const QString library = libraryPath(parser);
        auto done = LM::restore(pos.first(), library);
        if (!done) {
            err(done.errorString());
            return 1;
        }
        QString line = tr("restored: %1 from %2 (%n article(s))", nullptr, int(done->articles))
                           .arg(terminalSafe(library), terminalSafe(pos.first()));
        if (!done->previousCopy.isEmpty())
            line += tr("; the previous library is kept as %1").arg(terminalSafe(done->previousCopy));
        out(line);
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeCheckCommand()
{
    return std::make_unique<CheckCommand>();
}

std::unique_ptr<Command> makeBackupCommand()
{
    return std::make_unique<BackupCommand>();
}

std::unique_ptr<Command> makeRestoreCommand()
{
    return std::make_unique<RestoreCommand>();
}

} // namespace Lede
