#pragma once
// A branch's business calendar (assets/calendars/<id>.json): its UTC offset, weekend days,
// public holidays and make-up workdays (调休). Business time passes only on working days, a
// whole local day (00:00-24:00) at a time:
//   working day = (not a weekend day and not a holiday) or a make-up workday.

#include "core/clock.h"
#include "forms/asset_error.h"
#include "forms/localized_text.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <vector>

namespace cf::forms {

class BusinessCalendar {
public:
    // A calendar in which every day is a working day, at UTC: business time equals wall time.
    BusinessCalendar() = default;
    // weekend[0] is Monday .. weekend[6] Sunday. Days are counted from 1970-01-01.
    BusinessCalendar(std::string id, LocalizedText name, int utc_offset_minutes,
                     std::array<bool, 7> weekend, std::map<std::int64_t, LocalizedText> holidays,
                     std::map<std::int64_t, LocalizedText> workdays);

    const std::string& id() const { return m_id; }
    const LocalizedText& name() const { return m_name; }
    int utc_offset_minutes() const { return m_utc_offset_minutes; }

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

    std::string m_id;
    LocalizedText m_name;
    int m_utc_offset_minutes = 0;
    std::array<bool, 7> m_weekend{};
    std::map<std::int64_t, LocalizedText> m_holidays;
    std::map<std::int64_t, LocalizedText> m_workdays;
};

// Parses one calendar file. Fails with every problem: malformed or impossible dates, a range
// that ends before it starts, a date that is both a holiday and a workday, an offset outside
// -12:00..+14:00, unknown weekday names, a weekend of all seven days, missing names.
std::expected<BusinessCalendar, std::vector<AssetError>>
parse_business_calendar(const nlohmann::json& doc, const std::string& file);

// Strict "YYYY-MM-DD" to days since 1970-01-01; nullopt for anything else or a date that does
// not exist (2025-02-29).
std::optional<std::int64_t> parse_calendar_date(std::string_view text);

} // namespace cf::forms
