// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class CorrectCommand final : public Command
{
public:
    QString name() const override { return u"correct"_s; }
    QString usage() const override { return tr("quote|entity ID ..."); }
    QString summary() const override { return tr("correct a quote or an entity"); }
    int run(const QStringList &args) override;
};

int CorrectCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(
        QCommandLineOption(u"speaker"_s, tr("quote: set the speaker (\"\" for unknown)."), tr("NAME")));
    parser.addOption(QCommandLineOption(u"not-quote"_s, tr("quote: it is not a quote.")));
    parser.addOption(QCommandLineOption(
        u"type"_s, tr("entity: set the type (PERSON, ORG, LOC, DATE, NUMBER, MISC)."), tr("TYPE")));
    parser.addOption(
        QCommandLineOption(u"canonical"_s,
                           tr("entity: rename the entity (every mention); another entity's name merges "
                              "the two."),
                           tr("NAME")));
    parser.addOption(QCommandLineOption(u"remove"_s, tr("entity: it is not an entity.")));
    parser.addPositionalArgument(u"layer"_s, tr("quote or entity."), tr("quote|entity"));
    parser.addPositionalArgument(u"id"_s, tr("The item's id, as 'lede layers' prints it."), tr("ID"));
    int code = 0;
    if (!parse(parser, args,
               tr("Correct an automatic layer. The correction is kept in the library and outlives every "
                  "re-analysis."),
               &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    bool ok = false;
    const qint64 id = pos.value(1).toLongLong(&ok);
    if (pos.size() != 2 || !ok || id <= 0 || (pos[0] != u"quote"_s && pos[0] != u"entity"_s))
        return usageError(tr("correct: expected 'quote ID' or 'entity ID'"));
    const bool quote = pos[0] == u"quote"_s;
    const QStringList quoteOptions { u"speaker"_s, u"not-quote"_s };
    const QStringList entityOptions { u"type"_s, u"canonical"_s, u"remove"_s };
    int chosen = 0;
    for (const QString &o : quote ? quoteOptions : entityOptions)
        chosen += parser.isSet(o) ? 1 : 0;
    for (const QString &o : quote ? entityOptions : quoteOptions) {
        if (parser.isSet(o))
            return usageError(tr("correct: --%1 does not apply to %2").arg(o, pos[0]));
    }
    if (chosen != 1)
        return usageError(quote
                              ? tr("correct quote: give one of --speaker NAME or --not-quote")
                              : tr("correct entity: give one of --type TYPE, --canonical NAME or --remove"));
    Entity::Type type = Entity::Type::Misc;
    if (parser.isSet(u"type"_s) && !entityTypeFromName(parser.value(u"type"_s).toUpper(), &type))
        return usageError(tr("correct: unknown type \"%1\" (use PERSON, ORG, LOC, DATE, NUMBER or MISC)")
                              .arg(parser.value(u"type"_s)));

    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    CorrectionRepository corrections(store);
    Result<LayerCorrection> done = Result<LayerCorrection>::failure(QString());
    if (parser.isSet(u"speaker"_s))
        done = corrections.setQuoteSpeaker(id, parser.value(u"speaker"_s));
    else if (parser.isSet(u"not-quote"_s))
        done = corrections.rejectQuote(id);
    else if (parser.isSet(u"type"_s))
        done = corrections.setEntityType(id, type);
    else if (parser.isSet(u"canonical"_s))
        done = corrections.setEntityCanonical(id, parser.value(u"canonical"_s));
    else
        done = corrections.removeEntity(id);
    if (!done) {
        err(done.errorString());
        return 1;
    }
    out(tr("corrected: %1 %2 (%3%4)")
            .arg(pos[0])
            .arg(id)
            .arg(LayerCorrection::actionName(done->action))
            .arg(done->action == LayerCorrection::Action::SetType ? u": "_s + entityTypeName(done->type)
                     : done->value.isEmpty()                      ? QString()
                                                                  : u": "_s + oneLine(done->value)));
    return 0;
}

} // namespace

std::unique_ptr<Command> makeCorrectCommand()
{
    return std::make_unique<CorrectCommand>();
}

} // namespace Lede
