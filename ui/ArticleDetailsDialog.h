// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/ArticleEditing.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace Lede {

// Edits an article's title, source, date, byline and URL. OK is refused (with the reason shown in
// the dialog) while the title is empty or the date is not YYYY-MM-DD; an empty date means none.
// Below the fields, read-only, where the article came from (showOrigin()): its format, the file or
// address, when it was imported, the source's extra fields (metadata) and the provenance of each
// field, so a reader can see where a story and each of its parts came from.
class ArticleDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleDetailsDialog)

public:
    explicit ArticleDetailsDialog(const ArticleDetails &details, QWidget *parent = nullptr);
    ~ArticleDetailsDialog() override;

    ArticleDetails details() const;
    // Fills the read-only origin part from the stored article (format, metadata, provenance).
    void showOrigin(const Article &article);
    // "Nexis Uni export" for "nexis", ...; "unknown" for an empty format.
    static QString formatDescription(const QString &format);
    void accept() override;

private:
    QLineEdit *m_title;
    QLineEdit *m_source;
    QLineEdit *m_date;
    QLineEdit *m_byline;
    QLineEdit *m_url;
    QLabel *m_problem;
    QLabel *m_format;
    QLabel *m_file;
    QTreeWidget *m_origin;
};

} // namespace Lede
