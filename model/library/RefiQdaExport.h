// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <functional>

namespace Lede {

class ArticleStore;

// REFI-QDA exchange (QDA-XML 1.0, www.qdasoftware.org): how MAXQDA, NVivo, ATLAS.ti and QualCoder
// read a coded project.
//
// A .qdpx is a zip holding project.qde (XML in urn:QDA-XML:project:1.0, valid against the 2019
// Project schema) and Sources/<guid>.txt, one UTF-8 plain-text file per article (its stored body,
// byte for byte). project.qde holds:
//   Users      one user (the exporting account's name);
//   CodeBook   the tag tree as nested Codes, with colours as #rrggbb;
//   Variables  source, published (a Date), byline, dateline, url;
//   Sources    one TextSource per article (name = title) with its variable values and one
//              PlainTextSelection per highlight or note, with one Coding per tag;
//   Notes      the annotations' notes, referred to by NoteRef from their selection.
// startPosition/endPosition count Unicode code points of the plain text (the standard counts
// characters), which are the offsets Lede's CSV and JSON use: body[start:end] in Python.
//
// GUIDs are name-based (UUID version 5 in a Lede namespace), so exporting the same library twice
// gives the same GUIDs: a source from its article's content hash, a code from its tag path (so a
// renamed tag gets a new GUID, and the same codebook in two libraries has the same GUIDs), a
// selection from its article, annotation id and creation time.
//
// With automatic layers included, quotes, entities and figures become selections coded with codes
// below a "Lede" code: Lede/Quotes/<speaker>, Lede/Entities/<TYPE>/<canonical name>,
// Lede/Figures/<unit>. Their GUIDs differ from any tag's, so an import into Lede recognises and
// skips them (Lede computes these layers itself).
//
// Not carried: a highlight's own colour (REFI-QDA selections have none), structural blocks
// (byline and dateline lines inside the body stay text), corrections of the automatic layers.
struct RefiQdaOptions
{
    QList<qint64> articleIds; // empty: every article
    qint64 tagId = 0; // non-zero: the articles with this tag (or one below), and only those annotations
    bool includeQuotes = false;
    bool includeEntities = false;
    bool includeFigures = false;
    QString userName; // empty: the account's name ($USER), else "Lede"
    QDateTime timestamp; // project creation time; invalid: now
};

namespace RefiQda {

inline constexpr char ProjectNamespace[] = "urn:QDA-XML:project:1.0";
inline constexpr char CodebookNamespace[] = "urn:QDA-XML:codebook:1.0";

// The GUID Lede gives an object: UUID v5 of "kind:key" in Lede's namespace.
QUuid guid(const QString &kind, const QString &key);
QString guidString(const QUuid &uuid); // lower case, no braces
// The GUID of the code that holds the automatic layers ("Lede"); imports skip what lies below it.
QUuid automaticRootGuid();

// A tag colour ("yellow", "#ABC", "#aabbcc") as RGBType (#rrggbb), or empty when it is none.
QString rgbColor(const QString &color);

struct Counts
{
    int articles = 0;
    int selections = 0; // highlights and notes (and automatic layers when included)
    int codes = 0;
    int notes = 0;
};

struct Project
{
    QByteArray projectXml; // project.qde
    QList<QPair<QString, QByteArray>> sources; // "Sources/<guid>.txt" -> UTF-8 text
    Counts counts;
};

// Builds the project in memory. `progress(articlesDone)` returning false cancels ("Cancelled").
Result<Project> buildProject(ArticleStore &store, const RefiQdaOptions &options,
                             const std::function<bool(int)> &progress = {});

// The codebook alone (.qdc: urn:QDA-XML:codebook:1.0, root CodeBook), every tag of the library.
Result<QByteArray> codebookXml(ArticleStore &store);

} // namespace RefiQda

// Writes a .qdpx atomically (ZipWriter: the file at `path` is the whole project or untouched).
// Refuses what ExportTarget forbids (the library, a folder, a device, a FIFO).
Result<RefiQda::Counts> exportQdpx(ArticleStore &store, const RefiQdaOptions &options, const QString &path,
                                   const std::function<bool(int)> &progress = {});

// Writes the library's codebook atomically (QSaveFile): a CSV (CodebookCsv.h) when `path` ends in
// .csv, otherwise REFI-QDA codebook XML (.qdc). Returns the number of codes written.
Result<int> exportCodebook(ArticleStore &store, const QString &path);

} // namespace Lede
