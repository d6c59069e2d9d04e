#include "app/uncertainty/uncertainty_dock.h"

#include "app/common/write_file.h"
#include "app/document/document.h"
#include "app/export/chart_renderer.h"
#include "app/uncertainty/goal_seek_dialog.h"
#include "app/uncertainty/histogram_view.h"
#include "app/uncertainty/tornado_view.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QChartView>
#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>
#include <QTabWidget>

namespace jevons::app {

QImage chartViewImage(QChartView* view, int scale) {
    const QSize size = view->size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), view->rect());
    return image;
}

QByteArray chartViewPng(QChartView* view, int scale) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    chartViewImage(view, scale).save(&buffer, "PNG");
    return out;
}

QByteArray chartViewSvg(QChartView* view, const QString& title) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(view->size());
    generator.setViewBox(view->rect());
    generator.setTitle(title);
    QPainter painter(&generator);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.fillRect(view->rect(), Qt::white);
    view->render(&painter, QRectF(view->rect()), view->rect());
    painter.end();
    return out;
}

QMenu* chartPictureMenu(QChartView* view, const QString& name, QWidget* parent) {
    // The texts keep the dock's context (where they were first translated).
    auto* menu = new QMenu(parent);
    menu->addAction(QCoreApplication::translate("jevons::app::UncertaintyDock", "Copy as Picture"),
                    menu, [view] { QApplication::clipboard()->setImage(chartViewImage(view, 2)); });
    for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("svg")}) {
        menu->addAction(
            QCoreApplication::translate("jevons::app::UncertaintyDock", "Save as %1\u2026")
                .arg(suffix.toUpper()),
            menu, [parent, view, name, suffix] {
                const QString title =
                    QCoreApplication::translate("jevons::app::UncertaintyDock", "Save Picture");
                const QString path = QFileDialog::getSaveFileName(
                    parent, title, name + QLatin1Char('.') + suffix,
                    suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
                if (path.isEmpty()) return;
                QString error;
                if (!saveChartPicture(view, name, path, &error))
                    QMessageBox::warning(parent, title, error);
            });
    }
    return menu;
}

bool saveChartPicture(QChartView* view, const QString& name, const QString& path, QString* error) {
    const QByteArray bytes = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
                                 ? chartViewSvg(view, name)
                                 : chartViewPng(view, 2);
    return writeFile(path, bytes, error);
}

UncertaintyDock::UncertaintyDock(Document* document, QWidget* parent)
    : QDockWidget(parent),
      m_document(document),
      m_tabs(new QTabWidget),
      m_histogram(new HistogramView(document)),
      m_tornado(new TornadoView(document)) {
    setObjectName(QStringLiteral("uncertaintyDock"));
    m_tabs->addTab(m_histogram, QString());
    m_tabs->addTab(m_tornado, QString());
    setWidget(m_tabs);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);
    for (QChartView* view : {m_histogram->chartView(), m_tornado->chartView()}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& at) {
            const QString name = view == m_histogram->chartView() ? QStringLiteral("histogram")
                                                                  : QStringLiteral("tornado");
            QMenu* menu = chartPictureMenu(view, name, this);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(view->mapToGlobal(at));
        });
    }
    retranslate();
}

void UncertaintyDock::retranslate() {
    setWindowTitle(tr("Uncertainty"));
    m_tabs->setTabText(0, tr("Histogram"));
    m_tabs->setTabText(1, tr("Tornado"));
}

void UncertaintyDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDockWidget::changeEvent(event);
}

QMenu* UncertaintyDock::pictureMenu(QChartView* view, const QString& name, QWidget* parent) {
    return chartPictureMenu(view, name, parent);
}

bool UncertaintyDock::savePicture(QChartView* view, const QString& name, const QString& path,
                                  QString* error) {
    return saveChartPicture(view, name, path, error);
}

void UncertaintyDock::openGoalSeek() {
    GoalSeekDialog dialog(m_document, parentWidget());
    dialog.exec();
}

UncertaintyDock* UncertaintyDock::install(QMainWindow* window, Document* document) {
    auto* dock = new UncertaintyDock(document, window);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("uncertaintyDockAction"));
    toggle->setText(tr("Uncertainty &Charts"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U));
    if (auto* view = window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        view->addAction(toggle);
    window->addAction(toggle);
    auto* goalSeek = new QAction(tr("&Goal Seek\u2026"), dock);
    goalSeek->setObjectName(QStringLiteral("goalSeekAction"));
    goalSeek->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(goalSeek, &QAction::triggered, dock, &UncertaintyDock::openGoalSeek);
    if (auto* edit = window->menuBar()->findChild<QMenu*>(QStringLiteral("editMenu"))) {
        edit->addSeparator();
        edit->addAction(goalSeek);
    }
    window->addAction(goalSeek);
    return dock;
}

}  // namespace jevons::app
