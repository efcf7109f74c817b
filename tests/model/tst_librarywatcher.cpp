// SPDX-License-Identifier: GPL-3.0-or-later
// Changes by other programs are noticed (LibraryWatcher, ArticleStore::dataVersion) and the open
// article reloads them without losing its own undo history (ArticleSession::reloadFromLibrary).
#include "session/ArticleSession.h"
#include "session/LibraryWatcher.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

const QString Body
    = u"EASTFIELD (Test Wire) – The school board voted on Monday to keep the library open late.\n"
      u"“Reading rooms matter,” said Nina Osei, who chairs the board.\n"_s;

Article makeArticle()
{
    Article a;
    a.title = u"Library stays open late"_s;
    a.source = u"Test Wire"_s;
    a.body = Body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(Body.toUtf8(), QCryptographicHash::Sha256).toHex());
    a.analyzerVersion = 1000; // newer than any analyzer: opening never re-analyses (no extra write)
    return a;
}

Annotation highlight(qint64 articleId, qsizetype start, qsizetype end, const QString &note = {})
{
    Annotation a;
    a.articleId = articleId;
    a.span = { start, end };
    a.note = note;
    return a;
}

QStringList notes(const ArticleSession &session)
{
    QStringList out;
    for (const Annotation &a : session.annotations())
        out << a.note;
    return out;
}

} // namespace

class TestLibraryWatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dataVersionMovesOnlyForOtherWriters();
    void watcherSignalsOtherWritersOnly();
    void watcherPollsOnItsTimer();
    void reloadKeepsUndoHistory();
    void reloadOfRemovedArticleChangesNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<ArticleStore> m_window; // the window's connection
    std::unique_ptr<ArticleStore> m_other; // another program's
    qint64 m_articleId = 0;
};

void TestLibraryWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"library.sqlite"_s);
    m_window = std::make_unique<ArticleStore>();
    m_other = std::make_unique<ArticleStore>();
    QVERIFY(m_window->open(m_path));
    QVERIFY(m_other->open(m_path));
    auto id = ArticleRepository(*m_other).addArticle(makeArticle(), {}, 1000);
    QVERIFY2(id, qPrintable(id.errorString()));
    m_articleId = *id;
}

void TestLibraryWatcher::cleanup()
{
    m_window.reset();
    m_other.reset();
    m_dir.reset();
}

void TestLibraryWatcher::dataVersionMovesOnlyForOtherWriters()
{
    const auto before = m_window->dataVersion();
    QVERIFY2(before, qPrintable(before.errorString()));
    QVERIFY(AnnotationRepository(*m_window).addAnnotation(highlight(m_articleId, 0, 9)));
    QCOMPARE(m_window->dataVersion().value(), *before); // its own write
    QVERIFY(AnnotationRepository(*m_other).addAnnotation(highlight(m_articleId, 10, 20)));
    const auto after = m_window->dataVersion();
    QVERIFY(after);
    QVERIFY(*after != *before);
    QCOMPARE(m_window->dataVersion().value(), *after); // nothing new since
    QVERIFY(m_window->isIdle());
}

void TestLibraryWatcher::watcherSignalsOtherWritersOnly()
{
    LibraryWatcher watcher(m_window.get());
    watcher.stop();
    QSignalSpy spy(&watcher, &LibraryWatcher::changedExternally);
    QVERIFY(!watcher.checkNow()); // the article added in init() is the starting point
    QVERIFY(AnnotationRepository(*m_window).addAnnotation(highlight(m_articleId, 0, 9)));
    QVERIFY(!watcher.checkNow());
    QCOMPARE(spy.count(), 0);
    QVERIFY(ArticleRepository(*m_other).removeArticle(m_articleId));
    QVERIFY(watcher.checkNow());
    QCOMPARE(spy.count(), 1);
    QVERIFY(!watcher.checkNow());
    QCOMPARE(spy.count(), 1);
}

void TestLibraryWatcher::watcherPollsOnItsTimer()
{
    LibraryWatcher watcher(m_window.get());
    watcher.setInterval(20);
    QSignalSpy spy(&watcher, &LibraryWatcher::changedExternally);
    QVERIFY(AnnotationRepository(*m_other).addAnnotation(highlight(m_articleId, 0, 9)));
    QTRY_COMPARE(spy.count(), 1);
}

void TestLibraryWatcher::reloadKeepsUndoHistory()
{
    ArticleSession session(m_window.get());
    QVERIFY(session.open(m_articleId));
    auto mine = session.addHighlight({ 0, 9 }, {}, {}, u"mine"_s);
    QVERIFY2(mine, qPrintable(mine.errorString()));
    QCOMPARE(session.undoStack()->count(), 1);

    // `lede annotate` adds one while the window is open.
    auto theirs = AnnotationRepository(*m_other).addAnnotation(highlight(m_articleId, 20, 30, u"theirs"_s));
    QVERIFY(theirs);
    QCOMPARE(notes(session), QStringList { u"mine"_s }); // not seen until reloaded

    LibraryWatcher watcher(m_window.get());
    watcher.stop();
    QSignalSpy changed(&session, &ArticleSession::annotationsChanged);
    QObject::connect(&watcher, &LibraryWatcher::changedExternally, &session,
                     [&session] { QVERIFY(session.reloadFromLibrary()); });
    QVERIFY(!watcher.checkNow()); // the watcher starts here; the reload below is by hand
    QVERIFY(session.reloadFromLibrary());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(notes(session), (QStringList { u"mine"_s, u"theirs"_s }));
    QCOMPARE(session.undoStack()->count(), 1);
    QVERIFY(m_window->isIdle());

    // The window's own undo still works, and the other program's highlight stays.
    session.undoStack()->undo();
    QCOMPARE(notes(session), QStringList { u"theirs"_s });
    QCOMPARE(AnnotationRepository(*m_other).annotations(m_articleId).value().size(), 1);
    session.undoStack()->redo();
    QCOMPARE(AnnotationRepository(*m_other).annotations(m_articleId).value().size(), 2);

    // Another delete from outside reaches the window through the watcher.
    QVERIFY(AnnotationRepository(*m_other).removeAnnotation(*theirs));
    QVERIFY(watcher.checkNow());
    QCOMPARE(notes(session), QStringList { u"mine"_s });
    QCOMPARE(session.undoStack()->count(), 1);
}

void TestLibraryWatcher::reloadOfRemovedArticleChangesNothing()
{
    ArticleSession session(m_window.get());
    QVERIFY(session.open(m_articleId));
    QVERIFY(session.addHighlight({ 0, 9 }));
    QVERIFY(ArticleRepository(*m_other).removeArticle(m_articleId));
    const Status s = session.reloadFromLibrary();
    QVERIFY(!s);
    QVERIFY2(s.errorString().contains(u"no article"_s), qPrintable(s.errorString()));
    QCOMPARE(session.annotations().size(), 1);
}

QTEST_GUILESS_MAIN(TestLibraryWatcher)
#include "tst_librarywatcher.moc"
