// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportSelection.h"

#include "Command.h"
#include "io/ExportTarget.h"
#include "library/Reanalysis.h"
#include "store/ArticleRepository.h"
#include "store/TagRepository.h"

using namespace Qt::StringLiterals;

namespace Lede {

void ExportSelection::addOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    parser.addOption(
        QCommandLineOption(u"tag"_s, tr("Only annotations with this tag or one below it."), tr("PATH")));
    parser.addOption(QCommandLineOption(
        u"include"_s, tr("Also export automatic layers: quotes,entities,figures."), tr("LAYERS")));
}

bool ExportSelection::parse(const QCommandLineParser &parser, ExportQuery *query, QString *error)
{
    for (const QString &id : parser.values(u"article"_s)) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0) {
            *error = tr("--article takes an article id, not \"%1\"").arg(id);
            return false;
        }
        query->articleIds.append(value);
    }
    for (const QString &layers : parser.values(u"include"_s)) {
        for (const QString &layer : layers.split(u',', Qt::SkipEmptyParts)) {
            const QString name = layer.trimmed();
            if (name == u"quotes"_s) {
                query->includeQuotes = true;
            } else if (name == u"entities"_s) {
                query->includeEntities = true;
            } else if (name == u"figures"_s) {
                query->includeFigures = true;
            } else {
                *error = tr("unknown layer \"%1\" (use quotes, entities, figures)").arg(name);
                return false;
            }
        }
    }
    return true;
}

bool ExportSelection::resolve(const QCommandLineParser &parser, ArticleStore &store, ExportQuery *query,
                              QString *error, QString *warning)
{
    // Automatic layers of articles stored by an older analyzer are brought up to date first.
    if (query->includeQuotes || query->includeEntities || query->includeFigures) {
        if (auto re = reanalyzeOutdated(store); !re)
            *warning = tr("could not update older analyses: %1").arg(re.errorString());
    }
    for (qint64 id : std::as_const(query->articleIds)) {
        if (!ArticleRepository(store).article(id)) {
            *error = tr("there is no article %1 in the library").arg(id);
            return false;
        }
    }
    if (parser.isSet(u"tag"_s)) {
        auto tags = TagRepository(store).tags();
        if (!tags) {
            *error = tags.errorString();
            return false;
        }
        const QString wanted = parser.value(u"tag"_s).trimmed();
        for (const Tag &t : *tags) {
            if (t.path.compare(wanted, Qt::CaseInsensitive) == 0)
                query->tagId = t.id;
        }
        if (query->tagId == 0) {
            *error = tr("there is no tag \"%1\"").arg(wanted);
            return false;
        }
    }
    return true;
}

int Command::prepareExport(const QString &command, const QCommandLineParser &parser, const QString &output,
                           bool replace, ArticleStore &store, ExportQuery *query)
{
    QString error;
    if (!ExportSelection::parse(parser, query, &error))
        return usageError(command + u": "_s + error);
    // Before anything else: an export never lands on the library, a device or a FIFO.
    if (!output.isEmpty()) {
        if (const Status target = ExportTarget::allow(output, libraryPath(parser), replace); !target) {
            err(command + u": "_s + target.errorString());
            return 1;
        }
    }
    if (!openStore(store, parser))
        return 1;
    QString warning;
    if (!ExportSelection::resolve(parser, store, query, &error, &warning)) {
        err(command + u": "_s + error);
        return 1;
    }
    if (!warning.isEmpty())
        err(warning);
    return -1;
}

} // namespace Lede
