#include "app/editor/model_map.h"

#include "app/charts/palette.h"
#include "app/common/display.h"
#include "app/document/document.h"

#include <graphviz/gvc.h>

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>

#include <memory>

namespace jevons::app {

namespace {

// Graphviz's C API takes char* for names and values it does not modify.
char* c(const char* text) { return const_cast<char*>(text); }
char* c(std::string& text) { return text.data(); }

constexpr double kPointsPerInch = 72.0;  // Graphviz sizes in inches, positions in points

QColor fill(ModelMap::Kind kind) {
    switch (kind) {
        case ModelMap::Kind::Assumption:
            return {0xFF, 0xF4, 0xD6};  // inputs: warm
        case ModelMap::Kind::Series:
            return {0xE3, 0xEC, 0xF7};
        case ModelMap::Kind::Chart:
            return {0xE4, 0xF2, 0xE6};
    }
    return Qt::white;
}

/// Layout by dot, left to right: node centres and sizes (points, y down) and edge splines.
struct Layout {
    std::vector<QRectF> boxes;
    std::vector<QPainterPath> edges;
};

Layout layOut(const core::edit::ModelGraph& graph, const std::vector<QSizeF>& sizes) {
    Layout out;
    GVC_t* gvc = gvContext();
    std::string name = "model";
    Agraph_t* g = agopen(c(name), Agdirected, nullptr);
    agsafeset(g, c("rankdir"), c("LR"), c(""));
    agsafeset(g, c("nodesep"), c("0.15"), c(""));
    agsafeset(g, c("ranksep"), c("0.6"), c(""));
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        std::string id = "n" + std::to_string(i);
        Agnode_t* n = agnode(g, c(id), 1);
        std::string w = std::to_string(sizes[i].width() / kPointsPerInch);
        std::string h = std::to_string(sizes[i].height() / kPointsPerInch);
        agsafeset(n, c("shape"), c("box"), c(""));
        agsafeset(n, c("fixedsize"), c("true"), c(""));
        agsafeset(n, c("label"), c(""), c(""));
        agsafeset(n, c("width"), c(w), c(""));
        agsafeset(n, c("height"), c(h), c(""));
        nodes.push_back(n);
    }
    std::vector<Agedge_t*> edges;
    for (const auto& [from, to] : graph.edges)
        edges.push_back(agedge(g, nodes[from], nodes[to], nullptr, 1));
    gvLayout(gvc, g, "dot");
    for (Agnode_t* n : nodes) {
        const double w = ND_width(n) * kPointsPerInch, h = ND_height(n) * kPointsPerInch;
        out.boxes.emplace_back(ND_coord(n).x - w / 2, -ND_coord(n).y - h / 2, w, h);
    }
    for (Agedge_t* e : edges) {
        QPainterPath path;
        if (const splines* spl = ED_spl(e); spl && spl->size > 0) {
            const bezier& b = spl->list[0];
            path.moveTo(b.list[0].x, -b.list[0].y);
            for (int i = 1; i + 2 < b.size; i += 3)
                path.cubicTo(b.list[i].x, -b.list[i].y, b.list[i + 1].x, -b.list[i + 1].y,
                             b.list[i + 2].x, -b.list[i + 2].y);
            if (b.eflag) path.lineTo(b.ep.x, -b.ep.y);
        }
        out.edges.push_back(path);
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    return out;
}

}  // namespace

ModelMap::ModelMap(Document* document, QWidget* parent)
    : QGraphicsView(parent), m_document(document) {
    setObjectName(QStringLiteral("modelMap"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    connect(document, &Document::documentReset, this, &ModelMap::rebuild);
    connect(document, &Document::languageChanged, this, &ModelMap::rebuild);
    if (document->isLoaded()) rebuild();
}

void ModelMap::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    if (m_stale) rebuild();
}

void ModelMap::rebuild() {
    if (!m_document || !m_document->isLoaded()) return;
    m_stale = !isVisible();
    if (m_stale) return;
    m_graph = core::edit::modelGraph(m_document->scenario());
    scene()->clear();
    m_boxes.clear();
    m_rects.clear();
    const QFont idFont = palette::font(9, true);
    const QFont labelFont = palette::font(8);
    const QFontMetricsF idMetrics(idFont), labelMetrics(labelFont);
    constexpr double kMaxWidth = 190.0, kPad = 6.0;
    std::vector<QSizeF> sizes;
    std::vector<QString> labels;
    for (const core::edit::GraphNode& n : m_graph.nodes) {
        const QString label = labelMetrics.elidedText(labelText(n.label, m_document->language()),
                                                      Qt::ElideRight, kMaxWidth);
        labels.push_back(label);
        const double w = std::max(idMetrics.horizontalAdvance(QString::fromStdString(n.id)),
                                  labelMetrics.horizontalAdvance(label));
        sizes.emplace_back(std::min(w, kMaxWidth) + 2 * kPad,
                           idMetrics.height() + labelMetrics.height() + 2 * kPad);
    }
    const Layout layout = layOut(m_graph, sizes);
    for (const QPainterPath& path : layout.edges) {
        auto* edge = scene()->addPath(path, QPen(QColor(0x8A, 0x94, 0xA6), 1.2));
        edge->setZValue(-1);
        // An arrowhead at the end, along the last segment.
        if (path.elementCount() >= 2) {
            const QPointF tip = path.currentPosition();
            const QLineF back(tip, path.pointAtPercent(0.97));
            QLineF a = back, b = back;
            a.setLength(7), b.setLength(7);
            a.setAngle(back.angle() + 25), b.setAngle(back.angle() - 25);
            QPainterPath head(tip);
            head.lineTo(a.p2());
            head.lineTo(b.p2());
            head.closeSubpath();
            scene()->addPath(head, Qt::NoPen, QColor(0x8A, 0x94, 0xA6))->setZValue(-1);
        }
    }
    for (std::size_t i = 0; i < m_graph.nodes.size(); ++i) {
        const QRectF r = layout.boxes[i];
        auto* box =
            scene()->addRect(r, QPen(QColor(0x5B, 0x67, 0x7A), 1.0), fill(m_graph.nodes[i].kind));
        auto* id = new QGraphicsSimpleTextItem(QString::fromStdString(m_graph.nodes[i].id), box);
        id->setFont(idFont);
        id->setPos(r.left() + kPad, r.top() + kPad / 2);
        auto* label = new QGraphicsSimpleTextItem(labels[i], box);
        label->setFont(labelFont);
        label->setBrush(QColor(0x44, 0x4C, 0x5A));
        label->setPos(r.left() + kPad, r.top() + kPad / 2 + idMetrics.height());
        box->setToolTip(labelText(m_graph.nodes[i].label, m_document->language()));
        m_boxes.push_back(box);
        m_rects.push_back(r);
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    m_selected = m_graph.find(m_wantedKind, m_wantedId);
    paintRoles();
    fit();
}

void ModelMap::fit() {
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty() || viewport()->width() < 2) return;
    // The whole map when it fits at a readable size (labels stay >= ~5 pt), else scroll.
    const double k = std::clamp(
        std::min(viewport()->width() / r.width(), viewport()->height() / r.height()), 0.6, 1.0);
    setTransform(QTransform::fromScale(k, k));
}

void ModelMap::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fit();
}

void ModelMap::highlight(Kind kind, const QString& id) {
    m_wantedKind = kind;
    m_wantedId = id.toStdString();
    m_selected = m_graph.find(kind, m_wantedId);
    paintRoles();
    if (m_selected < m_rects.size()) ensureVisible(m_rects[m_selected]);
}

ModelMap::Role ModelMap::roleOf(Kind kind, const QString& id) const {
    const std::size_t n = m_graph.find(kind, id.toStdString());
    if (n >= m_graph.nodes.size() || m_selected >= m_graph.nodes.size()) return Role::Plain;
    if (n == m_selected) return Role::Selected;
    const auto in = [&](const std::vector<std::size_t>& v) {
        return std::binary_search(v.begin(), v.end(), n);
    };
    if (in(m_graph.inputsOf(m_selected))) return Role::Input;
    if (in(m_graph.dependentsOf(m_selected))) return Role::Dependent;
    return Role::Plain;
}

QRectF ModelMap::nodeRect(Kind kind, const QString& id) const {
    const std::size_t n = m_graph.find(kind, id.toStdString());
    return n < m_rects.size() ? m_rects[n] : QRectF();
}

void ModelMap::paintRoles() {
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        const core::edit::GraphNode& node = m_graph.nodes[i];
        const Role role = roleOf(node.kind, QString::fromStdString(node.id));
        auto* box = static_cast<QGraphicsRectItem*>(m_boxes[i]);
        QPen pen(QColor(0x5B, 0x67, 0x7A), 1.0);
        if (role == Role::Selected) pen = QPen(palette::kAnchor, 3.0);
        if (role == Role::Input) pen = QPen(QColor(0xE0, 0x8A, 0x00), 2.5);      // upstream: amber
        if (role == Role::Dependent) pen = QPen(QColor(0x1F, 0x6F, 0xB5), 2.5);  // downstream: blue
        box->setPen(pen);
        // Boxes outside the selection's chain fade, so the chain reads at a glance.
        box->setOpacity(m_selected < m_graph.nodes.size() && role == Role::Plain ? 0.45 : 1.0);
    }
}

void ModelMap::mousePressEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    for (std::size_t i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(at)) {
            highlight(m_graph.nodes[i].kind, QString::fromStdString(m_graph.nodes[i].id));
            emit nodeClicked(m_graph.nodes[i].kind, QString::fromStdString(m_graph.nodes[i].id));
            event->accept();
            return;
        }
    QGraphicsView::mousePressEvent(event);
}

}  // namespace jevons::app
