// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to model/store: what ArticleStore and its repositories (ArticleRepository,
// AnalysisRepository, AnnotationRepository, TagRepository, ExportReader) share. Not part of the
// model's API; nothing outside model/store includes it.

#include "ArticleStore.h"
#include "Result.h"
#include "StatementCache.h"
#include "TextOffsets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

namespace Lede::StoreInternal {

// The messages of the connection and its transactions keep the store's translation context.
struct StoreText
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ArticleStore)
};

QString nowUtc();
QDateTime parseTime(const QString &text);

// Qt SQL binds a null QString as SQL NULL; the schema's text columns are NOT NULL, so text that
// may be null goes through text().
QVariant text(const QString &s);
QVariant idOrNull(qint64 id);

// An article's metadata or provenance as stored (v6): a compact JSON object of strings, "{}" when
// empty, and back (anything that is not such an object reads as empty).
QString stringMapToJson(const QMap<QString, QString> &map);
QMap<QString, QString> stringMapFromJson(const QString &json);
// The metadata values as the full-text index sees them (the column metadata_text): one per line.
QString metadataSearchText(const QMap<QString, QString> &metadata);

// SQLite's message in plain words (busy, damaged, read-only...), without Qt's "Unable to fetch row".
QString queryError(const QSqlQuery &query);
QString cacheError(const StatementCache &cache);

// Runs transaction control (BEGIN IMMEDIATE, COMMIT, ...) on the raw handle: Qt's
// QSqlDatabase::transaction() issues a deferred BEGIN, whose first write is a lock upgrade that
// SQLite never waits for.
bool execRaw(const StatementCache &cache, const char *sql, QString *error);

// Prepares, binds `values` in order (null strings as '') and executes.
bool execute(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

// "WITH RECURSIVE subtree(id) AS (...)": the tag bound to its `?` and every tag below it.
extern const QString TagSubtreeCte;

// An article's body with its code point map (spans in UTF-16 <-> offsets in the file).
struct ArticleText
{
    qint64 articleId = 0;
    QString body;
    CodePointMap map;
};
using ArticleTextPtr = std::shared_ptr<const ArticleText>;

// Bodies never change once stored, so the text of the last article used is kept. Each call hands
// out its own reference: what a caller holds stays valid and consistent (body and map of the same
// article) whatever is asked of the cache afterwards.
class ArticleTextCache
{
public:
    // The text of an article just read as `body`: the cached map is reused only for the very same
    // string data, otherwise the map is built anew.
    ArticleTextPtr remember(qint64 articleId, const QString &body);
    // The text of `articleId`: the cached one, or read from the library.
    Result<ArticleTextPtr> text(const QSqlDatabase &db, qint64 articleId);
    // After the article was removed, or a transaction that read it was rolled back.
    void forget(qint64 articleId);
    void clear();

private:
    ArticleTextPtr m_last;
};

// How a repository reaches the store's connection and its state. ArticleStore is the only owner;
// this is a view on it, made where it is needed.
class StoreAccess
{
public:
    explicit StoreAccess(const ArticleStore &store)
        : m_store(store)
    {
    }
    QSqlDatabase database() const { return m_store.database(); }
    StatementCache &statements() const { return m_store.m_statements; }
    bool inBulk() const { return m_store.m_inBulk; }
    bool *damaged() const { return &m_store.m_damaged; }
    ArticleTextCache &texts() const { return *m_store.m_texts; }

private:
    const ArticleStore &m_store;
};

// One user action = one transaction: rolls back unless commit() succeeded. A write transaction
// starts with BEGIN IMMEDIATE: it takes the write lock first (waiting up to the busy timeout for
// another program), so no read inside it can make the later write fail at once. Inside a bulk
// batch (ArticleStore::beginBulk, which holds the lock already) the action is a savepoint, so it
// still succeeds or fails as a whole.
class Transaction
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    enum Mode { Write, Read };
    // `bulk` is true when a bulk batch is open on the connection.
    // `damaged` is the store's flag: a write is refused once the library was found damaged, and a
    // failed action that met SQLITE_CORRUPT sets it.
    Transaction(StatementCache &cache, bool bulk, bool *damaged, Mode mode = Write);
    // On the store's connection, joining its bulk batch if one is open.
    explicit Transaction(const StoreAccess &store, Mode mode = Write)
        : Transaction(store.statements(), store.inBulk(), store.damaged(), mode)
    {
    }
    ~Transaction();
    bool active() const { return m_active; }
    bool commit();
    QString error() const { return m_error; }

private:
    void rollback();

    StatementCache &m_cache;
    bool m_bulk;
    bool *m_damaged;
    bool m_active = false;
    QString m_error;
};

} // namespace Lede::StoreInternal
