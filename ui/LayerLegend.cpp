// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayerLegend.h"

#include <QLayout>
#include <QToolButton>
#include <QWidgetItem>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// Lays the buttons out left to right in one row, and wraps them onto more rows when the window is
// too narrow for one (as Qt's flow layout example), so the legend never sets the window's minimum
// width.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent)
        : QLayout(parent)
    {
    }
    ~FlowLayout() override
    {
        while (QLayoutItem *item = takeAt(0))
            delete item;
    }
    Q_DISABLE_COPY_MOVE(FlowLayout)

    void addItem(QLayoutItem *item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    // One row when there is room for it.
    QSize sizeHint() const override
    {
        int width = 0;
        int height = 0;
        for (const QLayoutItem *item : m_items) {
            width += item->sizeHint().width() + (width > 0 ? spacing() : 0);
            height = std::max(height, item->sizeHint().height());
        }
        const QMargins m = contentsMargins();
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
    }
    // The widest button: everything else can wrap.
    QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        const QMargins m = contentsMargins();
        return size + QSize(m.left() + m.right(), m.top() + m.bottom());
    }

private:
    // Places the items (when apply) and returns the height they need in rect's width.
    int arrange(const QRect &rect, bool apply) const
    {
        const QMargins m = contentsMargins();
        const QRect area = rect.marginsRemoved(m);
        int x = area.x();
        int y = area.y();
        int rowHeight = 0;
        for (QLayoutItem *item : m_items) {
            const QSize hint = item->sizeHint();
            if (x > area.x() && x + hint.width() > area.right() + 1) {
                x = area.x();
                y += rowHeight + spacing();
                rowHeight = 0;
            }
            if (apply)
                item->setGeometry(QRect(QPoint(x, y), hint));
            x += hint.width() + spacing();
            rowHeight = std::max(rowHeight, hint.height());
        }
        return y + rowHeight - rect.y() + m.bottom();
    }

    QList<QLayoutItem *> m_items;
};

} // namespace

LayerLegend::LayerLegend(const QHash<Layer, QAction *> &layerActions, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"layerLegend"_s);
    setAccessibleName(tr("Layers shown in the text"));
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->setSpacing(2);
    for (Layer layer : AllLayers) {
        auto *b = new QToolButton(this);
        b->setObjectName(u"legend_"_s + layerKey(layer));
        b->setDefaultAction(layerActions.value(layer));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        b->setAccessibleName(tr("%1 layer").arg(layerName(layer)));
        layout->addWidget(b);
    }
}

LayerLegend::~LayerLegend() = default;

} // namespace Lede
