// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Lede {

// An inline message strip at the top of the window (as KeePassXC's MessageWidget): errors and
// results are shown here instead of in modal boxes. It stays until closed or replaced; information
// messages hide themselves after a while.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind { Information, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    void showMessage(const QString &text, Kind kind = Kind::Information);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_label;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
    int m_serial = 0;
};

} // namespace Lede
