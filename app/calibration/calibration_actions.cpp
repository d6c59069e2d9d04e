#include "app/calibration/calibration_actions.h"

#include "app/calibration/fit_dialog.h"
#include "app/calibration/import_actuals_dialog.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/export/export_actions.h"
#include "app/window_services.h"
#include "core/calibration/actuals.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace jevons::app {

CalibrationActions::CalibrationActions(const WindowServices& services, QMenu* fileMenu,
                                       QMenu* editMenu)
    : QObject(services.window), m_services(services) {
    setObjectName(QStringLiteral("calibrationActions"));
    QAction* import =
        fileMenu->addAction(tr("&Import Actuals\u2026"), this, [this] { importFile(); });
    // Before "Export", next to the other ways in.
    const QList<QAction*> actions = fileMenu->actions();
    for (QAction* a : actions) {
        if (a->menu() && a->menu()->objectName() == QLatin1String("exportMenu")) {
            fileMenu->removeAction(import);
            fileMenu->insertAction(a, import);
            break;
        }
    }
    editMenu->addAction(tr("&Paste Actuals"), this, [this] { pasteActuals(); });
    QMenu* tools = m_services.window->menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    tools->addAction(tr("&Fit Curve\u2026"), this, [this] { fitDialog(); });
    m_services.chartGrid->installEventFilter(this);
}

void CalibrationActions::importFile() {
    if (!m_services.document->isLoaded()) return;
    const QString path =
        QFileDialog::getOpenFileName(m_services.window, tr("Import actuals"), QString(),
                                     tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_services.window, tr("Cannot import"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    // At most one byte over the bound: parseActuals refuses a larger file with its size.
    importText(QString::fromUtf8(file.read(qint64(core::kMaxActualsBytes) + 1)),
               QFileInfo(path).fileName());
}

void CalibrationActions::pasteActuals() {
    if (!m_services.document->isLoaded()) return;
    importText(QApplication::clipboard()->text(), tr("pasted data"));
}

bool CalibrationActions::importText(const QString& text, const QString& origin) {
    ImportActualsDialog dialog(m_services.document, text, origin, m_services.window);
    if (dialog.exec() != QDialog::Accepted) return false;
    m_services.window->statusBar()->showMessage(tr("Imported actuals from %1").arg(origin), 8000);
    return true;
}

void CalibrationActions::fitDialog(const QString& seriesId) {
    if (!m_services.document->isLoaded()) return;
    FitDialog dialog(m_services.document, seriesId, m_services.window);
    dialog.exec();
}

bool CalibrationActions::eventFilter(QObject* watched, QEvent* event) {
    // The card's menu is the export one (ExportActions) with "Fit curve…" added.
    if (event->type() == QEvent::ContextMenu && watched == m_services.chartGrid) {
        auto* exports = m_services.window->findChild<ExportActions*>();
        auto* e = static_cast<QContextMenuEvent*>(event);
        QWidget* grid = m_services.chartGrid;
        for (QWidget* w = grid->childAt(grid->mapFromGlobal(e->globalPos())); w && w != grid;
             w = w->parentWidget()) {
            auto* card = qobject_cast<ChartCard*>(w);
            if (!card) continue;
            const QString chartId = toQString(card->definition().id);
            QMenu* menu = exports ? exports->chartMenu(chartId, card) : new QMenu(card);
            menu->addSeparator();
            const core::Scenario& scenario = m_services.document->scenario();
            QString seriesId;
            for (const auto& name : card->definition().series)
                if (scenario.findActuals(name) && seriesId.isEmpty()) seriesId = toQString(name);
            menu->addAction(tr("&Fit Curve\u2026"), this,
                            [this, seriesId] { fitDialog(seriesId); });
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(e->globalPos());
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace jevons::app
