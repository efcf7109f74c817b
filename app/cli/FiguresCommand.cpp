// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "InsightsOptions.h"

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class FiguresCommand final : public Command
{
public:
    QString name() const override { return u"figures"_s; }
    QString usage() const override { return tr("[--conflicts] [--search Q] [--csv]"); }
    QString summary() const override { return tr("figures grouped by what and who; conflicts"); }
    int run(const QStringList &args) override;
};

int FiguresCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    InsightsOptions::add(parser);
    parser.addOption(QCommandLineOption(u"conflicts"_s, tr("Only the groups whose values differ.")));
    int code = 0;
    if (!parse(parser, args,
               tr("Every figure in the library, grouped by what it counts and who states it (both compared "
                  "without case, a leading 'the' or a possessive 's), in date order within a group: "
                  "conflict_group,article_id,published,source,value,unit,qualifier,attributed_to,text. "
                  "conflict_group numbers the attributed groups whose values differ and is empty for the "
                  "others. "
                  "Tab-separated with a header line, or CSV with --csv."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("figures: unexpected argument %1").arg(parser.positionalArguments().first()));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));
    Insights::Scope scope;
    QString error;
    if (!InsightsOptions::scope(store, parser, &scope, &error)) {
        err(tr("figures: %1").arg(error));
        return 1;
    }
    auto rows = Insights::figures(store.database(), scope, parser.isSet(u"conflicts"_s));
    if (!rows) {
        err(rows.errorString());
        return 1;
    }
    if (!InsightsOptions::print(parser, Insights::figuresShape(), *rows, &error)) {
        err(error);
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeFiguresCommand()
{
    return std::make_unique<FiguresCommand>();
}

} // namespace Lede
