#include "cli/args.h"

namespace cf::cli {

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) {
        return std::nullopt;
    }
    return it->second;
}

ParseResult parse_args(const std::vector<std::string>& raw, const std::set<std::string>& valued,
                       const std::set<std::string>& flags) {
    ParseResult r;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string& word = raw[i];
        if (word.size() > 2 && word.starts_with("--")) {
            std::string name = word;
            std::string value;
            bool has_value = false;
            if (auto eq = word.find('='); eq != std::string::npos) {
                name = word.substr(0, eq);
                value = word.substr(eq + 1);
                has_value = true;
            }
            if (valued.contains(name)) {
                if (!has_value) {
                    if (i + 1 >= raw.size()) {
                        r.error = "option " + name + " needs a value";
                        return r;
                    }
                    value = raw[++i];
                }
                r.args.options[name] = value;
            } else if (flags.contains(name) && !has_value) {
                r.args.flags.insert(name);
            } else {
                r.error = "unknown option " + name;
                return r;
            }
        } else {
            r.args.positional.push_back(word);
        }
    }
    return r;
}

} // namespace cf::cli
