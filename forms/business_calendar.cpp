#include "forms/business_calendar.h"

#include "forms/asset_reader.h"
#include "forms/lunar_calendar.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <set>

namespace cf::forms {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// A calendar always has a working day within a week after its last listed holiday; the
// limit only guards against a calendar built in code with every day off.
constexpr std::int64_t k_max_days_scanned = 100 * 366;

constexpr std::string_view k_weekday_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};

} // namespace

BusinessCalendar::BusinessCalendar(std::string id, LocalizedText name, int utc_offset_minutes,
                                   std::array<bool, 7> weekend,
                                   std::map<std::int64_t, LocalizedText> holidays,
                                   std::map<std::int64_t, LocalizedText> workdays,
                                   std::optional<std::int64_t> covers_until,
                                   StatutoryRules statutory)
    : m_id(std::move(id)), m_name(std::move(name)), m_utc_offset_minutes(utc_offset_minutes),
      m_weekend(weekend), m_holidays(std::move(holidays)), m_workdays(std::move(workdays)),
      m_covers_until(covers_until), m_statutory(covers_until ? statutory : StatutoryRules::none) {
    if (m_statutory == StatutoryRules::none) {
        return;
    }
    auto days = std::make_shared<std::map<std::int64_t, LocalizedText>>();
    // From the year of covers_until, whose last weeks may still hold statutory days, but not
    // before the lunar table: earlier years would lack half their holidays anyway.
    const int first = std::max(core::civil_from_days(*m_covers_until).year, k_first_lunar_year);
    for (int year = first; year <= k_last_lunar_year; ++year) {
        for (auto& [day, name] : statutory_holidays(m_statutory, year)) {
            if (day > *m_covers_until) {
                days->emplace(day, std::move(name));
            }
        }
    }
    m_statutory_days = std::move(days);
}

std::optional<core::CivilDate> BusinessCalendar::covers_until() const {
    if (!m_covers_until) {
        return std::nullopt;
    }
    return core::civil_from_days(*m_covers_until);
}

BusinessCalendar BusinessCalendar::with_weekend(std::array<bool, 7> weekend) const {
    BusinessCalendar copy = *this;
    copy.m_weekend = weekend;
    return copy;
}

std::optional<CalendarWarning> BusinessCalendar::coverage_warning(core::Millis now) const {
    if (!m_covers_until) {
        return std::nullopt;
    }
    const std::int64_t days_left = *m_covers_until - local_day(now);
    if (days_left > k_warning_days) {
        return std::nullopt;
    }
    return CalendarWarning{core::civil_from_days(*m_covers_until), static_cast<int>(days_left)};
}

const LocalizedText* BusinessCalendar::statutory_day(std::int64_t day) const {
    if (!m_statutory_days) {
        return nullptr;
    }
    const auto it = m_statutory_days->find(day);
    return it == m_statutory_days->end() ? nullptr : &it->second;
}

bool BusinessCalendar::is_working(std::int64_t day) const {
    if (m_workdays.contains(day)) {
        return true;
    }
    if (m_holidays.contains(day) || statutory_day(day) != nullptr) {
        return false;
    }
    return !m_weekend[static_cast<std::size_t>(core::weekday_iso(day) - 1)];
}

bool BusinessCalendar::is_working_day(core::CivilDate date) const {
    return is_working(core::days_from_civil(date));
}

const LocalizedText* BusinessCalendar::special_day_name(core::CivilDate date) const {
    const std::int64_t day = core::days_from_civil(date);
    if (auto it = m_workdays.find(day); it != m_workdays.end()) {
        return &it->second;
    }
    if (auto it = m_holidays.find(day); it != m_holidays.end()) {
        return &it->second;
    }
    return statutory_day(day);
}

std::int64_t BusinessCalendar::local_day(core::Millis t) const {
    return floor_div(t + static_cast<core::Millis>(m_utc_offset_minutes) * core::k_minute,
                     core::k_day);
}

core::Millis BusinessCalendar::day_start(std::int64_t day) const {
    return day * core::k_day - static_cast<core::Millis>(m_utc_offset_minutes) * core::k_minute;
}

core::Millis BusinessCalendar::add_business_time(core::Millis start, core::Millis duration) const {
    core::Millis remaining = std::max<core::Millis>(duration, 0);
    std::int64_t day = local_day(start);
    for (std::int64_t scanned = 0; scanned < k_max_days_scanned; ++scanned, ++day) {
        if (!is_working(day)) {
            continue;
        }
        const core::Millis from = std::max(start, day_start(day));
        const core::Millis available = day_start(day + 1) - from;
        if (remaining <= available) {
            return from + remaining;
        }
        remaining -= available;
    }
    return start + duration;
}

core::Millis BusinessCalendar::add_working_days(core::Millis start, int days) const {
    return add_business_time(start, static_cast<core::Millis>(days) * core::k_day);
}

std::optional<std::int64_t> parse_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const core::CivilDate date{parts[0], parts[1], parts[2]};
    if (!core::valid_civil_date(date)) {
        return std::nullopt;
    }
    return core::days_from_civil(date);
}

namespace {

bool looks_like_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) {
            return false;
        }
    }
    return true;
}

std::optional<std::int64_t> read_date(const nlohmann::json& entry, const std::string& path,
                                      std::string_view key, AssetReader& reader,
                                      bool required = true) {
    const std::optional<std::string> text = reader.string(entry, path, key, required);
    if (!text) {
        return std::nullopt;
    }
    const std::optional<std::int64_t> day = parse_calendar_date(*text);
    if (!day) {
        reader.fail(join_path(path, key), looks_like_date(*text)
                                              ? "'" + *text + "' is not a real date"
                                              : "'" + *text + "' is not a date written YYYY-MM-DD");
    }
    return day;
}

struct DayEntry {
    std::int64_t day;
    std::string path; // where it was listed, for conflict messages
};

// Reads "holidays" or "workdays": entries {"date"} or {"from", "to"} with a "name".
std::map<std::int64_t, LocalizedText> read_days(const nlohmann::json& doc, std::string_view key,
                                                bool ranges_allowed, AssetReader& reader,
                                                std::map<std::int64_t, std::string>& where) {
    std::map<std::int64_t, LocalizedText> days;
    const nlohmann::json* list = reader.member(doc, "", key, false);
    const std::string list_path(key);
    if (list == nullptr || !reader.expect_array(*list, list_path)) {
        return days;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const nlohmann::json& entry = (*list)[i];
        const std::string path = index_path(list_path, i);
        if (!reader.expect_object(entry, path)) {
            continue;
        }
        LocalizedText name;
        if (const nlohmann::json* n = reader.member(entry, path, "name", true)) {
            name = parse_localized_text(*n, join_path(path, "name"), reader);
        }
        std::optional<std::int64_t> from;
        std::optional<std::int64_t> to;
        if (entry.contains("date") || !ranges_allowed) {
            reader.reject_unknown_keys(entry, path, {"date", "name"});
            from = read_date(entry, path, "date", reader);
            to = from;
        } else {
            reader.reject_unknown_keys(entry, path, {"from", "to", "name"});
            from = read_date(entry, path, "from", reader);
            to = read_date(entry, path, "to", reader);
            if (from && to && *to < *from) {
                reader.fail(join_path(path, "to"), "ends before the range starts");
                continue;
            }
            if (from && to && *to - *from > 366) {
                reader.fail(join_path(path, "to"), "the range is longer than a year");
                continue;
            }
        }
        if (!from || !to) {
            continue;
        }
        for (std::int64_t day = *from; day <= *to; ++day) {
            days.emplace(day, name);
            where.emplace(day, path);
        }
    }
    return days;
}

std::string date_text(std::int64_t day) {
    const core::CivilDate d = core::civil_from_days(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// covers_until is required once the calendar lists days or names statutory rules, and no
// listed day may lie after it: past it the statutory rules take over, so a stray later date
// would silently mix two sources.
void check_coverage(const nlohmann::json& doc, std::optional<std::int64_t> covers_until,
                    const std::map<std::int64_t, std::string>& holiday_where,
                    const std::map<std::int64_t, std::string>& workday_where, AssetReader& reader) {
    if (!doc.contains("covers_until")) {
        if (!holiday_where.empty() || !workday_where.empty()) {
            reader.fail("covers_until", "is missing: a calendar that lists holidays or workdays "
                                        "must name the last day they cover (YYYY-MM-DD)");
        } else if (doc.contains("statutory")) {
            reader.fail("covers_until",
                        "is missing: statutory rules apply from the day after covers_until");
        }
        return;
    }
    if (!covers_until) {
        return;
    }
    std::set<std::string> reported;
    for (const auto* where : {&holiday_where, &workday_where}) {
        for (auto it = where->upper_bound(*covers_until); it != where->end(); ++it) {
            if (reported.insert(it->second).second) {
                reader.fail(it->second, date_text(it->first) + " is after covers_until (" +
                                            date_text(*covers_until) + ")");
            }
        }
    }
}

} // namespace

std::expected<BusinessCalendar, std::vector<AssetError>>
parse_business_calendar(const nlohmann::json& doc, const std::string& file) {
    AssetReader reader(file);
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "",
                               {"id", "name", "utc_offset_minutes", "weekend", "holidays",
                                "workdays", "covers_until", "statutory"});
    const std::string id = reader.string(doc, "", "id", true).value_or("");
    LocalizedText name;
    if (const nlohmann::json* n = reader.member(doc, "", "name", true)) {
        name = parse_localized_text(*n, "name", reader);
    }
    int offset = 0;
    if (auto minutes = reader.integer(doc, "", "utc_offset_minutes", true)) {
        if (*minutes < -12 * 60 || *minutes > 14 * 60) {
            reader.fail("utc_offset_minutes", "must be between -720 and 840");
        } else {
            offset = static_cast<int>(*minutes);
        }
    }
    std::array<bool, 7> weekend{};
    if (const nlohmann::json* list = reader.member(doc, "", "weekend", true)) {
        if (reader.expect_array(*list, "weekend")) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const nlohmann::json& item = (*list)[i];
                const std::string path = index_path("weekend", i);
                const auto* names = std::begin(k_weekday_names);
                const auto* found = item.is_string() ? std::find(names, std::end(k_weekday_names),
                                                                 item.get<std::string>())
                                                     : std::end(k_weekday_names);
                if (found == std::end(k_weekday_names)) {
                    reader.fail(path, "must be a weekday name in English (monday .. sunday)");
                    continue;
                }
                bool& slot = weekend[static_cast<std::size_t>(found - names)];
                if (slot) {
                    reader.fail(path, "'" + item.get<std::string>() + "' is listed twice");
                }
                slot = true;
            }
            if (std::all_of(weekend.begin(), weekend.end(), [](bool b) { return b; })) {
                reader.fail("weekend", "leaves no working day in the week");
            }
        }
    }
    std::map<std::int64_t, std::string> holiday_where;
    std::map<std::int64_t, std::string> workday_where;
    std::map<std::int64_t, LocalizedText> holidays =
        read_days(doc, "holidays", true, reader, holiday_where);
    std::map<std::int64_t, LocalizedText> workdays =
        read_days(doc, "workdays", false, reader, workday_where);
    for (const auto& [day, path] : workday_where) {
        if (auto it = holiday_where.find(day); it != holiday_where.end()) {
            reader.fail(join_path(path, "date"), date_text(day) +
                                                     " is listed both as a workday and as a "
                                                     "holiday (" +
                                                     it->second + ")");
        }
    }
    const std::optional<std::int64_t> covers_until =
        read_date(doc, "", "covers_until", reader, false);
    StatutoryRules statutory = StatutoryRules::none;
    if (auto rules = reader.string(doc, "", "statutory", false)) {
        if (auto named = statutory_rules_named(*rules)) {
            statutory = *named;
        } else {
            reader.fail("statutory", "'" + *rules +
                                         "' is not a set of statutory rules (cn-mainland, "
                                         "hong-kong, taiwan)");
        }
    }
    check_coverage(doc, covers_until, holiday_where, workday_where, reader);
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return BusinessCalendar(id, std::move(name), offset, weekend, std::move(holidays),
                            std::move(workdays), covers_until, statutory);
}

} // namespace cf::forms
