// SPDX-License-Identifier: GPL-3.0-or-later
// File → New Article from Clipboard: a copied web page or text becomes an article and opens; the
// same text twice is one article; an empty clipboard says why nothing happened. Text written here.
#include "LibraryModel.h"
#include "MainWindow.h"
#include "session/ArticleSession.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

class TestClipboardArticle final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pastedPageAndText();
    void emptyClipboard();

private:
    QTemporaryDir m_dir;
};

void TestClipboardArticle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_clipboardarticle"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestClipboardArticle::pastedPageAndText()
{
    MainWindow window(m_dir.filePath(u"paste.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *page = new QMimeData;
    page->setHtml(
        u"<html><body><article><h1>Harbour wall vote delayed</h1>"
        u"<p>LINDHOLM (Test Wire) – The council put off its vote on the harbour wall until spring, the "
        u"mayor said on Tuesday.</p>"
        u"<p>“We will not build a wall that the next storm knocks down,” said Mayor Ada Kroll.</p>"
        u"</article></body></html>"_s);
    page->setText(u"plain text that must not win over the HTML"_s);
    QGuiApplication::clipboard()->setMimeData(page);
    QAction *paste = window.action(u"clipboardArticleAction"_s);
    QVERIFY(paste);
    QCOMPARE(paste->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    paste->trigger();
    QVERIFY(window.session()->isOpen());
    QCOMPARE(window.session()->article().title, u"Harbour wall vote delayed"_s);
    QVERIFY(window.session()->article().body.contains(u"put off its vote"_s));
    QVERIFY(!window.session()->article().body.contains(u"must not win"_s));
    QVERIFY(!window.session()->analysis().quotes.isEmpty());
    const qint64 first = window.session()->articleId();
    QCOMPARE(window.libraryModel()->rowCount(), 1);

    // The same page again: no second article, the first opens.
    auto *again = new QMimeData;
    again->setHtml(page->html());
    QGuiApplication::clipboard()->setMimeData(again);
    QVERIFY(window.newArticleFromClipboard());
    QCOMPARE(window.session()->articleId(), first);
    QCOMPARE(window.libraryModel()->rowCount(), 1);

    // Plain text copied from an e-mail or a PDF reader.
    QGuiApplication::clipboard()->setText(
        u"Bakery wins regional bread prize\n\nORSVIK (Test Wire) – A family bakery "
        u"won the regional rye prize for the third year running, the judges said.\n"_s);
    QVERIFY(window.newArticleFromClipboard());
    QCOMPARE(window.session()->article().title, u"Bakery wins regional bread prize"_s);
    QVERIFY(window.session()->articleId() != first);
    QCOMPARE(window.libraryModel()->rowCount(), 2);
}

void TestClipboardArticle::emptyClipboard()
{
    MainWindow window(m_dir.filePath(u"empty.sqlite"_s));
    QGuiApplication::clipboard()->setText(u"   "_s);
    QVERIFY(!window.newArticleFromClipboard());
    QVERIFY(!window.session()->isOpen());
    QCOMPARE(window.libraryModel()->rowCount(), 0);
}

QTEST_MAIN(TestClipboardArticle)
#include "tst_clipboardarticle.moc"
