// SPDX-License-Identifier: GPL-3.0-or-later
// Every export format from the window: the dialog offers them all with the right suffix and
// options, the worker writes the workbook and the Web Annotations with a progress dialog whose
// Cancel leaves no file, and File → Export Report… writes the open article as HTML or PDF.
#include "ExportController.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "io/ZipArchive.h"
#include "library/WebAnnotationExport.h"
#include "session/ArticleSession.h"
#include "store/ArticleStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written for this test; the emoji makes code points and UTF-16 differ.
const QString Fixture = u"Lighthouse keeper retires after forty years\n\n"
                        u"By Ola Brandt\n\n"
                        u"SKERRY POINT (Test Wire) – The keeper 🌊 lit the lamp for the last time on Friday, "
                        u"after forty years and 14,600 nights, the harbour board said.\n\n"
                        u"“The sea was my clock,” said Ada Lund, who kept the light since 1985.\n"_s;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportFormats final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dialogOffersEveryFormat();
    void workbookAndWebAnnotations();
    void cancelLargeWebAnnotationExport();
    void exportReport();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_fixture;
};

void TestExportFormats::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_exportformats"_s);
}

void TestExportFormats::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
    m_fixture = m_dir->filePath(u"lighthouse.txt"_s);
    QVERIFY(writeFile(m_fixture, Fixture.toUtf8()));
}

void TestExportFormats::cleanup()
{
    m_dir.reset();
}

void TestExportFormats::dialogOffersEveryFormat()
{
    ExportDialog dialog(0, {}, {});
    auto *format = dialog.findChild<QComboBox *>(u"exportFormat"_s);
    QVERIFY(format);
    QCOMPARE(format->count(), 5);
    auto *path = dialog.findChild<QLineEdit *>(u"exportPath"_s);
    auto *bom = dialog.findChild<QCheckBox *>(u"byteOrderMark"_s);
    auto *automatic = dialog.findChild<QCheckBox *>(u"includeAutomatic"_s);
    automatic->setChecked(true);
    path->setText(m_dir->filePath(u"mine.csv"_s));
    struct Case
    {
        ExportFormat format;
        QString suffix;
        bool bom;
        bool automatic;
    };
    const QList<Case> cases { { ExportFormat::WebAnnotations, u"jsonld"_s, false, false },
                              { ExportFormat::Xlsx, u"xlsx"_s, false, true },
                              { ExportFormat::RefiQda, u"qdpx"_s, false, true },
                              { ExportFormat::ArticlesCsv, u"csv"_s, true, false },
                              { ExportFormat::AnnotationsCsv, u"csv"_s, true, true } };
    for (const Case &c : cases) {
        format->setCurrentIndex(format->findData(int(c.format)));
        QCOMPARE(dialog.format(), c.format);
        QCOMPARE(dialog.path(), m_dir->filePath(u"mine."_s + c.suffix));
        QCOMPARE(bom->isEnabled(), c.bom);
        QCOMPARE(automatic->isEnabled(), c.automatic);
        // Layers are asked for only where the format holds them.
        QCOMPARE(dialog.query().includeQuotes, c.automatic);
    }
    QCOMPARE(format->itemText(format->findData(int(ExportFormat::WebAnnotations))),
             u"W3C Web Annotations (JSON-LD)"_s);
}

void TestExportFormats::workbookAndWebAnnotations()
{
    MainWindow window(m_db);
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const QString body = window.session()->article().body;
    const qsizetype at = body.indexOf(u"lit the lamp"_s);
    QVERIFY(at > 0);
    QVERIFY(window.session()->addHighlight({ at, at + 12 }, { u"Scene/Light"_s }).ok());
    QSignalSpy finished(&window, &MainWindow::exportFinished);

    const QString workbook = m_dir->filePath(u"book.xlsx"_s);
    window.runExport({}, CsvOptions {}, workbook, ExportFormat::Xlsx);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).first().toBool(), true);
    ZipReader zip;
    QVERIFY(zip.open(workbook).ok());
    QVERIFY(zip.entryNames().contains(u"xl/workbook.xml"_s));
    QVERIFY(zip.read(u"xl/workbook.xml"_s, 1 << 20).value().contains("name=\"Annotations\""));

    const QString jsonld = m_dir->filePath(u"notes.jsonld"_s);
    window.runExport({}, CsvOptions {}, jsonld, ExportFormat::WebAnnotations);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(finished.at(1).first().toBool(), true);
    QVERIFY(window.messageBar()->text().contains(u"notes.jsonld"_s));
    const QJsonObject doc = QJsonDocument::fromJson(readAll(jsonld)).object();
    QCOMPARE(doc.value(u"type"_s).toString(), u"AnnotationCollection"_s);
    const QJsonArray items = doc.value(u"first"_s).toObject().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonArray selectors
        = items.at(0).toObject().value(u"target"_s).toObject().value(u"selector"_s).toArray();
    QCOMPARE(selectors.at(0).toObject().value(u"exact"_s).toString(), u"lit the lamp"_s);
    QCOMPARE(selectors.at(1).toObject().value(u"start"_s).toInteger(), at - 1); // the emoji before
}

void TestExportFormats::cancelLargeWebAnnotationExport()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(window.openArticleFiles({ m_fixture }));
    const qint64 articleId = window.session()->articleId();
    const qsizetype length = window.session()->article().body.size();
    {
        // 200,000 notes written straight into the library, so that the worker is still busy when
        // Cancel arrives.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bulk"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(
            q.exec(
                u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999) "
                u"INSERT INTO annotations (article_id, start, \"end\", exact, note, created_at, updated_at) "
                u"SELECT %1, i % %2, i % %2 + 8, 'x', 'bulk note ' || i, '2024-01-01T00:00:00Z', "
                u"'2024-01-01T00:00:00Z' FROM n"_s.arg(articleId)
                    .arg(length - 10)),
            qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bulk"_s);
    const QString path = m_dir->filePath(u"cancelled.jsonld"_s);
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.runExport({}, CsvOptions {}, path, ExportFormat::WebAnnotations);
    auto *progress = window.findChild<QProgressDialog *>(u"exportProgress"_s);
    QVERIFY(progress);
    QVERIFY(progress->findChild<QPushButton *>());
    progress->findChild<QPushButton *>()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!QFile::exists(path));
    QVERIFY(window.messageBar()->text().contains(u"cancelled"_s));
}

void TestExportFormats::exportReport()
{
    MainWindow window(m_db);
    window.show();
    QAction *report = window.action(u"exportReportAction"_s);
    QVERIFY(report);
    QVERIFY(!report->isEnabled()); // no article open
    // It sits in the File menu, next to Export….
    QMenu *file = window.menuBar()->actions().first()->menu();
    QVERIFY(file && file->actions().contains(report));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    QTRY_VERIFY(report->isEnabled());
    const QString body = window.session()->article().body;
    const qsizetype at = body.indexOf(u"14,600 nights"_s);
    QVERIFY(window.session()->addHighlight({ at, at + 13 }, {}).ok());

    // Through the menu action and its file dialog: a name without a suffix gets the chosen one.
    const QString html = m_dir->filePath(u"keeper"_s);
    bool dialogSeen = false;
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, this, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<QFileDialog *>(w); d && d->isVisible()) {
                timer->stop();
                dialogSeen = true;
                d->setDirectory(m_dir->path());
                d->selectFile(u"keeper"_s);
                // The dialog may still be listing the folder and re-select its default name when
                // that ends: type the name where accept() reads it.
                if (auto *name = d->findChild<QLineEdit *>(u"fileNameEdit"_s))
                    name->setText(u"keeper"_s);
                static_cast<QDialog *>(d)->accept(); // QFileDialog::accept() is protected
                return;
            }
        }
    });
    timer->start();
    report->trigger();
    QVERIFY(dialogSeen);
    QVERIFY2(QFile::exists(html + u".html"_s),
             qPrintable(window.messageBar()->text() + u" / "_s + QDir(m_dir->path()).entryList().join(u' ')));
    const QByteArray page = readAll(html + u".html"_s);
    QVERIFY2(page.contains("<h1>Lighthouse keeper retires after forty years</h1>"), page.constData());
    QVERIFY(page.contains("style=\"background-color: #f5d033\">14,600 nights</span>"));
    QVERIFY(window.messageBar()->text().contains(u"keeper.html"_s));

    // The PDF, written by the same controller.
    auto *controller = window.findChild<ExportController *>();
    QVERIFY(controller);
    const QString pdf = m_dir->filePath(u"keeper.pdf"_s);
    QVERIFY(controller->writeReport(window.session()->articleId(), pdf));
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
    // Another suffix is refused with a message, and nothing is written.
    const QString text = m_dir->filePath(u"keeper.txt"_s);
    QVERIFY(!controller->writeReport(window.session()->articleId(), text));
    QVERIFY(window.messageBar()->text().startsWith(u"Export failed"_s));
    QVERIFY(!QFile::exists(text));
}

QTEST_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
