#include "core/scenario/json_locator.h"

#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

namespace jevons::core {
namespace {

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at text[i], or 0 when ill-formed (RFC 3629 table).
std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) lo = 0xA0;  // no overlong forms
        if (lead == 0xED) hi = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) lo = 0x90;  // no overlong forms
        if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(1) < lo || byte(1) > hi) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!isContinuation(byte(k))) return 0;
    return length;
}

void appendUtf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::string childPath(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

/// Byte cursor over the text that keeps the line and column of the current byte.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_i = 3;  // a byte-order mark is not content
    }
    [[nodiscard]] bool atEnd() const { return m_i >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text[m_i]; }
    [[nodiscard]] TextPosition position() const { return m_pos; }
    [[nodiscard]] std::size_t offset() const { return m_i; }

    void advance() {
        if (atEnd()) return;
        const char c = m_text[m_i++];
        if (c == '\n') {
            ++m_pos.line;
            m_pos.column = 1;
        } else if (!isContinuation(static_cast<unsigned char>(c))) {
            ++m_pos.column;
        } else if (m_i >= 2 && static_cast<unsigned char>(m_text[m_i - 2]) < 0x80) {
            ++m_pos.column;  // a stray continuation byte after ASCII counts as a character
        }
    }
    void skipWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            advance();
    }
    /// Read a string starting at its opening quote; false on malformed text.
    bool readString(std::string& out) {
        if (peek() != '"') return false;
        advance();
        while (!atEnd()) {
            const char c = peek();
            advance();
            if (c == '"') return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            const char e = peek();
            advance();
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned code = 0;
                    if (!readHex4(code)) return false;
                    if (code >= 0xD800 && code <= 0xDBFF && peek() == '\\') {
                        advance();
                        unsigned low = 0;
                        if (peek() != 'u') return false;
                        advance();
                        if (!readHex4(low)) return false;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, code);
                    break;
                }
                default:
                    return false;
            }
        }
        return false;
    }
    /// Skip a number or a literal (true, false, null); false if nothing was there.
    bool skipScalar() {
        const std::size_t start = m_i;
        while (!atEnd()) {
            const char c = peek();
            const bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' ||
                              c == '+' || c == '.' || c == 'E';
            if (!part) break;
            advance();
        }
        return m_i > start;
    }

private:
    bool readHex4(unsigned& code) {
        for (int k = 0; k < 4; ++k) {
            const char h = peek();
            unsigned digit = 0;
            if (h >= '0' && h <= '9') {
                digit = static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                digit = static_cast<unsigned>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                digit = static_cast<unsigned>(h - 'A' + 10);
            } else {
                return false;
            }
            code = code * 16 + digit;
            advance();
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_i = 0;
    TextPosition m_pos;
};

}  // namespace

TextPosition positionAt(std::string_view text, std::size_t offset) {
    Cursor cursor(text);
    while (!cursor.atEnd() && cursor.offset() < offset) cursor.advance();
    return cursor.position();
}

std::size_t firstInvalidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::size_t firstOverflowingNumber(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {  // skip a string, escapes included
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            ++i;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = i;
            while (i < text.size() &&
                   (text[i] == '-' || text[i] == '+' || text[i] == '.' || text[i] == 'e' ||
                    text[i] == 'E' || (text[i] >= '0' && text[i] <= '9')))
                ++i;
            const std::string literal(text.substr(start, i - start));
            if (std::isinf(std::strtod(literal.c_str(), nullptr))) return start;
            continue;
        }
        ++i;
    }
    return std::string_view::npos;
}

std::size_t firstTooDeep(std::string_view text, std::size_t maxDepth) {
    std::size_t depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {  // skip a string, escapes included
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

JsonLocator::JsonLocator(std::string_view text, bool positions) { read(text, positions, nullptr); }

JsonLocator::JsonLocator(std::string_view text, std::string_view path) { read(text, true, &path); }

void JsonLocator::read(std::string_view text, bool positions, const std::string_view* only) {
    // Whether `p` is `*only` or encloses it ("a.b" encloses "a.b.c" and "a.b[0]", not "a.bc").
    const auto wanted = [only](const std::string& p) {
        if (!only) return true;
        if (p.empty()) return true;
        if (only->substr(0, p.size()) != p) return false;
        return only->size() == p.size() || (*only)[p.size()] == '.' || (*only)[p.size()] == '[';
    };
    // An explicit stack rather than recursion: a deeply nested text cannot overflow the C++ stack.
    struct Frame {
        bool object = false;
        std::string path;
        std::size_t count = 0;
        std::set<std::string> keys;
    };
    std::vector<Frame> stack;
    Cursor in(text);
    std::string valuePath;  // path of the value expected next

    // Read `"key" :` of the innermost object and set valuePath; false on malformed text.
    const auto readKey = [&]() {
        in.skipWhitespace();
        const TextPosition keyAt = in.position();
        std::string key;
        if (!in.readString(key)) return false;
        Frame& frame = stack.back();
        valuePath = childPath(frame.path, key);
        if (!frame.keys.insert(key).second) m_duplicates.push_back({valuePath, keyAt});
        in.skipWhitespace();
        if (in.peek() != ':') return false;
        in.advance();
        return true;
    };

    in.skipWhitespace();
    m_start = in.position();
    bool expectValue = true;
    while (true) {
        in.skipWhitespace();
        if (in.atEnd()) break;
        if (expectValue) {
            if (positions && wanted(valuePath)) {
                m_positions.emplace(valuePath, in.position());
                if (only && valuePath == *only) break;  // found: nothing after it is needed
            }
            m_lastPath = valuePath;
            const char c = in.peek();
            if (c == '{' || c == '[') {
                if (stack.size() >= kMaxDepth) break;
                in.advance();
                stack.push_back({c == '{', valuePath, 0, {}});
                in.skipWhitespace();
                if (in.peek() == (c == '{' ? '}' : ']')) {
                    in.advance();
                    stack.pop_back();
                    m_lastPath = stack.empty() ? std::string() : stack.back().path;
                    expectValue = false;
                } else if (c == '{') {
                    if (!readKey()) break;
                } else {
                    valuePath = stack.back().path + "[0]";
                }
                continue;
            }
            std::string ignored;
            if (c == '"' ? !in.readString(ignored) : !in.skipScalar()) break;
            // A number cut off by the end of the text may be incomplete: the text ends inside it.
            if (c == '"' || !in.atEnd())
                m_lastPath = stack.empty() ? std::string() : stack.back().path;
            expectValue = false;
            continue;
        }
        if (stack.empty()) break;  // trailing content after the document
        Frame& frame = stack.back();
        const char c = in.peek();
        if (c == ',') {
            in.advance();
            ++frame.count;
            if (frame.object) {
                if (!readKey()) break;
            } else {
                valuePath = frame.path + "[" + std::to_string(frame.count) + "]";
            }
            expectValue = true;
        } else if (c == (frame.object ? '}' : ']')) {
            in.advance();
            stack.pop_back();
            m_lastPath = stack.empty() ? std::string() : stack.back().path;
        } else {
            break;
        }
    }
}

bool JsonLocator::contains(std::string_view path) const {
    return m_positions.count(std::string(path)) > 0;
}

TextPosition JsonLocator::locate(std::string_view path) const {
    std::string p(path);
    while (true) {
        const auto it = m_positions.find(p);
        if (it != m_positions.end()) return it->second;
        if (p.empty()) return m_start;
        // Drop the last component: "[i]" or ".key" (or the only key at the root).
        if (p.back() == ']') {
            const auto open = p.rfind('[');
            p.erase(open == std::string::npos ? 0 : open);
        } else {
            const auto dot = p.rfind('.');
            p.erase(dot == std::string::npos ? 0 : dot);
        }
    }
}

}  // namespace jevons::core
