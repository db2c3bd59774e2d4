#pragma once
// counterfoil-center: the regional center's command line (docs/OPERATIONS.md): init, enrolment
// codes, revocation, the workflow steps, lists, export, backup/restore and `serve`.

#include <iosfwd>
#include <string>
#include <vector>

namespace cf::center {

enum CenterExit : int {
    k_exit_ok = 0,
    k_exit_usage = 2,
    k_exit_invalid = 3, // the request was refused (a 4xx)
    k_exit_storage = 4, // storage, key or network failure (a 5xx)
};

int run_center_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                   std::ostream& err);

} // namespace cf::center
