// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Lede {

class ArticleSession;
class DocumentView;
class LayerCorrectionActions;

// Review mode (Annotate → Review Layers, Ctrl+R): a bar above the article that steps through the
// article's quotes, then its entities (each name once, with all its mentions), one at a time, and
// shows each in the text. With the bar focused, one key decides:
//   A  accept   the item is marked reviewed (the automatic value becomes the reader's decision);
//   C  change   the speaker (a name from the article or typed) or the entity type;
//   R  reject   not a quote / not an entity;
//   N  next, P previous (nothing recorded); Esc closes.
// Every decision is one undo step (ArticleSession corrections); reviewed items carry a mark in the
// side panel.
class ReviewBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewBar)

public:
    ReviewBar(ArticleSession *session, DocumentView *view, LayerCorrectionActions *corrections,
              QWidget *parent = nullptr);
    ~ReviewBar() override;

    // Shows the bar at the first item and focuses it.
    void start();
    void stop();

    // Where the review stands (for tests): 0-based position and the number of items.
    int position() const { return m_position; }
    int count() const { return int(m_items.size()); }
    QString currentText() const;

    void accept();
    void change();
    void reject();
    void next();
    void previous();

signals:
    void finished();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Item
    {
        bool quote = true;
        QList<int> indexes; // the quote, or every mention of the entity
        Span span; // where it is shown: the quote, or the entity's first mention
    };
    void rebuild();
    void showItem(int position);
    void setText(const QString &text);
    void elideLabel();
    // After a decision the article's layers are new: find the item after the one decided.
    void advancePast(Span decided, bool quote);

    ArticleSession *m_session;
    DocumentView *m_view;
    LayerCorrectionActions *m_corrections;
    QList<Item> m_items;
    int m_position = 0;
    QLabel *m_label;
    QString m_text; // the label's whole text; the label shows it elided to its width
    QPushButton *m_accept;
    QPushButton *m_change;
    QPushButton *m_reject;
};

} // namespace Lede
