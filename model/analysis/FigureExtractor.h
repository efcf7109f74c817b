// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"

#include <QList>
#include <QString>

namespace Lede {

// Finds the numbers in an article body that carry a claim: counts together with what they count,
// money and percentages. One left-to-right scan over a light tokenization, so the cost is linear in
// the body; all word tables are built once and only read afterwards, so extract() is thread-safe.
// It never fails: odd input gives fewer figures, never a crash. Figures are sorted by start and never
// overlap; every span is UTF-16 and body.mid(span) == text.
//
// What a Figure holds:
//  - span/text: the qualifier (if any), the amount and its unit words, e.g. "at least 3,482 people",
//    "more than 130 hostages", "$2.5 billion", "12.5 per cent". A verb phrase that tells what happened
//    to the counted things is NOT in the span (it may sit after a dash aside), only in `unit`.
//  - value: the amount with its scale applied: "2.3 million" -> 2300000, "1.2bn" -> 1.2e9,
//    "USD 5m" -> 5e6, "two dozen" -> 24. Word numbers one..ninety (also "twenty-five"), hundred,
//    thousand, million, billion, dozen are read; a bare "one" is not a figure ("one of the ...") unless
//    a scale word follows ("one million").
//  - unit:
//    * money: the ISO 4217 code when the symbol or word is known ($ USD, € EUR, £ GBP, ¥ JPY, "euros",
//      "Swiss francs" CHF, "Czech crowns" CZK, a leading code such as "USD 5m"); otherwise the currency
//      word itself ("crowns", "pesos"). "dollars" and a bare "$" are read as USD.
//    * percentages: "%" for 41%, 60 percent, 12.5 per cent, 3pc; "percentage points" for those.
//    * counts: the counted noun phrase: up to three words after the amount, ending at the first plural
//      ("permanent members", "Sudanese", "people", "gunmen"; "1.2bn users worldwide" -> "users").
//      Without a plural there is no noun (except after a bare 1), which keeps "the two met" out and
//      reads "a 5m wall" as metres. Then what happened to them, when the text says so:
//        1. a participle right after the noun, optionally after auxiliaries and adverbs and after one
//           dash-delimited aside: "guests taken hostage", "civilians killed" (from "... have been
//           killed"), "miners trapped" (from "miners – most of them contract workers – were trapped");
//        2. otherwise a casualty/capture verb right before the amount: "killed 19 soldiers" ->
//           "soldiers killed", "took 31 hostages" -> "hostages taken".
//      In a partitive ("half of the 3,000 residents have left") a finite verb belongs to the part, so
//      only a participle describing the whole is taken ("of the 52 sailors held captive").
//      A participle used as the noun stays alone: "2,950 wounded" -> "wounded". A headless count
//      ("three who ran", "two of them") has an empty unit. The first amount of a range shares the
//      second's noun or percent sign ("between 5,000 and 6,000 protesters", "5 to 7 percent").
//  - qualifier: the lower-cased hedge before the amount: at least, more than, over, almost, nearly,
//    about, around, roughly, some, up to, fewer than, less than, as many as, an estimated,
//    approximately (and a few more: at most, close to, just over, well over, upwards of, ...).
//    Vague plurals ("hundreds of", "thousands", "tens of thousands", "dozens") ARE figures: value is
//    the scale (hundreds -> 100, tens of thousands -> 10000) and, when the text gives no hedge, the
//    qualifier is "more than" (implied, so in this one case the qualifier is not in the span).
//  - attributedTo: the source, looked up in the figure's sentence in this order: "according to X"
//    (after the figure, else before it), "by X's tally/count/figures", then the subject of a speech
//    verb before the figure ("Ukraine says Russian strikes killed ..."), then a trailing ", X said" or
//    ", said X". "X's tally" gives "X". When `entities` are given and a PERSON/ORG/LOC entity ends
//    where the source phrase ends, its canonical name is used (a PERSON at the end of "council
//    spokesman Omar Haddad" wins); otherwise the capitalised/noun phrase itself. Pronoun subjects
//    give no attribution.
//
// Not figures: years (a bare four-digit 1000-2100 without a qualifier, "the 1990s"), dates
// ("Nov. 3", "November 3", "3 November"), times ("10:30", "3 p.m."), ordinals ("7th"), hyphenated
// compounds ("90-year record", "10-member"), chains ("555-0100", "24/7", "3-0"), runs of numbers
// (phone numbers), numbers inside or glued to words ("A320", "COVID-19", "5G"), labels ("Resolution
// 2712", "No. 1"), ages (", 42,"), ratios ("one in five", "1 in 4"), ranks ("the top 10"), durations
// (a count of seconds..centuries: "two months ago", "100 days", also "27 years in prison") and word
// numbers that count nothing.
class FigureExtractor final
{
public:
    // `entities` may be empty; they only improve attribution.
    static QList<Figure> extract(const QString &body, const QList<Entity> &entities);
};

} // namespace Lede
