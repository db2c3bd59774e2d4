// The console's regional dashboard over 1,000,000 tickets from 500 branches (issue 6,
// "Benchmark"): the first paint of the dashboard (target <= 500 ms) and CPU per frame on it
// (target p99 <= 4 ms), against baselines measured in the same run: the same dashboard over a
// small region (--baseline-tickets, 500 branches too) and an empty ImGui window.
//
// Each region is a real counterfoil-center: `sample-data` fills its data directory once (kept
// under --dir and reused while the counts match), then `serve` runs it on loopback. The
// console opens as app/console_app.cpp does for `--windowed 1920x1080`: a GlfwPlatform window
// (vsync on), KioskFonts at the console's font factor, ConsoleController (its requests on the
// ConsoleClient worker) and ConsoleFrame, signed in as the manager M01.
//
// First paint is wall time from the request (the dashboard tab clicked right after sign-in,
// or a period chosen) until the frame that shows the new figures is swapped: the request over
// loopback, the center's aggregation, the answer's parsing on the worker, and the frame.
// Frame cost is this thread's CPU time (CLOCK_THREAD_CPUTIME_ID; the target), the process's
// CPU and wall time, for: the pointer moving over the charts, wheel scrolling through the list
// of all branches, the frames around a period change (including the one that takes the
// answer in), and a drill-down to a branch's tickets and back.
//
//   console_dashboard_bench [--tickets 1000000] [--branches 500] [--baseline-tickets 2000]
//                           [--rounds 5] [--dir PARENT]
//
// Run it on Mesa's software renderer:
//   LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" console_dashboard_bench

#include "app/console_app.h"
#include "app/kiosk_fonts.h"
#include "bench/bench_util.h"
#include "console/console_controller.h"
#include "console/console_frame.h"
#include "console/departments.h"
#include "forms/catalog.h"
#include "platform/glfw_platform.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace cf;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_password = "bench-pass-1M"; // the demo staff password of every region

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "console_dashboard_bench: %s\n", message.c_str());
    std::exit(2);
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// ================================================================ [SECTION] the center

pid_t spawn(const std::vector<std::string>& args, const std::string& input, const fs::path& out,
            const fs::path& err) {
    int in[2];
    if (pipe(in) != 0) {
        die("pipe");
    }
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        close(in[0]);
        close(in[1]);
        const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(o, 1);
        dup2(e, 2);
        std::vector<std::string> owned{COUNTERFOIL_BENCH_CENTER};
        owned.insert(owned.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : owned) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in[0]);
    if (!input.empty()) {
        [[maybe_unused]] auto n = write(in[1], input.data(), input.size());
    }
    close(in[1]);
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Region {
    int tickets = 0;
    int branches = 0;
    fs::path dir;
    double generated_s = -1; // -1: reused
};

// Fills dir with sample-data unless it already holds this region.
Region make_region(const fs::path& parent, int tickets, int branches) {
    Region r{tickets, branches,
             parent / ("console-bench-" + std::to_string(tickets) + "-" + std::to_string(branches)),
             -1};
    const fs::path marker = r.dir.string() + ".done";
    if (fs::exists(marker) && fs::exists(r.dir)) {
        return r;
    }
    std::error_code ec;
    fs::remove_all(r.dir, ec);
    std::fprintf(stderr, "making a region of %d tickets from %d branches in %s ...\n", tickets,
                 branches, r.dir.c_str());
    const double t0 = bench::now_ms();
    const fs::path log = r.dir.string() + ".log";
    const pid_t pid =
        spawn({"--data", r.dir.string(), "sample-data", "--tickets", std::to_string(tickets),
               "--branches", std::to_string(branches), "--seed", "1", "--staff-password-stdin"},
              std::string(k_password) + "\n", "/dev/null", log);
    if (wait_exit(pid) != 0) {
        die("sample-data failed: " + read_file(log));
    }
    r.generated_s = (bench::now_ms() - t0) / 1000.0;
    std::ofstream(marker) << "done\n";
    return r;
}

// `serve` on a free loopback port, until destroyed.
class Center {
public:
    explicit Center(const Region& r) {
        const fs::path out = r.dir.string() + ".serve.out";
        const fs::path log = r.dir.string() + ".serve.log";
        std::error_code ec;
        fs::remove(out, ec); // never the address of an earlier run
        const double t0 = bench::now_ms();
        m_pid = spawn({"--data", r.dir.string(), "serve", "--listen", "127.0.0.1:0"}, {}, out, log);
        for (int i = 0; i < 6000 && m_url.empty(); ++i) {
            std::istringstream lines(read_file(out));
            for (std::string line; std::getline(lines, line);) {
                if (line.starts_with("listening on ")) {
                    m_url = line.substr(13);
                }
            }
            if (m_url.empty()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        if (m_url.empty()) {
            die("the center did not start: " + read_file(log));
        }
        startup_ms = bench::now_ms() - t0;
    }
    ~Center() {
        kill(m_pid, SIGTERM);
        wait_exit(m_pid);
    }
    Center(const Center&) = delete;
    Center& operator=(const Center&) = delete;

    // The center's resident set now (VmRSS) and at its peak (VmHWM), MB.
    std::pair<double, double> rss_mb() const {
        std::ifstream in("/proc/" + std::to_string(m_pid) + "/status");
        double rss = 0;
        double hwm = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.starts_with("VmRSS:")) {
                rss = std::stod(line.substr(6)) / 1024.0;
            } else if (line.starts_with("VmHWM:")) {
                hwm = std::stod(line.substr(6)) / 1024.0;
            }
        }
        return {rss, hwm};
    }

    const std::string& url() const { return m_url; }
    double startup_ms = 0;

private:
    pid_t m_pid = -1;
    std::string m_url;
};

// ================================================================ [SECTION] the console

struct FrameCost {
    double thread_ms = 0;
    double process_ms = 0;
    double wall_ms = 0;
};

struct Row {
    std::string label;
    std::vector<double> thread;
    std::vector<double> process;
    std::vector<double> wall;
    void add(const FrameCost& f) {
        thread.push_back(f.thread_ms);
        process.push_back(f.process_ms);
        wall.push_back(f.wall_ms);
    }
    void add(const Row& r) {
        thread.insert(thread.end(), r.thread.begin(), r.thread.end());
        process.insert(process.end(), r.process.begin(), r.process.end());
        wall.insert(wall.end(), r.wall.begin(), r.wall.end());
    }
};

void print_row(const Row& r) {
    std::printf("%-50s %6zu %8.2f %8.2f %8.2f %8.2f %9.2f %8.2f\n", r.label.c_str(),
                r.thread.size(), bench::percentile(r.thread, 50), bench::percentile(r.thread, 95),
                bench::percentile(r.thread, 99), bench::percentile(r.thread, 100),
                bench::percentile(r.process, 50), bench::percentile(r.wall, 50));
}

struct ImGuiScope {
    ImGuiScope() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().LogFilename = nullptr;
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // as console_app.cpp
    }
    ~ImGuiScope() { ImGui::DestroyContext(); }
    ImGuiScope(const ImGuiScope&) = delete;
    ImGuiScope& operator=(const ImGuiScope&) = delete;
};

// A console signed in to one center, as app/console_app.cpp makes it.
struct Console {
    Console(const std::string& url, const forms::Catalog& catalog,
            const console::Departments& departments, app::KioskFonts& fonts) {
        console::ConsoleServices services;
        services.http.base_url = url;
        services.catalog = &catalog;
        services.departments = departments;
        services.clock = &clock;
        controller.emplace(std::move(services));
        console::ConsoleHooks hooks;
        hooks.fonts = [&fonts](ui::Locale l) {
            return fonts.fonts_for(l);
        };
        hooks.shown_text = [&fonts](std::string_view text) {
            fonts.add_text(text);
        };
        hooks.export_path = [] {
            return fs::path("/tmp/console-bench.csv");
        };
        frame.emplace(*controller, std::move(hooks));
    }
    core::SystemClock clock;
    std::optional<console::ConsoleController> controller;
    std::optional<console::ConsoleFrame> frame;
};

struct Input {
    std::optional<ImVec2> mouse; // the pointer moved here
    float wheel = 0;             // notches over the list of all branches, negative = down
    std::function<void()> action;
};

class Bench {
public:
    explicit Bench(const forms::Catalog& catalog, const fs::path& assets) {
        platform::WindowOptions window;
        window.title = "Counterfoil console";
        window.fullscreen = false;
        window.width = 1920;
        window.height = 1080;
        auto opened = platform::GlfwPlatform::create(window);
        if (!opened) {
            die(opened.error().message);
        }
        m_platform = std::move(*opened);
        platform::Platform& p = *m_platform;
        const float scale =
            app::k_console_font_factor *
            console::ConsoleFrame::scale_for(static_cast<float>(p.framebuffer_size().height));
        auto fonts = app::KioskFonts::open({}, catalog, assets, scale, [&p] { p.wake(); });
        if (!fonts) {
            die(fonts.error().message);
        }
        m_fonts = std::move(*fonts);
        if (auto ready = m_fonts->finish_first_atlas(); !ready) {
            die(ready.error().message);
        }
        m_fonts->start_common_characters();
    }
    ~Bench() { m_platform.reset(); }
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    app::KioskFonts& fonts() { return *m_fonts; }

    // One console frame; `c` null draws the baseline: an empty ImGui window with one line.
    FrameCost frame(Console* c, const Input& in = {}) {
        const double t0 = bench::cpu_ms(CLOCK_THREAD_CPUTIME_ID);
        const double p0 = bench::cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
        const double w0 = bench::now_ms();
        m_platform->wait_for_input(0.0);
        ImGuiIO& io = ImGui::GetIO();
        if (in.mouse) {
            io.MousePos = *in.mouse;
            io.WantSetMousePos = true;
        }
        if (in.wheel != 0 && m_list != nullptr) {
            io.MousePos = ImVec2(m_list->Pos.x + m_list->Size.x * 0.5f,
                                 m_list->Pos.y + m_list->Size.y * 0.5f);
            io.WantSetMousePos = true;
            io.MouseWheel += in.wheel;
        }
        if (in.action) {
            if (c != nullptr) {
                c->controller->touch();
            }
            in.action();
        }
        m_fonts->before_frame();
        if (c != nullptr) {
            c->frame->before_frame();
        }
        m_platform->begin_frame();
        if (c != nullptr) {
            c->frame->draw();
        } else {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(io.DisplaySize);
            ImGui::Begin("baseline", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::TextUnformatted("Counterfoil");
            ImGui::End();
        }
        m_platform->end_frame();
        m_list = find_branch_list();
        return {bench::cpu_ms(CLOCK_THREAD_CPUTIME_ID) - t0,
                bench::cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - p0, bench::now_ms() - w0};
    }

    // Frames until the console has taken in every answer it asked for (each frame's
    // before_frame takes in what arrived), then the one that shows them. Returns the wall time
    // of those frames, ms. The app would sleep until the worker wakes it instead of drawing
    // while it waits, so first paint measured this way is at most one frame later than the
    // app's.
    double until_answered(Console& c, Row* row = nullptr) {
        const double t0 = bench::now_ms();
        for (int i = 0; i < 100000 && c.controller->waiting(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            const FrameCost f = frame(&c);
            if (row != nullptr) {
                row->add(f);
            }
        }
        const FrameCost f = frame(&c);
        if (row != nullptr) {
            row->add(f);
        }
        return bench::now_ms() - t0;
    }

private:
    // The scrolling table of all branches as last drawn, or null.
    static ImGuiWindow* find_branch_list() {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        for (ImGuiWindow* w : g.Windows) {
            if (w->WasActive && (w->Flags & ImGuiWindowFlags_ChildWindow) != 0 &&
                std::string_view(w->Name).find("dash.branches") != std::string_view::npos) {
                return w;
            }
        }
        return nullptr;
    }

    std::unique_ptr<platform::GlfwPlatform> m_platform;
    std::unique_ptr<app::KioskFonts> m_fonts;
    ImGuiWindow* m_list = nullptr;
};

struct Result {
    std::string name;
    std::vector<double> first_paint_sign_in; // sign-in done -> dashboard tab -> figures shown
    std::vector<double> first_paint_period;  // a period chosen -> its figures shown
    Row hover{"pointer over the charts", {}, {}, {}};
    Row scroll{"wheel through all branches", {}, {}, {}};
    Row period{"period change (request, answer, redraw)", {}, {}, {}};
    Row drill{"drill-down to a branch's tickets and back", {}, {}, {}};
    double center_startup_ms = 0;
    std::pair<double, double> center_rss{};
    double generated_s = -1;
};

void sign_in(Bench& b, Console& c) {
    c.controller->sign_in_id() = "M01";
    c.controller->sign_in_password() = k_password;
    c.controller->sign_in();
    b.frame(&c);
    b.until_answered(c);
    if (!c.controller->signed_in()) {
        die("cannot sign in as M01: " + c.controller->notice().key);
    }
}

Result measure(Bench& b, const Region& region, const forms::Catalog& catalog,
               const console::Departments& departments, int rounds) {
    Result r;
    r.name = std::to_string(region.tickets) + " tickets, " + std::to_string(region.branches) +
             " branches";
    r.generated_s = region.generated_s;
    Center center(region);
    r.center_startup_ms = center.startup_ms;
    Console c(center.url(), catalog, departments, b.fonts());
    b.frame(&c);
    for (int round = 0; round < rounds; ++round) {
        sign_in(b, c);
        // The list the sign-in opened is in; now the dashboard tab.
        const double t0 = bench::now_ms();
        c.controller->go(console::Screen::dashboard);
        b.frame(&c);
        b.until_answered(c);
        if (!c.controller->dashboard().has()) {
            die("the dashboard did not load: " + c.controller->notice().key);
        }
        r.first_paint_sign_in.push_back(bench::now_ms() - t0);
        b.fonts().settle(); // glyphs of the figures, as the app's later frames would have them
        b.frame(&c);

        // The pointer sweeps over the charts, row by row.
        for (int i = 0; i < 240; ++i) {
            const float x = 40.0f + static_cast<float>((i * 97) % 1840);
            const float y = 200.0f + static_cast<float>((i / 20) * 70 % 820);
            r.hover.add(b.frame(&c, {ImVec2(x, y), 0, {}}));
        }
        // Down and back up through the list of every branch.
        for (int i = 0; i < 120; ++i) {
            r.scroll.add(b.frame(&c, {std::nullopt, i < 60 ? -1.0f : 1.0f, {}}));
        }
        // Each period: the click's frame, the frames while the center works, the answer's.
        for (int weeks : {4, 26, 12}) {
            const double p0 = bench::now_ms();
            r.period.add(b.frame(&c, {std::nullopt, 0, [&c, weeks] {
                                          c.controller->set_period(weeks);
                                      }}));
            b.until_answered(c, &r.period);
            r.first_paint_period.push_back(bench::now_ms() - p0);
            for (int i = 0; i < 5; ++i) {
                r.period.add(b.frame(&c));
            }
        }
        // A bar clicked: the branch's tickets; back to the dashboard (figures kept).
        const std::string branch = c.controller->dashboard().data().by_branch.front().key;
        r.drill.add(b.frame(&c, {std::nullopt, 0, [&c, &branch] {
                                     c.controller->drill_down(console::DrillDown::branch, branch);
                                 }}));
        b.until_answered(c, &r.drill);
        for (int i = 0; i < 5; ++i) {
            r.drill.add(b.frame(&c));
        }
        r.drill.add(b.frame(&c, {std::nullopt, 0, [&c] {
                                     c.controller->go(console::Screen::dashboard);
                                 }}));
        for (int i = 0; i < 5; ++i) {
            r.drill.add(b.frame(&c));
        }
        c.controller->sign_out();
        b.frame(&c);
        b.until_answered(c);
    }
    r.center_rss = center.rss_mb();
    return r;
}

void report(const Result& r) {
    std::printf("\n== %s\n", r.name.c_str());
    if (r.generated_s >= 0) {
        std::printf("sample-data made the region in %.1f s\n", r.generated_s);
    }
    std::printf("center startup to listening: %.0f ms; center RSS after the run %.0f MB, peak "
                "%.0f MB\n",
                r.center_startup_ms, r.center_rss.first, r.center_rss.second);
    std::printf("first paint, dashboard tab after sign-in (ms): median %.0f, max %.0f (%zu)\n",
                bench::percentile(r.first_paint_sign_in, 50),
                bench::percentile(r.first_paint_sign_in, 100), r.first_paint_sign_in.size());
    std::printf("first paint, period changed (ms):              median %.0f, max %.0f (%zu)\n",
                bench::percentile(r.first_paint_period, 50),
                bench::percentile(r.first_paint_period, 100), r.first_paint_period.size());
    std::printf("%-50s %6s %8s %8s %8s %8s %9s %8s\n", "CPU per frame, this thread (ms)", "frames",
                "p50", "p95", "p99", "max", "proc p50", "wall p50");
    Row all{"all dashboard frames", {}, {}, {}};
    for (const Row* row : {&r.hover, &r.scroll, &r.period, &r.drill}) {
        print_row(*row);
        all.add(*row);
    }
    print_row(all);
}

} // namespace

int main(int argc, char** argv) {
    const int tickets = std::stoi(bench::arg(argc, argv, "--tickets", "1000000"));
    const int branches = std::stoi(bench::arg(argc, argv, "--branches", "500"));
    const int baseline = std::stoi(bench::arg(argc, argv, "--baseline-tickets", "2000"));
    const int rounds = std::stoi(bench::arg(argc, argv, "--rounds", "5"));
    const fs::path parent = bench::arg(argc, argv, "--dir", "build-bench");
    const fs::path assets = COUNTERFOIL_BENCH_ASSETS;

    auto catalog = forms::load_catalog(assets);
    if (!catalog) {
        die("assets do not load");
    }
    auto departments = console::load_departments(assets);
    if (!departments) {
        die("departments do not load");
    }
    const Region small = make_region(parent, baseline, branches);
    const Region big = make_region(parent, tickets, branches);

    std::printf("console_dashboard_bench: %s; %s; load average %s\n", bench::cpu_model().c_str(),
                "1920x1080 window", load_average().c_str());
    ImGuiScope imgui;
    Bench b(*catalog, assets);
    std::printf("renderer: %s\n", bench::gl_renderer().c_str());

    Row empty{"baseline: empty ImGui window", {}, {}, {}};
    for (int i = 0; i < 300; ++i) {
        empty.add(b.frame(nullptr));
    }
    const Result base = measure(b, small, *catalog, *departments, rounds);
    const Result full = measure(b, big, *catalog, *departments, rounds);

    std::printf("\n%-50s %6s %8s %8s %8s %8s %9s %8s\n", "CPU per frame, this thread (ms)",
                "frames", "p50", "p95", "p99", "max", "proc p50", "wall p50");
    print_row(empty);
    report(base);
    report(full);
    std::printf("\nload average at the end %s\n", load_average().c_str());
    return 0;
}
