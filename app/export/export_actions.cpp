#include "app/export/export_actions.h"

#include "app/charts/chart_card.h"
#include "app/charts/chart_grid.h"
#include "app/common/display.h"
#include "app/common/write_file.h"
#include "app/document/document.h"
#include "app/export/export_deck_dialog.h"
#include "app/export/export_picture_dialog.h"
#include "app/uncertainty/uncertainty_engine.h"
#include "app/window_services.h"
#include "core/deck/deck_error.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace jevons::app {
namespace {

const QString kLastDirKey = QStringLiteral("export/lastDir");

class WaitCursor {
public:
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

}  // namespace

ExportActions::ExportActions(const WindowServices& services, QMenu* fileMenu)
    : QObject(services.window), m_services(services), m_menu(fileMenu->addMenu(tr("&Export"))) {
    m_messages = [this](const QString& title, const QString& text) {
        QMessageBox::warning(m_services.window, title, text);
    };
    m_menu->setObjectName(QStringLiteral("exportMenu"));
    QAction* deck =
        m_menu->addAction(tr("&Deck (PowerPoint)\u2026"), this, [this] { deckDialog(); });
    deck->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_menu->addAction(tr("Chart &Picture (PNG, SVG, PDF)\u2026"), this,
                      [this] { pictureDialog(); });
    QAction* update =
        fileMenu->addAction(tr("&Update Deck\u2026"), this, [this] { updateDeckDialog(); });
    update->setObjectName(QStringLiteral("updateDeckAction"));
    update->setStatusTip(
        tr("Bring the charts of a deck exported before up to date with this "
           "forecast, keeping every edit made to the deck"));
    m_reports = [this](const QString& title, const QString& text) {
        QMessageBox::information(m_services.window, title, text);
    };
    auto enable = [this, update] {
        m_menu->setEnabled(m_services.document->isLoaded());
        update->setEnabled(m_services.document->isLoaded());
    };
    connect(m_services.document, &Document::documentReset, this, enable);
    enable();
    m_services.chartGrid->installEventFilter(this);
}

QMenu* ExportActions::chartMenu(const QString& chartId, QWidget* parent) const {
    auto* menu = new QMenu(parent);
    auto* self = const_cast<ExportActions*>(this);
    menu->addAction(tr("&Copy as Picture"), self, [self, chartId] { self->copyChart(chartId); });
    menu->addSeparator();
    menu->addAction(tr("Save as &PNG\u2026"), self,
                    [self, chartId] { self->quickPicture(chartId, PictureFormat::Png); });
    menu->addAction(tr("Save as &SVG\u2026"), self,
                    [self, chartId] { self->quickPicture(chartId, PictureFormat::Svg); });
    menu->addAction(tr("Save as P&DF\u2026"), self,
                    [self, chartId] { self->quickPicture(chartId, PictureFormat::Pdf); });
    menu->addAction(tr("&Export Picture\u2026"), self,
                    [self, chartId] { self->pictureDialog(chartId); });
    return menu;
}

bool ExportActions::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ContextMenu && watched == m_services.chartGrid) {
        auto* e = static_cast<QContextMenuEvent*>(event);
        QWidget* grid = m_services.chartGrid;
        for (QWidget* w = grid->childAt(grid->mapFromGlobal(e->globalPos())); w && w != grid;
             w = w->parentWidget()) {
            if (auto* card = qobject_cast<ChartCard*>(w)) {
                QMenu* menu = chartMenu(toQString(card->definition().id), card);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(e->globalPos());
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

UncertaintyResult ExportActions::currentUncertainty() const {
    UncertaintyEngine* engine = m_services.engine;
    return engine ? engine->current() : nullptr;
}

void ExportActions::fail(const QString& title, const QString& text) {
    m_messages(title, text);
    m_services.window->statusBar()->showMessage(text, 15000);
}

void ExportActions::done(const QString& text) {
    m_services.window->statusBar()->showMessage(text, 8000);
}

bool ExportActions::copyChart(const QString& chartId) {
    const Document& document = *m_services.document;
    if (!document.isLoaded()) return false;
    try {
        WaitCursor wait;
        const ChartRenderer renderer(document, {}, currentUncertainty());
        const core::ChartDef* chart = renderer.chart(chartId);
        if (!chart) throw std::runtime_error("unknown chart '" + chartId.toStdString() + "'");
        ChartPictureOptions options;
        options.scale = 2;
        QImage image = renderer.image(*chart, options);
        image.setDevicePixelRatio(1.0);  // paste as 2560 x 1440 pixels
        QApplication::clipboard()->setImage(image);
        done(tr("Copied \u201c%1\u201d as a picture").arg(renderer.title(*chart)));
        return true;
    } catch (const std::exception& e) {
        fail(tr("Copy failed"), QString::fromStdString(e.what()));
        return false;
    }
}

bool ExportActions::exportPicture(const QString& chartId, PictureFormat format,
                                  const ChartPictureOptions& options, const QString& path) {
    const Document& document = *m_services.document;
    if (!document.isLoaded()) return false;
    QString error;
    try {
        WaitCursor wait;
        const ChartRenderer renderer(document, {}, currentUncertainty());
        const core::ChartDef* chart = renderer.chart(chartId);
        if (!chart) throw std::runtime_error("unknown chart '" + chartId.toStdString() + "'");
        if (writeFile(path, renderer.bytes(*chart, format, options), &error)) {
            done(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
            return true;
        }
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
    }
    fail(tr("Export failed"), error);
    return false;
}

bool ExportActions::exportDeckTo(const DeckExportRequest& request, const QString& path) {
    try {
        WaitCursor wait;
        DeckExportRequest withBands = request;
        if (request.pictures) withBands.pictureBands = currentUncertainty();
        exportDeck(*m_services.document, withBands, path);
        // The template is remembered once a deck was made with it (or the built-in one).
        QSettings().setValue(QString::fromLatin1(ExportDeckDialog::kTemplateKey),
                             request.templatePath);
        done(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const core::deck::DeckError& e) {
        fail(tr("Export failed"), QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        fail(tr("Export failed"), QString::fromStdString(e.what()));
    }
    return false;
}

QString ExportActions::lastDir() const {
    QString dir = QSettings().value(kLastDirKey).toString();
    if (dir.isEmpty() && !m_services.document->filePath().isEmpty())
        dir = QFileInfo(m_services.document->filePath()).absolutePath();
    return dir.isEmpty() ? QDir::homePath() : dir;
}

QString ExportActions::askPath(const QString& title, const QString& name, const QString& filter) {
    const QString path = QFileDialog::getSaveFileName(m_services.window, title,
                                                      QDir(lastDir()).filePath(name), filter);
    if (!path.isEmpty()) QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
    return path;
}

void ExportActions::quickPicture(const QString& chartId, PictureFormat format) {
    const QString suffix = pictureSuffix(format);
    const QString path =
        askPath(tr("Save chart picture"), chartId + QLatin1Char('.') + suffix,
                suffix.toUpper() + QStringLiteral(" (*.") + suffix + QStringLiteral(")"));
    if (path.isEmpty()) return;
    ChartPictureOptions options;
    if (format == PictureFormat::Png) options.scale = 2;
    exportPicture(chartId, format, options, path);
}

void ExportActions::pictureDialog(const QString& chartId) {
    const Document& document = *m_services.document;
    if (!document.isLoaded()) return;
    QString id = chartId;
    if (id.isEmpty() && !document.scenario().charts.empty())
        id = toQString(document.scenario().charts.front().id);
    ExportPictureDialog dialog(document, id, m_services.window);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString suffix = pictureSuffix(dialog.format());
    const QString path =
        askPath(tr("Export chart picture"), dialog.chartId() + QLatin1Char('.') + suffix,
                suffix.toUpper() + QStringLiteral(" (*.") + suffix + QStringLiteral(")"));
    if (!path.isEmpty()) exportPicture(dialog.chartId(), dialog.format(), dialog.options(), path);
}

void ExportActions::deckDialog() {
    const Document& document = *m_services.document;
    if (!document.isLoaded()) return;
    ExportDeckDialog dialog(document, m_services.window);
    if (dialog.exec() != QDialog::Accepted) return;
    const DeckExportRequest request = dialog.request();
    QString name = document.filePath().isEmpty()
                       ? QStringLiteral("forecast")
                       : QFileInfo(document.filePath()).completeBaseName();
    if (document.activeScenario() != QStringLiteral("base"))
        name += QLatin1Char('-') + document.activeScenario();
    const QString path =
        askPath(tr("Export deck"), name + QStringLiteral(".pptx"), tr("PowerPoint decks (*.pptx)"));
    if (!path.isEmpty()) exportDeckTo(request, path);
}

void ExportActions::updateDeckDialog() {
    if (!m_services.document->isLoaded()) return;
    const QString path = QFileDialog::getOpenFileName(m_services.window, tr("Update deck"),
                                                      lastDir(), tr("PowerPoint decks (*.pptx)"));
    if (path.isEmpty()) return;
    QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
    updateDeckAt(path);
}

QStringList ExportActions::updateDeckAt(const QString& path) {
    using core::deck::ChartUpdateStatus;
    core::deck::DeckUpdate update;
    try {
        WaitCursor wait;
        update = updateDeckFile(*m_services.document, path);
    } catch (const std::exception& e) {
        fail(tr("Update failed"), QString::fromStdString(e.what()));
        return {};
    }
    QStringList lines;
    for (const core::deck::ChartUpdate& c : update.charts) {
        QString state;
        switch (c.status) {
            case ChartUpdateStatus::Updated:
                state = tr("updated");
                break;
            case ChartUpdateStatus::Unchanged:
                state = tr("unchanged");
                break;
            case ChartUpdateStatus::Gone:
                state = tr("no longer in the forecast, left as it was");
                break;
            case ChartUpdateStatus::Mismatch:
                state = tr("left as it was");
                break;
        }
        QString line = tr("Slide %1: %2 (%3): %4")
                           .arg(c.slide)
                           .arg(toQString(c.link.chart), toQString(c.link.scenario), state);
        if (!c.detail.empty()) line += QStringLiteral(" \u2014 ") + toQString(c.detail);
        lines << line;
    }
    for (const std::size_t slide : update.tables)
        lines << tr("Slide %1: assumptions & sources: updated").arg(slide);
    const QString file = QDir::toNativeSeparators(path);
    const QString summary =
        update.changed ? tr("Updated %1").arg(file) : tr("%1 is up to date").arg(file);
    done(summary);
    m_reports(tr("Update deck"), summary + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')));
    return lines;
}

}  // namespace jevons::app
