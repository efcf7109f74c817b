// SPDX-License-Identifier: GPL-3.0-or-later
#include "Analysis.h"
#include "Command.h"
#include "InsightsOptions.h"

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class EntitiesCommand final : public Command
{
public:
    QString name() const override { return u"entities"_s; }
    QString usage() const override { return tr("[--type T] [--search Q] [--csv]"); }
    QString summary() const override { return tr("who and what is named, across articles"); }
    int run(const QStringList &args) override;
};

int EntitiesCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    InsightsOptions::add(parser);
    parser.addOption(QCommandLineOption(u"type"_s,
                                        tr("Only entities of this type: PERSON, ORG, LOC, DATE, NUMBER, "
                                           "MISC."),
                                        tr("TYPE")));
    int code = 0;
    if (!parse(
            parser, args,
            tr("Every entity named in the library (or in the articles matching --search and --tag), most "
               "articles first: canonical,type,mentions,articles. Tab-separated with a header line, or CSV "
               "with --csv."),
            &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("entities: unexpected argument %1").arg(parser.positionalArguments().first()));
    QString type;
    if (parser.isSet(u"type"_s)) {
        Entity::Type t;
        type = parser.value(u"type"_s).trimmed().toUpper();
        if (!entityTypeFromName(type, &t))
            return usageError(tr("entities: unknown type \"%1\" (use PERSON, ORG, LOC, DATE, NUMBER or MISC)")
                                  .arg(parser.value(u"type"_s)));
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));
    Insights::Scope scope;
    QString error;
    if (!InsightsOptions::scope(store, parser, &scope, &error)) {
        err(tr("entities: %1").arg(error));
        return 1;
    }
    auto rows = Insights::entities(store.database(), scope, type);
    if (!rows) {
        err(rows.errorString());
        return 1;
    }
    if (!InsightsOptions::print(parser, Insights::entitiesShape(), *rows, &error)) {
        err(error);
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeEntitiesCommand()
{
    return std::make_unique<EntitiesCommand>();
}

} // namespace Lede
