// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "library/Reanalysis.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ReanalyzeCommand final : public Command
{
public:
    QString name() const override { return u"reanalyze"_s; }
    QString usage() const override { return tr("[--article ID]..."); }
    QString summary() const override { return tr("analyse stored articles again; corrections stay"); }
    int run(const QStringList &args) override;
};

int ReanalyzeCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    int code = 0;
    if (!parse(parser, args,
               tr("Analyse stored articles again with this version of Lede. Every correction made with 'lede "
                  "correct' or in the window stays."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("reanalyze: unexpected argument %1").arg(parser.positionalArguments().first()));
    QList<qint64> ids;
    for (const QString &value : parser.values(u"article"_s)) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(tr("reanalyze: --article takes an article id, not \"%1\"").arg(value));
        ids.append(id);
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    for (qint64 id : std::as_const(ids)) {
        if (auto a = ArticleRepository(store).article(id); !a) {
            err(a.errorString());
            return 1;
        }
    }
    auto done = reanalyzeArticles(store, ids);
    if (!done) {
        err(done.errorString());
        return 1;
    }
    out(tr("%n article(s) analysed again", nullptr, *done));
    return 0;
}

} // namespace

std::unique_ptr<Command> makeReanalyzeCommand()
{
    return std::make_unique<ReanalyzeCommand>();
}

} // namespace Lede
