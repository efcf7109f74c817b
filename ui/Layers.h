// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"

#include <QColor>
#include <QFlags>
#include <QIcon>
#include <QPalette>
#include <QString>
#include <optional>

namespace Lede {

// The highlight layers a reader can switch on and off, and the look of each. Colors are derived
// from the widget palette so that they stay readable in light and dark themes.
enum class Layer : unsigned {
    Quotes = 1u << 0,
    People = 1u << 1,
    Organisations = 1u << 2,
    Places = 1u << 3,
    Dates = 1u << 4,
    Figures = 1u << 5,
    Highlights = 1u << 6,
};
Q_DECLARE_FLAGS(Layers, Layer)
Q_DECLARE_OPERATORS_FOR_FLAGS(Layers)

inline constexpr Layer AllLayers[] = { Layer::Quotes, Layer::People,  Layer::Organisations, Layer::Places,
                                       Layer::Dates,  Layer::Figures, Layer::Highlights };

QString layerName(Layer layer); // translated, for menus
QString layerKey(Layer layer); // stable, for settings and object names
// The layer an entity belongs to, or nothing (Misc entities are not shown).
std::optional<Layer> layerOfEntity(Entity::Type type);

// Base hue of a layer; tints are built from it with layerTint().
QColor layerColor(Layer layer, const QPalette &palette);
// The color a background-tint layer paints with (alpha chosen for the palette's lightness).
QColor layerTint(Layer layer, const QPalette &palette);
// A user highlight's background, from its own or its tag's color.
QColor highlightFill(const QColor &color, const QPalette &palette);
bool isDarkPalette(const QPalette &palette);
// A legend swatch that looks like the layer in the text: a tinted box for entities, figures and
// highlights, an underline for quotes. The same icon is used in menus, the legend row and the panel.
QIcon layerIcon(Layer layer, const QPalette &palette);
// The color used when neither the highlight nor its tags name one.
QColor defaultHighlightColor();
// Named choices offered in the color menu: (name stored in the library, translated label).
QList<QPair<QString, QString>> highlightColorChoices();

} // namespace Lede
