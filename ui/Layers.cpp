// SPDX-License-Identifier: GPL-3.0-or-later
#include "Layers.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Lede {

QString layerName(Layer layer)
{
    switch (layer) {
    case Layer::Quotes:
        return QCoreApplication::translate("Layers", "Quotes");
    case Layer::People:
        return QCoreApplication::translate("Layers", "People");
    case Layer::Organisations:
        return QCoreApplication::translate("Layers", "Organisations");
    case Layer::Places:
        return QCoreApplication::translate("Layers", "Places");
    case Layer::Dates:
        return QCoreApplication::translate("Layers", "Dates");
    case Layer::Figures:
        return QCoreApplication::translate("Layers", "Figures");
    case Layer::Highlights:
        return QCoreApplication::translate("Layers", "My highlights");
    }
    return {};
}

QString layerKey(Layer layer)
{
    switch (layer) {
    case Layer::Quotes:
        return u"quotes"_s;
    case Layer::People:
        return u"people"_s;
    case Layer::Organisations:
        return u"organisations"_s;
    case Layer::Places:
        return u"places"_s;
    case Layer::Dates:
        return u"dates"_s;
    case Layer::Figures:
        return u"figures"_s;
    case Layer::Highlights:
        return u"highlights"_s;
    }
    return {};
}

std::optional<Layer> layerOfEntity(Entity::Type type)
{
    switch (type) {
    case Entity::Type::Person:
        return Layer::People;
    case Entity::Type::Org:
        return Layer::Organisations;
    case Entity::Type::Loc:
        return Layer::Places;
    case Entity::Type::Date:
        return Layer::Dates;
    case Entity::Type::Number:
        return Layer::Figures;
    case Entity::Type::Misc:
        break;
    }
    return std::nullopt;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor layerColor(Layer layer, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (layer) {
    case Layer::Quotes:
        return dark ? QColor(0x8a, 0xbe, 0xff) : QColor(0x1a, 0x5a, 0xa6);
    case Layer::People:
        return dark ? QColor(0xff, 0xa6, 0x4d) : QColor(0xe0, 0x7b, 0x00);
    case Layer::Organisations:
        return dark ? QColor(0x4f, 0xd1, 0xc1) : QColor(0x1f, 0x9e, 0x8f);
    case Layer::Places:
        return dark ? QColor(0x7a, 0xa7, 0xff) : QColor(0x3a, 0x6f, 0xe0);
    case Layer::Dates:
        return dark ? QColor(0xd3, 0x9b, 0xff) : QColor(0x9b, 0x4d, 0xca);
    case Layer::Figures:
        return dark ? QColor(0xff, 0x80, 0x80) : QColor(0xc0, 0x39, 0x2b);
    case Layer::Highlights:
        return defaultHighlightColor();
    }
    return {};
}

QColor layerTint(Layer layer, const QPalette &palette)
{
    QColor c = layerColor(layer, palette);
    c.setAlpha(isDarkPalette(palette) ? 70 : 48);
    return c;
}

QColor highlightFill(const QColor &color, const QPalette &palette)
{
    QColor c = color.isValid() ? color : defaultHighlightColor();
    c.setAlpha(isDarkPalette(palette) ? 120 : 150);
    return c;
}

QIcon layerIcon(Layer layer, const QPalette &palette)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    const QRect box(1, 1, 14, 14);
    p.fillRect(box, palette.color(QPalette::Base));
    if (layer == Layer::Quotes) {
        const QColor c = layerColor(layer, palette);
        p.fillRect(QRect(3, 5, 10, 2), c); // a line of quoted text, underlined as in the article
        p.fillRect(QRect(3, 11, 10, 2), c);
    } else {
        p.fillRect(box,
                   layer == Layer::Highlights ? highlightFill(QColor(), palette) : layerTint(layer, palette));
    }
    p.setPen(layerColor(layer, palette));
    p.drawRect(box.adjusted(0, 0, -1, -1));
    p.end();
    return QIcon(pixmap);
}

QColor defaultHighlightColor()
{
    return QColor(0xf5, 0xd0, 0x33);
}

QList<QPair<QString, QString>> highlightColorChoices()
{
    return {
        { u"yellow"_s, QCoreApplication::translate("Layers", "Yellow") },
        { u"#7bd389"_s, QCoreApplication::translate("Layers", "Green") },
        { u"#7cc4fa"_s, QCoreApplication::translate("Layers", "Blue") },
        { u"#f7a1c4"_s, QCoreApplication::translate("Layers", "Pink") },
        { u"#ffb25b"_s, QCoreApplication::translate("Layers", "Orange") },
        { u"#c3a6ff"_s, QCoreApplication::translate("Layers", "Purple") },
    };
}

} // namespace Lede
