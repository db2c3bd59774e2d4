#include "tests/support/run_process.h"

#include <cstdlib>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace cf::test {

std::string ProcessResult::last_line() const {
    std::size_t end = out.find_last_not_of('\n');
    if (end == std::string::npos) {
        return {};
    }
    std::size_t start = out.rfind('\n', end);
    return out.substr(start == std::string::npos ? 0 : start + 1,
                      end - (start == std::string::npos ? 0 : start + 1) + 1);
}

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::string& input) {
    int in[2], out[2], err[2];
    if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) {
        throw std::runtime_error("pipe failed");
    }
    pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) {
            close(fd);
        }
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    // Input is small (one ticket), so it fits the pipe buffer before the child reads it.
    if (!input.empty()) {
        [[maybe_unused]] auto n = write(in[1], input.data(), input.size());
    }
    close(in[1]);
    ProcessResult r;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_count = 2;
    char buf[4096];
    while (open_count > 0) {
        poll(fds, 2, -1);
        for (auto& p : fds) {
            if (p.fd >= 0 && (p.revents & (POLLIN | POLLHUP)) != 0) {
                ssize_t n = read(p.fd, buf, sizeof buf);
                if (n <= 0) {
                    close(p.fd);
                    p.fd = -1;
                    --open_count;
                } else {
                    (p.fd == out[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
                }
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string cli_path() {
    const char* env = std::getenv("COUNTERFOIL_CLI");
    return env != nullptr ? env : COUNTERFOIL_TEST_CLI;
}

} // namespace cf::test
