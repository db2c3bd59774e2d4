// The `counterfoil` binary itself: it refuses to start without its font or data, and under a
// display its screenshot tour writes every kiosk screen as a full-size, non-blank PNG.

#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

extern char** environ;

using namespace cf;

namespace {

std::string app_path() {
    if (const char* env = std::getenv("COUNTERFOIL_TEST_APP")) {
        return env;
    }
    return COUNTERFOIL_TEST_APP;
}

// The PNGs in `out`, each checked to be 1920x1080 and not blank.
std::set<std::string> checked_screenshots(const std::filesystem::path& out) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        names.insert(e.path().filename().string());
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load(e.path().c_str(), &w, &h, &n, 3);
        REQUIRE_MESSAGE(px != nullptr, e.path());
        CHECK(w == 1920);
        CHECK(h == 1080);
        // Not blank: a screen has text and buttons, so many pixels differ from the first.
        std::size_t differing = 0;
        for (int i = 0; i < w * h; ++i) {
            if (px[i * 3] != px[0] || px[i * 3 + 1] != px[1] || px[i * 3 + 2] != px[2]) {
                ++differing;
            }
        }
        CHECK_MESSAGE(differing > static_cast<std::size_t>(w * h / 200), e.path());
        stbi_image_free(px);
    }
    return names;
}

} // namespace

TEST_SUITE("app binary") {
    TEST_CASE("a missing font stops the app with a message naming fonts-noto-cjk") {
        test::TempDir dir;
        auto r = test::run_process(app_path(), {"--data", (dir.path() / "data").string(),
                                                "--font-dir", (dir.path() / "no-fonts").string()});
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("fonts-noto-cjk") != std::string::npos);
    }

    TEST_CASE("a data directory that was never made is named, with how to make it") {
        test::TempDir dir;
        auto r = test::run_process(app_path(), {"--data", (dir.path() / "nothing").string()});
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("counterfoil-cli --data DIR init") != std::string::npos);
    }

    TEST_CASE("bad options are refused with the reason") {
        auto r = test::run_process(app_path(), {"--data", "x", "--windowed", "big"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--windowed 'big'") != std::string::npos);
        r = test::run_process(app_path(),
                              {"--data", "x", "--idle-warn", "90", "--idle-wipe", "60"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--idle-wipe must be later") != std::string::npos);
        r = test::run_process(app_path(), {"--data", "x", "--mode", "teller"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--mode 'teller'") != std::string::npos);
        r = test::run_process(app_path(), {"--data", "x", "--idle-sign-out", "0"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--idle-sign-out '0'") != std::string::npos);
    }

    TEST_CASE("SIGTERM ends a running kiosk cleanly") {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "the kiosk needs a display: scripts/test.sh runs ctest under xvfb-run");
        test::TempDir dir;
        const std::string data = (dir.path() / "data").string();
        REQUIRE(test::run_process(test::cli_path(),
                                  {"--data", data, "init", "--branch", "SZ01", "--terminal", "K1"})
                    .exit_code == 0);
        const std::string app = app_path();
        std::vector<std::string> args = {app, "--data", data, "--windowed", "800x600"};
        std::vector<char*> argv;
        for (std::string& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        pid_t pid = 0;
        REQUIRE(posix_spawn(&pid, app.c_str(), nullptr, nullptr, argv.data(), environ) == 0);
        // Let it open the window and deploy the rime data, then ask it to stop.
        std::this_thread::sleep_for(std::chrono::seconds(4));
        REQUIRE(kill(pid, SIGTERM) == 0);
        int status = 0;
        bool exited = false;
        for (int i = 0; i < 100 && !exited; ++i) {
            exited = waitpid(pid, &status, WNOHANG) == pid;
            if (!exited) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        if (!exited) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            FAIL("the kiosk did not stop within 10 s of SIGTERM");
        }
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }

    TEST_CASE("the screenshot tour writes every screen, full size and not blank") {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "screenshots need a display: scripts/test.sh runs ctest under xvfb-run");
        test::TempDir dir;
        const auto out = dir.path() / "shots";
        auto r =
            test::run_process(app_path(), {"--data", (dir.path() / "data").string(), "--windowed",
                                           "1920x1080", "--screenshots", out.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const std::set<std::string> names = checked_screenshots(out);
        for (const char* locale : {"zh-Hans", "zh-Hant", "en"}) {
            for (const char* screen :
                 {"02-choose-type", "03-category", "05-describe-keyboard", "06-contact",
                  "07-remedies", "08-review", "09-receipt", "09b-receipt-praise", "10-check",
                  "11-check-result", "12-idle-warning", "12b-answers", "12c-receipt-answered",
                  "13-failure"}) {
                const std::string name = std::string("kiosk-") + locale + "-" + screen + ".png";
                CHECK_MESSAGE(names.contains(name), name);
            }
        }
        CHECK(names.contains("kiosk-01-attract.png"));
        CHECK(names.contains("kiosk-hc-01-attract.png"));
        CHECK(names.contains("kiosk-staff-15-menu.png"));
    }

    TEST_CASE("the counter's screenshot tour writes every counter screen in every language") {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "screenshots need a display: scripts/test.sh runs ctest under xvfb-run");
        test::TempDir dir;
        const auto out = dir.path() / "shots";
        auto r = test::run_process(app_path(),
                                   {"--data", (dir.path() / "data").string(), "--mode", "counter",
                                    "--windowed", "1920x1080", "--screenshots", out.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(r.err.empty()); // the sample data went in without a single refusal
        const std::set<std::string> names = checked_screenshots(out);
        CHECK(names.contains("counter-01-sign-in.png"));
        for (const char* locale : {"zh-Hans", "zh-Hant", "en"}) {
            for (const char* screen : {"02-queue-new",
                                       "03-queue-mine",
                                       "04-queue-awaiting-center",
                                       "05-queue-feedback-arrived",
                                       "06-queue-overdue",
                                       "07-queue-closed",
                                       "08-entry-empty",
                                       "09-entry-suggestions",
                                       "10-entry-pinyin",
                                       "11-entry-errors",
                                       "12-acknowledgement",
                                       "12b-detail-script",
                                       "13-detail-masked",
                                       "14-detail-contact-shown",
                                       "15-detail-feedback-contact",
                                       "16-detail-resolve-approval",
                                       "17-detail-second-round",
                                       "18-search",
                                       "19-stats",
                                       "20-dead-letters",
                                       "21-detail-clocks",
                                       "22-stats-reports",
                                       "23-queue-escalated",
                                       "24-detail-crisis-checklist",
                                       "25-detail-correction"}) {
                const std::string name = std::string("counter-") + locale + "-" + screen + ".png";
                CHECK_MESSAGE(names.contains(name), name);
            }
        }
    }

    TEST_CASE("the console's screenshot tour writes every console screen in every language") {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "screenshots need a display: scripts/test.sh runs ctest under xvfb-run");
        test::TempDir dir;
        const auto out = dir.path() / "shots";
        // The tour starts its own counterfoil-center with sample data and signs in as each role.
        auto r = test::run_process(app_path(),
                                   {"--data", (dir.path() / "data").string(), "--mode", "console",
                                    "--windowed", "1920x1080", "--screenshots", out.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK_MESSAGE(r.err.empty(), r.err); // every role signed in and every list had tickets
        const std::set<std::string> names = checked_screenshots(out);
        CHECK(names.size() == 78);
        for (const char* locale : {"zh-Hans", "zh-Hant", "en"}) {
            for (const char* screen : {"01-sign-in",
                                       "02-sign-in-refused",
                                       "03-queue-review",
                                       "04-detail-timeline",
                                       "05-step-review-return",
                                       "06-queue-dispatch",
                                       "07-step-dispatch",
                                       "08-queue-departments",
                                       "09-step-handle",
                                       "10-queue-audit",
                                       "11-step-audit-reject",
                                       "12-step-feedback",
                                       "13-queue-overdue",
                                       "14-queue-second-round",
                                       "15-queue-filtered",
                                       "16-dashboard",
                                       "17-dashboard-26-weeks",
                                       "18-drill-down-branch",
                                       "19-unreachable-step-kept",
                                       "20-queue-escalated",
                                       "21-step-checklist",
                                       "22-step-correction",
                                       "23-step-sign-for",
                                       "24-step-audit-part",
                                       "30-reports-month",
                                       "31-reports-quarter"}) {
                const std::string name = std::string("console-") + locale + "-" + screen + ".png";
                CHECK_MESSAGE(names.contains(name), name);
            }
        }
    }
}
