// SPDX-License-Identifier: GPL-3.0-or-later
// JsonArticleStream writes the analyze document one article at a time; its bytes must equal what
// QJsonDocument writes for the same articles (the `lede analyze --json` contract).
#include "analysis/Analyzer.h"
#include "io/JsonExporter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestJsonArticleStream final : public QObject
{
    Q_OBJECT

private:
    static QByteArray viaDocument(const QList<std::pair<Article, AnalysisResult>> &articles)
    {
        QJsonArray array;
        for (const auto &[a, r] : articles)
            array.append(JsonExporter::articleObject(a, r));
        return QJsonDocument(QJsonObject { { u"articles"_s, array } }).toJson(QJsonDocument::Indented);
    }
    static QByteArray viaStream(const QList<std::pair<Article, AnalysisResult>> &articles)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        JsonArticleStream stream(&buffer);
        for (const auto &[a, r] : articles)
            stream.write(a, r);
        const Status s = stream.finish();
        return s ? buffer.data() : QByteArray("failed");
    }
    static Article article(const QString &body)
    {
        Article a;
        a.path = u"/tmp/story \"one\".txt"_s;
        a.title = u"Harbour talks\tresume"_s;
        a.body = body;
        return a;
    }

private slots:
    void noArticles() { QCOMPARE(viaStream({}), viaDocument({})); }

    void sameBytesAsQJsonDocument_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("plain-quote-and-figure")
            << u"“We will reopen the harbour,” Mayor Ann Kerr said on Monday. At least 120 people were "
               "evacuated, the Delling council said."_s;
        QTest::newRow("control-characters-and-escapes")
            << u"A \"quoted\" back\\slash, a bell \u0007, form\ffeed, a carriage\rreturn, DEL \u007f, "
               "line\u2028separator. Mr. Orrin Velsa said 3.5 million was spent."_s;
        QTest::newRow("outside-the-bmp-and-combining-marks")
            << u"Café crème 😀 said Zoë Brant on Tuesday. 𝔄 rocket 🚀 cost 2.75 billion dollars."_s;
        QTest::newRow("lone-surrogates") << u"Lone "_s + QChar(0xD800) + u" high and "_s + QChar(0xDC00)
                + u" low halves, said Ann Kerr."_s;
        // Runs of plain characters are written several at a time: a character that needs care at
        // every offset of such a run.
        QString offsets;
        for (const QString &special : { u"\""_s, u"\\"_s, u"\u0001"_s, u"\u001f"_s, u"\u007f"_s, u"\u00e9"_s,
                                        u"\u2028"_s, u"\U0001F600"_s }) {
            for (int at = 0; at <= 17; ++at)
                offsets += u"harbour board vote"_s.insert(at, special) + u' ';
        }
        QTest::newRow("specials-at-every-offset") << offsets;
        QTest::newRow("empty-body") << QString();
        // An article whose JSON passes 64 KiB is written straight to the device after the
        // separator, not through the stream's buffer.
        QString large;
        while (large.size() < 70000)
            large += u"“We will reopen the harbour,” Mayor Ann Kerr said. At least 120 people left. "_s;
        QTest::newRow("large-article") << large;
    }
    void sameBytesAsQJsonDocument()
    {
        QFETCH(QString, body);
        Article a = article(body);
        a.published = QDate(2026, 3, 14);
        const AnalysisResult r = Analyzer::analyze(a);
        Article b = article(body + u"\n\nThe second story ends here."_s);
        b.byline = u"By Orrin Velsa"_s;
        // A story of an export: its metadata (with text that needs escaping), format, index and url.
        b.path = u"/tmp/export.rtf#2"_s;
        b.url = u"https://example.org/a?b=\"c\""_s;
        b.provenance.insert(u"format"_s, u"factiva"_s);
        b.provenance.insert(u"index"_s, u"2"_s);
        b.metadata.insert(u"subject"_s, body.left(40));
        b.metadata.insert(u"document_id"_s, u"PTVCOU0020231201ejc1000a1"_s);
        b.metadata.insert(u"caf\u00e9 \"key\""_s, u"line\nbreak"_s);
        const QList<std::pair<Article, AnalysisResult>> two { { a, r }, { b, Analyzer::analyze(b) } };
        QCOMPARE(viaStream(two), viaDocument(two));
        QCOMPARE(viaStream({ { a, r } }), viaDocument({ { a, r } }));
        const QJsonObject second
            = QJsonDocument::fromJson(viaStream(two)).object()[u"articles"_s].toArray()[1].toObject();
        QCOMPARE(second[u"path"_s].toString(), u"/tmp/export.rtf"_s);
        QCOMPARE(second[u"index"_s].toInt(), 2);
        QCOMPARE(second[u"format"_s].toString(), u"factiva"_s);
        QCOMPARE(second[u"metadata"_s].toObject().size(), 3);
        const QJsonObject first
            = QJsonDocument::fromJson(viaStream(two)).object()[u"articles"_s].toArray()[0].toObject();
        QVERIFY(first[u"index"_s].isNull());
        QVERIFY(first[u"format"_s].isNull());
        QVERIFY(first[u"url"_s].isNull());
        QCOMPARE(first[u"metadata"_s].toObject(), QJsonObject());
    }

    void numbersAsQJsonDocumentWritesThem()
    {
        Article a = article(u"Forty ships."_s);
        AnalysisResult r;
        for (double v : { 0.0, -0.0, 0.5, 1e10, 1e21, 1.25e-7, 3.1e9, 123456789012345678.0, -42.0,
                          9007199254740993.0 }) {
            Figure f;
            f.span = { 0, 5 };
            f.text = u"Forty"_s;
            f.value = v;
            f.unit = u"ships"_s;
            r.figures.append(f);
        }
        QCOMPARE(viaStream({ { a, r } }), viaDocument({ { a, r } }));
    }

    void writesEachArticleAtOnce()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        JsonArticleStream stream(&buffer);
        const Article a = article(u"“Yes,” Mr. Orrin Velsa said."_s);
        stream.write(a, Analyzer::analyze(a));
        const qsizetype afterOne = buffer.data().size();
        QVERIFY(buffer.data().contains("\"Yes,\\u201d") || buffer.data().contains("Orrin Velsa"));
        QVERIFY(afterOne > 0);
        stream.write(a, Analyzer::analyze(a));
        QVERIFY(buffer.data().size() > afterOne);
        QVERIFY(stream.finish());
        QVERIFY(buffer.data().endsWith("    ]\n}\n"));
    }

    void reportsAWriteError()
    {
        QBuffer buffer; // not open: every write fails
        JsonArticleStream stream(&buffer);
        const Article a = article(u"A short story."_s);
        stream.write(a, Analyzer::analyze(a));
        QVERIFY(!stream.finish());
    }
};

QTEST_GUILESS_MAIN(TestJsonArticleStream)
#include "tst_jsonarticlestream.moc"
