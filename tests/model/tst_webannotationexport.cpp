// SPDX-License-Identifier: GPL-3.0-or-later
// The W3C Web Annotation export: the file parses as JSON (Qt's parser and Python's json module), is
// an AnnotationCollection in the anno.jsonld context, and each highlight or note is one Annotation
// whose TextPositionSelector counts code points and whose TextQuoteSelector matches the body there.
// Written atomically under ExportTarget's rules.
#include "analysis/Analyzer.h"
#include "io/ExportTarget.h"
#include "library/WebAnnotationExport.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Written for this test: the wave emoji and the CJK ideograph outside the BMP put UTF-16 indices
// ahead of code points; "e" + combining acute counts two code points.
const QString Body = u"Tide 🌊 reaches the old quay at dawn.\n"
                     u"\"Nobody expected 𠀀 this,\" said harbour master Lin Okoro.\n"
                     u"Repairs will cost at least 3 million euros, the cafe\u0301 owners said."_s;
const QString Second = u"A quiet day at the council, where nothing was decided."_s;

QDateTime fixedTime()
{
    return QDateTime(QDate(2025, 7, 1), QTime(8, 30, 0), Qt::UTC);
}

qint64 addArticle(ArticleStore &store, const QString &title, const QString &body, const QString &url)
{
    Article a;
    a.title = title;
    a.body = body;
    a.url = url;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    auto id = ArticleRepository(store).addArticle(a, Analyzer::analyze(a), Analyzer::Version);
    return id ? *id : 0;
}

qint64 annotate(ArticleStore &store, qint64 article, const QString &body, const QString &passage,
                const QStringList &tags, const QString &note = {}, const QString &color = {})
{
    Annotation a;
    a.articleId = article;
    a.span.start = body.indexOf(passage);
    a.span.end = a.span.start + passage.size();
    a.tags = tags;
    a.note = note;
    a.color = color;
    a.createdAt = fixedTime();
    a.updatedAt = fixedTime().addSecs(60);
    auto id = AnnotationRepository(store).addAnnotation(a);
    return id ? *id : 0;
}

QString codePointSlice(const QString &text, qint64 start, qint64 end)
{
    const QList<uint> points = text.toUcs4();
    if (start < 0 || end > points.size() || start > end)
        return u"<out of range>"_s;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + start, end - start);
}

QJsonObject selectorOf(const QJsonObject &annotation, const QString &type)
{
    for (const QJsonValue &s : annotation.value(u"target"_s).toObject().value(u"selector"_s).toArray()) {
        if (s.toObject().value(u"type"_s).toString() == type)
            return s.toObject();
    }
    return {};
}

QStringList bodies(const QJsonObject &annotation, const QString &purpose)
{
    QStringList values;
    for (const QJsonValue &b : annotation.value(u"body"_s).toArray()) {
        const QJsonObject o = b.toObject();
        if (o.value(u"purpose"_s).toString() == purpose) {
            if (o.value(u"type"_s).toString() != u"TextualBody"_s)
                return { u"<not a TextualBody>"_s };
            values.append(o.value(u"value"_s).toString());
        }
    }
    return values;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWebAnnotationExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void collectionShape();
    void selectorsMatchTheText();
    void tagsNotesAndColour();
    void selection();
    void pythonReadsIt();
    void atomicAndTargetRules();

private:
    QJsonObject exportAll(const WebAnnotationOptions &options = {});

    QTemporaryDir m_dir;
    ArticleStore m_store;
    qint64 m_one = 0;
    qint64 m_two = 0;
    qint64 m_wave = 0;
    qint64 m_quote = 0;
    qint64 m_cost = 0;
    qint64 m_quiet = 0;
};

void TestWebAnnotationExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_store.open(m_dir.filePath(u"library.sqlite"_s)).ok());
    m_one = addArticle(m_store, u"Tide reaches the quay"_s, Body, u"https://news.example/tide?a=1&b=2"_s);
    m_two = addArticle(m_store, u"Council day"_s, Second, QString());
    QVERIFY(m_one && m_two);
    QVERIFY(TagRepository(m_store).ensureTag(u"Scene/Weather"_s));
    m_wave = annotate(m_store, m_one, Body, u"Tide 🌊 reaches"_s, { u"Scene/Weather"_s });
    m_quote = annotate(m_store, m_one, Body, u"Nobody expected 𠀀 this"_s, { u"Voices"_s, u"Scene"_s },
                       u"Ask <Okoro> & \"others\"\nagain"_s, u"#7bd389"_s);
    m_cost = annotate(m_store, m_one, Body, u"cafe\u0301 owners"_s, {}, {}, u"yellow"_s);
    m_quiet = annotate(m_store, m_two, Second, u"nothing was decided"_s, { u"Voices"_s }, u"Follow up"_s);
    QVERIFY(m_wave && m_quote && m_cost && m_quiet);
}

QJsonObject TestWebAnnotationExport::exportAll(const WebAnnotationOptions &options)
{
    WebAnnotation::Counts counts;
    auto json = WebAnnotation::build(m_store, options, &counts);
    if (!json)
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << error.errorString() << "at" << error.offset;
    return doc.object();
}

void TestWebAnnotationExport::collectionShape()
{
    WebAnnotation::Counts counts;
    auto json = WebAnnotation::build(m_store, {}, &counts);
    QVERIFY2(json.ok(), qPrintable(json.errorString()));
    QVERIFY(json->startsWith(WebAnnotation::headStart().toByteArray()));
    QJsonParseError error;
    const QJsonObject c = QJsonDocument::fromJson(*json, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(c.value(u"@context"_s).toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
    QCOMPARE(c.value(u"type"_s).toString(), u"AnnotationCollection"_s);
    QVERIFY(c.value(u"id"_s).toString().startsWith(u"urn:lede:export:"_s));
    QCOMPARE(c.value(u"total"_s).toInt(), 4);
    QCOMPARE(counts.annotations, 4);
    QCOMPARE(counts.articles, 2);
    const QJsonObject page = c.value(u"first"_s).toObject();
    QCOMPARE(page.value(u"type"_s).toString(), u"AnnotationPage"_s);
    const QJsonArray items = page.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 4);
    // Article, then text order; ids name the annotations.
    QStringList ids;
    for (const QJsonValue &v : items) {
        QCOMPARE(v.toObject().value(u"type"_s).toString(), u"Annotation"_s);
        ids.append(v.toObject().value(u"id"_s).toString());
    }
    QCOMPARE(
        ids,
        QStringList({ u"urn:lede:annotation:%1"_s.arg(m_wave), u"urn:lede:annotation:%1"_s.arg(m_quote),
                      u"urn:lede:annotation:%1"_s.arg(m_cost), u"urn:lede:annotation:%1"_s.arg(m_quiet) }));
    // The article's URL where it has one, else a Lede URN.
    QCOMPARE(items.at(0).toObject().value(u"target"_s).toObject().value(u"source"_s).toString(),
             u"https://news.example/tide?a=1&b=2"_s);
    QCOMPARE(items.at(3).toObject().value(u"target"_s).toObject().value(u"source"_s).toString(),
             u"urn:lede:article:%1"_s.arg(m_two));
    QCOMPARE(items.at(0).toObject().value(u"created"_s).toString(), u"2025-07-01T08:30:00Z"_s);
    QCOMPARE(items.at(0).toObject().value(u"modified"_s).toString(), u"2025-07-01T08:31:00Z"_s);
}

void TestWebAnnotationExport::selectorsMatchTheText()
{
    const QJsonArray items = exportAll().value(u"first"_s).toObject().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 4);
    const QStringList expected { u"Tide 🌊 reaches"_s, u"Nobody expected 𠀀 this"_s, u"cafe\u0301 owners"_s,
                                 u"nothing was decided"_s };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject a = items.at(i).toObject();
        const QString &text = i < 3 ? Body : Second;
        const QJsonObject position = selectorOf(a, u"TextPositionSelector"_s);
        const QJsonObject quote = selectorOf(a, u"TextQuoteSelector"_s);
        QVERIFY(!position.isEmpty() && !quote.isEmpty());
        const qint64 start = position.value(u"start"_s).toInteger(-1);
        const qint64 end = position.value(u"end"_s).toInteger(-1);
        // Code points, as Python slices: the same passage, not the UTF-16 one.
        QCOMPARE(codePointSlice(text, start, end), expected.at(i));
        QCOMPARE(quote.value(u"exact"_s).toString(), expected.at(i));
        // prefix and suffix are the text right before and after those code points.
        const QString prefix = quote.value(u"prefix"_s).toString();
        const QString suffix = quote.value(u"suffix"_s).toString();
        QCOMPARE(codePointSlice(text, start - qsizetype(prefix.toUcs4().size()), start), prefix);
        QCOMPARE(codePointSlice(text, end, end + qsizetype(suffix.toUcs4().size())), suffix);
        QVERIFY(!prefix.isEmpty() || start == 0);
    }
    // "Nobody" starts after the emoji: UTF-16 would say one more.
    const QJsonObject quote = selectorOf(items.at(1).toObject(), u"TextPositionSelector"_s);
    QCOMPARE(quote.value(u"start"_s).toInteger(), Body.indexOf(u"Nobody"_s) - 1);
}

void TestWebAnnotationExport::tagsNotesAndColour()
{
    const QJsonArray items = exportAll().value(u"first"_s).toObject().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 4);
    const QJsonObject wave = items.at(0).toObject();
    QCOMPARE(wave.value(u"motivation"_s).toString(), u"highlighting"_s);
    QCOMPARE(bodies(wave, u"tagging"_s), QStringList { u"Scene/Weather"_s });
    QVERIFY(bodies(wave, u"commenting"_s).isEmpty());
    QVERIFY(!wave.contains(u"stylesheet"_s)); // no colour of its own

    const QJsonObject quote = items.at(1).toObject();
    QCOMPARE(quote.value(u"motivation"_s).toString(), u"commenting"_s);
    QCOMPARE(bodies(quote, u"tagging"_s), QStringList({ u"Scene"_s, u"Voices"_s }));
    QCOMPARE(bodies(quote, u"commenting"_s), QStringList { u"Ask <Okoro> & \"others\"\nagain"_s });
    QCOMPARE(quote.value(u"target"_s).toObject().value(u"styleClass"_s).toString(), u"lede-color-7bd389"_s);
    QCOMPARE(quote.value(u"stylesheet"_s).toObject().value(u"type"_s).toString(), u"CssStylesheet"_s);
    QCOMPARE(quote.value(u"stylesheet"_s).toObject().value(u"value"_s).toString(),
             u".lede-color-7bd389 { background-color: #7bd389 }"_s);

    const QJsonObject cost = items.at(2).toObject();
    QVERIFY(!cost.contains(u"body"_s)); // neither tags nor a note
    QCOMPARE(cost.value(u"target"_s).toObject().value(u"styleClass"_s).toString(), u"lede-color-ffff00"_s);
}

void TestWebAnnotationExport::selection()
{
    WebAnnotationOptions options;
    options.articleIds = { m_two };
    QJsonObject c = exportAll(options);
    QCOMPARE(c.value(u"total"_s).toInt(), 1);

    // A tag: the articles that carry it, and only the annotations with it (or one below it).
    auto tags = TagRepository(m_store).tags();
    QVERIFY(tags.ok());
    WebAnnotationOptions tagged;
    for (const Tag &t : *tags) {
        if (t.path == u"Scene"_s)
            tagged.tagId = t.id;
    }
    QVERIFY(tagged.tagId > 0);
    c = exportAll(tagged);
    const QJsonArray items = c.value(u"first"_s).toObject().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(u"id"_s).toString(), u"urn:lede:annotation:%1"_s.arg(m_wave));
    QCOMPARE(items.at(1).toObject().value(u"id"_s).toString(), u"urn:lede:annotation:%1"_s.arg(m_quote));

    WebAnnotationOptions searched;
    searched.search = u"council"_s;
    c = exportAll(searched);
    QCOMPARE(c.value(u"total"_s).toInt(), 1);
    QCOMPARE(
        c.value(u"first"_s).toObject().value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toString(),
        u"urn:lede:annotation:%1"_s.arg(m_quiet));
}

void TestWebAnnotationExport::pythonReadsIt()
{
    const QString path = m_dir.filePath(u"notes.jsonld"_s);
    auto counts = exportWebAnnotations(m_store, {}, path, false);
    QVERIFY2(counts.ok(), qPrintable(counts.errorString()));
    QCOMPARE(counts->annotations, 4);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed: the file is not read back with Python's json module");
    // Python slices the bodies by the position selectors; they must give the quote selectors' exact.
    QProcess p;
    p.start(python,
            { u"-c"_s,
              u"import json,sys\n"
              u"doc=json.load(open(sys.argv[1],encoding='utf-8'))\n"
              u"bodies=json.loads(sys.argv[2])\n"
              u"ok=0\n"
              u"for a in doc['first']['items']:\n"
              u"  sel={s['type']:s for s in a['target']['selector']}\n"
              u"  p=sel['TextPositionSelector']; q=sel['TextQuoteSelector']\n"
              u"  body=bodies[a['target']['source']]\n"
              u"  ok+=body[p['start']:p['end']]==q['exact']\n"
              u"print(doc['@context'],doc['type'],doc['total'],ok)"_s,
              path,
              QString::fromUtf8(QJsonDocument(QJsonObject { { u"https://news.example/tide?a=1&b=2"_s, Body },
                                                            { u"urn:lede:article:%1"_s.arg(m_two), Second } })
                                    .toJson(QJsonDocument::Compact)) });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(p.readAllStandardOutput(),
             QByteArray("http://www.w3.org/ns/anno.jsonld AnnotationCollection 4 4\n"));
}

void TestWebAnnotationExport::atomicAndTargetRules()
{
    // Another file is replaced only when confirmed, and stays whole otherwise.
    const QString other = m_dir.filePath(u"other.jsonld"_s);
    QFile f(other);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"mine\": true}\n");
    f.close();
    auto refused = exportWebAnnotations(m_store, {}, other, false);
    QVERIFY(!refused.ok());
    QCOMPARE(readAll(other), QByteArray("{\"mine\": true}\n"));
    QVERIFY(exportWebAnnotations(m_store, {}, other, true).ok());
    QVERIFY(readAll(other).startsWith(WebAnnotation::headStart().toByteArray()));
    // A previous export is recognised and replaced without asking.
    QCOMPARE(ExportTarget::check(other, m_store.path()).kind, ExportTarget::Kind::Replaceable);
    QVERIFY(exportWebAnnotations(m_store, {}, other, false).ok());
    // Never the library.
    const QByteArray library = readAll(m_store.path());
    QVERIFY(!exportWebAnnotations(m_store, {}, m_store.path(), true).ok());
    QCOMPARE(readAll(m_store.path()), library);
    // A cancel leaves the earlier file as it was.
    const QByteArray before = readAll(other);
    auto cancelled = exportWebAnnotations(m_store, {}, other, true, [](int) { return false; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(readAll(other), before);
}

QTEST_GUILESS_MAIN(TestWebAnnotationExport)
#include "tst_webannotationexport.moc"
