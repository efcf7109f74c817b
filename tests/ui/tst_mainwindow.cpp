// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a reader uses it: import a file, open it, highlight and tag a passage, undo, redo,
// export to CSV; and a bulk import on the worker thread with a failure in the summary.
#include "CsvReader.h"
#include "DocumentView.h"
#include "ExportDialog.h"
#include "LibraryModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SidePanel.h"
#include "TagDialog.h"
#include "TagTreeModel.h"
#include "io/ZipArchive.h"
#include "library/ArticleCsvExport.h"
#include "session/ArticleSession.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>
#include <cmath>

using namespace Lede;
using namespace Qt::StringLiterals;
using LedeTest::parseCsv;

namespace {

// Written for this test in wire style. The emoji before the highlighted words makes code point
// offsets (CSV) differ from UTF-16 offsets (QString) by one.
const QString Fixture
    = u"Ferry operator halts night crossings after engine fire\n\n"
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
template<typename Dialog, typename F> void whenDialogShows(F action)
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

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A translucent color painted over an opaque one.
QColor composite(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return p;
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
    void tagRightAfterHighlightTagsThatHighlight();
    void mouseSelectionSnapsToWords();
    void noteEditorSavesAndUndoesAsOneStep();
    void bulkImportReportsFailures();
    void layerTogglesAreRemembered();
    void cancelBulkImport();
    void cancelExport();
    void changeHighlightRange();
    void undoSurvivesSwitchingArticles();
    void deleteKeyInNotesListAsksWhenThereIsANote();
    void disabledShortcutsSayWhy();
    void importProgressClosesBeforeTheSummary();
    void smallWindowFixes();
    void exportFormats();
    void darkPaletteKeepsLayersReadable_data();
    void darkPaletteKeepsLayersReadable();

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
    QVERIFY(window.openArticleFiles({ m_fixture }));
    QVERIFY(window.session()->isOpen());
    const qint64 articleId = window.session()->articleId();
    const QString body = window.session()->article().body;

    auto *view = window.findChild<DocumentView *>(u"documentView"_s);
    QVERIFY(view);
    const QString words = u"engine fire forced 212 passengers"_s;
    const qsizetype start = body.indexOf(words);
    QVERIFY2(start > 0, qPrintable(body));
    const Span span { start, start + words.size() };
    view->selectSpan(span);
    QCOMPARE(view->selectedSpan(), span);

    QAction *highlight = window.action(u"highlightAction"_s);
    QVERIFY(highlight->isEnabled());
    highlight->trigger();
    auto annotations = AnnotationRepository(*window.store()).annotations(articleId);
    QVERIFY(annotations.ok());
    QCOMPARE(annotations->size(), 1);
    QCOMPARE(annotations->first().span, span);
    QCOMPARE(annotations->first().exact, words);
    const qint64 annotationId = annotations->first().id;
    QCOMPARE(window.sidePanel()->currentAnnotationId(), annotationId);
    QCOMPARE(window.findChild<QListView *>(u"notesList"_s)->model()->rowCount(), 1);

    // Tag the current highlight through the dialog, creating a hierarchical tag.
    view->moveCursor(QTextCursor::Start); // no selection: Tag… applies to the current highlight
    whenDialogShows<TagDialog>([](TagDialog *d) {
        auto *input = d->findChild<QLineEdit *>(u"tagInput"_s);
        QTest::keyClicks(input, u"Sources/Coast guard"_s);
        QTest::keyClick(input, Qt::Key_Return);
        d->accept();
    });
    window.action(u"tagAction"_s)->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(annotationId)->tags,
             QStringList { u"Sources/Coast guard"_s });

    // Undo the tag, then the highlight; redo both.
    QAction *undo = window.action(u"undoAction"_s);
    QAction *redo = window.action(u"redoAction"_s);
    undo->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(annotationId)->tags, QStringList {});
    undo->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotations(articleId)->size(), 0);
    QCOMPARE(window.findChild<QListView *>(u"notesList"_s)->model()->rowCount(), 0);
    redo->trigger();
    redo->trigger();
    annotations = AnnotationRepository(*window.store()).annotations(articleId);
    QCOMPARE(annotations->size(), 1);
    QCOMPARE(annotations->first().id, annotationId);
    QCOMPARE(annotations->first().span, span);
    QCOMPARE(annotations->first().tags, QStringList { u"Sources/Coast guard"_s });

    // Export this article and read the CSV back: offsets are code points (the emoji counts once).
    const QString csvPath = m_dir->filePath(u"out.csv"_s);
    ExportQuery query;
    query.articleIds = { articleId };
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.runExport(query, CsvOptions {}, csvPath);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(csv.readAll(), &wellFormed);
    QVERIFY(wellFormed);
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
    QCOMPARE(again.session()->annotations().first().tags, QStringList { u"Sources/Coast guard"_s });
}

void TestMainWindow::tagRightAfterHighlightTagsThatHighlight()
{
    // Select, Highlight, then Tag… with the same selection: one highlight carrying the tag, not two.
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const qint64 articleId = window.session()->articleId();
    const QString body = window.session()->article().body;
    auto *view = window.findChild<DocumentView *>(u"documentView"_s);
    const QString words = u"engine fire"_s;
    const Span span { body.indexOf(words), body.indexOf(words) + words.size() };
    view->selectSpan(span);
    window.action(u"highlightAction"_s)->trigger();
    window.action(u"highlightAction"_s)->trigger(); // again: no duplicate either
    QCOMPARE(view->selectedSpan(), span);
    whenDialogShows<TagDialog>([](TagDialog *d) {
        auto *input = d->findChild<QLineEdit *>(u"tagInput"_s);
        QTest::keyClicks(input, u"Events/Fire"_s);
        QTest::keyClick(input, Qt::Key_Return);
        d->accept();
    });
    window.action(u"tagAction"_s)->trigger();
    const auto annotations = AnnotationRepository(*window.store()).annotations(articleId);
    QCOMPARE(annotations->size(), 1);
    QCOMPARE(annotations->first().span, span);
    QCOMPARE(annotations->first().tags, QStringList { u"Events/Fire"_s });
}

void TestMainWindow::mouseSelectionSnapsToWords()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const QString body = window.session()->article().body;
    auto *view = window.findChild<DocumentView *>(u"documentView"_s);
    const qsizetype engine = body.indexOf(u"engine fire"_s);
    QVERIFY(engine > 0);
    // "en|gine fi|re" -> "engine fire"; a span already on word edges stays as it is.
    QCOMPARE(view->snappedToWords(Span { engine + 2, engine + 9 }), (Span { engine, engine + 11 }));
    QCOMPARE(view->snappedToWords(Span { engine, engine + 11 }), (Span { engine, engine + 11 }));
    // Spaces and punctuation are edges too: a span ending on a space does not grow.
    QCOMPARE(view->snappedToWords(Span { engine, engine + 7 }), (Span { engine, engine + 7 }));
}

void TestMainWindow::noteEditorSavesAndUndoesAsOneStep()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    auto *view = window.documentView();
    const QString body = window.session()->article().body;
    const qsizetype start = body.indexOf(u"Captain Ines Varga"_s);
    view->selectSpan({ start, start + 18 });
    window.action(u"noteAction"_s)->trigger();
    auto *editor = window.findChild<QPlainTextEdit *>(u"noteEditor"_s);
    QTRY_VERIFY(editor->hasFocus() || !QApplication::focusWidget()); // offscreen focus may be absent
    QVERIFY(editor->isEnabled());
    const qint64 id = window.sidePanel()->currentAnnotationId();
    QVERIFY(id);
    const int stepsBefore = window.session()->undoStack()->count();
    QTest::keyClicks(editor, u"Ask for the log"_s);
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->note, u"Ask for the log"_s);
    QCOMPARE(window.session()->undoStack()->count(), stepsBefore + 1);
    window.action(u"undoAction"_s)->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->note, QString());
    QCOMPARE(editor->toPlainText(), QString());
}

void TestMainWindow::bulkImportReportsFailures()
{
    const QString folder = m_dir->filePath(u"inbox"_s);
    QVERIFY(QDir().mkpath(folder + u"/nested"_s));
    QVERIFY(writeFile(folder + u"/ferry.txt"_s, Fixture.toUtf8()));
    QVERIFY(writeFile(
        folder + u"/nested/second.md"_s,
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
    window.importPaths({ folder });
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(window.libraryModel()->loadedCount(), 2);
    QVERIFY2(failures.contains(u"empty.txt"_s), qPrintable(failures));
    QVERIFY(window.messageBar()->isVisible());
    QVERIFY(window.session()->isOpen()); // the window opens an imported article
    QAbstractItemModelTester tester(window.libraryModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Searching the library narrows the list.
    auto *search = window.findChild<QLineEdit *>(u"librarySearch"_s);
    QTest::keyClicks(search, u"fares"_s);
    QTRY_COMPARE(window.libraryModel()->loadedCount(), 1);
    QCOMPARE(
        window.libraryModel()->data(window.libraryModel()->index(0, LibraryModel::TitleColumn)).toString(),
        u"Council delays vote on bus fares"_s);
}

void TestMainWindow::layerTogglesAreRemembered()
{
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(window.openArticleFiles({ m_fixture }));
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

void TestMainWindow::cancelBulkImport()
{
    // Enough files that the worker is still busy when Cancel is pressed.
    const QString folder = m_dir->filePath(u"many"_s);
    QVERIFY(QDir().mkpath(folder));
    const int files = 1500;
    for (int i = 0; i < files; ++i) {
        const QString text = u"Harbour board approves dredging plan %1\n\nBy Nadia Cole\n\nPORT ELLIS (Test "
                             u"Wire) – The harbour "
                             u"board approved plan %1 on Tuesday, its chair said.\n"_s.arg(i);
        QVERIFY(writeFile(folder + u"/story-%1.txt"_s.arg(i, 3, 10, QLatin1Char('0')), text.toUtf8()));
    }
    MainWindow window(m_db);
    window.show();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    window.importPaths({ folder });
    auto *progress = window.findChild<QProgressDialog *>(u"importProgress"_s);
    auto *watcher = window.findChild<QFutureWatcherBase *>();
    QVERIFY(progress && watcher);
    // Press Cancel as soon as the first files are in, as a reader would while it runs.
    QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, [progress](int done) {
        if (done > 0 && !progress->wasCanceled())
            progress->findChild<QPushButton *>()->click(); // the dialog's Cancel button
    });
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(window.messageBar()->text().contains(u"cancelled"_s), qPrintable(window.messageBar()->text()));
    // What was imported before Cancel is complete and stays in the library, and the summary counts
    // exactly what the library holds (nothing stored goes unreported).
    const int imported = *ArticleRepository(*window.store()).articleCount();
    QVERIFY2(imported > 0 && imported < files, qPrintable(QString::number(imported)));
    QVERIFY2(window.messageBar()->text().contains(QCoreApplication::translate(
                 "Lede::ImportController", "Imported %n article(s).", nullptr, imported)),
             qPrintable(window.messageBar()->text() + u" / library holds "_s + QString::number(imported)));
}

void TestMainWindow::cancelExport()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const qint64 articleId = window.session()->articleId();
    const qsizetype length = window.session()->article().body.size();
    {
        // A large export (300,000 rows) written straight into the library file, so that the worker
        // is still writing when Cancel arrives.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bulk"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299999) "
                        u"INSERT INTO annotations (article_id, start, \"end\", note, created_at, updated_at) "
                        u"SELECT %1, i % %2, i % %2 + 8, 'bulk note ' || i, '2024-01-01T00:00:00Z', "
                        u"'2024-01-01T00:00:00Z' FROM n"_s.arg(articleId)
                            .arg(length - 10)),
                 qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bulk"_s);
    const QString csvPath = m_dir->filePath(u"cancelled.csv"_s);
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    ExportQuery query;
    query.articleIds = { articleId };
    window.runExport(query, CsvOptions {}, csvPath);
    auto *progress = window.findChild<QProgressDialog *>(u"exportProgress"_s);
    QVERIFY(progress);
    QVERIFY(progress->findChild<QPushButton *>());
    progress->findChild<QPushButton *>()->click(); // Cancel: the worker stops at its next progress report
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!QFile::exists(csvPath)); // QSaveFile: no half file
    QVERIFY(window.messageBar()->text().contains(u"cancelled"_s));
}

void TestMainWindow::changeHighlightRange()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    auto *view = window.documentView();
    const QString body = window.session()->article().body;
    const qsizetype first = body.indexOf(u"212 passengers"_s);
    const qsizetype second = body.indexOf(u"Captain Ines Varga"_s);
    QVERIFY(first > 0 && second > first);
    view->selectSpan({ first, first + 14 });
    window.action(u"highlightAction"_s)->trigger();
    const qint64 id = window.sidePanel()->currentAnnotationId();
    QVERIFY(id);
    QCOMPARE(view->annotationsAt(first + 2), QList<qint64> { id });

    // Select other words and move the current highlight there.
    view->selectSpan({ second, second + 18 });
    QAction *setRange = window.action(u"setRangeAction"_s);
    QVERIFY(setRange->isEnabled());
    setRange->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->span, Span(second, second + 18));
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->exact, u"Captain Ines Varga"_s);
    QVERIFY(view->annotationsAt(first + 2).isEmpty());
    QCOMPARE(view->annotationsAt(second + 2), QList<qint64> { id });
    auto *notes = window.findChild<QListView *>(u"notesList"_s);
    QCOMPARE(notes->model()->rowCount(), 1);
    QVERIFY(notes->model()->index(0, 0).data().toString().contains(u"Captain Ines Varga"_s));

    window.action(u"undoAction"_s)->trigger();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->span, Span(first, first + 14));
    QVERIFY(notes->model()->index(0, 0).data().toString().contains(u"212 passengers"_s));
}

void TestMainWindow::darkPaletteKeepsLayersReadable_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("color"); // for highlights: the highlight's own color
    QTest::newRow("people-tint") << int(Layer::People) << QString();
    QTest::newRow("organisations-tint") << int(Layer::Organisations) << QString();
    QTest::newRow("places-tint") << int(Layer::Places) << QString();
    QTest::newRow("dates-tint") << int(Layer::Dates) << QString();
    QTest::newRow("figures-tint") << int(Layer::Figures) << QString();
    QTest::newRow("quotes-text-color") << int(Layer::Quotes) << QString();
    for (const auto &[name, label] : highlightColorChoices())
        QTest::newRow(qPrintable(u"highlight-"_s + label.toLower())) << int(Layer::Highlights) << name;
}

void TestMainWindow::darkPaletteKeepsLayersReadable()
{
    QFETCH(int, layer);
    QFETCH(QString, color);
    const QPalette dark = darkPalette();
    const QColor text = dark.color(QPalette::Text);
    const QColor base = dark.color(QPalette::Base);
    QVERIFY(isDarkPalette(dark));
    double ratio = 0;
    if (Layer(layer) == Layer::Quotes) // quotes are colored text on the page, not a background
        ratio = contrast(layerColor(Layer::Quotes, dark), base);
    else if (Layer(layer) == Layer::Highlights)
        ratio = contrast(composite(highlightFill(QColor::fromString(color), dark), base), text);
    else
        ratio = contrast(composite(layerTint(Layer(layer), dark), base), text);
    QVERIFY2(ratio >= 3.0, qPrintable(u"contrast %1"_s.arg(ratio)));

    if (Layer(layer) != Layer::Highlights || !color.isEmpty()) {
        // The window really paints with the dark colors: the highlight's background in the text.
        if (Layer(layer) != Layer::Highlights)
            return;
        MainWindow window(m_db);
        window.setPalette(dark);
        window.show();
        QVERIFY(window.openArticleFiles({ m_fixture }));
        const QString body = window.session()->article().body;
        const qsizetype start = body.indexOf(u"coast guard"_s);
        QVERIFY(window.session()->addHighlight({ start, start + 11 }, {}, color).ok());
        QTextDocument *doc = window.documentView()->document();
        const QTextBlock block = doc->findBlock(int(doc->find(u"coast guard"_s).selectionStart()));
        QVERIFY(block.isValid());
        QColor painted;
        for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
            if (r.format.hasProperty(QTextFormat::BackgroundBrush))
                painted = r.format.background().color();
        }
        QVERIFY(painted.isValid());
        QCOMPARE(painted, highlightFill(QColor::fromString(color), dark));
        QVERIFY(contrast(composite(painted, window.documentView()->palette().color(QPalette::Base)),
                         window.documentView()->palette().color(QPalette::Text))
                >= 3.0);
    }
}

void TestMainWindow::undoSurvivesSwitchingArticles()
{
    const QString second = m_dir->filePath(u"market.txt"_s);
    QVERIFY(
        writeFile(second,
                  "Market hall reopens after repairs\n\nThe market hall in Kestrel Bay reopened on Friday "
                  "after six weeks of roof repairs, the town said.\n"));
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ second }));
    const qint64 otherId = window.session()->articleId();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const qint64 ferryId = window.session()->articleId();
    QVERIFY(otherId != ferryId);
    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    auto pick = [&](qint64 articleId) { // as the reader does: another row of the list
        list->setCurrentIndex(
            window.libraryModel()->index(window.libraryModel()->rowOfArticle(articleId), 0));
        QCOMPARE(window.session()->articleId(), articleId);
    };
    QAction *undo = window.action(u"undoAction"_s);
    auto pressUndo = [&] {
        window.activateWindow();
        if (QTest::qWaitForWindowActive(&window))
            QTest::keySequence(&window, QKeySequence::Undo); // Ctrl+Z
        else
            undo->trigger(); // a platform without window activation
    };

    // A highlight with a note, deleted.
    const QString body = window.session()->article().body;
    const qsizetype start = body.indexOf(u"Captain Ines Varga"_s);
    window.documentView()->selectSpan({ start, start + 18 });
    window.action(u"noteAction"_s)->trigger();
    const qint64 id = window.sidePanel()->currentAnnotationId();
    QVERIFY(id);
    QTest::keyClicks(window.findChild<QPlainTextEdit *>(u"noteEditor"_s), u"Call her back"_s);
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->note, u"Call her back"_s);
    whenDialogShows<QMessageBox>([](QMessageBox *box) { // it has a note: the window asks first
        QCOMPARE(box->objectName(), u"deleteHighlightBox"_s);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
    });
    window.action(u"deleteHighlightAction"_s)->trigger();
    QVERIFY(!AnnotationRepository(*window.store()).annotation(id).ok());

    // Away and back: Ctrl+Z still brings it back, with its note.
    pick(otherId);
    QVERIFY(!undo->isEnabled()); // nothing to undo in the other article
    pick(ferryId);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"&Undo Delete highlight"_s);
    pressUndo();
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->note, u"Call her back"_s);
    QCOMPARE(window.findChild<QListView *>(u"notesList"_s)->model()->rowCount(), 1);

    // Rename a tag from the Tags tab, switch article: Ctrl+Z undoes the rename there too.
    QVERIFY(window.session()->setTags(id, { u"Sources/Crew"_s }).ok());
    const qint64 crew = TagRepository(*window.store()).ensureTag(u"Sources/Crew"_s).value();
    auto *tree = window.findChild<QTreeView *>(u"tagsTree"_s);
    auto *tags = qobject_cast<TagTreeModel *>(tree->model());
    QVERIFY(tags);
    tree->setCurrentIndex(tags->indexOfTag(crew));
    whenDialogShows<QInputDialog>([](QInputDialog *d) {
        d->setTextValue(u"Captains"_s);
        d->accept();
    });
    window.action(u"renameTagAction"_s)->trigger();
    QCOMPARE(TagRepository(*window.store()).tag(crew)->name, u"Captains"_s);
    pick(otherId);
    QCOMPARE(undo->text(), u"&Undo Rename tag"_s);
    pressUndo();
    QCOMPARE(TagRepository(*window.store()).tag(crew)->name, u"Crew"_s);
    QCOMPARE(AnnotationRepository(*window.store()).annotation(id)->tags, QStringList { u"Sources/Crew"_s });
}

void TestMainWindow::deleteKeyInNotesListAsksWhenThereIsANote()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const QString body = window.session()->article().body;
    const qsizetype plainAt = body.indexOf(u"engine fire"_s);
    const qsizetype notedAt = body.indexOf(u"Captain Ines Varga"_s);
    const qint64 plain = window.session()->addHighlight({ plainAt, plainAt + 11 }).value();
    const qint64 noted
        = window.session()->addHighlight({ notedAt, notedAt + 18 }, {}, {}, u"Who else was there?"_s).value();
    auto *notes = window.findChild<QListView *>(u"notesList"_s);

    // Without a note: Delete removes it at once.
    window.sidePanel()->selectAnnotation(plain);
    QTest::keyClick(notes, Qt::Key_Delete);
    QVERIFY(!AnnotationRepository(*window.store()).annotation(plain).ok());

    // With a note: asked first; Cancel keeps it, Delete removes it.
    window.sidePanel()->selectAnnotation(noted);
    QString question;
    whenDialogShows<QMessageBox>([&question](QMessageBox *box) {
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    QTest::keyClick(notes, Qt::Key_Delete);
    QVERIFY2(question.contains(u"Captain Ines Varga"_s), qPrintable(question));
    QVERIFY(AnnotationRepository(*window.store()).annotation(noted).ok());
    whenDialogShows<QMessageBox>([](QMessageBox *box) {
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
    });
    QTest::keyClick(notes, Qt::Key_Delete);
    QVERIFY(!AnnotationRepository(*window.store()).annotation(noted).ok());
    QVERIFY(window.messageBar()->text().contains(u"Undo"_s));
}

void TestMainWindow::disabledShortcutsSayWhy()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
    QVERIFY2(window.messageBar()->text().contains(u"Open an article"_s),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    window.documentView()->moveCursor(QTextCursor::Start);
    QVERIFY(!window.action(u"highlightAction"_s)->isEnabled());
    QTest::keyClick(window.documentView(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(window.messageBar()->text(), u"Select some text in the article first."_s);
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Warning);
    window.messageBar()->showMessage(QString());
    QTest::keyClick(window.documentView(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(window.messageBar()->text().contains(u"Notes list"_s), qPrintable(window.messageBar()->text()));
    window.messageBar()->showMessage(QString());
    QTest::keyClick(window.documentView(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY2(window.messageBar()->text().contains(u"Notes list"_s), qPrintable(window.messageBar()->text()));
    QCOMPARE(AnnotationRepository(*window.store()).annotations(window.session()->articleId())->size(), 0);
    // Once text is selected the hint is stale: it goes.
    QVERIFY(window.messageBar()->isVisible());
    window.documentView()->selectSpan({ 0, 5 });
    QTRY_VERIFY(!window.messageBar()->isVisible());
}

void TestMainWindow::importProgressClosesBeforeTheSummary()
{
    const QString folder = m_dir->filePath(u"inbox"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(folder + u"/ferry.txt"_s, Fixture.toUtf8()));
    QVERIFY(writeFile(folder + u"/empty.txt"_s, QByteArray()));
    MainWindow window(m_db);
    window.show();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    bool progressShownWithSummary = true;
    bool closed = false;
    auto *timer = new QTimer(&window);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, timer, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == u"importSummary"_s && w->isVisible()) {
                timer->stop();
                auto *progress = window.findChild<QProgressDialog *>(u"importProgress"_s);
                progressShownWithSummary = progress && progress->isVisible();
                auto *buttons = w->findChild<QDialogButtonBox *>();
                QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
                closed = !w->isVisible();
                if (!closed)
                    static_cast<QDialog *>(w)->reject(); // do not hang the test
                return;
            }
        }
    });
    timer->start();
    window.importPaths({ folder });
    auto *progress = window.findChild<QProgressDialog *>(u"importProgress"_s);
    QVERIFY(progress);
    progress->show(); // as after its 300 ms on a long import
    QVERIFY(!progress->labelText().contains(u"0 of 0"_s));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!progressShownWithSummary);
    QVERIFY(closed);
}

void TestMainWindow::exportFormats()
{
    // The dialog offers the article table and a REFI-QDA project (and more: tst_exportformats); the
    // format sets the file suffix and which options apply.
    ExportDialog dialog(0, {}, {});
    auto *format = dialog.findChild<QComboBox *>(u"exportFormat"_s);
    QVERIFY(format);
    QCOMPARE(format->count(), 5);
    auto *path = dialog.findChild<QLineEdit *>(u"exportPath"_s);
    auto *bom = dialog.findChild<QCheckBox *>(u"byteOrderMark"_s);
    auto *automatic = dialog.findChild<QCheckBox *>(u"includeAutomatic"_s);
    path->setText(m_dir->filePath(u"mine.csv"_s));
    dialog.setFormat(ExportFormat::RefiQda);
    QCOMPARE(dialog.format(), ExportFormat::RefiQda);
    QCOMPARE(dialog.path(), m_dir->filePath(u"mine.qdpx"_s));
    QVERIFY(!bom->isEnabled());
    QVERIFY(automatic->isEnabled());
    format->setCurrentIndex(format->findData(int(ExportFormat::ArticlesCsv)));
    QCOMPARE(dialog.format(), ExportFormat::ArticlesCsv);
    QCOMPARE(dialog.path(), m_dir->filePath(u"mine.csv"_s));
    QVERIFY(bom->isEnabled());
    QVERIFY(!automatic->isEnabled());

    // The window writes both on its worker thread.
    MainWindow window(m_db);
    QVERIFY(window.openArticleFiles({ m_fixture }));
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    const QString table = m_dir->filePath(u"articles.csv"_s);
    window.runExport({}, CsvOptions {}, table, ExportFormat::ArticlesCsv);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).first().toBool(), true);
    QFile csv(table);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(csv.readAll());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first().join(u','), QString::fromUtf8(ArticleCsvExport::headerLine()));
    const QString project = m_dir->filePath(u"project.qdpx"_s);
    window.runExport({}, CsvOptions {}, project, ExportFormat::RefiQda);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(finished.at(1).first().toBool(), true);
    ZipReader zip;
    QVERIFY(zip.open(project).ok());
    QCOMPARE(zip.entryNames().size(), 2); // project.qde and the article's text
    QVERIFY(zip.read(u"project.qde"_s, 1 << 20).value().contains("<TextSource "));
}

void TestMainWindow::smallWindowFixes()
{
    // The export dialog's file label has a buddy, so its "&" is a mnemonic, not a character.
    ExportDialog dialog(0, {}, {});
    auto *label = dialog.findChild<QLabel *>(u"exportPathLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->buddy(), dialog.findChild<QLineEdit *>(u"exportPath"_s));

    // The window can be 800 px wide with an article open.
    MainWindow window(m_db);
    // It installed the English translation: plural forms read as English.
    QCOMPARE(QCoreApplication::translate("Lede::ImportController", "Imported %n article(s).", nullptr, 1),
             u"Imported 1 article."_s);
    QCOMPARE(QCoreApplication::translate("Lede::ImportController", "%n file(s) could not be imported.",
                                         nullptr, 3),
             u"3 files could not be imported."_s);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    QVERIFY2(window.minimumSizeHint().width() <= 800,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    window.resize(800, 600);
    QTRY_COMPARE(window.width(), 800);

    // A parent tag counts its children's uses.
    const QString body = window.session()->article().body;
    QVERIFY(window.session()->addHighlight({ 0, 5 }, { u"Sources/Crew"_s }).ok());
    QVERIFY(window.session()->addHighlight({ 10, 15 }, { u"Sources/Officials"_s }).ok());
    auto *tags = qobject_cast<TagTreeModel *>(window.findChild<QTreeView *>(u"tagsTree"_s)->model());
    QCOMPARE(
        tags->indexOfTag(TagRepository(*window.store()).ensureTag(u"Sources"_s).value()).data().toString(),
        u"Sources (2)"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
