#include "sync/json_fields.h"

#include "core/utf8.h"

namespace cf::sync {

using nlohmann::json;

namespace {

const char* type_name(const json& v) {
    if (v.is_string()) {
        return "a text";
    }
    if (v.is_boolean()) {
        return "true/false";
    }
    if (v.is_number_integer()) {
        return "a whole number";
    }
    if (v.is_number()) {
        return "a number with a fraction";
    }
    if (v.is_null()) {
        return "null";
    }
    if (v.is_array()) {
        return "a list";
    }
    return "an object";
}

} // namespace

JsonFields::JsonFields(const json& object, std::string path)
    : m_object(object), m_path(std::move(path)) {
    if (!m_object.is_object()) {
        m_error = ProtocolError{"wrong_type", m_path,
                                (m_path.empty() ? std::string("the body") : m_path) +
                                    " must be a JSON object, not " + type_name(m_object)};
    }
}

std::string cut_name(std::string_view key) {
    return core::cut_utf8(key, k_max_name_bytes);
}

std::string JsonFields::path_of(std::string_view key) const {
    const std::string name = cut_name(key);
    return m_path.empty() ? name : m_path + "." + name;
}

void JsonFields::fail(std::string code, const char* key, std::string message) {
    if (!m_error) {
        const std::string field = key != nullptr ? path_of(key) : m_path;
        m_error = ProtocolError{std::move(code), field, field + ": " + message};
    }
}

const json* JsonFields::find(const char* key, bool required) {
    if (m_error) {
        return nullptr;
    }
    m_seen.insert(key);
    auto it = m_object.find(key);
    if (it == m_object.end()) {
        if (required) {
            fail("missing_field", key, "is missing");
        }
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonFields::text(const char* key, std::size_t max_bytes,
                                            bool allow_empty) {
    const json* v = find(key, true);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        fail("wrong_type", key, std::string("must be a text, not ") + type_name(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.empty() && !allow_empty) {
        fail("invalid_value", key, "must not be empty");
        return std::nullopt;
    }
    if (s.size() > max_bytes) {
        fail("invalid_value", key, "is longer than " + std::to_string(max_bytes) + " bytes");
        return std::nullopt;
    }
    return s;
}

std::string JsonFields::optional_text(const char* key, std::size_t max_bytes) {
    if (m_error || !m_object.contains(key)) {
        m_seen.insert(key);
        return {};
    }
    return text(key, max_bytes, true).value_or("");
}

std::optional<std::int64_t> JsonFields::integer(const char* key, std::int64_t min,
                                                std::int64_t max) {
    const json* v = find(key, true);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        fail("wrong_type", key, std::string("must be a whole number, not ") + type_name(*v));
        return std::nullopt;
    }
    // Unsigned values above int64 are out of every range we accept.
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
        fail("invalid_value", key, "must be at most " + std::to_string(max));
        return std::nullopt;
    }
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) {
        fail("invalid_value", key,
             "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

std::optional<std::int64_t> JsonFields::optional_integer(const char* key, std::int64_t min,
                                                         std::int64_t max, std::int64_t fallback) {
    if (!m_error && !m_object.contains(key)) {
        m_seen.insert(key);
        return fallback;
    }
    return integer(key, min, max);
}

std::optional<bool> JsonFields::boolean(const char* key) {
    const json* v = find(key, true);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        fail("wrong_type", key, std::string("must be true or false, not ") + type_name(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

const json* JsonFields::object(const char* key) {
    const json* v = find(key, true);
    if (v != nullptr && !v->is_object()) {
        fail("wrong_type", key, std::string("must be an object, not ") + type_name(*v));
        return nullptr;
    }
    return v;
}

const json* JsonFields::optional_object(const char* key) {
    if (!m_error && !m_object.contains(key)) {
        m_seen.insert(key);
        return nullptr;
    }
    return object(key);
}

const json* JsonFields::array(const char* key, std::size_t max_items) {
    const json* v = find(key, true);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_array()) {
        fail("wrong_type", key, std::string("must be a list, not ") + type_name(*v));
        return nullptr;
    }
    if (v->size() > max_items) {
        fail("too_many_items", key, "holds more than " + std::to_string(max_items) + " items");
        return nullptr;
    }
    return v;
}

const json* JsonFields::optional_array(const char* key, std::size_t max_items) {
    if (!m_error && !m_object.contains(key)) {
        m_seen.insert(key);
        return nullptr;
    }
    return array(key, max_items);
}

bool JsonFields::protocol() {
    auto v = integer("protocol", 0, 1'000'000);
    if (!v) {
        return false;
    }
    if (*v != k_protocol_version) {
        fail("unsupported_protocol", "protocol",
             "version " + std::to_string(*v) + " is not supported; this side speaks version " +
                 std::to_string(k_protocol_version));
        return false;
    }
    return true;
}

Parsed<void> JsonFields::finish() {
    if (!m_error) {
        for (const auto& [key, value] : m_object.items()) {
            if (!m_seen.contains(key)) {
                m_error = ProtocolError{"unknown_field", path_of(key),
                                        path_of(key) + ": is not a field of this message"};
                break;
            }
        }
    }
    if (m_error) {
        return std::unexpected(*m_error);
    }
    return {};
}

Parsed<void> require_object(const json& value, const std::string& path) {
    if (!value.is_object()) {
        return protocol_error("wrong_type", path, path + ": must be an object");
    }
    return {};
}

Parsed<json> parse_body(std::string_view body) {
    if (!valid_utf8(body)) {
        return protocol_error("invalid_utf8", "", "the body is not valid UTF-8");
    }
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        return protocol_error("malformed_json", "", "the body is not well-formed JSON");
    }
    return j;
}

} // namespace cf::sync
