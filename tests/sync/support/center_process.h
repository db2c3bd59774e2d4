#pragma once
// Helpers for tests that need the real programs: a counterfoil-center process serving on a
// free loopback port, and child processes the test can kill at any moment.

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cf::test {

// counterfoil-center built with the tests (or $COUNTERFOIL_CENTER).
std::string center_path();

// Runs counterfoil-center with --data dir and args; returns exit code, stdout, stderr.
struct ProcessOutput {
    int exit_code = -1;
    std::string out;
    std::string err;
    std::string last_line() const;
};
ProcessOutput run_center(const std::filesystem::path& dir, const std::vector<std::string>& args);
ProcessOutput run_cli(const std::filesystem::path& dir, const std::vector<std::string>& args,
                      const std::string& input = {});

// A center serving DIR (initialised on construction unless it exists) on 127.0.0.1 at a free
// port, until stop() or destruction. Its JSON log goes to DIR/../center-<n>.log.
class CenterProcess {
public:
    explicit CenterProcess(std::filesystem::path dir, std::vector<std::string> serve_args = {});
    ~CenterProcess();
    CenterProcess(const CenterProcess&) = delete;
    CenterProcess& operator=(const CenterProcess&) = delete;

    void start();
    // SIGTERM and wait; returns the exit code (-1 when killed by a signal).
    int stop();
    void kill_hard(); // SIGKILL and wait
    bool running() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }

    const std::string& url() const { return m_url; }
    int port() const { return m_port; }
    const std::filesystem::path& dir() const { return m_dir; }
    std::string log() const;
    // A new one-time enrolment code for the branch (optionally short-lived).
    std::string enroll_code(const std::string& branch, const std::vector<std::string>& extra = {});

private:
    std::filesystem::path m_dir;
    std::vector<std::string> m_serve_args;
    std::filesystem::path m_log;
    pid_t m_pid = -1;
    std::string m_url;
    int m_port = 0;
};

// Starts a program without waiting (stdin, stdout and stderr to /dev/null or out_file).
pid_t spawn(const std::string& program, const std::vector<std::string>& args,
            const std::string& out_file = "/dev/null");
// Waits for pid; returns its exit code, or -signal when a signal ended it.
int wait_for(pid_t pid);

} // namespace cf::test
