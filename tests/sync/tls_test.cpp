// HTTPS between terminal and center: a self-signed certificate made with the openssl CLI,
// trusted through --ca, and the server's public key pinned. A wrong pin or an untrusted
// certificate must stop sync before anything is sent.
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using namespace cf::test;
using nlohmann::json;

namespace {

// Makes cert.pem and key.pem for 127.0.0.1 in dir; returns the "sha256//..." pin of its key.
std::string make_certificate(const std::filesystem::path& dir) {
    const std::string cert = (dir / "cert.pem").string();
    const std::string key = (dir / "key.pem").string();
    auto r = run_process("/usr/bin/openssl",
                         {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                          "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj",
                          "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string script = "/usr/bin/openssl x509 -in " + cert +
                               " -pubkey -noout | /usr/bin/openssl pkey -pubin -outform der | "
                               "/usr/bin/openssl dgst -sha256 -binary | /usr/bin/openssl base64";
    auto pin = run_process("/bin/sh", {"-c", script});
    REQUIRE(pin.exit_code == 0);
    return "sha256//" + pin.last_line();
}

} // namespace

TEST_CASE("sync over HTTPS with a self-signed certificate and a pinned public key") {
    TempDir tmp;
    const std::string pin = make_certificate(tmp.path());
    const std::string cert = (tmp / "cert.pem").string();
    CenterProcess center(tmp / "center", {"--cert", cert, "--key", (tmp / "key.pem").string()});
    REQUIRE(center.url().starts_with("https://"));
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(10);

    SUBCASE("trusted and pinned: works") {
        auto r = k1.cli({"enroll", "--center", center.url(), "--code", center.enroll_code("SZ01"),
                         "--ca", cert, "--pin", pin});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(k1.sync_once() == 0);
        CHECK(check_exactly_once(center_export(center.dir())) == 10);
    }
    SUBCASE("an untrusted certificate is refused") {
        auto r = k1.cli({"enroll", "--center", center.url(), "--code", center.enroll_code("SZ01")});
        CHECK(r.exit_code == 5);
        CHECK(r.err.find("identity") != std::string::npos);
    }
    SUBCASE("a wrong pin is refused even with a trusted certificate") {
        auto r =
            k1.cli({"enroll", "--center", center.url(), "--code", center.enroll_code("SZ01"),
                    "--ca", cert, "--pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="});
        CHECK(r.exit_code == 5);
        CHECK(center_export(center.dir()).at("devices").empty());
    }
}
