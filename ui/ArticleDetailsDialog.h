// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/ArticleEditing.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace Lede {

// Edits an article's title, source, date, byline and URL. OK is refused (with the reason shown in
// the dialog) while the title is empty or the date is not YYYY-MM-DD; an empty date means none.
class ArticleDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleDetailsDialog)

public:
    explicit ArticleDetailsDialog(const ArticleDetails &details, QWidget *parent = nullptr);
    ~ArticleDetailsDialog() override;

    ArticleDetails details() const;
    void accept() override;

private:
    QLineEdit *m_title;
    QLineEdit *m_source;
    QLineEdit *m_date;
    QLineEdit *m_byline;
    QLineEdit *m_url;
    QLabel *m_problem;
};

} // namespace Lede
