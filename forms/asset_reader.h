#pragma once
// Reading asset JSON while collecting every problem instead of stopping at the first. Used by
// the parsers of each asset type; nlohmann exceptions never leave this module.

#include "forms/asset_error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// "fields" + "id" -> "fields.id"; "" + "id" -> "id".
std::string join_path(std::string_view base, std::string_view key);
// "fields" + 3 -> "fields[3]".
std::string index_path(std::string_view base, std::size_t index);

class AssetReader {
public:
    explicit AssetReader(std::string file) : m_file(std::move(file)) {}

    const std::string& file() const { return m_file; }
    void fail(std::string field, std::string reason);
    bool has_errors() const { return !m_errors.empty(); }
    std::vector<AssetError> take_errors() { return std::move(m_errors); }

    // Reports (and returns false) when `value` is not an object / array.
    bool expect_object(const nlohmann::json& value, const std::string& path);
    bool expect_array(const nlohmann::json& value, const std::string& path);

    // Reports every key of `object` that is not in `allowed`.
    void reject_unknown_keys(const nlohmann::json& object, const std::string& path,
                             std::initializer_list<std::string_view> allowed);

    // Member `key` of `object` (which must be an object), or nullptr; reports a missing
    // required member.
    const nlohmann::json* member(const nlohmann::json& object, const std::string& path,
                                 std::string_view key, bool required);

    // Typed members; report a wrong type, and a missing member when required.
    std::optional<std::string> string(const nlohmann::json& object, const std::string& path,
                                      std::string_view key, bool required);
    std::optional<bool> boolean(const nlohmann::json& object, const std::string& path,
                                std::string_view key, bool required);
    std::optional<std::int64_t> integer(const nlohmann::json& object, const std::string& path,
                                        std::string_view key, bool required);
    std::optional<double> number(const nlohmann::json& object, const std::string& path,
                                 std::string_view key, bool required);

private:
    std::string m_file;
    std::vector<AssetError> m_errors;
};

// Reads and parses one JSON file; reports an unreadable file or a syntax error (with line and
// column) to `reader` and returns nullopt.
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path,
                                             AssetReader& reader);

// A short description of a JSON value's type for messages: "a string", "a number", ...
std::string_view json_type_name(const nlohmann::json& value);

} // namespace cf::forms
