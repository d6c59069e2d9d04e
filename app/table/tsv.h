#pragma once
// Copying table selections for Excel: tab-separated, with the header row and column.
#include <QModelIndexList>
#include <QString>

class QAbstractItemModel;

namespace jevons::app {

/// @brief The bounding rectangle of `selection` as TSV: first line "\t" + column headers, then
/// one line per row: row header, then cells (the model's `copyRole`, else DisplayRole); cells in
/// the rectangle but not selected are empty. Lines end with "\n".
[[nodiscard]] QString selectionToTsv(const QAbstractItemModel& model,
                                     const QModelIndexList& selection, int copyRole);

}  // namespace jevons::app
