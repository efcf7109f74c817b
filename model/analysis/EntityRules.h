// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: rule-based DATE and NUMBER entities over tokens.
// DATE: weekdays ("Friday"), month dates ("Oct. 7", "November 3, 2023", "7 October", "March 2022",
// "in November"), years after a preposition ("since 2014"), "today"/"yesterday"/"tomorrow",
// "last week", "two months ago". NUMBER: numerals with an optional currency sign, scale word and
// percent ("1,400", "$2.3 billion", "40%", "2.3 million"), the number part of "75-year", and spelled
// cardinals from two upward ("nine", "hundreds"). "one" is left out: it is mostly a pronoun.

#include "Analysis.h"
#include "Span.h"

#include <QList>
#include <QString>
#include <vector>

namespace Lede::EntityRules {

// Appends DATE/NUMBER entities for tokens not marked in covered (which it leaves unchanged).
void find(const QString &body, const QList<Span> &tokens, const std::vector<bool> &covered,
          QList<Entity> &out);

} // namespace Lede::EntityRules
