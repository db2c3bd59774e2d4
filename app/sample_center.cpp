#include "app/sample_center.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace cf::app {

namespace {

// Runs program with args; stdin gets `input`, stdout goes to out_file, stderr to err_file.
// Returns the child's pid. The child starts with no blocked signals (the app blocks SIGTERM in
// its threads for its own watcher).
pid_t spawn(const std::filesystem::path& program, const std::vector<std::string>& args,
            const std::string& input, const std::filesystem::path& out_file,
            const std::filesystem::path& err_file) {
    int in[2];
    if (pipe(in) != 0) {
        return -1;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        dup2(in[0], 0);
        close(in[0]);
        close(in[1]);
        const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (out < 0 || err < 0) {
            _exit(127);
        }
        dup2(out, 1);
        dup2(err, 2);
        std::vector<std::string> owned;
        owned.push_back(program.string());
        owned.insert(owned.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : owned) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(in[0]);
    if (pid > 0 && !input.empty()) {
        [[maybe_unused]] auto n = write(in[1], input.data(), input.size());
    }
    close(in[1]);
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) {
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A demo password for this run only (std::random_device reads the kernel's generator).
std::string random_password() {
    static constexpr char k_chars[] = "abcdefghijkmnpqrstuvwxyz23456789";
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof k_chars - 2);
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out += k_chars[pick(random)];
    }
    return out;
}

} // namespace

std::filesystem::path find_center_binary() {
    if (const char* env = std::getenv("COUNTERFOIL_CENTER"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const auto& candidate :
             {self.parent_path() / "counterfoil-center",
              self.parent_path().parent_path() / "center" / "counterfoil-center"}) {
            if (std::filesystem::exists(candidate, ec)) {
                return candidate;
            }
        }
    }
    return {};
}

core::Result<std::unique_ptr<SampleCenter>> SampleCenter::start(const SampleCenterOptions& o) {
    const auto center = find_center_binary();
    if (center.empty()) {
        return core::fail(core::ErrorCode::invalid_input,
                          "counterfoil-center was not found next to this program; set "
                          "COUNTERFOIL_CENTER to its path");
    }
    std::error_code ec;
    std::filesystem::remove_all(o.dir, ec);
    std::filesystem::create_directories(o.dir.parent_path(), ec);
    const auto log = o.dir.parent_path() / (o.dir.filename().string() + ".log");
    const auto out = o.dir.parent_path() / (o.dir.filename().string() + ".out");
    std::filesystem::remove(log, ec);
    std::unique_ptr<SampleCenter> c(new SampleCenter());
    c->m_password = random_password();
    const std::string data = o.dir.string();
    const auto run = [&](const std::vector<std::string>& args,
                         const std::string& input) -> core::Result<void> {
        const pid_t pid = spawn(center, args, input, out, log);
        if (pid < 0 || wait_exit(pid) != 0) {
            return core::fail(core::ErrorCode::storage,
                              "counterfoil-center " + args[2] + " failed: " + read_file(log));
        }
        return {};
    };
    if (auto r = run({"--data", data, "init"}, {}); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = run({"--data", data, "sample-data", "--tickets", std::to_string(o.tickets),
                      "--branches", std::to_string(o.branches), "--seed", std::to_string(o.seed),
                      "--staff-password-stdin"},
                     c->m_password + "\n");
        !r) {
        return std::unexpected(r.error());
    }
    c->m_pid = spawn(center, {"--data", data, "serve", "--listen", "127.0.0.1:0"}, {}, out, log);
    if (c->m_pid < 0) {
        return core::fail(core::ErrorCode::storage, "counterfoil-center serve did not start");
    }
    for (int i = 0; i < 300; ++i) {
        std::istringstream lines(read_file(out));
        for (std::string line; std::getline(lines, line);) {
            if (line.starts_with("listening on ")) {
                c->m_url = line.substr(13);
                return c;
            }
        }
        if (waitpid(c->m_pid, nullptr, WNOHANG) == c->m_pid) {
            c->m_pid = -1;
            return core::fail(core::ErrorCode::storage,
                              "counterfoil-center serve stopped: " + read_file(log));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return core::fail(core::ErrorCode::storage,
                      "counterfoil-center did not start serving within 30 s: " + read_file(log));
}

void SampleCenter::stop() {
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        wait_exit(m_pid);
        m_pid = -1;
    }
}

} // namespace cf::app
