// SPDX-License-Identifier: GPL-3.0-or-later
// Time from "open article" to a painted DocumentView for a ~1 MB article with 10,000 highlights
// (and the automatic layers of a generated article). Run: bench_documentview [bytes] [highlights]
// with QT_QPA_PLATFORM=offscreen (or under Xvfb).
#include "../BenchCorpus.h"
#include "DocumentView.h"
#include "PaintWatcher.h"
#include "SidePanel.h"
#include "analysis/Analyzer.h"
#include "session/ArticleSession.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUndoStack>

using namespace Lede;
using namespace Qt::StringLiterals;

using LedeBench::PaintWatcher;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int bytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1024 * 1024;
    const int highlights = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10000;
    QTextStream out(stdout);

    QTemporaryDir dir;
    ArticleStore store;
    if (!store.open(dir.filePath(u"bench.sqlite"_s))) {
        out << "cannot open store\n";
        return 1;
    }
    Article article;
    article.title = u"Benchmark article"_s;
    article.body = LedeBench::wireArticle(7, bytes);
    article.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(article.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    // Automatic layers: a mark every ~200 characters, alternating types.
    AnalysisResult analysis;
    for (qsizetype p = 0, i = 0; p + 20 < article.body.size(); p += 200, ++i) {
        Entity e;
        e.span = { p, p + 12 };
        e.text = article.body.mid(p, 12);
        e.type = Entity::Type(i % 5);
        analysis.entities << e;
        if (i % 3 == 0) {
            Quote q;
            q.span = { p + 5, p + 60 };
            q.text = article.body.mid(p + 5, 55);
            q.speaker = u"Maria Okafor"_s;
            analysis.quotes << q;
        }
    }
    auto id = ArticleRepository(store).addArticle(article, analysis, Analyzer::Version);
    if (!id) {
        out << "addArticle failed: " << id.errorString() << "\n";
        return 1;
    }
    QElapsedTimer setup;
    setup.start();
    const qsizetype step = std::max<qsizetype>(1, article.body.size() / highlights);
    for (int i = 0; i < highlights; ++i) {
        Annotation a;
        a.articleId = id.value();
        const qsizetype s = i * step;
        a.span = { s, std::min(article.body.size(), s + step * 2) }; // every highlight overlaps the next
        if (i % 4 == 0)
            a.tags = { u"Bench/T%1"_s.arg(i % 7) };
        if (!AnnotationRepository(store).addAnnotation(a)) {
            out << "addAnnotation failed\n";
            return 1;
        }
    }
    out << "setup: " << highlights << " highlights stored in " << setup.elapsed() << " ms\n";

    ArticleSession session(&store);
    DocumentView view;
    SidePanel side;
    view.setSession(&session);
    side.setSession(&session);
    view.resize(900, 800);
    PaintWatcher watcher;
    view.viewport()->installEventFilter(&watcher);
    view.show();
    app.processEvents();

    QElapsedTimer t;
    t.start();
    if (!session.open(id.value())) {
        out << "open failed\n";
        return 1;
    }
    const qint64 loaded = t.elapsed();
    view.showArticle();
    const qint64 built = t.elapsed();
    side.refreshArticle();
    const qint64 panel = t.elapsed();
    watcher.painted = false;
    view.viewport()->update();
    while (!watcher.painted)
        app.processEvents();
    const qint64 painted = t.elapsed();
    out << "article " << article.body.size() << " UTF-16 units, " << view.markCount() << " marks ("
        << session.annotations().size() << " highlights)\n";
    out << "load from store: " << loaded << " ms; document + layers built: " << built
        << " ms; side panel: " << panel << " ms; first paint: " << painted << " ms\n";

    auto paintAndTime = [&](const char *what, const std::function<void()> &step) {
        QElapsedTimer c;
        c.start();
        step();
        watcher.painted = false;
        view.viewport()->update();
        while (!watcher.painted)
            app.processEvents();
        out << what << ": " << c.elapsed() << " ms\n";
        out.flush();
    };
    {
        // The rest of the article is laid out lazily in timer steps: how long does the longest block?
        QElapsedTimer total;
        total.start();
        qint64 longest = 0;
        while (total.elapsed() < 3000) {
            QElapsedTimer step;
            step.start();
            app.processEvents();
            longest = std::max(longest, step.elapsed());
        }
        out << "background layout after open: longest event-loop step " << longest << " ms\n";
    }
    // One change of one highlight: store, in-memory copy, the affected blocks, the one panel row.
    qint64 added = 0;
    paintAndTime("add one highlight (store + view + panel + repaint)", [&] {
        added = session.addHighlight({ 100, 140 }, {}, u"#7bd389"_s).value();
    });
    paintAndTime("change its range", [&] { (void)session.setRange(added, { 120, 400 }); });
    paintAndTime("remove it", [&] { (void)session.remove(added); });
    paintAndTime("undo the removal", [&] { session.undoStack()->undo(); });
    {
        // The store's share of an edit, without the session and the views.
        QElapsedTimer st;
        st.start();
        Annotation a;
        a.articleId = id.value();
        a.span = { 500, 540 };
        auto sid = AnnotationRepository(store).addAnnotation(a);
        const qint64 addMs = st.elapsed();
        st.restart();
        auto reread = AnnotationRepository(store).annotation(sid.value());
        const qint64 readMs = st.elapsed();
        st.restart();
        (void)AnnotationRepository(store).removeAnnotation(sid.value());
        out << "store alone: addAnnotation " << addMs << " ms, annotation(id) " << readMs
            << " ms, removeAnnotation " << st.elapsed() << " ms\n";
    }
    auto toggle = [&](const char *what, Layers layers) {
        // On screen first (timed to the paint), the rest of a long article in timer steps: how long until
        // every block has it, and how long is the longest step meanwhile?
        QElapsedTimer all;
        all.start();
        paintAndTime(what, [&] { view.setLayers(layers); });
        qint64 longest = 0;
        while (view.layersPending()) {
            QElapsedTimer step;
            step.start();
            app.processEvents();
            longest = std::max(longest, step.elapsed());
        }
        out << "  every block formatted after " << all.elapsed() << " ms; longest event-loop step " << longest
            << " ms\n";
    };
    toggle("toggle the people layer off", view.layers() & ~Layers(Layer::People));
    toggle("toggle it on again", view.layers() | Layer::People);
    paintAndTime("scroll to the end",
                 [&] { view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum()); });
    paintAndTime("scroll to the middle",
                 [&] { view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2); });
    paintAndTime("add one highlight near the end", [&] {
        const qsizetype n = session.article().body.size();
        (void)session.addHighlight({ n - 300, n - 200 });
    });
    QElapsedTimer idle;
    idle.start();
    qint64 longest = 0;
    for (int i = 0; i < 200; ++i) { // the lazy layout runs in timer steps; how long is the longest?
        QElapsedTimer step;
        step.start();
        app.processEvents();
        longest = std::max(longest, step.elapsed());
    }
    out << "longest event-loop step while idle afterwards: " << longest << " ms\n";
    out << "peak RSS: " << LedeBench::peakRssMiB() << " MiB\n";
    return 0;
}
