#pragma once
// Small helpers the model editor's forms share (item_forms, series_form, reference_forms).
#include "core/units/unit.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QSignalBlocker>

#include <array>
#include <limits>
#include <string>

namespace jevons::app::form {

/// The units a form offers, in this order.
inline constexpr std::array kUnits = {
    core::Unit::Number,       core::Unit::UsdBillion, core::Unit::UsdMillion,
    core::Unit::MillionUnits, core::Unit::Share,      core::Unit::Rate,
    core::Unit::Year,         core::Unit::Multiple,   core::Unit::Index};

/// What a unit is called in a form, in the interface's language ("Share (%)", "份额（%）").
inline QString unitName(core::Unit unit) {
    switch (unit) {
        case core::Unit::Number:
            return QCoreApplication::translate("jevons::app::UnitNames", "Number");
        case core::Unit::UsdBillion:
            return QCoreApplication::translate("jevons::app::UnitNames", "US$ billion");
        case core::Unit::UsdMillion:
            return QCoreApplication::translate("jevons::app::UnitNames", "US$ million");
        case core::Unit::MillionUnits:
            return QCoreApplication::translate("jevons::app::UnitNames", "Million units");
        case core::Unit::Share:
            return QCoreApplication::translate("jevons::app::UnitNames", "Share (%)");
        case core::Unit::Rate:
            return QCoreApplication::translate("jevons::app::UnitNames", "Rate (% a year)");
        case core::Unit::Year:
            return QCoreApplication::translate("jevons::app::UnitNames", "Year");
        case core::Unit::Multiple:
            return QCoreApplication::translate("jevons::app::UnitNames", "Multiple (x)");
        case core::Unit::Index:
            return QCoreApplication::translate("jevons::app::UnitNames", "Index");
    }
    return {};
}

/// Fill `box` with kUnits: each unit's name shown, the Unit as the item's data, the file's
/// token as its tooltip.
inline void fillUnits(QComboBox* box) {
    for (core::Unit u : kUnits) {
        box->addItem(unitName(u), int(u));
        box->setItemData(
            box->count() - 1,
            QString::fromUtf8(core::unitToken(u).data(), qsizetype(core::unitToken(u).size())),
            Qt::ToolTipRole);
    }
}

/// Set a line edit's text without emitting the signals that commit an edit; the field shows
/// the text's beginning (a long formula or list of points reads from its start).
inline void quietly(QLineEdit* edit, const QString& text) {
    const QSignalBlocker block(edit);
    edit->setText(text);
    edit->setCursorPosition(0);
}

/// The field's text, trimmed, as UTF-8.
inline std::string utf8(const QLineEdit* edit) { return edit->text().trimmed().toStdString(); }

/// "-12.5" → -12.5; NaN when the text is no number.
inline double number(const QLineEdit* edit) {
    bool ok = false;
    const double v = edit->text().trimmed().toDouble(&ok);
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace jevons::app::form
