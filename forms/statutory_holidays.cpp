#include "forms/statutory_holidays.h"

#include "forms/lunar_calendar.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace cf::forms {
namespace {

LocalizedText text(std::string zh_hans, std::string zh_hant, std::string en) {
    return LocalizedText{std::move(zh_hans), std::move(zh_hant), std::move(en)};
}

std::int64_t day_of(core::CivilDate date) {
    return core::days_from_civil(date);
}

bool is_saturday(std::int64_t day) {
    return core::weekday_iso(day) == 6;
}

bool is_sunday(std::int64_t day) {
    return core::weekday_iso(day) == 7;
}

bool is_weekend(std::int64_t day) {
    return is_saturday(day) || is_sunday(day);
}

struct Holiday {
    std::int64_t day;
    LocalizedText name;
};

class HolidayList {
public:
    explicit HolidayList(int year) : m_year(year) {}

    void add(core::CivilDate date, LocalizedText name) {
        m_days.push_back({day_of(date), std::move(name)});
    }
    void add(int month, int day, LocalizedText name) { add({m_year, month, day}, std::move(name)); }
    // A lunar date; left out when the year is outside the lunar table.
    void add_lunar(int month, int day, LocalizedText name) {
        if (auto date = gregorian_from_lunar(m_year, month, day)) {
            add(*date, std::move(name));
        }
    }
    // 除夕 and 初一 to 初三 of the lunar year that starts in this Gregorian year.
    void add_spring_festival(const LocalizedText& eve, const LocalizedText& first,
                             const LocalizedText& second, const LocalizedText& third) {
        if (auto date = lunar_new_years_eve(m_year)) {
            add(*date, eve);
        }
        add_lunar(1, 1, first);
        add_lunar(1, 2, second);
        add_lunar(1, 3, third);
    }
    std::vector<Holiday>& days() { return m_days; }

private:
    int m_year;
    std::vector<Holiday> m_days;
};

// ------------------------------------------------------------------- cn-mainland

std::vector<Holiday> cn_mainland(int year) {
    HolidayList list(year);
    const LocalizedText spring = text("春节", "春節", "Spring Festival");
    list.add(1, 1, text("元旦", "元旦", "New Year's Day"));
    list.add_spring_festival(spring, spring, spring, spring);
    list.add(4, qingming_day(year), text("清明节", "清明節", "Qingming Festival"));
    list.add(5, 1, text("劳动节", "勞動節", "Labour Day"));
    list.add(5, 2, text("劳动节", "勞動節", "Labour Day"));
    list.add_lunar(5, 5, text("端午节", "端午節", "Dragon Boat Festival"));
    list.add_lunar(8, 15, text("中秋节", "中秋節", "Mid-Autumn Festival"));
    for (int day = 1; day <= 3; ++day) {
        list.add(10, day, text("国庆节", "國慶節", "National Day"));
    }
    return std::move(list.days());
}

// ------------------------------------------------------------------- hong-kong

std::vector<Holiday> hong_kong(int year) {
    HolidayList list(year);
    list.add(1, 1, text("一月一日", "一月一日", "The first day of January"));
    list.add_lunar(1, 1, text("农历年初一", "農曆年初一", "Lunar New Year's Day"));
    list.add_lunar(1, 2, text("农历年初二", "農曆年初二", "The second day of Lunar New Year"));
    list.add_lunar(1, 3, text("农历年初三", "農曆年初三", "The third day of Lunar New Year"));
    list.add(4, qingming_day(year), text("清明节", "清明節", "Ching Ming Festival"));
    const std::int64_t easter = day_of(easter_sunday(year));
    list.add(core::civil_from_days(easter - 2), text("耶稣受难节", "耶穌受難節", "Good Friday"));
    list.add(core::civil_from_days(easter - 1),
             text("耶稣受难节翌日", "耶穌受難節翌日", "The day following Good Friday"));
    list.add(core::civil_from_days(easter + 1),
             text("复活节星期一", "復活節星期一", "Easter Monday"));
    list.add(5, 1, text("劳动节", "勞動節", "Labour Day"));
    list.add_lunar(4, 8, text("佛诞", "佛誕", "The Birthday of the Buddha"));
    list.add_lunar(5, 5, text("端午节", "端午節", "Tuen Ng Festival"));
    list.add(7, 1,
             text("香港特别行政区成立纪念日", "香港特別行政區成立紀念日",
                  "Hong Kong Special Administrative Region Establishment Day"));
    list.add_lunar(
        8, 16,
        text("中秋节翌日", "中秋節翌日", "The day following the Chinese Mid-Autumn Festival"));
    list.add(10, 1, text("国庆日", "國慶日", "National Day"));
    list.add_lunar(9, 9, text("重阳节", "重陽節", "Chung Yeung Festival"));
    list.add(12, 25, text("圣诞节", "聖誕節", "Christmas Day"));
    // "The first weekday after Christmas Day": Saturday counts as a weekday, Sunday not.
    std::int64_t after_christmas = day_of({year, 12, 26});
    if (is_sunday(after_christmas)) {
        ++after_christmas;
    }
    list.add(core::civil_from_days(after_christmas),
             text("圣诞节后第一个工作日", "聖誕節後第一個周日",
                  "The first weekday after Christmas Day"));
    std::vector<Holiday> days = std::move(list.days());

    // General Holidays Ordinance: a holiday on a Sunday, or on a day that is already a holiday
    // (清明 on Easter Monday), is also given on the next day that is neither.
    std::stable_sort(days.begin(), days.end(),
                     [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    std::set<std::int64_t> taken;
    for (const Holiday& h : days) {
        taken.insert(h.day);
    }
    std::set<std::int64_t> seen;
    std::vector<Holiday> moved;
    for (const Holiday& h : days) {
        const bool shared = !seen.insert(h.day).second;
        if (!is_sunday(h.day) && !shared) {
            continue;
        }
        std::int64_t day = h.day + 1;
        while (is_sunday(day) || taken.contains(day)) {
            ++day;
        }
        taken.insert(day);
        moved.push_back({day, text(h.name.zh_hans + "翌日", h.name.zh_hant + "翌日",
                                   "The day following " + h.name.en)});
    }
    days.insert(days.end(), moved.begin(), moved.end());
    return days;
}

// ------------------------------------------------------------------- taiwan

LocalizedText observed(const LocalizedText& name) {
    return text(name.zh_hans + "补假", name.zh_hant + "補假", name.en + " (observed)");
}

std::vector<Holiday> taiwan(int year) {
    HolidayList festival(year);
    const LocalizedText spring = text("春节", "春節", "Lunar New Year");
    // The 2025 紀念日及節日實施條例 added 小年夜, the day before 除夕.
    if (auto eve = lunar_new_years_eve(year)) {
        festival.add(core::civil_from_days(day_of(*eve) - 1),
                     text("小年夜", "小年夜", "The day before Lunar New Year's Eve"));
    }
    festival.add_spring_festival(text("除夕", "除夕", "Lunar New Year's Eve"), spring, spring,
                                 spring);
    HolidayList others(year);
    others.add(1, 1, text("中华民国开国纪念日", "中華民國開國紀念日", "Founding Day"));
    others.add(2, 28, text("和平纪念日", "和平紀念日", "Peace Memorial Day"));
    const int qingming = qingming_day(year);
    others.add(4, qingming, text("民族扫墓节", "民族掃墓節", "Tomb Sweeping Day"));
    others.add(5, 1, text("劳动节", "勞動節", "Labour Day"));
    others.add_lunar(5, 5, text("端午节", "端午節", "Dragon Boat Festival"));
    others.add_lunar(8, 15, text("中秋节", "中秋節", "Mid-Autumn Festival"));
    others.add(9, 28,
               text("孔子诞辰纪念日（教师节）", "孔子誕辰紀念日（教師節）",
                    "Confucius' Birthday (Teachers' Day)"));
    others.add(10, 10, text("国庆日", "國慶日", "National Day"));
    others.add(10, 25,
               text("台湾光复暨金门古宁头大捷纪念日", "臺灣光復暨金門古寧頭大捷紀念日",
                    "Taiwan Retrocession Day"));
    others.add(12, 25, text("行宪纪念日", "行憲紀念日", "Constitution Day"));

    const std::int64_t april_4 = day_of({year, 4, 4});
    const LocalizedText children = text("儿童节", "兒童節", "Children's Day");
    std::set<std::int64_t> taken = {april_4};
    for (const Holiday& h : festival.days()) {
        taken.insert(h.day);
    }
    for (const Holiday& h : others.days()) {
        taken.insert(h.day);
    }
    // The nearest weekday before (step -1) or after (+1) `from` that is not a holiday yet.
    auto free_weekday = [&](std::int64_t from, int step) {
        std::int64_t day = from + step;
        while (is_weekend(day) || taken.contains(day)) {
            day += step;
        }
        taken.insert(day);
        return day;
    };
    std::vector<Holiday> days;
    std::vector<Holiday> moved;
    // 春節 days on a weekend are made up after the festival.
    for (const Holiday& h : festival.days()) {
        days.push_back(h);
        if (is_weekend(h.day)) {
            moved.push_back({free_weekday(h.day, 1), observed(h.name)});
        }
    }
    for (const Holiday& h : others.days()) {
        days.push_back(h);
        if (is_saturday(h.day)) {
            moved.push_back({free_weekday(h.day, -1), observed(h.name)});
        } else if (is_sunday(h.day)) {
            moved.push_back({free_weekday(h.day, 1), observed(h.name)});
        }
    }
    // 兒童節 on the day of 清明 is taken the weekday before (2020, 2021, 2025), or the Friday
    // after when 4 April is a Thursday (2024).
    days.push_back({april_4, children});
    if (qingming == 4) {
        const int step = core::weekday_iso(april_4) == 4 ? 1 : -1;
        moved.push_back({free_weekday(april_4, step), observed(children)});
    } else if (is_saturday(april_4)) {
        moved.push_back({free_weekday(april_4, -1), observed(children)});
    } else if (is_sunday(april_4)) {
        moved.push_back({free_weekday(april_4, 1), observed(children)});
    }
    days.insert(days.end(), moved.begin(), moved.end());
    return days;
}

} // namespace

std::optional<StatutoryRules> statutory_rules_named(std::string_view name) {
    if (name == "cn-mainland") {
        return StatutoryRules::cn_mainland;
    }
    if (name == "hong-kong") {
        return StatutoryRules::hong_kong;
    }
    if (name == "taiwan") {
        return StatutoryRules::taiwan;
    }
    return std::nullopt;
}

std::map<std::int64_t, LocalizedText> statutory_holidays(StatutoryRules rules, int year) {
    std::vector<Holiday> days;
    switch (rules) {
    case StatutoryRules::none:
        break;
    case StatutoryRules::cn_mainland:
        days = cn_mainland(year);
        break;
    case StatutoryRules::hong_kong:
        days = hong_kong(year);
        break;
    case StatutoryRules::taiwan:
        days = taiwan(year);
        break;
    }
    // The first name listed for a day wins: the holiday itself before a substitute.
    std::map<std::int64_t, LocalizedText> out;
    for (Holiday& h : days) {
        out.emplace(h.day, std::move(h.name));
    }
    return out;
}

int qingming_day(int year) {
    // The 清明 term of the 21st century: floor(Y x 0.2422 + 4.81) - floor(Y / 4), Y = year % 100.
    const int y = year % 100;
    return static_cast<int>(y * 0.2422 + 4.81) - y / 4;
}

core::CivilDate easter_sunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return {year, month, day};
}

} // namespace cf::forms
