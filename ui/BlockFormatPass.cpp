// SPDX-License-Identifier: GPL-3.0-or-later
#include "BlockFormatPass.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <algorithm>

namespace Lede {

namespace {

// Blocks above and below the screen that are formatted with it, so that a short scroll finds them done.
constexpr int VisibleMargin = 8;

} // namespace

BlockFormatPass::BlockFormatPass(QTextEdit *view, FormatsFor formatsFor)
    : QObject(view)
    , m_view(view)
    , m_formatsFor(std::move(formatsFor))
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &BlockFormatPass::step);
}

void BlockFormatPass::start(int headerBlocks, int bodyBlocks, qsizetype bodyCharacters)
{
    cancel();
    if (bodyBlocks <= 0)
        return;
    m_headerBlocks = headerBlocks;
    m_todo.assign(size_t(bodyBlocks), true);
    m_pending = bodyBlocks;
    m_next = 0;
    if (bodyCharacters < AllAtOnceBelow) {
        formatRange(0, bodyBlocks - 1);
    } else {
        formatVisible();
        if (m_pending > 0)
            m_timer.start();
    }
    m_view->viewport()->update();
    if (m_pending == 0 && bodyCharacters < AllAtOnceBelow)
        emit finished(); // in steps, formatVisible() or step() says it
}

void BlockFormatPass::formatVisible()
{
    if (m_pending == 0)
        return;
    const QWidget *viewport = m_view->viewport();
    const int last = int(m_todo.size()) - 1;
    const int top = m_view->cursorForPosition(QPoint(0, 0)).blockNumber() - m_headerBlocks;
    const int bottom = m_view->cursorForPosition(QPoint(viewport->width(), viewport->height())).blockNumber()
        - m_headerBlocks;
    formatRange(std::clamp(top - VisibleMargin, 0, last), std::clamp(bottom + VisibleMargin, 0, last));
    if (m_pending == 0) {
        m_timer.stop();
        emit finished();
    }
}

void BlockFormatPass::formatted(int bodyBlock)
{
    if (bodyBlock >= 0 && size_t(bodyBlock) < m_todo.size() && m_todo[size_t(bodyBlock)]) {
        m_todo[size_t(bodyBlock)] = false;
        --m_pending;
    }
}

void BlockFormatPass::cancel()
{
    m_timer.stop();
    m_todo.clear();
    m_pending = 0;
    m_next = 0;
}

void BlockFormatPass::formatRange(int first, int last)
{
    QTextDocument *doc = m_view->document();
    QTextBlock block = doc->findBlockByNumber(first + m_headerBlocks);
    int from = -1;
    int to = -1;
    for (int b = first; b <= last && block.isValid(); ++b, block = block.next()) {
        if (!m_todo[size_t(b)])
            continue;
        m_todo[size_t(b)] = false;
        --m_pending;
        if (block.layout())
            block.layout()->setFormats(m_formatsFor(b));
        if (from < 0)
            from = block.position();
        to = block.position() + block.length();
    }
    // One layout of the whole run; setFormats() alone leaves the blocks without lines.
    if (from >= 0)
        doc->markContentsDirty(from, to - from);
}

void BlockFormatPass::step()
{
    const int count = int(m_todo.size());
    QTextBlock block = m_view->document()->findBlockByNumber(m_next + m_headerBlocks);
    qsizetype characters = 0;
    int first = -1;
    while (m_next < count && block.isValid() && characters < StepCharacters) {
        if (m_todo[size_t(m_next)]) {
            if (first < 0)
                first = m_next;
            characters += block.length();
        }
        ++m_next;
        block = block.next();
    }
    if (first >= 0) {
        formatRange(first, m_next - 1);
        m_view->viewport()->update();
    }
    if (m_pending == 0 || m_next >= count || !block.isValid()) {
        m_timer.stop();
        m_todo.clear();
        m_pending = 0;
        emit finished();
    }
}

} // namespace Lede
