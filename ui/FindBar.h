// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLineEdit;

namespace Lede {

class DocumentView;

// The find bar above the article (Ctrl+F): a field, previous/next buttons (the window's Find
// Previous/Next actions) and a close button. Searches the DocumentView, wrapping around once.
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    FindBar(DocumentView *view, QAction *findPrevious, QAction *findNext, QWidget *parent = nullptr);
    ~FindBar() override;

    // Shows the bar with the field focused and its text selected.
    void activate();
    QString text() const;
    // Moves the view's selection to the next (or previous) match; false when the text is not there
    // (or the field is empty).
    bool find(bool backwards);

signals:
    void notFound(const QString &text);

private:
    DocumentView *m_view;
    QLineEdit *m_field;
};

} // namespace Lede
