// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "ExportDialog.h"
#include "MessageBar.h"
#include "io/CsvExporter.h"

#include <QObject>

namespace Lede {

class ArticleStore;

// Exports from the window: asks what to export and how (ExportDialog), then writes the file (any
// ExportFormat) on a worker thread with its own store connection and a progress dialog with Cancel.
// One article's report (HTML or PDF) is written at once, on the GUI thread: QTextDocument lays it
// out, and one article takes well under a second.
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    ExportController(ArticleStore *store, QWidget *window);
    ~ExportController() override;

    // Shows the export dialog and runs the export the reader chose.
    void exportCsv(qint64 currentArticle, const QList<qint64> &selectedArticles, const QList<Tag> &tags);
    // Writes the file on a worker thread with a progress dialog; finished() follows.
    void runExport(const ExportQuery &query, const CsvOptions &options, const QString &path,
                   ExportFormat format = ExportFormat::AnnotationsCsv);
    // File → Export Report…: asks for an .html or .pdf file and writes the article's report there.
    void exportReport(qint64 articleId);
    // Writes the report without asking (a replaced file was confirmed by the file dialog); message()
    // says how it went. Returns whether the file was written.
    bool writeReport(qint64 articleId, const QString &path);

signals:
    void message(const QString &text, MessageBar::Kind kind);
    void finished(bool ok);

private:
    ArticleStore *m_store;
    QWidget *m_window;
};

} // namespace Lede
