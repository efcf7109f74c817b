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

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("file");
        const QByteArray good = sampleModel();
        QTest::newRow("truncated") << good.left(good.size() - 1);
        QTest::newRow("header-only") << good.left(40);
        QTest::newRow("first-format") << QByteArray("LEDENER1").append(good.mid(8));
        QTest::newRow("second-format")
            << QByteArray("LEDENER2").append(good.mid(8)); // keys apart from weights
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
