// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefiQdaImport.h"

#include "TextOffsets.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/FileAccess.h"
#include "io/ZipArchive.h"
#include "library/CodebookCsv.h"
#include "library/RefiQdaExport.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::RefiQdaImport", text);
}

constexpr qint64 MaxFileBytes = qint64(512) * 1024 * 1024;
constexpr qint64 MaxProjectXmlBytes = qint64(256) * 1024 * 1024;
constexpr qint64 MaxSourceBytes = qint64(64) * 1024 * 1024;

struct ParsedCode
{
    QString guid;
    QString path;
    QString color;
    bool automatic = false;
};

struct ParsedSelection
{
    QString guid;
    qint64 start = 0;
    qint64 end = 0;
    QStringList codeGuids;
    QStringList noteGuids;
    QString description; // some programs keep a passage's memo here
    QDateTime created;
    QDateTime modified;
};

struct ParsedSource
{
    QString guid;
    QString name;
    QString plainTextPath;
    std::optional<QString> content;
    QList<ParsedSelection> selections;
    QHash<QString, QString> values; // variable guid -> value
    int wholeSourceItems = 0; // codings and notes on the whole source
};

struct ParsedNote
{
    std::optional<QString> content;
    QString plainTextPath;
};

struct ParsedProject
{
    QList<ParsedCode> codes;
    QHash<QString, qsizetype> codeIndex;
    QList<ParsedSource> sources;
    QHash<QString, ParsedNote> notes;
    QHash<QString, QString> variableNames; // guid -> lower-case name
    int otherSources = 0;
    int otherItems = 0; // project notes, cases, sets
};

QString codeSegment(const QString &name)
{
    QString segment = name.simplified();
    segment.replace(u'/', u'\u2215');
    return segment.isEmpty() ? tr("(unnamed)") : segment;
}

QDateTime parseTime(QStringView text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

class ProjectParser
{
public:
    explicit ProjectParser(const QByteArray &bytes)
        : m_xml(bytes)
    {
    }

    Result<ParsedProject> parse()
    {
        using R = Result<ParsedProject>;
        if (!m_xml.readNextStartElement())
            return R::failure(m_xml.hasError() ? damaged() : tr("not a REFI-QDA project: no XML element"));
        const QString ns = m_xml.namespaceUri().toString();
        if (m_xml.name() == u"Project"_s && ns == QLatin1String(RefiQda::ProjectNamespace)) {
            parseProject();
        } else if (m_xml.name() == u"CodeBook"_s && ns == QLatin1String(RefiQda::CodebookNamespace)) {
            parseCodeBook();
        } else {
            return R::failure(tr("not a REFI-QDA project or codebook (the root element is <%1>)")
                                  .arg(m_xml.qualifiedName().toString()));
        }
        if (!m_error.isEmpty())
            return R::failure(m_error);
        if (m_xml.hasError())
            return R::failure(damaged());
        return m_project;
    }

private:
    QString damaged() const
    {
        return tr("damaged project XML at line %1: %2").arg(m_xml.lineNumber()).arg(m_xml.errorString());
    }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        m_xml.raiseError(message);
    }
    QString attribute(const char16_t *name) const
    {
        return m_xml.attributes().value(QString::fromUtf16(name)).toString();
    }

    void parseProject()
    {
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == u"CodeBook"_s)
                parseCodeBook();
            else if (name == u"Variables"_s)
                parseVariables();
            else if (name == u"Sources"_s)
                parseSources();
            else if (name == u"Notes"_s)
                parseNotes();
            else if (name == u"Cases"_s || name == u"Sets"_s || name == u"NoteRef"_s) {
                ++m_project.otherItems;
                m_xml.skipCurrentElement();
            } else
                m_xml.skipCurrentElement(); // Users, Links, Graphs, Description
        }
    }

    void parseCodeBook()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"Codes"_s) {
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == u"Code"_s)
                        parseCode(QString(), false, 1);
                    else
                        m_xml.skipCurrentElement();
                }
            } else {
                m_xml.skipCurrentElement(); // Sets
            }
        }
    }

    // Codes nest by recursion; a file cannot make it run out of stack.
    static constexpr int MaxCodeDepth = 64;

    void parseCode(const QString &parentPath, bool parentAutomatic, int depth)
    {
        if (depth > MaxCodeDepth)
            return fail(tr("codes are nested more than %1 levels deep").arg(MaxCodeDepth));
        ParsedCode code;
        code.guid = attribute(u"guid").toLower().remove(u'{').remove(u'}');
        if (code.guid.isEmpty())
            return fail(tr("a code has no guid (line %1)").arg(m_xml.lineNumber()));
        const QString segment = codeSegment(attribute(u"name"));
        code.path = parentPath.isEmpty() ? segment : parentPath + u'/' + segment;
        code.color = RefiQda::rgbColor(attribute(u"color"));
        code.automatic = parentAutomatic || code.guid == RefiQda::guidString(RefiQda::automaticRootGuid());
        if (m_project.codeIndex.contains(code.guid))
            return fail(tr("two codes have the guid %1").arg(code.guid));
        m_project.codeIndex.insert(code.guid, m_project.codes.size());
        m_project.codes.append(code);
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"Code"_s)
                parseCode(code.path, code.automatic, depth + 1);
            else
                m_xml.skipCurrentElement(); // Description, NoteRef
        }
    }

    void parseVariables()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"Variable"_s)
                m_project.variableNames.insert(attribute(u"guid").toLower(),
                                               attribute(u"name").trimmed().toLower());
            m_xml.skipCurrentElement();
        }
    }

    void parseSources()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"TextSource"_s) {
                parseTextSource();
            } else {
                ++m_project.otherSources;
                m_xml.skipCurrentElement();
            }
        }
    }

    void parseTextSource()
    {
        ParsedSource source;
        source.guid = attribute(u"guid");
        source.name = attribute(u"name");
        source.plainTextPath = attribute(u"plainTextPath");
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == u"PlainTextContent"_s) {
                source.content = m_xml.readElementText();
            } else if (name == u"PlainTextSelection"_s) {
                parseSelection(&source);
            } else if (name == u"Coding"_s || name == u"NoteRef"_s) {
                ++source.wholeSourceItems;
                m_xml.skipCurrentElement();
            } else if (name == u"VariableValue"_s) {
                QString variable;
                QString value;
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == u"VariableRef"_s) {
                        variable = attribute(u"targetGUID").toLower();
                        m_xml.skipCurrentElement();
                    } else {
                        value = m_xml.readElementText();
                    }
                }
                source.values.insert(variable, value);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        m_project.sources.append(source);
    }

    void parseSelection(ParsedSource *source)
    {
        ParsedSelection s;
        s.guid = attribute(u"guid");
        bool startOk = false;
        bool endOk = false;
        s.start = attribute(u"startPosition").toLongLong(&startOk);
        s.end = attribute(u"endPosition").toLongLong(&endOk);
        if (!startOk || !endOk)
            return fail(tr("selection %1 has no valid startPosition and endPosition (line %2)")
                            .arg(s.guid)
                            .arg(m_xml.lineNumber()));
        s.created = parseTime(m_xml.attributes().value(u"creationDateTime"_s));
        s.modified = parseTime(m_xml.attributes().value(u"modifiedDateTime"_s));
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == u"Coding"_s) {
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == u"CodeRef"_s)
                        s.codeGuids.append(attribute(u"targetGUID").toLower().remove(u'{').remove(u'}'));
                    m_xml.skipCurrentElement();
                }
            } else if (name == u"NoteRef"_s) {
                s.noteGuids.append(attribute(u"targetGUID").toLower());
                m_xml.skipCurrentElement();
            } else if (name == u"Description"_s) {
                s.description = m_xml.readElementText().trimmed();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        source->selections.append(s);
    }

    void parseNotes()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"Note"_s) {
                m_xml.skipCurrentElement();
                continue;
            }
            const QString guid = attribute(u"guid").toLower();
            ParsedNote note;
            note.plainTextPath = attribute(u"plainTextPath");
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == u"PlainTextContent"_s)
                    note.content = m_xml.readElementText();
                else
                    m_xml.skipCurrentElement();
            }
            m_project.notes.insert(guid, note);
        }
    }

    QXmlStreamReader m_xml;
    ParsedProject m_project;
    QString m_error;
};

// UTF-8 text (a BOM dropped), or nothing when the bytes are not UTF-8.
std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

// Text the archive holds for an internal:// path: "internal://x.txt" is "Sources/x.txt", but
// programs disagree about the folder ("Sources/", "sources/", none), so any entry with that file
// name will do, Sources/ first.
Result<QString> internalText(ZipReader *zip, const QString &plainTextPath)
{
    using R = Result<QString>;
    if (!plainTextPath.startsWith(u"internal://"_s, Qt::CaseInsensitive) || !zip)
        return R::failure(QString());
    const QString file = plainTextPath.mid(11);
    QString entry;
    for (const QString &name : zip->entryNames()) {
        if (name.compare(u"Sources/"_s + file, Qt::CaseInsensitive) == 0) {
            entry = name;
            break;
        }
        if (entry.isEmpty() && !file.contains(u'/')
            && name.section(u'/', -1).compare(file, Qt::CaseInsensitive) == 0)
            entry = name;
    }
    if (entry.isEmpty())
        return R::failure(tr("the archive has no Sources/%1").arg(file));
    auto bytes = zip->read(entry, MaxSourceBytes);
    if (!bytes)
        return R::failure(bytes.errorString());
    auto text = decodeUtf8(bytes.value());
    if (!text)
        return R::failure(tr("Sources/%1 is not UTF-8 text").arg(file));
    return *text;
}

// CRLF -> LF (and a lone CR -> LF), with a map of UTF-16 positions from the old text to the new.
struct LineEnds
{
    QString text;
    QList<qsizetype> removed; // old UTF-16 indices of removed CRs, ascending
    qsizetype map(qsizetype old) const
    {
        return old - (std::lower_bound(removed.begin(), removed.end(), old) - removed.begin());
    }
};

LineEnds normaliseLineEnds(const QString &text)
{
    LineEnds result;
    result.text.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') {
                result.removed.append(i);
                continue;
            }
            result.text.append(u'\n');
            continue;
        }
        result.text.append(text.at(i));
    }
    return result;
}

struct PreparedArticle
{
    Article article;
    AnalysisResult analysis;
    QList<Annotation> annotations;
};

QString variableValue(const ParsedProject &project, const ParsedSource &source, const QString &name)
{
    for (auto it = source.values.cbegin(); it != source.values.cend(); ++it) {
        if (project.variableNames.value(it.key()) == name)
            return it->trimmed();
    }
    return {};
}

bool sameAnnotation(const Annotation &a, const Annotation &b)
{
    QStringList ta = a.tags;
    QStringList tb = b.tags;
    ta.sort(Qt::CaseInsensitive);
    tb.sort(Qt::CaseInsensitive);
    return a.span == b.span && a.note == b.note
        && ta.join(u'\n').compare(tb.join(u'\n'), Qt::CaseInsensitive) == 0;
}

Result<RefiQdaImportSummary> writeCodebook(ArticleStore &store, const QList<CodebookEntry> &entries,
                                           RefiQdaImportSummary summary)
{
    using R = Result<RefiQdaImportSummary>;
    auto before = TagRepository(store).tags();
    if (!before)
        return R::failure(before.errorString());
    QHash<QString, QString> colors;
    for (const Tag &t : *before)
        colors.insert(t.path, t.color);
    const qsizetype existing = before->size();
    if (Status s = store.beginBulk(); !s)
        return R::failure(s.errorString());
    for (const CodebookEntry &entry : entries) {
        auto id = TagRepository(store).ensureTag(entry.path);
        if (!id) {
            store.rollbackBulk();
            return R::failure(id.errorString());
        }
        if (!entry.color.isEmpty() && colors.value(entry.path).isEmpty()) {
            if (Status s = TagRepository(store).setTagColor(*id, entry.color); !s) {
                store.rollbackBulk();
                return R::failure(s.errorString());
            }
        }
    }
    auto after = TagRepository(store).tags();
    if (!after) {
        store.rollbackBulk();
        return R::failure(after.errorString());
    }
    if (Status s = store.commitBulk(); !s) {
        store.rollbackBulk();
        return R::failure(s.errorString());
    }
    summary.tagsCreated = int(after->size() - existing);
    return summary;
}

} // namespace

Result<RefiQdaImportSummary> importRefiQda(ArticleStore &store, const QString &path)
{
    using R = Result<RefiQdaImportSummary>;
    RefiQdaImportSummary summary;
    auto bytes = readRegularFile(path, MaxFileBytes);
    if (!bytes)
        return R::failure(bytes.errorString());

    // A codebook CSV: tags only.
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        auto entries = parseCodebookCsv(bytes.value());
        if (!entries)
            return R::failure(entries.errorString());
        return writeCodebook(store, entries.value(), summary);
    }

    // A .qdpx (zip) or the XML alone (.qde, .qdc).
    ZipReader zip;
    QByteArray xml;
    const bool isZip = bytes->startsWith("PK\x03\x04") || bytes->startsWith("PK\x05\x06");
    if (isZip) {
        if (Status s = zip.openData(bytes.value()); !s)
            return R::failure(s.errorString());
        QString entry;
        for (const QString &name : zip.entryNames()) {
            if (name.compare(u"project.qde"_s, Qt::CaseInsensitive) == 0)
                entry = name;
        }
        if (entry.isEmpty())
            return R::failure(tr("not a REFI-QDA project: the archive has no project.qde"));
        auto read = zip.read(entry, MaxProjectXmlBytes);
        if (!read)
            return R::failure(read.errorString());
        xml = read.value();
    } else {
        xml = bytes.value();
        const QByteArray head = xml.left(64).trimmed();
        if (!head.startsWith('<') && !head.startsWith("\xEF\xBB\xBF"))
            return R::failure(tr("not a REFI-QDA project, codebook or codebook CSV"));
    }
    ProjectParser parser(xml);
    auto parsed = parser.parse();
    if (!parsed)
        return R::failure(parsed.errorString());
    ParsedProject &project = parsed.value();

    // Codes that become tags (not the automatic layers), with their paths by GUID.
    QList<CodebookEntry> codebook;
    QHash<QString, QString> tagPathOf;
    for (const ParsedCode &code : std::as_const(project.codes)) {
        if (code.automatic)
            continue;
        codebook.append({ code.path, code.color, QString() });
        tagPathOf.insert(code.guid, code.path);
    }

    // Every source checked and prepared before anything is written.
    QList<PreparedArticle> prepared;
    for (const ParsedSource &source : std::as_const(project.sources)) {
        QString text;
        if (source.content) {
            text = *source.content;
        } else if (source.plainTextPath.startsWith(u"internal://"_s, Qt::CaseInsensitive)) {
            auto read = internalText(isZip ? &zip : nullptr, source.plainTextPath);
            if (!read) {
                if (!isZip) {
                    ++summary.skipped;
                    summary.warnings.append(
                        tr("source \"%1\": its text is not in this file").arg(source.name));
                    continue;
                }
                return R::failure(tr("source \"%1\": %2").arg(source.name, read.errorString()));
            }
            text = read.value();
        } else {
            ++summary.skipped;
            summary.warnings.append(tr("source \"%1\": its text lies outside the project (%2); not imported")
                                        .arg(source.name, source.plainTextPath));
            continue;
        }
        const CodePointMap points(text);
        const LineEnds lines = normaliseLineEnds(text);

        PreparedArticle p;
        Article &a = p.article;
        a.title = source.name.simplified().isEmpty() ? tr("Untitled source") : source.name.simplified();
        a.body = lines.text;
        a.source = variableValue(project, source, u"source"_s);
        a.byline = variableValue(project, source, u"byline"_s);
        a.dateline = variableValue(project, source, u"dateline"_s);
        a.url = variableValue(project, source, u"url"_s);
        a.published = QDate::fromString(variableValue(project, source, u"published"_s).left(10), Qt::ISODate);
        a.path = path;
        if (a.body.trimmed().isEmpty()) {
            ++summary.skipped;
            summary.warnings.append(tr("source \"%1\" has no text; not imported").arg(source.name));
            continue;
        }
        if (const QString why = ArticleImporter::lengthRefusal(a.body.size()); !why.isEmpty()) {
            ++summary.skipped;
            summary.warnings.append(tr("source \"%1\": %2; not imported").arg(source.name, why));
            continue;
        }
        a.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
        if (source.wholeSourceItems > 0) {
            summary.skipped += source.wholeSourceItems;
            summary.warnings.append(
                tr("source \"%1\": %2 coding(s) or note(s) of the whole source not imported "
                   "(Lede codes passages)")
                    .arg(source.name)
                    .arg(source.wholeSourceItems));
        }

        for (const ParsedSelection &s : source.selections) {
            if (s.start < 0 || s.end < s.start || s.end > points.codePointLength())
                return R::failure(tr("selection %1 (%2-%3) lies outside its source \"%4\" (%5 characters)")
                                      .arg(s.guid)
                                      .arg(s.start)
                                      .arg(s.end)
                                      .arg(source.name)
                                      .arg(points.codePointLength()));
            Annotation annotation;
            bool automaticOnly = !s.codeGuids.isEmpty();
            for (const QString &code : s.codeGuids) {
                const auto it = project.codeIndex.constFind(code);
                if (it == project.codeIndex.constEnd())
                    return R::failure(tr("selection %1 refers to a code the project does not define (%2)")
                                          .arg(s.guid, code));
                if (project.codes.at(*it).automatic)
                    continue;
                automaticOnly = false;
                const QString tagPath = project.codes.at(*it).path;
                if (!annotation.tags.contains(tagPath))
                    annotation.tags.append(tagPath);
            }
            QStringList notes;
            for (const QString &noteGuid : s.noteGuids) {
                const auto note = project.notes.constFind(noteGuid);
                if (note == project.notes.constEnd())
                    return R::failure(tr("selection %1 refers to a note the project does not define (%2)")
                                          .arg(s.guid, noteGuid));
                if (note->content) {
                    notes.append(*note->content);
                } else {
                    auto read = internalText(isZip ? &zip : nullptr, note->plainTextPath);
                    if (!read)
                        return R::failure(tr("note %1: %2").arg(noteGuid, read.errorString()));
                    notes.append(read.value());
                }
            }
            if (!s.description.isEmpty())
                notes.prepend(s.description);
            if (automaticOnly && notes.isEmpty()) {
                ++summary.automaticSkipped;
                continue;
            }
            const Span utf16 = points.toUtf16(Span { qsizetype(s.start), qsizetype(s.end) });
            annotation.span = { lines.map(utf16.start), lines.map(utf16.end) };
            annotation.note = notes.join(u"\n\n"_s);
            annotation.createdAt = s.created;
            annotation.updatedAt = s.modified.isValid() ? s.modified : s.created;
            p.annotations.append(annotation);
        }
        prepared.append(p);
    }
    if (project.otherSources > 0) {
        summary.skipped += project.otherSources;
        summary.warnings.append(
            tr("%1 picture, PDF, audio or video source(s) not imported").arg(project.otherSources));
    }
    if (project.otherItems > 0) {
        summary.skipped += project.otherItems;
        summary.warnings.append(tr("project notes, cases and sets not imported"));
    }

    // Analysis outside the transaction (it is the slow part).
    for (PreparedArticle &p : prepared)
        p.analysis = Analyzer::analyze(p.article);

    // One transaction for everything.
    auto before = TagRepository(store).tags();
    if (!before)
        return R::failure(before.errorString());
    QHash<QString, QString> colors;
    for (const Tag &t : *before)
        colors.insert(t.path, t.color);
    if (Status s = store.beginBulk(); !s)
        return R::failure(s.errorString());
    const auto abort = [&](const QString &message) {
        store.rollbackBulk();
        return R::failure(message);
    };
    for (const CodebookEntry &entry : std::as_const(codebook)) {
        auto id = TagRepository(store).ensureTag(entry.path);
        if (!id)
            return abort(id.errorString());
        if (!entry.color.isEmpty() && colors.value(entry.path).isEmpty()) {
            if (Status s = TagRepository(store).setTagColor(*id, entry.color); !s)
                return abort(s.errorString());
            colors.insert(entry.path, entry.color);
        }
    }
    for (PreparedArticle &p : prepared) {
        bool present = false;
        auto id = ArticleRepository(store).addArticle(p.article, p.analysis, Analyzer::Version, &present);
        if (!id)
            return abort(tr("source \"%1\": %2").arg(p.article.title, id.errorString()));
        present ? ++summary.articlesPresent : ++summary.articlesAdded;
        QList<Annotation> existing;
        if (present) {
            auto current = AnnotationRepository(store).annotations(*id);
            if (!current)
                return abort(current.errorString());
            existing = current.value();
        }
        for (Annotation &annotation : p.annotations) {
            annotation.articleId = *id;
            if (std::any_of(existing.cbegin(), existing.cend(),
                            [&](const Annotation &e) { return sameAnnotation(e, annotation); })) {
                ++summary.alreadyPresent;
                continue;
            }
            auto added = AnnotationRepository(store).addAnnotation(annotation);
            if (!added)
                return abort(tr("source \"%1\": %2").arg(p.article.title, added.errorString()));
            existing.append(annotation);
            ++summary.highlights;
            if (!annotation.note.isEmpty())
                ++summary.notes;
        }
    }
    auto after = TagRepository(store).tags();
    if (!after)
        return abort(after.errorString());
    if (Status s = store.commitBulk(); !s)
        return abort(s.errorString());
    summary.tagsCreated = int(after->size() - before->size());
    return summary;
}

} // namespace Lede
