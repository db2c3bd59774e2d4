#include "tests/sync/support/center_process.h"

#include "tests/support/run_process.h"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cf::test {

namespace fs = std::filesystem;

std::string center_path() {
    const char* env = std::getenv("COUNTERFOIL_CENTER");
    return env != nullptr ? env : COUNTERFOIL_TEST_CENTER;
}

std::string ProcessOutput::last_line() const {
    ProcessResult r;
    r.out = out;
    return r.last_line();
}

ProcessOutput run_center(const fs::path& dir, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--data", dir.string()};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run_process(center_path(), all);
    return ProcessOutput{r.exit_code, r.out, r.err};
}

ProcessOutput run_cli(const fs::path& dir, const std::vector<std::string>& args,
                      const std::string& input) {
    std::vector<std::string> all = {"--data", dir.string()};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run_process(cli_path(), all, input);
    return ProcessOutput{r.exit_code, r.out, r.err};
}

pid_t spawn(const std::string& program, const std::vector<std::string>& args,
            const std::string& out_file) {
    pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        int in = ::open("/dev/null", O_RDONLY);
        int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    return WIFSIGNALED(status) ? -WTERMSIG(status) : -1000;
}

CenterProcess::CenterProcess(fs::path dir, std::vector<std::string> serve_args)
    : m_dir(std::move(dir)), m_serve_args(std::move(serve_args)) {
    static int counter = 0;
    m_log = m_dir.parent_path() / ("center-" + std::to_string(++counter) + ".log");
    if (!fs::exists(m_dir / "center.db")) {
        auto r = run_center(m_dir, {"init"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    start();
}

CenterProcess::~CenterProcess() {
    if (m_pid > 0) {
        stop();
    }
}

void CenterProcess::start() {
    int out[2];
    if (pipe(out) != 0) {
        throw std::runtime_error("pipe failed");
    }
    // Keep the port of an earlier run, so clients enrolled with its URL reach it again.
    const std::string listen = "127.0.0.1:" + std::to_string(m_port);
    std::vector<std::string> args = {"--data", m_dir.string(), "serve", "--listen", listen};
    args.insert(args.end(), m_serve_args.begin(), m_serve_args.end());
    pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        int log = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(out[1], 1);
        dup2(log, 2);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv;
        const std::string program = center_path();
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(out[1]);
    m_pid = pid;
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') {
        line += c;
    }
    close(out[0]);
    const std::string prefix = "listening on ";
    REQUIRE_MESSAGE(line.starts_with(prefix), "the center did not start: ", log());
    m_url = line.substr(prefix.size());
    m_port = std::stoi(m_url.substr(m_url.rfind(':') + 1));
}

int CenterProcess::stop() {
    if (m_pid <= 0) {
        return -1;
    }
    ::kill(m_pid, SIGTERM);
    const int code = wait_for(m_pid);
    m_pid = -1;
    return code;
}

void CenterProcess::kill_hard() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        wait_for(m_pid);
        m_pid = -1;
    }
}

std::string CenterProcess::log() const {
    std::ifstream in(m_log);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string CenterProcess::enroll_code(const std::string& branch,
                                       const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"enroll-code", "--branch", branch};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_center(m_dir, args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.last_line();
}

} // namespace cf::test
