#pragma once
// The window as the screen shows it, for the edit -> repaint benchmarks.
//
// Two ways to get "the whole window as an image" after an edit:
//  - QWidget::render: every widget of the window repaints itself into a fresh image, the
//    unchanged toolbar, docks, group boxes and scroll bars included (about 12 ms of this
//    machine's 2 cores for 1600x1000 in the Fusion style, before a single chart changed);
//  - the window's backing store: the event loop's repaint (QWidgetRepaintManager) paints the
//    regions the edit dirtied into the window's own image and flushes it to the screen; the
//    backing store then holds the whole window as the user sees it. screenImage copies it.
// The benchmarks report both; PaintCounter proves that the measured event-loop turn really
// repainted the charts (a benchmark whose repaint was deferred to a later turn would measure
// nothing and must fail).
#include <QBackingStore>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsView>
#include <QImage>
#include <QWidget>

namespace jevons::bench {

/// @brief A copy of `window`'s backing store (the raster image the screen is flushed from),
/// or a null image if the platform's backing store is not an image (not the offscreen or
/// xcb raster platforms).
inline QImage screenImage(QWidget* window) {
    QBackingStore* store = window->backingStore();
    if (!store) return {};
    const auto* image = dynamic_cast<const QImage*>(store->paintDevice());
    return image ? image->copy() : QImage();
}

/// Counts the paint events delivered to chart viewports (any QGraphicsView's viewport) while it
/// is installed on the application.
class PaintCounter : public QObject {
public:
    PaintCounter() { QCoreApplication::instance()->installEventFilter(this); }
    ~PaintCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    /// @brief Paint events on chart viewports since the last call.
    int take() { return std::exchange(m_count, 0); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && watched->parent() &&
            qobject_cast<QGraphicsView*>(watched->parent()))
            ++m_count;
        return false;
    }

private:
    int m_count = 0;
};

}  // namespace jevons::bench
