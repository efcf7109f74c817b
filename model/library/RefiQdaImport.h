// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

namespace Lede {

class ArticleStore;

// Brings a REFI-QDA project (.qdpx, or a bare project.qde), a REFI-QDA codebook (.qdc) or a codebook
// CSV (CodebookCsv.h) into the library:
//   codes          -> tags (the hierarchy kept; a '/' inside a code name becomes U+2215 '∕', since
//                     '/' separates tag levels; colours kept, an existing tag's colour is not changed)
//   TextSources    -> articles (title = the source's name; the variables source, published, byline,
//                     dateline and url become those fields), analysed like any import; a source whose
//                     text is already in the library is not added again
//   selections     -> highlights with the tags of their codings, and the text of their notes (and
//                     of their Description, where some programs keep a passage's memo)
// Positions are read as code points of the source text (the standard counts characters). A UTF-8
// BOM is dropped and CRLF line ends become LF, with the positions moved to match. An internal://
// text is looked for in Sources/ and then under its file name anywhere in the archive (programs
// disagree about the folder).
//
// Codes below Lede's "Lede" code (the automatic layers an export may include) are not imported:
// Lede computes quotes, entities and figures itself. Also left out, and counted in `skipped` with a
// warning: picture, PDF, audio and video sources, text kept outside the archive, codings and notes
// of whole sources, project notes, cases and sets.
//
// One transaction: the file is read and checked completely first; on any failure nothing is written
// and the message is one line ("not a REFI-QDA project ...", "selection ... lies outside its
// source", "damaged project XML at line N ..."). Importing the same project again adds nothing (an
// annotation with the same span, tags and note is already there).
struct RefiQdaImportSummary
{
    int articlesAdded = 0;
    int articlesPresent = 0;
    int tagsCreated = 0;
    int highlights = 0; // annotations added (with or without a note)
    int notes = 0; // of those, the ones carrying a note
    int alreadyPresent = 0; // selections that were already in the library
    int automaticSkipped = 0;
    int skipped = 0;
    QStringList warnings;
};

Result<RefiQdaImportSummary> importRefiQda(ArticleStore &store, const QString &path);

} // namespace Lede
