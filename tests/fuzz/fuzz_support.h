#pragma once
// What every harness of tests/fuzz shares: the input as text, and the check that stops the run
// (abort, so libFuzzer keeps the input as a crash) when an invariant does not hold.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace cf::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(const char* file, int line, const char* what,
                              const std::string& detail) {
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n%s\n", file, line, what,
                 detail.substr(0, 2000).c_str());
    std::abort();
}

// A value's text for messages and comparisons: nlohmann's dump, invalid UTF-8 replaced.
inline std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The number of containers nested in j, j itself counting as one.
inline std::size_t depth(const nlohmann::json& j) {
    std::size_t deepest = 0;
    if (j.is_structured()) {
        for (const auto& child : j) {
            const std::size_t d = depth(child);
            deepest = d > deepest ? d : deepest;
        }
        return deepest + 1;
    }
    return 0;
}

} // namespace cf::fuzz

// Stops the run with the condition's text and a detail when cond is false.
#define FUZZ_CHECK(cond, detail)                                                                   \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            ::cf::fuzz::fail(__FILE__, __LINE__, #cond, (detail));                                 \
        }                                                                                          \
    } while (false)
