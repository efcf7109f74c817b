// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *title = new QLabel(tr("<h2>Welcome to Lede</h2>"), this);
    title->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setObjectName(u"welcomeText"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    auto *importButton = new QPushButton(ledeIcon(u"import"_s), tr("&Import articles…"), this);
    importButton->setObjectName(u"welcomeImport"_s);
    connect(importButton, &QPushButton::clicked, this, &WelcomePage::importRequested);
    auto *sampleButton = new QPushButton(tr("Open the &sample article"), this);
    sampleButton->setObjectName(u"welcomeSample"_s);
    connect(sampleButton, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(sampleButton);
    buttons->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(m_text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setLibraryEmpty(bool empty)
{
    m_text->setText(empty ? tr("Your library is empty. Import news articles (text, Markdown, web pages, PDF, "
                               "Word, OpenDocument, RTF, feeds, Nexis Uni or Factiva exports, or a whole "
                               "folder) — or start with a sample article to see quotes, people, places "
                               "and figures marked up. You can also drop files on this window.")
                          : tr("Pick an article from the library on the left, or import more."));
}

} // namespace Lede
