// SPDX-License-Identifier: GPL-3.0-or-later
// LibraryModel: pages of rows fetched on demand, search and tag filter pushed down to the store,
// sorting by column, and the annotation count kept current. QAbstractItemModelTester watches every
// model whose rows fit in one page: on a reset the tester itself calls fetchMore() before it has
// noted the end of the reset, and then reports the rows that fetchMore() inserts as inserted
// during the reset (a limitation of the tester with fetch-on-demand models, not of the model).
#include "LibraryModel.h"
#include "analysis/Analyzer.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

class TestLibraryModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsComeInPages();
    void searchAndTagFilter();
    void sortByColumn_data();
    void sortByColumn();
    void columnsShowTheSummary();
    void annotationCountUpdatesOneCell();
    void closedStoreGivesAnEmptyList();

private:
    qint64 addArticle(const QString &title, const QString &source, QDate published, const QString &body);

    QTemporaryDir m_dir;
    ArticleStore m_store;
    qint64 m_harbour = 0;
    qint64 m_market = 0;
    qint64 m_untitled = 0;
};

qint64 TestLibraryModel::addArticle(const QString &title, const QString &source, QDate published,
                                    const QString &body)
{
    Article a;
    a.title = title;
    a.source = source;
    a.published = published;
    a.body = body;
    a.contentHash = u"hash-"_s + title + body;
    auto id = ArticleRepository(m_store).addArticle(a, {}, Analyzer::Version);
    return id ? id.value() : 0;
}

void TestLibraryModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_store.open(m_dir.filePath(u"library.sqlite"_s)).ok());
    QVERIFY(m_store.beginBulk().ok());
    // More than one page of filler, and three articles to find.
    for (int i = 0; i < LibraryModel::PageSize + 20; ++i)
        QVERIFY(addArticle(u"Filler %1"_s.arg(i, 3, 10, QChar(u'0')), u"Daily Filler"_s, QDate(2023, 1, 1),
                           u"Nothing happened on day %1."_s.arg(i)));
    m_harbour = addArticle(u"Harbour crane fails"_s, u"Bay Post"_s, QDate(2024, 3, 9),
                           u"A crane at the harbour failed."_s);
    m_market = addArticle(u"Market hall reopens"_s, u"Zeta Wire"_s, QDate(2022, 5, 1),
                          u"The market hall reopened."_s);
    m_untitled = addArticle(QString(), u"Anon"_s, QDate(), u"A note without a title about the harbour."_s);
    QVERIFY(m_store.commitBulk().ok());
    QVERIFY(m_harbour && m_market && m_untitled);
    Annotation a;
    a.articleId = m_harbour;
    a.span = Span { 2, 7 };
    a.tags = { u"Industry/Cranes"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(a).ok());
}

void TestLibraryModel::rowsComeInPages()
{
    LibraryModel model(&m_store);
    model.refresh();
    QCOMPARE(model.rowCount(), LibraryModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), LibraryModel::PageSize + 23);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.loadedCount(), model.rowCount());
    QVERIFY(model.rowOfArticle(m_market) >= 0);
    QCOMPARE(model.articleAt(model.index(model.rowOfArticle(m_market), 0))->id, m_market);
    QCOMPARE(model.rowOfArticle(999999), -1);
}

void TestLibraryModel::searchAndTagFilter()
{
    LibraryModel model(&m_store);
    model.refresh();
    model.setSearch(u"harbour"_s);
    QCOMPARE(model.search(), u"harbour"_s);
    QCOMPARE(model.rowCount(), 2); // title or text
    QVERIFY(model.rowOfArticle(m_harbour) >= 0);
    QVERIFY(model.rowOfArticle(m_untitled) >= 0);
    QVERIFY(!model.canFetchMore({}));
    model.setSearch(QString());
    const qint64 cranes = TagRepository(m_store).ensureTag(u"Industry/Cranes"_s).value();
    model.setTagFilter(cranes);
    QCOMPARE(model.tagFilter(), cranes);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, LibraryModel::TitleColumn)).toString(), u"Harbour crane fails"_s);
    // A parent tag shows the articles of its children too.
    model.setTagFilter(TagRepository(m_store).ensureTag(u"Industry"_s).value());
    QCOMPARE(model.rowCount(), 1);
    model.setTagFilter(0);
    QCOMPARE(model.rowCount(), LibraryModel::PageSize);
}

void TestLibraryModel::sortByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("firstTitle"); // among the three named articles
    QTest::newRow("title-ascending") << int(LibraryModel::TitleColumn) << Qt::AscendingOrder << u""_s;
    QTest::newRow("title-descending")
        << int(LibraryModel::TitleColumn) << Qt::DescendingOrder << u"Market hall reopens"_s;
    QTest::newRow("source-descending")
        << int(LibraryModel::SourceColumn) << Qt::DescendingOrder << u"Market hall reopens"_s;
    QTest::newRow("date-descending") << int(LibraryModel::PublishedColumn) << Qt::DescendingOrder
                                     << u"Harbour crane fails"_s;
    QTest::newRow("notes-descending")
        << int(LibraryModel::AnnotationsColumn) << Qt::DescendingOrder << u"Harbour crane fails"_s;
}

void TestLibraryModel::sortByColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, firstTitle);
    LibraryModel model(&m_store);
    model.refresh();
    model.sort(column, order);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList named;
    for (int r = 0; r < model.rowCount(); ++r) {
        const ArticleSummary *a = model.articleAt(model.index(r, 0));
        if (a->id == m_harbour || a->id == m_market || a->id == m_untitled)
            named << a->title;
    }
    QCOMPARE(named.size(), 3);
    QCOMPARE(named.first(), firstTitle);
}

void TestLibraryModel::columnsShowTheSummary()
{
    LibraryModel model(&m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearch(u"harbour"_s);
    const int harbour = model.rowOfArticle(m_harbour);
    const int untitled = model.rowOfArticle(m_untitled);
    QCOMPARE(model.columnCount(), int(LibraryModel::ColumnCount));
    QCOMPARE(model.data(model.index(harbour, LibraryModel::SourceColumn)).toString(), u"Bay Post"_s);
    QCOMPARE(model.data(model.index(harbour, LibraryModel::PublishedColumn)).toString(), u"2024-03-09"_s);
    QCOMPARE(model.data(model.index(harbour, LibraryModel::AnnotationsColumn)).toInt(), 1);
    QCOMPARE(model.data(model.index(harbour, 0), LibraryModel::ArticleIdRole).toLongLong(), m_harbour);
    QCOMPARE(model.data(model.index(untitled, LibraryModel::TitleColumn)).toString(), u"(untitled)"_s);
    // Without a publication date the Date column falls back to the import date, in italics.
    const QModelIndex noDate = model.index(untitled, LibraryModel::PublishedColumn);
    const ArticleSummary *untitledSummary = model.articleAt(noDate);
    QVERIFY(untitledSummary->importedAt.isValid());
    QCOMPARE(noDate.data().toString(),
             untitledSummary->importedAt.toLocalTime().date().toString(Qt::ISODate));
    QVERIFY(noDate.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(noDate.data(Qt::ForegroundRole).isValid());
    QVERIFY(noDate.data(Qt::ToolTipRole).toString().startsWith(u"No publication date. Imported "_s));
    const QModelIndex dated = model.index(harbour, LibraryModel::PublishedColumn);
    QVERIFY(!dated.data(Qt::FontRole).isValid());
    // The title's tooltip tells articles with the same title apart: source and import time.
    const QString tip = model.index(harbour, LibraryModel::TitleColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"\nBay Post\nImported "_s), qPrintable(tip));
    QCOMPARE(model.headerData(LibraryModel::AnnotationsColumn, Qt::Horizontal).toString(), u"Notes"_s);
    QCOMPARE(model.headerData(LibraryModel::TitleColumn, Qt::Horizontal).toString(), u"Title"_s);
}

void TestLibraryModel::annotationCountUpdatesOneCell()
{
    LibraryModel model(&m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearch(u"market"_s);
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateAnnotationCount(0, 7);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, LibraryModel::AnnotationsColumn));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(0, LibraryModel::AnnotationsColumn));
    QCOMPARE(model.data(model.index(0, LibraryModel::AnnotationsColumn)).toInt(), 7);
    model.updateAnnotationCount(5, 1); // no such row: nothing happens
    QCOMPARE(changed.count(), 1);
}

void TestLibraryModel::closedStoreGivesAnEmptyList()
{
    ArticleStore closed;
    LibraryModel model(&closed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
