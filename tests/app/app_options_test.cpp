// The app's command line: console mode needs a center address, a terminal mode refuses one,
// and every bad value is named.
#include "app/app_options.h"

#include <doctest/doctest.h>

using cf::app::Mode;
using cf::app::parse_app_options;

namespace {

auto parse(std::vector<std::string> args) {
    return parse_app_options(args, "/assets");
}

} // namespace

TEST_CASE("console mode takes the center's address, certificate and pin") {
    auto o = parse({"--data", "d", "--mode", "console", "--center", "https://center:8443",
                    "--center-ca", "ca.pem", "--center-pin", "sha256//abc="});
    REQUIRE(o);
    CHECK(o->mode == Mode::console);
    CHECK(o->center_url == "https://center:8443");
    CHECK(o->center_ca_file == "ca.pem");
    CHECK(o->center_pinned_key == "sha256//abc=");
    CHECK(o->idle_sign_out == 15 * cf::core::k_minute); // the console's own default

    auto counter = parse({"--data", "d", "--mode", "counter"});
    REQUIRE(counter);
    CHECK(counter->idle_sign_out == 10 * cf::core::k_minute);

    auto given = parse({"--data", "d", "--mode", "console", "--center", "http://127.0.0.1:1",
                        "--idle-sign-out", "30"});
    REQUIRE(given);
    CHECK(given->idle_sign_out == 30 * cf::core::k_minute);

    // The screenshot tour starts its own sample center.
    CHECK(parse({"--data", "d", "--mode", "console", "--screenshots", "out"}));
}

TEST_CASE("bad console options are refused with the option named") {
    struct Case {
        std::vector<std::string> args;
        std::string names;
    };
    const Case cases[] = {
        {{"--data", "d", "--mode", "console"}, "--center"},
        {{"--data", "d", "--mode", "console", "--center", "center:8443"}, "--center"},
        {{"--data", "d", "--mode", "console", "--center", "https://c", "--center-pin", "abc"},
         "--center-pin"},
        {{"--data", "d", "--mode", "counter", "--center", "https://c"}, "--center"},
        {{"--data", "d", "--mode", "desk"}, "--mode"},
    };
    for (const auto& c : cases) {
        auto o = parse(c.args);
        REQUIRE_FALSE(o);
        CHECK_MESSAGE(o.error().find(c.names) != std::string::npos, o.error());
    }
}
