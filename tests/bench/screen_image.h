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

#include <cstring>

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

/// @brief Copy `window`'s backing store into `into`, reusing its pixels when it has the
/// backing store's size and format (as a screen's frame buffer is reused: the copy is timed,
/// not the page faults of a fresh 6 MB allocation per frame). False when screenImage would be
/// null.
inline bool copyScreen(QWidget* window, QImage& into) {
    QBackingStore* store = window->backingStore();
    const auto* image = store ? dynamic_cast<const QImage*>(store->paintDevice()) : nullptr;
    if (!image) return false;
    if (into.size() != image->size() || into.format() != image->format() || !into.isDetached())
        into = image->copy();
    else
        std::memcpy(into.bits(), image->constBits(),
                    static_cast<std::size_t>(image->sizeInBytes()));
    return true;
}

/// @brief The window's image into `image`: as the screen gets it (`screen`: copyScreen, after
/// the event loop's repaint) or every widget re-rendered (QWidget::render).
inline void takeWindowImage(QWidget* window, bool screen, QImage& image) {
    if (screen)
        copyScreen(window, image);
    else
        window->render(&image);
}

/// Counts the paint events delivered to chart viewports (any QGraphicsView's viewport), or to
/// any widget when not `chartsOnly`, while it is installed on the application.
class PaintCounter : public QObject {
public:
    explicit PaintCounter(bool chartsOnly = true) : m_chartsOnly(chartsOnly) {
        QCoreApplication::instance()->installEventFilter(this);
    }
    ~PaintCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    /// @brief Paint events on chart viewports since the last call.
    int take() { return std::exchange(m_count, 0); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint &&
            (!m_chartsOnly ||
             (watched->parent() && qobject_cast<QGraphicsView*>(watched->parent()))))
            ++m_count;
        return false;
    }

private:
    bool m_chartsOnly;
    int m_count = 0;
};

}  // namespace jevons::bench
