// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a reader uses it: import a file, open it, highlight and tag a passage, undo, redo,
// export to CSV; and a bulk import on the worker thread with a failure in the summary.
#include "DocumentView.h"
#include "LibraryModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SidePanel.h"
#include "TagDialog.h"
#include "session/ArticleSession.h"
#include "store/ArticleStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QDir>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written for this test in wire style. The emoji before the highlighted words makes code point
// offsets (CSV) differ from UTF-16 offsets (QString) by one.
const QString Fixture = u"Ferry operator halts night crossings after engine fire\n\n"
                        u"By Lena Marsh\n\n"
                        u"KESTREL BAY (Test Wire) – A ferry operator suspended all night crossings on Sunday 🔥 after an "
                        u"engine fire forced 212 passengers onto lifeboats, the coast guard said.\n\n"
                        u"“Nobody was hurt, and that is the only good news tonight,” said Captain Ines Varga, who "
                        u"led the rescue.\n\n"
                        u"The company said the crossings would resume once inspectors had cleared the fleet.\n"_s;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Modal dialogs block in exec(); act on them from the event loop once they are up.
template<typename Dialog, typename F>
void whenDialogShows(F action)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, action] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<Dialog *>(w); d && d->isVisible()) {
                timer->stop();
                timer->deleteLater();
                action(d);
                return;
            }
        }
    });
    timer->start();
}

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    // RFC 4180 reader: enough for the rows this test writes.
    QList<QStringList> rows;
    QStringList row;
    QString field;
    const QString text = QString::fromUtf8(bytes);
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void welcomeViewOnEmptyLibrary();
    void highlightTagUndoRedoExport();
    void noteEditorSavesAndUndoesAsOneStep();
    void bulkImportReportsFailures();
    void layerTogglesAreRemembered();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_fixture;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
    m_fixture = m_dir->filePath(u"ferry.txt"_s);
    QVERIFY(writeFile(m_fixture, Fixture.toUtf8()));
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
}

void TestMainWindow::welcomeViewOnEmptyLibrary()
{
    MainWindow window(m_db);
    window.show();
    auto *welcome = window.findChild<QWidget *>(u"welcomePage"_s);
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    QVERIFY(window.findChild<QWidget *>(u"welcomeImport"_s)->isVisible());
    QVERIFY(window.findChild<QWidget *>(u"welcomeSample"_s)->isVisible());
    // The sample article opens from the welcome page.
    QTest::mouseClick(window.findChild<QWidget *>(u"welcomeSample"_s), Qt::LeftButton);
    QTRY_VERIFY(window.session()->isOpen());
    QVERIFY(window.documentView()->isVisible());
    QVERIFY(window.documentView()->toPlainText().contains(window.session()->article().title));
    QCOMPARE(window.libraryModel()->rowCount(), 1);
}

void TestMainWindow::highlightTagUndoRedoExport()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({m_fixture}));
    QVERIFY(window.session()->isOpen());
    const qint64 articleId = window.session()->articleId();
    const QString body = window.session()->article().body;

    auto *view = window.findChild<DocumentView *>(u"documentView"_s);
    QVERIFY(view);
    const QString words = u"engine fire forced 212 passengers"_s;
    const qsizetype start = body.indexOf(words);
    QVERIFY2(start > 0, qPrintable(body));
    const Span span{start, start + words.size()};
    view->selectSpan(span);
    QCOMPARE(view->selectedSpan(), span);

    QAction *highlight = window.action(u"highlightAction"_s);
    QVERIFY(highlight->isEnabled());
    highlight->trigger();
    auto annotations = window.store()->annotations(articleId);
    QVERIFY(annotations.ok());
    QCOMPARE(annotations->size(), 1);
    QCOMPARE(annotations->first().span, span);
    QCOMPARE(annotations->first().exact, words);
    const qint64 annotationId = annotations->first().id;
    QCOMPARE(window.sidePanel()->currentAnnotationId(), annotationId);
    QCOMPARE(window.findChild<QListWidget *>(u"notesList"_s)->count(), 1);

    // Tag the current highlight through the dialog, creating a hierarchical tag.
    view->moveCursor(QTextCursor::Start); // no selection: Tag… applies to the current highlight
    whenDialogShows<TagDialog>([](TagDialog *d) {
        auto *input = d->findChild<QLineEdit *>(u"tagInput"_s);
        QTest::keyClicks(input, u"Sources/Coast guard"_s);
        QTest::keyClick(input, Qt::Key_Return);
        d->accept();
    });
    window.action(u"tagAction"_s)->trigger();
    QCOMPARE(window.store()->annotation(annotationId)->tags, QStringList{u"Sources/Coast guard"_s});

    // Undo the tag, then the highlight; redo both.
    QAction *undo = window.action(u"undoAction"_s);
    QAction *redo = window.action(u"redoAction"_s);
    undo->trigger();
    QCOMPARE(window.store()->annotation(annotationId)->tags, QStringList{});
    undo->trigger();
    QCOMPARE(window.store()->annotations(articleId)->size(), 0);
    QCOMPARE(window.findChild<QListWidget *>(u"notesList"_s)->count(), 0);
    redo->trigger();
    redo->trigger();
    annotations = window.store()->annotations(articleId);
    QCOMPARE(annotations->size(), 1);
    QCOMPARE(annotations->first().id, annotationId);
    QCOMPARE(annotations->first().span, span);
    QCOMPARE(annotations->first().tags, QStringList{u"Sources/Coast guard"_s});

    // Export this article and read the CSV back: offsets are code points (the emoji counts once).
    const QString csvPath = m_dir->filePath(u"out.csv"_s);
    ExportQuery query;
    query.articleIds = {articleId};
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.runExport(query, CsvOptions{}, csvPath);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(csv.readAll());
    QCOMPARE(rows.size(), 2);
    const QStringList header = rows.first();
    QCOMPARE(header.first(), u"article_id"_s);
    const QStringList row = rows.at(1);
    QCOMPARE(row.at(header.indexOf(u"annotation_id"_s)).toLongLong(), annotationId);
    QCOMPARE(row.at(header.indexOf(u"kind"_s)), u"highlight"_s);
    const qsizetype emojiBefore = body.left(start).count(u"🔥"_s);
    QCOMPARE(emojiBefore, 1);
    QCOMPARE(row.at(header.indexOf(u"start"_s)).toLongLong(), start - emojiBefore);
    QCOMPARE(row.at(header.indexOf(u"end"_s)).toLongLong(), start + words.size() - emojiBefore);
    QCOMPARE(row.at(header.indexOf(u"text"_s)), words);
    QCOMPARE(row.at(header.indexOf(u"tags"_s)), u"Sources/Coast guard"_s);

    // Closing and reopening shows what was there.
    window.close();
    MainWindow again(m_db);
    QVERIFY(again.openArticle(articleId));
    QCOMPARE(again.session()->annotations().size(), 1);
    QCOMPARE(again.session()->annotations().first().tags, QStringList{u"Sources/Coast guard"_s});
}

void TestMainWindow::noteEditorSavesAndUndoesAsOneStep()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({m_fixture}));
    auto *view = window.documentView();
    const QString body = window.session()->article().body;
    const qsizetype start = body.indexOf(u"Captain Ines Varga"_s);
    view->selectSpan({start, start + 18});
    window.action(u"noteAction"_s)->trigger();
    auto *editor = window.findChild<QPlainTextEdit *>(u"noteEditor"_s);
    QTRY_VERIFY(editor->hasFocus() || !QApplication::focusWidget()); // offscreen focus may be absent
    QVERIFY(editor->isEnabled());
    const qint64 id = window.sidePanel()->currentAnnotationId();
    QVERIFY(id);
    const int stepsBefore = window.session()->undoStack()->count();
    QTest::keyClicks(editor, u"Ask for the log"_s);
    QCOMPARE(window.store()->annotation(id)->note, u"Ask for the log"_s);
    QCOMPARE(window.session()->undoStack()->count(), stepsBefore + 1);
    window.action(u"undoAction"_s)->trigger();
    QCOMPARE(window.store()->annotation(id)->note, QString());
    QCOMPARE(editor->toPlainText(), QString());
}

void TestMainWindow::bulkImportReportsFailures()
{
    const QString folder = m_dir->filePath(u"inbox"_s);
    QVERIFY(QDir().mkpath(folder + u"/nested"_s));
    QVERIFY(writeFile(folder + u"/ferry.txt"_s, Fixture.toUtf8()));
    QVERIFY(writeFile(folder + u"/nested/second.md"_s,
                      "# Council delays vote on bus fares\n\nBy Omar Haddad\n\nNORTHFIELD (Test Wire) – The council "
                      "postponed its vote on bus fares until May, officials said on Monday.\n"));
    QVERIFY(writeFile(folder + u"/empty.txt"_s, QByteArray()));

    MainWindow window(m_db);
    window.show();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QString failures;
    whenDialogShows<QDialog>([&failures](QDialog *d) {
        if (d->objectName() != u"importSummary"_s)
            return;
        failures = d->findChild<QPlainTextEdit *>(u"importFailures"_s)->toPlainText();
        d->reject();
    });
    window.importPaths({folder});
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(window.libraryModel()->loadedCount(), 2);
    QVERIFY2(failures.contains(u"empty.txt"_s), qPrintable(failures));
    QVERIFY(window.messageBar()->isVisible());
    QVERIFY(window.session()->isOpen()); // the window opens an imported article
    QAbstractItemModelTester tester(window.libraryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Searching the library narrows the list.
    auto *search = window.findChild<QLineEdit *>(u"librarySearch"_s);
    QTest::keyClicks(search, u"fares"_s);
    QTRY_COMPARE(window.libraryModel()->loadedCount(), 1);
    QCOMPARE(window.libraryModel()->data(window.libraryModel()->index(0, LibraryModel::TitleColumn)).toString(),
             u"Council delays vote on bus fares"_s);
}

void TestMainWindow::layerTogglesAreRemembered()
{
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(window.openArticleFiles({m_fixture}));
        QVERIFY(window.documentView()->layers().testFlag(Layer::Quotes));
        window.action(u"layer_quotes"_s)->trigger();
        QVERIFY(!window.documentView()->layers().testFlag(Layer::Quotes));
        window.close();
    }
    MainWindow window(m_db);
    QVERIFY(!window.documentView()->layers().testFlag(Layer::Quotes));
    QVERIFY(window.documentView()->layers().testFlag(Layer::Highlights));
    QCOMPARE(window.session()->isOpen(), true); // the last article reopens
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
