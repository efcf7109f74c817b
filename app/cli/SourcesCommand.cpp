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
    QString usage() const override { return tr("[--search Q] [--tag PATH] [--csv]"); }
    QString summary() const override { return tr("who is quoted, across articles"); }
    int run(const QStringList &args) override;
};

int SourcesCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    InsightsOptions::add(parser);
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
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
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
    if (!InsightsOptions::print(parser, Insights::sourcesShape(), *rows, &error)) {
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
