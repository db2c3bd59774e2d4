#include "sync/request_body.h"

#include "sync/json_fields.h"

#include <optional>
#include <string>
#include <vector>

namespace cf::sync {
namespace {

using nlohmann::json;

// Builds the DOM as nlohmann's own DOM parser does, but stops at the first value past a limit.
class BodySax {
public:
    BodySax(json& root, std::size_t max_depth) : m_root(root), m_max_depth(max_depth) {}

    std::optional<ProtocolError> error;

    bool null() { return place(json(nullptr)); }
    bool boolean(bool v) { return place(json(v)); }
    bool number_integer(std::int64_t v) { return place(json(v)); }
    bool number_unsigned(std::uint64_t v) { return place(json(v)); }
    bool number_float(double v, const std::string&) { return place(json(v)); }
    bool string(std::string& v) {
        if (v.find('\0') != std::string::npos) {
            return fail(slot_path(), "holds a NUL character (\\u0000)");
        }
        return place(json(std::move(v)));
    }
    bool binary(json::binary_t&) { return malformed(); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& top = m_stack.back();
        top.key = k;
        if (k.find('\0') != std::string::npos) {
            return fail(slot_path(), "the key holds a NUL character (\\u0000)");
        }
        if (top.value->contains(k)) {
            return fail(slot_path(), "is given twice; give each key once");
        }
        m_slot = &(*top.value)[std::move(k)];
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return malformed();
    }

private:
    struct Frame {
        json* value;
        std::string key; // an object's key read last: its open child's or the next value's
    };

    bool open(json&& value) {
        if (m_stack.size() >= m_max_depth) {
            return fail(slot_path(),
                        "is nested deeper than " + std::to_string(m_max_depth) + " levels");
        }
        json* placed = put(std::move(value));
        m_stack.push_back(Frame{placed, {}});
        return true;
    }

    bool close() {
        m_stack.pop_back();
        return true;
    }

    bool place(json&& value) {
        put(std::move(value));
        return true;
    }

    json* put(json&& value) {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        json& top = *m_stack.back().value;
        if (top.is_array()) {
            top.push_back(std::move(value));
            return &top.back();
        }
        *m_slot = std::move(value);
        return m_slot;
    }

    // The path of the value being read: each open container's key or index down to it. Only
    // made for an error, and the depth is bounded, so it is short.
    std::string slot_path() const {
        std::string path;
        for (std::size_t i = 0; i < m_stack.size(); ++i) {
            const json& c = *m_stack[i].value;
            if (c.is_array()) {
                // The open child is the last element; a value not yet placed comes after it.
                const bool child_open = i + 1 < m_stack.size();
                path += "[" + std::to_string(c.size() - (child_open ? 1 : 0)) + "]";
            } else {
                const std::string name = cut_name(m_stack[i].key);
                path += path.empty() ? name : "." + name;
            }
        }
        return path;
    }

    bool fail(std::string field, const std::string& what) {
        if (!error) {
            const std::string subject = field.empty() ? std::string("the body") : field;
            error = ProtocolError{"invalid_value", std::move(field), subject + ": " + what};
        }
        return false;
    }

    bool malformed() {
        if (!error) {
            error = ProtocolError{"malformed_json", "", "the body is not well-formed JSON"};
        }
        return false;
    }

    json& m_root;
    std::size_t m_max_depth;
    std::vector<Frame> m_stack; // the open containers, outermost first
    json* m_slot = nullptr;     // where the next value of the innermost object goes
};

} // namespace

Parsed<json> parse_request_body(std::string_view body, std::size_t max_depth) {
    if (!valid_utf8(body)) {
        return protocol_error("invalid_utf8", "", "the body is not valid UTF-8");
    }
    json root;
    BodySax sax(root, max_depth);
    const bool ok = json::sax_parse(body.begin(), body.end(), &sax);
    if (sax.error) {
        return std::unexpected(*sax.error);
    }
    if (!ok) {
        return protocol_error("malformed_json", "", "the body is not well-formed JSON");
    }
    return root;
}

} // namespace cf::sync
