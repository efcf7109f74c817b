// SPDX-License-Identifier: GPL-3.0-or-later
// Forwarders kept while callers move to the repositories: each ArticleStore member below is one
// call to the repository that owns its SQL, with the same signature and behaviour. New code uses
// the repositories; a forwarder goes when its last caller has moved.
#include "AnalysisRepository.h"
#include "AnnotationRepository.h"
#include "ArticleRepository.h"
#include "ArticleStore.h"
#include "ExportReader.h"
#include "TagRepository.h"

namespace Lede {

// ---- ArticleRepository ----------------------------------------------------------------------

Result<qint64> ArticleStore::addArticle(const Article &article, const AnalysisResult &analysis,
                                        int analyzerVersion, bool *alreadyPresent)
{
    return ArticleRepository(*this).addArticle(article, analysis, analyzerVersion, alreadyPresent);
}

Result<Article> ArticleStore::article(qint64 id) const
{
    return ArticleRepository(self()).article(id);
}

Result<QList<ArticleSummary>> ArticleStore::articles(const ArticleQuery &query) const
{
    return ArticleRepository(self()).articles(query);
}

Result<int> ArticleStore::articleCount(const ArticleQuery &query) const
{
    return ArticleRepository(self()).articleCount(query);
}

// ---- AnalysisRepository ---------------------------------------------------------------------

Result<AnalysisResult> ArticleStore::analysis(qint64 articleId) const
{
    return AnalysisRepository(self()).analysis(articleId);
}

Status ArticleStore::replaceAnalysis(qint64 articleId, const AnalysisResult &analysis, int analyzerVersion)
{
    return AnalysisRepository(*this).replaceAnalysis(articleId, analysis, analyzerVersion);
}

Result<QList<qint64>> ArticleStore::articlesWithAnalyzerBelow(int analyzerVersion) const
{
    return AnalysisRepository(self()).articlesWithAnalyzerBelow(analyzerVersion);
}

// ---- AnnotationRepository -------------------------------------------------------------------

Result<QList<Annotation>> ArticleStore::annotations(qint64 articleId) const
{
    return AnnotationRepository(self()).annotations(articleId);
}

Result<Annotation> ArticleStore::annotation(qint64 id) const
{
    return AnnotationRepository(self()).annotation(id);
}

Result<qint64> ArticleStore::addAnnotation(const Annotation &annotation)
{
    return AnnotationRepository(*this).addAnnotation(annotation);
}

Status ArticleStore::restoreAnnotation(const Annotation &annotation)
{
    return AnnotationRepository(*this).restoreAnnotation(annotation);
}

Status ArticleStore::updateAnnotation(const Annotation &annotation)
{
    return AnnotationRepository(*this).updateAnnotation(annotation);
}

Status ArticleStore::removeAnnotation(qint64 id)
{
    return AnnotationRepository(*this).removeAnnotation(id);
}

// ---- TagRepository --------------------------------------------------------------------------

Result<QList<Tag>> ArticleStore::tags() const
{
    return TagRepository(self()).tags();
}

Result<qint64> ArticleStore::ensureTag(const QString &path)
{
    return TagRepository(*this).ensureTag(path);
}

Result<Tag> ArticleStore::tag(qint64 id) const
{
    return TagRepository(self()).tag(id);
}

Status ArticleStore::renameTag(qint64 id, const QString &newName)
{
    return TagRepository(*this).renameTag(id, newName);
}

Status ArticleStore::setTagColor(qint64 id, const QString &color)
{
    return TagRepository(*this).setTagColor(id, color);
}

Status ArticleStore::moveTag(qint64 id, qint64 newParentId)
{
    return TagRepository(*this).moveTag(id, newParentId);
}

Result<TagSnapshot> ArticleStore::removeTag(qint64 id, TagRemoval mode)
{
    return TagRepository(*this).removeTag(id, mode);
}

Status ArticleStore::restoreTag(const TagSnapshot &snapshot)
{
    return TagRepository(*this).restoreTag(snapshot);
}

// ---- ExportReader ---------------------------------------------------------------------------

Status ArticleStore::forEachExportRow(const ExportQuery &query,
                                      const std::function<bool(const ExportRow &)> &callback) const
{
    return ExportReader(*this).forEachExportRow(query, callback);
}

Result<qint64> ArticleStore::exportRowCount(const ExportQuery &query) const
{
    return ExportReader(*this).exportRowCount(query);
}

} // namespace Lede
