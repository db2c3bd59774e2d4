// Cold start of the kiosk: time from process start to the first presented frame of the attract
// screen, and peak RSS (VmHWM) at that moment, against ImGui's default font (the floor) and a
// naive CJK atlas, all measured in one run.
//
// Each variant runs in its own process: this binary re-executes itself through /proc/self/exe
// with --variant, passing the parent's steady-clock time just before fork, so "start" includes
// exec, dynamic linking and static initialisation. Variants run in interleaved rounds so that a
// noisy moment on a shared machine hits every variant alike; the parent prints medians. A
// discarded warm-up round first brings the files into the page cache, so every figure is a
// process cold start with a warm disk cache.
//
//   floor         ImGui's default font only: a 1920x1080 window and one frame of text
//   naive         AddFontFromFileTTF(NotoSansCJK-Regular.ttc) with GetGlyphRangesChineseFull()
//                 at body size, uploaded as RGBA32 by ImGui's OpenGL3 backend
//   ours          what `counterfoil --data DIR --windowed 1920x1080` does before its first frame
//                 (app/kiosk_app.cpp), on a data dir whose rime data is already deployed
//   ours-default  the same without KioskFonts (ImGui's default font): where the time goes
//                 that is not fonts
//   first         ours on a fresh data dir, so librime deploys its schemas: the first-ever start
//   eager         ours, but the common characters start before the first frame (the order
//                 the app had before; shows why it changed)
//
//   kiosk_start_bench [--rounds 5] [--dir PARENT] [--cli PATH] [--assets DIR]
//
// Run under a display, e.g. xvfb-run -a -s "-screen 0 1920x1080x24" kiosk_start_bench.

// [SECTION] Child: helpers shared by the variants
// [SECTION] Child: the variants
// [SECTION] Parent: spawning, data directories, report

#include "app/kiosk_fonts.h"
#include "app/stop_signals.h"
#include "bench/bench_util.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "fonts/common_characters.h"
#include "fonts/font_roles.h"
#include "forms/catalog.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_frame.h"
#include "platform/frame_pacer.h"
#include "platform/glfw_platform.h"
#include "sync/asset_files.h"
#include "sync/sync_worker.h"
#include "ui/rime_composer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace cf;
namespace fs = std::filesystem;

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Options {
    int rounds = 5;
    // Data directories go on the build's disk, next to the binaries (a tmpfs /tmp would hide
    // the store's real I/O).
    fs::path dir = fs::canonical("/proc/self/exe").parent_path().parent_path();
    fs::path cli = COUNTERFOIL_BENCH_CLI;
    fs::path assets = COUNTERFOIL_BENCH_ASSETS;
};

// [SECTION] Child: helpers shared by the variants

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               SteadyClock::now().time_since_epoch())
        .count();
}

// What a child prints, one "key value" per line, for the parent to read.
class Report {
public:
    explicit Report(std::int64_t t0_ns) : m_t0(t0_ns) {}
    // Milliseconds since the parent started this process.
    double since_start() const { return static_cast<double>(steady_ns() - m_t0) / 1e6; }
    void mark(const std::string& phase) { put("t_" + phase, since_start()); }
    void put(const std::string& key, double value) { std::printf("%s %.3f\n", key.c_str(), value); }
    void text(const std::string& key, const std::string& value) {
        std::printf("%s %s\n", key.c_str(), value.c_str());
    }

private:
    std::int64_t m_t0;
};

// Peak and current resident memory of this process, from /proc/self/status (kB).
void put_memory(Report& report, const std::string& suffix) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        long kb = 0;
        if (std::sscanf(line.c_str(), "VmHWM: %ld kB", &kb) == 1) {
            report.put("hwm_kb" + suffix, static_cast<double>(kb));
        } else if (std::sscanf(line.c_str(), "VmRSS: %ld kB", &kb) == 1) {
            report.put("rss_kb" + suffix, static_cast<double>(kb));
        }
    }
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "kiosk_start_bench: %s\n", message.c_str());
    std::fflush(stdout);
    std::_Exit(2);
}

// The window the app opens for `--windowed 1920x1080` (app/kiosk_app.cpp).
std::unique_ptr<platform::GlfwPlatform> open_window() {
    platform::WindowOptions window;
    window.title = "Counterfoil";
    window.fullscreen = false;
    window.width = 1920;
    window.height = 1080;
    window.block_close = true;
    auto opened = platform::GlfwPlatform::create(window);
    if (!opened) {
        die(opened.error().message);
    }
    return std::move(*opened);
}

void new_imgui_context() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    ImGui::GetStyle().TouchExtraPadding = ImVec2(8, 8);
}

// The floor's and the naive atlas's screen: a few lines of the attract screen's texts.
void draw_plain_screen(ImFont* font) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##attract", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::PushFont(font);
    ImGui::TextUnformatted("您的意见，我们认真对待");
    ImGui::TextUnformatted("轻触屏幕开始 · Touch the screen to start");
    ImGui::TextUnformatted("輕觸螢幕開始");
    ImGui::Button("简体中文");
    ImGui::Button("繁體中文");
    ImGui::Button("English");
    ImGui::PopFont();
    ImGui::End();
}

// [SECTION] Child: the variants

int run_plain(const std::string& variant, Report& report) {
    new_imgui_context();
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = nullptr;
    if (variant == "floor") {
        font = io.Fonts->AddFontDefault();
    } else {
        const fs::path file = fs::path(fonts::k_default_font_dir) / fonts::k_font_file_name;
        font =
            io.Fonts->AddFontFromFileTTF(file.c_str(), fonts::FontSizes{}.pixels(fonts::Role::body),
                                         nullptr, io.Fonts->GetGlyphRangesChineseFull());
        if (font == nullptr) {
            die("cannot load " + file.string());
        }
    }
    report.mark("context");
    auto p = open_window();
    report.mark("window");
    if (variant == "naive") {
        // The backend's own path: GetTexDataAsRGBA32 builds the atlas and uploads RGBA32.
        if (!ImGui_ImplOpenGL3_CreateFontsTexture()) {
            die("the OpenGL3 backend could not make the font texture");
        }
        report.mark("atlas");
    }
    // The floor's atlas is built and uploaded (R8) by begin_frame, as the platform does for
    // any atlas without a texture.
    p->begin_frame();
    draw_plain_screen(font);
    p->end_frame();
    report.mark("first_frame");
    put_memory(report, "");
    report.put("atlas_w", io.Fonts->TexWidth);
    report.put("atlas_h", io.Fonts->TexHeight);
    report.put("glyphs", font->Glyphs.Size);
    report.text("renderer", bench::gl_renderer());
    std::fflush(stdout);
    // Teardown is not part of start-up, and the next variant is a new process.
    std::_Exit(0);
}

// The fonts of one variant: the app's KioskFonts, or none ("ours-default").
class VariantFonts {
public:
    bool any() const { return m_kiosk != nullptr; }
    fonts::FontAtlasManager& manager() { return m_kiosk->manager(); }
    void use(std::unique_ptr<app::KioskFonts> fonts) { m_kiosk = std::move(fonts); }
    app::KioskFonts& kiosk() { return *m_kiosk; }
    void start_common(const fs::path&) { m_kiosk->start_common_characters(); }
    ui::UiFonts fonts_for(ui::Locale l) const { return m_kiosk->fonts_for(l); }
    void add_text(std::string_view text) { manager().add_text(text); }
    // The app's before_frame for fonts.
    void before_frame(bool large_text) {
        m_kiosk->set_large_text(large_text);
        m_kiosk->before_frame();
    }

private:
    std::unique_ptr<app::KioskFonts> m_kiosk;
};

// app/kiosk_app.cpp's run_kiosk up to its first frame, step by step, with the same calls in
// the same order ("ours", "first": the first atlas builds on a worker while the window opens,
// the common characters start once the first frame is presented); without fonts
// ("ours-default"); or with the earlier order that started the common characters before the
// first frame ("eager"). Keep it in step with that file.
int run_ours(const std::string& variant, const fs::path& data, const fs::path& installed_assets,
             Report& report) {
    const bool with_fonts = variant != "ours-default";
    const bool defer_common = variant != "eager";
    const fs::path assets = sync::current_assets_dir(data, installed_assets);
    app::StopSignals stop([] {});
    auto catalog = forms::load_catalog(assets);
    if (!catalog) {
        die("assets: " + forms::to_string(catalog.error().front()));
    }
    report.mark("catalog");
    if (with_fonts) {
        if (auto found = fonts::find_fonts(std::string(fonts::k_default_font_dir)); !found) {
            die(found.error().message);
        }
        report.mark("find_fonts");
    }
    VariantFonts fonts;
    std::atomic<platform::Platform*> wake_target{nullptr};
    const auto wake = [&wake_target] {
        if (platform::Platform* p = wake_target.load()) {
            p->wake();
        }
    };
    if (with_fonts) {
        // As the app: the first atlas builds on a worker while the store, librime and the
        // window open; the window's size gives the scale.
        auto opened = app::KioskFonts::open({}, *catalog, assets,
                                            kiosk::KioskFrame::scale_for(1080.0f), wake);
        if (!opened) {
            die(opened.error().message);
        }
        fonts.use(std::move(*opened));
        report.mark("first_atlas_started");
    }
    core::SystemClock clock;
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        die(store.error().message);
    }
    core::StaffDirectory staff(store->database(), store->sealer().pin_pepper());
    report.mark("store");
    ui::RimeComposer composer(ime::EngineOptions{data / "rime"});
    if (!composer.available()) {
        die("Chinese input is unavailable: " + composer.unavailable_reason());
    }
    report.mark("rime");

    new_imgui_context();
    auto window = open_window();
    platform::Platform& p = *window;
    wake_target.store(&p);
    report.mark("window");
    const float scale =
        kiosk::KioskFrame::scale_for(static_cast<float>(p.framebuffer_size().height));
    if (with_fonts) {
        fonts.kiosk().set_scale(scale);
        if (auto ready = fonts.kiosk().finish_first_atlas(); !ready) {
            die(ready.error().message);
        }
        report.mark("first_atlas");
        if (!defer_common) {
            fonts.start_common(assets);
            report.mark("common_started");
        }
    }

    kiosk::KioskServices services;
    services.store = &*store;
    services.catalog = &*catalog;
    services.clock = &clock;
    services.composer = &composer;
    services.staff = &staff;
    kiosk::KioskController controller(services);
    // A terminal that was never enrolled (as here) keeps its tickets locally: start() fails
    // at once and no sync thread runs, as in the app.
    sync::SyncWorkerOptions sync_options;
    sync_options.data_dir = data;
    sync_options.installed_assets = assets;
    sync_options.on_change = wake;
    sync::SyncWorker sync_worker(sync_options);
    (void)sync_worker.start();
    kiosk::FrameHooks hooks;
    if (fonts.any()) {
        hooks.fonts = [&fonts](ui::Locale l) {
            return fonts.fonts_for(l);
        };
        hooks.shown_text = [&fonts](std::string_view text) {
            fonts.add_text(text);
        };
    }
    kiosk::KioskFrame frame(controller, std::move(hooks));

    platform::FramePacer pacer(p);
    platform::FrameCallbacks callbacks;
    callbacks.next_deadline = [&] {
        return frame.next_deadline_s();
    };
    callbacks.before_frame = [&] {
        if (p.take_close_request()) {
            controller.apply(kiosk::act::OpenStaff{});
        }
        if (fonts.any()) {
            fonts.before_frame(controller.state().large_text);
        }
        frame.before_frame();
    };
    callbacks.draw = [&] {
        frame.draw();
        if (controller.state().quit_requested || stop.stop_requested()) {
            p.close();
        }
    };
    pacer.step(callbacks);
    report.mark("first_frame");
    put_memory(report, "");
    report.text("renderer", bench::gl_renderer());
    if (fonts.any()) {
        fonts::FontAtlasManager& m = fonts.manager();
        report.put("atlas_w", m.stats().width);
        report.put("atlas_h", m.stats().height);
        report.put("glyphs", m.stats().rendered);
        if (defer_common) {
            fonts.start_common(assets);
        }
        // The loop goes on until the common characters are in and on screen: the worker wakes
        // the window when its build is done, and the next frame swaps the atlas in.
        while (m.building() || m.needs_rebuild()) {
            pacer.step(callbacks);
            if (m.last_error()) {
                die(m.last_error()->message);
            }
        }
        report.mark("full_atlas");
        put_memory(report, "_full");
        report.put("full_atlas_w", m.stats().width);
        report.put("full_atlas_h", m.stats().height);
        report.put("full_glyphs", m.stats().rendered);
    }
    std::fflush(stdout);
    std::_Exit(0);
}

// [SECTION] Parent: spawning, data directories, report

using Sample = std::map<std::string, std::string>;

// Runs `program args...`, its output going to `out` (nullptr: inherited); returns the exit
// status of a normal exit, or -1.
int run(const std::vector<std::string>& args, std::string* out) {
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    const pid_t pid = fork();
    if (pid == 0) {
        if (out != nullptr) {
            dup2(fds[1], STDOUT_FILENO);
        }
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> argv;
        for (const std::string& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        std::perror("execv");
        std::_Exit(127);
    }
    close(fds[1]);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
        if (out != nullptr) {
            out->append(buffer, static_cast<std::size_t>(n));
        }
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Sample spawn_variant(const std::string& variant, const fs::path& data, const Options& options) {
    std::string output;
    const std::int64_t t0 = steady_ns();
    const int code = run({"/proc/self/exe", "--variant", variant, "--t0", std::to_string(t0),
                          "--data", data.string(), "--assets", options.assets.string()},
                         &output);
    if (code != 0) {
        std::fprintf(stderr, "kiosk_start_bench: variant %s failed (exit %d)\n", variant.c_str(),
                     code);
        std::exit(1);
    }
    Sample sample;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        const auto space = line.find(' ');
        if (space != std::string::npos) {
            sample[line.substr(0, space)] = line.substr(space + 1);
        }
    }
    return sample;
}

// A data directory as `counterfoil-cli init` makes it for a new kiosk.
fs::path make_data_dir(const fs::path& parent, const std::string& name, const Options& options) {
    const fs::path data = parent / name;
    std::string ignored;
    if (run({options.cli.string(), "--data", data.string(), "init", "--branch", "SZ01",
             "--terminal", "K1"},
            &ignored) != 0) {
        std::fprintf(stderr, "kiosk_start_bench: %s init failed\n", options.cli.c_str());
        std::exit(1);
    }
    return data;
}

double number(const Sample& s, const std::string& key) {
    const auto it = s.find(key);
    return it == s.end() ? 0.0 : std::atof(it->second.c_str());
}

double median(const std::vector<Sample>& samples, const std::string& key) {
    std::vector<double> values;
    for (const Sample& s : samples) {
        values.push_back(number(s, key));
    }
    return bench::percentile(values, 50);
}

int run_parent(const Options& options, const std::string& command) {
    bench::ScratchDir scratch(options.dir);
    const fs::path warm = make_data_dir(scratch.path, "warm", options);
    const std::vector<std::string> variants = {"floor",        "naive", "ours",
                                               "ours-default", "first", "eager"};
    std::map<std::string, std::vector<Sample>> results;
    int fresh = 0;
    const auto data_for = [&](const std::string& variant) {
        return variant == "first"
                   ? make_data_dir(scratch.path, "fresh" + std::to_string(fresh++), options)
                   : warm;
    };
    // Round 0 deploys rime into the warm data dir and fills the page cache; it is discarded.
    for (int round = 0; round <= options.rounds; ++round) {
        for (const std::string& v : variants) {
            Sample s = spawn_variant(v, data_for(v), options);
            if (round > 0) {
                results[v].push_back(std::move(s));
            }
        }
        std::fprintf(stderr, "kiosk_start_bench: round %d of %d done\n", round, options.rounds);
    }

    std::printf("kiosk_start_bench: process start to first presented frame, 1920x1080 window, "
                "median of %d interleaved rounds, each variant its own process\n",
                options.rounds);
    std::printf("command: %s\n", command.c_str());
    std::printf("machine: %s, %ld CPUs online, load average at end %s", bench::cpu_model().c_str(),
                sysconf(_SC_NPROCESSORS_ONLN),
                [] {
                    std::ifstream in("/proc/loadavg");
                    std::string l;
                    std::getline(in, l);
                    return l + "\n";
                }()
                    .c_str());
    std::printf("renderer: %s\n\n", results["ours"].front()["renderer"].c_str());

    const double floor_ms = median(results["floor"], "t_first_frame");
    const double floor_kb = median(results["floor"], "hwm_kb");
    const std::vector<std::pair<std::string, std::string>> labels = {
        {"floor", "floor: ImGui default font only"},
        {"naive", "naive: ChineseFull atlas, RGBA upload"},
        {"ours", "ours: counterfoil start, rime deployed"},
        {"ours-default", "ours with ImGui's default font"},
        {"first", "ours, first-ever start (rime deploys)"},
        {"eager", "common characters before the 1st frame"},
    };
    std::printf("%-40s %12s %8s %10s %9s %10s %11s %8s\n", "variant", "first frame", "x floor",
                "VmHWM", "+ floor", "min..max", "atlas", "glyphs");
    for (const auto& [name, label] : labels) {
        const auto& runs = results[name];
        const double ms = median(runs, "t_first_frame");
        const double kb = median(runs, "hwm_kb");
        std::vector<double> all;
        for (const Sample& s : runs) {
            all.push_back(number(s, "t_first_frame"));
        }
        char range[32];
        std::snprintf(range, sizeof range, "%.0f..%.0f", bench::percentile(all, 0),
                      bench::percentile(all, 100));
        char atlas[32] = "-";
        if (number(runs.front(), "atlas_w") > 0) {
            std::snprintf(atlas, sizeof atlas, "%.0fx%.0f", number(runs.front(), "atlas_w"),
                          number(runs.front(), "atlas_h"));
        }
        std::printf("%-40s %9.0f ms %7.2fx %7.1f MB %+6.1f MB %10s %11s %8.0f\n", label.c_str(), ms,
                    ms / floor_ms, kb / 1024, (kb - floor_kb) / 1024, range, atlas,
                    number(runs.front(), "glyphs"));
    }

    // A phase a variant does not have is left out of its line.
    std::printf("\nphase by phase (median ms since process start, and the phase's own time):\n");
    for (const std::string& v : variants) {
        std::printf("  %-13s", v.c_str());
        double previous = 0;
        for (const char* phase :
             {"main", "context", "catalog", "find_fonts", "first_atlas_started", "store", "rime",
              "window", "atlas", "first_atlas", "common_started", "first_frame", "full_atlas"}) {
            const std::string key = std::string("t_") + phase;
            if (!results[v].front().contains(key)) {
                continue;
            }
            const double at = median(results[v], key);
            std::printf(" %s %.0f (+%.0f)", phase, at, at - previous);
            previous = at;
        }
        std::printf("\n");
    }
    const auto& ours = results["ours"];
    std::printf("\nours, after the first frame: common characters built in the background and "
                "presented at %.0f ms, %.0fx%.0f atlas with %.0f glyphs, VmHWM then %.1f MB "
                "(%+.1f MB over the floor)\n",
                median(ours, "t_full_atlas"), number(ours.front(), "full_atlas_w"),
                number(ours.front(), "full_atlas_h"), number(ours.front(), "full_glyphs"),
                median(ours, "hwm_kb_full") / 1024,
                (median(ours, "hwm_kb_full") - floor_kb) / 1024);

    for (const char* v : {"eager"}) {
        std::printf("%s, after the first frame: common characters presented at %.0f ms, VmHWM "
                    "then %.1f MB (%+.1f MB over the floor)\n",
                    v, median(results[v], "t_full_atlas"), median(results[v], "hwm_kb_full") / 1024,
                    (median(results[v], "hwm_kb_full") - floor_kb) / 1024);
    }

    const double ours_ms = median(ours, "t_first_frame");
    const double ours_kb = median(ours, "hwm_kb");
    std::printf("\ntarget time: ours %.0f ms <= 1.25 x floor %.0f ms = %.0f ms: %s\n", ours_ms,
                floor_ms, 1.25 * floor_ms, ours_ms <= 1.25 * floor_ms ? "met" : "MISSED");
    std::printf("target RSS:  ours %.1f MB <= floor %.1f MB + 40 MB = %.1f MB: %s\n",
                ours_kb / 1024, floor_kb / 1024, floor_kb / 1024 + 40,
                ours_kb <= floor_kb + 40 * 1024 ? "met" : "MISSED");
    for (const char* v : {"eager"}) {
        const double ms = median(results[v], "t_first_frame");
        const double kb = median(results[v], "hwm_kb");
        std::printf("%-12s %.0f ms (%.2fx floor: %s), %.1f MB (%s)\n",
                    (std::string(v) + ":").c_str(), ms, ms / floor_ms,
                    ms <= 1.25 * floor_ms ? "met" : "MISSED", kb / 1024,
                    kb <= floor_kb + 40 * 1024 ? "met" : "MISSED");
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string variant = bench::arg(argc, argv, "--variant", "");
    if (!variant.empty()) {
        Report report(std::atoll(bench::arg(argc, argv, "--t0", "0").c_str()));
        report.mark("main");
        if (variant == "floor" || variant == "naive") {
            return run_plain(variant, report);
        }
        return run_ours(variant, bench::arg(argc, argv, "--data", ""),
                        bench::arg(argc, argv, "--assets", COUNTERFOIL_BENCH_ASSETS), report);
    }
    Options options;
    options.rounds = std::max(1, std::atoi(bench::arg(argc, argv, "--rounds", "5").c_str()));
    options.dir = bench::arg(argc, argv, "--dir", options.dir.string());
    options.cli = bench::arg(argc, argv, "--cli", options.cli.string());
    options.assets = bench::arg(argc, argv, "--assets", options.assets.string());
    std::string command = argv[0];
    for (int i = 1; i < argc; ++i) {
        command += std::string(" ") + argv[i];
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        std::fprintf(stderr, "kiosk_start_bench: needs a display: run it under xvfb-run -a -s "
                             "\"-screen 0 1920x1080x24\"\n");
        return 2;
    }
    return run_parent(options, command);
}
