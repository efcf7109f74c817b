// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QSqlDatabase>

namespace Lede::Schema {

// The migration ladder. Version 0 is an empty file. Each step moves the schema up by one version;
// migrate() runs the steps from `from` to `to` inside the caller's transaction and sets
// PRAGMA user_version. It stops at the first failing statement with its error.
//
// v1: articles (+ FTS5 index kept in sync by triggers), blocks, tags, annotations, annotation tags.
// v2: automatic layers: quotes, entities, figures, and the analyzer version of each article.
// v3: indexes for sorting the library list by title, source and date.
Status migrate(QSqlDatabase &db, int from, int to);

} // namespace Lede::Schema
