#include "core/pii_sealer.h"

#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <string>
#include <sys/stat.h>

using namespace cf::core;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_ticket = "01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6f";
constexpr std::string_view k_other_ticket = "01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d70";

PiiSealer test_sealer(std::uint8_t fill = 7) {
    std::array<std::uint8_t, 32> master{};
    master.fill(fill);
    return PiiSealer::from_master_key(master);
}

unsigned file_mode(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return static_cast<unsigned>(st.st_mode & 07777);
}

void write_text(const fs::path& p, const std::string& text, fs::perms perms) {
    std::ofstream(p, std::ios::binary) << text;
    fs::permissions(p, perms);
}

bool contains(const Bytes& haystack, std::string_view needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

const std::string k_valid_key_text =
    "counterfoil-key v1\n"
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n";

} // namespace

TEST_SUITE("pii_sealer") {

    TEST_CASE("sealed text opens again with the same ticket and field") {
        const PiiSealer sealer = test_sealer();
        const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        CHECK(sealed.size() == 24 + 11 + 16);
        const Result<std::string> opened = sealer.open(sealed, k_ticket, "phone");
        REQUIRE(opened.has_value());
        CHECK(*opened == "13800138000");
    }

    TEST_CASE("Chinese text survives sealing byte for byte") {
        const PiiSealer sealer = test_sealer();
        const std::string name = "欧阳娜娜，深圳市南山区科技园";
        const Result<std::string> opened =
            sealer.open(sealer.seal(name, k_ticket, "name"), k_ticket, "name");
        REQUIRE(opened.has_value());
        CHECK(*opened == name);
    }

    TEST_CASE("empty text seals to an empty blob and opens as empty text") {
        const PiiSealer sealer = test_sealer();
        CHECK(sealer.seal("", k_ticket, "email").empty());
        const Result<std::string> opened = sealer.open(Bytes{}, k_ticket, "email");
        REQUIRE(opened.has_value());
        CHECK(opened->empty());
    }

    TEST_CASE("sealing the same text twice gives different blobs") {
        const PiiSealer sealer = test_sealer();
        CHECK(sealer.seal("13800138000", k_ticket, "phone") !=
              sealer.seal("13800138000", k_ticket, "phone"));
    }

    TEST_CASE("the sealed blob does not contain the plaintext") {
        const PiiSealer sealer = test_sealer();
        for (int i = 0; i < 100; ++i) {
            const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
            REQUIRE_FALSE(contains(sealed, "13800138000"));
            REQUIRE_FALSE(contains(sealed, "138001"));
        }
    }

    TEST_CASE("a blob copied to another ticket fails to open") {
        const PiiSealer sealer = test_sealer();
        const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        const Result<std::string> opened = sealer.open(sealed, k_other_ticket, "phone");
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().code == ErrorCode::corrupt);
    }

    TEST_CASE("a blob copied to another field fails to open") {
        const PiiSealer sealer = test_sealer();
        const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        const Result<std::string> opened = sealer.open(sealed, k_ticket, "customer_number");
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().code == ErrorCode::corrupt);
        CHECK(opened.error().message.find("customer_number") != std::string::npos);
    }

    TEST_CASE("a blob with any byte changed fails to open") {
        const PiiSealer sealer = test_sealer();
        const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            Bytes tampered = sealed;
            tampered[i] ^= 0x01;
            const Result<std::string> opened = sealer.open(tampered, k_ticket, "phone");
            CAPTURE(i);
            REQUIRE_FALSE(opened.has_value());
            REQUIRE(opened.error().code == ErrorCode::corrupt);
        }
    }

    TEST_CASE("a truncated blob fails to open") {
        const PiiSealer sealer = test_sealer();
        const Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        for (const std::size_t keep :
             {std::size_t{1}, std::size_t{24}, std::size_t{39}, sealed.size() - 1}) {
            CAPTURE(keep);
            const Result<std::string> opened =
                sealer.open(std::span(sealed).first(keep), k_ticket, "phone");
            REQUIRE_FALSE(opened.has_value());
            CHECK(opened.error().code == ErrorCode::corrupt);
        }
    }

    TEST_CASE("a blob sealed with another key fails to open") {
        const Bytes sealed = test_sealer(1).seal("13800138000", k_ticket, "phone");
        CHECK_FALSE(test_sealer(2).open(sealed, k_ticket, "phone").has_value());
    }

    TEST_CASE("the open error names the field but never the plaintext") {
        const PiiSealer sealer = test_sealer();
        Bytes sealed = sealer.seal("13800138000", k_ticket, "phone");
        sealed.back() ^= 0xff;
        const Result<std::string> opened = sealer.open(sealed, k_ticket, "phone");
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().message.find("'phone'") != std::string::npos);
        CHECK(opened.error().message.find("13800138000") == std::string::npos);
    }

    TEST_CASE("blind index is 16 bytes and stable for the same value") {
        const PiiSealer sealer = test_sealer();
        const Bytes a = sealer.blind_index("13800138000");
        CHECK(a.size() == 16);
        CHECK(a == sealer.blind_index("13800138000"));
        CHECK(a == test_sealer().blind_index("13800138000"));
    }

    TEST_CASE("blind index differs for different values") {
        const PiiSealer sealer = test_sealer();
        CHECK(sealer.blind_index("13800138000") != sealer.blind_index("13800138001"));
    }

    TEST_CASE("blind index depends on the key") {
        CHECK(test_sealer(1).blind_index("13800138000") !=
              test_sealer(2).blind_index("13800138000"));
    }

    TEST_CASE("pin pepper is derived from the master key and differs from other keys") {
        const PiiSealer a = test_sealer(1);
        const PiiSealer b = test_sealer(2);
        const auto pa = a.pin_pepper();
        const auto pb = b.pin_pepper();
        CHECK_FALSE(std::equal(pa.begin(), pa.end(), pb.begin()));
        const PiiSealer a_again = test_sealer(1);
        const auto again = a_again.pin_pepper();
        CHECK(std::equal(pa.begin(), pa.end(), again.begin()));
        CHECK(std::any_of(pa.begin(), pa.end(), [](std::uint8_t x) { return x != 0; }));
    }

    TEST_CASE("create_key_file writes an owner-only file in the documented format") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        REQUIRE(PiiSealer::create_key_file(key).has_value());
        CHECK(file_mode(key) == 0600);
        const std::string text = cf::test::read_file_bytes(key);
        REQUIRE(text.size() == 19 + 64 + 1);
        CHECK(text.starts_with("counterfoil-key v1\n"));
        CHECK(text.back() == '\n');
        CHECK(text.substr(19, 64).find_first_not_of("0123456789abcdef") == std::string::npos);
    }

    TEST_CASE("create_key_file makes missing parent directories owner-only") {
        cf::test::TempDir dir;
        const fs::path key = dir / "etc/counterfoil/counterfoil.key";
        REQUIRE(PiiSealer::create_key_file(key).has_value());
        CHECK(file_mode(dir / "etc") == 0700);
        CHECK(file_mode(dir / "etc/counterfoil") == 0700);
    }

    TEST_CASE("a created key file loads back to the same keys") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        const Result<PiiSealer> created = PiiSealer::create_key_file(key);
        REQUIRE(created.has_value());
        const Result<PiiSealer> loaded = PiiSealer::load_key_file(key);
        REQUIRE(loaded.has_value());
        const Bytes sealed = created->seal("张三", k_ticket, "name");
        const Result<std::string> opened = loaded->open(sealed, k_ticket, "name");
        REQUIRE(opened.has_value());
        CHECK(*opened == "张三");
        CHECK(created->blind_index("13800138000") == loaded->blind_index("13800138000"));
    }

    TEST_CASE("two created key files hold different keys") {
        cf::test::TempDir dir;
        const Result<PiiSealer> a = PiiSealer::create_key_file(dir / "a.key");
        const Result<PiiSealer> b = PiiSealer::create_key_file(dir / "b.key");
        REQUIRE(a.has_value());
        REQUIRE(b.has_value());
        CHECK(a->blind_index("x") != b->blind_index("x"));
    }

    TEST_CASE("create_key_file refuses to replace an existing key file") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        REQUIRE(PiiSealer::create_key_file(key).has_value());
        const std::string before = cf::test::read_file_bytes(key);
        const Result<PiiSealer> again = PiiSealer::create_key_file(key);
        REQUIRE_FALSE(again.has_value());
        CHECK(again.error().code == ErrorCode::key);
        CHECK(again.error().message.find("already exists") != std::string::npos);
        CHECK(cf::test::read_file_bytes(key) == before);
    }

    TEST_CASE("load_key_file reads a hand-written key file") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        write_text(key, k_valid_key_text, fs::perms::owner_read | fs::perms::owner_write);
        std::array<std::uint8_t, 32> master{};
        for (std::size_t i = 0; i < master.size(); ++i) {
            master[i] = static_cast<std::uint8_t>(i);
        }
        const Result<PiiSealer> loaded = PiiSealer::load_key_file(key);
        REQUIRE(loaded.has_value());
        CHECK(loaded->blind_index("x") == PiiSealer::from_master_key(master).blind_index("x"));
    }

    TEST_CASE("load_key_file refuses a file other users can read") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        write_text(key, k_valid_key_text,
                   fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                       fs::perms::others_read);
        const Result<PiiSealer> loaded = PiiSealer::load_key_file(key);
        REQUIRE_FALSE(loaded.has_value());
        CHECK(loaded.error().code == ErrorCode::key);
        CHECK(loaded.error().message.find("0644") != std::string::npos);
        CHECK(loaded.error().message.find("chmod 600") != std::string::npos);
    }

    TEST_CASE("load_key_file refuses a file only the group can read") {
        cf::test::TempDir dir;
        const fs::path key = dir / "counterfoil.key";
        write_text(key, k_valid_key_text,
                   fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        CHECK_FALSE(PiiSealer::load_key_file(key).has_value());
    }

    TEST_CASE("load_key_file reports a missing key file") {
        cf::test::TempDir dir;
        const Result<PiiSealer> loaded = PiiSealer::load_key_file(dir / "nope.key");
        REQUIRE_FALSE(loaded.has_value());
        CHECK(loaded.error().code == ErrorCode::key);
        CHECK(loaded.error().message.find("missing") != std::string::npos);
    }

    TEST_CASE("load_key_file refuses files that are not Counterfoil keys") {
        cf::test::TempDir dir;
        const std::string hex64(64, 'a');
        for (const std::string& text :
             {std::string("garbage\n"), std::string(""), "counterfoil-key v2\n" + hex64 + "\n",
              "counterfoil-key v1\n" + hex64.substr(0, 62) + "\n",
              "counterfoil-key v1\n" + hex64 + "aa\n", "counterfoil-key v1\n" + hex64 + "\nextra\n",
              "counterfoil-key v1\n" + std::string(63, 'a') + "g\n", std::string(5000, 'x')}) {
            const fs::path key = dir / "bad.key";
            fs::remove(key);
            write_text(key, text, fs::perms::owner_read | fs::perms::owner_write);
            const Result<PiiSealer> loaded = PiiSealer::load_key_file(key);
            CAPTURE(text.substr(0, 40));
            REQUIRE_FALSE(loaded.has_value());
            CHECK(loaded.error().code == ErrorCode::key);
            CHECK(loaded.error().message.find("not a Counterfoil key") != std::string::npos);
        }
    }

    TEST_CASE("load_key_file refuses a directory") {
        cf::test::TempDir dir;
        fs::create_directory(dir / "key");
        fs::permissions(dir / "key", fs::perms::owner_all);
        const Result<PiiSealer> loaded = PiiSealer::load_key_file(dir / "key");
        REQUIRE_FALSE(loaded.has_value());
        CHECK(loaded.error().code == ErrorCode::key);
    }

    TEST_CASE("base64 uses the standard alphabet with padding") {
        const std::string text("\xfb\xff\x00hi", 5);
        const Bytes bytes(text.begin(), text.end());
        CHECK(to_base64(bytes) == "+/8AaGk=");
        CHECK(to_base64(Bytes{}) == "");
        CHECK(to_base64(Bytes{'f', 'o'}) == "Zm8=");
    }

    TEST_CASE("base64 round-trips sealed blobs") {
        const Bytes sealed = test_sealer().seal("张三", k_ticket, "name");
        const Result<Bytes> decoded = from_base64(to_base64(sealed));
        REQUIRE(decoded.has_value());
        CHECK(*decoded == sealed);
    }

    TEST_CASE("from_base64 rejects text that is not base64") {
        for (const char* text :
             {"Zm8", "Zm8=x", "Z=m8", "Zm8-", "Zm_=", "Zm 8=", "!!!!", "====", "Zm8==="}) {
            CAPTURE(text);
            const Result<Bytes> decoded = from_base64(text);
            REQUIRE_FALSE(decoded.has_value());
            CHECK(decoded.error().code == ErrorCode::invalid_input);
        }
    }

    TEST_CASE("from_base64 of empty text is empty") {
        const Result<Bytes> decoded = from_base64("");
        REQUIRE(decoded.has_value());
        CHECK(decoded->empty());
    }

} // TEST_SUITE
