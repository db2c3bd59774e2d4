// Cold start of the kiosk's fonts: time to the first frame and peak memory, per font set-up.
//
// Each variant runs in its own process (this binary re-executed with --variant), so that peak
// RSS (from wait4) belongs to that variant alone; the parent discards a warm-up round, then
// prints the medians of --runs interleaved rounds in a table. Times start at the child's main().
// With DISPLAY set every variant opens a real window (GLFW + OpenGL 3.3, fullscreen unless
// --windowed) and the first frame is presented; without it (or with --headless) the null platform
// stands in and only the CPU side is measured.
//
//   floor    ImGui's default font only: what start-up costs without any CJK font
//   naive    AddFontFromFileTTF(NotoSansCJK-Regular.ttc) with GetGlyphRangesChineseFull(),
//            ImGui's default stb_truetype builder and the OpenGL3 backend's RGBA texture
//   initial  our first atlas: the SC face with the zh-Hans and English UI text, built on a
//            worker while the window opens
//   all-ui   our first atlas as the app makes it today: every locale's UI text in both faces,
//            built after the window opened
//   full     initial, then the full atlas (both faces, every locale's UI text, the common
//            characters of both scripts) built in the background and swapped in; "ready" is
//            when a frame was presented with it
//
// Built by fonts/CMakeLists.txt (it needs cf_fonts and cf_platform, which bench/CMakeLists.txt
// does not link). Run: font_atlas_bench [--runs 3] [--scale 1.0] [--windowed] [--headless]

#include "bench/bench_util.h"
#include "fonts/common_characters.h"
#include "fonts/font_atlas_manager.h"
#include "platform/glfw_platform.h"
#include "platform/null_platform.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
namespace fonts = cf::fonts;
namespace platform = cf::platform;

struct Options {
    int runs = 3;
    float scale = 1.0f;
    bool windowed = false;
    bool headless = false;
    fs::path assets = COUNTERFOIL_BENCH_ASSETS;
    fs::path font_dir = std::string(fonts::k_default_font_dir);
};

struct Measure {
    double first_frame_ms = 0;
    double ready_ms = 0; // full variant: all glyphs presented
    int atlas_w = 0;
    int atlas_h = 0;
    int rendered = 0;
    int shared = 0;
    long peak_rss_kb = 0;
    double cpu_ms = 0; // user + system time of the whole child process
};

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every string of the UI in one locale: assets/i18n/<locale>.json, and the labels of that
// locale in categories.json and forms/*.json (objects keyed by locale code).
void collect_locale_strings(const nlohmann::json& j, const std::string& locale, std::string& out) {
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            if (key == locale && value.is_string()) {
                out += value.get<std::string>();
                out += '\n';
            } else {
                collect_locale_strings(value, locale, out);
            }
        }
    } else if (j.is_array()) {
        for (const auto& value : j) {
            collect_locale_strings(value, locale, out);
        }
    }
}

std::string ui_text(const Options& options, const std::string& locale) {
    std::string out;
    const auto i18n = nlohmann::json::parse(read_file(options.assets / "i18n" / (locale + ".json")),
                                            nullptr, false);
    if (i18n.is_object()) {
        for (const auto& [key, value] : i18n.items()) {
            if (value.is_string()) {
                out += value.get<std::string>();
                out += '\n';
            }
        }
    }
    std::vector<fs::path> labelled = {options.assets / "categories.json"};
    for (const auto& entry : fs::directory_iterator(options.assets / "forms")) {
        labelled.push_back(entry.path());
    }
    for (const fs::path& file : labelled) {
        collect_locale_strings(nlohmann::json::parse(read_file(file), nullptr, false), locale, out);
    }
    return out;
}

std::unique_ptr<platform::Platform> open_platform(const Options& options) {
    if (options.headless) {
        return std::make_unique<platform::NullPlatform>();
    }
    platform::WindowOptions window;
    window.title = "font_atlas_bench";
    window.fullscreen = !options.windowed;
    window.vsync = false;
    auto opened = platform::GlfwPlatform::create(window);
    if (!opened) {
        std::fprintf(stderr, "font_atlas_bench: %s\n", opened.error().message.c_str());
        std::exit(2);
    }
    return std::move(*opened);
}

// What the kiosk's first screen draws: a title, a body line in each script, a ticket number.
void draw_screen(ImFont* title, ImFont* sc_body, ImFont* tc_body, ImFont* huge) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::PushFont(title);
    ImGui::TextUnformatted("您的意见，我们认真对待");
    ImGui::PopFont();
    ImGui::PushFont(sc_body);
    ImGui::TextUnformatted("轻触屏幕开始 · Touch the screen to start");
    ImGui::PopFont();
    ImGui::PushFont(tc_body);
    ImGui::TextUnformatted("輕觸螢幕開始");
    ImGui::PopFont();
    ImGui::PushFont(huge);
    ImGui::TextUnformatted("GZ02-261123-K1-0042M");
    ImGui::PopFont();
    ImGui::End();
}

void present(platform::Platform& p, ImFont* title, ImFont* sc_body, ImFont* tc_body, ImFont* huge) {
    p.begin_frame();
    draw_screen(title, sc_body, tc_body, huge);
    p.end_frame();
}

std::unique_ptr<fonts::FontAtlasManager> open_fonts(const Options& options,
                                                    platform::Platform** wake_target) {
    fonts::FontOptions font_options;
    font_options.font_dir = options.font_dir;
    font_options.sizes.scale = options.scale;
    font_options.on_build_done = [wake_target] {
        if (*wake_target != nullptr) {
            (*wake_target)->wake();
        }
    };
    auto opened = fonts::FontAtlasManager::open(font_options);
    if (!opened) {
        std::fprintf(stderr, "font_atlas_bench: %s\n", opened.error().message.c_str());
        std::exit(2);
    }
    return std::move(*opened);
}

void report(const Measure& m) {
    std::printf("first_frame_ms=%.3f ready_ms=%.3f atlas_w=%d atlas_h=%d rendered=%d shared=%d\n",
                m.first_frame_ms, m.ready_ms, m.atlas_w, m.atlas_h, m.rendered, m.shared);
}

int run_variant(const std::string& variant, const Options& options) {
    const auto start = Clock::now();
    Measure m;
    // Every variant reads the UI text, as the app does whatever its fonts.
    const std::string hans = ui_text(options, "zh-Hans");
    const std::string en = ui_text(options, "en");
    const std::string hant = ui_text(options, "zh-Hant");
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    // Both live until exit; the process ends right after reporting.
    std::unique_ptr<platform::Platform> p;
    std::unique_ptr<fonts::FontAtlasManager> manager;
    platform::Platform* wake_target = nullptr;

    if (variant == "floor") {
        p = open_platform(options);
        ImFont* f = ImGui::GetIO().Fonts->AddFontDefault();
        present(*p, f, f, f, f);
        m.first_frame_ms = ms_since(start);
        m.atlas_w = ImGui::GetIO().Fonts->TexWidth;
        m.atlas_h = ImGui::GetIO().Fonts->TexHeight;
    } else if (variant == "naive") {
        ImGuiIO& io = ImGui::GetIO();
        const fs::path file = options.font_dir / fonts::k_font_file_name;
        ImFont* f = io.Fonts->AddFontFromFileTTF(
            file.c_str(), fonts::FontSizes{}.pixels(fonts::Role::body) * options.scale, nullptr,
            io.Fonts->GetGlyphRangesChineseFull());
        p = open_platform(options);
        if (!options.headless) {
            ImGui_ImplOpenGL3_CreateFontsTexture(); // the backend's RGBA32 upload
        } else {
            unsigned char* pixels = nullptr;
            int width = 0;
            int height = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        }
        present(*p, f, f, f, f);
        m.first_frame_ms = ms_since(start);
        m.atlas_w = io.Fonts->TexWidth;
        m.atlas_h = io.Fonts->TexHeight;
        m.rendered = f->Glyphs.Size;
    } else if (variant == "initial" || variant == "full") {
        manager = open_fonts(options, &wake_target);
        manager->add_ui_text(fonts::Face::sc, hans);
        manager->add_ui_text(fonts::Face::sc, en);
        manager->start_rebuild(); // on a worker while the window opens
        p = open_platform(options);
        wake_target = p.get();
        manager->wait();
        manager->poll_ready();
        manager->install(ImGui::GetIO());
        const auto font = [&](fonts::Face face, fonts::Role role) {
            return manager->font(face, role);
        };
        present(*p, font(fonts::Face::sc, fonts::Role::title),
                font(fonts::Face::sc, fonts::Role::body), font(fonts::Face::tc, fonts::Role::body),
                font(fonts::Face::sc, fonts::Role::huge));
        m.first_frame_ms = ms_since(start);
        if (variant == "full") {
            manager->add_ui_text(fonts::Face::tc, hant);
            for (fonts::Face face : fonts::k_all_faces) {
                auto common = fonts::load_common_characters(options.assets, face);
                if (!common) {
                    std::fprintf(stderr, "font_atlas_bench: %s\n", common.error().message.c_str());
                    return 2;
                }
                manager->add_common_text(*common);
            }
            manager->start_rebuild();
            if (options.headless) {
                manager->wait(); // the null platform's waits return at once: no busy loop
            }
            // The UI loop: sleep until the worker wakes us, then swap and present.
            while (!manager->poll_ready()) {
                p->wait_for_input(1.0);
                if (manager->last_error()) {
                    std::fprintf(stderr, "font_atlas_bench: %s\n",
                                 manager->last_error()->message.c_str());
                    return 2;
                }
            }
            present(*p, font(fonts::Face::sc, fonts::Role::title),
                    font(fonts::Face::sc, fonts::Role::body),
                    font(fonts::Face::tc, fonts::Role::body),
                    font(fonts::Face::sc, fonts::Role::huge));
            m.ready_ms = ms_since(start);
        }
        m.atlas_w = manager->stats().width;
        m.atlas_h = manager->stats().height;
        m.rendered = manager->stats().rendered;
        m.shared = manager->stats().shared;
    } else if (variant == "all-ui") {
        manager = open_fonts(options, &wake_target);
        p = open_platform(options);
        manager->add_ui_text(fonts::Face::sc, hans);
        manager->add_ui_text(fonts::Face::sc, en);
        manager->add_ui_text(fonts::Face::tc, hant);
        if (auto built = manager->build_now(); !built) {
            std::fprintf(stderr, "font_atlas_bench: %s\n", built.error().message.c_str());
            return 2;
        }
        manager->install(ImGui::GetIO());
        present(*p, manager->font(fonts::Face::sc, fonts::Role::title),
                manager->font(fonts::Face::sc, fonts::Role::body),
                manager->font(fonts::Face::tc, fonts::Role::body),
                manager->font(fonts::Face::sc, fonts::Role::huge));
        m.first_frame_ms = ms_since(start);
        m.atlas_w = manager->stats().width;
        m.atlas_h = manager->stats().height;
        m.rendered = manager->stats().rendered;
        m.shared = manager->stats().shared;
    } else {
        std::fprintf(stderr, "font_atlas_bench: unknown variant %s\n", variant.c_str());
        return 2;
    }
    report(m);
    std::fflush(stdout);
    // Skip teardown: it is not part of start-up, and the next variant is a new process.
    std::_Exit(0);
}

// Runs one variant in a child process; its peak RSS comes from wait4.
Measure spawn(const std::string& variant, const std::vector<std::string>& pass_through) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        std::vector<std::string> args = {"/proc/self/exe", "--variant", variant};
        args.insert(args.end(), pass_through.begin(), pass_through.end());
        std::vector<char*> argv;
        for (std::string& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        std::perror("execv");
        std::_Exit(127);
    }
    close(pipe_fds[1]);
    std::string output;
    char buffer[512];
    ssize_t n = 0;
    while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
        output.append(buffer, static_cast<std::size_t>(n));
    }
    close(pipe_fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Measure m;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "font_atlas_bench: variant %s failed\n", variant.c_str());
        std::exit(1);
    }
    m.peak_rss_kb = usage.ru_maxrss;
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
    };
    m.cpu_ms = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    std::sscanf(output.c_str(),
                "first_frame_ms=%lf ready_ms=%lf atlas_w=%d atlas_h=%d rendered=%d shared=%d",
                &m.first_frame_ms, &m.ready_ms, &m.atlas_w, &m.atlas_h, &m.rendered, &m.shared);
    return m;
}

template <class F> double median(std::vector<Measure> runs, F field) {
    std::vector<double> values;
    for (const Measure& m : runs) {
        values.push_back(static_cast<double>(field(m)));
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Size and build time of the full atlas at several text scales, in this process: where the
// 4096x4096 limit starts to bite and common characters are left out.
void scale_table(const Options& options) {
    std::printf("\nFull atlas (both faces, all UI text, common characters) by text scale:\n");
    std::printf("%-7s %-9s %-11s %-10s %-8s %-9s %s\n", "scale", "body px", "texture", "rendered",
                "shared", "left out", "build");
    for (float scale : {1.0f, 1.3f, 1.6f, 1.9f, 2.2f}) {
        platform::Platform* none = nullptr;
        Options o = options;
        o.scale = scale;
        auto manager = open_fonts(o, &none);
        manager->add_ui_text(fonts::Face::sc, ui_text(o, "zh-Hans"));
        manager->add_ui_text(fonts::Face::sc, ui_text(o, "en"));
        manager->add_ui_text(fonts::Face::tc, ui_text(o, "zh-Hant"));
        for (fonts::Face face : fonts::k_all_faces) {
            if (auto common = fonts::load_common_characters(o.assets, face)) {
                manager->add_common_text(*common);
            }
        }
        const auto built = manager->build_now();
        const float body = manager->sizes().pixels(fonts::Role::body);
        if (built) {
            char texture[32];
            std::snprintf(texture, sizeof texture, "%dx%d", manager->stats().width,
                          manager->stats().height);
            std::printf("%-7.1f %-9.0f %-11s %-10d %-8d %-9zu %.0f ms\n",
                        static_cast<double>(scale), static_cast<double>(body), texture,
                        manager->stats().rendered, manager->stats().shared,
                        manager->dropped().size(), manager->stats().seconds * 1000);
        } else {
            std::printf("%-7.1f %-9.0f refused: %s\n", static_cast<double>(scale),
                        static_cast<double>(body), built.error().message.c_str());
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    std::string variant;
    std::vector<std::string> pass_through;
    std::string command = argv[0];
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        command += " " + arg;
        const bool has_value = i + 1 < argc;
        if (arg == "--variant" && has_value) {
            variant = argv[++i];
        } else if (arg == "--runs" && has_value) {
            options.runs = std::max(1, std::atoi(argv[++i]));
            command += std::string(" ") + argv[i];
        } else if (arg == "--scale" && has_value) {
            options.scale = static_cast<float>(std::atof(argv[++i]));
            pass_through.insert(pass_through.end(), {"--scale", argv[i]});
            command += std::string(" ") + argv[i];
        } else if (arg == "--assets" && has_value) {
            options.assets = argv[++i];
            pass_through.insert(pass_through.end(), {"--assets", argv[i]});
            command += std::string(" ") + argv[i];
        } else if (arg == "--font-dir" && has_value) {
            options.font_dir = argv[++i];
            pass_through.insert(pass_through.end(), {"--font-dir", argv[i]});
            command += std::string(" ") + argv[i];
        } else if (arg == "--windowed") {
            options.windowed = true;
            pass_through.push_back(arg);
        } else if (arg == "--headless") {
            options.headless = true;
            pass_through.push_back(arg);
        } else {
            std::fprintf(stderr, "usage: font_atlas_bench [--runs N] [--scale S] [--windowed] "
                                 "[--headless] [--assets DIR] [--font-dir DIR]\n");
            return 2;
        }
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        options.headless = true;
        if (std::find(pass_through.begin(), pass_through.end(), "--headless") ==
            pass_through.end()) {
            pass_through.push_back("--headless");
        }
    }
    if (!variant.empty()) {
        return run_variant(variant, options);
    }

    const std::vector<std::pair<std::string, std::string>> variants = {
        {"floor", "ImGui default font only"},
        {"naive", "naive: ChineseFull, stb_truetype, RGBA"},
        {"initial", "ours: initial atlas (zh-Hans+en UI)"},
        {"all-ui", "ours: all locales' UI, after window"},
        {"full", "ours: initial + full atlas in background"},
    };
    std::map<std::string, std::vector<Measure>> results;
    // A discarded round first, so every figure is a process cold start with the font file and
    // libraries in the page cache, as on a kiosk that has run before.
    for (const auto& [name, label] : variants) {
        spawn(name, pass_through);
    }
    // Interleaved, so that a noisy moment on a shared machine hits every variant alike.
    for (int run = 0; run < options.runs; ++run) {
        for (const auto& [name, label] : variants) {
            results[name].push_back(spawn(name, pass_through));
        }
    }

    std::printf("font_atlas_bench: cold start per font set-up, median of %d runs, each variant in "
                "its own process\n",
                options.runs);
    std::printf("command: %s\n", command.c_str());
    std::printf("machine: %s, %ld CPUs online; %s\n", cf::bench::cpu_model().c_str(),
                sysconf(_SC_NPROCESSORS_ONLN),
                options.headless
                    ? "headless (null platform: no window, no GPU upload)"
                    : (std::string("DISPLAY=") + display +
                       (options.windowed ? ", 1280x720 window" : ", fullscreen window") +
                       ", GLFW + OpenGL 3.3")
                          .c_str());
    std::printf("text scale %.2f (body %.0f px)\n\n", static_cast<double>(options.scale),
                static_cast<double>(fonts::FontSizes{}.pixels(fonts::Role::body) * options.scale));
    const double floor_ms =
        median(results["floor"], [](const Measure& m) { return m.first_frame_ms; });
    const double floor_rss =
        median(results["floor"], [](const Measure& m) { return m.peak_rss_kb; });
    const double floor_cpu = median(results["floor"], [](const Measure& m) { return m.cpu_ms; });
    std::printf("%-42s %11s %7s %11s %9s %7s %10s %9s %-11s %8s %6s\n", "variant", "first frame",
                "x floor", "all glyphs", "CPU", "x floor", "peak RSS", "+ floor", "atlas",
                "rendered", "shared");
    for (const auto& [name, label] : variants) {
        const auto& runs = results[name];
        const double first = median(runs, [](const Measure& m) { return m.first_frame_ms; });
        const double ready = median(runs, [](const Measure& m) { return m.ready_ms; });
        const double cpu = median(runs, [](const Measure& m) { return m.cpu_ms; });
        const double rss = median(runs, [](const Measure& m) { return m.peak_rss_kb; });
        char atlas[32];
        std::snprintf(atlas, sizeof atlas, "%dx%d", runs.front().atlas_w, runs.front().atlas_h);
        char ready_text[32] = "-";
        if (ready > 0) {
            std::snprintf(ready_text, sizeof ready_text, "%.0f ms", ready);
        }
        std::printf("%-42s %8.0f ms %6.2fx %11s %6.0f ms %6.2fx %7.1f MB %+6.1f MB %-11s %8d %6d\n",
                    label.c_str(), first, first / floor_ms, ready_text, cpu, cpu / floor_cpu,
                    rss / 1024, (rss - floor_rss) / 1024, atlas, runs.front().rendered,
                    runs.front().shared);
    }
    std::printf("\nfirst frame: process start to the first frame presented (median); all glyphs: "
                "to a frame with the full atlas;\nCPU: user+system time of the whole process; "
                "peak RSS: the process's maximum resident set (wait4).\n");
    scale_table(options);
    return 0;
}
