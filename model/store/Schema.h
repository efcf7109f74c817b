// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QSqlDatabase>

namespace Lede::Schema {

// The library's schema version, kept in PRAGMA user_version: the top of the ladder below. A file with
// a higher version comes from a newer Lede and is refused; a lower one is migrated on open.
inline constexpr int CurrentVersion = 9;
// PRAGMA application_id of a Lede library ("LEDE").
inline constexpr int ApplicationId = 0x4C454445;

// The migration ladder. Version 0 is an empty file. Each step moves the schema up by one version;
// migrate() runs the steps from `from` to `to` inside the caller's transaction and sets
// PRAGMA user_version. It stops at the first failing statement with its error.
//
// v1: articles (+ FTS5 index kept in sync by triggers), blocks, tags, annotations, annotation tags.
// v2: automatic layers: quotes, entities, figures, and the analyzer version of each article.
// v3: indexes for sorting the library list by title, source and date.
// v4: the user's corrections of the automatic layers (layer_corrections, `corrected` flags).
// v5: the library-wide speaker alias table and the indexes for insights.
// v6: speaker_roles, the roles each article gives its speakers.
// v7: feed subscriptions (feeds) and the items each has seen (feed_items); an index on articles.url.
// v8: each article's format, metadata and provenance; the metadata values in the full-text index.
// v9: a bulk batch indexes its new articles once, at its end (articles_fts_deferred, the triggers'
//     WHEN clauses; ArticleStore::beginBulk).
// A new step adds its statements in Schema.cpp and raises CurrentVersion above.
Status migrate(QSqlDatabase &db, int from, int to);
// The v7 step alone (inside the caller's transaction), for migrate().
Status migrateToV7(QSqlDatabase &db);

} // namespace Lede::Schema
