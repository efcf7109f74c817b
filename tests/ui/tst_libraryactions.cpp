// SPDX-License-Identifier: GPL-3.0-or-later
// Deleting articles and editing their details in the window: the list's Delete key asks first and
// names what goes, Ctrl+Z brings everything back; F2 edits the details, shown at once in the list.
#include "ArticleDetailsDialog.h"
#include "LibraryActions.h"
#include "LibraryModel.h"
#include "MainWindow.h"
#include "session/ArticleSession.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Ferry
    = "Ferry operator halts night crossings\n\nKESTREL BAY – A ferry operator suspended all night "
      "crossings on Sunday after an engine fire, the coast guard said. The company said the "
      "crossings would resume once inspectors had cleared the fleet.\n";
const QByteArray Market
    = "Market hall reopens after repairs\n\nThe market hall in Kestrel Bay reopened on Friday after "
      "six weeks of roof repairs, the town said.\n";

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

} // namespace

class TestLibraryActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void deletionQuestionNamesWhatGoes();
    void deleteKeyAsksAndUndoBringsAllBack();
    void cancelDeletesNothing();
    void editDetailsShowsAtOnceAndUndoes();
    void mergeTwoSelectedAndUndo();
    void importOffersToReplaceANewVersion();
    void sortAndLastArticleArePerLibrary();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_ferry;
    QString m_market;
};

void TestLibraryActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_libraryactions"_s);
}

void TestLibraryActions::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
    m_ferry = m_dir->filePath(u"ferry.txt"_s);
    m_market = m_dir->filePath(u"market.txt"_s);
    QVERIFY(writeFile(m_ferry, Ferry));
    QVERIFY(writeFile(m_market, Market));
}

void TestLibraryActions::deletionQuestionNamesWhatGoes()
{
    // The plural forms come from translations/lede_en.ts ("1 highlight", "2 highlights"); the
    // words before them are checked, so the test holds before and after the .ts is regenerated.
    MainWindow window(m_db);
    const QString three = LibraryActions::deletionQuestion(3, 12, 4, {});
    QVERIFY2(three.startsWith(u"Delete 3 article"_s) && three.contains(u" with 12 highlight"_s)
                 && three.contains(u" and 4 note"_s),
             qPrintable(three));
    const QString one = LibraryActions::deletionQuestion(1, 1, 0, u"Pier"_s);
    QVERIFY2(one.startsWith(u"Delete “Pier” with 1 highlight"_s) && one.contains(u"and 0 note"_s),
             qPrintable(one));
    QCOMPARE(LibraryActions::deletionQuestion(1, 0, 0, u"Pier"_s),
             u"Delete “Pier” (no highlights or notes)?"_s);
}

void TestLibraryActions::deleteKeyAsksAndUndoBringsAllBack()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_market }));
    const qint64 marketId = window.session()->articleId();
    QVERIFY(window.openArticleFiles({ m_ferry }));
    const qint64 ferryId = window.session()->articleId();
    ArticleSession *session = window.session();
    QVERIFY(session->addHighlight({ 0, 5 }, { u"Sources/Coast guard"_s }).ok());
    QVERIFY(session->addHighlight({ 10, 20 }, {}, {}, u"ask the operator"_s).ok());
    const auto before = AnnotationRepository(*window.store()).annotations(ferryId).value();
    QCOMPARE(window.libraryModel()->rowCount(), 2);

    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    QVERIFY(list);
    list->setFocus();
    list->selectRow(window.libraryModel()->rowOfArticle(ferryId));
    QString question;
    whenDialogShows<QMessageBox>([&question](QMessageBox *box) {
        question = box->text();
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
    });
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_VERIFY(!ArticleRepository(*window.store()).article(ferryId));
    QVERIFY2(question.startsWith(u"Delete “Ferry operator halts night crossings” with 1 highlight"_s)
                 && question.contains(u"and 1 note"_s),
             qPrintable(question));
    QVERIFY(!session->isOpen()); // the open article went with it
    QCOMPARE(window.libraryModel()->rowCount(), 1);
    QVERIFY(ArticleRepository(*window.store()).article(marketId));

    QAction *undo = window.action(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(u"Delete 1 article"_s), qPrintable(undo->text()));
    undo->trigger();
    QVERIFY(ArticleRepository(*window.store()).article(ferryId));
    const auto after = AnnotationRepository(*window.store()).annotations(ferryId).value();
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).id, before.at(i).id);
        QCOMPARE(after.at(i).note, before.at(i).note);
        QCOMPARE(after.at(i).tags, before.at(i).tags);
        QCOMPARE(after.at(i).span, before.at(i).span);
    }
    QCOMPARE(window.libraryModel()->rowCount(), 2);
    QCOMPARE(session->articleId(), ferryId); // open again, as it was
    QCOMPARE(session->annotations().size(), 2);

    // Redo deletes again, undo restores again; the article's own history survived.
    window.action(u"redoAction"_s)->trigger();
    QVERIFY(!ArticleRepository(*window.store()).article(ferryId));
    undo->trigger();
    QVERIFY(ArticleRepository(*window.store()).article(ferryId));
    undo->trigger(); // the note's highlight, from the article's own history
    QCOMPARE(AnnotationRepository(*window.store()).annotations(ferryId)->size(), 1);
}

void TestLibraryActions::cancelDeletesNothing()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_ferry }));
    const qint64 ferryId = window.session()->articleId();
    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    list->setFocus();
    list->selectRow(0);
    bool asked = false;
    whenDialogShows<QMessageBox>([&asked](QMessageBox *box) {
        asked = true;
        box->button(QMessageBox::Cancel)->click();
    });
    window.action(u"deleteArticlesAction"_s)->trigger();
    QVERIFY(asked);
    QVERIFY(ArticleRepository(*window.store()).article(ferryId));
    QVERIFY(window.session()->isOpen());
}

void TestLibraryActions::editDetailsShowsAtOnceAndUndoes()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_ferry }));
    const qint64 id = window.session()->articleId();
    const int row = window.libraryModel()->rowOfArticle(id);
    const QString oldTitle = window.libraryModel()->index(row, LibraryModel::TitleColumn).data().toString();
    // A bad date is refused inside the dialog; then a good one is taken.
    const QString ferry = m_ferry;
    whenDialogShows<ArticleDetailsDialog>([ferry](ArticleDetailsDialog *d) {
        // Where the story came from, read only.
        QCOMPARE(d->findChild<QLabel *>(u"detailsFormat"_s)->text(),
                 ArticleDetailsDialog::formatDescription(u"txt"_s));
        QVERIFY(d->findChild<QLabel *>(u"detailsFile"_s)->text().startsWith(ferry));
        const auto *origin = d->findChild<QTreeWidget *>(u"detailsOrigin"_s);
        QCOMPARE(origin->topLevelItemCount(), 2);
        const QTreeWidgetItem *provenance = origin->topLevelItem(1);
        QStringList fields;
        for (int i = 0; i < provenance->childCount(); ++i)
            fields << provenance->child(i)->text(0);
        QVERIFY2(fields.contains(u"importer version"_s) && fields.contains(u"encoding"_s),
                 qPrintable(fields.join(u", "_s)));
        d->findChild<QLineEdit *>(u"detailsTitle"_s)->setText(u"Night ferries halted"_s);
        d->findChild<QLineEdit *>(u"detailsSource"_s)->setText(u"Test Wire"_s);
        d->findChild<QLineEdit *>(u"detailsDate"_s)->setText(u"2024-13-40"_s);
        d->accept();
        QVERIFY(d->isVisible());
        QVERIFY(d->findChild<QWidget *>(u"detailsProblem"_s)->isVisible());
        d->findChild<QLineEdit *>(u"detailsDate"_s)->setText(u"2024-03-17"_s);
        d->accept();
    });
    window.action(u"editDetailsAction"_s)->trigger();
    const Article stored = ArticleRepository(*window.store()).article(id).value();
    QCOMPARE(stored.title, u"Night ferries halted"_s);
    QCOMPARE(stored.source, u"Test Wire"_s);
    QCOMPARE(stored.published, QDate(2024, 3, 17));
    // Editing the details keeps where the story came from.
    QCOMPARE(articleFormat(stored), u"txt"_s);
    QCOMPARE(stored.provenance.value(u"file"_s), m_ferry);
    const int newRow = window.libraryModel()->rowOfArticle(id);
    QCOMPARE(window.libraryModel()->index(newRow, LibraryModel::TitleColumn).data().toString(),
             u"Night ferries halted"_s);
    QCOMPARE(window.libraryModel()->index(newRow, LibraryModel::SourceColumn).data().toString(),
             u"Test Wire"_s);
    QCOMPARE(window.session()->article().title, u"Night ferries halted"_s);

    window.action(u"undoAction"_s)->trigger();
    QCOMPARE(ArticleRepository(*window.store()).article(id)->title, oldTitle);
    QVERIFY(!ArticleRepository(*window.store()).article(id)->published.isValid());
    QCOMPARE(window.libraryModel()
                 ->index(window.libraryModel()->rowOfArticle(id), LibraryModel::TitleColumn)
                 .data()
                 .toString(),
             oldTitle);
}

void TestLibraryActions::mergeTwoSelectedAndUndo()
{
    // A second import of the ferry story with a word changed and a sentence added.
    const QString newer = m_dir->filePath(u"ferry2.txt"_s);
    QVERIFY(writeFile(newer,
                      QByteArray(Ferry).replace("engine fire", "engine-room fire").trimmed()
                          + " Two crew members were treated for smoke.\n"));
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_ferry }));
    const qint64 keepId = window.session()->articleId();
    bool offered = false; // a new version: the window offers to replace; the reader keeps both
    whenDialogShows<QMessageBox>([&offered](QMessageBox *box) {
        offered = true;
        box->findChild<QPushButton *>(u"keepBothButton"_s)->click();
    });
    QVERIFY(window.openArticleFiles({ newer }));
    QVERIFY(offered);
    const qint64 otherId = window.session()->articleId();
    const QString body = window.session()->article().body;
    auto spanOf = [&](const QString &passage) {
        const qsizetype at = body.indexOf(passage);
        return Span { at, at + passage.size() };
    };
    QVERIFY(
        window.session()->addHighlight(spanOf(u"suspended all night crossings"_s), {}, {}, u"exact"_s).ok());
    QVERIFY(window.session()->addHighlight(spanOf(u"after an engine-room fire"_s), {}, {}, u"moved"_s).ok());
    QVERIFY(window.session()
                ->addHighlight(spanOf(u"Two crew members were treated for smoke."_s), {}, {}, u"orphan"_s)
                .ok());

    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    list->selectionModel()->clearSelection();
    for (qint64 id : { keepId, otherId })
        list->selectionModel()->select(
            window.libraryModel()->index(window.libraryModel()->rowOfArticle(id), 0),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QAction *merge = window.action(u"mergeArticlesAction"_s);
    QVERIFY(merge->isEnabled());
    // The question names both; keep the earlier import.
    QString question;
    whenDialogShows<QMessageBox>([&question, keepId](QMessageBox *box) {
        question = box->text();
        const bool first
            = box->text().contains(u"1. “Ferry operator halts night crossings” (article %1,"_s.arg(keepId));
        box->findChild<QPushButton *>(first ? u"keepFirst"_s : u"keepSecond"_s)->click();
    });
    merge->trigger();
    QVERIFY2(question.contains(u"(article %1,"_s.arg(otherId)), qPrintable(question));
    QVERIFY2(!ArticleRepository(*window.store()).article(otherId),
             qPrintable(window.messageBar()->findChild<QLabel *>()->text()));
    QCOMPARE(AnnotationRepository(*window.store()).annotations(keepId)->size(), 3);
    QCOMPARE(window.libraryModel()->rowCount(), 1);
    // Open the kept article: the orphan is listed in the Notes tab, with its text.
    QVERIFY(window.openArticle(keepId));
    auto *notes = window.findChild<QAbstractItemView *>(u"notesList"_s);
    QVERIFY(notes);
    QStringList labels;
    for (int r = 0; r < notes->model()->rowCount(); ++r)
        labels << notes->model()->index(r, 0).data().toString();
    QVERIFY2(labels.filter(u"Orphaned: “Two crew members were treated for smoke.”"_s).size() == 1,
             qPrintable(labels.join(u" | "_s)));

    window.action(u"undoAction"_s)->trigger();
    QVERIFY(ArticleRepository(*window.store()).article(otherId));
    QCOMPARE(AnnotationRepository(*window.store()).annotations(keepId)->size(), 0);
    QCOMPARE(AnnotationRepository(*window.store()).annotations(otherId)->size(), 3);
    QCOMPARE(window.libraryModel()->rowCount(), 2);
}

void TestLibraryActions::importOffersToReplaceANewVersion()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_ferry }));
    const qint64 id = window.session()->articleId();
    const QString body = window.session()->article().body;
    const qsizetype at = body.indexOf(u"inspectors had cleared the fleet"_s);
    QVERIFY(window.session()->addHighlight({ at, at + 32 }, {}, {}, u"which inspectors?"_s).ok());
    const QString newer = m_dir->filePath(u"ferry-update.txt"_s);
    QVERIFY(writeFile(newer,
                      QByteArray(Ferry).replace("Sunday", "Sunday night").trimmed()
                          + " Passengers were offered refunds.\n"));
    QString question;
    whenDialogShows<QMessageBox>([&question](QMessageBox *box) {
        question = box->text();
        box->findChild<QPushButton *>(u"replaceButton"_s)->click();
    });
    QVERIFY(window.openArticleFiles({ newer }));
    QVERIFY2(question.contains(u"(article %1)"_s.arg(id)), qPrintable(question));
    QCOMPARE(ArticleRepository(*window.store()).articleCount().value(), 1);
    QCOMPARE(window.session()->articleId(), id); // the old article, with the new text
    QVERIFY(window.session()->article().body.contains(u"refunds"_s));
    QCOMPARE(window.session()->annotations().size(), 1);
    const Annotation a = window.session()->annotations().first();
    QCOMPARE(window.session()->article().body.mid(a.span.start, a.span.length()),
             u"inspectors had cleared the fleet"_s);
    QCOMPARE(a.note, u"which inspectors?"_s);
    QVERIFY(!window.session()->undoStack()->canUndo()); // its spans belonged to the old text
}

void TestLibraryActions::sortAndLastArticleArePerLibrary()
{
    const QString other = m_dir->filePath(u"other.sqlite"_s);
    qint64 marketId = 0;
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(window.openArticleFiles({ m_ferry }));
        QVERIFY(window.openArticleFiles({ m_market }));
        marketId = window.session()->articleId();
        window.findChild<QTableView *>(u"articleList"_s)
            ->sortByColumn(LibraryModel::TitleColumn, Qt::DescendingOrder);
        QVERIFY(window.close());
    }
    qint64 ferryElsewhere = 0;
    {
        MainWindow window(other); // another library: its own sort and last article
        window.show();
        QVERIFY(window.openArticleFiles({ m_market }));
        QVERIFY(window.openArticleFiles({ m_ferry }));
        ferryElsewhere = window.session()->articleId();
        QCOMPARE(window.findChild<QTableView *>(u"articleList"_s)->horizontalHeader()->sortIndicatorSection(),
                 -1);
        QVERIFY(window.close());
    }
    {
        MainWindow window(m_db);
        auto *header = window.findChild<QTableView *>(u"articleList"_s)->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(LibraryModel::TitleColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        // Title, Z to A: "Market hall…" before "Ferry operator…".
        QCOMPARE(window.libraryModel()->articleAt(window.libraryModel()->index(0, 0))->id, marketId);
        QCOMPARE(window.session()->articleId(), marketId);
    }
    {
        MainWindow window(other);
        QCOMPARE(window.findChild<QTableView *>(u"articleList"_s)->horizontalHeader()->sortIndicatorSection(),
                 -1);
        QCOMPARE(window.session()->articleId(), ferryElsewhere);
    }
}

QTEST_MAIN(TestLibraryActions)
#include "tst_libraryactions.moc"
