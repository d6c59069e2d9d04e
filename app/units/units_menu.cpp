#include "app/units/units_menu.h"

#include "app/common/display.h"
#include "app/document/document.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>

namespace jevons::app {
namespace {

const QString kMoneyKey = QStringLiteral("units/money");
const QString kVolumeKey = QStringLiteral("units/volume");
const QString kDecimalsKey = QStringLiteral("units/percentDecimals");
const QString kRateKey = QStringLiteral("units/cnyPerUsd");

void apply(Document* document, const DisplayPreferences& p) {
    if (p == document->displayPreferences()) return;
    document->setDisplayPreferences(p);
    saveDisplayPreferences(*document);
}

}  // namespace

void loadDisplayPreferences(Document& document) {
    QSettings settings;
    DisplayPreferences p;
    p.money = static_cast<core::DisplayUnit>(
        settings.value(kMoneyKey, static_cast<int>(p.money)).toInt());
    p.volume = static_cast<core::DisplayUnit>(
        settings.value(kVolumeKey, static_cast<int>(p.volume)).toInt());
    p.percentDecimals = settings.value(kDecimalsKey, p.percentDecimals).toInt();
    p.cnyPerUsd = settings.value(kRateKey, p.cnyPerUsd).toDouble();
    document.setDisplayPreferences(p);  // validates: an unknown unit falls back to the default
}

void saveDisplayPreferences(const Document& document) {
    QSettings settings;
    const DisplayPreferences& p = document.displayPreferences();
    settings.setValue(kMoneyKey, static_cast<int>(p.money));
    settings.setValue(kVolumeKey, static_cast<int>(p.volume));
    settings.setValue(kDecimalsKey, p.percentDecimals);
    settings.setValue(kRateKey, p.cnyPerUsd);
}

bool askExchangeRate(Document* document, QWidget* parent) {
    bool ok = false;
    const double rate = QInputDialog::getDouble(
        parent, QObject::tr("Exchange rate"),
        QObject::tr("RMB per US dollar, used for 亿元 (stated on every axis and table):"),
        document->displayPreferences().cnyPerUsd, 0.01, 100.0, 4, &ok);
    if (!ok) return false;
    DisplayPreferences p = document->displayPreferences();
    p.cnyPerUsd = rate;
    apply(document, p);
    return true;
}

QMenu* createUnitsMenu(Document* document, QWidget* parent) {
    auto* menu = new QMenu(QObject::tr("&Units"), parent);
    menu->setObjectName(QStringLiteral("unitsMenu"));

    auto addChoices = [&](const QString& title,
                          const QList<QPair<QString, core::DisplayUnit>>& items,
                          core::DisplayUnit DisplayPreferences::*field) {
        menu->addSection(title);
        auto* group = new QActionGroup(menu);
        for (const auto& [text, unit] : items) {
            QAction* action = menu->addAction(text);
            action->setCheckable(true);
            action->setData(static_cast<int>(unit));
            group->addAction(action);
            QObject::connect(action, &QAction::triggered, menu, [document, field, unit = unit] {
                DisplayPreferences p = document->displayPreferences();
                p.*field = unit;
                apply(document, p);
            });
        }
        QObject::connect(menu, &QMenu::aboutToShow, group, [document, group, field] {
            const DisplayPreferences& p = document->displayPreferences();
            for (QAction* a : group->actions())
                a->setChecked(a->data().toInt() == static_cast<int>(p.*field));
        });
    };
    addChoices(
        QObject::tr("Money"),
        {{QObject::tr("US$ billions (US$B)"), core::DisplayUnit::UsdBillion},
         {QObject::tr("US$ millions (US$M)"), core::DisplayUnit::UsdMillion},
         {QObject::tr("US$ hundred millions (亿美元)"), core::DisplayUnit::UsdHundredMillion},
         {QObject::tr("RMB hundred millions (亿元)"), core::DisplayUnit::RmbHundredMillion}},
        &DisplayPreferences::money);
    QAction* rate = menu->addAction(QObject::tr("Exchange rate\u2026"));
    QObject::connect(rate, &QAction::triggered, menu,
                     [document, parent] { askExchangeRate(document, parent); });
    addChoices(
        QObject::tr("Volumes"),
        {{QObject::tr("Millions of units (M units)"), core::DisplayUnit::MillionUnits},
         {QObject::tr("Ten thousands of units (万台)"), core::DisplayUnit::TenThousandUnits}},
        &DisplayPreferences::volume);

    menu->addSection(QObject::tr("Percentages"));
    auto* decimals = new QActionGroup(menu);
    for (int d = 0; d <= 3; ++d) {
        QAction* action = menu->addAction(QObject::tr("%n decimal(s)", nullptr, d));
        action->setCheckable(true);
        action->setData(d);
        decimals->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [document, d] {
            DisplayPreferences p = document->displayPreferences();
            p.percentDecimals = d;
            apply(document, p);
        });
    }
    QObject::connect(menu, &QMenu::aboutToShow, decimals, [document, decimals] {
        for (QAction* a : decimals->actions())
            a->setChecked(a->data().toInt() == document->displayPreferences().percentDecimals);
    });
    return menu;
}

}  // namespace jevons::app
