// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "InsightsOptions.h"
#include "insights/SpeakerIdentities.h"

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class SourcesCommand final : public Command
{
public:
    QString name() const override { return u"sources"_s; }
    QString usage() const override
    {
        return tr(
            "[--search Q] [--tag PATH] [--csv] [--roles] [--merge NAME --into SPEAKER] [--keep-apart NAME]");
    }
    QString summary() const override { return tr("who is quoted, across articles"); }
    int run(const QStringList &args) override;
};

int SourcesCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    InsightsOptions::add(parser);
    parser.addOption(
        QCommandLineOption(u"merge"_s,
                           tr("Count NAME (and every name merged into it) as the speaker given by "
                              "--into, across the library; kept through re-analysis."),
                           tr("NAME")));
    parser.addOption(
        QCommandLineOption(u"into"_s, tr("The speaker that --merge joins NAME to."), tr("SPEAKER")));
    parser.addOption(QCommandLineOption(u"keep-apart"_s,
                                        tr("NAME is a speaker of its own: undoes a merge and blocks the "
                                           "automatic one (\"Blinken\" into \"Antony Blinken\")."),
                                        tr("NAME")));
    parser.addOption(QCommandLineOption(
        u"roles"_s,
        tr("Add a last column, roles: the roles the articles give the speaker (\"secretary of state\"; "
           "the three given in most articles), joined by \"; \".")));
    int code = 0;
    if (!parse(parser, args,
               tr("Every speaker quoted in the library (or in the articles matching --search and --tag), one "
                  "per "
                  "line: speaker,kind,quotes,articles,first_published,last_published,outlets. Names merged "
                  "into one "
                  "speaker (\"Blinken\" and \"Antony Blinken\") are counted together. Tab-separated with a "
                  "header "
                  "line, or CSV with --csv."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("sources: unexpected argument %1").arg(parser.positionalArguments().first()));
    if (parser.isSet(u"merge"_s) != parser.isSet(u"into"_s))
        return usageError(tr("sources: --merge NAME needs --into SPEAKER (and --into needs --merge)"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    // The user's decisions first, so that the table printed below already counts them.
    if (parser.isSet(u"merge"_s)) {
        const QString name = parser.value(u"merge"_s).simplified();
        const QString into = parser.value(u"into"_s).simplified();
        if (name.isEmpty() || into.isEmpty() || name == into)
            return usageError(tr("sources: --merge and --into name two different speakers"));
        if (Status s = SpeakerIdentities(store.database()).merge(name, into); !s) {
            err(tr("sources: cannot merge %1 into %2: %3").arg(name, into, s.errorString()));
            return 1;
        }
        err(tr("merged: %1 is counted as %2").arg(name, into));
    }
    if (parser.isSet(u"keep-apart"_s)) {
        const QString name = parser.value(u"keep-apart"_s).simplified();
        if (Status s = SpeakerIdentities(store.database()).keepApart(name); !s) {
            err(tr("sources: cannot keep %1 apart: %2").arg(name, s.errorString()));
            return 1;
        }
        err(tr("kept apart: %1 is a speaker of its own").arg(name));
    }
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));
    Insights::Scope scope;
    QString error;
    if (!InsightsOptions::scope(store, parser, &scope, &error)) {
        err(tr("sources: %1").arg(error));
        return 1;
    }
    // One-word names ("Blinken") join the full name they stand for, unless the user decided otherwise.
    if (auto refreshed = SpeakerIdentities(store.database()).refreshAutomatic(); !refreshed)
        err(refreshed.errorString());
    auto rows = Insights::sources(store.database(), scope);
    if (!rows) {
        err(rows.errorString());
        return 1;
    }
    const bool withRoles = parser.isSet(u"roles"_s);
    if (!InsightsOptions::print(
            parser, withRoles ? Insights::sourcesWithRolesShape() : Insights::sourcesShape(), *rows,
            [withRoles](const Insights::SourceRow &row) {
                return withRoles ? Insights::cellsWithRoles(row) : Insights::cells(row);
            },
            &error)) {
        err(error);
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeSourcesCommand()
{
    return std::make_unique<SourcesCommand>();
}

} // namespace Lede
