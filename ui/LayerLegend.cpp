// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayerLegend.h"

#include <QHBoxLayout>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Lede {

LayerLegend::LayerLegend(const QHash<Layer, QAction *> &layerActions, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"layerLegend"_s);
    setAccessibleName(tr("Layers shown in the text"));
    auto *layout = new QHBoxLayout(this);
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
    layout->addStretch(1);
}

LayerLegend::~LayerLegend() = default;

} // namespace Lede
