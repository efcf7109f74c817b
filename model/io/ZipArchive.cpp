// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZipArchive.h"

#include "FileAccess.h"

#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <zip.h>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString libzipMessage(zip_error_t *error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

QString libzipMessage(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    QString message = libzipMessage(&error);
    zip_error_fini(&error);
    return message;
}

// A zip entry name a writer may produce: relative, '/'-separated, no empty, "." or ".." segment
// (a trailing '/' marks a folder entry).
bool isSafeEntryName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\') || name.contains(QChar(0)))
        return false;
    QStringView path(name);
    if (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty())
        return false;
    for (QStringView segment : path.tokenize(u'/')) {
        if (segment.isEmpty() || segment == u"." || segment == u"..")
            return false;
    }
    return true;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ZipReader

struct ZipReader::Private
{
    Limits limits;
    QByteArray data; // the archive; libzip reads it in place
    zip_t *archive = nullptr;
    QStringList names;
    QHash<QString, zip_uint64_t> indexOf;
    qint64 totalRead = 0;
};

ZipReader::ZipReader()
    : ZipReader(Limits())
{
}

ZipReader::ZipReader(const Limits &limits)
    : d(std::make_unique<Private>())
{
    d->limits = limits;
}

ZipReader::~ZipReader()
{
    close();
}

bool ZipReader::isOpen() const
{
    return d->archive != nullptr;
}

void ZipReader::close()
{
    if (d->archive)
        zip_discard(d->archive);
    d->archive = nullptr;
    d->data.clear();
    d->names.clear();
    d->indexOf.clear();
    d->totalRead = 0;
}

Status ZipReader::open(const QString &path)
{
    close();
    Result<QByteArray> bytes = readRegularFile(path, d->limits.maxArchiveBytes);
    if (!bytes)
        return Status::failure(bytes.errorString());
    return openData(bytes.value());
}

Status ZipReader::openData(const QByteArray &data)
{
    close();
    if (data.size() > d->limits.maxArchiveBytes)
        return Status::failure(tr("the archive is too large"));
    d->data = data;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source
        = zip_source_buffer_create(d->data.constData(), zip_uint64_t(d->data.size()), 0, &error);
    if (!source) {
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        d->data.clear();
        return Status::failure(tr("cannot read the zip archive: %1").arg(message));
    }
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        const int code = zip_error_code_zip(&error);
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        zip_source_free(source);
        d->data.clear();
        // A file that starts like a zip archive but has no directory at its end was cut short
        // (an interrupted download or copy).
        if (code == ZIP_ER_NOZIP && data.startsWith("PK\x03\x04"))
            return Status::failure(
                tr("the zip archive is cut short or damaged (its directory at the end is missing)"));
        if (code == ZIP_ER_NOZIP)
            return Status::failure(tr("not a zip archive"));
        if (code == ZIP_ER_INCONS)
            return Status::failure(tr("damaged zip archive (inconsistent directory)"));
        return Status::failure(tr("cannot read the zip archive: %1").arg(message));
    }
    zip_error_fini(&error);
    d->archive = archive;

    const zip_int64_t count = zip_get_num_entries(archive, 0);
    if (count < 0 || count > d->limits.maxEntries) {
        close();
        return Status::failure(tr("the zip archive has too many entries"));
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *raw = zip_get_name(archive, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        if (!raw)
            continue; // a deleted slot; not possible read-only, but harmless
        const QString name = QString::fromUtf8(raw);
        if (d->indexOf.contains(name))
            continue; // a duplicate name: the first entry wins, as with zip_name_locate
        d->indexOf.insert(name, zip_uint64_t(i));
        d->names.append(name);
    }
    return {};
}

QStringList ZipReader::entryNames() const
{
    return d->names;
}

bool ZipReader::contains(const QString &name) const
{
    return d->indexOf.contains(name);
}

qint64 ZipReader::declaredSize(const QString &name) const
{
    const auto it = d->indexOf.constFind(name);
    if (!d->archive || it == d->indexOf.constEnd())
        return -1;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(d->archive, *it, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return -1;
    return qint64(stat.size);
}

Result<QByteArray> ZipReader::read(const QString &name, qint64 maxBytes)
{
    if (!d->archive)
        return Result<QByteArray>::failure(tr("no zip archive is open"));
    const auto it = d->indexOf.constFind(name);
    if (it == d->indexOf.constEnd())
        return Result<QByteArray>::failure(tr("the archive has no entry \"%1\"").arg(name));
    const zip_uint64_t index = *it;

    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(d->archive, index, 0, &stat) != 0)
        return Result<QByteArray>::failure(tr("damaged zip entry \"%1\"").arg(name));
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        return Result<QByteArray>::failure(tr("the zip entry \"%1\" is encrypted").arg(name));
    const QString tooLarge = tr("the zip entry \"%1\" is too large").arg(name);
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > zip_uint64_t(std::max<qint64>(maxBytes, 0)))
        return Result<QByteArray>::failure(tooLarge);
    const qint64 budget = d->limits.maxTotalBytes - d->totalRead;
    const qint64 limit = std::min(maxBytes, budget);
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > zip_uint64_t(std::max<qint64>(limit, 0)))
        return Result<QByteArray>::failure(tr("the zip archive expands to too much data"));

    zip_file_t *file = zip_fopen_index(d->archive, index, 0);
    if (!file) {
        const int code = zip_error_code_zip(zip_get_error(d->archive));
        const QString message = libzipMessage(code);
        zip_error_clear(d->archive);
        if (code == ZIP_ER_COMPNOTSUPP)
            return Result<QByteArray>::failure(
                tr("the zip entry \"%1\" uses an unsupported compression").arg(name));
        return Result<QByteArray>::failure(tr("cannot read the zip entry \"%1\": %2").arg(name, message));
    }
    // Never trust the header: read at most limit + 1 bytes, whatever it claims.
    QByteArray bytes;
    bytes.reserve(qsizetype(std::min<qint64>((stat.valid & ZIP_STAT_SIZE) ? qint64(stat.size) : 0, limit)));
    char chunk[64 * 1024];
    QString failure;
    for (;;) {
        const zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
        if (n < 0) {
            const int code = zip_error_code_zip(zip_file_get_error(file));
            failure = code == ZIP_ER_CRC
                ? tr("damaged zip entry \"%1\" (CRC error)").arg(name)
                : tr("cannot read the zip entry \"%1\": %2").arg(name, libzipMessage(code));
            break;
        }
        if (n == 0)
            break;
        if (bytes.size() + n > limit) {
            failure = limit < maxBytes ? tr("the zip archive expands to too much data") : tooLarge;
            break;
        }
        bytes.append(chunk, qsizetype(n));
    }
    zip_fclose(file);
    if (!failure.isEmpty())
        return Result<QByteArray>::failure(failure);
    d->totalRead += bytes.size();
    return bytes;
}

// ---------------------------------------------------------------------------------------------
// ZipWriter

ZipWriter::ZipWriter(const QString &path)
    : m_path(path)
    , m_timestamp(QDateTime::currentDateTimeUtc())
{
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::setTimestamp(const QDateTime &time)
{
    m_timestamp = time;
}

void ZipWriter::add(const QString &name, const QByteArray &bytes, bool compress)
{
    m_entries.append({ name, bytes, compress });
}

qsizetype ZipWriter::entryCount() const
{
    return m_entries.size();
}

Result<QByteArray> ZipWriter::archiveBytes() const
{
    QSet<QString> seen;
    for (const Entry &entry : m_entries) {
        if (!isSafeEntryName(entry.name))
            return Result<QByteArray>::failure(tr("not a usable zip entry name: \"%1\"").arg(entry.name));
        if (seen.contains(entry.name))
            return Result<QByteArray>::failure(tr("two zip entries named \"%1\"").arg(entry.name));
        seen.insert(entry.name);
    }
    if (m_entries.isEmpty()) {
        // libzip writes nothing for an empty archive; an empty zip is its end record alone.
        QByteArray empty(22, '\0');
        empty[0] = 'P';
        empty[1] = 'K';
        empty[2] = 5;
        empty[3] = 6;
        return empty;
    }

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) {
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        return Result<QByteArray>::failure(tr("cannot write the zip archive: %1").arg(message));
    }
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        zip_source_free(buffer);
        return Result<QByteArray>::failure(tr("cannot write the zip archive: %1").arg(message));
    }
    zip_error_fini(&error);
    zip_source_keep(buffer); // we read the finished archive from it after zip_close()

    const auto fail = [&](const QString &message) {
        zip_discard(archive);
        zip_source_free(buffer);
        return Result<QByteArray>::failure(tr("cannot write the zip archive: %1").arg(message));
    };
    const time_t mtime = time_t(m_timestamp.toSecsSinceEpoch());
    for (const Entry &entry : m_entries) {
        // The entries live as long as this writer, so libzip may read them in place at zip_close().
        zip_source_t *source
            = zip_source_buffer(archive, entry.bytes.constData(), zip_uint64_t(entry.bytes.size()), 0);
        if (!source)
            return fail(QString::fromUtf8(zip_strerror(archive)));
        const QByteArray name = entry.name.toUtf8();
        const zip_int64_t index = zip_file_add(archive, name.constData(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return fail(QString::fromUtf8(zip_strerror(archive)));
        }
        if (zip_set_file_compression(archive, zip_uint64_t(index),
                                     entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0)
                != 0
            || zip_file_set_mtime(archive, zip_uint64_t(index), mtime, 0) != 0)
            return fail(QString::fromUtf8(zip_strerror(archive)));
    }
    if (zip_close(archive) != 0)
        return fail(QString::fromUtf8(zip_strerror(archive)));

    QByteArray bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_open(buffer) != 0) {
        zip_source_free(buffer);
        return Result<QByteArray>::failure(tr("cannot write the zip archive: the buffer cannot be read"));
    }
    bool readOk = zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE);
    if (readOk) {
        bytes.resize(qsizetype(stat.size));
        readOk = zip_source_read(buffer, bytes.data(), stat.size) == zip_int64_t(stat.size);
    }
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (!readOk)
        return Result<QByteArray>::failure(tr("cannot write the zip archive: the buffer cannot be read"));
    return bytes;
}

Status ZipWriter::commit()
{
    Result<QByteArray> bytes = archiveBytes();
    if (!bytes)
        return Status::failure(bytes.errorString());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("cannot write %1: %2").arg(displayFileName(m_path), file.errorString()));
    if (file.write(bytes.value()) != bytes->size()) {
        const QString message = file.errorString();
        file.cancelWriting();
        return Status::failure(tr("cannot write %1: %2").arg(displayFileName(m_path), message));
    }
    if (!file.commit())
        return Status::failure(tr("cannot write %1: %2").arg(displayFileName(m_path), file.errorString()));
    return {};
}

} // namespace Lede
