// CPU used by the real kiosk while it shows the attract screen and nobody touches it, against a
// plain ImGui loop that renders every frame, measured in one run.
//
// The app is the real binary, `counterfoil --data DIR --windowed 1920x1080`, on a data
// directory made by `counterfoil-cli init` (not enrolled, so no sync thread). Once its start-up
// work is over (the common characters' atlas built and swapped in: its CPU time stops growing),
// its CPU time (utime + stime of every thread, from /proc/PID/stat) is read before and after
// --seconds. The baseline is this binary re-executed with --variant busy: the same
// 1920x1080 window with ImGui's default font, rendering every frame without waiting. For both,
// the X server's CPU over the same interval is shown too, since every presented frame costs it
// a copy. Afterwards the app gets SIGTERM, and SIGKILL if it has not ended 10 s later.
//
//   kiosk_idle_bench [--seconds 60] [--baseline-seconds 10] [--rounds 1] [--app PATH]
//                    [--cli PATH] [--dir PARENT]
//
// Run it under a display, e.g. xvfb-run -a -s "-screen 0 1920x1080x24" kiosk_idle_bench.

#include "bench/bench_util.h"
#include "platform/glfw_platform.h"

#include <imgui.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace cf;
namespace fs = std::filesystem;

namespace {

struct Options {
    double seconds = 60;
    double baseline_seconds = 10;
    int rounds = 1;
    fs::path app = COUNTERFOIL_BENCH_APP;
    fs::path cli = COUNTERFOIL_BENCH_CLI;
    // Data go on the build's disk, next to the binaries, not on a tmpfs /tmp.
    fs::path dir = fs::canonical("/proc/self/exe").parent_path().parent_path();
};

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "kiosk_idle_bench: %s\n", message.c_str());
    std::exit(2);
}

void sleep_s(double seconds) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

// [SECTION] The baseline: a plain ImGui loop that never waits

[[noreturn]] void run_busy() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontDefault();
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
    platform::Platform& p = **opened;
    for (long frame = 0;; ++frame) {
        p.wait_for_input(0.0); // takes events, never sleeps
        p.begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##attract", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Text("Touch the screen to start (frame %ld)", frame);
        ImGui::Button("Start");
        ImGui::End();
        p.end_frame();
        if (frame == 0) {
            // The parent starts measuring once the window is up.
            std::printf("ready\n");
            std::fflush(stdout);
        }
    }
}

// [SECTION] Reading another process from /proc

// utime + stime of every thread, live and ended, in clock ticks; nullopt once it is gone.
std::optional<long> cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) {
        return std::nullopt;
    }
    // The command name may hold spaces; the fields after it are fixed.
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i) { // fields 3..13
        fields >> skip;
    }
    long utime = 0;
    long stime = 0;
    fields >> utime >> stime;
    return utime + stime;
}

// Context switches of the live threads: how often the process wakes up.
long context_switches(pid_t pid) {
    long total = 0;
    const fs::path tasks = "/proc/" + std::to_string(pid) + "/task";
    std::error_code ec;
    for (const auto& task : fs::directory_iterator(tasks, ec)) {
        std::ifstream in(task.path() / "status");
        std::string line;
        while (std::getline(in, line)) {
            long n = 0;
            if (std::sscanf(line.c_str(), "voluntary_ctxt_switches: %ld", &n) == 1 ||
                std::sscanf(line.c_str(), "nonvoluntary_ctxt_switches: %ld", &n) == 1) {
                total += n;
            }
        }
    }
    return total;
}

// One live thread: its name, its time on a CPU in nanoseconds (/proc/.../schedstat, exact
// where utime and stime are sampled at clock ticks) and its context switches.
struct ThreadSample {
    std::string name;
    double cpu_ns = 0;
    long switches = 0;
};

std::map<std::string, ThreadSample> threads(pid_t pid) {
    std::map<std::string, ThreadSample> out;
    std::error_code ec;
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        ThreadSample t;
        std::ifstream comm(task.path() / "comm");
        std::getline(comm, t.name);
        if (task.path().filename() == std::to_string(pid)) {
            t.name += ", main thread";
        }
        std::ifstream schedstat(task.path() / "schedstat");
        schedstat >> t.cpu_ns;
        std::ifstream status(task.path() / "status");
        std::string line;
        while (std::getline(status, line)) {
            long n = 0;
            if (std::sscanf(line.c_str(), "voluntary_ctxt_switches: %ld", &n) == 1 ||
                std::sscanf(line.c_str(), "nonvoluntary_ctxt_switches: %ld", &n) == 1) {
                t.switches += n;
            }
        }
        out[task.path().filename().string()] = t;
    }
    return out;
}

long status_kb(pid_t pid, const char* field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.starts_with(prefix)) {
            return std::atol(line.c_str() + prefix.size());
        }
    }
    return 0;
}

int thread_count(pid_t pid) {
    int n = 0;
    std::error_code ec;
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        (void)task;
        ++n;
    }
    return n;
}

// The Xvfb (or other X server) process serving $DISPLAY, found by its command line.
std::optional<pid_t> x_server() {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr) {
        return std::nullopt;
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(),
                                         [](unsigned char c) { return std::isdigit(c) != 0; })) {
            continue;
        }
        std::ifstream in(entry.path() / "cmdline");
        std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::vector<std::string> args;
        std::string arg;
        std::istringstream parts(cmdline);
        while (std::getline(parts, arg, '\0')) {
            args.push_back(arg);
        }
        if (!args.empty() && fs::path(args[0]).filename().string().starts_with("X") &&
            std::find(args.begin() + 1, args.end(), display) != args.end()) {
            return static_cast<pid_t>(std::atoi(name.c_str()));
        }
    }
    return std::nullopt;
}

// [SECTION] Parent: processes and measurements

// Starts `args`, stdout and stderr to `log` (or a pipe returned in *out_fd).
pid_t start(const std::vector<std::string>& args, const fs::path& log, int* out_fd = nullptr) {
    int fds[2] = {-1, -1};
    if (out_fd != nullptr && pipe(fds) != 0) {
        die("pipe failed");
    }
    const pid_t pid = fork();
    if (pid == 0) {
        const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(out_fd != nullptr ? fds[1] : log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        if (out_fd != nullptr) {
            close(fds[0]);
            close(fds[1]);
        }
        std::vector<char*> argv;
        for (const std::string& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        std::perror("execv");
        std::_Exit(127);
    }
    if (out_fd != nullptr) {
        close(fds[1]);
        *out_fd = fds[0];
    }
    return pid;
}

struct Interval {
    double seconds = 0;
    double cpu_s = 0;
    double schedstat_s = 0; // the live threads' exact time on a CPU
    double switches_per_s = 0;
    std::vector<std::string> busy_threads; // "name: CPU ms, switches/s" of threads that ran
    double x_cpu_s = -1;                   // -1: X server not found
    double percent() const { return 100.0 * cpu_s / seconds; }
    double x_percent() const { return x_cpu_s < 0 ? -1 : 100.0 * x_cpu_s / seconds; }
};

Interval measure(pid_t pid, double seconds) {
    const double tick = 1.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    const std::optional<pid_t> x = x_server();
    const std::optional<long> cpu0 = cpu_ticks(pid);
    const std::optional<long> x0 = x ? cpu_ticks(*x) : std::nullopt;
    const long switches0 = context_switches(pid);
    const auto threads0 = threads(pid);
    const double t0 = bench::now_ms();
    sleep_s(seconds);
    const std::optional<long> cpu1 = cpu_ticks(pid);
    const std::optional<long> x1 = x ? cpu_ticks(*x) : std::nullopt;
    const long switches1 = context_switches(pid);
    const auto threads1 = threads(pid);
    const double t1 = bench::now_ms();
    if (!cpu0 || !cpu1) {
        die("the measured process ended during the measurement");
    }
    Interval r;
    r.seconds = (t1 - t0) / 1000;
    r.cpu_s = static_cast<double>(*cpu1 - *cpu0) * tick;
    r.switches_per_s = static_cast<double>(switches1 - switches0) / r.seconds;
    if (x0 && x1) {
        r.x_cpu_s = static_cast<double>(*x1 - *x0) * tick;
    }
    for (const auto& [tid, after] : threads1) {
        const auto before = threads0.find(tid);
        const ThreadSample start = before != threads0.end() ? before->second : ThreadSample{};
        const double ms = (after.cpu_ns - start.cpu_ns) / 1e6;
        const long switches = after.switches - start.switches;
        r.schedstat_s += ms / 1000;
        if (switches > 0) {
            char text[160];
            std::snprintf(text, sizeof text, "%s (tid %s): %.1f ms, %.1f switches/s",
                          after.name.c_str(), tid.c_str(), ms,
                          static_cast<double>(switches) / r.seconds);
            r.busy_threads.push_back(text);
        }
    }
    return r;
}

// How SIGTERM ended the app: "exit 0 after 120 ms", or that SIGKILL was needed.
std::string stop(pid_t pid) {
    const double t0 = bench::now_ms();
    kill(pid, SIGTERM);
    int status = 0;
    while (bench::now_ms() - t0 < 10'000) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            char text[96];
            if (WIFEXITED(status)) {
                std::snprintf(text, sizeof text, "SIGTERM: exit %d after %.0f ms",
                              WEXITSTATUS(status), bench::now_ms() - t0);
            } else {
                std::snprintf(text, sizeof text, "SIGTERM: killed by signal %d after %.0f ms",
                              WTERMSIG(status), bench::now_ms() - t0);
            }
            return text;
        }
        sleep_s(0.02);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return "SIGTERM ignored for 10 s: needed SIGKILL";
}

// Waits until the app's start-up work is over: at least 3 s after it started, and no CPU
// time used for 2 s in a row. Returns the seconds it took, or nullopt at the timeout.
std::optional<double> wait_settled(pid_t pid, double timeout_s) {
    const double t0 = bench::now_ms();
    std::optional<long> last = cpu_ticks(pid);
    double quiet_since = bench::now_ms();
    while (bench::now_ms() - t0 < timeout_s * 1000) {
        sleep_s(0.2);
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            die("the app ended during start-up; see its log");
        }
        const std::optional<long> now = cpu_ticks(pid);
        if (!now || !last || *now != *last) {
            quiet_since = bench::now_ms();
            last = now;
        }
        if (bench::now_ms() - t0 >= 3000 && bench::now_ms() - quiet_since >= 2000) {
            return (bench::now_ms() - t0) / 1000;
        }
    }
    return std::nullopt;
}

void init_data_dir(const Options& options, const fs::path& data, const fs::path& log) {
    const pid_t pid = start({options.cli.string(), "--data", data.string(), "init", "--branch",
                             "SZ01", "--terminal", "K1"},
                            log);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        die(options.cli.string() + " init failed; see " + log.string());
    }
}

void print_row(const char* label, const Interval& r) {
    char x[32] = "-";
    if (r.x_cpu_s >= 0) {
        std::snprintf(x, sizeof x, "%.2f %%", r.x_percent());
    }
    std::printf("%-44s %7.1f s %8.2f s %10.2f %% %10.3f %% %11.1f %10s\n", label, r.seconds,
                r.cpu_s, r.percent(), 100.0 * r.schedstat_s / r.seconds, r.switches_per_s, x);
}

} // namespace

int main(int argc, char** argv) {
    if (bench::arg(argc, argv, "--variant", "") == "busy") {
        run_busy();
    }
    Options options;
    options.seconds = std::atof(bench::arg(argc, argv, "--seconds", "60").c_str());
    options.baseline_seconds =
        std::atof(bench::arg(argc, argv, "--baseline-seconds", "10").c_str());
    options.rounds = std::max(1, std::atoi(bench::arg(argc, argv, "--rounds", "1").c_str()));
    options.app = bench::arg(argc, argv, "--app", options.app.string());
    options.cli = bench::arg(argc, argv, "--cli", options.cli.string());
    options.dir = bench::arg(argc, argv, "--dir", options.dir.string());
    std::string command = argv[0];
    for (int i = 1; i < argc; ++i) {
        command += std::string(" ") + argv[i];
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        die("needs a display: run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"");
    }

    bench::ScratchDir scratch(options.dir);
    const fs::path data = scratch.path / "data";
    const fs::path log = scratch.path / "log.txt";
    init_data_dir(options, data, log);

    std::vector<Interval> busy_runs;
    std::vector<Interval> idle_runs;
    std::vector<std::string> settle_notes;
    std::vector<std::string> stop_notes;
    long idle_rss_kb = 0;
    int idle_threads = 0;
    for (int round = 0; round < options.rounds; ++round) {
        // Baseline first: a short, loud interval, then the long quiet one.
        int ready_fd = -1;
        const pid_t busy = start({"/proc/self/exe", "--variant", "busy"}, log, &ready_fd);
        char ready[8] = {};
        if (read(ready_fd, ready, sizeof ready - 1) <= 0) {
            die("the busy loop did not start; see " + log.string());
        }
        sleep_s(1.0);
        busy_runs.push_back(measure(busy, options.baseline_seconds));
        kill(busy, SIGKILL);
        waitpid(busy, nullptr, 0);
        close(ready_fd);

        const pid_t app =
            start({options.app.string(), "--data", data.string(), "--windowed", "1920x1080"}, log);
        const std::optional<double> settled = wait_settled(app, 60);
        char note[96];
        if (settled) {
            std::snprintf(note, sizeof note, "quiet %.1f s after start", *settled);
        } else {
            std::snprintf(note, sizeof note, "never quiet within 60 s; measured anyway");
        }
        settle_notes.push_back(note);
        idle_runs.push_back(measure(app, options.seconds));
        idle_rss_kb = status_kb(app, "VmRSS");
        idle_threads = thread_count(app);
        stop_notes.push_back(stop(app));
        std::fprintf(stderr, "kiosk_idle_bench: round %d of %d done\n", round + 1, options.rounds);
    }

    std::printf("kiosk_idle_bench: CPU on the attract screen with nobody at the kiosk, against a "
                "loop that renders every frame; 1920x1080 window\n");
    std::printf("command: %s\n", command.c_str());
    std::printf("app: %s --data DIR --windowed 1920x1080 (DIR from counterfoil-cli init, not "
                "enrolled)\n",
                options.app.c_str());
    std::printf("machine: %s, %ld CPUs online, DISPLAY=%s\n\n", bench::cpu_model().c_str(),
                sysconf(_SC_NPROCESSORS_ONLN), display);
    std::printf("%-44s %9s %10s %12s %12s %11s %10s\n", "process", "interval", "CPU", "of one core",
                "(schedstat)", "ctx sw / s", "X server");
    for (int round = 0; round < options.rounds; ++round) {
        print_row("baseline: ImGui loop rendering every frame", busy_runs[round]);
        print_row("counterfoil idle on the attract screen", idle_runs[round]);
    }
    std::printf("\n");
    for (int round = 0; round < options.rounds; ++round) {
        std::printf("round %d: app %s; %s\n", round + 1, settle_notes[round].c_str(),
                    stop_notes[round].c_str());
    }
    std::printf("app threads that woke up while idle (last round):\n");
    for (const std::string& t : idle_runs.back().busy_threads) {
        std::printf("  %s\n", t.c_str());
    }
    std::printf("app while idle: VmRSS %.1f MB, %d threads\n",
                static_cast<double>(idle_rss_kb) / 1024, idle_threads);
    double worst = 0;
    for (const Interval& r : idle_runs) {
        worst = std::max(worst, r.percent());
    }
    std::printf("target <= 1%% of one core: %.2f %% (worst round): %s\n", worst,
                worst <= 1.0 ? "met" : "MISSED");
    return 0;
}
