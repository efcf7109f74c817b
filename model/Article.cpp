// SPDX-License-Identifier: GPL-3.0-or-later
#include "Article.h"

#include "Analysis.h"

namespace Lede {

QString articleFormat(const Article &article)
{
    return article.provenance.value(QStringLiteral("format"));
}

int articleIndex(const Article &article)
{
    bool ok = false;
    const int index = article.provenance.value(QStringLiteral("index")).toInt(&ok);
    return ok && index > 0 ? index : 0;
}

QString blockKindName(Block::Kind kind)
{
    switch (kind) {
    case Block::Kind::Byline:
        return QStringLiteral("byline");
    case Block::Kind::Dateline:
        return QStringLiteral("dateline");
    case Block::Kind::Credit:
        return QStringLiteral("credit");
    case Block::Kind::Heading:
        return QStringLiteral("heading");
    }
    return {};
}

bool blockKindFromName(const QString &name, Block::Kind *kind)
{
    for (auto k : { Block::Kind::Byline, Block::Kind::Dateline, Block::Kind::Credit, Block::Kind::Heading }) {
        if (blockKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString quoteKindName(Quote::Kind kind)
{
    switch (kind) {
    case Quote::Kind::Direct:
        return QStringLiteral("direct");
    case Quote::Kind::Partial:
        return QStringLiteral("partial");
    case Quote::Kind::Scare:
        return QStringLiteral("scare");
    }
    return {};
}

QString entityTypeName(Entity::Type type)
{
    switch (type) {
    case Entity::Type::Person:
        return QStringLiteral("PERSON");
    case Entity::Type::Org:
        return QStringLiteral("ORG");
    case Entity::Type::Loc:
        return QStringLiteral("LOC");
    case Entity::Type::Date:
        return QStringLiteral("DATE");
    case Entity::Type::Number:
        return QStringLiteral("NUMBER");
    case Entity::Type::Misc:
        return QStringLiteral("MISC");
    }
    return {};
}

bool entityTypeFromName(const QString &name, Entity::Type *type)
{
    for (auto t : { Entity::Type::Person, Entity::Type::Org, Entity::Type::Loc, Entity::Type::Date,
                    Entity::Type::Number, Entity::Type::Misc }) {
        if (entityTypeName(t) == name) {
            *type = t;
            return true;
        }
    }
    return false;
}

} // namespace Lede
