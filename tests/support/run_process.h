#pragma once
// Runs a program with arguments and standard input, and collects its exit code and output.

#include <string>
#include <vector>

namespace cf::test {

struct ProcessResult {
    int exit_code = -1; // -1 when it did not exit normally
    std::string out;
    std::string err;

    // The last non-empty line of stdout.
    std::string last_line() const;
};

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::string& input = {});

// The counterfoil-cli built with the tests (or $COUNTERFOIL_CLI).
std::string cli_path();

} // namespace cf::test
