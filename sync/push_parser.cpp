#include "sync/push_parser.h"

#include "core/lifecycle.h"
#include "core/uuid.h"
#include "sync/json_fields.h"
#include "sync/wire_text_reader.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace cf::sync {
namespace {

using nlohmann::json;

constexpr std::int64_t k_max_int = std::numeric_limits<std::int64_t>::max();

// What a SAX value is, for "must be a text, not a list".
enum class Kind { text, boolean, integer, fraction, null, list, object };

const char* kind_name(Kind k) {
    switch (k) {
    case Kind::text:
        return "a text";
    case Kind::boolean:
        return "true/false";
    case Kind::integer:
        return "a whole number";
    case Kind::fraction:
        return "a number with a fraction";
    case Kind::null:
        return "null";
    case Kind::list:
        return "a list";
    case Kind::object:
        return "an object";
    }
    return "a value";
}

// One field of an object of the message and the value it must have.
struct Field {
    const char* name;
    enum class Type { text, integer, object, list } type;
    std::size_t max_bytes = 0; // text
    std::int64_t min = 0;      // integer
    std::int64_t max = 0;      // integer
    bool required = true;
};

constexpr Field k_root_fields[] = {
    {"protocol", Field::Type::integer, 0, 0, 1'000'000},
    {"device", Field::Type::text, 16},
    {"events", Field::Type::list},
    {"skips", Field::Type::list, 0, 0, 0, false},
};
enum RootField { r_protocol, r_device, r_events, r_skips };

constexpr Field k_event_fields[] = {
    {"id", Field::Type::text, 36},
    {"ticket_id", Field::Type::text, 36},
    {"origin_device", Field::Type::text, 16},
    {"device_seq", Field::Type::integer, 0, 1, k_max_int},
    {"hlc", Field::Type::integer, 0, 0, k_max_int},
    {"actor", Field::Type::text, 100},
    {"actor_role", Field::Type::text, 32},
    {"kind", Field::Type::text, 32},
    {"payload", Field::Type::object},
};
enum EventField { e_id, e_ticket_id, e_origin, e_seq, e_hlc, e_actor, e_role, e_kind, e_payload };

constexpr Field k_skip_fields[] = {
    {"device_seq", Field::Type::integer, 0, 1, k_max_int},
    {"event_id", Field::Type::text, 36},
    {"reason", Field::Type::text, 1000},
};
enum SkipField { s_seq, s_event_id, s_reason };

template <std::size_t N> int field_index(const Field (&fields)[N], std::string_view key) {
    for (std::size_t i = 0; i < N; ++i) {
        if (key == fields[i].name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The SAX handler. It stops at the first problem (every callback returns false from then on),
// so a malicious body costs at most one pass up to that point.
class PushSax {
public:
    explicit PushSax(PushRequest& out) : m(out) {}

    std::optional<ProtocolError> error;

    bool null() { return scalar(Kind::null, json(nullptr)); }
    bool boolean(bool v) { return scalar(Kind::boolean, json(v)); }
    bool number_integer(std::int64_t v) { return integer(v, false, json(v)); }
    bool number_unsigned(std::uint64_t v) {
        const bool big = v > static_cast<std::uint64_t>(k_max_int);
        return integer(big ? k_max_int : static_cast<std::int64_t>(v), big, json(v));
    }
    bool number_float(double v, const std::string&) { return scalar(Kind::fraction, json(v)); }
    bool string(std::string& v) {
        if (m_where == Where::payload) {
            return place(json(std::move(v)));
        }
        if (!expect_scalar(Kind::text)) {
            return false;
        }
        const Field& f = current_field();
        if (v.empty()) {
            return fail_field("invalid_value", "must not be empty");
        }
        if (v.size() > f.max_bytes) {
            return fail_field("invalid_value",
                              "is longer than " + std::to_string(f.max_bytes) + " bytes");
        }
        store_text(std::move(v));
        return true;
    }
    bool binary(json::binary_t&) { return malformed(); }

    bool start_object(std::size_t) {
        switch (m_where) {
        case Where::payload:
            return open_payload(json::object());
        case Where::top:
            m_where = Where::root;
            m_field = -1;
            return true;
        case Where::events:
            if (m.events.size() == k_max_batch_events) {
                return too_many("events");
            }
            m.events.emplace_back();
            m_role.clear();
            m_seen = 0;
            m_where = Where::event;
            m_field = -1;
            return true;
        case Where::skips:
            if (m.skips.size() == k_max_batch_events) {
                return too_many("skips");
            }
            m.skips.emplace_back();
            m_seen = 0;
            m_where = Where::skip;
            m_field = -1;
            return true;
        default:
            break;
        }
        if (current_field().type != Field::Type::object) {
            return wrong_type(Kind::object);
        }
        // The only object-valued field is an event's payload.
        m.events.back().payload = json::object();
        m_stack.assign(1, &m.events.back().payload);
        m_where = Where::payload;
        return true;
    }

    bool end_object() {
        switch (m_where) {
        case Where::payload:
            return close_payload();
        case Where::root:
            if (!finish_root()) {
                return false;
            }
            m_where = Where::done;
            return true;
        case Where::event:
            if (!finish_event()) {
                return false;
            }
            m_where = Where::events;
            return true;
        case Where::skip:
            if (!finish_skip()) {
                return false;
            }
            m_where = Where::skips;
            return true;
        default:
            return malformed();
        }
    }

    bool start_array(std::size_t) {
        switch (m_where) {
        case Where::payload:
            return open_payload(json::array());
        case Where::top:
            return fail_at("wrong_type", "", "the body must be a JSON object, not a list");
        case Where::events:
        case Where::skips:
            return element_not_object(Kind::list);
        default:
            break;
        }
        if (current_field().type != Field::Type::list) {
            return wrong_type(Kind::list);
        }
        m_where = m_field == r_events ? Where::events : Where::skips;
        return true;
    }

    bool end_array() {
        if (m_where == Where::payload) {
            return close_payload();
        }
        m_where = Where::root;
        m_field = -1;
        return true;
    }

    bool key(std::string& k) {
        if (m_where == Where::payload) {
            json& object = *m_stack.back();
            if (object.contains(k)) {
                return fail_at("invalid_value", payload_path(),
                               payload_path() + ": the key '" + cut_name(k) + "' appears twice");
            }
            m_slot = &object[std::move(k)];
            return true;
        }
        int index = -1;
        std::uint32_t* seen = &m_seen;
        switch (m_where) {
        case Where::root:
            index = field_index(k_root_fields, k);
            seen = &m_root_seen;
            break;
        case Where::event:
            index = field_index(k_event_fields, k);
            break;
        case Where::skip:
            index = field_index(k_skip_fields, k);
            break;
        default:
            return malformed();
        }
        if (index < 0) {
            return fail_at("unknown_field", path_of(k),
                           path_of(k) + ": is not a field of this message");
        }
        if ((*seen & (1u << index)) != 0) {
            return fail_at("invalid_value", path_of(k), path_of(k) + ": appears twice");
        }
        *seen |= 1u << index;
        m_field = index;
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return malformed();
    }

private:
    enum class Where { top, root, events, event, skips, skip, payload, done };

    bool scalar(Kind kind, json&& value) {
        if (m_where == Where::payload) {
            return place(std::move(value));
        }
        if (expect_scalar(kind)) {
            return malformed(); // no field of the message takes this type
        }
        return false;
    }

    bool integer(std::int64_t v, bool too_big, json&& value) {
        if (m_where == Where::payload) {
            return place(std::move(value));
        }
        if (!expect_scalar(Kind::integer)) {
            return false;
        }
        const Field& f = current_field();
        if (too_big) {
            return fail_field("invalid_value", "must be at most " + std::to_string(f.max));
        }
        if (v < f.min || v > f.max) {
            return fail_field("invalid_value", "must be between " + std::to_string(f.min) +
                                                   " and " + std::to_string(f.max));
        }
        if (m_where == Where::root) {
            // The only integer of the body is the protocol version.
            if (v != k_protocol_version) {
                return fail_field("unsupported_protocol",
                                  "version " + std::to_string(v) +
                                      " is not supported; this side speaks version " +
                                      std::to_string(k_protocol_version));
            }
            return true;
        }
        if (m_where == Where::event) {
            if (m_field == e_seq) {
                m.events.back().device_seq = v;
            } else {
                m.events.back().hlc = static_cast<core::Hlc>(v);
            }
            return true;
        }
        m.skips.back().device_seq = v;
        return true;
    }

    // A scalar where a field of the message (or an element of a list) is: checks its type.
    bool expect_scalar(Kind kind) {
        switch (m_where) {
        case Where::top:
            return fail_at("wrong_type", "",
                           std::string("the body must be a JSON object, not ") + kind_name(kind));
        case Where::events:
        case Where::skips:
            return element_not_object(kind);
        case Where::root:
        case Where::event:
        case Where::skip:
            break;
        default:
            return malformed();
        }
        const Field& f = current_field();
        const bool fits = (f.type == Field::Type::text && kind == Kind::text) ||
                          (f.type == Field::Type::integer && kind == Kind::integer);
        return fits || wrong_type(kind);
    }

    void store_text(std::string&& v) {
        if (m_where == Where::root) {
            m.device = std::move(v);
            return;
        }
        if (m_where == Where::skip) {
            (m_field == s_event_id ? m.skips.back().event_id : m.skips.back().reason) =
                std::move(v);
            return;
        }
        WireEvent& e = m.events.back();
        switch (m_field) {
        case e_id:
            e.id = std::move(v);
            break;
        case e_ticket_id:
            e.ticket_id = std::move(v);
            break;
        case e_origin:
            e.origin_device = std::move(v);
            break;
        case e_actor:
            e.actor = std::move(v);
            break;
        case e_role:
            m_role = std::move(v);
            break;
        default:
            e.kind = std::move(v);
            break;
        }
    }

    bool open_payload(json&& value) {
        if (m_stack.size() >= k_max_payload_depth) {
            return fail_at("invalid_value", payload_path(),
                           payload_path() + ": is nested deeper than " +
                               std::to_string(k_max_payload_depth) + " levels");
        }
        json* placed = put(std::move(value));
        m_stack.push_back(placed);
        return true;
    }

    bool close_payload() {
        m_stack.pop_back();
        if (m_stack.empty()) {
            m_where = Where::event;
            m_field = -1;
        }
        return true;
    }

    bool place(json&& value) {
        put(std::move(value));
        return true;
    }

    // Puts a value into the open payload container: appended to a list, or at the key just
    // read of an object.
    json* put(json&& value) {
        json& top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(value));
            return &top.back();
        }
        *m_slot = std::move(value);
        return m_slot;
    }

    bool finish_root() {
        for (int i : {r_protocol, r_device, r_events}) {
            if ((m_root_seen & (1u << i)) == 0) {
                return missing(k_root_fields[i].name);
            }
        }
        if (!valid_device_id(m.device)) {
            return fail_at("invalid_value", "device",
                           "device: '" + m.device + "' is not a device id like SZ01/K1");
        }
        return true;
    }

    bool finish_event() {
        for (std::size_t i = 0; i < std::size(k_event_fields); ++i) {
            if ((m_seen & (1u << i)) == 0) {
                return missing(k_event_fields[i].name);
            }
        }
        WireEvent& e = m.events.back();
        auto bad = [&](const char* code, const char* key, const std::string& message) {
            return fail_at(code, path_of(key), path_of(key) + ": " + message);
        };
        if (!core::valid_uuid(e.id)) {
            return bad("invalid_value", "id", "'" + e.id + "' is not a UUID");
        }
        if (!core::valid_uuid(e.ticket_id)) {
            return bad("invalid_value", "ticket_id", "'" + e.ticket_id + "' is not a UUID");
        }
        if (!valid_device_id(e.origin_device)) {
            return bad("invalid_value", "origin_device",
                       "'" + e.origin_device + "' is not a device id like SZ01/K1");
        }
        const auto role = core::parse_role(m_role);
        if (!role) {
            return bad("unknown_role", "actor_role", "'" + m_role + "' is not a known role");
        }
        e.actor_role = *role;
        if (e.kind != core::k_create_kind && !core::parse_step(e.kind)) {
            return bad("unknown_kind", "kind", "'" + e.kind + "' is not a known event kind");
        }
        if (e.kind == core::k_create_kind) {
            if (auto r = check_create_payload(e.payload, path_of("payload")); !r) {
                error = r.error();
                return false;
            }
        }
        return true;
    }

    bool finish_skip() {
        for (std::size_t i = 0; i < std::size(k_skip_fields); ++i) {
            if ((m_seen & (1u << i)) == 0) {
                return missing(k_skip_fields[i].name);
            }
        }
        return true;
    }

    const Field& current_field() const {
        switch (m_where) {
        case Where::root:
            return k_root_fields[m_field];
        case Where::event:
            return k_event_fields[m_field];
        default:
            return k_skip_fields[m_field];
        }
    }

    // The path of the object being read ("", "events[3]", "skips[0]").
    std::string object_path() const {
        switch (m_where) {
        case Where::event:
        case Where::payload:
            return "events[" + std::to_string(m.events.size() - 1) + "]";
        case Where::skip:
            return "skips[" + std::to_string(m.skips.size() - 1) + "]";
        default:
            return "";
        }
    }

    std::string path_of(std::string_view key) const {
        const std::string base = object_path();
        const std::string name = cut_name(key);
        return base.empty() ? name : base + "." + name;
    }

    std::string payload_path() const { return path_of("payload"); }

    bool fail_at(const char* code, std::string field, std::string message) {
        error = ProtocolError{code, std::move(field), std::move(message)};
        return false;
    }

    bool fail_field(const char* code, const std::string& message) {
        const std::string field = path_of(current_field().name);
        return fail_at(code, field, field + ": " + message);
    }

    bool wrong_type(Kind kind) {
        const char* want = "a text";
        switch (current_field().type) {
        case Field::Type::text:
            want = "a text";
            break;
        case Field::Type::integer:
            want = "a whole number";
            break;
        case Field::Type::object:
            want = "an object";
            break;
        case Field::Type::list:
            want = "a list";
            break;
        }
        return fail_field("wrong_type",
                          std::string("must be ") + want + ", not " + kind_name(kind));
    }

    bool element_not_object(Kind kind) {
        const bool events = m_where == Where::events;
        const std::string path = events ? "events[" + std::to_string(m.events.size()) + "]"
                                        : "skips[" + std::to_string(m.skips.size()) + "]";
        return fail_at("wrong_type", path,
                       path + " must be a JSON object, not " + std::string(kind_name(kind)));
    }

    bool missing(const char* key) {
        return fail_at("missing_field", path_of(key), path_of(key) + ": is missing");
    }

    bool too_many(const char* key) {
        return fail_at("too_many_items", key,
                       std::string(key) + ": holds more than " +
                           std::to_string(k_max_batch_events) + " items");
    }

    bool malformed() {
        if (!error) {
            error = ProtocolError{"malformed_json", "", "the body is not well-formed JSON"};
        }
        return false;
    }

    PushRequest& m;
    Where m_where = Where::top;
    int m_field = -1;              // the field whose value comes next
    std::uint32_t m_root_seen = 0; // bit i: k_root_fields[i] was read
    std::uint32_t m_seen = 0;      // the same for the event or skip being read
    std::string m_role;            // the event's actor_role, checked when the event is complete
    std::vector<json*> m_stack;    // the payload's open containers
    json* m_slot = nullptr;        // where the next value of a payload object goes
};

} // namespace

Parsed<PushRequest> parse_push_body(std::string_view body) {
    // Nearly every body takes the fast path; the SAX reader below decides about the rest. A
    // body the fast path takes is valid UTF-8: it checks every string, and takes nothing but
    // ASCII outside them.
    if (auto fast = read_push_text(body)) {
        if (auto r = check_push_batch(*fast); !r) {
            return std::unexpected(r.error());
        }
        return std::move(*fast);
    }
    if (!valid_utf8(body)) {
        return protocol_error("invalid_utf8", "", "the body is not valid UTF-8");
    }
    PushRequest m;
    PushSax sax(m);
    const bool ok = json::sax_parse(body.begin(), body.end(), &sax);
    if (sax.error) {
        return std::unexpected(*sax.error);
    }
    if (!ok) {
        return protocol_error("malformed_json", "", "the body is not well-formed JSON");
    }
    if (auto r = check_push_batch(m); !r) {
        return std::unexpected(r.error());
    }
    return m;
}

} // namespace cf::sync
