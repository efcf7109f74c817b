// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileAccess.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::FileAccess", text);
}

// Length of the valid UTF-8 sequence at bytes[i] (its code point in *out), or 0 when the byte there
// starts none.
qsizetype validSequenceLength(QByteArrayView bytes, qsizetype i, char32_t *out)
{
    const auto at = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char b = at(i);
    if (b < 0x80) {
        *out = b;
        return 1;
    }
    qsizetype length = 0;
    char32_t min = 0;
    char32_t c = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        min = 0x800;
        c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        min = 0x10000;
        c = b & 0x07;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (qsizetype k = 1; k < length; ++k) {
        if ((at(i + k) & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (at(i + k) & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *out = c;
    return length;
}

bool isEscapedByte(QChar c)
{
    return c.unicode() >= 0xDC80 && c.unicode() <= 0xDCFF;
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("is a directory, not an article file");
    if (S_ISFIFO(mode))
        return tr("is a FIFO (named pipe), not a regular file");
    if (S_ISCHR(mode))
        return tr("is a character device, not a regular file");
    if (S_ISBLK(mode))
        return tr("is a block device, not a regular file");
    if (S_ISSOCK(mode))
        return tr("is a socket, not a regular file");
    return tr("is not a regular file");
}

QString tooLarge(qint64 size, qint64 maxSize)
{
    return tr("the file is too large (%1 MiB; the limit is %2 MiB)")
        .arg(QString::number(double(size) / (1024 * 1024), 'f', 1), QString::number(maxSize / (1024 * 1024)));
}

class Descriptor final
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {
    }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// Reads up to `count` bytes into `buffer`; returns the number read (less at end of file) or -1.
qsizetype readFully(int fd, char *buffer, qsizetype count)
{
    qsizetype done = 0;
    while (done < count) {
        const ssize_t n = ::read(fd, buffer + done, size_t(count - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

void scanInto(const QString &folder, const std::function<bool(const QString &)> &wanted, FolderScan *scan)
{
    const QByteArray native = fileNameToNative(folder);
    DIR *dir = ::opendir(native.constData());
    if (!dir) {
        scan->skipped.append({ folder, tr("cannot read the folder: %1").arg(fileErrorMessage(errno)) });
        return;
    }
    QStringList subfolders;
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name.startsWith('.')) // ".", ".." and hidden entries
            continue;
        const QString path = folder + u'/' + fileNameFromNative(name);
        struct stat st;
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            scan->skipped.append({ path, fileErrorMessage(errno) });
            continue;
        }
        if (S_ISDIR(st.st_mode))
            subfolders.append(path);
        else if (wanted(fileNameFromNative(name)))
            scan->files.append(path);
        errno = 0;
    }
    if (errno != 0)
        scan->skipped.append({ folder, tr("cannot read the whole folder: %1").arg(fileErrorMessage(errno)) });
    ::closedir(dir);
    for (const QString &sub : std::as_const(subfolders))
        scanInto(sub, wanted, scan);
}

} // namespace

QString fileNameFromNative(QByteArrayView bytes)
{
    // Decoded here, not with QString::fromUtf8(): that drops a leading byte order mark, and a name
    // starting with one could not be opened again (found by fuzz/fuzz_textdecoder).
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        char32_t c = 0;
        if (const qsizetype n = validSequenceLength(bytes, i, &c); n > 0) {
            if (QChar::requiresSurrogates(c)) {
                out += QChar(QChar::highSurrogate(c));
                out += QChar(QChar::lowSurrogate(c));
            } else {
                out += QChar(char16_t(c));
            }
            i += n;
        } else {
            out += QChar(char16_t(0xDC00 + static_cast<unsigned char>(bytes[i])));
            ++i;
        }
    }
    return out;
}

QByteArray fileNameToNative(const QString &name)
{
    QByteArray out;
    out.reserve(name.size());
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const bool afterHigh = i > 0 && name[i - 1].isHighSurrogate();
        if (isEscapedByte(name[i]) && !afterHigh) {
            out += QStringView(name).sliced(runStart, i - runStart).toUtf8();
            out += char(name[i].unicode() - 0xDC00);
            runStart = i + 1;
        }
    }
    out += QStringView(name).sliced(runStart).toUtf8();
    return out;
}

QString displayFileName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const bool afterHigh = i > 0 && name[i - 1].isHighSurrogate();
        if (isEscapedByte(name[i]) && !afterHigh)
            out += u"\\x"_s + QString::number(name[i].unicode() - 0xDC00, 16).toUpper();
        else
            out += name[i];
    }
    return out;
}

QString fileErrorMessage(int error)
{
    switch (error) {
    case ENOENT:
        return tr("no such file");
    case ENOTDIR:
        return tr("no such file (a part of the path is not a folder)");
    case EACCES:
    case EPERM:
        return tr("permission denied");
    case ELOOP:
        return tr("a loop of symbolic links");
    case ENAMETOOLONG:
        return tr("the name is too long");
    case ENXIO:
        return tr("is a socket or a device without a reader, not a regular file");
    case EISDIR:
        return tr("is a directory, not an article file");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

Result<QByteArray> readRegularFile(const QString &path, qint64 maxSize)
{
    using R = Result<QByteArray>;
    const QByteArray native = fileNameToNative(path);
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer. O_NOCTTY: a terminal
    // device never becomes our controlling terminal.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        struct stat link;
        if (error == ENOENT && ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return R::failure(tr("a symbolic link to a missing file"));
        return R::failure(fileErrorMessage(error));
    }
    const Descriptor file(fd);
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return R::failure(fileErrorMessage(errno));
    // Checked on the open descriptor, so a file swapped for a FIFO after a folder scan is caught.
    if (!S_ISREG(st.st_mode))
        return R::failure(kindOf(st.st_mode));
    if (st.st_size > maxSize)
        return R::failure(tooLarge(st.st_size, maxSize));

    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype got = readFully(fd, data.data(), data.size());
    if (got < 0)
        return R::failure(tr("cannot read the file: %1").arg(fileErrorMessage(errno)));
    if (got < data.size()) {
        data.truncate(got); // shrank while we read it
        return data;
    }
    // The file may have grown since fstat(): read on, in steps, up to one byte past the limit.
    char probe[64 * 1024];
    for (;;) {
        const qsizetype n = readFully(fd, probe, qsizetype(sizeof probe));
        if (n < 0)
            return R::failure(tr("cannot read the file: %1").arg(fileErrorMessage(errno)));
        if (n == 0)
            break;
        data.append(probe, n);
        if (data.size() > maxSize)
            return R::failure(tooLarge(data.size(), maxSize));
    }
    return data;
}

FolderScan scanFolder(const QString &folder, const std::function<bool(const QString &)> &wanted)
{
    FolderScan scan;
    QString root = folder;
    while (root.size() > 1 && root.endsWith(u'/'))
        root.chop(1);
    scanInto(root, wanted, &scan);
    scan.files.sort();
    return scan;
}

} // namespace Lede
