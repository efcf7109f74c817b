// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA exchange: the .qdpx Lede writes validates against the 2019 Project schema (xmllint), its
// positions are code points of the source text, GUIDs are stable, and the file is written
// atomically.
#include "RefiQdaSchema.h"
#include "TextOffsets.h"
#include "analysis/Analyzer.h"
#include "io/ZipArchive.h"
#include "library/CodebookCsv.h"
#include "library/RefiQdaExport.h"
#include "library/RefiQdaImport.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QDateTime fixedTime()
{
    return QDateTime(QDate(2025, 6, 1), QTime(9, 0, 0), Qt::UTC);
}

// Text written for this test. The emoji and the CJK character outside the BMP make UTF-16 indices
// and code point offsets differ; "é" as e + combining accent counts two code points.
const QString BodyOne
    = u"Harbour town counts the cost 🌊 after the storm.\n"
      u"\"We will rebuild every pier,\" said Mayor Ana Ruiz on Tuesday.\n"
      u"Insurers put the damage at more than 40 million euros. Cafe\u0301 owners 𠀀 wait."_s;
const QString BodyTwo = u"The council met again on Wednesday to discuss flood barriers along the river.\n"
                        u"Engineers said the plan would take three years."_s;

qint64 addArticle(ArticleStore &store, const QString &title, const QString &body, const QString &source,
                  const QDate &published)
{
    Article a;
    a.title = title;
    a.body = body;
    a.source = source;
    a.published = published;
    a.byline = u"Test Writer"_s;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    auto id = ArticleRepository(store).addArticle(a, Analyzer::analyze(a), Analyzer::Version);
    return id ? *id : 0;
}

qint64 annotate(ArticleStore &store, qint64 articleId, const QString &body, const QString &passage,
                const QStringList &tags, const QString &note = {})
{
    Annotation a;
    a.articleId = articleId;
    a.span.start = body.indexOf(passage);
    a.span.end = a.span.start + passage.size();
    a.tags = tags;
    a.note = note;
    a.createdAt = fixedTime();
    a.updatedAt = fixedTime();
    auto id = AnnotationRepository(store).addAnnotation(a);
    return id ? *id : 0;
}

// A library of two articles: tagged highlights (one with two tags), a note, an untagged highlight.
struct Library
{
    QTemporaryDir dir;
    ArticleStore store;
    qint64 one = 0;
    qint64 two = 0;
    bool make()
    {
        if (!store.open(dir.filePath(u"library.sqlite"_s)))
            return false;
        one = addArticle(store, u"Harbour counts the cost"_s, BodyOne, u"Test Wire"_s, QDate(2025, 5, 20));
        two = addArticle(store, u"Council meets on barriers"_s, BodyTwo, u"Test Post"_s, QDate());
        if (!one || !two)
            return false;
        auto tag = TagRepository(store).ensureTag(u"Claims/Damage"_s);
        if (!tag || !TagRepository(store).setTagColor(*tag, u"yellow"_s))
            return false;
        auto voices = TagRepository(store).ensureTag(u"Voices"_s);
        if (!voices || !TagRepository(store).setTagColor(*voices, u"#336699"_s))
            return false;
        return annotate(store, one, BodyOne, u"more than 40 million euros"_s,
                        { u"Claims/Damage"_s, u"Voices"_s })
            && annotate(store, one, BodyOne, u"Cafe\u0301 owners 𠀀 wait"_s, { u"Voices"_s },
                        u"Ask them again\nnext week"_s)
            && annotate(store, one, BodyOne, u"counts the cost 🌊"_s, {})
            && annotate(store, two, BodyTwo, u"flood barriers"_s, { u"Claims"_s }, u"Cost? & <when>"_s);
    }
};

// Python's text[start:end]: a slice in code points.
QString codePointSlice(const QString &text, qint64 start, qint64 end)
{
    const QList<uint> points = text.toUcs4();
    if (start < 0 || end > points.size() || start > end)
        return u"<out of range>"_s;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + start, end - start);
}

struct Selection
{
    QString source;
    qint64 start = 0;
    qint64 end = 0;
    QStringList codes; // code paths
    QString note;
};

struct ParsedProject
{
    QHash<QString, QString> codePath; // guid -> "A/B"
    QHash<QString, QString> codeColor;
    QHash<QString, QString> sourcePath; // source guid -> plainTextPath
    QHash<QString, QString> sourceName;
    QHash<QString, QString> notes; // guid -> text
    QList<Selection> selections;
    QStringList users;
    QHash<QString, QStringList> variableValues; // source guid -> values
};

ParsedProject parseProject(const QByteArray &xmlBytes)
{
    ParsedProject p;
    QXmlStreamReader xml(xmlBytes);
    QStringList codeStack;
    QString source;
    Selection *current = nullptr;
    QString noteGuid;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.namespaceUri() != QLatin1String(RefiQda::ProjectNamespace))
                return {};
            const auto name = xml.name();
            const auto attr = xml.attributes();
            if (name == u"User"_s) {
                p.users.append(attr.value(u"name"_s).toString());
            } else if (name == u"Code"_s) {
                codeStack.append(attr.value(u"name"_s).toString());
                p.codePath.insert(attr.value(u"guid"_s).toString(), codeStack.join(u'/'));
                p.codeColor.insert(attr.value(u"guid"_s).toString(), attr.value(u"color"_s).toString());
            } else if (name == u"TextSource"_s) {
                source = attr.value(u"guid"_s).toString();
                p.sourcePath.insert(source, attr.value(u"plainTextPath"_s).toString());
                p.sourceName.insert(source, attr.value(u"name"_s).toString());
            } else if (name == u"PlainTextSelection"_s) {
                p.selections.append({ source,
                                      attr.value(u"startPosition"_s).toLongLong(),
                                      attr.value(u"endPosition"_s).toLongLong(),
                                      {},
                                      {} });
                current = &p.selections.last();
            } else if (name == u"CodeRef"_s && current) {
                current->codes.append(attr.value(u"targetGUID"_s).toString());
            } else if (name == u"NoteRef"_s && current) {
                current->note = attr.value(u"targetGUID"_s).toString();
            } else if (name == u"Note"_s) {
                noteGuid = attr.value(u"guid"_s).toString();
            } else if (name == u"PlainTextContent"_s) {
                p.notes.insert(noteGuid, xml.readElementText());
            } else if (name == u"TextValue"_s || name == u"DateValue"_s) {
                p.variableValues[source].append(xml.readElementText());
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == u"Code"_s)
                codeStack.removeLast();
            else if (xml.name() == u"PlainTextSelection"_s)
                current = nullptr;
        }
    }
    if (xml.hasError())
        return {};
    // Resolve references to paths and texts.
    for (Selection &s : p.selections) {
        for (QString &c : s.codes)
            c = p.codePath.value(c, u"<dangling "_s + c + u'>');
        if (!s.note.isEmpty())
            s.note = p.notes.value(s.note, u"<dangling note>"_s);
    }
    return p;
}

// What a library holds, comparably: tags with colours, and each annotation as
// "title|start|end|text|tags|note" with code point offsets.
struct Snapshot
{
    QStringList tags;
    QStringList annotations;
};

Snapshot snapshot(ArticleStore &store)
{
    Snapshot s;
    const QList<Tag> tags = TagRepository(store).tags().value();
    for (const Tag &t : tags)
        s.tags.append(t.path + u' ' + RefiQda::rgbColor(t.color));
    const QList<ArticleSummary> articles = ArticleRepository(store).articles().value();
    for (const ArticleSummary &a : articles) {
        const Article article = ArticleRepository(store).article(a.id).value();
        const CodePointMap map(article.body);
        const QList<Annotation> annotations = AnnotationRepository(store).annotations(a.id).value();
        for (const Annotation &n : annotations) {
            QStringList tags = n.tags;
            tags.sort();
            const Span points = map.toCodePoints(n.span);
            s.annotations.append(
                u"%1|%2|%3|%4|%5|%6"_s.arg(article.title)
                    .arg(points.start)
                    .arg(points.end)
                    .arg(article.body.mid(n.span.start, n.span.length()), tags.join(u';'), n.note));
        }
    }
    s.tags.sort();
    s.annotations.sort();
    return s;
}

// A .qdpx written by hand, as another program might.
QByteArray handMadeQdpx(const QByteArray &projectXml, const QList<QPair<QString, QByteArray>> &files)
{
    ZipWriter zip;
    zip.add(u"project.qde"_s, projectXml);
    for (const auto &[name, bytes] : files)
        zip.add(name, bytes);
    return zip.archiveBytes().value();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray ProjectHead
    = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"hand\">\n"
      " <CodeBook><Codes>\n"
      "  <Code guid=\"11111111-1111-1111-1111-111111111111\" name=\"Topics\" isCodable=\"true\" "
      "color=\"#FF0000\">\n"
      "   <Code guid=\"22222222-2222-2222-2222-222222222222\" name=\"Rain/Wind\" isCodable=\"true\"/>\n"
      "  </Code>\n"
      " </Codes></CodeBook>\n";

} // namespace

class TestRefiQda final : public QObject
{
    Q_OBJECT

public:
    // Validates project.qde against the schema; an empty string when valid. Without xmllint or the
    // schema the check is left out, with a warning (initTestCase says why).
    static QString schemaErrors(const QByteArray &projectXml)
    {
        if (!LedeTest::refiQdaValidatorMissing().isEmpty())
            return {};
        return LedeTest::refiQdaSchemaErrors(projectXml);
    }

private Q_SLOTS:
    void initTestCase();
    void exportValidatesAndKeepsPositions();
    void guidsAreStable();
    void tagSelectsArticlesAndAnnotations();
    void automaticLayersBecomeLedeCodes();
    void emptyLibraryIsValid();
    void failedExportLeavesNothing();
    void codebookXml();
    void codebookCsvBytes();
    void codebookCsvReadsBack();
    void codebookCsvRefusesBadInput_data();
    void codebookCsvRefusesBadInput();
    void exportCodebookBySuffix();
    void roundTripKeepsTagsAndHighlights();
    void importTwiceAddsNothing();
    void importSkipsAutomaticCodes();
    void importMovesPositionsPastCrLf();
    void importRefusesBadFiles_data();
    void importRefusesBadFiles();
    void importCodebookFiles();
};

void TestRefiQda::initTestCase()
{
    const QString missing = LedeTest::refiQdaValidatorMissing();
    if (!missing.isEmpty()) {
        qWarning("The schema check is left out: %s", qPrintable(missing));
        return;
    }
    // The check can fail: a Code without its required isCodable is refused.
    const QByteArray broken
        = "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
          "<CodeBook><Codes><Code guid=\"6ba7b811-9dad-11d1-80b4-00c04fd430c8\" name=\"A\"/>"
          "</Codes></CodeBook></Project>";
    QVERIFY(!LedeTest::refiQdaSchemaErrors(broken).isEmpty());
}

void TestRefiQda::exportValidatesAndKeepsPositions()
{
    Library lib;
    QVERIFY(lib.make());
    const QString path = lib.dir.filePath(u"out.qdpx"_s);
    RefiQdaOptions options;
    options.userName = u"coder"_s;
    auto counts = exportQdpx(lib.store, options, path);
    QVERIFY2(counts.ok(), qPrintable(counts.errorString()));
    QCOMPARE(counts->articles, 2);
    QCOMPARE(counts->selections, 4);
    QCOMPARE(counts->codes, 3); // Claims, Claims/Damage, Voices
    QCOMPARE(counts->notes, 2);

    ZipReader zip;
    QVERIFY(zip.open(path).ok());
    const QStringList names = zip.entryNames();
    QCOMPARE(names.size(), 3);
    QCOMPARE(names.first(), u"project.qde"_s);
    const QByteArray xml = zip.read(u"project.qde"_s, 1 << 20).value();
    const QString errors = schemaErrors(xml);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    const ParsedProject p = parseProject(xml);
    QCOMPARE(p.users, QStringList { u"coder"_s });
    QCOMPARE(p.sourcePath.size(), 2);
    QStringList paths = p.codePath.values();
    paths.sort();
    QCOMPARE(paths, (QStringList { u"Claims"_s, u"Claims/Damage"_s, u"Voices"_s }));
    for (auto it = p.codePath.cbegin(); it != p.codePath.cend(); ++it) {
        if (*it == u"Claims/Damage"_s)
            QCOMPARE(p.codeColor.value(it.key()), u"#ffff00"_s);
        if (*it == u"Voices"_s)
            QCOMPARE(p.codeColor.value(it.key()), u"#336699"_s);
    }

    // Every selection's positions, applied to its source file as code points, give the passage.
    QHash<QString, QString> texts;
    for (auto it = p.sourcePath.cbegin(); it != p.sourcePath.cend(); ++it) {
        QVERIFY(it->startsWith(u"internal://"_s));
        const QString entry = u"Sources/"_s + it->mid(11);
        QVERIFY2(zip.contains(entry), qPrintable(entry));
        texts.insert(it.key(), QString::fromUtf8(zip.read(entry, 1 << 20).value()));
    }
    QHash<QString, Selection> byText;
    for (const Selection &s : p.selections)
        byText.insert(codePointSlice(texts.value(s.source), s.start, s.end), s);
    QCOMPARE(byText.size(), 4);
    QVERIFY(byText.contains(u"more than 40 million euros"_s));
    QVERIFY(byText.contains(u"Cafe\u0301 owners 𠀀 wait"_s));
    QVERIFY(byText.contains(u"counts the cost 🌊"_s));
    QVERIFY(byText.contains(u"flood barriers"_s));
    QStringList codes = byText.value(u"more than 40 million euros"_s).codes;
    codes.sort();
    QCOMPARE(codes, (QStringList { u"Claims/Damage"_s, u"Voices"_s }));
    QCOMPARE(byText.value(u"Cafe\u0301 owners 𠀀 wait"_s).note, u"Ask them again\nnext week"_s);
    QCOMPARE(byText.value(u"flood barriers"_s).note, u"Cost? & <when>"_s);
    QCOMPARE(byText.value(u"flood barriers"_s).codes, QStringList { u"Claims"_s });
    QVERIFY(byText.value(u"counts the cost 🌊"_s).codes.isEmpty());
    // The positions are code points, not UTF-16 indices: the emoji before the passage counts one.
    const Selection euros = byText.value(u"more than 40 million euros"_s);
    QCOMPARE(euros.start,
             qint64(BodyOne.toUcs4().size()
                    - QStringView(BodyOne).mid(BodyOne.indexOf(u"more than"_s)).toUcs4().size()));
    QCOMPARE(qint64(BodyOne.indexOf(u"more than"_s)), euros.start + 1);
    // Variables: source, published, byline.
    const QString oneGuid = byText.value(u"more than 40 million euros"_s).source;
    QCOMPARE(p.variableValues.value(oneGuid),
             (QStringList { u"Test Wire"_s, u"2025-05-20"_s, u"Test Writer"_s }));
    QCOMPARE(p.sourceName.value(oneGuid), u"Harbour counts the cost"_s);
}

void TestRefiQda::guidsAreStable()
{
    Library lib;
    QVERIFY(lib.make());
    RefiQdaOptions options;
    options.userName = u"coder"_s;
    options.timestamp = fixedTime();
    auto first = RefiQda::buildProject(lib.store, options);
    auto second = RefiQda::buildProject(lib.store, options);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->projectXml, second->projectXml);
    // A code's GUID follows its path, a source's its content.
    QVERIFY(first->projectXml.contains(
        RefiQda::guidString(RefiQda::guid(u"code"_s, u"Claims/Damage"_s)).toLatin1()));
    QCOMPARE(RefiQda::guid(u"code"_s, u"Voices"_s), RefiQda::guid(u"code"_s, u"Voices"_s));
    QVERIFY(RefiQda::guid(u"code"_s, u"Voices"_s) != RefiQda::guid(u"code"_s, u"Claims"_s));
    QCOMPARE(RefiQda::guid(u"code"_s, u"Voices"_s).version(), QUuid::Sha1);
}

void TestRefiQda::tagSelectsArticlesAndAnnotations()
{
    Library lib;
    QVERIFY(lib.make());
    auto tags = TagRepository(lib.store).tags();
    QVERIFY(tags.ok());
    qint64 damage = 0;
    for (const Tag &t : *tags) {
        if (t.path == u"Claims/Damage"_s)
            damage = t.id;
    }
    RefiQdaOptions options;
    options.tagId = damage;
    auto project = RefiQda::buildProject(lib.store, options);
    QVERIFY(project.ok());
    QCOMPARE(project->counts.articles, 1);
    QCOMPARE(project->counts.selections, 1);
    QCOMPARE(project->counts.codes, 3); // the codebook stays whole
    QVERIFY(schemaErrors(project->projectXml).isEmpty());

    RefiQdaOptions second;
    second.articleIds = { lib.two };
    project = RefiQda::buildProject(lib.store, second);
    QVERIFY(project.ok());
    QCOMPARE(project->counts.articles, 1);
    QCOMPARE(project->counts.selections, 1);
    QCOMPARE(project->sources.size(), 1);
    QCOMPARE(QString::fromUtf8(project->sources.first().second), BodyTwo);
}

void TestRefiQda::automaticLayersBecomeLedeCodes()
{
    Library lib;
    QVERIFY(lib.make());
    auto analysis = AnalysisRepository(lib.store).analysis(lib.one);
    QVERIFY(analysis.ok());
    QVERIFY(!analysis->quotes.isEmpty());
    QVERIFY(!analysis->entities.isEmpty());
    RefiQdaOptions options;
    options.includeQuotes = true;
    options.includeEntities = true;
    options.includeFigures = true;
    auto project = RefiQda::buildProject(lib.store, options);
    QVERIFY(project.ok());
    const QString errors = schemaErrors(project->projectXml);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    const ParsedProject p = parseProject(project->projectXml);
    QVERIFY(p.codePath.contains(RefiQda::guidString(RefiQda::automaticRootGuid())));
    QCOMPARE(p.codePath.value(RefiQda::guidString(RefiQda::automaticRootGuid())), u"Lede"_s);
    bool quoteFound = false;
    for (const Selection &s : p.selections) {
        if (s.codes.value(0).startsWith(u"Lede/Quotes/"_s)) {
            quoteFound = true;
            const QString text = codePointSlice(BodyOne, s.start, s.end);
            QVERIFY2(text.contains(u"We will rebuild every pier"_s), qPrintable(text));
            QCOMPARE(s.codes.value(0), u"Lede/Quotes/"_s + analysis->quotes.first().speaker);
        }
    }
    QVERIFY(quoteFound);
    QVERIFY(std::any_of(p.codePath.cbegin(), p.codePath.cend(),
                        [](const QString &c) { return c.startsWith(u"Lede/Entities/PERSON/"_s); }));
}

void TestRefiQda::emptyLibraryIsValid()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"empty.sqlite"_s)).ok());
    auto project = RefiQda::buildProject(store, {});
    QVERIFY(project.ok());
    QCOMPARE(project->counts.articles, 0);
    const QString errors = schemaErrors(project->projectXml);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestRefiQda::failedExportLeavesNothing()
{
    Library lib;
    QVERIFY(lib.make());
    // Onto the library itself: refused, the library untouched.
    const QString libraryPath = lib.store.path();
    const qint64 sizeBefore = QFileInfo(libraryPath).size();
    auto onto = exportQdpx(lib.store, {}, libraryPath);
    QVERIFY(!onto.ok());
    QCOMPARE(QFileInfo(libraryPath).size(), sizeBefore);
    // Into a folder that does not exist: a message, no file.
    const QString missing = lib.dir.filePath(u"no/such/folder/out.qdpx"_s);
    auto nowhere = exportQdpx(lib.store, {}, missing);
    QVERIFY(!nowhere.ok());
    QVERIFY(!QFile::exists(missing));
    // A cancelled export leaves an earlier file whole.
    const QString earlier = lib.dir.filePath(u"earlier.qdpx"_s);
    {
        QFile f(earlier);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("earlier");
    }
    auto cancelled = exportQdpx(lib.store, {}, earlier, [](int) { return false; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.errorString(), u"Cancelled"_s);
    QFile f(earlier);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("earlier"));
}

void TestRefiQda::codebookXml()
{
    Library lib;
    QVERIFY(lib.make());
    auto xml = RefiQda::codebookXml(lib.store);
    QVERIFY(xml.ok());
    QXmlStreamReader reader(xml.value());
    QVERIFY(reader.readNextStartElement());
    QCOMPARE(reader.name(), u"CodeBook"_s);
    QCOMPARE(reader.namespaceUri(), QLatin1String(RefiQda::CodebookNamespace));
    QStringList paths;
    QStringList stack;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == u"Code"_s) {
            stack.append(reader.attributes().value(u"name"_s).toString());
            paths.append(stack.join(u'/'));
            QCOMPARE(reader.attributes().value(u"isCodable"_s), u"true"_s);
        } else if (reader.isEndElement() && reader.name() == u"Code"_s) {
            stack.removeLast();
        }
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(paths, (QStringList { u"Claims"_s, u"Claims/Damage"_s, u"Voices"_s }));
}

void TestRefiQda::codebookCsvBytes()
{
    QList<Tag> tags;
    Tag a;
    a.path = u"Claims"_s;
    tags.append(a);
    Tag b;
    b.path = u"Claims/Damage, costs"_s;
    b.color = u"yellow"_s;
    tags.append(b);
    Tag c;
    c.path = u"=Formula"_s;
    c.color = u"#ABC"_s;
    tags.append(c);
    Tag d;
    d.path = u"Voices/\"Named\" 🙂"_s;
    tags.append(d);
    QCOMPARE(codebookCsv(tags),
             u"path,color,description\r\n"
             u"Claims,,\r\n"
             u"\"Claims/Damage, costs\",#ffff00,\r\n"
             u"'=Formula,#aabbcc,\r\n"
             u"\"Voices/\"\"Named\"\" 🙂\",,\r\n"_s.toUtf8());
}

void TestRefiQda::codebookCsvReadsBack()
{
    QList<Tag> tags;
    for (const QString &path :
         { u"Claims"_s, u"Claims/Damage, costs"_s, u"=Formula"_s, u"Voices/\"Named\"\nline"_s }) {
        Tag t;
        t.path = path;
        t.color = path.startsWith(u'C') ? u"#102030"_s : QString();
        tags.append(t);
    }
    auto entries = parseCodebookCsv(codebookCsv(tags));
    QVERIFY2(entries.ok(), qPrintable(entries.errorString()));
    QCOMPARE(entries->size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(entries->at(i).path, tags.at(i).path);
        QCOMPARE(entries->at(i).color, tags.at(i).color);
    }
    // Written by hand: BOM, LF, other column order, a description, spaces around levels.
    auto hand = parseCodebookCsv("\xEF\xBB\xBF"
                                 "description,path\nWho speaks, Voices / Officials\n,Places\n\n");
    QVERIFY2(hand.ok(), qPrintable(hand.errorString()));
    QCOMPARE(hand->size(), 2);
    QCOMPARE(hand->at(0).path, u"Voices/Officials"_s);
    QCOMPARE(hand->at(0).description, u"Who speaks"_s);
    QCOMPARE(hand->at(1).path, u"Places"_s);
}

void TestRefiQda::codebookCsvRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-path-column") << QByteArray("name,color\r\nA,\r\n")
                                    << u"not a codebook CSV: the first line has no \"path\" column"_s;
    QTest::newRow("unclosed-quote") << QByteArray("path\r\nA\r\n\"B,\r\n")
                                    << u"line 3: a quoted field is not closed"_s;
    QTest::newRow("empty-level") << QByteArray("path\r\nA//B\r\n")
                                 << u"record 2: the path \"A//B\" has an empty level"_s;
    QTest::newRow("empty-file") << QByteArray() << u"the codebook CSV is empty"_s;
}

void TestRefiQda::codebookCsvRefusesBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto entries = parseCodebookCsv(bytes);
    QVERIFY(!entries.ok());
    QCOMPARE(entries.errorString(), message);
}

void TestRefiQda::exportCodebookBySuffix()
{
    Library lib;
    QVERIFY(lib.make());
    const QString csv = lib.dir.filePath(u"book.CSV"_s);
    auto written = exportCodebook(lib.store, csv);
    QVERIFY2(written.ok(), qPrintable(written.errorString()));
    QCOMPARE(written.value(), 3);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(
        f.readAll(),
        QByteArray("path,color,description\r\nClaims,,\r\nClaims/Damage,#ffff00,\r\nVoices,#336699,\r\n"));
    const QString qdc = lib.dir.filePath(u"book.qdc"_s);
    QVERIFY(exportCodebook(lib.store, qdc).ok());
    QFile x(qdc);
    QVERIFY(x.open(QIODevice::ReadOnly));
    QCOMPARE(x.readAll(), RefiQda::codebookXml(lib.store).value());
}

void TestRefiQda::roundTripKeepsTagsAndHighlights()
{
    Library lib;
    QVERIFY(lib.make());
    const QString path = lib.dir.filePath(u"round.qdpx"_s);
    QVERIFY(exportQdpx(lib.store, {}, path).ok());

    QTemporaryDir fresh;
    ArticleStore store;
    QVERIFY(store.open(fresh.filePath(u"fresh.sqlite"_s)).ok());
    auto summary = importRefiQda(store, path);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->articlesAdded, 2);
    QCOMPARE(summary->tagsCreated, 3);
    QCOMPARE(summary->highlights, 4);
    QCOMPARE(summary->notes, 2);
    QVERIFY(summary->warnings.isEmpty());

    const Snapshot before = snapshot(lib.store);
    const Snapshot after = snapshot(store);
    QCOMPARE(after.tags, before.tags);
    QCOMPARE(after.annotations, before.annotations);
    QCOMPARE(after.annotations.size(), 4);
    // Metadata travels as variables.
    const QList<ArticleSummary> articles = ArticleRepository(store).articles().value();
    for (const ArticleSummary &a : articles) {
        const Article article = ArticleRepository(store).article(a.id).value();
        if (article.title == u"Harbour counts the cost"_s) {
            QCOMPARE(article.body, BodyOne);
            QCOMPARE(article.source, u"Test Wire"_s);
            QCOMPARE(article.published, QDate(2025, 5, 20));
            QCOMPARE(article.byline, u"Test Writer"_s);
        } else {
            QCOMPARE(article.body, BodyTwo);
            QVERIFY(!article.published.isValid());
        }
    }
}

void TestRefiQda::importTwiceAddsNothing()
{
    Library lib;
    QVERIFY(lib.make());
    const QString path = lib.dir.filePath(u"again.qdpx"_s);
    QVERIFY(exportQdpx(lib.store, {}, path).ok());
    const Snapshot before = snapshot(lib.store);
    // Into the library it came from: every article and annotation is there already.
    auto summary = importRefiQda(lib.store, path);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->articlesAdded, 0);
    QCOMPARE(summary->articlesPresent, 2);
    QCOMPARE(summary->highlights, 0);
    QCOMPARE(summary->alreadyPresent, 4);
    QCOMPARE(summary->tagsCreated, 0);
    const Snapshot after = snapshot(lib.store);
    QCOMPARE(after.annotations, before.annotations);
    QCOMPARE(after.tags, before.tags);
}

void TestRefiQda::importSkipsAutomaticCodes()
{
    Library lib;
    QVERIFY(lib.make());
    const QString path = lib.dir.filePath(u"auto.qdpx"_s);
    RefiQdaOptions options;
    options.includeQuotes = true;
    options.includeEntities = true;
    auto counts = exportQdpx(lib.store, options, path);
    QVERIFY(counts.ok());
    QVERIFY(counts->selections > 4);
    QTemporaryDir fresh;
    ArticleStore store;
    QVERIFY(store.open(fresh.filePath(u"fresh.sqlite"_s)).ok());
    auto summary = importRefiQda(store, path);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->highlights, 4);
    QCOMPARE(summary->automaticSkipped, counts->selections - 4);
    QCOMPARE(snapshot(store).tags, snapshot(lib.store).tags); // no "Lede/..." tag
}

void TestRefiQda::importMovesPositionsPastCrLf()
{
    // CRLF line ends and a BOM, as a Windows program writes them. Positions count the CR and not
    // the BOM; "Rain/Wind" holds a slash, which a tag name cannot.
    const QByteArray text = "\xEF\xBB\xBF"
                            "First line\r\nSecond line with rain 🌧 and wind\r\nThird";
    const QString plain = u"First line\r\nSecond line with rain 🌧 and wind\r\nThird"_s;
    const qint64 start = plain.indexOf(u"rain"_s); // no surrogate before it
    const qint64 end = plain.toUcs4().size() - 7; // "wind" ends 7 code points before the end
    const QByteArray xml = ProjectHead
        + " <Sources>\n"
          "  <TextSource guid=\"33333333-3333-3333-3333-333333333333\" name=\"Weather note\" "
          "plainTextPath=\"internal://w.txt\">\n"
          "   <PlainTextSelection guid=\"44444444-4444-4444-4444-444444444444\" startPosition=\""
        + QByteArray::number(start) + "\" endPosition=\"" + QByteArray::number(end)
        + "\">\n"
          "    <Description>A memo kept in the selection</Description>\n"
          "    <Coding guid=\"55555555-5555-5555-5555-555555555555\"><CodeRef "
          "targetGUID=\"22222222-2222-2222-2222-222222222222\"/></Coding>\n"
          "   </PlainTextSelection>\n"
          "  </TextSource>\n"
          " </Sources>\n</Project>\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hand.qdpx"_s);
    QVERIFY(writeFile(path,
                      handMadeQdpx(xml, { { u"w.txt"_s, text } }))); // at the root, as some programs write it
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    auto summary = importRefiQda(store, path);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    const Snapshot s = snapshot(store);
    QCOMPARE(s.tags, (QStringList { u"Topics #ff0000"_s, u"Topics/Rain\u2215Wind "_s }));
    QCOMPARE(s.annotations.size(), 1);
    QVERIFY2(s.annotations.first().endsWith(
                 u"|rain 🌧 and wind|Topics/Rain\u2215Wind|A memo kept in the selection"_s),
             qPrintable(s.annotations.first()));
    const Article article
        = ArticleRepository(store).article(ArticleRepository(store).articles().value().first().id).value();
    QCOMPARE(article.body, u"First line\nSecond line with rain 🌧 and wind\nThird"_s);
}

void TestRefiQda::importRefusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("message");
    const QByteArray source
        = " <Sources>\n  <TextSource guid=\"33333333-3333-3333-3333-333333333333\" name=\"S\" "
          "plainTextPath=\"internal://s.txt\">\n";
    const QByteArray tail = "  </TextSource>\n </Sources>\n</Project>\n";
    const QList<QPair<QString, QByteArray>> files { { u"Sources/s.txt"_s,
                                                      "Short text of ten words or so here." } };
    QTest::newRow("plain-text") << QByteArray("Just some words in a file.\n") << u"qdpx"_s
                                << u"not a REFI-QDA project, codebook or codebook CSV"_s;
    {
        ZipWriter other;
        other.add(u"word/document.xml"_s, "<w:document/>");
        QTest::newRow("zip-without-project") << other.archiveBytes().value() << u"qdpx"_s
                                             << u"not a REFI-QDA project: the archive has no project.qde"_s;
    }
    QTest::newRow("foreign-xml") << handMadeQdpx("<?xml version=\"1.0\"?><html><body/></html>", {})
                                 << u"qdpx"_s
                                 << u"not a REFI-QDA project or codebook (the root element is <html>)"_s;
    QTest::newRow("damaged-xml") << handMadeQdpx(ProjectHead + " <Sources>\n  <TextSource", {}) << u"qdpx"_s
                                 << u"damaged project XML at line 9: Premature end of document."_s;
    QTest::newRow("selection-outside")
        << handMadeQdpx(ProjectHead + source
                            + "   <PlainTextSelection guid=\"44444444-4444-4444-4444-444444444444\" "
                              "startPosition=\"5\" endPosition=\"500\"/>\n"
                            + tail,
                        files)
        << u"qdpx"_s
        << u"selection 44444444-4444-4444-4444-444444444444 (5-500) lies outside its source \"S\" (35 characters)"_s;
    QTest::newRow("dangling-code")
        << handMadeQdpx(ProjectHead + source
                            + "   <PlainTextSelection guid=\"44444444-4444-4444-4444-444444444444\" "
                              "startPosition=\"0\" endPosition=\"5\"><Coding "
                              "guid=\"55555555-5555-5555-5555-555555555555\">"
                              "<CodeRef targetGUID=\"99999999-9999-9999-9999-999999999999\"/></Coding>"
                              "</PlainTextSelection>\n"
                            + tail,
                        files)
        << u"qdpx"_s
        << u"selection 44444444-4444-4444-4444-444444444444 refers to a code the project does not define (99999999-9999-9999-9999-999999999999)"_s;
    QTest::newRow("missing-source-file") << handMadeQdpx(ProjectHead + source + tail, {}) << u"qdpx"_s
                                         << u"source \"S\": the archive has no Sources/s.txt"_s;
    QTest::newRow("source-not-utf8") << handMadeQdpx(ProjectHead + source + tail,
                                                     { { u"Sources/s.txt"_s, "caf\xE9 au lait" } })
                                     << u"qdpx"_s << u"source \"S\": Sources/s.txt is not UTF-8 text"_s;
    {
        QByteArray deep = "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" "
                          "name=\"deep\"><CodeBook><Codes>";
        for (int i = 0; i < 100; ++i)
            deep += "<Code guid=\"" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
                + "\" name=\"L\" isCodable=\"true\">";
        QTest::newRow("codes-too-deep")
            << handMadeQdpx(deep, {}) << u"qdpx"_s << u"codes are nested more than 64 levels deep"_s;
    }
    QTest::newRow("csv-without-path") << QByteArray("name,colour\r\nA,\r\n") << u"csv"_s
                                      << u"not a codebook CSV: the first line has no \"path\" column"_s;
}

void TestRefiQda::importRefusesBadFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, suffix);
    QFETCH(QString, message);
    // A library with one tag already: a refused file changes nothing, not even the codebook.
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QVERIFY(TagRepository(store).ensureTag(u"Existing"_s).ok());
    const QString path = dir.filePath(u"bad."_s + suffix);
    QVERIFY(writeFile(path, bytes));
    auto summary = importRefiQda(store, path);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.errorString(), message);
    QVERIFY(!summary.errorString().contains(u'\n'));
    QCOMPARE(ArticleRepository(store).articleCount().value(), 0);
    QCOMPARE(snapshot(store).tags, QStringList { u"Existing "_s });
    QVERIFY(store.isIdle());
}

void TestRefiQda::importCodebookFiles()
{
    Library lib;
    QVERIFY(lib.make());
    QTemporaryDir dir;
    for (const QString &name : { u"book.qdc"_s, u"book.csv"_s }) {
        const QString path = dir.filePath(name);
        QVERIFY(exportCodebook(lib.store, path).ok());
        ArticleStore store;
        QVERIFY(store.open(dir.filePath(name + u".sqlite"_s)).ok());
        auto summary = importRefiQda(store, path);
        QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
        QCOMPARE(summary->tagsCreated, 3);
        QCOMPARE(summary->articlesAdded, 0);
        QCOMPARE(snapshot(store).tags, snapshot(lib.store).tags);
    }
}

QTEST_GUILESS_MAIN(TestRefiQda)
#include "tst_refiqda.moc"
