// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportTarget.h"

#include "FileAccess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::ExportTarget", text);
}

// The columns every Lede CSV export has started with since the first version; later versions
// append columns after them.
constexpr QByteArrayView ExportHeaderStart
    = "article_id,article_title,article_source,article_published,annotation_id,kind,start,end,text,tags,note,"
      "color,speaker,entity_type,created_at,updated_at";

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

QString canonical(const QString &path)
{
    return QFileInfo(path).canonicalFilePath(); // empty when it does not exist
}

} // namespace

// The article table's columns (`lede export-articles`, ArticleCsvExport).
constexpr QByteArrayView ArticleHeaderStart
    = "article_id,title,source,published,byline,dateline,section,url,format,words,quotes,entities,figures,"
      "annotations,imported_at";

// The fixed first lines of a W3C Web Annotation export (WebAnnotation::headStart(), `lede export-json`).
constexpr QByteArrayView WebAnnotationHeadStart
    = "{\n    \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n    \"id\": \"urn:lede:export:";

bool ExportTarget::looksLikeExport(QByteArrayView head)
{
    if (head.startsWith(WebAnnotationHeadStart))
        return true;
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    for (QByteArrayView start : { ExportHeaderStart, ArticleHeaderStart }) {
        if (!head.startsWith(start))
            continue;
        const QByteArrayView rest = head.sliced(start.size());
        if (rest.isEmpty() || rest.startsWith(',') || rest.startsWith("\r\n"))
            return true;
    }
    return false;
}

ExportTarget::Verdict ExportTarget::check(const QString &path, const QString &libraryPath)
{
    const QByteArray native = fileNameToNative(path);
    struct stat target;
    if (::stat(native.constData(), &target) != 0) {
        if (errno == ENOENT) {
            struct stat link;
            if (::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
                return { Kind::Forbidden,
                         tr("%1 is a symbolic link to a missing file").arg(displayFileName(path)) };
            return { Kind::NewFile, {} };
        }
        return { Kind::Forbidden,
                 tr("cannot use %1: %2").arg(displayFileName(path), fileErrorMessage(errno)) };
    }
    if (S_ISDIR(target.st_mode))
        return { Kind::Forbidden, tr("%1 is a folder; name a file to write").arg(displayFileName(path)) };
    if (!S_ISREG(target.st_mode)) {
        const QString what = S_ISFIFO(target.st_mode) ? tr("a FIFO (named pipe)")
            : S_ISSOCK(target.st_mode)                ? tr("a socket")
                                                      : tr("a device");
        return {
            Kind::Forbidden,
            tr("%1 is %2; an export is written only to a regular file").arg(displayFileName(path), what)
        };
    }
    if (!libraryPath.isEmpty()) {
        const QString targetCanonical = canonical(path);
        for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
            const QString libraryFile = libraryPath + suffix;
            struct stat lib;
            const bool same
                = (::stat(fileNameToNative(libraryFile).constData(), &lib) == 0 && sameFile(lib, target))
                || (!targetCanonical.isEmpty() && targetCanonical == canonical(libraryFile));
            if (same) {
                return {
                    Kind::Forbidden,
                    tr("%1 is the library itself; an export never overwrites it").arg(displayFileName(path))
                };
            }
        }
    }
    if (target.st_size == 0)
        return { Kind::Replaceable, {} };
    QByteArray head(ExportHeaderStart.size() + 8, Qt::Uninitialized);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    qsizetype got = -1;
    if (fd >= 0) {
        got = ::read(fd, head.data(), size_t(head.size()));
        ::close(fd);
    }
    if (got > 0 && looksLikeExport(QByteArrayView(head).first(got)))
        return { Kind::Replaceable, {} };
    return { Kind::OtherFile,
             tr("%1 exists and is not a Lede export; use --force to replace it").arg(displayFileName(path)) };
}

Status ExportTarget::allow(const QString &path, const QString &libraryPath, bool confirmed)
{
    const Verdict v = check(path, libraryPath);
    if (v.kind == Kind::Forbidden || (v.kind == Kind::OtherFile && !confirmed))
        return Status::failure(v.reason);
    return {};
}

} // namespace Lede
