// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextImport.h"

#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

namespace Lede {

QList<ImportOutcome> importDataIntoLibrary(ArticleStore &store, const QByteArray &data,
                                           const QString &fileName, const QString &label)
{
    QList<ImportOutcome> outcomes;
    auto imported = ArticleImporter::importDataArticles(data, fileName);
    if (!imported) {
        ImportOutcome failed;
        failed.path = label;
        failed.file = label;
        failed.message = imported.errorString();
        outcomes.append(failed);
        return outcomes;
    }
    // Analysed before the transaction opens, so that the write lock is held only for the writes.
    QList<AnalysisResult> analyses;
    for (const ImportedArticle &a : std::as_const(*imported))
        analyses.append(Analyzer::analyze(a.article));
    const Status begun = store.beginBulk();
    for (qsizetype i = 0; i < imported->size(); ++i) {
        const ImportedArticle &a = imported->at(i);
        ImportOutcome o;
        o.path = imported->size() > 1 ? label + u'#' + QString::number(i + 1) : label;
        o.file = label;
        o.title = a.article.title;
        o.warnings = a.warnings;
        if (!begun) {
            o.message = begun.errorString();
            outcomes.append(o);
            continue;
        }
        bool present = false;
        auto id = ArticleRepository(store).addArticle(a.article, analyses.at(i), Analyzer::Version, &present);
        if (!id) {
            o.message = id.errorString();
        } else {
            o.articleId = *id;
            o.status = present ? ImportOutcome::Status::AlreadyPresent : ImportOutcome::Status::Imported;
        }
        outcomes.append(o);
    }
    if (begun) {
        if (const Status committed = store.commitBulk(); !committed) {
            for (ImportOutcome &o : outcomes) {
                if (o.status == ImportOutcome::Status::Imported) {
                    o.status = ImportOutcome::Status::Failed;
                    o.articleId = 0;
                    o.message = committed.errorString();
                }
            }
        }
    }
    return outcomes;
}

} // namespace Lede
