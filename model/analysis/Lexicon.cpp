// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lexicon.h"

#include "Logging.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Lede {

void ExactWordSet::insert(QStringView word)
{
    m_storage.emplace_back(reinterpret_cast<const char16_t *>(word.data()), size_t(word.size()));
    m_words.insert(m_storage.back());
}

QStringList Lexicon::entries(QStringView name)
{
    QFile f(u":/lede/lexicon/"_s + name + u".txt"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcAnalysis) << "word list missing:" << f.fileName();
        return {};
    }
    QStringList out;
    const QString text = QString::fromUtf8(f.readAll());
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            out.append(line.toString());
    }
    return out;
}

WordSet Lexicon::folded(QStringView name)
{
    WordSet set;
    for (const QString &w : entries(name))
        set.insert(std::u16string_view(reinterpret_cast<const char16_t *>(w.constData()), size_t(w.size())));
    return set;
}

ExactWordSet Lexicon::exact(QStringView name)
{
    ExactWordSet set;
    for (const QString &w : entries(name))
        set.insert(w);
    return set;
}

} // namespace Lede
