// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of EntityRecognizer::recognize() and the model load time.
// Usage: bench_ner [--mb N] [--show FILE...]
//   default: generates N MB (default 8) of wire-style text from a template written for Lede, tags it
//   article by article and reports MB/s (UTF-8 bytes of body text per second of one core).
//   --show FILE...: prints the entities of each file (for a manual check), one per line.

#include "analysis/EntityRecognizer.h"
#include "analysis/Tokenizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <ctime>
#include <random>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Paragraph templates in wire style, written for this benchmark; {P}{O}{L}{N} are filled in.
const QStringList kParagraphs = {
    u"{L} ({O}) – {P} said on Tuesday that the government would release {N} prisoners, as talks with {O} entered a third week in {L}."_s,
    u"“We are not going to accept this,” {P} told reporters in {L}, adding that {N} people had signed the petition by Oct. 12."_s,
    u"The {O} said in a statement that more than {N} households had lost power after the storm hit {L} and neighbouring {L} late on Sunday."_s,
    u"Foreign Minister {P} met her counterpart {P} for almost two hours, according to the {O}, which gave no details of the talks."_s,
    u"Prices rose 3.4% in March from a year earlier, the {O} said, the fastest pace since 2008, while wages in {L} grew by $2.1 billion."_s,
    u"{P}’s spokesman declined to comment. {P} is due to visit {L} next week, two months after a summit of {O} leaders in {L}."_s,
};
const QStringList kPeople
    = { u"Maria Okafor"_s,  u"Tomas Lindqvist"_s, u"Hiroshi Tanaka"_s, u"Aisha Rahman"_s,
        u"Pedro Alvarez"_s, u"Okafor"_s,          u"Lindqvist"_s,      u"Elena Petrova"_s };
const QStringList kOrgs = { u"European Commission"_s, u"World Bank"_s,    u"Reuters"_s,
                            u"Ministry of Health"_s,  u"National Grid"_s, u"United Nations"_s };
const QStringList kPlaces
    = { u"Brussels"_s, u"Nairobi"_s, u"Lisbon"_s, u"Ohio"_s, u"Jakarta"_s, u"Quebec"_s };

QString generateArticle(std::mt19937 &rng, int paragraphs)
{
    QString out;
    auto pick = [&](const QStringList &l) { return l[int(rng() % quint32(l.size()))]; };
    for (int p = 0; p < paragraphs; ++p) {
        QString para = pick(kParagraphs);
        for (;;) {
            const qsizetype at = para.indexOf(u'{');
            if (at < 0)
                break;
            const QChar k = para[at + 1];
            const QString v = k == u'P' ? pick(kPeople)
                : k == u'O'             ? pick(kOrgs)
                : k == u'L'             ? pick(kPlaces)
                                        : QString::number(rng() % 20000);
            para.replace(at, 3, v);
        }
        out += para + u"\n\n"_s;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"--show") {
        const EntityRecognizer &r = EntityRecognizer::shared();
        for (const QString &path : args.mid(1)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                QTextStream(stderr) << "cannot read " << path << '\n';
                continue;
            }
            Article a;
            a.body = QString::fromUtf8(f.readAll());
            out << "== " << path << '\n';
            for (const Entity &e : r.recognize(a))
                out << entityTypeName(e.type) << '\t' << e.span.start << '\t' << e.span.end << '\t' << e.text
                    << '\t' << e.canonical << '\n';
        }
        return 0;
    }
    double mb = 8;
    if (args.size() == 2 && args[0] == u"--mb")
        mb = args[1].toDouble();

    QElapsedTimer timer;
    timer.start();
    const EntityRecognizer &recognizer = EntityRecognizer::shared();
    const qint64 loadMs = timer.elapsed();
    out << "model load: " << loadMs << " ms (" << (recognizer.hasModel() ? "model" : "rules only") << ")\n";

    std::mt19937 rng(7);
    QList<Article> articles;
    qint64 bytes = 0;
    while (bytes < qint64(mb * 1024 * 1024)) {
        Article a;
        a.body = generateArticle(rng, 12);
        bytes += a.body.toUtf8().size();
        articles.append(a);
    }
    qint64 entities = 0;
    qint64 tokens = 0;
    // CPU time of this process: the machine may be shared, and wall time would then mislead.
    const std::clock_t c0 = std::clock();
    for (const Article &a : articles)
        entities += recognizer.recognize(a).size();
    const double secs = double(std::clock() - c0) / CLOCKS_PER_SEC;
    const std::clock_t c1 = std::clock();
    for (const Article &a : articles)
        tokens += Tokenizer::tokenize(a.body).size();
    const double tokSecs = double(std::clock() - c1) / CLOCKS_PER_SEC;
    out << "recognize: " << articles.size() << " articles, " << bytes / 1048576.0 << " MB, " << entities
        << " entities in " << secs << " s CPU = " << (bytes / 1048576.0) / secs << " MB/s\n";
    out << "tokenize alone: " << tokens << " tokens, " << (bytes / 1048576.0) / tokSecs << " MB/s\n";
    return 0;
}
