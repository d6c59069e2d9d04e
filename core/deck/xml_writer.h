#pragma once
// A small streaming XML writer: every part of a deck is written through it, so every attribute
// and text is escaped, every number is locale-independent, and elements always nest.
#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace jevons::core::deck {

/// @brief Escape `text` for XML 1.0 content or attribute values: & < > " ' become entities,
/// tab/newline/carriage return become character references (so attributes keep them), and
/// characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF, invalid UTF-8) are dropped.
[[nodiscard]] std::string escapeXml(std::string_view text);

/// @brief Usage: `XmlWriter w; w.declaration(); w.start("a").attr("x", 1).text("t").end();`
/// An element with no content ends as `<a/>`. Misuse (attribute after content, unbalanced end,
/// finishing with open elements) throws std::logic_error: it is a bug in the writer's caller.
class XmlWriter {
public:
    /// @brief `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a newline.
    XmlWriter& declaration();
    XmlWriter& start(std::string_view name);
    XmlWriter& attr(std::string_view name, std::string_view value);
    XmlWriter& attr(std::string_view name, const char* value) {
        return attr(name, std::string_view(value));
    }
    XmlWriter& attr(std::string_view name, const std::string& value) {
        return attr(name, std::string_view(value));
    }
    /// @brief Shortest round-trip text ("42.9"); throws std::domain_error for NaN/inf.
    XmlWriter& attr(std::string_view name, double value);
    XmlWriter& attr(std::string_view name, std::integral auto value) {
        return rawAttr(name, std::to_string(value));
    }
    XmlWriter& text(std::string_view value);
    /// @brief Shortest round-trip text; throws std::domain_error for NaN/inf.
    XmlWriter& number(double value);
    XmlWriter& end();

    /// @brief `<name val="value"/>`, the common shape of chart properties.
    template <typename T>
    XmlWriter& val(std::string_view name, const T& value) {
        return start(name).attr("val", value).end();
    }
    /// @brief `<name>text</name>`.
    XmlWriter& element(std::string_view name, std::string_view value) {
        return start(name).text(value).end();
    }
    /// @brief `<name/>`.
    XmlWriter& empty(std::string_view name) { return start(name).end(); }

    [[nodiscard]] std::size_t depth() const { return m_open.size(); }
    /// @brief The document; throws std::logic_error if an element is still open.
    [[nodiscard]] std::string finish();

private:
    XmlWriter& rawAttr(std::string_view name, std::string_view escaped);
    void closeStartTag();

    std::string m_out;
    std::vector<std::string> m_open;
    bool m_inStartTag = false;
};

}  // namespace jevons::core::deck
