// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace LedeTest {

// The REFI-QDA Project schema (QDA-XML 1.0, MIT): the copy in tests/data, else the one in the shared
// folder beside the repository; empty when neither is there.
inline QString refiQdaSchemaPath()
{
    const QStringList candidates { QStringLiteral(LEDE_TEST_DATA_DIR "/refi-qda/Project-mrt2019.xsd"),
                                   QStringLiteral(LEDE_SOURCE_DIR "/../shared/refi-qda/Project-mrt2019.xsd"),
                                   QStringLiteral(LEDE_SOURCE_DIR
                                                  "/../../shared/refi-qda/Project-mrt2019.xsd") };
    for (const QString &path : candidates) {
        if (QFile::exists(path))
            return path;
    }
    return {};
}

// Why the schema check cannot run (no xmllint, no schema), or empty when it can.
inline QString refiQdaValidatorMissing()
{
    if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
        return QStringLiteral("xmllint is not installed (Debian: libxml2-utils)");
    if (refiQdaSchemaPath().isEmpty())
        return QStringLiteral("the REFI-QDA Project schema is not in tests/data/refi-qda");
    return {};
}

// Validates project.qde with xmllint against the schema: empty when valid, else xmllint's errors.
// Call only when refiQdaValidatorMissing() is empty.
inline QString refiQdaSchemaErrors(const QByteArray &projectXml)
{
    QProcess process;
    process.start(
        QStandardPaths::findExecutable(QStringLiteral("xmllint")),
        { QStringLiteral("--noout"), QStringLiteral("--schema"), refiQdaSchemaPath(), QStringLiteral("-") });
    process.write(projectXml);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return QStringLiteral("xmllint did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromUtf8(process.readAllStandardError());
    return {};
}

} // namespace LedeTest
