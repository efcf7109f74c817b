// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpeakerIdentities.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <functional>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec();
}

QString errorOf(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

Status SpeakerIdentities::inSavepoint(const std::function<Status()> &work)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SAVEPOINT speaker_identities"_s))
        return Status::failure(tr("Cannot change the speakers: %1").arg(errorOf(query)));
    Status s = work();
    if (!s) {
        (void)query.exec(u"ROLLBACK TO speaker_identities"_s);
        (void)query.exec(u"RELEASE speaker_identities"_s);
        return s;
    }
    if (!query.exec(u"RELEASE speaker_identities"_s))
        return Status::failure(tr("Cannot change the speakers: %1").arg(errorOf(query)));
    return {};
}

Result<QList<SpeakerAlias>> SpeakerIdentities::aliases() const
{
    using R = Result<QList<SpeakerAlias>>;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!run(query, u"SELECT alias, identity, origin FROM speaker_aliases ORDER BY identity, alias"_s))
        return R::failure(tr("Cannot read the speakers: %1").arg(errorOf(query)));
    QList<SpeakerAlias> out;
    while (query.next())
        out.append({ query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString() == u"user"_s ? SpeakerAlias::Origin::User
                                                            : SpeakerAlias::Origin::Automatic });
    if (query.lastError().isValid())
        return R::failure(tr("Cannot read the speakers: %1").arg(errorOf(query)));
    return out;
}

Result<QString> SpeakerIdentities::identityOf(const QString &name) const
{
    QSqlQuery query(m_db);
    if (!run(query, u"SELECT identity FROM speaker_aliases WHERE alias = ?"_s, { name }))
        return Result<QString>::failure(tr("Cannot read the speakers: %1").arg(errorOf(query)));
    if (query.next())
        return query.value(0).toString();
    if (query.lastError().isValid())
        return Result<QString>::failure(tr("Cannot read the speakers: %1").arg(errorOf(query)));
    return name;
}

Status SpeakerIdentities::merge(const QString &name, const QString &identity)
{
    const QString from = name.simplified();
    const QString to = identity.simplified();
    if (from.isEmpty() || to.isEmpty())
        return Status::failure(tr("A speaker needs a name."));
    if (from == to)
        return Status::failure(tr("\"%1\" cannot be merged into itself.").arg(from));
    return inSavepoint([&]() -> Status {
        auto fail = [](const QSqlQuery &q) {
            return Status::failure(tr("Cannot merge the speakers: %1").arg(errorOf(q)));
        };
        QSqlQuery query(m_db);
        auto root = identityOf(to);
        if (!root)
            return Status::failure(root.errorString());
        QString target = *root;
        if (target == from) {
            // `identity` was counted under `name`: it becomes the identity, and `name` its alias.
            if (!run(query, u"DELETE FROM speaker_aliases WHERE alias = ?"_s, { to }))
                return fail(query);
            target = to;
        }
        if (!run(
                query,
                u"INSERT INTO speaker_aliases (alias, identity, origin, created_at) VALUES (?, ?, 'user', ?) "
                u"ON CONFLICT (alias) DO UPDATE SET identity = excluded.identity, origin = 'user', "
                u"created_at = excluded.created_at"_s,
                { from, target, now() }))
            return fail(query);
        // Names counted under `name` follow it; a "keep apart" row of the target is now moot.
        if (!run(query, u"UPDATE speaker_aliases SET identity = ? WHERE identity = ? AND alias <> ?"_s,
                 { target, from, from })
            || !run(query, u"DELETE FROM speaker_aliases WHERE alias = ? AND identity = ?"_s,
                    { target, target }))
            return fail(query);
        return {};
    });
}

Status SpeakerIdentities::keepApart(const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return Status::failure(tr("A speaker needs a name."));
    return inSavepoint([&]() -> Status {
        QSqlQuery query(m_db);
        if (!run(
                query,
                u"INSERT INTO speaker_aliases (alias, identity, origin, created_at) VALUES (?, ?, 'user', ?) "
                u"ON CONFLICT (alias) DO UPDATE SET identity = excluded.identity, origin = 'user', "
                u"created_at = excluded.created_at"_s,
                { n, n, now() }))
            return Status::failure(tr("Cannot change the speakers: %1").arg(errorOf(query)));
        return {};
    });
}

Status SpeakerIdentities::forget(const QString &name)
{
    return inSavepoint([&]() -> Status {
        QSqlQuery query(m_db);
        if (!run(query, u"DELETE FROM speaker_aliases WHERE alias = ? AND origin = 'user'"_s,
                 { name.simplified() }))
            return Status::failure(tr("Cannot change the speakers: %1").arg(errorOf(query)));
        return {};
    });
}

Result<int> SpeakerIdentities::refreshAutomatic()
{
    int written = 0;
    Status s = inSavepoint([&]() -> Status {
        auto fail = [](const QSqlQuery &q) {
            return Status::failure(tr("Cannot update the speakers: %1").arg(errorOf(q)));
        };
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!run(query, u"DELETE FROM speaker_aliases WHERE origin = 'auto'"_s))
            return fail(query);
        QHash<QString, QString> user; // the user's decisions: alias -> identity
        if (!run(query, u"SELECT alias, identity FROM speaker_aliases"_s))
            return fail(query);
        while (query.next())
            user.insert(query.value(0).toString(), query.value(1).toString());
        // Distinct names from the quotes_speaker index.
        if (!run(query, u"SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL AND speaker <> ''"_s))
            return fail(query);
        QStringList names;
        while (query.next())
            names.append(query.value(0).toString());
        if (query.lastError().isValid())
            return fail(query);
        // Identities of two or more words, by their last word.
        QHash<QString, QSet<QString>> byLastWord;
        for (const QString &name : std::as_const(names)) {
            const QString identity = user.value(name, name);
            const QStringList words = identity.split(u' ', Qt::SkipEmptyParts);
            if (words.size() >= 2)
                byLastWord[words.last()].insert(identity);
        }
        for (const QString &name : std::as_const(names)) {
            if (user.contains(name) || name.contains(u' '))
                continue;
            const auto it = byLastWord.constFind(name);
            if (it == byLastWord.cend() || it->size() != 1)
                continue;
            if (!run(
                    query,
                    u"INSERT INTO speaker_aliases (alias, identity, origin, created_at) VALUES (?, ?, 'auto', ?)"_s,
                    { name, *it->cbegin(), now() }))
                return fail(query);
            ++written;
        }
        return {};
    });
    if (!s)
        return Result<int>::failure(s.errorString());
    return written;
}

} // namespace Lede
