// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Layers.h"

#include <QHash>
#include <QWidget>

class QAction;

namespace Lede {

// The row above the article: each layer with the swatch it paints in the text. Each button shows
// the layer's checkable action, so clicking one switches the layer (as the View menu does).
class LayerLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerLegend)

public:
    LayerLegend(const QHash<Layer, QAction *> &layerActions, QWidget *parent = nullptr);
    ~LayerLegend() override;
};

} // namespace Lede
