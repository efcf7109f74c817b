// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace Lede {

// What the document area shows while no article is open: a greeting, a hint that fits the library
// (empty or not), and buttons to import articles or open the sample article.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    void setLibraryEmpty(bool empty);

signals:
    void importRequested();
    void sampleRequested();

private:
    QLabel *m_text;
};

} // namespace Lede
