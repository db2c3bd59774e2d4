#pragma once
// The 考核 tables of `counterfoil-cli stats --by department|responsibility|staff`: as text for
// a person and as CSV (RFC 4180, core/csv_file.h) for a spreadsheet. Staff ids are staff data;
// no customer data is in any of them.

#include "core/stats.h"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace cf::cli {

enum class StatsTable { department, responsibility, staff };
// "department", "responsibility" or "staff"; nullopt for anything else.
std::optional<StatsTable> parse_stats_table(std::string_view name);

// The table as aligned text under a title line; "-" where a figure does not exist yet.
void print_stats_table(std::ostream& out, const core::Stats& s, StatsTable table);

// The table as a CSV document: a UTF-8 BOM (so Excel reads the Chinese names right), a header
// of column codes, one row per department, responsibility or staff member. Rates are percent
// with two decimals; a figure that does not exist yet is an empty cell. Text cells are defused
// against formula injection (a leading apostrophe before = + - @).
std::string stats_table_csv(const core::Stats& s, StatsTable table);

} // namespace cf::cli
