// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefiQdaExport.h"

#include "AnnotatedSelection.h"
#include "TextOffsets.h"
#include "io/ExportTarget.h"
#include "io/FileAccess.h"
#include "io/ZipArchive.h"
#include "library/CodebookCsv.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QBuffer>
#include <QColor>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QXmlStreamWriter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::RefiQda", text);
}

// XML 1.0 allows no C0 control characters but tab, LF and CR, no lone surrogates and no U+FFFE/FFFF;
// titles and notes that hold one (a damaged import) lose it rather than making the file unreadable.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || c.isSurrogate() || u == 0xFFFE
            || u == 0xFFFF)
            continue;
        out.append(c);
    }
    return out;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// One code of the tree: its path segments, GUID, colour and whether it can be applied.
struct CodeEntry
{
    QStringList segments;
    QUuid guid;
    QString color;
    bool codable = true;
};

// Writes sorted entries (every prefix present, parents before their children) as nested Codes.
void writeCodeTree(QXmlStreamWriter &xml, QList<CodeEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const CodeEntry &a, const CodeEntry &b) {
        return std::lexicographical_compare(a.segments.begin(), a.segments.end(), b.segments.begin(),
                                            b.segments.end());
    });
    QStringList open;
    for (const CodeEntry &entry : std::as_const(entries)) {
        while (!open.isEmpty()
               && (open.size() >= entry.segments.size() || entry.segments.mid(0, open.size()) != open)) {
            xml.writeEndElement();
            open.removeLast();
        }
        xml.writeStartElement(u"Code"_s);
        xml.writeAttribute(u"guid"_s, RefiQda::guidString(entry.guid));
        xml.writeAttribute(u"name"_s, xmlSafe(entry.segments.last()));
        xml.writeAttribute(u"isCodable"_s, entry.codable ? u"true"_s : u"false"_s);
        if (!entry.color.isEmpty())
            xml.writeAttribute(u"color"_s, entry.color);
        open.append(entry.segments.last());
    }
    while (!open.isEmpty()) {
        xml.writeEndElement();
        open.removeLast();
    }
}

// The user's tags as code entries (every tag, so the codebook is whole whatever the selection).
Result<QList<CodeEntry>> tagEntries(ArticleStore &store)
{
    auto tags = TagRepository(store).tags();
    if (!tags)
        return Result<QList<CodeEntry>>::failure(tags.errorString());
    QList<CodeEntry> entries;
    for (const Tag &tag : *tags)
        entries.append(
            { tag.path.split(u'/'), RefiQda::guid(u"code"_s, tag.path), RefiQda::rgbColor(tag.color), true });
    return entries;
}

QString segmentName(QString name)
{
    name = name.simplified();
    name.replace(u'/', u'\u2215'); // a name holds no '/': that is the path separator
    return name.isEmpty() ? tr("(unnamed)") : name;
}

// Automatic layers: codes below "Lede", created as the articles name them.
class AutomaticCodes
{
public:
    QUuid codeFor(const QStringList &below)
    {
        QStringList segments { u"Lede"_s };
        for (const QString &s : below)
            segments.append(segmentName(s));
        for (qsizetype n = 1; n <= segments.size(); ++n) {
            const QString path = segments.mid(0, n).join(u'/');
            if (!m_seen.contains(path)) {
                m_seen.insert(path);
                const QUuid id = n == 1 ? RefiQda::automaticRootGuid() : RefiQda::guid(u"auto-code"_s, path);
                m_entries.append({ segments.mid(0, n), id, QString(), n == segments.size() && n > 2 });
            }
        }
        return RefiQda::guid(u"auto-code"_s, segments.join(u'/'));
    }
    const QList<CodeEntry> &entries() const { return m_entries; }

private:
    QSet<QString> m_seen;
    QList<CodeEntry> m_entries;
};

struct Variable
{
    QString name;
    QString type;
};

const QList<Variable> &variables()
{
    static const QList<Variable> list { { u"source"_s, u"Text"_s },
                                        { u"published"_s, u"Date"_s },
                                        { u"byline"_s, u"Text"_s },
                                        { u"dateline"_s, u"Text"_s },
                                        { u"url"_s, u"Text"_s } };
    return list;
}

void writeVariableValue(QXmlStreamWriter &xml, const QString &variable, const QString &element,
                        const QString &value)
{
    if (value.isEmpty())
        return;
    xml.writeStartElement(u"VariableValue"_s);
    xml.writeEmptyElement(u"VariableRef"_s);
    xml.writeAttribute(u"targetGUID"_s, RefiQda::guidString(RefiQda::guid(u"variable"_s, variable)));
    xml.writeTextElement(element, xmlSafe(value));
    xml.writeEndElement();
}

QString shortName(const QString &text)
{
    QString name = text.simplified();
    if (name.size() > 80)
        name = name.left(79) + u'\u2026';
    return xmlSafe(name);
}

} // namespace

namespace RefiQda {

QUuid guid(const QString &kind, const QString &key)
{
    // Lede's namespace: UUID v5 of "urn:lede:refi-qda" in the URL namespace of RFC 4122.
    static const QUuid ns
        = QUuid::createUuidV5(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s), u"urn:lede:refi-qda"_s);
    return QUuid::createUuidV5(ns, kind + u':' + key);
}

QString guidString(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QUuid automaticRootGuid()
{
    return guid(u"auto-code"_s, u"Lede"_s);
}

QString rgbColor(const QString &color)
{
    if (color.trimmed().isEmpty())
        return {};
    const QColor c = QColor::fromString(color.trimmed());
    return c.isValid() ? c.name(QColor::HexRgb) : QString();
}

Result<Project> buildProject(ArticleStore &store, const RefiQdaOptions &options,
                             const std::function<bool(int)> &progress)
{
    using R = Result<Project>;
    Project project;
    auto codes = tagEntries(store);
    if (!codes)
        return R::failure(codes.errorString());

    // Which articles, and (with a tag) which annotations.
    auto selection = resolveAnnotatedSelection(store, options.articleIds, options.tagId);
    if (!selection)
        return R::failure(selection.errorString());
    const QList<qint64> &ids = selection->articleIds;

    const QString userName = !options.userName.isEmpty() ? options.userName
        : !qEnvironmentVariable("USER").isEmpty()        ? qEnvironmentVariable("USER")
                                                         : u"Lede"_s;
    const QString userGuid = guidString(guid(u"user"_s, userName));
    const QDateTime now = options.timestamp.isValid() ? options.timestamp : QDateTime::currentDateTimeUtc();

    // First every article is read, so that the codebook (which comes first) holds the automatic
    // codes the articles name; then the document is written in the schema's order.
    struct AutoSelection
    {
        Span span;
        QString layer;
        QUuid code;
    };
    struct SourceData
    {
        Article article;
        QList<Annotation> annotations;
        QList<AutoSelection> automatic;
    };
    QList<SourceData> data;
    AutomaticCodes automatic;
    const bool layers = options.includeQuotes || options.includeEntities || options.includeFigures;
    for (qint64 id : std::as_const(ids)) {
        SourceData source;
        auto article = ArticleRepository(store).article(id);
        if (!article)
            return R::failure(article.errorString());
        source.article = std::move(article.value());
        auto annotations = AnnotationRepository(store).annotations(id);
        if (!annotations)
            return R::failure(annotations.errorString());
        for (const Annotation &a : std::as_const(*annotations)) {
            if (selection->wants(a))
                source.annotations.append(a);
        }
        if (layers) {
            auto analysis = AnalysisRepository(store).analysis(id);
            if (!analysis)
                return R::failure(analysis.errorString());
            if (options.includeQuotes) {
                for (const Quote &q : std::as_const(analysis->quotes))
                    source.automatic.append(
                        { q.span, u"quote"_s,
                          automatic.codeFor(
                              { tr("Quotes"), q.speaker.isEmpty() ? tr("(unknown speaker)") : q.speaker }) });
            }
            if (options.includeEntities) {
                for (const Entity &e : std::as_const(analysis->entities))
                    source.automatic.append(
                        { e.span, u"entity"_s,
                          automatic.codeFor({ tr("Entities"), entityTypeName(e.type),
                                              e.canonical.isEmpty() ? e.text : e.canonical }) });
            }
            if (options.includeFigures) {
                for (const Figure &f : std::as_const(analysis->figures))
                    source.automatic.append(
                        { f.span, u"figure"_s,
                          automatic.codeFor(
                              { tr("Figures"), f.unit.isEmpty() ? tr("(no unit)") : f.unit }) });
            }
        }
        data.append(std::move(source));
        if (progress && !progress(int(data.size())))
            return R::failure(tr("Cancelled"));
    }

    QBuffer buffer(&project.projectXml);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(u"Project"_s);
    xml.writeDefaultNamespace(QString::fromLatin1(ProjectNamespace));
    xml.writeAttribute(
        u"name"_s, xmlSafe(store.path().isEmpty() ? u"Lede"_s : QFileInfo(store.path()).completeBaseName()));
    xml.writeAttribute(u"origin"_s, u"Lede "_s + QCoreApplication::applicationVersion());
    xml.writeAttribute(u"creatingUserGUID"_s, userGuid);
    xml.writeAttribute(u"creationDateTime"_s, isoTime(now));
    xml.writeStartElement(u"Users"_s);
    xml.writeEmptyElement(u"User"_s);
    xml.writeAttribute(u"guid"_s, userGuid);
    xml.writeAttribute(u"name"_s, xmlSafe(userName));
    xml.writeEndElement();
    QList<CodeEntry> allCodes = codes.value();
    allCodes.append(automatic.entries());
    project.counts.codes = int(allCodes.size());
    if (!allCodes.isEmpty()) {
        xml.writeStartElement(u"CodeBook"_s);
        xml.writeStartElement(u"Codes"_s);
        writeCodeTree(xml, allCodes);
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeStartElement(u"Variables"_s);
    for (const Variable &v : variables()) {
        xml.writeEmptyElement(u"Variable"_s);
        xml.writeAttribute(u"guid"_s, guidString(guid(u"variable"_s, v.name)));
        xml.writeAttribute(u"name"_s, v.name);
        xml.writeAttribute(u"typeOfVariable"_s, v.type);
    }
    xml.writeEndElement();

    struct NoteData
    {
        QString guid;
        QString text;
        QDateTime created;
    };
    QList<NoteData> notes;
    if (!data.isEmpty())
        xml.writeStartElement(u"Sources"_s);
    for (const SourceData &source : std::as_const(data)) {
        const Article &article = source.article;
        const CodePointMap map(article.body);
        const QString sourceKey = article.contentHash;
        const QString sourceGuid = guidString(guid(u"source"_s, sourceKey));
        xml.writeStartElement(u"TextSource"_s);
        xml.writeAttribute(u"guid"_s, sourceGuid);
        xml.writeAttribute(u"name"_s, xmlSafe(article.title));
        xml.writeAttribute(u"plainTextPath"_s, u"internal://"_s + sourceGuid + u".txt"_s);
        xml.writeAttribute(u"creatingUser"_s, userGuid);
        if (article.importedAt.isValid())
            xml.writeAttribute(u"creationDateTime"_s, isoTime(article.importedAt));

        for (const Annotation &a : source.annotations) {
            const Span points = map.toCodePoints(a.span);
            const QString selectionKey
                = u"%1:%2:%3"_s.arg(sourceKey).arg(a.id).arg(a.createdAt.toUTC().toString(Qt::ISODateWithMs));
            xml.writeStartElement(u"PlainTextSelection"_s);
            xml.writeAttribute(u"guid"_s, guidString(guid(u"selection"_s, selectionKey)));
            xml.writeAttribute(u"name"_s, shortName(article.body.mid(a.span.start, a.span.length())));
            xml.writeAttribute(u"startPosition"_s, QString::number(points.start));
            xml.writeAttribute(u"endPosition"_s, QString::number(points.end));
            xml.writeAttribute(u"creatingUser"_s, userGuid);
            if (a.createdAt.isValid())
                xml.writeAttribute(u"creationDateTime"_s, isoTime(a.createdAt));
            if (a.updatedAt.isValid()) {
                xml.writeAttribute(u"modifyingUser"_s, userGuid);
                xml.writeAttribute(u"modifiedDateTime"_s, isoTime(a.updatedAt));
            }
            for (const QString &tag : a.tags) {
                xml.writeStartElement(u"Coding"_s);
                xml.writeAttribute(u"guid"_s, guidString(guid(u"coding"_s, selectionKey + u':' + tag)));
                xml.writeAttribute(u"creatingUser"_s, userGuid);
                if (a.createdAt.isValid())
                    xml.writeAttribute(u"creationDateTime"_s, isoTime(a.createdAt));
                xml.writeEmptyElement(u"CodeRef"_s);
                xml.writeAttribute(u"targetGUID"_s, guidString(guid(u"code"_s, tag)));
                xml.writeEndElement();
            }
            if (!a.note.isEmpty()) {
                const QString noteGuid = guidString(guid(u"note"_s, selectionKey));
                xml.writeEmptyElement(u"NoteRef"_s);
                xml.writeAttribute(u"targetGUID"_s, noteGuid);
                notes.append({ noteGuid, a.note, a.createdAt });
            }
            xml.writeEndElement(); // PlainTextSelection
            ++project.counts.selections;
        }

        for (const AutoSelection &s : source.automatic) {
            const Span points = map.toCodePoints(s.span);
            const QString key = u"%1:%2:%3:%4"_s.arg(sourceKey, s.layer).arg(points.start).arg(points.end);
            xml.writeStartElement(u"PlainTextSelection"_s);
            xml.writeAttribute(u"guid"_s, guidString(guid(u"auto-selection"_s, key)));
            xml.writeAttribute(u"name"_s, shortName(article.body.mid(s.span.start, s.span.length())));
            xml.writeAttribute(u"startPosition"_s, QString::number(points.start));
            xml.writeAttribute(u"endPosition"_s, QString::number(points.end));
            xml.writeAttribute(u"creatingUser"_s, userGuid);
            xml.writeStartElement(u"Coding"_s);
            xml.writeAttribute(u"guid"_s, guidString(guid(u"auto-coding"_s, key)));
            xml.writeAttribute(u"creatingUser"_s, userGuid);
            xml.writeEmptyElement(u"CodeRef"_s);
            xml.writeAttribute(u"targetGUID"_s, guidString(s.code));
            xml.writeEndElement();
            xml.writeEndElement();
            ++project.counts.selections;
        }

        writeVariableValue(xml, u"source"_s, u"TextValue"_s, article.source);
        if (article.published.isValid())
            writeVariableValue(xml, u"published"_s, u"DateValue"_s, article.published.toString(Qt::ISODate));
        writeVariableValue(xml, u"byline"_s, u"TextValue"_s, article.byline);
        writeVariableValue(xml, u"dateline"_s, u"TextValue"_s, article.dateline);
        writeVariableValue(xml, u"url"_s, u"TextValue"_s, article.url);
        xml.writeEndElement(); // TextSource

        project.sources.append({ u"Sources/"_s + sourceGuid + u".txt"_s, article.body.toUtf8() });
        ++project.counts.articles;
    }
    if (!data.isEmpty())
        xml.writeEndElement(); // Sources

    if (!notes.isEmpty()) {
        xml.writeStartElement(u"Notes"_s);
        for (const NoteData &note : std::as_const(notes)) {
            xml.writeStartElement(u"Note"_s);
            xml.writeAttribute(u"guid"_s, note.guid);
            xml.writeAttribute(u"name"_s, shortName(note.text));
            xml.writeAttribute(u"creatingUser"_s, userGuid);
            if (note.created.isValid())
                xml.writeAttribute(u"creationDateTime"_s, isoTime(note.created));
            xml.writeTextElement(u"PlainTextContent"_s, xmlSafe(note.text));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    project.counts.notes = int(notes.size());
    xml.writeEndDocument();
    buffer.close();
    if (xml.hasError())
        return R::failure(tr("Cannot write the project XML"));
    return project;
}

Result<QByteArray> codebookXml(ArticleStore &store)
{
    auto codes = tagEntries(store);
    if (!codes)
        return Result<QByteArray>::failure(codes.errorString());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(u"CodeBook"_s);
    xml.writeDefaultNamespace(QString::fromLatin1(CodebookNamespace));
    xml.writeAttribute(u"origin"_s, u"Lede "_s + QCoreApplication::applicationVersion());
    xml.writeStartElement(u"Codes"_s);
    writeCodeTree(xml, codes.value());
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError())
        return Result<QByteArray>::failure(tr("Cannot write the codebook XML"));
    return bytes;
}

} // namespace RefiQda

Result<RefiQda::Counts> exportQdpx(ArticleStore &store, const RefiQdaOptions &options, const QString &path,
                                   const std::function<bool(int)> &progress)
{
    using R = Result<RefiQda::Counts>;
    if (Status s = ExportTarget::allow(path, store.path(), true); !s)
        return R::failure(s.errorString());
    auto project = RefiQda::buildProject(store, options, progress);
    if (!project)
        return R::failure(project.errorString());
    ZipWriter zip(path);
    if (options.timestamp.isValid())
        zip.setTimestamp(options.timestamp);
    zip.add(u"project.qde"_s, project->projectXml);
    for (const auto &[name, bytes] : std::as_const(project->sources))
        zip.add(name, bytes);
    if (Status s = zip.commit(); !s)
        return R::failure(s.errorString());
    return project->counts;
}

Result<int> exportCodebook(ArticleStore &store, const QString &path)
{
    using R = Result<int>;
    if (Status s = ExportTarget::allow(path, store.path(), true); !s)
        return R::failure(s.errorString());
    auto tags = TagRepository(store).tags();
    if (!tags)
        return R::failure(tags.errorString());
    QByteArray bytes;
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        bytes = codebookCsv(*tags);
    } else {
        auto xml = RefiQda::codebookXml(store);
        if (!xml)
            return R::failure(xml.errorString());
        bytes = xml.value();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return R::failure(tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    return int(tags->size());
}

} // namespace Lede
