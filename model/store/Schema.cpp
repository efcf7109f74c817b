// SPDX-License-Identifier: GPL-3.0-or-later
#include "Schema.h"

#include "Logging.h"
#include "SqliteError.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Lede::Schema {

namespace {

const char *const v1[] = {
    R"(CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        byline TEXT NOT NULL DEFAULT '',
        dateline TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        published TEXT,
        url TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL))",
    "CREATE INDEX articles_imported_at ON articles(imported_at)",
    R"(CREATE TABLE article_blocks (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL))",
    "CREATE INDEX article_blocks_article ON article_blocks(article_id)",
    R"(CREATE TABLE tags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        parent_id INTEGER REFERENCES tags(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),
        color TEXT NOT NULL DEFAULT ''))",
    "CREATE UNIQUE INDEX tags_parent_name ON tags(ifnull(parent_id, 0), name)",
    R"(CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND "end" >= start)))",
    "CREATE INDEX annotations_article ON annotations(article_id, start)",
    R"(CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID)",
    "CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)",
    R"(CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'))",
    R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END)",
    R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END)",
    R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END)",
};

const char *const v2[] = {
    "ALTER TABLE articles ADD COLUMN analyzer_version INTEGER NOT NULL DEFAULT 0",
    R"(CREATE TABLE quotes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT))",
    "CREATE INDEX quotes_article ON quotes(article_id, start)",
    R"(CREATE TABLE entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        canonical TEXT NOT NULL))",
    "CREATE INDEX entities_article ON entities(article_id, start)",
    R"(CREATE TABLE figures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        qualifier TEXT NOT NULL DEFAULT '',
        attributed_to TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX figures_article ON figures(article_id, start)",
};

// v3: the library list sorts by title and source without scanning every article.
const char *const v3[] = {
    "CREATE INDEX articles_title ON articles(title COLLATE NOCASE)",
    "CREATE INDEX articles_source ON articles(source COLLATE NOCASE)",
    "CREATE INDEX articles_published ON articles(published)",
};

// v4: the user's corrections of the automatic layers (Correction.h), kept apart from the rows the
// analysis writes, and a flag on the rows they decided.
const char *const v4[] = {
    R"(CREATE TABLE layer_corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        action TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT NOT NULL DEFAULT '',
        original TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL DEFAULT '',
        speaker_start INTEGER,
        speaker_end INTEGER,
        created_at TEXT NOT NULL))",
    "CREATE INDEX layer_corrections_article ON layer_corrections(article_id, id)",
    "ALTER TABLE quotes ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0",
};

// v5: insights across the library (model/insights). A library-wide speaker alias table ("Blinken" ->
// "Antony Blinken"): rows with origin 'user' are the user's merges and separations, which the
// automatic rows ('auto', rebuilt from the speakers found) never override. Indexes for the
// aggregates over speakers and entity names.
const char *const v5[] = {
    R"(CREATE TABLE speaker_aliases (
        alias TEXT NOT NULL PRIMARY KEY,
        identity TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('user', 'auto')),
        created_at TEXT NOT NULL) WITHOUT ROWID)",
    "CREATE INDEX speaker_aliases_identity ON speaker_aliases(identity)",
    "CREATE INDEX quotes_speaker ON quotes(speaker, article_id)",
    "CREATE INDEX entities_canonical ON entities(canonical, type, article_id)",
};

// v6: the roles each article gives its speakers ("secretary of state"), for the Sources roles column
// (model/insights). Written with the analysis, one row per (article, speaker, role).
const char *const v6[] = {
    R"(CREATE TABLE speaker_roles (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (article_id, speaker, role)) WITHOUT ROWID)",
    "CREATE INDEX speaker_roles_speaker ON speaker_roles(speaker, role)",
};

// v7: feed subscriptions (`lede feed`, the window's Feeds). A feed remembers every item it has seen
// (by guid, else link, else content hash) so that an update imports only new items, also after the
// reader deleted an article; article_id is the article the item became (NULL once deleted). An
// index on the articles' URLs finds an item that was imported some other way.
const char *const v7[] = {
    R"(CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        updated_at TEXT,
        last_error TEXT NOT NULL DEFAULT ''))",
    R"(CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_key)) WITHOUT ROWID)",
    "CREATE INDEX feed_items_article ON feed_items(article_id)",
    "CREATE INDEX articles_url ON articles(url) WHERE url <> ''",
};

// Where each article came from (issue 7): step v8, run by articleOrigin() below. `format` is
// the importer's format name (txt, md, html, pdf, docx, odt, rtf, nexis, factiva, feed; '' for an article
// stored before v8). `metadata` and `provenance` are JSON objects of strings (Article::metadata,
// Article::provenance): they are read and written whole with the article and never queried key by key, so a
// JSON column beats a key/value table (one row read, no join; SQLite's json functions still reach a key). The
// full-text index gains `metadata_text`, the metadata values one per line, kept by ArticleRepository beside
// `metadata`: FTS5 reads an external content table's columns as they are (rebuild, integrity-check),
// so the indexed text must be a real column, and indexing the JSON itself would make every key
// ("section", "language") a hit. The index is rebuilt with the new column.
const char *const articleOriginStatements[] = {
    "ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE articles ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE articles ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE articles ADD COLUMN metadata_text TEXT NOT NULL DEFAULT ''",
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_update",
    "DROP TABLE articles_fts",
    R"(CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, metadata_text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'))",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, metadata_text)
            VALUES (new.id, new.title, new.body, new.metadata_text);
    END)",
    R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, metadata_text)
            VALUES ('delete', old.id, old.title, old.body, old.metadata_text);
    END)",
    R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, metadata_text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, metadata_text)
            VALUES ('delete', old.id, old.title, old.body, old.metadata_text);
        INSERT INTO articles_fts(rowid, title, body, metadata_text)
            VALUES (new.id, new.title, new.body, new.metadata_text);
    END)",
    "CREATE INDEX articles_format ON articles(format)",
};

// v9: the full-text index of a bulk batch is written once, at the batch's end, not article by article
// (issue 9: FTS5 writes its pending terms at every savepoint, so a savepoint per article made the
// index grow by one tiny segment per article). While a batch is open, articles_fts_deferred holds
// one row: the largest article id before the batch. The triggers leave the articles above it to
// ArticleStore::commitBulk(), which indexes them with one INSERT ... SELECT and removes the row
// before COMMIT; the row is never committed, so every other connection (and every other program)
// sees the triggers work as before. An article added, changed or removed inside the batch touches
// the index only through that one INSERT, so the index always holds exactly the committed articles.
// The index itself is unchanged: no rebuild.
const char *const deferredFullTextStatements[] = {
    "CREATE TABLE articles_fts_deferred (after_id INTEGER NOT NULL)",
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_update",
    R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
        WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE new.id > after_id) BEGIN
        INSERT INTO articles_fts(rowid, title, body, metadata_text)
            VALUES (new.id, new.title, new.body, new.metadata_text);
    END)",
    R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
        WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id > after_id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, metadata_text)
            VALUES ('delete', old.id, old.title, old.body, old.metadata_text);
    END)",
    R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, metadata_text ON articles
        WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred WHERE old.id > after_id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, metadata_text)
            VALUES ('delete', old.id, old.title, old.body, old.metadata_text);
        INSERT INTO articles_fts(rowid, title, body, metadata_text)
            VALUES (new.id, new.title, new.body, new.metadata_text);
    END)",
};

template<std::size_t N> Status run(QSqlDatabase &db, const char *const (&statements)[N], int version)
{
    QSqlQuery query(db);
    for (const char *sql : statements) {
        if (!query.exec(QString::fromUtf8(sql))) {
            qCWarning(lcStore) << "migration to" << version << "failed:" << query.lastError().text() << sql;
            return Status::failure(
                QCoreApplication::translate("Lede::ArticleStore",
                                            "Could not upgrade the library to version %1: %2")
                    .arg(version)
                    .arg(describeSqliteError(query.lastError())));
        }
    }
    return {};
}

// Adds format, metadata and provenance to the articles and the metadata to the full-text index.
Status articleOrigin(QSqlDatabase &db, int version)
{
    return run(db, articleOriginStatements, version);
}

} // namespace

Status migrateToV7(QSqlDatabase &db)
{
    return run(db, v7, 7);
}

Status migrate(QSqlDatabase &db, int from, int to)
{
    if (from < 1 && to >= 1) {
        if (auto s = run(db, v1, 1); !s)
            return s;
    }
    if (from < 2 && to >= 2) {
        if (auto s = run(db, v2, 2); !s)
            return s;
    }
    if (from < 3 && to >= 3) {
        if (auto s = run(db, v3, 3); !s)
            return s;
    }
    if (from < 4 && to >= 4) {
        if (auto s = run(db, v4, 4); !s)
            return s;
    }
    if (from < 5 && to >= 5) {
        if (auto s = run(db, v5, 5); !s)
            return s;
    }
    if (from < 6 && to >= 6) {
        if (auto s = run(db, v6, 6); !s)
            return s;
    }
    if (from < 7 && to >= 7) {
        if (auto s = migrateToV7(db); !s)
            return s;
    }
    if (from < 8 && to >= 8) {
        if (auto s = articleOrigin(db, 8); !s)
            return s;
    }
    if (from < 9 && to >= 9) {
        if (auto s = run(db, deferredFullTextStatements, 9); !s)
            return s;
    }
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA application_id = %1"_s.arg(ApplicationId))
        || !query.exec(u"PRAGMA user_version = %1"_s.arg(to)))
        return Status::failure(describeSqliteError(query.lastError()));
    return {};
}

} // namespace Lede::Schema
