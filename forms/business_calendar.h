#pragma once
// A branch's business calendar (assets/calendars/<id>.json): its UTC offset, weekend days,
// public holidays and make-up workdays (调休). Business time passes only on working days, a
// whole local day (00:00-24:00) at a time:
//   working day = (not a weekend day and not a holiday) or a make-up workday.
// The lists end on the calendar's covers_until day; after it the statutory holidays of its
// rules (statutory_holidays.h) count as holidays, without make-up workdays, so a calendar whose
// next year was not entered still skips 春节 (through 2060, the end of the lunar table).
// coverage_warning says when to enter the next year.

#include "core/clock.h"
#include "forms/asset_error.h"
#include "forms/localized_text.h"
#include "forms/statutory_holidays.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <expected>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cf::forms {

// A calendar near or past the end of its lists.
struct CalendarWarning {
    core::CivilDate covers_until; // the last day the calendar's own lists cover
    int days_left;                // from today to covers_until: 0 on that day, < 0 after it
};

class BusinessCalendar {
public:
    // How far before covers_until coverage_warning starts to warn.
    static constexpr int k_warning_days = 30;

    // A calendar in which every day is a working day, at UTC: business time equals wall time.
    BusinessCalendar() = default;
    // weekend[0] is Monday .. weekend[6] Sunday. Days are counted from 1970-01-01.
    // `covers_until` (days since 1970-01-01) is the last day of the lists; `statutory` rules
    // apply after it, and not at all without it.
    BusinessCalendar(std::string id, LocalizedText name, int utc_offset_minutes,
                     std::array<bool, 7> weekend, std::map<std::int64_t, LocalizedText> holidays,
                     std::map<std::int64_t, LocalizedText> workdays,
                     std::optional<std::int64_t> covers_until = std::nullopt,
                     StatutoryRules statutory = StatutoryRules::none);

    const std::string& id() const { return m_id; }
    const LocalizedText& name() const { return m_name; }
    int utc_offset_minutes() const { return m_utc_offset_minutes; }
    // weekend()[0] is Monday .. [6] Sunday.
    const std::array<bool, 7>& weekend() const { return m_weekend; }
    // The last day the calendar's own holiday and workday lists cover; nullopt for a calendar
    // without lists (weekdays only).
    std::optional<core::CivilDate> covers_until() const;
    StatutoryRules statutory() const { return m_statutory; }

    // The same calendar with other weekend days, e.g. for a branch that opens on Saturdays.
    // Holidays still close the branch; make-up workdays still open it.
    BusinessCalendar with_weekend(std::array<bool, 7> weekend) const;

    // From k_warning_days before covers_until on (local date of `now`), the day and the days
    // left, negative once it has passed; nullopt before that and for a calendar without
    // covers_until.
    std::optional<CalendarWarning> coverage_warning(core::Millis now) const;

    bool is_working_day(core::CivilDate date) const;
    // The holiday's or make-up workday's name, or nullptr for an ordinary day.
    const LocalizedText* special_day_name(core::CivilDate date) const;

    // The local date of an instant, as days since 1970-01-01.
    std::int64_t local_day(core::Millis t) const;
    // The instant the local day starts (00:00 at the calendar's offset).
    core::Millis day_start(std::int64_t day) const;

    // The instant when `duration` of business time has passed since `start`. Counting starts
    // at `start` if it falls on a working day, else at 00:00 of the next working day; a
    // duration that ends exactly at the end of a working day gives that day's 24:00 (the next
    // day's 00:00). A negative duration counts as zero.
    core::Millis add_business_time(core::Millis start, core::Millis duration) const;
    // N working days = N x 24 h of business time.
    core::Millis add_working_days(core::Millis start, int days) const;

private:
    bool is_working(std::int64_t day) const;
    // The statutory holiday's name for a day after covers_until, or nullptr.
    const LocalizedText* statutory_day(std::int64_t day) const;

    std::string m_id;
    LocalizedText m_name;
    int m_utc_offset_minutes = 0;
    std::array<bool, 7> m_weekend{};
    std::map<std::int64_t, LocalizedText> m_holidays;
    std::map<std::int64_t, LocalizedText> m_workdays;
    std::optional<std::int64_t> m_covers_until;
    StatutoryRules m_statutory = StatutoryRules::none;
    // The statutory holidays after covers_until, within the lunar table's years, computed
    // once and shared by copies (with_weekend).
    std::shared_ptr<const std::map<std::int64_t, LocalizedText>> m_statutory_days;
};

// Parses one calendar file. Fails with every problem: malformed or impossible dates, a range
// that ends before it starts, a date that is both a holiday and a workday, an offset outside
// -12:00..+14:00, unknown weekday names, a weekend of all seven days, missing names, lists or
// statutory rules without covers_until, a listed day after covers_until, unknown rules.
std::expected<BusinessCalendar, std::vector<AssetError>>
parse_business_calendar(const nlohmann::json& doc, const std::string& file);

// Strict "YYYY-MM-DD" to days since 1970-01-01; nullopt for anything else or a date that does
// not exist (2025-02-29).
std::optional<std::int64_t> parse_calendar_date(std::string_view text);

} // namespace cf::forms
