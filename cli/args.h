#pragma once
// A small command-line parser: positional words and --flags with or without a value.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cf::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--data" -> "DIR"
    std::set<std::string> flags;                // "--json"

    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const { return flags.contains(name); }
};

// Splits args. `valued` names the options that take a value. Fails with a message naming the
// option when a value is missing or an option is unknown.
struct ParseResult {
    Args args;
    std::string error;
};
ParseResult parse_args(const std::vector<std::string>& raw, const std::set<std::string>& valued,
                       const std::set<std::string>& flags);

} // namespace cf::cli
