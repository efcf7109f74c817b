// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "ExportDialog.h"
#include "MessageBar.h"
#include "io/CsvExporter.h"

#include <QObject>

namespace Lede {

class ArticleStore;

// Exports from the window: asks what to export and how (ExportDialog), then writes the file (the
// annotation CSV, the article table or a REFI-QDA project) on a worker thread with its own store
// connection and a progress dialog with Cancel.
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

signals:
    void message(const QString &text, MessageBar::Kind kind);
    void finished(bool ok);

private:
    ArticleStore *m_store;
    QWidget *m_window;
};

} // namespace Lede
