// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class DeleteCommand final : public Command
{
public:
    QString name() const override { return u"delete"_s; }
    QString usage() const override { return tr("ARTICLE_ID..."); }
    QString summary() const override { return tr("delete articles with their highlights and notes"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeDeleteCommand()
{
    return std::make_unique<DeleteCommand>();
}

int DeleteCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"articles"_s, tr("The ids of the articles to delete (see 'lede list')."),
                                 tr("ARTICLE_ID..."));
    int code = 0;
    if (!parse(parser, args,
               tr("Delete articles, with their highlights, notes and automatic layers; prints one line per "
                  "article with what went with it."),
               &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(tr("delete: name at least one ARTICLE_ID"));
    // Every id is checked before anything is deleted: a typo deletes nothing.
    QList<qint64> ids;
    for (const QString &arg : pos) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(tr("delete: an ARTICLE_ID is a whole number above 0, not \"%1\"").arg(arg));
        if (!ids.contains(id))
            ids.append(id);
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    int failed = 0;
    for (qint64 id : std::as_const(ids)) {
        auto article = ArticleRepository(store).article(id);
        if (!article) {
            err(tr("delete: there is no article %1 in the library").arg(id));
            ++failed;
            continue;
        }
        auto annotations = AnnotationRepository(store).annotations(id);
        if (!annotations) {
            err(tr("delete: article %1: %2").arg(QString::number(id), annotations.errorString()));
            ++failed;
            continue;
        }
        int notes = 0;
        for (const Annotation &a : *annotations)
            notes += !a.note.isEmpty();
        const int highlights = int(annotations->size()) - notes;
        if (Status s = ArticleRepository(store).removeArticle(id); !s) {
            err(tr("delete: article %1: %2").arg(QString::number(id), s.errorString()));
            ++failed;
            continue;
        }
        out(tr("deleted: article %1 (%2) with %3 highlight(s) and %4 note(s)")
                .arg(QString::number(id), terminalSafe(article->title), QString::number(highlights),
                     QString::number(notes)));
    }
    return failed == 0 ? 0 : 1;
}

} // namespace Lede
