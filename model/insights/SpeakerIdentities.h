// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace Lede {

// One name the analysis gave a speaker, and the identity it is counted under across the library.
struct SpeakerAlias
{
    enum class Origin { User, Automatic };
    QString alias; // the speaker name as stored on quotes ("Blinken")
    QString identity; // the name shown ("Antony Blinken"); equal to alias for a "keep apart" decision
    Origin origin = Origin::Automatic;
};

// Speaker identities across the library: "Blinken", "Antony Blinken" and "Tony Blinken" counted as
// one speaker (table speaker_aliases, schema v5). The user's decisions (merge, keep apart) are rows
// of their own that automatic rows never override, the way layer_corrections stays apart from the
// layers: refreshAutomatic() rebuilds only the automatic rows, so a merge survives re-analysis and
// new imports. The quotes keep the names the analysis gave; Insights::sources() applies the
// aliases when it counts.
//
// Identities are kept flat: an alias always points at a name that is not itself merged elsewhere.
// Every call is one transaction (a savepoint, so it also works inside ArticleStore::beginBulk());
// on failure nothing is written. Use it on the thread that owns the connection.
class SpeakerIdentities final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::SpeakerIdentities)

public:
    explicit SpeakerIdentities(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    // Every stored alias row, ordered by identity then alias.
    Result<QList<SpeakerAlias>> aliases() const;
    // The identity a name is counted under (the name itself when it has no alias).
    Result<QString> identityOf(const QString &name) const;

    // The user's decision: count `name` (and every name merged into it) as `identity`. When
    // `identity` is itself merged into a third name, `name` joins that one.
    Status merge(const QString &name, const QString &identity);
    // The user's decision: `name` is a speaker of its own (undoes a merge, blocks automatic ones).
    Status keepApart(const QString &name);
    // Drops the user's decision about `name` (automatic aliases apply again after a refresh).
    Status forget(const QString &name);

    // Rebuilds the automatic rows from the speakers on the stored quotes: a one-word name
    // ("Blinken") is an alias of the only identity of two or more words that ends with it
    // ("Antony Blinken"); when two identities end with it, it stays apart. Returns the number of
    // automatic rows.
    Result<int> refreshAutomatic();

private:
    Status inSavepoint(const std::function<Status()> &work);
    QSqlDatabase m_db;
};

} // namespace Lede
