// SPDX-License-Identifier: GPL-3.0-or-later
// The entity model file is used in place (mapped): a written model loads without copying, answers
// the weights and phrases it was written with, and a damaged file is refused.
#include "analysis/Gazetteer.h"
#include "analysis/Perceptron.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede::Ner;

class TestPerceptron final : public QObject
{
    Q_OBJECT

private:
    static QByteArray sampleModel()
    {
        std::vector<PerceptronModel::Row> rows;
        for (quint32 key : { 7u, 1031u, 2055u, 0xfffffff0u }) { // 7, 1031 and 2055 share a slot of 1024
            PerceptronModel::Row r;
            r.key = key;
            for (int l = 0; l < LabelCount; ++l)
                r.weights[size_t(l)] = qint16(int(key % 100) * (l + 1) - 50);
            rows.push_back(r);
        }
        Gazetteer gaz;
        gaz.add(u"Port Velsa"_s, 1u << GazLoc);
        gaz.add(u"Arcwell"_s, 1u << GazOrg);
        gaz.add(u"Nordby River Works Company"_s, 1u << GazOrg);
        return PerceptronModel::serialize(rows, 0.5f, gaz);
    }

private slots:
    void roundTripUsesTheBytesInPlace()
    {
        const QByteArray file = sampleModel();
        PerceptronModel model;
        QString error;
        QVERIFY2(model.load(QByteArray::fromRawData(file.constData(), file.size()), &error),
                 qPrintable(error));
        QCOMPARE(model.featureCount(), 4);
        FeatureKeys keys {};
        keys[0] = 2055;
        keys[1] = 99; // not in the model
        keys[2] = 7;
        Scores scores {};
        model.addScores(keys, 3, scores);
        for (int l = 0; l < LabelCount; ++l)
            QCOMPARE(scores[size_t(l)], qint32((55 * (l + 1) - 50) + (7 * (l + 1) - 50)));
        const QString place = u"port VELSA"_s;
        QCOMPARE(int(model.gazetteer().lookup(QStringView(place).split(u' '))), int(1u << GazLoc));
        const QString company = u"Arcwell"_s;
        QCOMPARE(int(model.gazetteer().lookup({ QStringView(company) })), int(1u << GazOrg));
        const QString other = u"Delling"_s;
        QCOMPARE(int(model.gazetteer().lookup({ QStringView(other) })), 0);
    }

    // The mapped table also lists the starts of longer phrases (so matching stops early); they are
    // no phrases themselves, and every token is marked as with the list it was written from.
    void mappedPhrasesMarkLikeTheList()
    {
        const QByteArray file = sampleModel();
        PerceptronModel model;
        QString error;
        QVERIFY2(model.load(file, &error), qPrintable(error));
        const QString prefix = u"Nordby River"_s;
        QCOMPARE(int(model.gazetteer().lookup(QStringView(prefix).split(u' '))), 0);
        const QString text = u"The Nordby River Works Company and Port Velsa , Nordby Arcwell"_s;
        const QList<QStringView> words = QStringView(text).split(u' ');
        std::vector<TokenInfo> mapped;
        model.extractor().prepare(words, mapped);
        Gazetteer listed;
        listed.add(u"Port Velsa"_s, 1u << GazLoc);
        listed.add(u"Arcwell"_s, 1u << GazOrg);
        listed.add(u"Nordby River Works Company"_s, 1u << GazOrg);
        std::vector<TokenInfo> fromList;
        FeatureExtractor(&listed).prepare(words, fromList);
        const quint32 org = 1u << GazOrg;
        const quint32 loc = 1u << GazLoc;
        const std::vector<quint32> expected { 0,   org,       org << 16, org << 16, org << 16, 0,
                                              loc, loc << 16, 0,         0,         org };
        QCOMPARE(mapped.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(mapped[i].gaz, expected[i]);
            QCOMPARE(fromList[i].gaz, expected[i]);
        }
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("file");
        const QByteArray good = sampleModel();
        QTest::newRow("truncated") << good.left(good.size() - 1);
        QTest::newRow("header-only") << good.left(40);
        QTest::newRow("first-format") << QByteArray("LEDENER1").append(good.mid(8));
        QTest::newRow("second-format")
            << QByteArray("LEDENER2").append(good.mid(8)); // keys apart from weights
        QTest::newRow("third-format")
            << QByteArray("LEDENER3").append(good.mid(8)); // no phrase starts in the gazetteer
        QByteArray capacity = good;
        capacity[16] = 3; // row capacity no longer a power of two
        QTest::newRow("bad-capacity") << capacity;
    }
    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, file);
        PerceptronModel model;
        QString error;
        QVERIFY(!model.load(file, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(model.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPerceptron)
#include "tst_perceptron.moc"
