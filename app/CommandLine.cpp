// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "MainWindow.h"
#include "TextOffsets.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/CsvExporter.h"
#include "io/JsonExporter.h"
#include "io/LibraryImport.h"
#include "store/ArticleStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

const char *const Context = "Lede::CommandLine";

QString tr(const char *text)
{
    return QCoreApplication::translate(Context, text);
}

void out(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void err(const QString &line)
{
    const QByteArray bytes = u"lede: "_s.toUtf8() + line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int usageError(const QString &message)
{
    err(message);
    err(tr("Try 'lede --help' or 'lede COMMAND --help'."));
    return 2;
}

QCommandLineOption dbOption()
{
    return QCommandLineOption(u"db"_s, tr("The library file (default: %1).").arg(ArticleStore::defaultPath()),
                              tr("PATH"));
}

QString libraryPath(const QCommandLineParser &parser)
{
    return parser.isSet(u"db"_s) ? parser.value(u"db"_s) : ArticleStore::defaultPath();
}

// Opens the library or prints why not.
bool openStore(ArticleStore &store, const QCommandLineParser &parser)
{
    if (Status s = store.open(libraryPath(parser)); !s) {
        err(s.errorString());
        return false;
    }
    return true;
}

// Parses the subcommand's options; handles --help. Returns false when the process should exit with *code.
bool parse(QCommandLineParser &parser, const QStringList &args, const QString &synopsis, int *code)
{
    parser.setApplicationDescription(synopsis);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *code = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        *code = 0;
        return false;
    }
    return true;
}

QString oneLine(QString s)
{
    s.replace(u'\t', u' ');
    s.replace(u'\n', u' ');
    s.replace(u'\r', u' ');
    return s;
}

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"paths"_s, tr("Article files or folders (searched recursively)."), tr("FILE_OR_DIR..."));
    int code = 0;
    if (!parse(parser, args, tr("Import, analyse and store articles; one line per file."), &code))
        return code;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(tr("import: name at least one file or folder"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));

    QList<ImportOutcome> failures;
    const QStringList files = collectImportFiles(paths, &failures);
    int imported = 0;
    int present = 0;
    for (const ImportOutcome &f : std::as_const(failures))
        err(tr("error: %1: %2").arg(f.path, f.message));
    const Status bulk = importFiles(store, files, [&](const ImportOutcome &o) {
        const QString &file = o.path;
        for (const QString &w : o.warnings)
            err(tr("warning: %1: %2").arg(file, w));
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            ++imported;
            out(tr("imported: %1 (article %2: %3)").arg(file).arg(o.articleId).arg(o.title));
            break;
        case ImportOutcome::Status::AlreadyPresent:
            ++present;
            out(tr("already present: %1 (article %2)").arg(file).arg(o.articleId));
            break;
        case ImportOutcome::Status::Failed:
            failures.append(o);
            err(tr("error: %1: %2").arg(file, o.message));
            break;
        }
        return true;
    });
    // The files of a batch that could not be committed were reported as failed one by one; the
    // summary still says what the library now holds.
    out(tr("%1 imported, %2 already present, %3 failed").arg(imported).arg(present).arg(failures.size()));
    if (!bulk) {
        err(bulk.errorString());
        return 1;
    }
    return failures.isEmpty() ? 0 : 1;
}

int runAnalyze(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"json"_s, tr("Print JSON (the only format so far).")));
    parser.addPositionalArgument(u"files"_s, tr("Article files."), tr("FILE..."));
    int code = 0;
    if (!parse(parser, args, tr("Analyse articles without storing them; JSON to stdout."), &code))
        return code;
    if (!parser.isSet(u"json"_s))
        return usageError(tr("analyze: --json is required (it is the only output format)"));
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(tr("analyze: name at least one file"));
    QJsonArray articles;
    int failed = 0;
    for (const QString &file : files) {
        auto imported = ArticleImporter::importFile(file);
        if (!imported) {
            err(tr("error: %1: %2").arg(file, imported.errorString()));
            ++failed;
            continue;
        }
        for (const QString &w : imported->warnings)
            err(tr("warning: %1: %2").arg(file, w));
        articles.append(JsonExporter::articleObject(imported->article, Analyzer::analyze(imported->article)));
    }
    const QByteArray json = QJsonDocument(QJsonObject{{u"articles"_s, articles}}).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return failed == 0 ? 0 : 1;
}

int runExportCsv(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    parser.addOption(QCommandLineOption(u"tag"_s, tr("Only annotations with this tag or one below it."), tr("PATH")));
    parser.addOption(QCommandLineOption({u"o"_s, u"output"_s}, tr("Write to FILE instead of stdout."), tr("FILE")));
    parser.addOption(QCommandLineOption(u"include"_s, tr("Also export automatic layers: quotes,entities,figures."),
                                        tr("LAYERS")));
    parser.addOption(QCommandLineOption(u"bom"_s, tr("Start with a UTF-8 byte order mark (for spreadsheets).")));
    parser.addOption(QCommandLineOption(u"no-formula-guard"_s,
                                        tr("Do not prefix cells starting with = + - @ with an apostrophe.")));
    int code = 0;
    if (!parse(parser, args, tr("Export annotations (and optionally automatic layers) as CSV."), &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("export-csv: unexpected argument %1").arg(parser.positionalArguments().first()));

    ExportQuery query;
    for (const QString &id : parser.values(u"article"_s)) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0)
            return usageError(tr("export-csv: --article takes an article id, not \"%1\"").arg(id));
        query.articleIds.append(value);
    }
    for (const QString &layers : parser.values(u"include"_s)) {
        for (const QString &layer : layers.split(u',', Qt::SkipEmptyParts)) {
            const QString name = layer.trimmed();
            if (name == u"quotes"_s)
                query.includeQuotes = true;
            else if (name == u"entities"_s)
                query.includeEntities = true;
            else if (name == u"figures"_s)
                query.includeFigures = true;
            else
                return usageError(tr("export-csv: unknown layer \"%1\" (use quotes, entities, figures)").arg(name));
        }
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    // Automatic layers of articles stored by an older analyzer are brought up to date first.
    if (query.includeQuotes || query.includeEntities || query.includeFigures) {
        if (auto re = reanalyzeOutdated(store); !re)
            err(tr("could not update older analyses: %1").arg(re.errorString()));
    }
    for (qint64 id : std::as_const(query.articleIds)) {
        if (!store.article(id)) {
            err(tr("export-csv: there is no article %1 in the library").arg(id));
            return 1;
        }
    }
    if (parser.isSet(u"tag"_s)) {
        auto tags = store.tags();
        if (!tags) {
            err(tags.errorString());
            return 1;
        }
        const QString wanted = parser.value(u"tag"_s).trimmed();
        for (const Tag &t : *tags) {
            if (t.path.compare(wanted, Qt::CaseInsensitive) == 0)
                query.tagId = t.id;
        }
        if (query.tagId == 0) {
            err(tr("export-csv: there is no tag \"%1\"").arg(wanted));
            return 1;
        }
    }
    CsvOptions options;
    options.byteOrderMark = parser.isSet(u"bom"_s);
    options.formulaGuard = !parser.isSet(u"no-formula-guard"_s);

    Status status;
    if (parser.isSet(u"output"_s)) {
        status = CsvExporter::writeFile(store, query, options, parser.value(u"output"_s));
    } else {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            status = Status::failure(stdoutFile.errorString());
        else
            status = CsvExporter::write(store, query, options, &stdoutFile);
        if (status && !stdoutFile.flush())
            status = Status::failure(tr("Cannot write to standard output: %1").arg(stdoutFile.errorString()));
    }
    if (!status) {
        err(status.errorString());
        return 1;
    }
    return 0;
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"search"_s, tr("Only articles matching these words (title and body)."),
                                        tr("QUERY")));
    int code = 0;
    if (!parse(parser, args, tr("List articles: id, title, source, date, annotation count (tab-separated)."), &code))
        return code;
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    ArticleQuery query;
    query.search = parser.value(u"search"_s);
    query.sort = ArticleQuery::Sort::ImportedDesc;
    auto list = store.articles(query);
    if (!list) {
        err(list.errorString());
        return 1;
    }
    for (const ArticleSummary &a : *list) {
        out(QString::number(a.id) + u'\t' + oneLine(a.title) + u'\t' + oneLine(a.source) + u'\t'
            + (a.published.isValid() ? a.published.toString(Qt::ISODate) : QString()) + u'\t'
            + QString::number(a.annotationCount));
    }
    return 0;
}

int runAnnotate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"tag"_s, tr("Tag the highlight (repeatable; Parent/Child for levels)."),
                                        tr("PATH")));
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
        return usageError(tr("annotate: ARTICLE_ID, START and END must be whole numbers with 0 <= START <= END"));
    if (parser.isSet(u"color"_s) && !QColor::isValidColorName(parser.value(u"color"_s)))
        return usageError(tr("annotate: \"%1\" is not a color name").arg(parser.value(u"color"_s)));

    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    auto article = store.article(articleId);
    if (!article) {
        err(article.errorString());
        return 1;
    }
    const CodePointMap map(article->body);
    if (end > map.codePointLength()) {
        err(tr("annotate: END %1 is past the end of article %2 (%3 characters)").arg(end).arg(articleId).arg(map.codePointLength()));
        return 1;
    }
    Annotation a;
    a.articleId = articleId;
    a.span = map.toUtf16(Span{start, end});
    a.tags = parser.values(u"tag"_s);
    a.note = parser.value(u"note"_s);
    a.color = parser.value(u"color"_s);
    auto id = store.addAnnotation(a);
    if (!id) {
        err(id.errorString());
        return 1;
    }
    out(QString::number(*id));
    return 0;
}

int runWindow(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Read and annotate news articles.\n\nWithout a command, opens the window on the library, importing FILEs "
           "first.\n\nCommands (each has --help):\n  import FILE_OR_DIR...   import, analyse, store\n"
           "  analyze FILE... --json  analyse without storing\n  export-csv              export annotations as CSV\n"
           "  list                    list articles\n  annotate ID START END   add a highlight"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"files"_s, tr("Articles to import and open."), tr("[FILE...]"));
    parser.process(app);

    const QString path = libraryPath(parser);
    {
        ArticleStore probe;
        if (Status s = probe.open(path); !s) {
            err(s.errorString());
            QMessageBox::critical(nullptr, tr("Lede"),
                                  tr("The library could not be opened.\n\n%1\n\nStart Lede with --db PATH to use another "
                                     "library file.")
                                      .arg(s.errorString()));
            return 1;
        }
    }
    MainWindow window(path);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openArticleFiles(parser.positionalArguments());
    return app.exec();
}

} // namespace

int runCommandLine(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(u"lede"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDE_VERSION));
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    using Runner = int (*)(const QStringList &);
    const QList<QPair<QString, Runner>> commands{{u"import"_s, runImport}, {u"analyze"_s, runAnalyze},
                                                 {u"export-csv"_s, runExportCsv}, {u"list"_s, runList},
                                                 {u"annotate"_s, runAnnotate}};
    for (const auto &[name, runner] : commands) {
        if (command == name) {
            QCoreApplication app(argc, argv);
            QStringList args = app.arguments();
            args.removeAt(1); // the parser sees "lede [options] args"
            args[0] = u"lede "_s + name;
            const int code = runner(args);
            // Output a script relies on must not vanish silently (a full disk, a closed pipe).
            if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
                const int error = errno;
                err(tr("Cannot write to standard output: %1").arg(QString::fromLocal8Bit(std::strerror(error))));
                return code == 0 ? 1 : code;
            }
            return code;
        }
    }
    return runWindow(argc, argv);
}

} // namespace Lede
