// SPDX-License-Identifier: GPL-3.0-or-later
// The window's File → Import from URL… and the Feeds section of the library pane, against a local
// server (LocalHttpServer.h) serving pages and a feed written here. Nothing is fetched from the
// internet.
#include "DocumentView.h"
#include "FeedController.h"
#include "FeedsPanel.h"
#include "ImportController.h"
#include "LibraryModel.h"
#include "LocalHttpServer.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "UrlDialog.h"
#include "session/ArticleSession.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <functional>

using namespace Lede;
using namespace Qt::StringLiterals;
using LedeTest::LocalHttpServer;

namespace {

// Runs `act` on the modal dialog named `name` as soon as it is open (dialog.exec() blocks the test).
void whenModal(const QString &name, const std::function<void(QWidget *)> &act, int tries = 200)
{
    QTimer::singleShot(25, qApp, [name, act, tries] {
        QWidget *w = QApplication::activeModalWidget();
        if (w && w->objectName() == name)
            act(w);
        else if (tries > 0)
            whenModal(name, act, tries - 1);
    });
}

QByteArray storyParagraphs(const QByteArray &topic)
{
    QByteArray html;
    for (int i = 0; i < 10; ++i)
        html += "<p>Residents met on Thursday to talk about the " + topic
            + ", and the council promised an answer within a month, the chair said after the meeting.</p>";
    return html;
}

// The summary's words as the translation in use gives them ("2 new articles.").
QString newArticles(int n)
{
    return QCoreApplication::translate("Lede::FeedController", "%n new article(s).", nullptr, n);
}

} // namespace

class TestFeedsWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importFromUrl();
    void cancelStopsAFeedWhosePagesHang();
    void summaryListsWarnings();
    void feedsSection();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalHttpServer> m_server;
};

void TestFeedsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_feedswindow"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    const QByteArray feed
        = "<?xml version=\"1.0\"?><rss version=\"2.0\" "
          "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
          "<channel><title>Hillside Herald</title>"
          "<item><title>Footbridge repainted</title><guid>h-1</guid><content:encoded><![CDATA["
        + storyParagraphs("footbridge")
        + "]]></content:encoded></item>"
          "<item><title>Orchard harvest starts</title><guid>h-2</guid><content:encoded><![CDATA["
        + storyParagraphs("orchard harvest") + "]]></content:encoded></item></channel></rss>";
    m_server = std::make_unique<LocalHttpServer>(QHash<QByteArray, QByteArray> {
        { "/story.html",
          LocalHttpServer::response(200, "OK", "text/html; charset=utf-8",
                                    "<html><head><title>Hill road closed</title></head><body><article>"
                                    "<h1>Hill road closed for repairs</h1>"
                                        + storyParagraphs("hill road") + "</article></body></html>") },
        { "/hillside.rss", LocalHttpServer::response(200, "OK", "application/rss+xml", feed) },
        { "/slow-page", "HANG" },
    });
    // A feed whose second item is a teaser: its page is fetched, and never answers.
    m_server->setRoute(
        "/teasers.rss",
        LocalHttpServer::response(
            200, "OK", "application/rss+xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\" "
            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Valley Voice</title>"
            "<item><title>Bakery wins prize</title><guid>v-1</guid><content:encoded><![CDATA["
                + storyParagraphs("bakery prize")
                + "]]></content:encoded></item><item><title>Mill to reopen</title><guid>v-2</guid><link>"
                + m_server->url(u"/slow-page"_s).toUtf8()
                + "</link><description>The old mill reopens in May. Read more</description></item>"
                  "</channel></rss>"));
    // A teaser whose page is gone: imported with the feed's text, and a warning.
    m_server->setRoute(
        "/gone-teaser.rss",
        LocalHttpServer::response(
            200, "OK", "application/rss+xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            "<channel><title>Valley Voice</title>"
            "<item><title>Weir repaired</title><guid>w-1</guid><dc:creator>Lena Park</dc:creator><link>"
                + m_server->url(u"/gone.html"_s).toUtf8()
                + "</link><description>The weir below the mill was repaired over the winter, the river "
                  "trust said. Read more</description></item></channel></rss>"));
    QVERIFY(m_server->port() != 0);
}

void TestFeedsWindow::importFromUrl()
{
    MainWindow window(m_dir.filePath(u"url.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = window.action(u"importUrlAction"_s);
    QVERIFY(action);
    QSignalSpy finished(&window, &MainWindow::importFinished);

    // An address without its scheme cannot be accepted; a good one is fetched and opens.
    bool okWasDisabled = false;
    whenModal(u"urlDialog"_s, [&](QWidget *w) {
        auto *field = w->findChild<QLineEdit *>(u"urlField"_s);
        QPushButton *ok = w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        field->setText(u"hillside.example/story.html"_s);
        okWasDisabled = !ok->isEnabled();
        field->setText(m_server->url(u"/story.html"_s));
        ok->click();
    });
    action->trigger();
    QVERIFY(okWasDisabled);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(window.libraryModel()->rowCount(), 1);
    QCOMPARE(ArticleRepository(*window.store())
                 .article(window.libraryModel()->articleAt(window.libraryModel()->index(0, 0))->id)
                 ->title,
             u"Hill road closed for repairs"_s);

    // A missing page: nothing is imported and the reason is shown.
    QString summary;
    whenModal(u"urlDialog"_s, [&](QWidget *w) {
        w->findChild<QLineEdit *>(u"urlField"_s)->setText(m_server->url(u"/gone.html"_s));
        w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        whenModal(u"importSummary"_s, [&](QWidget *s) {
            summary = s->findChild<QPlainTextEdit *>(u"importFailures"_s)->toPlainText();
            s->close();
        });
    });
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(summary, u"%1: the server answered 404 Not Found"_s.arg(m_server->url(u"/gone.html"_s)));
    QCOMPARE(window.libraryModel()->rowCount(), 1);
}

void TestFeedsWindow::cancelStopsAFeedWhosePagesHang()
{
    // File → Import from URL… on a feed whose linked page hangs: Cancel in the progress dialog ends
    // the import at once (not after the 30 s time limit), writes nothing of the feed and says it was
    // cancelled, with no failure to list.
    MainWindow window(m_dir.filePath(u"cancel.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *controller = window.findChild<ImportController *>();
    QVERIFY(controller);
    int finished = 0;
    ImportSummary summary;
    connect(controller, &ImportController::finished, this, [&](const ImportSummary &s) {
        summary = s;
        ++finished;
    });
    whenModal(u"urlDialog"_s, [&](QWidget *w) {
        w->findChild<QLineEdit *>(u"urlField"_s)->setText(m_server->url(u"/teasers.rss"_s));
        w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    window.action(u"importUrlAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().contains("/slow-page"), 10000);
    auto *progress = window.findChild<QProgressDialog *>(u"importProgress"_s);
    QVERIFY(progress);
    QTRY_VERIFY(progress->isVisible()); // shown after its minimum duration, as a reader sees it
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QElapsedTimer clock;
    clock.start();
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 30000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.imported, 0);
    QVERIFY(summary.failures.isEmpty());
    QCOMPARE(window.libraryModel()->rowCount(), 0);
    QVERIFY2(window.messageBar()->text().contains(
                 QCoreApplication::translate("Lede::ImportController", "Import cancelled.")),
             qPrintable(window.messageBar()->text()));
}

void TestFeedsWindow::summaryListsWarnings()
{
    // What was imported with a warning is imported, and the summary says why it is not quite right,
    // naming the item as `lede import` does (URL#N).
    MainWindow window(m_dir.filePath(u"warnings.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::importFinished);
    const QString feedUrl = m_server->url(u"/gone-teaser.rss"_s);
    QString listed;
    bool progressCameBack = false;
    whenModal(u"urlDialog"_s, [&](QWidget *w) {
        w->findChild<QLineEdit *>(u"urlField"_s)->setText(feedUrl);
        w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        whenModal(u"importSummary"_s, [&](QWidget *s) {
            listed = s->findChild<QPlainTextEdit *>(u"importFailures"_s)->toPlainText();
            // The progress dialog stays away while the summary is read (its show timer once brought
            // it back over the summary after its minimum duration).
            QTest::qWait(600);
            auto *progress = window.findChild<QProgressDialog *>(u"importProgress"_s);
            progressCameBack = progress && progress->isVisible();
            s->close();
        });
    });
    window.action(u"importUrlAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!progressCameBack);
    QCOMPARE(window.libraryModel()->rowCount(), 1);
    QVERIFY2(listed.startsWith(feedUrl + u"#1: warning: could not fetch the full article at "_s
                               + m_server->url(u"/gone.html"_s) + u" (the server answered 404 Not Found)"_s),
             qPrintable(listed));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Warning);
    // The item's author is not in its text: the article's header names it.
    auto *view = window.findChild<DocumentView *>(u"documentView"_s);
    QVERIFY(view);
    QTRY_VERIFY(window.session()->isOpen());
    QVERIFY2(view->toPlainText().contains(u"By Lena Park"_s), qPrintable(view->toPlainText().left(200)));
}

void TestFeedsWindow::feedsSection()
{
    MainWindow window(m_dir.filePath(u"feeds.sqlite"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<FeedsPanel *>();
    auto *controller = window.findChild<FeedController *>();
    QVERIFY(panel && controller);
    auto *list = panel->findChild<QTreeWidget *>(u"feedList"_s);
    auto *updateAll = panel->findChild<QAction *>(u"updateAllFeedsAction"_s);
    auto *remove = panel->findChild<QAction *>(u"removeFeedAction"_s);
    QVERIFY(list && updateAll && remove);
    // No subscriptions yet: the section starts folded, its header one click away.
    QVERIFY(!panel->isVisible());
    auto *header = window.findChild<QToolButton *>(u"feedsHeader"_s);
    QVERIFY(header && header->isVisible());
    header->click();
    QVERIFY(panel->isVisible());
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(!updateAll->isEnabled());

    QSignalSpy finished(controller, &FeedController::finished);
    whenModal(u"urlDialog"_s, [&](QWidget *w) {
        w->findChild<QLineEdit *>(u"urlField"_s)->setText(m_server->url(u"/hillside.rss"_s));
        w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    panel->findChild<QAction *>(u"addFeedAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), u"Hillside Herald"_s);
    QCOMPARE(list->topLevelItem(0)->text(1), u"0"_s);
    QCOMPARE(window.libraryModel()->rowCount(), 0);

    QVERIFY(updateAll->isEnabled());
    updateAll->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(list->topLevelItem(0)->text(1), u"2"_s);
    QTRY_COMPARE(window.libraryModel()->rowCount(), 2);
    QVERIFY2(window.messageBar()->text().contains(newArticles(2)), qPrintable(window.messageBar()->text()));

    // Again: nothing new.
    updateAll->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QCOMPARE(window.libraryModel()->rowCount(), 2);
    QVERIFY2(window.messageBar()->text().contains(newArticles(0)), qPrintable(window.messageBar()->text()));

    // Remove asks first; the articles stay.
    list->topLevelItem(0)->setSelected(true);
    QVERIFY(remove->isEnabled());
    whenModal(u"removeFeedBox"_s,
              [](QWidget *box) { box->findChild<QPushButton *>(u"removeFeedButton"_s)->click(); });
    remove->trigger();
    QCOMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(window.libraryModel()->rowCount(), 2);
}

QTEST_MAIN(TestFeedsWindow)
#include "tst_feedswindow.moc"
