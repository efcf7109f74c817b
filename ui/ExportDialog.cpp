// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportDialog.h"

#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

ExportDialog::ExportDialog(qint64 currentArticle, const QList<qint64> &selectedArticles,
                           const QList<Tag> &tags, QWidget *parent)
    : QDialog(parent)
    , m_current(currentArticle)
    , m_selected(selectedArticles)
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export"));
    m_format = new QComboBox(this);
    m_format->setObjectName(u"exportFormat"_s);
    m_format->addItem(tr("Annotations (CSV)"), int(ExportFormat::AnnotationsCsv));
    m_format->addItem(tr("Articles (one row each, CSV)"), int(ExportFormat::ArticlesCsv));
    m_format->addItem(tr("Workbook with annotations and articles (XLSX)"), int(ExportFormat::Xlsx));
    m_format->addItem(tr("REFI-QDA project for MAXQDA, NVivo, ATLAS.ti, QualCoder (.qdpx)"),
                      int(ExportFormat::RefiQda));
    m_format->addItem(tr("W3C Web Annotations (JSON-LD)"), int(ExportFormat::WebAnnotations));
    auto *scope = new QGroupBox(tr("What to export"), this);
    m_article = new QRadioButton(tr("&This article"), scope);
    m_article->setObjectName(u"scopeArticle"_s);
    m_selection
        = new QRadioButton(tr("&Selected articles (%n)", nullptr, int(selectedArticles.size())), scope);
    m_selection->setObjectName(u"scopeSelection"_s);
    m_library = new QRadioButton(tr("The whole &library"), scope);
    m_library->setObjectName(u"scopeLibrary"_s);
    m_tag = new QRadioButton(tr("Highlights with the ta&g:"), scope);
    m_tag->setObjectName(u"scopeTag"_s);
    m_tagCombo = new QComboBox(scope);
    m_tagCombo->setObjectName(u"exportTag"_s);
    m_tagCombo->setAccessibleName(tr("Tag to export"));
    for (const Tag &t : tags)
        m_tagCombo->addItem(t.path, t.id);
    m_article->setEnabled(currentArticle != 0);
    m_selection->setEnabled(!selectedArticles.isEmpty());
    m_tag->setEnabled(!tags.isEmpty());
    m_tagCombo->setEnabled(false);
    connect(m_tag, &QRadioButton::toggled, m_tagCombo, &QWidget::setEnabled);
    (currentArticle != 0 ? m_article : m_library)->setChecked(true);
    auto *tagRow = new QHBoxLayout;
    tagRow->addWidget(m_tag);
    tagRow->addWidget(m_tagCombo, 1);
    auto *scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_article);
    scopeLayout->addWidget(m_selection);
    scopeLayout->addWidget(m_library);
    scopeLayout->addLayout(tagRow);

    QSettings settings;
    m_automatic = new QCheckBox(tr("Include &automatic layers (quotes, entities, figures)"), this);
    m_automatic->setObjectName(u"includeAutomatic"_s);
    m_automatic->setChecked(Settings::ExportAutomaticLayers.read(settings));
    m_bom = new QCheckBox(tr("Spreadsheet &compatible (UTF-8 with byte order mark)"), this);
    m_bom->setObjectName(u"byteOrderMark"_s);
    m_bom->setChecked(Settings::ExportByteOrderMark.read(settings));

    m_path = new QLineEdit(this);
    m_path->setObjectName(u"exportPath"_s);
    m_path->setAccessibleName(tr("File to write"));
    const QString dir = defaultFolder(Settings::LastExportDir.read(settings));
    m_path->setText(QDir(dir).filePath(u"lede-export.csv"_s));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        QString filter;
        switch (format()) {
        case ExportFormat::AnnotationsCsv:
        case ExportFormat::ArticlesCsv:
            filter = tr("CSV files (*.csv)");
            break;
        case ExportFormat::Xlsx:
            filter = tr("Workbooks (*.xlsx)");
            break;
        case ExportFormat::RefiQda:
            filter = tr("REFI-QDA projects (*.qdpx)");
            break;
        case ExportFormat::WebAnnotations:
            filter = tr("Web Annotations (*.jsonld *.json)");
            break;
        }
        const QString p = QFileDialog::getSaveFileName(this, tr("Export"), m_path->text(), filter);
        if (!p.isEmpty())
            m_path->setText(p);
    });
    // The format decides the file's suffix and which options apply.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const ExportFormat f = format();
        m_bom->setEnabled(f == ExportFormat::AnnotationsCsv || f == ExportFormat::ArticlesCsv);
        // The article table and the Web Annotations hold no automatic layers.
        m_automatic->setEnabled(f != ExportFormat::ArticlesCsv && f != ExportFormat::WebAnnotations);
        const QFileInfo info(path());
        const QString suffix = exportSuffix(f);
        if (!info.fileName().isEmpty() && info.suffix() != suffix)
            m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + suffix));
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    auto *formatLabel = new QLabel(tr("F&ormat:"), this);
    formatLabel->setBuddy(m_format);
    form->addRow(formatLabel, m_format);
    // A label with a buddy: the "&" becomes the Alt+F mnemonic (a row given a layout has no buddy,
    // and would show the "&" as it is).
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setObjectName(u"exportPathLabel"_s);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings s;
        Settings::ExportAutomaticLayers.write(s, m_automatic->isChecked());
        Settings::ExportByteOrderMark.write(s, m_bom->isChecked());
        Settings::LastExportDir.write(s, QFileInfo(path()).absolutePath());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scope);
    layout->addWidget(m_automatic);
    layout->addWidget(m_bom);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ExportDialog::~ExportDialog() = default;

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::AnnotationsCsv:
    case ExportFormat::ArticlesCsv:
        break;
    case ExportFormat::Xlsx:
        return u"xlsx"_s;
    case ExportFormat::RefiQda:
        return u"qdpx"_s;
    case ExportFormat::WebAnnotations:
        return u"jsonld"_s;
    }
    return u"csv"_s;
}

QString ExportDialog::defaultFolder(const QString &remembered)
{
    for (const QString &dir :
         { remembered, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
           QDir::homePath() }) {
        const QFileInfo info(dir);
        if (!dir.isEmpty() && info.isDir() && info.isWritable())
            return info.absoluteFilePath();
    }
    return QDir::tempPath();
}

ExportQuery ExportDialog::query() const
{
    ExportQuery q;
    if (m_article->isChecked())
        q.articleIds = { m_current };
    else if (m_selection->isChecked())
        q.articleIds = m_selected;
    else if (m_tag->isChecked())
        q.tagId = m_tagCombo->currentData().toLongLong();
    const bool automatic = m_automatic->isChecked() && m_automatic->isEnabled();
    q.includeQuotes = q.includeEntities = q.includeFigures = automatic;
    return q;
}

CsvOptions ExportDialog::options() const
{
    CsvOptions o;
    o.byteOrderMark = m_bom->isChecked();
    return o;
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setScope(Scope scope)
{
    switch (scope) {
    case Scope::CurrentArticle:
        m_article->setChecked(true);
        break;
    case Scope::SelectedArticles:
        m_selection->setChecked(true);
        break;
    case Scope::Library:
        m_library->setChecked(true);
        break;
    case Scope::Tag:
        m_tag->setChecked(true);
        break;
    }
}

} // namespace Lede
