// SPDX-License-Identifier: GPL-3.0-or-later
// A damaged library is refused before anything is written, damage met later says "damaged" (with
// the commands that help), and a library that cannot be written says so (issue 12, defects 4, 8).
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>
#include <unistd.h>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

Article makeArticle(int i)
{
    Article a;
    a.title = u"Harbour report %1"_s.arg(i);
    a.source = u"Test Wire"_s;
    QString body;
    for (int s = 0; s < 30; ++s)
        body += u"Report %1: the harbour master counted %2 boats at the north quay on the morning tide. "_s
                    .arg(i)
                    .arg(s);
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// What `sqlite3 FILE 'PRAGMA quick_check'` says, read by another program.
QString quickCheck(const QString &path)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(stmt);
            out = rc == SQLITE_ROW
                ? QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))
                : QString::fromUtf8(sqlite3_errmsg(db));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
}

qint64 rootPageOffset(const QString &path, const char *table)
{
    sqlite3 *db = nullptr;
    qint64 offset = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        const QByteArray sql
            = "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = '"
            + QByteArray(table) + "'";
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            offset = (sqlite3_column_int64(stmt, 0) - 1) * sqlite3_column_int64(stmt, 1);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return offset;
}

// 512 random bytes written over the articles table's root page, as a failing disk or a stray
// program would.
bool damage(const QString &path)
{
    const qint64 offset = rootPageOffset(path, "articles");
    QFile f(path);
    if (offset < 0 || !f.open(QIODevice::ReadWrite) || !f.seek(offset + 8))
        return false;
    QRandomGenerator random(12);
    QByteArray bytes(512, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return f.write(bytes) == bytes.size();
}

// Another program commits a small change, so that every connection re-reads pages from the file.
bool touchFromOutside(const QString &path)
{
    sqlite3 *db = nullptr;
    const bool ok
        = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
        && sqlite3_exec(db, "INSERT INTO tags (name) VALUES ('touched')", nullptr, nullptr, nullptr)
            == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestDamagedLibrary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void damagedLibraryIsRefusedAndLeftAlone();
    void damageMetLaterSaysDamagedAndStopsWrites();
    void readOnlyFolderSaysItCannotBeWritten();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    qint64 m_firstId = 0;
};

void TestDamagedLibrary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"library.sqlite"_s);
    ArticleStore store;
    QVERIFY(store.open(m_path));
    for (int i = 0; i < 40; ++i) {
        auto id = ArticleRepository(store).addArticle(makeArticle(i), {}, 1);
        QVERIFY2(id, qPrintable(id.errorString()));
        if (i == 0)
            m_firstId = *id;
    }
}

void TestDamagedLibrary::damagedLibraryIsRefusedAndLeftAlone()
{
    QVERIFY(damage(m_path));
    QVERIFY(quickCheck(m_path) != u"ok"_s); // SQLite itself sees the damage
    const QByteArray before = fileHash(m_path);

    ArticleStore store;
    const Status s = store.open(m_path);
    QVERIFY(!s);
    QVERIFY2(s.errorString().contains(u"is damaged"_s), qPrintable(s.errorString()));
    QVERIFY2(s.errorString().contains(u"lede check"_s), qPrintable(s.errorString()));
    QVERIFY2(s.errorString().contains(u"lede restore"_s), qPrintable(s.errorString()));
    QVERIFY(!store.isOpen());
    QCOMPARE(fileHash(m_path), before);
}

void TestDamagedLibrary::damageMetLaterSaysDamagedAndStopsWrites()
{
    ArticleStore store;
    QVERIFY(store.open(m_path));
    QVERIFY(damage(m_path));
    QVERIFY(touchFromOutside(m_path));

    const auto list = ArticleRepository(store).articles();
    QVERIFY(!list);
    QVERIFY2(list.errorString().contains(u"damaged"_s), qPrintable(list.errorString()));
    QVERIFY2(!list.errorString().contains(u"Unable to fetch row"_s), qPrintable(list.errorString()));

    Annotation a;
    a.articleId = m_firstId;
    a.span = { 0, 6 };
    const auto added = AnnotationRepository(store).addAnnotation(a);
    QVERIFY(!added);
    QVERIFY2(added.errorString().contains(u"damaged"_s), qPrintable(added.errorString()));
    QVERIFY(store.isDamaged());
    // A write that would not even touch the damaged pages is refused as well.
    const auto tag = TagRepository(store).ensureTag(u"Places/Harbour"_s);
    QVERIFY(!tag);
    QVERIFY2(tag.errorString().contains(u"damaged"_s), qPrintable(tag.errorString()));
    QVERIFY(store.isIdle());
}

void TestDamagedLibrary::readOnlyFolderSaysItCannotBeWritten()
{
    if (::geteuid() == 0)
        QSKIP("root writes into read-only folders; run as a normal user to check this message");
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner));
    ArticleStore store;
    const Status s = store.open(m_path);
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(!s);
    QVERIFY2(s.errorString().contains(u"cannot be written"_s), qPrintable(s.errorString()));
    QVERIFY2(!s.errorString().contains(u"is damaged"_s), qPrintable(s.errorString()));
    const Status created = store.open(m_dir->filePath(u"sub/new.sqlite"_s));
    QVERIFY(created); // a writable place works
}

QTEST_GUILESS_MAIN(TestDamagedLibrary)
#include "tst_damagedlibrary.moc"
