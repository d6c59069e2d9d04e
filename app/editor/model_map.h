#pragma once
// The model map (issue 14): the forecast's dependency graph, assumptions → series → charts, laid
// out left to right by Graphviz's dot and drawn in a QGraphicsView. The selected item's inputs
// and dependents are highlighted; a click selects the item (nodeClicked, which the model editor
// follows). Rebuilt from the Document on every structural edit.
#include "core/edit/model_graph.h"

#include <QGraphicsView>
#include <QPointer>

namespace jevons::app {

class Document;

class ModelMap : public QGraphicsView {
    Q_OBJECT
public:
    using Kind = core::edit::GraphNode::Kind;
    /// @brief How a box is drawn relative to the highlighted item.
    enum class Role { Plain, Selected, Input, Dependent };

    explicit ModelMap(Document* document, QWidget* parent = nullptr);

    /// @brief Highlight (kind, id), its inputs and its dependents; an unknown item clears it.
    void highlight(Kind kind, const QString& id);
    [[nodiscard]] Role roleOf(Kind kind, const QString& id) const;
    /// @brief A node's box in scene coordinates (empty when absent).
    [[nodiscard]] QRectF nodeRect(Kind kind, const QString& id) const;
    [[nodiscard]] const core::edit::ModelGraph& graph() const { return m_graph; }

signals:
    void nodeClicked(jevons::app::ModelMap::Kind kind, const QString& id);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    /// Keeps the whole map in view (never enlarged past 1:1).
    void resizeEvent(QResizeEvent* event) override;
    /// Lays out a map that went stale while hidden.
    void showEvent(QShowEvent* event) override;

private:
    /// Lays the graph out again (Graphviz: tens of ms on a large forecast), or, while the map
    /// is hidden, only notes that it is stale.
    void rebuild();
    void paintRoles();
    void fit();

    QPointer<Document> m_document;
    core::edit::ModelGraph m_graph;
    std::vector<QGraphicsItem*> m_boxes;  ///< per node
    std::vector<QRectF> m_rects;          ///< per node, scene coordinates
    std::size_t m_selected = 0;           ///< node index; m_graph.nodes.size() = none
    /// What is highlighted, by kind and id: kept across rebuilds, which may come before or
    /// after the editor's selection on a structural edit.
    Kind m_wantedKind = Kind::Assumption;
    std::string m_wantedId;
    bool m_stale = false;  ///< the document changed while the map was hidden
};

}  // namespace jevons::app
