// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentView.h"

#include "BlockFormatPass.h"
#include "TextExcerpt.h"
#include "session/ArticleSession.h"

#include <QAbstractTextDocumentLayout>
#include <QContextMenuEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr int StripeWidth = 3;
constexpr int StripeGap = 2;
constexpr int MaxLanes = 8;
constexpr int StripeArea = MaxLanes * (StripeWidth + StripeGap) + 12;

} // namespace

// The format ranges of one body block. Segments are split at every mark boundary so that each piece
// carries the blend of all marks over it. Applied with QTextLayout::setFormats() directly (not through
// QSyntaxHighlighter, which marks the document dirty block by block: quadratic relayout in QTextEdit).
QList<QTextLayout::FormatRange> DocumentView::formatsForBlock(int bodyBlock) const
{
    if (bodyBlock < 0 || bodyBlock >= m_blockMarks.size())
        return {};
    return LayerMarks::formats(m_blockMarks.at(bodyBlock), m_blockStarts.at(bodyBlock), m_layers, palette());
}

void DocumentView::applyFormats(const QList<int> &bodyBlocks)
{
    QTextDocument *doc = document();
    for (int b : bodyBlocks) {
        QTextBlock block = doc->findBlockByNumber(b + m_headerBlocks);
        if (block.isValid() && block.layout())
            block.layout()->setFormats(formatsForBlock(b));
        m_formatPass->formatted(b);
    }
    if (bodyBlocks.size() > 8) {
        doc->markContentsDirty(int(m_bodyOffset), doc->characterCount() - int(m_bodyOffset));
    } else {
        for (int b : bodyBlocks) {
            const QTextBlock block = doc->findBlockByNumber(b + m_headerBlocks);
            if (block.isValid())
                doc->markContentsDirty(block.position(), block.length());
        }
    }
    viewport()->update();
}

void DocumentView::applyAllFormats()
{
    // A long article gets the blocks on screen at once and the rest in timer steps.
    m_formatPass->start(m_headerBlocks, int(m_blockMarks.size()),
                        document()->characterCount() - m_bodyOffset);
}

DocumentView::DocumentView(QWidget *parent)
    : QTextEdit(parent)
{
    setObjectName(u"documentView"_s);
    setAccessibleName(tr("Article text"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setUndoRedoEnabled(false);
    setFrameShape(QFrame::NoFrame);
    m_formatPass = new BlockFormatPass(this, [this](int bodyBlock) { return formatsForBlock(bodyBlock); });
    m_layers = Layers(Layer::Quotes) | Layer::People | Layer::Organisations | Layer::Places | Layer::Dates
        | Layer::Figures | Layer::Highlights;

    document()->setDefaultFont(readingFont());
    document()->setDocumentMargin(24);
    // The text column has a fixed width (about 70 characters) and is centred with viewport margins,
    // so that resizing the window moves the column instead of laying out a long article again.
    setLineWrapMode(QTextEdit::FixedPixelWidth);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    m_floatingBar = new QFrame(viewport());
    m_floatingBar->setObjectName(u"selectionBar"_s);
    m_floatingBar->setAccessibleName(tr("Selection actions"));
    m_floatingBar->setFrameShape(QFrame::StyledPanel);
    m_floatingBar->setAutoFillBackground(true);
    m_floatingBar->setLayout(new QHBoxLayout);
    m_floatingBar->layout()->setContentsMargins(2, 2, 2, 2);
    m_floatingBar->layout()->setSpacing(2);
    m_floatingBar->hide();

    connect(this, &QTextEdit::selectionChanged, this, [this] {
        emit selectionSpanChanged(!selectedSpan().isEmpty());
        if (selectedSpan().isEmpty())
            m_floatingBar->hide();
    });
}

DocumentView::~DocumentView() = default;

void DocumentView::setSession(ArticleSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &ArticleSession::annotationsChanged, this, [this](qint64 articleId) {
            // open() announces the new article before showArticle() has built it: skip that one.
            if (m_built && articleId == m_articleId)
                rebuildMarks();
        });
}

void DocumentView::clearArticle()
{
    m_built = false;
    m_formatPass->cancel();
    m_bodyOffset = 0;
    m_blockMarks.clear();
    m_blockStarts.clear();
    m_markCount = 0;
    clear();
}

namespace {

// A character that QTextCursor::insertText() turns into a block boundary. The body is split on all
// of them so that every body character keeps exactly one document position.
bool isBlockSeparator(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator;
}

QTextCharFormat blockKindFormat(Block::Kind kind, const QPalette &palette)
{
    QTextCharFormat f;
    switch (kind) {
    case Block::Kind::Heading:
        f.setFontWeight(QFont::Bold);
        f.setProperty(QTextFormat::FontSizeAdjustment, 1);
        f.setFontFamilies({ u"DejaVu Sans"_s });
        break;
    case Block::Kind::Byline:
        f.setFontWeight(QFont::DemiBold);
        f.setFontFamilies({ u"DejaVu Sans"_s });
        f.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    case Block::Kind::Dateline:
        f.setFontWeight(QFont::Bold);
        f.setFontCapitalization(QFont::SmallCaps);
        break;
    case Block::Kind::Credit:
        f.setFontItalic(true);
        f.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    }
    return f;
}

} // namespace

QFont DocumentView::readingFont() const
{
    QFont reading(u"DejaVu Serif"_s);
    reading.setStyleHint(QFont::Serif);
    reading.setPointSizeF(12 + m_zoom);
    return reading;
}

void DocumentView::showArticle()
{
    m_built = false;
    m_formatPass->cancel();
    if (!m_session || !m_session->isOpen()) {
        clearArticle();
        return;
    }
    const Article &article = m_session->article();
    m_articleId = article.id;
    // A newline in the title would add a block and shift every body position.
    const QString title = article.title.isEmpty() ? tr("(untitled)") : article.title.simplified();
    QStringList meta;
    // An export's, a feed's or a page's byline is not in the text (wire copy keeps its "By" line in the
    // body): the header names it.
    if (!article.byline.isEmpty() && !article.body.left(400).contains(article.byline))
        meta << tr("By %1").arg(article.byline.simplified());
    if (!article.source.isEmpty())
        meta << article.source;
    if (article.published.isValid())
        meta << QLocale().toString(article.published, QLocale::LongFormat);
    if (!article.dateline.isEmpty())
        meta << article.dateline;
    const QString metaLine = meta.join(u"  ·  "_s).simplified();
    const QString &body = article.body;

    // The document is built off-screen in one cursor pass and only then handed to the view: a
    // document without a layout costs no layout work while it is filled, and QTextEdit::setDocument()
    // lays it out lazily (what is visible first, the rest in timer steps). Formatting a shown document
    // with mergeCharFormat()/markContentsDirty() would lay out the whole megabyte synchronously.
    auto *doc = new QTextDocument(this);
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(readingFont());
    doc->setDocumentMargin(24);
    QTextFrameFormat rootFormat = doc->rootFrame()->frameFormat();
    rootFormat.setLeftMargin(StripeArea); // room for the tag stripes; centring is done by viewport margins
    doc->rootFrame()->setFrameFormat(rootFormat);

    m_headerBlocks = 2;
    m_bodyOffset = title.size() + 1 + metaLine.size() + 1;
    m_blockStarts.clear();
    m_blockStarts.append(0);
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (isBlockSeparator(body.at(i)))
            m_blockStarts.append(i + 1);
    }

    QTextCursor c(doc);
    QTextCharFormat titleFormat;
    titleFormat.setFontWeight(QFont::Bold);
    titleFormat.setProperty(QTextFormat::FontSizeAdjustment, 3);
    titleFormat.setFontFamilies({ u"DejaVu Sans"_s });
    QTextBlockFormat titleBlock;
    titleBlock.setBottomMargin(6);
    c.setBlockFormat(titleBlock);
    c.setBlockCharFormat(titleFormat);
    c.insertText(title, titleFormat);
    QTextCharFormat metaFormat;
    metaFormat.setForeground(palette().color(QPalette::PlaceholderText));
    metaFormat.setFontFamilies({ u"DejaVu Sans"_s });
    QTextBlockFormat metaBlock;
    metaBlock.setBottomMargin(18);
    c.insertBlock(metaBlock, metaFormat);
    c.insertText(metaLine, metaFormat);

    // Body paragraphs: comfortable line height; space between paragraphs unless the source already
    // separates them with blank lines. Crossheads and credits get space above their paragraph.
    const bool blankLineParagraphs = body.contains(u"\n\n"_s);
    QTextBlockFormat paragraph;
    paragraph.setLineHeight(145, QTextBlockFormat::ProportionalHeight);
    paragraph.setBottomMargin(blankLineParagraphs ? 0 : 10);
    QList<Block> kinds;
    for (const Block &b : article.blocks) {
        if (!b.span.isEmpty() && b.span.start >= 0 && b.span.end <= body.size())
            kinds.append(b);
    }
    std::sort(kinds.begin(), kinds.end(),
              [](const Block &a, const Block &b) { return a.span.start < b.span.start; });
    qsizetype k = 0; // first styled span that may still reach the current paragraph
    const QTextCharFormat plain;
    for (qsizetype b = 0; b < m_blockStarts.size(); ++b) {
        const qsizetype bs = m_blockStarts.at(b);
        const qsizetype be = b + 1 < m_blockStarts.size() ? m_blockStarts.at(b + 1) - 1 : body.size();
        while (k < kinds.size() && kinds.at(k).span.end <= bs)
            ++k;
        QTextBlockFormat bf = paragraph;
        for (qsizetype j = k; j < kinds.size() && kinds.at(j).span.start <= be; ++j) {
            if (kinds.at(j).span.end < bs)
                continue;
            if (kinds.at(j).kind == Block::Kind::Heading)
                bf.setTopMargin(14);
            else if (kinds.at(j).kind == Block::Kind::Credit)
                bf.setTopMargin(10);
        }
        c.insertBlock(bf, plain);
        // Runs of the paragraph: plain text, or the part of a styled span (byline, dateline, ...).
        qsizetype pos = bs;
        qsizetype j = k;
        while (pos < be) {
            while (j < kinds.size() && kinds.at(j).span.end <= pos)
                ++j;
            if (j < kinds.size() && kinds.at(j).span.start <= pos) {
                const qsizetype end = std::min(be, kinds.at(j).span.end);
                c.insertText(body.mid(pos, end - pos), blockKindFormat(kinds.at(j).kind, palette()));
                pos = end;
            } else {
                const qsizetype end = j < kinds.size() ? std::min(be, kinds.at(j).span.start) : be;
                c.insertText(body.mid(pos, end - pos), plain);
                pos = end;
            }
        }
    }

    m_blockMarks.clear();
    rebuildMarks(doc);

    // The first document belongs to QTextEdit, which deletes it in setDocument(); later ones are ours.
    QTextDocument *old = document()->parent() == this ? document() : nullptr;
    // A flash still showing holds a cursor into the old document: drop it before that is deleted.
    setExtraSelections({});
    setDocument(doc);
    delete old;
    m_lastSideMargin = -1;
    updateReadingWidth();
    m_built = true;
    moveCursor(QTextCursor::Start);
    verticalScrollBar()->setValue(0);
}

void DocumentView::setLayers(Layers layers)
{
    if (m_layers == layers)
        return;
    m_layers = layers;
    if (m_built)
        applyAllFormats();
}

bool DocumentView::layersPending() const
{
    return m_formatPass->isRunning();
}

void DocumentView::setTagColors(const QHash<QString, QColor> &colors)
{
    if (m_tagColors == colors)
        return;
    m_tagColors = colors;
    rebuildMarks();
}

QColor DocumentView::annotationColor(int annotationIndex) const
{
    return LayerMarks::annotationColor(m_session->annotations().at(annotationIndex), m_tagColors);
}

void DocumentView::rebuildMarks(QTextDocument *fresh)
{
    if (!m_session || !m_session->isOpen() || m_blockStarts.isEmpty() || (!m_built && !fresh))
        return;
    LayerMarks marks = LayerMarks::build(m_blockStarts, m_session->article().body.size(),
                                         m_session->analysis(), m_session->annotations(), m_tagColors);
    m_laneTags = marks.laneTags();
    m_markCount = marks.count();
    const QList<QList<LayerMark>> &blocks = marks.blocks();

    const bool firstBuild = m_blockMarks.size() != blocks.size();
    QList<int> changed;
    if (!firstBuild) {
        for (int b = 0; b < blocks.size(); ++b) {
            if (blocks.at(b) != m_blockMarks.at(b))
                changed.append(b);
        }
    }
    m_blockMarks = blocks;
    if (fresh) {
        // Not shown yet: set the formats and drop the change record in one edit block, so that the
        // first layout (lazy, on setDocument) picks them up and nothing asks for a synchronous one.
        QTextCursor edit(fresh);
        edit.beginEditBlock();
        QTextBlock block = fresh->findBlockByNumber(m_headerBlocks);
        for (int b = 0; b < m_blockMarks.size() && block.isValid(); ++b, block = block.next())
            block.layout()->setFormats(formatsForBlock(b));
        edit.endEditBlock();
    } else if (firstBuild)
        applyAllFormats();
    else if (!changed.isEmpty()) // only what changed: a full pass would relayout a long article
        applyFormats(changed);
}

int DocumentView::laneOfTag(const QString &tagPath) const
{
    const int i = int(m_laneTags.indexOf(tagPath));
    return i < 0 ? 0 : std::min(i + 1, MaxLanes - 1);
}

Span DocumentView::snappedToWords(Span span) const
{
    if (!m_session || !m_session->isOpen())
        return span;
    const QString &body = m_session->article().body;
    auto inWord = [&body](qsizetype i) {
        return i >= 0 && i < body.size()
            && (body.at(i).isLetterOrNumber() || body.at(i).isMark() || body.at(i).isSurrogate());
    };
    while (inWord(span.start) && inWord(span.start - 1))
        --span.start;
    while (inWord(span.end - 1) && inWord(span.end))
        ++span.end;
    return span;
}

Span DocumentView::selectedSpan() const
{
    if (!m_session || !m_session->isOpen())
        return {};
    const QTextCursor c = textCursor();
    if (!c.hasSelection())
        return {};
    const qsizetype length = m_session->article().body.size();
    const qsizetype s = std::clamp<qsizetype>(c.selectionStart() - m_bodyOffset, 0, length);
    const qsizetype e = std::clamp<qsizetype>(c.selectionEnd() - m_bodyOffset, 0, length);
    return e > s ? Span { s, e } : Span {};
}

void DocumentView::selectSpan(Span span)
{
    QTextCursor c(document());
    c.setPosition(int(m_bodyOffset + span.start));
    c.setPosition(int(m_bodyOffset + span.end), QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void DocumentView::scrollToSpan(Span span, bool flash)
{
    // The cursor goes to the start of the span (a selection of exactly the span is kept), then the
    // span is centred vertically: a jump lands in the middle of the view, not at its edge. A span
    // taller than the view starts near its top.
    QTextCursor c = textCursor();
    if (c.selectionStart() != int(m_bodyOffset + span.start)
        || c.selectionEnd() != int(m_bodyOffset + span.end)) {
        c = QTextCursor(document());
        c.setPosition(int(m_bodyOffset + span.start));
        setTextCursor(c);
    }
    QTextCursor startCursor(document());
    startCursor.setPosition(int(m_bodyOffset + span.start));
    QTextCursor endCursor(document());
    endCursor.setPosition(int(m_bodyOffset + span.end));
    const QRect first = cursorRect(startCursor);
    const QRect last = cursorRect(endCursor);
    const int viewHeight = viewport()->height();
    const int spanHeight = last.bottom() - first.top();
    const int target = spanHeight < viewHeight - 2 * first.height()
        ? (first.top() + last.bottom()) / 2 - viewHeight / 2
        : first.top() - first.height();
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + target);
    if (!flash)
        return;
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(document());
    sel.cursor.setPosition(int(m_bodyOffset + span.start));
    sel.cursor.setPosition(int(m_bodyOffset + span.end), QTextCursor::KeepAnchor);
    sel.format.setBackground(palette().color(QPalette::Highlight));
    sel.format.setForeground(palette().color(QPalette::HighlightedText));
    setExtraSelections({ sel });
    QTimer::singleShot(700, this, [this] { setExtraSelections({}); });
}

qsizetype DocumentView::bodyPositionAt(const QPoint &viewportPos) const
{
    const int pos = document()->documentLayout()->hitTest(
        viewportPos + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()), Qt::ExactHit);
    if (pos < 0)
        return -1;
    return pos - m_bodyOffset;
}

QList<qint64> DocumentView::annotationsAt(qsizetype bodyPos) const
{
    QList<qint64> ids;
    if (!m_session || bodyPos < 0)
        return ids;
    for (const Annotation &a : m_session->annotations()) {
        if (a.span.start > bodyPos)
            break;
        if (a.span.contains(bodyPos))
            ids.append(a.id);
    }
    return ids;
}

void DocumentView::updateReadingWidth()
{
    // About 70 characters per line plus the stripe lanes; narrower only when the pane is narrower.
    const int measure = QFontMetrics(document()->defaultFont()).averageCharWidth() * 72;
    const int page = measure + StripeArea + 2 * int(document()->documentMargin());
    const int available = contentsRect().width() - verticalScrollBar()->sizeHint().width();
    const int width = std::max(200, std::min(page, available));
    if (lineWrapColumnOrWidth() != width)
        setLineWrapColumnOrWidth(width);
    const int side = std::max(0, (available - width) / 2);
    if (side == m_lastSideMargin)
        return;
    m_lastSideMargin = side;
    setViewportMargins(side, 0, 0, 0);
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    updateReadingWidth();
    if (m_formatPass->isRunning())
        m_formatPass->formatVisible();
}

void DocumentView::scrollContentsBy(int dx, int dy)
{
    QTextEdit::scrollContentsBy(dx, dy);
    // What scrolls into view before the format pass reached it is formatted first.
    if (m_formatPass->isRunning())
        m_formatPass->formatVisible();
}

void DocumentView::setZoomSteps(int steps)
{
    steps = std::clamp(steps, -4, 12);
    if (steps == m_zoom)
        return;
    m_zoom = steps;
    document()->setDefaultFont(readingFont());
    m_lastSideMargin = -1;
    updateReadingWidth();
}

void DocumentView::paintEvent(QPaintEvent *event)
{
    QTextEdit::paintEvent(event);
    if (!m_session || !m_session->isOpen() || !m_layers.testFlag(Layer::Highlights))
        return;
    // Margin stripes: one lane per tag (lane 0 for untagged highlights), as QDA tools draw codes.
    const int first = cursorForPosition(QPoint(0, 0)).position() - int(m_bodyOffset);
    const int last
        = cursorForPosition(QPoint(viewport()->width(), viewport()->height())).position() - int(m_bodyOffset);
    // The text column's left edge, in viewport coordinates, from where the body starts.
    QTextCursor bodyStart(document());
    bodyStart.setPosition(int(m_bodyOffset));
    const int x0 = cursorRect(bodyStart).left() - 10;
    QPainter p(viewport());
    const QList<Annotation> &annotations = m_session->annotations();
    for (int i = 0; i < annotations.size(); ++i) {
        const Annotation &a = annotations.at(i);
        if (a.span.start > last)
            break;
        if (a.span.end < first)
            continue;
        QTextCursor c(document());
        c.setPosition(int(m_bodyOffset + std::max<qsizetype>(a.span.start, first)));
        const int top = cursorRect(c).top();
        c.setPosition(int(m_bodyOffset + std::min<qsizetype>(a.span.end, last)));
        const int bottom = cursorRect(c).bottom();
        QList<int> lanes;
        if (a.tags.isEmpty()) {
            lanes.append(0);
        } else {
            for (const QString &t : a.tags)
                lanes.append(laneOfTag(t));
        }
        for (int k = 0; k < lanes.size(); ++k) {
            const QString tag = a.tags.isEmpty() ? QString() : a.tags.at(k);
            QColor color = tag.isEmpty() ? annotationColor(i) : m_tagColors.value(tag, annotationColor(i));
            if (isDarkPalette(palette()))
                color = color.lighter(110);
            else
                color = color.darker(115);
            const int x = x0 - lanes.at(k) * (StripeWidth + StripeGap);
            p.fillRect(QRect(x, top, StripeWidth, std::max(bottom - top, 4)), color);
        }
    }
}

void DocumentView::mouseReleaseEvent(QMouseEvent *event)
{
    QTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    if (Span span = selectedSpan(); !span.isEmpty()) {
        // A drag rarely starts and ends exactly at word edges: a selection made with the mouse is
        // widened to whole words, as coding tools do (hold Alt to keep it exact; Shift+arrows are
        // exact as well).
        if (!(event->modifiers() & Qt::AltModifier)) {
            const Span words = snappedToWords(span);
            if (words != span)
                selectSpan(words);
        }
        updateFloatingBar();
        return;
    }
    const qsizetype pos = bodyPositionAt(event->position().toPoint());
    if (pos < 0 || !m_session)
        return;
    if (m_layers.testFlag(Layer::Highlights)) {
        const QList<qint64> ids = annotationsAt(pos);
        if (ids.size() == 1) {
            emit annotationActivated(ids.first());
            return;
        }
        if (ids.size() > 1) {
            chooseAnnotation(ids, event->globalPosition().toPoint());
            return;
        }
    }
    const AnalysisResult &an = m_session->analysis();
    if (m_layers.testFlag(Layer::Quotes)) {
        for (int i = 0; i < an.quotes.size(); ++i) {
            if (an.quotes.at(i).span.contains(pos)) {
                emit quoteActivated(i);
                return;
            }
        }
    }
    for (int i = 0; i < an.entities.size(); ++i) {
        const auto layer = layerOfEntity(an.entities.at(i).type);
        if (layer && m_layers.testFlag(*layer) && an.entities.at(i).span.contains(pos)) {
            emit entityActivated(i);
            return;
        }
    }
}

void DocumentView::chooseAnnotation(const QList<qint64> &ids, const QPoint &globalPos)
{
    // Overlapping highlights: let the reader pick which one they meant.
    QMenu menu(this);
    menu.setObjectName(u"overlapMenu"_s);
    menu.setTitle(tr("Overlapping highlights"));
    for (qint64 id : ids) {
        const auto a = m_session->annotation(id);
        if (!a)
            continue;
        QString label
            = u"“"_s + excerpt(m_session->article().body.mid(a->span.start, a->span.length()), 40) + u"”"_s;
        if (!a->tags.isEmpty())
            label += u"  —  "_s + a->tags.join(u", "_s);
        QAction *act = menu.addAction(label);
        QPixmap swatch(12, 12);
        const auto &all = m_session->annotations();
        const auto it
            = std::find_if(all.cbegin(), all.cend(), [id](const Annotation &x) { return x.id == id; });
        swatch.fill(annotationColor(int(it - all.cbegin())));
        act->setIcon(QIcon(swatch));
        connect(act, &QAction::triggered, this, [this, id] { emit annotationActivated(id); });
    }
    menu.exec(globalPos);
}

void DocumentView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->setObjectName(u"documentContextMenu"_s);
    const qsizetype pos = bodyPositionAt(event->pos());
    QAction *before = menu->actions().isEmpty() ? nullptr : menu->actions().first();
    if (!selectedSpan().isEmpty()) {
        menu->insertActions(before, m_selectionActions);
        menu->insertSeparator(before);
    } else if (const QList<qint64> ids = annotationsAt(pos); !ids.isEmpty()) {
        emit annotationActivated(ids.first());
        menu->insertActions(before, m_annotationActions);
        menu->insertSeparator(before);
    }
    // The automatic layers: correct a quote or an entity, or mark the selection as one.
    QMenu layers;
    emit layerMenuRequested(&layers, pos, selectedSpan());
    if (!layers.isEmpty()) {
        menu->insertActions(before, layers.actions());
        menu->insertSeparator(before);
    }
    menu->exec(event->globalPos());
    delete menu;
}

bool DocumentView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_session && m_session->isOpen()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype pos = bodyPositionAt(help->pos());
        QStringList lines;
        const AnalysisResult &an = m_session->analysis();
        if (pos >= 0) {
            if (m_layers.testFlag(Layer::Quotes)) {
                for (const Quote &q : an.quotes) {
                    if (q.span.contains(pos)) {
                        lines << (q.speaker.isEmpty() ? tr("Quote — speaker unknown")
                                                      : tr("Quote — %1").arg(q.speaker.toHtmlEscaped()));
                    }
                }
            }
            for (const Entity &e : an.entities) {
                const auto layer = layerOfEntity(e.type);
                if (layer && m_layers.testFlag(*layer) && e.span.contains(pos))
                    lines << tr("%1: %2").arg(layerName(*layer),
                                              (e.canonical.isEmpty() ? e.text : e.canonical).toHtmlEscaped());
            }
            if (m_layers.testFlag(Layer::Figures)) {
                for (const Figure &f : an.figures) {
                    if (f.span.contains(pos)) {
                        QString line = tr("Figure: %1 %2")
                                           .arg(QLocale().toString(f.value, 'g', 12), f.unit.toHtmlEscaped());
                        if (!f.attributedTo.isEmpty())
                            line += tr(" (according to %1)").arg(f.attributedTo.toHtmlEscaped());
                        lines << line;
                    }
                }
            }
            if (m_layers.testFlag(Layer::Highlights)) {
                for (qint64 id : annotationsAt(pos)) {
                    const auto a = m_session->annotation(id);
                    QString line = a->tags.isEmpty()
                        ? tr("Highlight")
                        : tr("Highlight: %1").arg(a->tags.join(u", "_s).toHtmlEscaped());
                    if (!a->note.isEmpty())
                        line += u"<br><i>"_s + excerpt(a->note, 80).toHtmlEscaped() + u"</i>"_s;
                    lines << line;
                }
            }
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(u"<br>"_s), viewport());
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

void DocumentView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_built)
        applyAllFormats();
}

void DocumentView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape)
        m_floatingBar->hide();
    QTextEdit::keyPressEvent(event);
    if (event->modifiers() & Qt::ShiftModifier)
        updateFloatingBar();
}

void DocumentView::updateFloatingBar()
{
    if (selectedSpan().isEmpty() || m_selectionActions.isEmpty()) {
        m_floatingBar->hide();
        return;
    }
    if (m_floatingBar->layout()->count() == 0) {
        for (QAction *a : std::as_const(m_selectionActions)) {
            auto *b = new QToolButton(m_floatingBar);
            b->setDefaultAction(a);
            b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            b->setAutoRaise(true);
            b->setFocusPolicy(Qt::NoFocus); // keyboard users have the shortcuts; focus stays in the text
            m_floatingBar->layout()->addWidget(b);
        }
    }
    m_floatingBar->adjustSize();
    QTextCursor end = textCursor();
    end.setPosition(textCursor().selectionEnd());
    const QRect r = cursorRect(end);
    QPoint p(r.left() - m_floatingBar->width() / 2, r.bottom() + 6);
    if (p.y() + m_floatingBar->height() > viewport()->height())
        p.setY(cursorRect(textCursor()).top() - m_floatingBar->height() - 6);
    p.setX(std::clamp(p.x(), 2, std::max(2, viewport()->width() - m_floatingBar->width() - 2)));
    m_floatingBar->move(p);
    m_floatingBar->show();
    m_floatingBar->raise();
}

} // namespace Lede
