// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QTextLayout>
#include <QTimer>
#include <functional>
#include <vector>

class QTextEdit;

namespace Lede {

// Gives every body block of a long article new layer formats without holding the window: the blocks on
// screen (and a margin around them) are formatted and laid out at once, the rest in short timer steps,
// and whatever scrolls into view before its turn is done first.
//
// QTextLayout::setFormats() throws a block's line layout away, so changing the formats of every block
// of a 1 MB article is a full relayout (about 200 ms). A layer toggle only needs what the reader sees.
class BlockFormatPass final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockFormatPass)

public:
    using FormatsFor = std::function<QList<QTextLayout::FormatRange>(int bodyBlock)>;

    BlockFormatPass(QTextEdit *view, FormatsFor formatsFor);

    // Below this many body characters every block is formatted at once: one relayout is quick.
    static constexpr qsizetype AllAtOnceBelow = 64 * 1024;
    // About this many characters are laid out per timer step (a few milliseconds).
    static constexpr qsizetype StepCharacters = 128 * 1024;

    // Formats blocks [headerBlocks, headerBlocks + bodyBlocks) of the view's document. `bodyCharacters`
    // decides between all at once and in steps.
    void start(int headerBlocks, int bodyBlocks, qsizetype bodyCharacters);
    // Formats the pending blocks that are on screen now (call after a scroll or resize).
    void formatVisible();
    // A body block that was formatted elsewhere (its marks changed) is no longer pending.
    void formatted(int bodyBlock);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

signals:
    void finished();

private:
    // Formats the pending blocks in [first, last] (body block numbers) and lays them out once.
    void formatRange(int first, int last);
    void step();

    QTextEdit *m_view;
    FormatsFor m_formatsFor;
    QTimer m_timer;
    std::vector<bool> m_todo; // per body block
    int m_pending = 0;
    int m_next = 0; // where the timer steps go on
    int m_headerBlocks = 0;
};

} // namespace Lede
