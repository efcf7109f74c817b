// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"

#include <QAbstractListModel>

namespace Lede {

class ArticleSession;

// The open article's highlights in text order, one row each: the passage on the first line, its tags
// and note on the second (every row has two lines, so a view can use uniform row heights and show
// 10,000 rows without measuring them). reset() reloads from the session; sync() compares with what
// the model shows and inserts, removes or updates only the rows that differ, so one edit costs one
// row. Reads the session's memory only; never the store.
class AnnotationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationListModel)

public:
    enum Role { AnnotationIdRole = Qt::UserRole + 1 };

    explicit AnnotationListModel(QObject *parent = nullptr);
    ~AnnotationListModel() override;

    void setSession(ArticleSession *session);
    void reset();
    void sync();

    // 0 for an invalid row; -1 when the annotation is not shown.
    qint64 annotationIdAt(int row) const;
    int rowOfAnnotation(qint64 id) const;
    const Annotation *annotationAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Annotation> current() const;
    QString label(const Annotation &a) const;

    ArticleSession *m_session = nullptr;
    QList<Annotation> m_rows;
};

} // namespace Lede
