#include "app/presentation/presentation_window.h"

#include "app/assumptions/assumption_slider.h"
#include "app/charts/cagr_arrow_item.h"
#include "app/charts/chart_card.h"
#include "app/charts/chart_view.h"
#include "app/charts/palette.h"
#include "app/charts/value_labels_item.h"
#include "app/common/display.h"
#include "app/document/document.h"
#include "app/presentation/whatif_overlay.h"
#include "app/uncertainty/uncertainty_engine.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCloseEvent>
#include <QGraphicsEffect>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QScreen>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWindow>

#include <algorithm>
#include <utility>

namespace jevons::app {
namespace {

/// The slide a chart is laid out for; the view magnifies it to the screen (1920 px wide: 1.75x).
constexpr qreal kSlideWidth = 1100.0;
constexpr qreal kSlideHeight = 600.0;

const QColor kDarkBackground{0x11, 0x18, 0x27};
const QColor kDarkInk{0xF3, 0xF4, 0xF6};
const QColor kDarkMuted{0x9C, 0xA3, 0xAF};
const QColor kDarkGrid{0x37, 0x41, 0x51};

/// Draws its item with inverted colours: black ink on a white bubble becomes light ink on a dark
/// bubble (the CAGR arrows in the dark theme).
class InvertEffect : public QGraphicsEffect {
public:
    using QGraphicsEffect::QGraphicsEffect;

protected:
    void draw(QPainter* painter) override {
        QPoint offset;
        const QPixmap pixmap = sourcePixmap(Qt::DeviceCoordinates, &offset);
        if (pixmap.isNull()) return;
        QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        image.invertPixels(QImage::InvertRgb);
        image.setDevicePixelRatio(pixmap.devicePixelRatio());
        const QTransform saved = painter->worldTransform();
        painter->setWorldTransform(QTransform());
        painter->drawImage(offset, image);
        painter->setWorldTransform(saved);
    }
};

/// A dark colour lifted to show on the dark background; its transparency is kept (fan bands).
QColor brighter(const QColor& c) {
    if (c.lightnessF() >= 0.5) return c;
    QColor lifted = QColor::fromHslF(c.hslHueF(), c.hslSaturationF(), 0.68);
    lifted.setAlphaF(c.alphaF());
    return lifted;
}

bool isEditor(QWidget* w) {
    for (; w; w = w->parentWidget())
        if (qobject_cast<QAbstractSlider*>(w) || qobject_cast<QAbstractSpinBox*>(w)) return true;
    return false;
}

}  // namespace

PresentationWindow::PresentationWindow(Document* document, QWidget* parent)
    : QWidget(parent, Qt::Window),
      m_document(document),
      m_stage(new QWidget(this)),
      m_overlay(new WhatIfOverlay(document, m_stage)),
      m_title(new QLabel(this)),
      m_counter(new QLabel(this)),
      m_unsaved(new QLabel(tr("\u25CF Unsaved changes"), this)),
      m_help(new QLabel(this)),
      m_footer(new QWidget(this)) {
    setObjectName(QStringLiteral("presentationWindow"));
    setWindowTitle(tr("Jevons \u2014 presentation"));
    setAccessibleName(tr("Presentation"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    m_counter->setObjectName(QStringLiteral("slideCounter"));
    m_counter->setAccessibleName(tr("Slide number"));
    m_help->setText(tr("\u2190 \u2192 move \u00B7 W what-if \u00B7 T theme \u00B7 Esc leaves"));

    auto* stageLayout = new QHBoxLayout(m_stage);
    stageLayout->setContentsMargins(0, 0, 0, 0);
    stageLayout->setSpacing(0);
    stageLayout->addWidget(m_overlay);
    m_overlay->hide();

    auto* footerLayout = new QHBoxLayout(m_footer);
    footerLayout->setContentsMargins(24, 4, 24, 8);
    footerLayout->addWidget(m_title);
    footerLayout->addStretch(1);
    footerLayout->addWidget(m_unsaved);
    footerLayout->addSpacing(24);
    footerLayout->addWidget(m_help);
    footerLayout->addSpacing(24);
    footerLayout->addWidget(m_counter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stage, 1);
    layout->addWidget(m_footer);

    connect(document, &Document::resultsChanged, this, [this](const QList<int>& series) {
        if (!m_card) return;
        if (std::any_of(series.begin(), series.end(), [this](int s) { return m_card->shows(s); })) {
            m_card->onResultsChanged(series);
            recolorLabels();
        }
    });
    connect(document, &Document::documentReset, this, &PresentationWindow::rebuild);
    connect(document, &Document::languageChanged, this, &PresentationWindow::rebuild);
    connect(document, &Document::activeScenarioChanged, this, &PresentationWindow::updateFooter);
    connect(document, &Document::modifiedChanged, this, &PresentationWindow::updateFooter);
    qApp->installEventFilter(this);
    rebuild();
}

PresentationWindow::~PresentationWindow() {
    qApp->removeEventFilter(this);
    dropCard();
}

void PresentationWindow::dropCard() {
    // Forget the card before deleting it: its view still sends events (to eventFilter) while
    // it is being destroyed, and m_card must not point at a half-destroyed ChartCard then.
    ChartCard* card = std::exchange(m_card, nullptr);
    if (!card) return;
    card->view()->removeEventFilter(this);
    delete card;
}

int PresentationWindow::slideCount() const {
    return m_document->isLoaded() ? static_cast<int>(m_document->scenario().charts.size()) : 0;
}

bool PresentationWindow::overlayVisible() const { return !m_overlay->isHidden(); }

void PresentationWindow::present(QWidget* mainWindow) {
    QScreen* target = mainWindow ? mainWindow->screen() : QGuiApplication::primaryScreen();
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screens.size() > 1) {
        for (QScreen* s : screens) {
            if (s != target) {
                target = s;
                break;
            }
        }
    }
    if (target) {
        setScreen(target);
        setGeometry(target->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
}

void PresentationWindow::setSlide(int index) {
    const int n = slideCount();
    if (n == 0) return;
    index = std::clamp(index, 0, n - 1);
    if (index == m_slide && m_card) return;
    m_slide = index;
    rebuild();
}

void PresentationWindow::setUncertaintyEngine(UncertaintyEngine* engine) {
    if (m_uncertainty) disconnect(m_uncertainty, nullptr, this, nullptr);
    m_uncertainty = engine;
    if (engine)
        connect(engine, &UncertaintyEngine::resultChanged, this, [this](UncertaintyResult result) {
            if (!m_card) return;
            m_card->setUncertainty(std::move(result));
            recolorLabels();
        });
    if (m_card) m_card->setUncertainty(engine ? engine->current() : nullptr);
}

void PresentationWindow::next() { setSlide(m_slide + 1); }
void PresentationWindow::previous() { setSlide(m_slide - 1); }

void PresentationWindow::setOverlayVisible(bool visible) {
    if (visible == overlayVisible()) return;
    m_overlay->setVisible(visible);
    if (visible && !m_overlay->sliders().isEmpty()) {
        m_overlay->sliders().front()->setFocus();
    } else {
        setFocus();
    }
}

void PresentationWindow::toggleOverlay() { setOverlayVisible(!overlayVisible()); }

void PresentationWindow::setTheme(Theme theme) {
    if (theme == m_theme) return;
    m_theme = theme;
    rebuild();
}

void PresentationWindow::toggleTheme() {
    setTheme(m_theme == Theme::Light ? Theme::Dark : Theme::Light);
}

void PresentationWindow::rebuild() {
    dropCard();
    const int n = slideCount();
    if (n > 0) {
        m_slide = std::clamp(m_slide, 0, n - 1);
        const core::ChartDef& def =
            m_document->scenario().charts[static_cast<std::size_t>(m_slide)];
        std::vector<ChartRun> runs;
        runs.push_back({m_document->activeScenario(), &m_document->evaluator(), true});
        m_card = new ChartCard(m_document, def, std::move(runs), m_stage);
        m_card->setAccessibleName(labelText(def.title, m_document->language()));
        ChartView* view = m_card->view();
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setFocusPolicy(Qt::NoFocus);
        view->setMinimumHeight(0);
        view->installEventFilter(this);
        m_card->sourceLabel()->setContentsMargins(24, 4, 24, 4);
        // The bands on screen now (a run in progress publishes its own through resultChanged):
        // turning a slide never waits for a simulation.
        if (m_uncertainty) m_card->setUncertainty(m_uncertainty->result());
        static_cast<QHBoxLayout*>(m_stage->layout())->insertWidget(0, m_card, 1);
        m_card->show();
        connect(m_card->chart(), &QChart::plotAreaChanged, this,
                &PresentationWindow::recolorLabels);
        m_overlay->setChart(def);
    }
    applyTheme();
    fitChart();
    updateFooter();
    emit slideChanged(m_slide);
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event) {
    if (m_card && watched == m_card->view() && event->type() == QEvent::Resize) {
        // Let QChartView fit the chart to the view, then lay it out at slide size and magnify.
        static_cast<QObject*>(m_card->view())->event(event);
        fitChart();
        return true;
    }
    if (event->type() == QEvent::KeyPress && isVisible()) {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget && (widget == this || isAncestorOf(widget)))
            return handleKey(static_cast<QKeyEvent*>(event), widget != this && isEditor(widget));
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
    if (!handleKey(event, false)) QWidget::keyPressEvent(event);
}

bool PresentationWindow::handleKey(QKeyEvent* event, bool inEditor) {
    const int key = event->key();
    if (event->modifiers() & Qt::ControlModifier) {
        if (key == Qt::Key_Z && (event->modifiers() & Qt::ShiftModifier)) {
            m_document->undoStack()->redo();
        } else if (key == Qt::Key_Z) {
            m_document->undoStack()->undo();
        } else if (key == Qt::Key_Y) {
            m_document->undoStack()->redo();
        } else {
            return false;
        }
        return true;
    }
    switch (key) {
        case Qt::Key_Escape:
            close();
            return true;
        case Qt::Key_PageDown:
        case Qt::Key_N:
            next();
            return true;
        case Qt::Key_PageUp:
        case Qt::Key_P:
            previous();
            return true;
        case Qt::Key_Space:
        case Qt::Key_Right:
        case Qt::Key_Down:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (inEditor) return false;
            next();
            return true;
        case Qt::Key_Backspace:
        case Qt::Key_Left:
        case Qt::Key_Up:
            if (inEditor) return false;
            previous();
            return true;
        case Qt::Key_Home:
            if (inEditor) return false;
            setSlide(0);
            return true;
        case Qt::Key_End:
            if (inEditor) return false;
            setSlide(slideCount() - 1);
            return true;
        case Qt::Key_W:
        case Qt::Key_F6:
            toggleOverlay();
            return true;
        case Qt::Key_T:
            toggleTheme();
            return true;
        case Qt::Key_F5:
            return true;  // already presenting
        default:
            return false;
    }
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
    emit closed();
    QWidget::closeEvent(event);
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const qreal pt = std::clamp(height() / 56.0, 12.0, 30.0);
    m_overlay->setTextSize(pt);
    m_overlay->setFixedWidth(std::clamp(width() * 3 / 10, 320, 760));
    const QFont footer = palette::font(pt * 0.75);
    for (QLabel* l : {m_title, m_counter, m_unsaved}) l->setFont(footer);
    m_counter->setFont(palette::font(pt * 0.85, true));
    m_help->setFont(palette::font(pt * 0.6));
    fitChart();
}

void PresentationWindow::fitChart() {
    if (!m_card) return;
    ChartView* view = m_card->view();
    const QSize size = view->size();
    if (size.isEmpty()) return;
    const qreal scale =
        std::clamp(std::min(size.width() / kSlideWidth, size.height() / kSlideHeight), 1.0, 3.0);
    m_scale = scale;
    view->setTransform(QTransform::fromScale(scale, scale));
    const QSizeF logical(size.width() / scale, size.height() / scale);
    if (m_card->chart()->size() != logical) m_card->chart()->resize(logical);
    view->setSceneRect(QRectF(QPointF(0, 0), logical));
    m_sourcePt = std::max(palette::kSourcePt * scale * 0.9, 10.0);
    styleSource();
}

void PresentationWindow::applyTheme() {
    const bool dark = m_theme == Theme::Dark;
    const QColor background = dark ? kDarkBackground : QColor(Qt::white);
    const QColor ink = dark ? kDarkInk : palette::kInk;
    const QColor muted = dark ? kDarkMuted : palette::kSlate;
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, ink);
    setPalette(pal);
    const QString labelStyle = QStringLiteral("color: %1; background: transparent;");
    m_title->setStyleSheet(labelStyle.arg(muted.name()));
    m_help->setStyleSheet(labelStyle.arg(muted.name()));
    m_counter->setStyleSheet(labelStyle.arg(ink.name()));
    m_unsaved->setStyleSheet(labelStyle.arg(palette::kCoral.name()));
    m_overlay->setDark(dark);
    if (!m_card) return;
    m_card->setStyleSheet(
        QStringLiteral("#chartCard { background: %1; border: none; }").arg(background.name()));
    styleSource();
    QChart* chart = m_card->chart();
    chart->setBackgroundBrush(background);
    m_card->view()->setBackgroundBrush(background);
    if (!dark) return;
    chart->setTitleBrush(ink);
    chart->legend()->setLabelColor(ink);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(ink);
        axis->setTitleBrush(muted);
        axis->setLinePenColor(muted);
        axis->setGridLineColor(kDarkGrid);
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets()) {
                set->setColor(brighter(set->color()));
                set->setBorderColor(background);
            }
        } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
            area->setColor(brighter(area->color()));
            area->setBorderColor(background);
        } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
            if (qobject_cast<QScatterSeries*>(series)) continue;
            QPen pen = line->pen();
            pen.setColor(brighter(pen.color()));
            line->setPen(pen);
        }
    }
    for (CagrArrowItem* item : m_card->cagrItems()) item->setGraphicsEffect(new InvertEffect);
    recolorLabels();
}

void PresentationWindow::styleSource() {
    // The card has a style sheet, so the font goes into the label's style sheet too.
    if (!m_card) return;
    const bool dark = m_theme == Theme::Dark;
    const QString style =
        QStringLiteral("color: %1; background: %2; border: none; font-size: %3pt;")
            .arg(dark ? kDarkMuted.name() : palette::kSlate.name(),
                 dark ? kDarkBackground.name() : QStringLiteral("white"))
            .arg(m_sourcePt, 0, 'f', 1);
    if (m_card->sourceLabel()->styleSheet() != style) m_card->sourceLabel()->setStyleSheet(style);
}

void PresentationWindow::recolorLabels() {
    if (!m_card || m_theme != Theme::Dark) return;
    ValueLabelsItem* item = m_card->valueLabels();
    QList<ValueLabelsItem::Label> labels = item->labels();
    bool changed = false;
    for (ValueLabelsItem::Label& l : labels) {
        // Labels inside stacked segments keep their contrast with the segment.
        if (!l.above || l.color.lightnessF() >= 0.5) continue;
        l.color = l.color == palette::kInk ? kDarkInk : brighter(l.color);
        changed = true;
    }
    if (changed) item->setLabels(labels);
}

void PresentationWindow::updateFooter() {
    const int n = slideCount();
    m_counter->setText(n ? QStringLiteral("%1 / %2").arg(m_slide + 1).arg(n) : QString());
    m_title->setText(m_document->isLoaded()
                         ? labelText(m_document->scenario().title, m_document->language())
                         : QString());
    m_unsaved->setVisible(m_document->isLoaded() && m_document->isModified());
}

}  // namespace jevons::app
