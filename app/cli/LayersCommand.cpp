// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/JsonExporter.h"
#include "library/Reanalysis.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class LayersCommand final : public Command
{
public:
    QString name() const override { return u"layers"_s; }
    QString usage() const override { return tr("ARTICLE_ID"); }
    QString summary() const override { return tr("stored layers as analyze JSON, with ids"); }
    int run(const QStringList &args) override;
};

// Adds "id" (and "corrected" where the item has it) to each object of the array, in order.
template<typename Item>
QJsonArray withIds(const QJsonArray &objects, const QList<Item> &items, bool hasCorrected)
{
    QJsonArray out;
    for (qsizetype i = 0; i < objects.size() && i < items.size(); ++i) {
        QJsonObject o = objects[i].toObject();
        o.insert(u"id"_s, items[i].id);
        if constexpr (requires { items[i].corrected; })
            o.insert(u"corrected"_s, items[i].corrected);
        else if (hasCorrected)
            o.insert(u"corrected"_s, false);
        out.append(o);
    }
    return out;
}

int LayersCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"article"_s, tr("The article id (see 'lede list')."), tr("ARTICLE_ID"));
    int code = 0;
    if (!parse(parser, args,
               tr("Print an article's stored layers in the 'lede analyze --json' schema; every quote, entity "
                  "and "
                  "figure also has its \"id\" (for 'lede correct') and \"corrected\"."),
               &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    bool ok = false;
    const qint64 id = pos.value(0).toLongLong(&ok);
    if (pos.size() != 1 || !ok || id <= 0)
        return usageError(tr("layers: expected one ARTICLE_ID"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));
    auto article = ArticleRepository(store).article(id);
    if (!article) {
        err(article.errorString());
        return 1;
    }
    auto layers = AnalysisRepository(store).analysis(id);
    if (!layers) {
        err(layers.errorString());
        return 1;
    }
    QJsonObject o = JsonExporter::articleObject(*article, *layers);
    o.insert(u"id"_s, id);
    o.insert(u"quotes"_s, withIds(o[u"quotes"_s].toArray(), layers->quotes, true));
    o.insert(u"entities"_s, withIds(o[u"entities"_s].toArray(), layers->entities, true));
    o.insert(u"figures"_s, withIds(o[u"figures"_s].toArray(), layers->figures, true));
    const QByteArray json
        = QJsonDocument(QJsonObject { { u"articles"_s, QJsonArray { o } } }).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return 0;
}

} // namespace

std::unique_ptr<Command> makeLayersCommand()
{
    return std::make_unique<LayersCommand>();
}

} // namespace Lede
