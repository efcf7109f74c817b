// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"

#include <QJsonObject>

namespace Lede {

// The `lede analyze --json` article object of DESIGN.md: parts, body, quotes, entities and figures,
// with every offset converted to Unicode code points. `published`, a quote's speaker, speaker
// offsets and cue, and a figure's qualifier and attribution are JSON null when unknown; the other
// text parts are strings (empty when the article has none).
class JsonExporter final
{
public:
    static QJsonObject articleObject(const Article &article, const AnalysisResult &analysis);
};

} // namespace Lede
