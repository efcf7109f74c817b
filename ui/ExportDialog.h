// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "ExportRow.h"
#include "io/CsvExporter.h"

#include <QDialog>

class QRadioButton;
class QComboBox;
class QCheckBox;
class QLineEdit;

namespace Lede {

// What an export writes: the annotation CSV (DESIGN.md), the article table (one row per article), an
// .xlsx workbook, a REFI-QDA project (.qdpx) for qualitative analysis programs, or W3C Web
// Annotations (JSON-LD) for annotation tools.
enum class ExportFormat { AnnotationsCsv, ArticlesCsv, Xlsx, RefiQda, WebAnnotations };

// The file suffix of a format, without the dot ("csv", "xlsx", "qdpx", "jsonld").
QString exportSuffix(ExportFormat format);

// Asks what to export and how: this article, the selected articles, the whole library or one tag;
// in one of the ExportFormats; with or without the automatic
// layers; with a BOM for spreadsheets. Only collects choices; the window runs the export.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Scope { CurrentArticle, SelectedArticles, Library, Tag };

    ExportDialog(qint64 currentArticle, const QList<qint64> &selectedArticles, const QList<Tag> &tags,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    ExportQuery query() const;
    ExportFormat format() const;
    void setFormat(ExportFormat format);
    CsvOptions options() const;
    QString path() const;
    void setPath(const QString &path);
    void setScope(Scope scope);

    // The folder the dialog proposes: the remembered one, else Documents, else the home folder –
    // the first that exists and can be written to (a missing ~/Documents made the first export fail
    // with "No such file or directory").
    static QString defaultFolder(const QString &remembered);

private:
    qint64 m_current;
    QList<qint64> m_selected;
    QRadioButton *m_article;
    QRadioButton *m_selection;
    QRadioButton *m_library;
    QRadioButton *m_tag;
    QComboBox *m_tagCombo;
    QComboBox *m_format;
    QCheckBox *m_automatic;
    QCheckBox *m_bom;
    QLineEdit *m_path;
};

} // namespace Lede
