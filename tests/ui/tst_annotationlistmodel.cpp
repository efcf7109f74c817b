// SPDX-License-Identifier: GPL-3.0-or-later
// AnnotationListModel: the open article's highlights in text order, two lines per row, and sync()
// touching only the rows that changed. Runs under QAbstractItemModelTester.
#include "AnnotationListModel.h"
#include "analysis/Analyzer.h"
#include "session/ArticleSession.h"
#include "store/ArticleRepository.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

const QString Body
    = u"The lighthouse keeper retired on Sunday. \"It was time,\" she said. Her son takes over the lamp."_s;

Span spanOf(const QString &words)
{
    const qsizetype at = Body.indexOf(words);
    Q_ASSERT(at >= 0);
    return Span { at, at + words.size() };
}

} // namespace

class TestAnnotationListModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void rowsFollowTextOrder();
    void labelsShowPassageTagsAndNote();
    void syncChangesOnlyWhatChanged();
    void anotherArticleResets();

private:
    qint64 addArticle(const QString &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ArticleStore> m_store;
    std::unique_ptr<ArticleSession> m_session;
    qint64 m_articleId = 0;
};

qint64 TestAnnotationListModel::addArticle(const QString &body)
{
    Article a;
    a.title = u"Keeper retires"_s;
    a.body = body;
    a.contentHash = u"hash-"_s + body;
    auto id = ArticleRepository(*m_store).addArticle(a, {}, Analyzer::Version);
    return id ? id.value() : 0;
}

void TestAnnotationListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ArticleStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"library.sqlite"_s)).ok());
    m_articleId = addArticle(Body);
    QVERIFY(m_articleId);
    m_session = std::make_unique<ArticleSession>(m_store.get());
    QVERIFY(m_session->open(m_articleId).ok());
}

void TestAnnotationListModel::cleanup()
{
    m_session.reset();
    m_store.reset();
    m_dir.reset();
}

void TestAnnotationListModel::rowsFollowTextOrder()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const qint64 last = m_session->addHighlight(spanOf(u"the lamp"_s)).value();
    const qint64 first = m_session->addHighlight(spanOf(u"lighthouse keeper"_s)).value();
    model.setSession(m_session.get());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.annotationIdAt(0), first);
    QCOMPARE(model.annotationIdAt(1), last);
    QCOMPARE(model.annotationIdAt(2), 0);
    QCOMPARE(model.rowOfAnnotation(last), 1);
    QCOMPARE(model.rowOfAnnotation(12345), -1);
    QCOMPARE(model.annotationAt(model.index(1))->span, spanOf(u"the lamp"_s));
    QCOMPARE(model.data(model.index(0), AnnotationListModel::AnnotationIdRole).toLongLong(), first);
}

void TestAnnotationListModel::labelsShowPassageTagsAndNote()
{
    const qint64 plain = m_session->addHighlight(spanOf(u"retired on Sunday"_s)).value();
    const qint64 quoted = m_session
                              ->addHighlight(spanOf(u"\"It was time,\""_s), { u"Voices"_s, u"Family/Son"_s },
                                             u"#7cc4fa"_s, u"Ask   about\nthe date"_s)
                              .value();
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    const QModelIndex p = model.index(model.rowOfAnnotation(plain));
    const QModelIndex q = model.index(model.rowOfAnnotation(quoted));
    QCOMPARE(p.data().toString(), u"“retired on Sunday”\nNo tags or note"_s);
    // A passage that starts with a quote mark is not wrapped in another; tags come sorted (as the
    // library stores them) and the note is on one line.
    QCOMPARE(q.data().toString(), u"\"It was time,\"\nTags: Family/Son, Voices  ·  ✎ Ask about the date"_s);
    QCOMPARE(q.data(Qt::AccessibleTextRole).toString(),
             u"\"It was time,\"; Tags: Family/Son, Voices  ·  ✎ Ask about the date"_s);
    QCOMPARE(q.data(Qt::ToolTipRole).toString(), u"Ask   about\nthe date"_s);
    QVERIFY(!p.data(Qt::ToolTipRole).isValid());
    const QIcon swatch = q.data(Qt::DecorationRole).value<QIcon>();
    QCOMPARE(swatch.pixmap(12, 12).toImage().pixelColor(6, 6), QColor(u"#7cc4fa"_s));
    QVERIFY(p.data(Qt::SizeHintRole).toSize().height() > 0);
}

void TestAnnotationListModel::syncChangesOnlyWhatChanged()
{
    const qint64 a = m_session->addHighlight(spanOf(u"lighthouse"_s)).value();
    const qint64 c = m_session->addHighlight(spanOf(u"son"_s)).value();
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A highlight between the two: one row inserted at 1.
    const qint64 b = m_session->addHighlight(spanOf(u"Sunday"_s)).value();
    model.sync();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(model.annotationIdAt(1), b);

    // A note on the last: that row changes, nothing else.
    QVERIFY(m_session->setNote(c, u"check"_s).ok());
    model.sync();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);

    // Removing the first: one row removed at 0.
    QVERIFY(m_session->remove(a).ok());
    model.sync();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 2);

    // Nothing changed: nothing emitted.
    model.sync();
    QCOMPARE(inserted.count() + removed.count() + changed.count(), 3);
    QCOMPARE(reset.count(), 0);
}

void TestAnnotationListModel::anotherArticleResets()
{
    m_session->addHighlight(spanOf(u"lighthouse"_s)).value();
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_session.get());
    const qint64 other = addArticle(u"A different story about a ferry."_s);
    QVERIFY(m_session->open(other).ok());
    QVERIFY(m_session->addHighlight(Span { 2, 11 }).ok());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sync();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.annotationAt(model.index(0))->articleId, other);
}

QTEST_MAIN(TestAnnotationListModel)
#include "tst_annotationlistmodel.moc"
