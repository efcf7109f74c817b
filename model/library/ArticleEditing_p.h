// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to model/library: the transaction scope of the library-management actions.

#include "Result.h"

#include <QString>

namespace Lede {

class ArticleStore;

// One action, one transaction: begins a batch on the store (ArticleStore::beginBulk), or a
// savepoint when a batch is open already (an undo step), and rolls it back unless commit()
// succeeded.
class StoreAction final
{
    Q_DISABLE_COPY_MOVE(StoreAction)

public:
    explicit StoreAction(ArticleStore &store);
    ~StoreAction();
    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    Status commit();

private:
    void rollback();

    ArticleStore &m_store;
    bool m_savepoint = false;
    bool m_open = false;
    QString m_error;
};

} // namespace Lede
