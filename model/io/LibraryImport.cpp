// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryImport.h"

#include "Logging.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::LibraryImport", text);
}

} // namespace

QStringList collectImportFiles(const QStringList &paths, QList<ImportOutcome> *errors)
{
    QStringList files;
    const QStringList suffixes = ArticleImporter::supportedSuffixes();
    QStringList patterns;
    for (const QString &suffix : suffixes)
        patterns.append(u"*."_s + suffix);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (errors)
                errors->append({path, ImportOutcome::Status::Failed, 0, {}, tr("no such file or folder"), {}});
            continue;
        }
        if (!info.isDir()) {
            files.append(path);
            continue;
        }
        QStringList found;
        QDirIterator it(path, patterns, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        found.sort();
        if (found.isEmpty() && errors)
            errors->append({path, ImportOutcome::Status::Failed, 0, {}, tr("the folder holds no article files (%1)").arg(patterns.join(u' ')), {}});
        files += found;
    }
    return files;
}

ImportOutcome importIntoLibrary(ArticleStore &store, const QString &filePath)
{
    ImportOutcome outcome;
    outcome.path = filePath;
    auto imported = ArticleImporter::importFile(filePath);
    if (!imported) {
        outcome.message = imported.errorString();
        return outcome;
    }
    const Article &article = imported->article;
    outcome.title = article.title;
    outcome.warnings = imported->warnings;

    // Skip the analysis for an article that is already there.
    auto existing = store.findArticleByHash(article.contentHash);
    if (!existing) {
        outcome.message = existing.errorString();
        return outcome;
    }
    if (existing->has_value()) {
        outcome.status = ImportOutcome::Status::AlreadyPresent;
        outcome.articleId = **existing;
        return outcome;
    }
    const AnalysisResult analysis = Analyzer::analyze(article);
    bool present = false;
    auto id = store.addArticle(article, analysis, Analyzer::Version, &present);
    if (!id) {
        outcome.message = id.errorString();
        return outcome;
    }
    outcome.articleId = *id;
    outcome.status = present ? ImportOutcome::Status::AlreadyPresent : ImportOutcome::Status::Imported;
    qCDebug(lcImport) << filePath << "->" << *id;
    return outcome;
}

Status importFiles(ArticleStore &store, const QStringList &files,
                   const std::function<bool(const ImportOutcome &)> &onOutcome)
{
    if (Status s = store.beginBulk(); !s)
        return s;
    int inBatch = 0;
    for (const QString &file : files) {
        const ImportOutcome outcome = importIntoLibrary(store, file);
        if (outcome.status == ImportOutcome::Status::Imported && ++inBatch >= BulkBatchSize) {
            inBatch = 0;
            if (Status s = store.commitBulk(); !s)
                return s;
            if (Status s = store.beginBulk(); !s)
                return s;
        }
        if (onOutcome && !onOutcome(outcome))
            break;
    }
    return store.commitBulk();
}

Result<int> reanalyzeOutdated(ArticleStore &store)
{
    auto ids = store.articlesWithAnalyzerBelow(Analyzer::Version);
    if (!ids)
        return Result<int>::failure(ids.errorString());
    int done = 0;
    for (qint64 id : *ids) {
        auto article = store.article(id);
        if (!article)
            return Result<int>::failure(article.errorString());
        if (Status s = store.replaceAnalysis(id, Analyzer::analyze(*article), Analyzer::Version); !s)
            return Result<int>::failure(s.errorString());
        ++done;
    }
    return done;
}

} // namespace Lede
