// SPDX-License-Identifier: GPL-3.0-or-later
// Real news text for the benchmarks, built at run time from the sentences of the GUM corpus
// (../shared/real-news/, see its README). The text is third-party: it is read from that folder when
// a benchmark runs and is never copied into the repository.
//
// The folder is taken from $LEDE_REAL_NEWS, else from the path compiled in (LEDE_REAL_NEWS_DIR, the
// shared folder beside the checkout). Documents of the news and interview genres are rebuilt as the
// corpus README says: sentences of a paragraph joined by a space, paragraphs by a blank line, the
// heading first. Articles of a given size take a document's heading as their title and then
// paragraphs, in corpus order, going round the whole corpus as often as needed.
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
    const QStringList files = dep.entryList({QStringLiteral("GUM_news_*.conllu"), QStringLiteral("GUM_interview_*.conllu")},
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
// Deterministic: the same corpus gives the same articles.
inline QList<QByteArray> realArticles(const QList<RealDoc> &docs, qsizetype bytes, int count)
{
    QList<QByteArray> out;
    if (docs.isEmpty())
        return out;
    qsizetype doc = 0, para = 0;
    for (int i = 0; i < count; ++i) {
        QByteArray text = docs[doc].title.toUtf8();
        text += "\n\n";
        const qsizetype headerSize = text.size();
        while (text.size() < bytes) {
            if (text.size() > headerSize)
                text += "\n\n";
            text += docs[doc].paragraphs[para].toUtf8();
            if (++para == docs[doc].paragraphs.size()) {
                para = 0;
                doc = (doc + 1) % docs.size();
            }
        }
        text += '\n';
        out.append(text);
        // The next article starts with the next document, so titles vary.
        if (para != 0) {
            para = 0;
            doc = (doc + 1) % docs.size();
        }
    }
    return out;
}

} // namespace LedeBench
