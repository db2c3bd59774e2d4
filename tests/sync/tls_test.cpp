// HTTPS between terminal and center, as deployed: TLS terminates at the nginx front of
// packaging/nginx with a self-signed certificate made with the openssl CLI, trusted through
// --ca, and its public key pinned; the center listens on loopback behind it. A wrong pin or an
// untrusted certificate must stop sync before anything is sent.
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/nginx_front.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using namespace cf::test;
using nlohmann::json;

TEST_CASE("sync over HTTPS with a self-signed certificate and a pinned public key") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    NginxFront front(center.port(), tmp / "nginx", make_certificate(tmp / "tls"));
    const std::string cert = front.certificate().cert;
    const std::string pin = front.certificate().pin;
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(10);

    SUBCASE("trusted and pinned: works") {
        auto r = k1.cli({"enroll", "--center", front.url(), "--code", center.enroll_code("SZ01"),
                         "--ca", cert, "--pin", pin});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(k1.sync_once() == 0);
        CHECK(check_exactly_once(center_export(center.dir())) == 10);
    }
    SUBCASE("an untrusted certificate is refused") {
        auto r = k1.cli({"enroll", "--center", front.url(), "--code", center.enroll_code("SZ01")});
        CHECK(r.exit_code == 5);
        CHECK(r.err.find("identity") != std::string::npos);
    }
    SUBCASE("a wrong pin is refused even with a trusted certificate") {
        auto r =
            k1.cli({"enroll", "--center", front.url(), "--code", center.enroll_code("SZ01"), "--ca",
                    cert, "--pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="});
        CHECK(r.exit_code == 5);
        CHECK(center_export(center.dir()).at("devices").empty());
    }
}
