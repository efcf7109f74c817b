// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotatedSelection.h"

#include "ArticleQuery.h"
#include "store/ArticleRepository.h"
#include "store/TagRepository.h"

#include <QSet>
#include <algorithm>

namespace Lede {

bool AnnotatedSelection::wants(const Annotation &annotation) const
{
    if (tagPath.isEmpty())
        return true;
    return std::any_of(annotation.tags.begin(), annotation.tags.end(), [this](const QString &t) {
        return t.compare(tagPath, Qt::CaseInsensitive) == 0
            || t.startsWith(tagPath + u'/', Qt::CaseInsensitive);
    });
}

Result<AnnotatedSelection> resolveAnnotatedSelection(ArticleStore &store, const QList<qint64> &articleIds,
                                                     qint64 tagId, const QString &search)
{
    using R = Result<AnnotatedSelection>;
    ArticleQuery query;
    query.tagId = tagId;
    query.search = search;
    auto summaries = ArticleRepository(store).articles(query);
    if (!summaries)
        return R::failure(summaries.errorString());
    AnnotatedSelection selection;
    const QSet<qint64> wanted(articleIds.begin(), articleIds.end());
    for (const ArticleSummary &s : std::as_const(*summaries)) {
        if (wanted.isEmpty() || wanted.contains(s.id))
            selection.articleIds.append(s.id);
    }
    std::sort(selection.articleIds.begin(), selection.articleIds.end());
    if (tagId > 0) {
        auto tag = TagRepository(store).tag(tagId);
        if (!tag)
            return R::failure(tag.errorString());
        selection.tagPath = tag->path;
    }
    return selection;
}

} // namespace Lede
