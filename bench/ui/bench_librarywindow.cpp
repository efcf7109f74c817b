// SPDX-License-Identifier: GPL-3.0-or-later
// Start the window on a library of N articles (default 100,000): time to a usable window (list
// painted), search latency, memory. The library is generated once and cached at
// $TMPDIR/lede-bench-library-N.sqlite. Run with QT_QPA_PLATFORM=offscreen or under Xvfb.
#include "../BenchCorpus.h"
#include "LibraryModel.h"
#include "MainWindow.h"
#include "PaintWatcher.h"
#include "analysis/Analyzer.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>

using namespace Lede;
using namespace Qt::StringLiterals;

using LedeBench::PaintWatcher;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // keep the bench's settings away from the user's
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTextStream out(stdout);
    const QString path = QDir::temp().filePath(u"lede-bench-library-%1.sqlite"_s.arg(count));
    if (!QFileInfo::exists(path)) {
        ArticleStore store;
        if (!store.open(path)) {
            out << "cannot create " << path << "\n";
            return 1;
        }
        QElapsedTimer g;
        g.start();
        for (int i = 0; i < count; ++i) {
            Article a;
            a.title = u"Article %1 about the harbour barrier"_s.arg(i);
            a.source = i % 3 ? u"Lede Wire"_s : u"Test Wire"_s;
            a.published = QDate(2020, 1, 1).addDays(i % 1500);
            a.body = LedeBench::wireArticle(quint32(i), 3000);
            a.contentHash = QString::fromLatin1(
                QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
            if (!ArticleRepository(store).addArticle(a, {}, Analyzer::Version)) {
                out << "addArticle failed at " << i << "\n";
                return 1;
            }
            if (i % 10000 == 0 && i) {
                out << "  generated " << i << " articles (" << g.elapsed() / 1000 << " s)\n";
                out.flush();
            }
        }
        out << "generated " << count << " articles in " << g.elapsed() / 1000 << " s\n";
    }

    const double rssBefore = LedeBench::currentRssMiB();
    QElapsedTimer t;
    t.start();
    MainWindow window(path);
    auto *list = window.findChild<QTableView *>(u"articleList"_s);
    PaintWatcher watcher;
    list->viewport()->installEventFilter(&watcher);
    window.resize(1400, 900);
    window.show();
    while (!watcher.painted)
        app.processEvents();
    out << "library of " << *ArticleRepository(*window.store()).articleCount()
        << " articles: window usable (list painted) in " << t.elapsed()
        << " ms; rows fetched: " << window.libraryModel()->rowCount() << "\n";

    for (const QString &q : { u"harbour"_s, u"Okafor barrier"_s, u"storm season"_s, u"zzzznotthere"_s }) {
        QElapsedTimer s;
        s.start();
        window.libraryModel()->setSearch(q);
        const qint64 ms = s.elapsed();
        ArticleQuery all;
        all.search = q;
        out << "search \"" << q << "\": first page of " << window.libraryModel()->loadedCount() << " rows in "
            << ms << " ms (" << *ArticleRepository(*window.store()).articleCount(all) << " matches in all)\n";
    }
    window.libraryModel()->setSearch(QString());
    QElapsedTimer s;
    s.start();
    window.libraryModel()->sort(LibraryModel::TitleColumn, Qt::AscendingOrder);
    out << "sort by title: " << s.elapsed() << " ms; first row "
        << window.libraryModel()->data(window.libraryModel()->index(0, LibraryModel::TitleColumn)).toString()
        << "\n";
    out << "RSS: " << LedeBench::currentRssMiB() << " MiB (before window " << rssBefore << " MiB), peak "
        << LedeBench::peakRssMiB() << " MiB; of it the process's own memory (RssAnon, without the library "
        << "pages SQLite maps) " << LedeBench::anonRssMiB() << " MiB\n";
    return 0;
}
