// SPDX-License-Identifier: GPL-3.0-or-later
// The article report: the HTML holds the highlights in their colours, endnotes numbered in text
// order, quotes grouped by speaker and the figures table, with every library text escaped; the PDF,
// read back with pdftotext (poppler-utils), holds the title, a highlighted passage and a note, and
// pdftoppm renders the highlight's colour on page 1.
#include "analysis/Analyzer.h"
#include "library/ArticleReport.h"
#include "store/ArticleStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Written for this test.
const QString Body = u"Harbour <master> & crew count the cost 🌊 after the storm.\n"
                     u"\"We will rebuild every pier,\" said Mayor Ana Ruiz on Tuesday.\n"
                     u"\"It will take a year,\" Ruiz added.\n"
                     u"Insurers put the damage at more than 40 million euros, the ministry said.\n"
                     u"\"Nobody was hurt,\" said fire chief Tomas Berg."_s;

ArticleReportData reportData()
{
    ArticleReportData data;
    Article &a = data.article;
    a.id = 7;
    a.title = u"Storm & \"surge\" <hits> Portvale"_s;
    a.source = u"Test Wire"_s;
    a.byline = u"Maria Okafor"_s;
    a.dateline = u"PORTVALE"_s;
    a.published = QDate(2025, 5, 20);
    a.url = u"https://news.example/storm?id=1&x=2"_s;
    a.body = Body;
    data.analysis = Analyzer::analyze(a);
    const auto add = [&](const QString &passage, const QString &color, const QStringList &tags,
                         const QString &note, qint64 id) {
        Annotation n;
        n.id = id;
        n.articleId = a.id;
        n.span.start = Body.indexOf(passage);
        n.span.end = n.span.start + passage.size();
        n.exact = passage;
        n.color = color;
        n.tags = tags;
        n.note = note;
        data.annotations.append(n);
    };
    // Stored out of text order: the endnotes follow the text, not the ids.
    add(u"more than 40 million euros"_s, {}, { u"Claims/Damage"_s }, u"Second <note> & check"_s, 11);
    add(u"count the cost 🌊"_s, u"#7cc4fa"_s, {}, u"First note"_s, 12);
    add(u"We will rebuild every pier"_s, {}, {}, {}, 13);
    data.tagColors.insert(u"Claims/Damage"_s, u"#f7a1c4"_s);
    return data;
}

int indexOf(const QString &text, const QString &what)
{
    return int(text.indexOf(what));
}

} // namespace

class TestArticleReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlightsInTheirColours();
    void endnotesInTextOrder();
    void quotesBySpeakerAndFigures();
    void escapesLibraryText();
    void pdfReadBack();
    void refusesOtherSuffixes();
};

void TestArticleReport::highlightsInTheirColours()
{
    const QString html = ArticleReport::html(reportData());
    // Own colour, the tag's colour, the default.
    QVERIFY2(
        html.contains(u"<span class=\"highlight\" data-annotation=\"12\" style=\"background-color: #7cc4fa\">"
                      u"count the cost 🌊</span>"_s),
        qPrintable(html));
    QVERIFY(
        html.contains(u"<span class=\"highlight\" data-annotation=\"11\" style=\"background-color: #f7a1c4\">"
                      u"more than 40 million euros</span>"_s));
    QVERIFY(
        html.contains(u"<span class=\"highlight\" data-annotation=\"13\" style=\"background-color: #f5d033\">"
                      u"We will rebuild every pier</span>"_s));
    QCOMPARE(html.count(u"class=\"highlight\""_s), 3);
    // The body keeps its paragraphs.
    QCOMPARE(html.count(u"<p>"_s), 5);
}

void TestArticleReport::endnotesInTextOrder()
{
    const QString html = ArticleReport::html(reportData());
    // The mark follows its passage; number 1 is the earlier passage although its id is larger.
    QVERIFY(html.contains(
        u"count the cost 🌊</span><sup class=\"endnote\"><a id=\"ref-1\" href=\"#note-1\">1</a></sup>"_s));
    QVERIFY(html.contains(
        u"more than 40 million euros</span><sup class=\"endnote\"><a id=\"ref-2\" href=\"#note-2\">2</a></sup>"_s));
    QCOMPARE(html.count(u"<sup class=\"endnote\">"_s), 2);
    const int notes = indexOf(html, u"<ol class=\"endnotes\">"_s);
    QVERIFY(notes > 0);
    const int first = indexOf(html, u"<li id=\"note-1\">"_s);
    const int second = indexOf(html, u"<li id=\"note-2\">"_s);
    QVERIFY(notes < first && first < second);
    QVERIFY(html.indexOf(u"First note"_s, first) < second);
    QVERIFY(html.indexOf(u"Second &lt;note&gt; &amp; check"_s, second) > second);
}

void TestArticleReport::quotesBySpeakerAndFigures()
{
    const ArticleReportData data = reportData();
    // The analyzer found what the report groups (the text was written for it).
    QVERIFY(data.analysis.quotes.size() >= 3);
    QVERIFY(!data.analysis.figures.isEmpty());
    const QString html = ArticleReport::html(data);
    const int quotes = indexOf(html, u"Quotes by speaker"_s);
    QVERIFY(quotes > 0);
    // Ana Ruiz has two quotes and comes first; Tomas Berg one.
    const int ruiz = html.indexOf(u"<h3 class=\"speaker\">Ana Ruiz (2)</h3>"_s);
    const int berg = html.indexOf(u"<h3 class=\"speaker\">Tomas Berg (1)</h3>"_s);
    QVERIFY2(ruiz > quotes && berg > ruiz, qPrintable(html.mid(quotes)));
    const int rebuild = html.indexOf(u"<li>&quot;We will rebuild every pier,&quot;</li>"_s, ruiz);
    const int year = html.indexOf(u"<li>&quot;It will take a year,&quot;</li>"_s, ruiz);
    QVERIFY(rebuild > ruiz && year > rebuild && year < berg);

    const int figures = indexOf(html, u"<table class=\"figures\""_s);
    QVERIFY(figures > berg);
    QVERIFY(html.indexOf(u"<th>Value</th><th>Unit</th><th>Qualifier</th><th>Attributed to</th>"_s, figures)
            > 0);
    const Figure &f = data.analysis.figures.first();
    QCOMPARE(f.value, 40000000.0);
    QVERIFY2(html.indexOf(u"<td>40000000</td><td>"_s + f.unit.toHtmlEscaped() + u"</td><td>more than</td>"_s,
                          figures)
                 > 0,
             qPrintable(html.mid(figures)));
}

void TestArticleReport::escapesLibraryText()
{
    const QString html = ArticleReport::html(reportData());
    QVERIFY(html.contains(u"<title>Storm &amp; &quot;surge&quot; &lt;hits&gt; Portvale</title>"_s));
    QVERIFY(html.contains(u"<h1>Storm &amp; &quot;surge&quot; &lt;hits&gt; Portvale</h1>"_s));
    QVERIFY(html.contains(u"<p>Harbour &lt;master&gt; &amp; crew "_s));
    QVERIFY(html.contains(u"href=\"https://news.example/storm?id=1&amp;x=2\""_s));
    QVERIFY(!html.contains(u"<hits>"_s));
    QVERIFY(!html.contains(u"<master>"_s));
    QVERIFY(!html.contains(u"<note>"_s));
    QVERIFY(html.contains(u"<b>Published:</b> 2025-05-20"_s));
    QVERIFY(html.contains(u"<b>Byline:</b> Maria Okafor"_s));
}

void TestArticleReport::pdfReadBack()
{
    QVERIFY(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(u"report.pdf"_s);
    const Status s = writeArticleReport(reportData(), pdf, dir.filePath(u"lib.sqlite"_s), false);
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    file.close();

    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftotext.isEmpty() || pdftoppm.isEmpty())
        QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed: the PDF is not read back");
    QProcess p;
    p.start(pdftotext, { u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    QVERIFY2(text.contains(u"Storm & \"surge\" <hits> Portvale"_s), qPrintable(text));
    QVERIFY(text.contains(u"more than 40 million euros"_s));
    QVERIFY(text.contains(u"Second <note> & check"_s));
    QVERIFY(text.contains(u"Quotes by speaker"_s));

    // Page 1 as a person sees it: the blue highlight (#7cc4fa) is painted.
    const QString prefix = dir.filePath(u"page"_s);
    p.start(pdftoppm,
            { u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-singlefile"_s, pdf, prefix });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QImage page(prefix + u".png"_s);
    QVERIFY(!page.isNull());
    int blue = 0;
    int pink = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            blue += qAbs(c.red() - 0x7c) < 8 && qAbs(c.green() - 0xc4) < 8 && qAbs(c.blue() - 0xfa) < 8;
            pink += qAbs(c.red() - 0xf7) < 8 && qAbs(c.green() - 0xa1) < 8 && qAbs(c.blue() - 0xc4) < 8;
        }
    }
    QVERIFY2(blue > 50, qPrintable(u"blue pixels: %1"_s.arg(blue)));
    QVERIFY2(pink > 50, qPrintable(u"pink pixels: %1"_s.arg(pink)));
}

void TestArticleReport::refusesOtherSuffixes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.txt"_s);
    const Status s = writeArticleReport(reportData(), path, {}, true);
    QVERIFY(!s.ok());
    QVERIFY(s.errorString().contains(u".html or .pdf"_s));
    QVERIFY(!QFile::exists(path));
    // HTML is the same text as html(), in UTF-8.
    const QString html = dir.filePath(u"report.html"_s);
    QVERIFY(writeArticleReport(reportData(), html, {}, false).ok());
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), ArticleReport::html(reportData()));
}

QTEST_MAIN(TestArticleReport)
#include "tst_articlereport.moc"
