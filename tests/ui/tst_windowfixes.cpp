// SPDX-License-Identifier: GPL-3.0-or-later
// Small window fixes seen by hand (issue 12): messages float over the document instead of pushing
// it down, a jump centres its target, an article opened from a search shows its first hit, the
// window shrinks to 800 px and the export dialog proposes a folder that exists.
#include "DocumentView.h"
#include "ExportDialog.h"
#include "LibraryModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SearchFilters.h"
#include "Settings.h"
#include "session/ArticleSession.h"

#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    const QByteArray bytes = text.toUtf8();
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A long article written for this test: many paragraphs of filler with one distinctive sentence in
// the middle, so that a jump to it has room to centre.
QString longArticle(const QString &title, const QString &middle)
{
    QString text = title + u"\n\nBy Test Desk\n\n"_s;
    for (int i = 0; i < 40; ++i) {
        text += u"Paragraph %1 of the council report: the committee met again on Tuesday and read "
                u"the minutes of the previous meeting aloud before any vote was taken.\n\n"_s.arg(i + 1);
        if (i == 20)
            text += middle + u"\n\n"_s;
    }
    return text;
}

QRect rectIn(const QWidget *w, const QWidget *ancestor)
{
    return QRect(w->mapTo(ancestor, QPoint(0, 0)), w->size());
}

} // namespace

class TestWindowFixes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void messageOverlaysTheDocument();
    void jumpCentresTheSpan();
    void firstHitOfTheSearchWords();
    void searchOpensTheArticleAtItsFirstHit();
    void windowShrinksTo800();
    void exportProposesAWritableFolder();
    void layerToggleOnALongArticle();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestWindowFixes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_windowfixes"_s);
}

void TestWindowFixes::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
}

void TestWindowFixes::cleanup()
{
    m_dir.reset();
}

void TestWindowFixes::messageOverlaysTheDocument()
{
    const QString path = m_dir->filePath(u"council.txt"_s);
    QVERIFY(
        writeFile(path, longArticle(u"Council keeps the ferry subsidy"_s, u"The lighthouse stays lit."_s)));
    MainWindow window(m_db);
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ path }));
    DocumentView *view = window.documentView();
    auto *stack = window.findChild<QStackedWidget *>(u"documentStack"_s);
    QVERIFY(stack);
    QTRY_VERIFY(view->isVisible());
    QCoreApplication::processEvents();
    const QRect viewBefore = rectIn(view, &window);
    const QRect stackBefore = rectIn(stack, &window);

    MessageBar *bar = window.messageBar();
    bar->showMessage(u"A warning long enough to wrap onto a second line when the window is narrow, "
                     u"written for this test."_s,
                     MessageBar::Kind::Warning);
    QCoreApplication::processEvents();
    QVERIFY(bar->isVisible());
    // The document did not move or shrink: the message floats over it.
    QCOMPARE(rectIn(view, &window), viewBefore);
    QCOMPARE(rectIn(stack, &window), stackBefore);
    const QRect banner = rectIn(bar, &window);
    QVERIFY2(stackBefore.contains(banner.topLeft()) && stackBefore.contains(banner.topRight()),
             qPrintable(u"banner %1,%2 %3x%4 outside the document area %5,%6 %7x%8"_s.arg(banner.x())
                            .arg(banner.y())
                            .arg(banner.width())
                            .arg(banner.height())
                            .arg(stackBefore.x())
                            .arg(stackBefore.y())
                            .arg(stackBefore.width())
                            .arg(stackBefore.height())));
    // It sits at the top of the text, below the layer legend, whose buttons stay usable.
    QVERIFY(banner.top() >= viewBefore.top());
    QVERIFY(banner.top() - viewBefore.top() < 10);
    auto *legend = window.findChild<QWidget *>(u"layerLegend"_s);
    QVERIFY(legend && legend->isVisible());
    QVERIFY(!rectIn(legend, &window).intersects(banner));
    QVERIFY(banner.width() > stackBefore.width() * 9 / 10);
    QVERIFY(banner.height() >= bar->minimumSizeHint().height());
    QVERIFY(banner.height() < stackBefore.height() / 3);

    // It follows the document area when the window is resized, and still does not move the text.
    window.resize(820, 620);
    QTRY_COMPARE(window.width(), 820);
    QCoreApplication::processEvents();
    QTRY_COMPARE(rectIn(bar, &window).width(), banner.width() - (viewBefore.width() - view->width()));
    QCOMPARE(rectIn(bar, &window).top(), banner.top() - viewBefore.top() + rectIn(view, &window).top());
    // (The layer legend may wrap at this width; the message is not why the text moves.)
    const QRect viewNarrow = rectIn(view, &window);

    // Closing it leaves everything where it was; a new message shows it again.
    QTest::mouseClick(bar->findChild<QWidget *>(u"messageClose"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCoreApplication::processEvents();
    QCOMPARE(rectIn(view, &window), viewNarrow);
    bar->showMessage(u"Short."_s, MessageBar::Kind::Error);
    QVERIFY(bar->isVisible());
    QVERIFY(rectIn(bar, &window).height() < banner.height() + 1);

    // With the find bar open (a word that is not there shows a warning), the message covers
    // neither the field being typed in nor the legend; it moves down with the text.
    window.action(u"findAction"_s)->trigger();
    auto *findBar = window.findChild<QWidget *>(u"findBar"_s);
    QTRY_VERIFY(findBar->isVisible());
    QCoreApplication::processEvents();
    auto *field = window.findChild<QLineEdit *>(u"findField"_s);
    QTest::keyClicks(field, u"zebra"_s);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(bar->text().contains(u"zebra"_s));
    QCoreApplication::processEvents();
    const QRect withFind = rectIn(bar, &window);
    QVERIFY(!rectIn(findBar, &window).intersects(withFind));
    QVERIFY(!rectIn(legend, &window).intersects(withFind));
    QVERIFY(rectIn(view, &window).contains(withFind.topLeft()));
}

void TestWindowFixes::jumpCentresTheSpan()
{
    const QString path = m_dir->filePath(u"council.txt"_s);
    const QString middle = u"The lighthouse keeper said the lamp would stay lit all winter."_s;
    QVERIFY(writeFile(path, longArticle(u"Council keeps the lighthouse"_s, middle)));
    MainWindow window(m_db);
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ path }));
    DocumentView *view = window.documentView();
    QTRY_VERIFY(view->isVisible());
    QCoreApplication::processEvents();
    QVERIFY(view->verticalScrollBar()->maximum() > view->viewport()->height());

    const QString body = window.session()->article().body;
    const qsizetype at = body.indexOf(u"lamp would"_s);
    QVERIFY(at > 0);
    const Span span { at, at + 10 };
    auto centreOffset = [&] {
        QTextCursor c(view->document());
        c.setPosition(int(view->textCursor().position()));
        return view->cursorRect(c).center().y() - view->viewport()->height() / 2;
    };
    const int line = view->cursorRect().height();

    // From the top, from below and from a position where it is already visible at the edge: it
    // always lands in the middle of the view.
    for (const int start : { 0, view->verticalScrollBar()->maximum() }) {
        view->verticalScrollBar()->setValue(start);
        view->scrollToSpan(span, true);
        QVERIFY2(std::abs(centreOffset()) <= line,
                 qPrintable(u"from %1: %2 px off centre"_s.arg(start).arg(centreOffset())));
    }
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + view->viewport()->height() / 2
                                        - 2 * line);
    view->scrollToSpan(span, true);
    QVERIFY2(std::abs(centreOffset()) <= line, qPrintable(QString::number(centreOffset())));
    QCOMPARE(view->textCursor().position(), view->document()->find(u"lamp would"_s).selectionStart());
    // It flashes: the span is painted as selected for a moment, then the flash goes away.
    QCOMPARE(view->extraSelections().size(), 1);
    QCOMPARE(view->extraSelections().first().cursor.selectedText(), u"lamp would"_s);
    QTRY_VERIFY(view->extraSelections().isEmpty());
}

void TestWindowFixes::firstHitOfTheSearchWords()
{
    const QString text = u"Firefighters came. The FIRE spread; fires were out by noon."_s;
    auto hit = [&text](const QString &search) {
        const Span s = SearchFilters::parse(search).firstHit(text);
        return text.mid(s.start, s.length());
    };
    // Case-insensitive, at the start of a word (the index matches word prefixes), widened to the word.
    QCOMPARE(hit(u"fire"_s), u"Firefighters"_s);
    QCOMPARE(hit(u"spread"_s), u"spread"_s);
    QCOMPARE(hit(u"Fires"_s), u"fires"_s);
    // Filters are not words; the first word that occurs wins; punctuation around a word is ignored.
    QCOMPARE(hit(u"speaker:\"Came Noon\" noon"_s), u"noon"_s);
    QCOMPARE(hit(u"absent \"spread\""_s), u"spread"_s);
    QCOMPARE(hit(u"fire*"_s), u"Firefighters"_s);
    // Inside a word only when it occurs nowhere at a word start.
    QCOMPARE(hit(u"fighters"_s), u"Firefighters"_s);
    QVERIFY(SearchFilters::parse(u"org:Came"_s).firstHit(text).isEmpty());
    QVERIFY(SearchFilters::parse(u"nowhere"_s).firstHit(text).isEmpty());
}

void TestWindowFixes::searchOpensTheArticleAtItsFirstHit()
{
    const QString council = m_dir->filePath(u"council.txt"_s);
    const QString market = m_dir->filePath(u"market.txt"_s);
    QVERIFY(writeFile(council,
                      longArticle(u"Council keeps the ferry subsidy"_s,
                                  u"The Lighthouse keeper said the lamp would stay lit."_s)));
    QVERIFY(
        writeFile(market, u"Market reopens after the storm\n\nStalls returned to the square on Friday.\n"_s));
    MainWindow window(m_db);
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ council, market }));
    QCOMPARE(window.session()->article().title, u"Market reopens after the storm"_s);
    const qint64 marketId = window.session()->articleId();

    // A word only in the council article, written in another case.
    auto *search = window.findChild<QLineEdit *>(u"librarySearch"_s);
    QVERIFY(search);
    QTest::keyClicks(search, u"LIGHTHOUSE"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(window.session()->article().title, u"Council keeps the ferry subsidy"_s);
    DocumentView *view = window.documentView();
    const QString body = window.session()->article().body;
    const qsizetype at = body.indexOf(u"Lighthouse"_s);
    QVERIFY(at > 0);
    QCOMPARE(view->selectedSpan(), (Span { at, at + 10 }));
    QCOMPARE(view->textCursor().selectedText(), u"Lighthouse"_s);
    QTRY_VERIFY(view->isVisible());
    const int offset = view->cursorRect().center().y() - view->viewport()->height() / 2;
    QVERIFY2(std::abs(offset) <= 2 * view->cursorRect().height(), qPrintable(QString::number(offset)));
    QVERIFY(view->verticalScrollBar()->value() > 0);

    // Opening an article from an empty search leaves it at its top, with nothing selected.
    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    QVERIFY(list);
    const int marketRow = window.libraryModel()->rowOfArticle(marketId);
    QVERIFY(marketRow >= 0);
    list->selectRow(marketRow);
    QTRY_COMPARE(window.session()->article().title, u"Market reopens after the storm"_s);
    QVERIFY(!view->textCursor().hasSelection());
    QCOMPARE(view->verticalScrollBar()->value(), 0);
}

void TestWindowFixes::windowShrinksTo800()
{
    const QString path = m_dir->filePath(u"council.txt"_s);
    QVERIFY(
        writeFile(path, longArticle(u"Council keeps the ferry subsidy"_s, u"The lighthouse stays lit."_s)));
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ path }));
    // A message showing must not widen the window either (it floats, outside the layout).
    window.messageBar()->showMessage(u"A message that is rather long, to see that a long message does "
                                     u"not make the window wider than it has to be."_s,
                                     MessageBar::Kind::Error);
    QVERIFY2(window.minimumSizeHint().width() <= 800,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    window.resize(800, 600);
    QTRY_COMPARE(window.width(), 800);
    QVERIFY(window.documentView()->width() > 200);
    QVERIFY(window.messageBar()->width() <= window.width());
}

void TestWindowFixes::exportProposesAWritableFolder()
{
    // A remembered folder that exists is kept.
    QCOMPARE(ExportDialog::defaultFolder(m_dir->path()), QFileInfo(m_dir->path()).absoluteFilePath());
    // One that is gone (or none at all) gives a folder that exists and can be written to.
    const QString gone = m_dir->filePath(u"removed/folder"_s);
    for (const QString &remembered : { gone, QString() }) {
        const QFileInfo chosen(ExportDialog::defaultFolder(remembered));
        QVERIFY2(chosen.isDir() && chosen.isWritable(), qPrintable(chosen.filePath()));
        QVERIFY(chosen.absoluteFilePath() != gone);
    }
    // The dialog proposes a file in it.
    QSettings settings;
    Settings::LastExportDir.write(settings, gone);
    ExportDialog dialog(0, {}, {});
    const QFileInfo proposed(dialog.path());
    QCOMPARE(proposed.fileName(), u"lede-export.csv"_s);
    QVERIFY2(proposed.dir().exists(), qPrintable(dialog.path()));
}

namespace {

// Whether the character at document position `pos` is painted with a background (a layer tint).
bool tintedAt(QTextDocument *doc, int pos)
{
    const QTextBlock block = doc->findBlock(pos);
    const int inBlock = pos - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.start <= inBlock && inBlock < r.start + r.length
            && r.format.hasProperty(QTextFormat::BackgroundBrush))
            return true;
    }
    return false;
}

} // namespace

void TestWindowFixes::layerToggleOnALongArticle()
{
    // About 150 KB: the same person named in every paragraph, so that the people layer tints every block.
    QString text = u"Harbour works run late\n\nBy Test Desk\n\n"_s;
    for (int i = 0; i < 700; ++i)
        text += u"Paragraph %1: Mara Quist, the harbour master, walked the new quay again and counted the "
                u"bollards that the contractor had promised to replace.\n\n"_s.arg(i + 1);
    const QString path = m_dir->filePath(u"harbour.txt"_s);
    QVERIFY(writeFile(path, text));
    MainWindow window(m_db);
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ path }));
    DocumentView *view = window.documentView();
    QTextDocument *doc = view->document();
    const int firstName = int(doc->find(u"Mara Quist"_s).selectionStart());
    const int lastName = int(
        doc->find(u"Mara Quist"_s, doc->characterCount(), QTextDocument::FindBackward).selectionStart());
    QVERIFY(firstName > 0 && lastName > firstName);
    QVERIFY(view->layers().testFlag(Layer::People));
    QVERIFY(tintedAt(doc, firstName));
    QVERIFY(tintedAt(doc, lastName));

    // Off: the text on screen loses the tint at once, the end of the article once the pass is through.
    view->setLayers(view->layers() & ~Layers(Layer::People));
    QVERIFY(!tintedAt(doc, firstName));
    QVERIFY(view->layersPending());
    QTRY_VERIFY(!view->layersPending());
    QVERIFY(!tintedAt(doc, lastName));

    // On again, and straight to the end before the pass gets there: what comes into view is done first.
    view->setLayers(view->layers() | Layer::People);
    QVERIFY(tintedAt(doc, firstName));
    QVERIFY(view->layersPending());
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    QVERIFY(tintedAt(doc, lastName));
    QTRY_VERIFY(!view->layersPending());
    // Every paragraph has its tint back.
    for (QTextCursor c = doc->find(u"Mara Quist"_s); !c.isNull(); c = doc->find(u"Mara Quist"_s, c))
        QVERIFY2(tintedAt(doc, c.selectionStart()), qPrintable(QString::number(c.selectionStart())));
}

QTEST_MAIN(TestWindowFixes)
#include "tst_windowfixes.moc"
