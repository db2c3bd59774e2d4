#pragma once
// Helpers shared by the ime tests: an engine deployed into a temporary directory, and typing.

#include "ime/input_engine.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace cf::test {

// Opens an engine on options; fails the test with librime's message when it does not open.
inline std::unique_ptr<ime::InputEngine> open_engine(const ime::EngineOptions& options) {
    auto engine = ime::InputEngine::open(options);
    if (!engine) {
        FAIL("the input engine did not open: " << engine.error().message);
    }
    return std::move(*engine);
}

// An engine deployed into a fresh temporary data directory, as on a kiosk's first start.
struct DeployedEngine {
    TempDir dir;
    std::filesystem::path data_dir = dir / "rime";
    std::unique_ptr<ime::InputEngine> engine = open_engine({.data_dir = data_dir});

    ime::PinyinSession session(ime::Script script, int page_size = 8) {
        auto s = engine->start_session(script, page_size);
        if (!s) {
            FAIL("no session: " << s.error().message);
        }
        return std::move(*s);
    }
};

inline void type_letters(ime::PinyinSession& session, std::string_view letters) {
    for (char c : letters) {
        REQUIRE(session.type(c));
    }
}

} // namespace cf::test
