#pragma once
// counterfoil-cli: the headless command line for scripting, administration and recovery.
// See README.md "CLI reference" for the commands and exit codes.

#include <iosfwd>
#include <string>
#include <vector>

namespace cf::cli {

enum ExitCode : int {
    k_ok = 0,
    k_usage = 2,
    k_invalid_input = 3,
    k_storage = 4,
};

// Runs one command. Reads stdin where the command takes a document; writes results to out and
// problems to err.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);
int run(int argc, char** argv);

} // namespace cf::cli
