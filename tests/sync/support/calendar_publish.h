#pragma once
// Business calendars published at a center for tests of the coverage warning: the installed
// calendar with its lists ending on a chosen day.

#include <cstdint>
#include <filesystem>
#include <string>

namespace cf::test {

// "YYYY-MM-DD" of a day counted from 1970-01-01.
std::string iso_date(std::int64_t days);

// Today at the calendars' UTC+8, as days since 1970-01-01.
std::int64_t today_at_utc8();

// Publishes assets/calendars/ID.json at the center in `center_dir` with covers_until set and
// the holidays and make-up workdays after it left out (scratch files go to `scratch`);
// REQUIREs success.
void publish_calendar(const std::filesystem::path& center_dir, const std::filesystem::path& scratch,
                      const std::string& id, const std::string& covers_until);

} // namespace cf::test
