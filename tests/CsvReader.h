// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A strict RFC 4180 reader for the tests that check Lede's CSV: fields quoted or not, "" inside
// quotes, every record ending in CRLF. Anything else (a bare CR or LF outside quotes, a stray
// quote, a last record without CRLF) makes *ok false, so a test reading Lede's output also checks
// its framing.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace LedeTest {

inline QList<QStringList> parseCsv(const QByteArray &bytes, bool *ok = nullptr)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    bool valid = true;
    for (qsizetype i = 0; i < text.size() && valid; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text[i + 1] != u'\n') {
                valid = false;
                break;
            }
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\n' || c == u'"') {
            valid = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        valid = false;
    if (ok)
        *ok = valid;
    return rows;
}

} // namespace LedeTest
