// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "library/ArticleEditing.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class MergeCommand final : public Command
{
public:
    QString name() const override { return u"merge"_s; }
    QString usage() const override { return tr("KEEP_ID OTHER_ID"); }
    QString summary() const override
    {
        return tr("merge a duplicate: OTHER's highlights and notes move onto KEEP");
    }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeMergeCommand()
{
    return std::make_unique<MergeCommand>();
}

int MergeCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"keep"_s, tr("The article to keep."), tr("KEEP_ID"));
    parser.addPositionalArgument(u"other"_s, tr("The duplicate to remove once its annotations moved."),
                                 tr("OTHER_ID"));
    int code = 0;
    if (!parse(
            parser, args,
            tr("Merge two imports of one story: OTHER's highlights and notes are re-attached to KEEP's text "
               "(exactly, or to a slightly changed passage; what cannot be placed is kept as an orphan), "
               "then "
               "OTHER is deleted. One transaction."),
            &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return usageError(tr("merge: expected KEEP_ID OTHER_ID"));
    QList<qint64> ids;
    for (const QString &arg : pos) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(tr("merge: an article id is a whole number above 0, not \"%1\"").arg(arg));
        ids << id;
    }
    if (ids.at(0) == ids.at(1))
        return usageError(tr("merge: KEEP_ID and OTHER_ID are the same article"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    for (qint64 id : std::as_const(ids)) {
        if (!ArticleRepository(store).article(id)) {
            err(tr("merge: there is no article %1 in the library").arg(id));
            return 1;
        }
    }
    auto merged = mergeArticles(store, ids.at(0), ids.at(1));
    if (!merged) {
        err(tr("merge: %1").arg(merged.errorString()));
        return 1;
    }
    const ReanchorReport &r = merged->report;
    out(tr("merged: article %1 into article %2: %3 kept exactly, %4 moved, %5 orphaned")
            .arg(QString::number(ids.at(1)), QString::number(ids.at(0)), QString::number(r.exact),
                 QString::number(r.fuzzy), QString::number(r.orphaned)));
    return 0;
}

} // namespace Lede
