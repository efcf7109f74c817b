// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace Lede {

// Picks the tags of a highlight: existing tags as a checklist, and a field (with completion over the
// codebook) that adds a tag by path, "Parent/Child", creating it when the highlight is saved.
class TagDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagDialog)

public:
    TagDialog(const QStringList &allTags, const QStringList &checked, QWidget *parent = nullptr);
    ~TagDialog() override;

    QStringList selectedTags() const;
    // Adds (and checks) a path as if typed; for tests and the completer.
    void addTag(const QString &path);

private:
    QLineEdit *m_input;
    QListWidget *m_list;
};

} // namespace Lede
