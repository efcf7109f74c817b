// SPDX-License-Identifier: GPL-3.0-or-later
// The library search field's filters (speaker:, person:, org:, place:, tag:) and free words.
#include "SearchFilters.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestSearchFilters final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void TestSearchFilters::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("speakers");
    QTest::addColumn<QStringList>("people");
    QTest::addColumn<QStringList>("organisations");
    QTest::addColumn<QStringList>("places");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("formats");
    const QStringList none;

    QTest::newRow("words only") << u"harbour  wall"_s << QStringList { u"harbour"_s, u"wall"_s } << none
                                << none << none << none << none << none;
    QTest::newRow("quoted speaker") << u"speaker:\"Rosa Lind\" pier"_s << QStringList { u"pier"_s }
                                    << QStringList { u"Rosa Lind"_s } << none << none << none << none << none;
    QTest::newRow("every key, any case")
        << u"PERSON:Lind Org:\"Coastal Trust\" place:Northport tag:Claims/Jobs"_s << none << none
        << QStringList { u"Lind"_s } << QStringList { u"Coastal Trust"_s } << QStringList { u"Northport"_s }
        << QStringList { u"Claims/Jobs"_s } << none;
    QTest::newRow("unknown key stays a word")
        << u"http://x.org 10:30"_s << QStringList { u"http://x.org"_s, u"10:30"_s } << none << none << none
        << none << none << none;
    QTest::newRow("empty value ignored") << u"speaker: harbour"_s << QStringList { u"harbour"_s } << none
                                         << none << none << none << none << none;
    QTest::newRow("unclosed quote runs to the end")
        << u"speaker:\"Rosa Lind"_s << none << QStringList { u"Rosa Lind"_s } << none << none << none << none
        << none;
    QTest::newRow("two filters of one kind")
        << u"place:Gaza place:\"Tel Aviv\""_s << none << none << none << none
        << QStringList { u"Gaza"_s, u"Tel Aviv"_s } << none << none;
    QTest::newRow("format, any case") << u"Format:NEXIS harbour"_s << QStringList { u"harbour"_s } << none
                                      << none << none << none << none << QStringList { u"nexis"_s };
    QTest::newRow("quotes around a phrase are dropped")
        << u"\"sea wall\""_s << QStringList { u"sea"_s, u"wall"_s } << none << none << none << none << none
        << none;
}

void TestSearchFilters::parse()
{
    QFETCH(QString, input);
    const SearchFilters f = SearchFilters::parse(input);
    QTEST(f.words, "words");
    QTEST(f.speakers, "speakers");
    QTEST(f.people, "people");
    QTEST(f.organisations, "organisations");
    QTEST(f.places, "places");
    QTEST(f.tags, "tags");
    QTEST(f.formats, "formats");
}

QTEST_APPLESS_MAIN(TestSearchFilters)
#include "tst_searchfilters.moc"
