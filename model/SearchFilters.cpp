// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchFilters.h"

using namespace Qt::StringLiterals;

namespace Lede {

Span SearchFilters::firstHit(const QString &text) const
{
    const auto isWordChar = [&text](qsizetype i) {
        return i >= 0 && i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i).isMark());
    };
    for (QString word : words) {
        // The index ignores punctuation around a word ("crossings," or "fire*").
        while (!word.isEmpty() && !word.front().isLetterOrNumber())
            word.remove(0, 1);
        while (!word.isEmpty() && !word.back().isLetterOrNumber())
            word.chop(1);
        if (word.isEmpty())
            continue;
        qsizetype any = -1;
        for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(word, at + 1, Qt::CaseInsensitive)) {
            if (any < 0)
                any = at;
            if (!isWordChar(at - 1) || !isWordChar(at)) {
                any = at;
                break;
            }
        }
        if (any < 0)
            continue;
        qsizetype start = any;
        while (isWordChar(start - 1) && isWordChar(start))
            --start;
        qsizetype end = any + word.size();
        while (isWordChar(end - 1) && isWordChar(end))
            ++end;
        return Span { start, end };
    }
    return {};
}

SearchFilters SearchFilters::parse(const QString &input)
{
    SearchFilters out;
    const qsizetype n = input.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && input.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        // A token: up to the next space, except inside double quotes.
        const qsizetype start = i;
        qsizetype colon = -1;
        QString value;
        bool quoted = false;
        while (i < n && !input.at(i).isSpace()) {
            if (input.at(i) == u':' && colon < 0) {
                colon = i;
                if (i + 1 < n && input.at(i + 1) == u'"') {
                    const qsizetype close = input.indexOf(u'"', i + 2);
                    value = input.mid(i + 2, (close < 0 ? n : close) - i - 2);
                    i = close < 0 ? n : close + 1;
                    quoted = true;
                    break;
                }
            }
            ++i;
        }
        const QString token = input.mid(start, i - start);
        if (colon > start) {
            const QString key = input.mid(start, colon - start).toLower();
            if (!quoted)
                value = input.mid(colon + 1, i - colon - 1);
            value = value.simplified();
            QStringList *list = key == u"speaker"_s ? &out.speakers
                : key == u"person"_s                ? &out.people
                : key == u"org"_s                   ? &out.organisations
                : key == u"place"_s                 ? &out.places
                : key == u"tag"_s                   ? &out.tags
                : key == u"format"_s                ? &out.formats
                                                    : nullptr;
            if (list) {
                if (!value.isEmpty())
                    list->append(list == &out.formats ? value.toLower() : value);
                continue;
            }
        }
        QString word = token;
        word.remove(u'"');
        if (!word.isEmpty())
            out.words.append(word);
    }
    return out;
}

} // namespace Lede
