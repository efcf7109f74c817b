// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleTable.h"

#include "ArticleRepository.h"
#include "ArticleStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Lede {

qint64 countWords(QStringView text)
{
    qint64 words = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isLetterOrNumber() || c.isMark()) {
            words += inWord ? 0 : 1;
            inWord = true;
        } else if (inWord && (c == u'\'' || c == u'\u2019' || c == u'-') && i + 1 < text.size()
                   && text[i + 1].isLetterOrNumber()) {
            // inside a word: "don't", "Hamas-controlled"
        } else {
            inWord = false;
        }
    }
    return words;
}

Status forEachArticleRow(ArticleStore &store, const ArticleSelection &selection,
                         const std::function<bool(const ArticleTableRow &)> &callback)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Lede::ArticleTable", text); };
    // The search and tag filters are the library list's own (the same FTS and tag rules).
    std::optional<QSet<qint64>> wanted;
    if (!selection.search.trimmed().isEmpty() || selection.tagId > 0) {
        ArticleQuery query;
        query.search = selection.search;
        query.tagId = selection.tagId;
        auto matching = ArticleRepository(store).articles(query);
        if (!matching)
            return Status::failure(matching.errorString());
        wanted.emplace();
        for (const ArticleSummary &s : *matching)
            wanted->insert(s.id);
    }
    if (!selection.ids.isEmpty()) {
        QSet<qint64> ids(selection.ids.begin(), selection.ids.end());
        if (wanted)
            wanted = wanted->intersect(ids);
        else
            wanted = ids;
    }

    QSqlDatabase db = store.database();
    if (!db.transaction())
        return Status::failure(tr("Cannot read the library: %1").arg(db.lastError().text()));
    Status result;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql
            = u"SELECT a.id, a.title, a.source, a.published, a.byline, a.dateline, a.url, a.body, "
              u"a.imported_at, "
              u"(SELECT count(*) FROM quotes WHERE article_id = a.id), "
              u"(SELECT count(*) FROM entities WHERE article_id = a.id), "
              u"(SELECT count(*) FROM figures WHERE article_id = a.id), "
              u"(SELECT count(*) FROM annotations WHERE article_id = a.id), "
              u"a.format, CASE WHEN json_valid(a.metadata) THEN json_extract(a.metadata, '$.section') END "
              u"FROM articles a ORDER BY a.id"_s;
        if (!query.exec(sql)) {
            result = Status::failure(tr("Cannot read the library: %1").arg(query.lastError().text()));
        } else {
            ArticleTableRow row;
            while (query.next()) {
                row.id = query.value(0).toLongLong();
                if (wanted && !wanted->contains(row.id))
                    continue;
                row.title = query.value(1).toString();
                row.source = query.value(2).toString();
                row.published = QDate::fromString(query.value(3).toString(), Qt::ISODate);
                row.byline = query.value(4).toString();
                row.dateline = query.value(5).toString();
                row.url = query.value(6).toString();
                row.words = countWords(query.value(7).toString());
                row.importedAt = QDateTime::fromString(query.value(8).toString(), Qt::ISODate);
                row.importedAt.setTimeZone(QTimeZone::utc());
                row.quotes = query.value(9).toLongLong();
                row.entities = query.value(10).toLongLong();
                row.figures = query.value(11).toLongLong();
                row.annotations = query.value(12).toLongLong();
                row.format = query.value(13).toString();
                row.section = query.value(14).toString();
                if (!callback(row)) {
                    result = Status::failure(tr("Cancelled"));
                    break;
                }
            }
            if (result && query.lastError().isValid())
                result = Status::failure(tr("Cannot read the library: %1").arg(query.lastError().text()));
        }
    }
    db.rollback(); // read only
    return result;
}

} // namespace Lede
