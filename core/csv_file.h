#pragma once
// CSV export (RFC 4180) and writing a file so that it is either wholly there or not at all.
//
// A CSV file is k_csv_bom, then rows from csv_row. The UTF-8 byte-order mark is there for
// Excel, which otherwise reads a CSV in the system's legacy code page and garbles Chinese.
// Fields are encoded one by one, then csv_row joins the encoded fields:
//
//     std::string csv(k_csv_bom);
//     csv += csv_row(std::vector<std::string>{csv_text_field("类别"), csv_number(12)});
//
// Text fields are also defused against spreadsheet formula injection: text that starts with
// = + - @ (or a tab or carriage return) gets a leading apostrophe, so "=HYPERLINK(...)" typed
// by a customer is shown, never run. Numbers go through csv_number, so -5 stays a number.

#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

inline constexpr std::string_view k_csv_bom = "\xEF\xBB\xBF";

// A text field: defused (see above), then quoted when it holds a comma, a quote, CR or LF,
// with quotes doubled. The same as csv_text_field.
std::string csv_field(std::string_view text);
std::string csv_text_field(std::string_view text);
// A number field, never defused or quoted: "-5", "0.25".
std::string csv_number(std::int64_t value);
std::string csv_number(double value, int decimals = 2);
// Already encoded fields joined by commas, ending in CRLF.
std::string csv_row(std::span<const std::string> fields);
// k_csv_bom and every row, for a whole file of encoded fields.
std::string csv_document(std::span<const std::vector<std::string>> rows);

// Writes content to path atomically: a temporary file in the same directory, fsync, rename
// over path, fsync of the directory. Fails with disk_full (no space or quota), read_only (no
// permission or a read-only file system) or storage (e.g. a missing directory), naming the
// path and the system's reason; then neither a temporary file nor a partial path is left,
// and an existing file at path is unchanged. New files get mode 0644 less the umask.
Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view content);

} // namespace cf::core
