// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>

class QLabel;
class QToolButton;

namespace Lede {

// A message strip floating over the top of an area of the window (as KeePassXC's MessageWidget, but
// overlaid so that showing a message never moves the text being read): errors and results are shown
// here instead of in modal boxes. It stays until closed or replaced; information messages hide
// themselves after a while.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind { Information, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    // The bar floats over the top of the first of `areas` that is visible (or the last one when none
    // is), follows its size and position and stays above its siblings. The areas are descendants of
    // the bar's parent; without any, the bar covers the parent's top.
    void setAreas(const QList<QWidget *> &areas);
    void showMessage(const QString &text, Kind kind = Kind::Information);
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reposition();

    QList<QPointer<QWidget>> m_areas;
    QLabel *m_label;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
    int m_serial = 0;
};

} // namespace Lede
