#include "forms/asset_reader.h"

#include <fstream>
#include <iterator>

namespace cf::forms {

std::string join_path(std::string_view base, std::string_view key) {
    if (base.empty()) {
        return std::string(key);
    }
    std::string out(base);
    out += '.';
    out += key;
    return out;
}

std::string index_path(std::string_view base, std::size_t index) {
    std::string out(base);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string_view json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "a list";
    case nlohmann::json::value_t::string:
        return "text";
    case nlohmann::json::value_t::boolean:
        return "true/false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "a number";
    default:
        return "an unsupported value";
    }
}

void AssetReader::fail(std::string field, std::string reason) {
    m_errors.push_back(AssetError{m_file, std::move(field), std::move(reason)});
}

bool AssetReader::expect_object(const nlohmann::json& value, const std::string& path) {
    if (value.is_object()) {
        return true;
    }
    fail(path, "must be an object, not " + std::string(json_type_name(value)));
    return false;
}

bool AssetReader::expect_array(const nlohmann::json& value, const std::string& path) {
    if (value.is_array()) {
        return true;
    }
    fail(path, "must be a list, not " + std::string(json_type_name(value)));
    return false;
}

void AssetReader::reject_unknown_keys(const nlohmann::json& object, const std::string& path,
                                      std::initializer_list<std::string_view> allowed) {
    if (!object.is_object()) {
        return;
    }
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const std::string_view a : allowed) {
            known = known || a == key;
        }
        if (!known) {
            fail(join_path(path, key), "unknown key (a typing mistake?)");
        }
    }
}

const nlohmann::json* AssetReader::member(const nlohmann::json& object, const std::string& path,
                                          std::string_view key, bool required) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            fail(join_path(path, key), "is missing");
        }
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> AssetReader::string(const nlohmann::json& object,
                                               const std::string& path, std::string_view key,
                                               bool required) {
    const nlohmann::json* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        fail(join_path(path, key), "must be text, not " + std::string(json_type_name(*value)));
        return std::nullopt;
    }
    std::string text = value->get<std::string>();
    if (required && text.empty()) {
        fail(join_path(path, key), "must not be empty");
        return std::nullopt;
    }
    return text;
}

std::optional<bool> AssetReader::boolean(const nlohmann::json& object, const std::string& path,
                                         std::string_view key, bool required) {
    const nlohmann::json* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        fail(join_path(path, key),
             "must be true or false, not " + std::string(json_type_name(*value)));
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<std::int64_t> AssetReader::integer(const nlohmann::json& object,
                                                 const std::string& path, std::string_view key,
                                                 bool required) {
    const nlohmann::json* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_number_unsigned()) {
        const auto u = value->get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(INT64_MAX)) {
            return static_cast<std::int64_t>(u);
        }
    } else if (value->is_number_integer()) {
        return value->get<std::int64_t>();
    }
    fail(join_path(path, key), "must be a whole number");
    return std::nullopt;
}

std::optional<double> AssetReader::number(const nlohmann::json& object, const std::string& path,
                                          std::string_view key, bool required) {
    const nlohmann::json* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        fail(join_path(path, key), "must be a number, not " + std::string(json_type_name(*value)));
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path,
                                             AssetReader& reader) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        reader.fail("", "cannot be read (missing or not readable)");
        return std::nullopt;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // what() is "[json.exception.parse_error.101] parse error at line 4, column 1: ...";
        // the bracketed id means nothing to whoever edits the file.
        std::string_view what = e.what();
        if (const std::size_t close = what.find("] "); close != std::string_view::npos) {
            what.remove_prefix(close + 2);
        }
        reader.fail("", "is not valid JSON: " + std::string(what));
    } catch (const nlohmann::json::exception& e) {
        reader.fail("", std::string("is not valid JSON: ") + e.what());
    }
    return std::nullopt;
}

} // namespace cf::forms
