// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LayerMarks.h"
#include "Layers.h"
#include "Span.h"

#include <QHash>
#include <QTextEdit>
#include <QTextLayout>

class QFrame;
class QMenu;

namespace Lede {

class ArticleSession;
class BlockFormatPass;

// Shows the open article: title and source line, then the body with crossheads as headings and the
// byline, dateline and credit set apart, in a reading-width column; highlight layers are painted as
// per-block format ranges (QTextLayout::setFormats), never as document
// edits, so 10,000 marks cost one pass and no undo history. Overlapping highlights blend and get one
// margin stripe per tag. Reads everything from the ArticleSession's memory; never queries the store.
//
// Positions in the API are UTF-16 indices into Article::body.
class DocumentView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentView)

public:
    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // The view follows the session: it rebuilds the text when an article is opened (showArticle) and
    // repaints only the changed blocks when annotations change.
    void setSession(ArticleSession *session);
    void showArticle();
    void clearArticle();

    void setLayers(Layers layers);
    Layers layers() const { return m_layers; }
    // True while a layer change is still reaching the blocks of a long article that are off screen.
    bool layersPending() const;
    // Tag path -> color, for highlights without their own color.
    void setTagColors(const QHash<QString, QColor> &colors);

    // The selection clipped to the body; empty when nothing in the body is selected.
    Span selectedSpan() const;
    // The span widened so that it neither starts nor ends inside a word.
    Span snappedToWords(Span span) const;
    void selectSpan(Span span);
    void scrollToSpan(Span span, bool flash = true);
    // Annotations (ids) whose span contains the body position.
    QList<qint64> annotationsAt(qsizetype bodyPos) const;
    qsizetype bodyPositionAt(const QPoint &viewportPos) const;

    void setSelectionActions(const QList<QAction *> &actions) { m_selectionActions = actions; }
    void setAnnotationActions(const QList<QAction *> &actions) { m_annotationActions = actions; }

    int zoomSteps() const { return m_zoom; }
    void setZoomSteps(int steps);

    // For benchmarks and tests: all marks currently built.
    qsizetype markCount() const { return m_markCount; }

signals:
    void annotationActivated(qint64 annotationId);
    void quoteActivated(int quoteIndex);
    void entityActivated(int entityIndex);
    void selectionSpanChanged(bool hasSelection);
    // The context menu is being built: add entries for the automatic layers at a body position
    // (-1 outside the body) or for the selection (empty when none). Emitted synchronously.
    void layerMenuRequested(QMenu *menu, qsizetype position, Span selection);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // With a document that is not shown yet, formats go straight onto its blocks.
    void rebuildMarks(QTextDocument *fresh = nullptr);
    QFont readingFont() const;
    QList<QTextLayout::FormatRange> formatsForBlock(int bodyBlock) const;
    void applyFormats(const QList<int> &bodyBlocks);
    void applyAllFormats();
    void updateReadingWidth();
    void updateFloatingBar();
    void chooseAnnotation(const QList<qint64> &ids, const QPoint &globalPos);
    int laneOfTag(const QString &tagPath) const;
    QColor annotationColor(int annotationIndex) const;

    ArticleSession *m_session = nullptr;
    bool m_built = false;
    qint64 m_articleId = 0;
    QFrame *m_floatingBar = nullptr;
    BlockFormatPass *m_formatPass = nullptr;
    Layers m_layers;
    QHash<QString, QColor> m_tagColors;
    QStringList m_laneTags; // tag paths in lane order (the article's tags, sorted)
    qsizetype m_bodyOffset = 0; // document position of body index 0
    int m_headerBlocks = 0;
    QList<qsizetype> m_blockStarts; // body index where each body block begins
    QList<QList<LayerMark>> m_blockMarks; // per body block, clipped to the block
    qsizetype m_markCount = 0;
    QList<QAction *> m_selectionActions;
    QList<QAction *> m_annotationActions;
    int m_zoom = 0;
    int m_lastSideMargin = -1;
};

} // namespace Lede
