#include "core/formula/parser.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/formula/formula_error.h"
#include "core/formula/lexer.h"

namespace jevons::core::formula {
namespace {

constexpr const char* kKnownFunctions = "min, max, lag, cumsum, growth";
constexpr double kMaxLag = 1000.0;  // far beyond any scenario; keeps the count an int
constexpr int kMaxDepth = 200;      // nesting limit, so hostile text cannot overflow the stack
// Tree height limit: evaluation and destruction recurse once per level, and a chain of binary
// operators (a + a + … + a) builds one level per operator however flat it reads.
constexpr int kMaxHeight = 2500;

std::string at(int column) { return " at column " + std::to_string(column); }

/// Parser state over the token list (which always ends with End).
class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    ParsedFormula run() {
        if (peek().kind == TokenKind::End) {
            throw FormulaError("empty formula" + at(1), 1);  // even if it has spaces
        }
        Node root = sum();
        if (peek().kind != TokenKind::End) unexpected(peek());
        return ParsedFormula{std::move(root), std::move(references_)};
    }

private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_++]; }
    bool accept(TokenKind kind) {
        if (peek().kind != kind) return false;
        ++pos_;
        return true;
    }

    [[noreturn]] static void unexpected(const Token& token) {
        throw FormulaError("unexpected " + describe(token) + at(token.column), token.column);
    }

    Node binary(NodeKind kind, int column, Node lhs, Node rhs) const {
        Node node{.kind = kind, .column = column};
        node.args.push_back(std::move(lhs));
        node.args.push_back(std::move(rhs));
        return grown(std::move(node));
    }

    /// `node` with its height set from its operands; refused over kMaxHeight levels.
    Node grown(Node node) const {
        for (const Node& a : node.args) node.height = std::max(node.height, a.height + 1);
        if (node.height > kMaxHeight)
            throw FormulaError("formula is too deep to evaluate: over " +
                                   std::to_string(kMaxHeight) + " operators chained" +
                                   at(node.column) + "; split it across series",
                               node.column);
        return node;
    }

    Node sum() {
        Node lhs = product();
        while (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) {
            const Token& op = take();
            const NodeKind kind = op.kind == TokenKind::Plus ? NodeKind::Add : NodeKind::Subtract;
            lhs = binary(kind, op.column, std::move(lhs), product());
        }
        return lhs;
    }

    Node product() {
        Node lhs = unary();
        while (peek().kind == TokenKind::Star || peek().kind == TokenKind::Slash) {
            const Token& op = take();
            const NodeKind kind =
                op.kind == TokenKind::Star ? NodeKind::Multiply : NodeKind::Divide;
            lhs = binary(kind, op.column, std::move(lhs), unary());
        }
        return lhs;
    }

    Node unary() {
        // Every nesting (parentheses, arguments, unary minus, exponents) passes through here.
        if (depth_ >= kMaxDepth) {
            throw FormulaError("formula nests too deeply" + at(peek().column), peek().column);
        }
        ++depth_;
        Node node = unaryBody();
        --depth_;
        return node;
    }

    Node unaryBody() {
        if (peek().kind == TokenKind::Minus) {
            Node node{.kind = NodeKind::Negate, .column = take().column};
            node.args.push_back(unary());
            return grown(std::move(node));
        }
        return power();
    }

    Node power() {
        Node base = primary();
        if (peek().kind != TokenKind::Caret) return base;
        const int column = take().column;
        return binary(NodeKind::Power, column, std::move(base), unary());
    }

    Node primary() {
        const Token& token = take();
        switch (token.kind) {
            case TokenKind::Number:
                return Node{.kind = NodeKind::Number,
                            .column = token.column,
                            .constant = Grid::Constant(1, 1, token.number)};
            case TokenKind::Name:
                if (peek().kind == TokenKind::LeftParen) return call(token);
                return Node{.kind = NodeKind::Reference,
                            .column = token.column,
                            .reference = referenceIndex(token.text)};
            case TokenKind::LeftParen: {
                Node inner = sum();
                closeParen(token);
                return inner;
            }
            default:
                unexpected(token);
        }
    }

    /// Consumes the ')' matching `open`; an End in its place means the '(' is never closed.
    void closeParen(const Token& open) {
        if (accept(TokenKind::RightParen)) return;
        if (peek().kind == TokenKind::End) {
            throw FormulaError("unbalanced parentheses: '('" + at(open.column) + " is never closed",
                               open.column);
        }
        unexpected(peek());
    }

    std::size_t referenceIndex(const std::string& name) {
        const auto [it, fresh] = referenceIndices_.emplace(name, references_.size());
        if (fresh) references_.push_back(name);
        return it->second;
    }

    Node call(const Token& name) {
        Node node{.column = name.column};
        if (name.text == "min") {
            node.kind = NodeKind::Min;
        } else if (name.text == "max") {
            node.kind = NodeKind::Max;
        } else if (name.text == "lag") {
            node.kind = NodeKind::Lag;
        } else if (name.text == "cumsum") {
            node.kind = NodeKind::CumSum;
        } else if (name.text == "growth") {
            node.kind = NodeKind::Growth;
        } else {
            throw FormulaError("unknown function '" + name.text + "'" + at(name.column) +
                                   "; known: " + kKnownFunctions,
                               name.column);
        }
        const Token& open = take();  // '(' (checked by the caller)
        std::size_t count = 0;
        if (peek().kind != TokenKind::RightParen) {
            do {
                if (node.kind == NodeKind::Lag && count == 1) {
                    node.lag = lagCount();  // a literal, not a subtree
                } else {
                    node.args.push_back(sum());
                }
                ++count;
            } while (accept(TokenKind::Comma));
        }
        closeParen(open);
        checkArity(name, count);
        return grown(std::move(node));
    }

    /// The second argument of lag: a whole-number literal >= 0.
    int lagCount() {
        const Token& token = peek();
        const bool whole = token.kind == TokenKind::Number && token.number >= 0.0 &&
                           token.number <= kMaxLag && std::floor(token.number) == token.number;
        if (!whole) {
            throw FormulaError(
                "lag needs a whole number of years from 0 to 1000 as its second argument, "
                "e.g. lag(x, 1); got " +
                    describe(token) + at(token.column),
                token.column);
        }
        ++pos_;
        return static_cast<int>(token.number);
    }

    static void checkArity(const Token& name, std::size_t count) {
        const bool nary = name.text == "min" || name.text == "max";
        const std::size_t expected = name.text == "lag" ? 2 : 1;
        if (nary ? count >= 2 : count == expected) return;
        std::string wanted;
        if (nary) {
            wanted = "at least 2 arguments";
        } else if (expected == 2) {
            wanted = "2 arguments (x, n)";
        } else {
            wanted = "1 argument";
        }
        throw FormulaError(
            name.text + " takes " + wanted + ", got " + std::to_string(count) + at(name.column),
            name.column);
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    std::vector<std::string> references_;
    std::unordered_map<std::string, std::size_t> referenceIndices_;  ///< name -> its index
};

}  // namespace

ParsedFormula parse(std::string_view text) { return Parser(tokenize(text)).run(); }

}  // namespace jevons::core::formula
