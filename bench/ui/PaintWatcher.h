// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEvent>
#include <QObject>

namespace LedeBench {

// Installed as an event filter on a widget: notes when the widget was first painted, which is
// where the window benchmarks stop their clocks ("time to a painted view").
class PaintWatcher final : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

} // namespace LedeBench
