// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedController.h"

#include "ImportController.h"
#include "UiHelpers.h"
#include "UrlDialog.h"
#include "library/FeedUpdate.h"
#include "store/ArticleStore.h"
#include "store/FeedRepository.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QtConcurrent>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

struct Subscribed
{
    qint64 id = 0;
    QString title;
    QString error;
};

} // namespace

FeedController::FeedController(ArticleStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
{
}

FeedController::~FeedController() = default;

void FeedController::addFeedDialog()
{
    const QString url = UrlDialog::ask(m_window, tr("Add Feed"),
                                       tr("The &web address of an RSS or Atom feed. Lede fetches it once to "
                                          "check it; Update imports its items."));
    if (!url.isEmpty())
        addFeed(url);
}

void FeedController::addFeed(const QString &url)
{
    if (!m_store->isOpen() || m_running)
        return;
    m_running = true;
    const QString dbPath = m_store->path();
    QFuture<Subscribed> future = QtConcurrent::run([dbPath, url] {
        Subscribed s;
        ArticleStore store;
        if (const Status opened = store.open(dbPath); !opened) {
            s.error = opened.errorString();
            return s;
        }
        auto id = subscribeFeed(store, url);
        if (!id) {
            s.error = id.errorString();
            return s;
        }
        s.id = *id;
        if (auto feed = FeedRepository(store).feed(*id))
            s.title = feed->title;
        return s;
    });
    QProgressDialog *progress
        = makeProgressDialog(m_window, u"feedProgress"_s, tr("Checking the feed…"), tr("Add Feed"), 0);
    progress->setCancelButton(nullptr); // one fetch, with its own time limit
    auto *watcher = new QFutureWatcher<Subscribed>(this);
    connect(watcher, &QFutureWatcher<Subscribed>::finished, this, [this, watcher, progress, url] {
        progress->reset(); // stops its show timer, which would bring it back over a summary box
        progress->hide();
        progress->deleteLater();
        watcher->deleteLater();
        m_running = false;
        const Subscribed s = watcher->result();
        if (s.id == 0) {
            emit message(tr("Cannot subscribe to %1: %2").arg(url, s.error), MessageBar::Kind::Error);
        } else {
            emit message(
                tr("Subscribed to %1. Update imports its items.").arg(s.title.isEmpty() ? url : s.title),
                MessageBar::Kind::Information);
            emit feedsChanged();
        }
        emit finished();
    });
    watcher->setFuture(future);
}

void FeedController::updateFeeds(const QList<qint64> &ids)
{
    if (!m_store->isOpen() || m_running)
        return;
    auto feeds = FeedRepository(*m_store).feeds();
    if (!feeds) {
        emit message(tr("Cannot read the feeds: %1").arg(feeds.errorString()), MessageBar::Kind::Error);
        return;
    }
    const int count = int(ids.isEmpty() ? feeds->size() : ids.size());
    if (count == 0) {
        emit message(tr("There are no feeds to update. Add one first."), MessageBar::Kind::Information);
        return;
    }
    m_running = true;
    const QString dbPath = m_store->path();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<FeedUpdateResult> future
        = QtConcurrent::run([dbPath, ids, cancel, count](QPromise<FeedUpdateResult> &promise) {
              ArticleStore store;
              if (const Status s = store.open(dbPath); !s) {
                  FeedUpdateResult failed;
                  failed.error = s.errorString();
                  promise.addResult(failed);
                  return;
              }
              promise.setProgressRange(0, count);
              int done = 0;
              FeedUpdateOptions options;
              options.cancelled = [cancel] { return cancel->load(); };
              Lede::updateFeeds(store, ids, options, [&](const FeedUpdateResult &r) {
                  promise.addResult(r);
                  promise.setProgressValue(++done);
                  return !cancel->load();
              });
          });
    QProgressDialog *progress
        = makeProgressDialog(m_window, u"feedProgress"_s, tr("Updating feeds…"), tr("Update Feeds"), count);
    auto *watcher = new QFutureWatcher<FeedUpdateResult>(this);
    connect(watcher, &QFutureWatcher<FeedUpdateResult>::progressValueChanged, progress, [progress](int v) {
        progress->setValue(v);
        progress->setLabelText(tr("Updating feeds… %1 of %2").arg(v).arg(progress->maximum()));
    });
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(watcher, &QFutureWatcher<FeedUpdateResult>::finished, this, [this, watcher, progress, cancel] {
        progress->reset(); // stops its show timer, which would bring it back over a summary box
        progress->hide();
        progress->deleteLater();
        watcher->deleteLater();
        m_running = false;
        int imported = 0;
        int completed = 0;
        int updated = 0;
        QStringList failures;
        for (const FeedUpdateResult &r : watcher->future().results()) {
            if (r.ok) {
                ++updated;
                imported += int(r.imported.size());
                completed += int(r.completed.size());
                for (const ImportOutcome &o : r.completed)
                    emit articleTextReplaced(o.articleId);
            } else if (!r.cancelled) {
                const QString name = r.feed.title.isEmpty() ? r.feed.url : r.feed.title;
                failures << tr("%1: %2").arg(name.isEmpty() ? tr("feed %1").arg(r.feed.id) : name, r.error);
            }
        }
        emit feedsChanged();
        if (imported > 0 || completed > 0)
            emit libraryChanged();
        QString text = tr("Updated %n feed(s):", nullptr, updated) + u' '
            + tr("%n new article(s).", nullptr, imported);
        if (completed > 0)
            text += u' ' + tr("%n article(s) got the full text of their page.", nullptr, completed);
        if (cancel->load())
            text += u' ' + tr("Update cancelled.");
        if (failures.isEmpty()) {
            emit message(text, MessageBar::Kind::Information);
        } else {
            text += u' ' + tr("%n feed(s) could not be updated.", nullptr, int(failures.size()));
            emit message(text, MessageBar::Kind::Warning);
            ImportSummaryDialog dialog(text, failures, m_window);
            dialog.setWindowTitle(tr("Feed Update"));
            dialog.exec();
        }
        emit finished();
    });
    watcher->setFuture(future);
}

void FeedController::removeFeed(qint64 id)
{
    if (!m_store->isOpen() || m_running)
        return;
    auto feed = FeedRepository(*m_store).feed(id);
    if (!feed) {
        emit message(feed.errorString(), MessageBar::Kind::Error);
        return;
    }
    const QString name = feed->title.isEmpty() ? feed->url : feed->title;
    QMessageBox box(QMessageBox::Question, tr("Remove Feed"),
                    feed->itemCount > 0 ? tr("Stop following “%1”? Its %n article(s) stay in the library.",
                                             nullptr, feed->itemCount)
                                              .arg(name)
                                        : tr("Stop following “%1”?").arg(name),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(u"removeFeedBox"_s);
    QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::AcceptRole);
    remove->setObjectName(u"removeFeedButton"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (Status s = FeedRepository(*m_store).removeFeed(id); !s) {
        emit message(tr("Cannot remove the feed: %1").arg(s.errorString()), MessageBar::Kind::Error);
        return;
    }
    emit message(tr("Removed the feed “%1”.").arg(name), MessageBar::Kind::Information);
    emit feedsChanged();
}

} // namespace Lede
