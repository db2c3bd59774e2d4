#include "tests/ime/ime_test_util.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace cf;
using cf::test::DeployedEngine;
using cf::test::open_engine;
using cf::test::TempDir;
using cf::test::type_letters;

namespace fs = std::filesystem;

namespace {

const fs::path k_debian_rime = "/usr/share/rime-data";

std::vector<std::string> file_names(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

// A shared data directory like Debian's, with links to its files except those named in
// `replaced`, which the test writes itself.
fs::path copy_of_debian_rime(const TempDir& dir, const std::set<std::string>& replaced) {
    fs::path shared = dir / "shared";
    fs::create_directories(shared);
    for (const auto& entry : fs::directory_iterator(k_debian_rime)) {
        auto name = entry.path().filename().string();
        if (name != "build" && !replaced.contains(name)) {
            fs::create_symlink(entry.path(), shared / name);
        }
    }
    return shared;
}

// The first `count` candidates for letters in a new session.
std::vector<std::string> candidates_for(ime::InputEngine& engine, std::string_view letters,
                                        int count) {
    auto s = engine.start_session(ime::Script::simplified, count);
    REQUIRE(s);
    type_letters(*s, letters);
    return s->composition().candidates;
}

} // namespace

TEST_CASE("a first start deploys only our two schemas and compiles no dictionary table") {
    DeployedEngine f;
    CHECK(f.engine->deployed());
    CHECK(f.engine->data_dir() == f.data_dir);
    for (const auto& name : file_names(f.data_dir / "build")) {
        INFO(name);
        // Tables come prebuilt from Debian; compiling them from source takes many seconds.
        // Prisms (spelling maps, a few kB) are rebuilt because our patch changes the schema.
        CHECK_FALSE(name.ends_with(".table.bin"));
        CHECK_FALSE(name.ends_with(".reverse.bin"));
        CHECK((name.starts_with("pinyin_simp.") || name.starts_with("luna_pinyin.") ||
               name == "default.yaml"));
    }
    CHECK(fs::exists(f.data_dir / "build" / "pinyin_simp.schema.yaml"));
    CHECK(fs::exists(f.data_dir / "build" / "luna_pinyin.schema.yaml"));
}

TEST_CASE("a second start on a deployed directory reuses it") {
    TempDir dir;
    auto data_dir = dir / "rime";
    open_engine({.data_dir = data_dir}).reset();
    auto patch_time = fs::last_write_time(data_dir / "pinyin_simp.custom.yaml");

    auto engine = open_engine({.data_dir = data_dir});
    CHECK_FALSE(engine->deployed());
    // Rewriting an unchanged patch would make librime deploy again on every start.
    CHECK(fs::last_write_time(data_dir / "pinyin_simp.custom.yaml") == patch_time);
    auto s = engine->start_session(ime::Script::traditional);
    REQUIRE(s);
    type_letters(*s, "tousu");
    REQUIRE(s->select(0));
    CHECK(s->take_commit() == "投訴");
}

TEST_CASE("a deployment that lost a file is rebuilt, not replaced by Debian's learning copy") {
    TempDir dir;
    auto data_dir = dir / "rime";
    open_engine({.data_dir = data_dir}).reset();
    // As after a power cut mid-deployment: librime's file times say all is up to date, and
    // without its own copy it would load Debian's prebuilt schema, which learns.
    fs::remove(data_dir / "build" / "pinyin_simp.schema.yaml");

    auto engine = open_engine({.data_dir = data_dir});
    CHECK(engine->deployed());
    CHECK(fs::exists(data_dir / "build" / "pinyin_simp.schema.yaml"));
    {
        auto s = engine->start_session(ime::Script::simplified);
        REQUIRE(s);
        type_letters(*s, "tousu");
        REQUIRE(s->select(0));
        CHECK(s->take_commit() == "投诉");
    }
    engine.reset();
    for (const auto& entry : fs::directory_iterator(data_dir)) {
        CHECK(entry.path().filename().string().find("userdb") == std::string::npos);
    }
}

TEST_CASE("an empty shared data directory makes Chinese input unavailable with a reason") {
    TempDir dir;
    fs::create_directories(dir / "empty");
    auto engine =
        ime::InputEngine::open({.data_dir = dir / "rime", .shared_data_dir = dir / "empty"});
    REQUIRE_FALSE(engine);
    CHECK(engine.error().code == ime::ErrorCode::data_missing);
    CHECK(engine.error().message.find("default.yaml") != std::string::npos);
    CHECK(engine.error().message.find("rime-prelude") != std::string::npos);
}

TEST_CASE("a missing schema names the package that installs it") {
    TempDir dir;
    auto shared = copy_of_debian_rime(dir, {"luna_pinyin.schema.yaml"});
    auto engine = ime::InputEngine::open({.data_dir = dir / "rime", .shared_data_dir = shared});
    REQUIRE_FALSE(engine);
    CHECK(engine.error().code == ime::ErrorCode::data_missing);
    CHECK(engine.error().message.find("luna_pinyin.schema.yaml") != std::string::npos);
    CHECK(engine.error().message.find("rime-data-luna-pinyin") != std::string::npos);
}

TEST_CASE("a data directory that cannot be created makes Chinese input unavailable") {
    TempDir dir;
    std::ofstream(dir / "a-file") << "not a folder";
    auto engine = ime::InputEngine::open({.data_dir = dir / "a-file" / "rime"});
    REQUIRE_FALSE(engine);
    CHECK(engine.error().code == ime::ErrorCode::not_writable);
    CHECK(engine.error().message.find((dir / "a-file" / "rime").string()) != std::string::npos);
}

TEST_CASE("a schema librime cannot deploy is refused, not used without our patch") {
    // Without its own deployment librime would fall back to Debian's prebuilt schema, which
    // learns from what is typed.
    TempDir dir;
    auto shared = copy_of_debian_rime(dir, {"pinyin_simp.schema.yaml"});
    std::ofstream(shared / "pinyin_simp.schema.yaml") << "schema: [this is not a schema\n";
    auto engine = ime::InputEngine::open({.data_dir = dir / "rime",
                                          .shared_data_dir = shared,
                                          .prebuilt_data_dir = k_debian_rime / "build"});
    REQUIRE_FALSE(engine);
    CHECK(engine.error().code == ime::ErrorCode::deploy_failed);
    CHECK(engine.error().message.find("pinyin_simp") != std::string::npos);

    // The failure shut librime down cleanly: a good directory opens afterwards.
    auto good = open_engine({.data_dir = dir / "good"});
    CHECK(good->start_session(ime::Script::simplified));
}

TEST_CASE("only one engine may be open in a process") {
    DeployedEngine f;
    TempDir other;
    auto second = ime::InputEngine::open({.data_dir = other / "rime"});
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ime::ErrorCode::already_open);
    CHECK_FALSE(fs::exists(other / "rime"));
    // The first one is unharmed.
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tousu");
    REQUIRE(s.space());
    CHECK(s.take_commit() == "投诉");
}

TEST_CASE("chosen candidates are not learned: the order stays the same, also after a restart") {
    TempDir dir;
    auto data_dir = dir / "rime";
    auto engine = open_engine({.data_dir = data_dir});
    auto before = candidates_for(*engine, "tou", 8);
    REQUIRE(before.size() == 8);
    {
        // A learning engine would move the last candidate forward after a few choices.
        auto s = engine->start_session(ime::Script::simplified, 8);
        REQUIRE(s);
        for (int i = 0; i < 3; ++i) {
            type_letters(*s, "tou");
            REQUIRE(s->select(7));
            CHECK(s->take_commit() == before[7]);
        }
        type_letters(*s, "tou");
        CHECK(s->composition().candidates == before);
        s->clear();
    }
    CHECK(candidates_for(*engine, "tou", 8) == before);
    engine.reset();
    engine = open_engine({.data_dir = data_dir});
    CHECK(candidates_for(*engine, "tou", 8) == before);
}

TEST_CASE("typing leaves no trace on disk: no user dictionary, sync folder or log") {
    auto started = fs::file_time_type::clock::now();
    TempDir dir;
    auto data_dir = dir / "rime";
    {
        auto engine = open_engine({.data_dir = data_dir});
        for (auto script : {ime::Script::simplified, ime::Script::traditional}) {
            auto s = engine->start_session(script);
            REQUIRE(s);
            for (int i = 0; i < 3; ++i) {
                type_letters(*s, "woyaotousu");
                REQUIRE(s->space());
                CHECK_FALSE(s->take_commit().empty());
            }
        }
    }
    for (const auto& entry : fs::recursive_directory_iterator(data_dir)) {
        auto name = entry.path().filename().string();
        INFO(entry.path().string());
        CHECK(name.find("userdb") == std::string::npos);
        CHECK(name != "sync");
        CHECK(name != "custom_phrase.txt");
        if (entry.is_regular_file()) {
            auto bytes = cf::test::read_file_bytes(entry.path());
            CHECK(bytes.find("投诉") == std::string::npos);
            CHECK(bytes.find("投訴") == std::string::npos);
            CHECK(bytes.find("woyaotousu") == std::string::npos);
        }
    }
    // librime logs through glog, whose files would land in the temporary directory.
    for (const fs::path& tmp : {fs::temp_directory_path(), fs::path("/tmp")}) {
        for (const auto& entry : fs::directory_iterator(tmp)) {
            if (entry.path().filename().string().starts_with("rime.counterfoil")) {
                INFO(entry.path().string());
                CHECK(entry.last_write_time() < started);
            }
        }
    }
}

TEST_CASE("words learned before our patches were in place are deleted at start") {
    TempDir dir;
    auto data_dir = dir / "rime";
    fs::create_directories(data_dir / "luna_pinyin.userdb");
    std::ofstream(data_dir / "luna_pinyin.userdb" / "000003.log") << "投訴";
    std::ofstream(data_dir / "pinyin_simp.userdb.txt") << "tou su\t投诉\tc=9";
    fs::create_directories(data_dir / "sync" / "some-id");
    std::ofstream(data_dir / "installation.yaml") << "installation_id: \"some-id\"\n";

    auto engine = open_engine({.data_dir = data_dir});
    CHECK_FALSE(fs::exists(data_dir / "luna_pinyin.userdb"));
    CHECK_FALSE(fs::exists(data_dir / "pinyin_simp.userdb.txt"));
    CHECK_FALSE(fs::exists(data_dir / "sync"));
    CHECK(fs::exists(data_dir / "installation.yaml"));
}
