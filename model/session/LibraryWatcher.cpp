// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryWatcher.h"

#include "Logging.h"
#include "store/ArticleStore.h"

namespace Lede {

LibraryWatcher::LibraryWatcher(ArticleStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LibraryWatcher::checkNow);
    (void)checkNow(); // the starting point: what is there now is not a change
    m_timer.start();
}

LibraryWatcher::~LibraryWatcher() = default;

bool LibraryWatcher::checkNow()
{
    if (!m_store->isOpen())
        return false;
    const auto version = m_store->dataVersion();
    if (!version) {
        qCWarning(lcStore) << "cannot poll the library for changes:" << version.errorString();
        return false;
    }
    // data_version is per connection: after the store was reopened, its numbers start afresh.
    const bool sameLibrary = m_path == m_store->path();
    const bool changed = sameLibrary && m_lastVersion >= 0 && *version != m_lastVersion;
    m_lastVersion = *version;
    m_path = m_store->path();
    if (changed)
        emit changedExternally();
    return changed;
}

} // namespace Lede
