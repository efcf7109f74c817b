// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the benchmark programs: a deterministic generator of wire-style articles and a few
// measurement helpers. Not part of Lede itself.

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <sys/resource.h>
#include <time.h>

namespace LedeBench {

// Peak resident memory of this process so far, in MiB (VmHWM).
inline double peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Resident memory that is the process's own (heap, stacks), without file pages mapped from the
// library (SQLite's mmap), in MiB.
inline double anonRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

inline double currentRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// CPU seconds (user + system) used so far by this process, or by its waited-for children: on a
// shared 2-core machine wall time swings with the load, CPU time much less.
inline double cpuSeconds(bool children = false)
{
    rusage usage {};
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of the calling thread in nanoseconds (for timing one pass at a time).
inline qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A wire-style article of about `bytes` UTF-8 bytes: title, byline, dateline, paragraphs with
// quotes, names and figures. Seeded, so runs are comparable.
inline QString wireArticle(quint32 seed, int bytes = 4096)
{
    QRandomGenerator rng(seed);
    static const QStringList first { QStringLiteral("Maria"), QStringLiteral("Tomas"),
                                     QStringLiteral("Amina"), QStringLiteral("Kenji"),
                                     QStringLiteral("Laura"), QStringLiteral("Pedro"),
                                     QStringLiteral("Sofia"), QStringLiteral("Ivan") };
    static const QStringList last { QStringLiteral("Okafor"), QStringLiteral("Lindqvist"),
                                    QStringLiteral("Haddad"), QStringLiteral("Sato"),
                                    QStringLiteral("Moreau"), QStringLiteral("Alves"),
                                    QStringLiteral("Novak"),  QStringLiteral("Rossi") };
    static const QStringList places { QStringLiteral("PORTVALE"), QStringLiteral("NORTHGATE"),
                                      QStringLiteral("SEAHAVEN"), QStringLiteral("LAKEMOOR") };
    static const QStringList orgs { QStringLiteral("the Regional Water Authority"),
                                    QStringLiteral("the city council"),
                                    QStringLiteral("Northgate University"),
                                    QStringLiteral("the Fishermen's Association") };
    static const QStringList words {
        QStringLiteral("council"),   QStringLiteral("barrier"),   QStringLiteral("flood"),
        QStringLiteral("harbour"),   QStringLiteral("budget"),    QStringLiteral("vote"),
        QStringLiteral("residents"), QStringLiteral("storm"),     QStringLiteral("plan"),
        QStringLiteral("cost"),      QStringLiteral("engineers"), QStringLiteral("winter"),
        QStringLiteral("report"),    QStringLiteral("study"),     QStringLiteral("the"),
        QStringLiteral("and"),       QStringLiteral("of"),        QStringLiteral("to"),
        QStringLiteral("in"),        QStringLiteral("on"),        QStringLiteral("approved"),
        QStringLiteral("warned"),    QStringLiteral("delayed"),   QStringLiteral("estimated")
    };
    auto pick = [&rng](const QStringList &list) -> QString {
        return list.at(int(rng.bounded(quint32(list.size()))));
    };
    auto name = [&]() -> QString { return pick(first) + QLatin1Char(' ') + pick(last); };
    auto sentence = [&]() -> QString {
        QString s = pick(words);
        s[0] = s[0].toUpper();
        const int n = 10 + int(rng.bounded(12u));
        for (int i = 0; i < n; ++i)
            s += QLatin1Char(' ') + pick(words);
        return s + QLatin1Char('.');
    };
    const QString a = name();
    const QString b = name();
    QString text = QStringLiteral("Article %1 on the %2 %3\n\nBy %4 and %5\n\n")
                       .arg(seed)
                       .arg(pick(words), pick(words), a, b);
    text += pick(places) + QStringLiteral(" (Lede Wire) – ") + sentence() + QStringLiteral(" At least ")
        + QString::number(rng.bounded(100000u)) + QStringLiteral(" people were affected.\n\n");
    while (text.size() < bytes - 200) {
        switch (rng.bounded(3u)) {
        case 0:
            text += QStringLiteral("“") + sentence() + QStringLiteral(",” ") + name()
                + QStringLiteral(" said. “") + sentence() + QStringLiteral("”\n\n");
            break;
        case 1:
            text += sentence() + QStringLiteral(" The plan would cost about ")
                + QString::number(rng.bounded(900u) + 1) + QStringLiteral(" million crowns, according to ")
                + pick(orgs) + QStringLiteral(".\n\n");
            break;
        default:
            text += sentence() + QLatin1Char(' ') + sentence() + QStringLiteral("\n\n");
        }
    }
    text += QStringLiteral("(Reporting by %1; Editing by %2)\n").arg(a, name());
    return text;
}

} // namespace LedeBench
