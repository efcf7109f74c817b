// SPDX-License-Identifier: GPL-3.0-or-later
// Real news text for the benchmarks, built at run time from the sentences of the GUM corpus
// (../shared/real-news/, see its README). The text is third-party: it is read from that folder when
// a benchmark runs and is never copied into the repository.
//
// The folder is taken from $LEDE_REAL_NEWS, else from the path compiled in (LEDE_REAL_NEWS_DIR, the
// shared folder beside the checkout). Documents of the news and interview genres are rebuilt as the
// corpus README says: sentences of a paragraph joined by a space, paragraphs by a blank line, the
// heading first; articles of a given size are then cut from their paragraphs (realArticles).
#pragma once

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdlib>

namespace LedeBench {

struct RealDoc
{
    QString title;
    QStringList paragraphs;
};

inline QString realNewsDir()
{
    if (const char *env = std::getenv("LEDE_REAL_NEWS"); env && *env)
        return QString::fromLocal8Bit(env);
#ifdef LEDE_REAL_NEWS_DIR
    return QStringLiteral(LEDE_REAL_NEWS_DIR);
#else
    return QString();
#endif
}

// The news and interview documents, in file-name order. Empty when the folder is missing.
inline QList<RealDoc> loadRealNews(const QString &dir = realNewsDir())
{
    QList<RealDoc> docs;
    QDir dep(dir + QStringLiteral("/gum/dep"));
    const QStringList files
        = dep.entryList({ QStringLiteral("GUM_news_*.conllu"), QStringLiteral("GUM_interview_*.conllu") },
                        QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile f(dep.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        RealDoc doc;
        QString paragraph;
        bool head = false;
        auto flush = [&] {
            if (paragraph.isEmpty())
                return;
            if (head && doc.title.isEmpty())
                doc.title = paragraph;
            else
                doc.paragraphs.append(paragraph);
            paragraph.clear();
        };
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line == "# newpar" || line.startsWith("# newpar ")) {
                flush();
                head = false;
            } else if (line.startsWith("# newpar_block = ")) {
                head = line.mid(17).startsWith("head");
            } else if (line.startsWith("# text = ")) {
                if (!paragraph.isEmpty())
                    paragraph += QLatin1Char(' ');
                paragraph += QString::fromUtf8(line.mid(9));
            }
        }
        flush();
        if (!doc.paragraphs.isEmpty())
            docs.append(doc);
    }
    return docs;
}

// `count` plain-text articles of at least `bytes` UTF-8 bytes each ("Title\n\nParagraph\n\n...").
// All paragraphs of the corpus form one list; article i starts at paragraph i mod P and takes every
// (1 + i / P)-th paragraph from there, going round the list as needed, so the first P articles
// read the corpus in its order and later ones combine its paragraphs differently: every article is
// distinct (an import stores each one). The title is that of the first paragraph's document.
// Deterministic: the same corpus gives the same articles.
inline QList<QByteArray> realArticles(const QList<RealDoc> &docs, qsizetype bytes, int count)
{
    QList<QByteArray> out;
    QList<QByteArray> paragraphs;
    QList<qsizetype> docOf;
    for (qsizetype d = 0; d < docs.size(); ++d) {
        for (const QString &p : docs[d].paragraphs) {
            paragraphs.append(p.toUtf8());
            docOf.append(d);
        }
    }
    const qsizetype n = paragraphs.size();
    if (n == 0)
        return out;
    for (int i = 0; i < count; ++i) {
        qsizetype p = i % n;
        const qsizetype step = 1 + i / n;
        QByteArray text = docs[docOf[p]].title.toUtf8();
        text += "\n\n";
        const qsizetype headerSize = text.size();
        while (text.size() < bytes) {
            if (text.size() > headerSize)
                text += "\n\n";
            text += paragraphs[p];
            p = (p + step) % n;
        }
        text += '\n';
        out.append(text);
    }
    return out;
}

} // namespace LedeBench
