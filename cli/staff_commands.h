#pragma once
// The CLI's staff account commands (core/staff_directory.h):
//   staff add --id S001 --name 李四 --role frontdesk|supervisor --pin-stdin
//   staff disable --id S001
//   staff list [--json]
// The PIN is read from standard input only, never from the command line, where other users
// of the machine and the shell history could see it.

#include "cli/args.h"

#include <filesystem>
#include <iosfwd>

namespace cf::cli {

int cmd_staff(const std::filesystem::path& data, const Args& args, std::istream& in,
              std::ostream& out, std::ostream& err);

} // namespace cf::cli
