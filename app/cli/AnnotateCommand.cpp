// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "TextOffsets.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QColor>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class AnnotateCommand final : public Command
{
public:
    QString name() const override { return u"annotate"_s; }
    QString usage() const override { return tr("ARTICLE_ID START END"); }
    QString summary() const override { return tr("add a highlight; prints its id"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeAnnotateCommand()
{
    return std::make_unique<AnnotateCommand>();
}

int AnnotateCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(
        u"tag"_s, tr("Tag the highlight (repeatable; Parent/Child for levels)."), tr("PATH")));
    parser.addOption(QCommandLineOption(u"note"_s, tr("Attach a note."), tr("TEXT")));
    parser.addOption(QCommandLineOption(u"color"_s, tr("Highlight color (a name or #rrggbb)."), tr("NAME")));
    parser.addPositionalArgument(u"article"_s, tr("The article id (see 'lede list')."), tr("ARTICLE_ID"));
    parser.addPositionalArgument(u"start"_s, tr("Start offset in Unicode code points."), tr("START"));
    parser.addPositionalArgument(u"end"_s, tr("End offset (exclusive) in Unicode code points."), tr("END"));
    int code = 0;
    if (!parse(parser, args, tr("Add a highlight to an article; prints the new annotation's id."), &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        return usageError(tr("annotate: expected ARTICLE_ID START END"));
    bool okId = false;
    bool okStart = false;
    bool okEnd = false;
    const qint64 articleId = pos[0].toLongLong(&okId);
    const qint64 start = pos[1].toLongLong(&okStart);
    const qint64 end = pos[2].toLongLong(&okEnd);
    if (!okId || !okStart || !okEnd || start < 0 || end < start)
        return usageError(
            tr("annotate: ARTICLE_ID, START and END must be whole numbers with 0 <= START <= END"));
    if (parser.isSet(u"color"_s) && !QColor::isValidColorName(parser.value(u"color"_s)))
        return usageError(tr("annotate: \"%1\" is not a color name").arg(parser.value(u"color"_s)));

    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    auto article = ArticleRepository(store).article(articleId);
    if (!article) {
        err(article.errorString());
        return 1;
    }
    const CodePointMap map(article->body);
    if (end > map.codePointLength()) {
        err(tr("annotate: END %1 is past the end of article %2 (%3 characters)")
                .arg(end)
                .arg(articleId)
                .arg(map.codePointLength()));
        return 1;
    }
    Annotation a;
    a.articleId = articleId;
    a.span = map.toUtf16(Span { start, end });
    a.tags = parser.values(u"tag"_s);
    a.note = parser.value(u"note"_s);
    a.color = parser.value(u"color"_s);
    auto id = AnnotationRepository(store).addAnnotation(a);
    if (!id) {
        err(id.errorString());
        return 1;
    }
    out(QString::number(*id));
    return 0;
}

} // namespace Lede
