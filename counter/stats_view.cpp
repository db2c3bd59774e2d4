// [SECTION] helpers
// [SECTION] period row
// [SECTION] headline figures
// [SECTION] charts
// [SECTION] export row
// [SECTION] the screen

#include "counter/stats_view.h"

#include "counter/stats_reports_view.h"
#include "ui/charts.h"
#include "ui/stats_tables.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace cf::counter {

namespace {

// [SECTION] helpers

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string two_digits(int month, int day) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d-%02d", month, day);
    return text;
}

std::string iso_date(core::CivilDate d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

void text_line(const std::string& text, ImU32 color, ImFont* font = nullptr) {
    ui::FontScope scope(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void wrapped_line(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// [SECTION] period row

// A button of a row of choices. The chosen one is drawn in the selection colours, and the range
// line under the row names the period in words, so colour is not the only cue.
bool choice_button(Ui& ui, const std::string& key, bool selected) {
    const ui::Theme& theme = ui.theme();
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme.selected);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme.selected);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.selected_text);
    }
    const bool pressed = push_button(ui, key, ui.tr(key), ImVec2(ui.px(180), ui.px(56)));
    if (selected) {
        ImGui::PopStyleColor(3);
    }
    return pressed;
}

void draw_period_row(Ui& ui, StatsModel& model) {
    constexpr std::array<core::PeriodKind, 4> k_periods = {
        core::PeriodKind::today, core::PeriodKind::this_week, core::PeriodKind::this_month,
        core::PeriodKind::this_quarter};
    for (core::PeriodKind kind : k_periods) {
        const std::string key = "stats.period." + std::string(core::to_string(kind));
        if (choice_button(ui, key, model.period() == kind)) {
            model.set_period(kind);
        }
        ImGui::SameLine();
    }
    // The pages at the right end of the same row.
    constexpr std::array<std::pair<StatsPage, const char*>, 2> k_pages = {{
        {StatsPage::overview, "stats.page.overview"},
        {StatsPage::reports, "stats.page.reports"},
    }};
    const float pages_w = ui.px(180) * 2.0f + ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - pages_w;
    if (right > ImGui::GetCursorPosX()) {
        ImGui::SetCursorPosX(right);
    }
    for (const auto& [page, key] : k_pages) {
        if (choice_button(ui, key, model.page() == page)) {
            model.set_page(page);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

// [SECTION] headline figures

struct Figure {
    std::string label;
    std::string value;
    std::string detail; // a smaller line under the value; may be empty
};

std::vector<Figure> headline_figures(const Ui& ui, const core::Stats& s) {
    const std::string none = ui.tr("stats.figure.no_value");
    std::vector<Figure> figures;
    figures.push_back({ui.tr("stats.figure.total"), std::to_string(s.total), {}});
    figures.push_back({ui.tr("stats.figure.resolved"), std::to_string(s.resolved), {}});
    figures.push_back(
        {ui.tr("stats.figure.handling"),
         s.average_handling_hours
             ? ui.fmt("stats.figure.hours", {{"hours", decimal(*s.average_handling_hours)}})
             : none,
         {}});
    figures.push_back({ui.tr("stats.figure.first_response"),
                       s.first_response_compliance
                           ? ui.fmt("stats.figure.percent",
                                    {{"percent", decimal(*s.first_response_compliance * 100.0)}})
                           : none,
                       ui.fmt("stats.figure.first_response_detail",
                              {{"met", std::to_string(s.first_response_met)},
                               {"counted", std::to_string(s.first_response_counted)}})});
    // Counts in the order of their names on the line under them: the tables' short header,
    // which fits the card in every language.
    std::string counts;
    for (std::string_view level : k_stats_satisfaction) {
        counts += (counts.empty() ? "" : " / ") + std::to_string(count_of(s.satisfaction, level));
    }
    figures.push_back(
        {ui.tr("stats.figure.satisfaction"), counts, ui.tr("stats.col.satisfaction")});
    return figures;
}

void draw_figures(Ui& ui, const core::Stats& stats) {
    const std::vector<Figure> figures = headline_figures(ui, stats);
    const ui::Theme& theme = ui.theme();
    const float gap = ui.px(16);
    const float pad = ui.px(12);
    const float width = ImGui::GetContentRegionAvail().x;
    const float card_w =
        (width - gap * static_cast<float>(figures.size() - 1)) / static_cast<float>(figures.size());
    float body_h = 0.0f;
    float title_h = 0.0f;
    {
        ui::FontScope body(ui.fonts().body);
        body_h = ImGui::GetTextLineHeight();
    }
    {
        ui::FontScope title(ui.fonts().title);
        title_h = ImGui::GetTextLineHeight();
    }
    const float card_h = pad * 2.0f + body_h * 2.0f + title_h + ui.px(8);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        draw.AddRectFilled(origin, ImVec2(origin.x + card_w, origin.y + card_h), theme.panel,
                           theme.rounding);
        draw.AddRect(origin, ImVec2(origin.x + card_w, origin.y + card_h), theme.border,
                     theme.rounding, 0, theme.border_px * 0.5f);
        const float inner = card_w - pad * 2.0f;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
        ImGui::BeginGroup();
        {
            ui::FontScope body(ui.fonts().body);
            text_line(ui::fit_text(figures[i].label, inner), theme.muted);
        }
        {
            ui::FontScope title(ui.fonts().title);
            text_line(ui::fit_text(figures[i].value, inner), theme.text);
        }
        if (!figures[i].detail.empty()) {
            ui::FontScope body(ui.fonts().body);
            text_line(ui::fit_text(figures[i].detail, inner), theme.muted);
        }
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(card_w, card_h));
        if (i + 1 < figures.size()) {
            ImGui::SameLine(0.0f, gap);
        }
    }
}

// [SECTION] charts

void chart_title(Ui& ui, std::string_view key) {
    text_line(ui.tr(key), ui.theme().text, ui.fonts().heading);
}

void draw_type_chart(Ui& ui, const StatsModel& model, ImVec2 size, const ui::ChartStyle& style) {
    std::vector<std::string> labels;
    // The theme's primary colour: blue, or yellow in high contrast, where dark chart blues
    // would vanish on black.
    ui::ChartSeries tickets{ui.tr("stats.series.tickets"), {}, ui.theme().primary};
    for (std::string_view type : k_stats_types) {
        labels.push_back(ui.tr("stats.type." + std::string(type)));
        tickets.values.push_back(static_cast<double>(count_of(model.stats().by_type, type)));
    }
    bar_chart(labels, std::span(&tickets, 1), size, style);
}

void draw_category_chart(Ui& ui, const StatsModel& model, ImVec2 size,
                         const ui::ChartStyle& style) {
    std::vector<std::string> labels;
    ui::ChartSeries tickets{ui.tr("stats.series.tickets"), {}, ui.theme().primary};
    for (const auto& row : model.stats().top_categories) {
        labels.push_back(model.catalog().category_label(row.key, ui::code(ui.locale())));
        tickets.values.push_back(static_cast<double>(row.count));
    }
    horizontal_bar_chart(labels, tickets, size, style);
}

void draw_satisfaction_chart(Ui& ui, const StatsModel& model, ImVec2 size,
                             const ui::ChartStyle& style) {
    // Dark blue, mid blue and orange: apart in hue and in lightness, so they stay apart in
    // grey too; the legend names each and gives its count and share.
    const std::array<ImU32, 3> colors = {ui::staff_colors().chart[3], ui::staff_colors().chart[1],
                                         ui::staff_colors().chart[4]};
    std::vector<ui::ChartSeries> parts;
    std::int64_t rated = 0;
    for (std::size_t i = 0; i < k_stats_satisfaction.size(); ++i) {
        const std::string_view level = k_stats_satisfaction[i];
        const std::int64_t n = count_of(model.stats().satisfaction, level);
        rated += n;
        parts.push_back({ui.tr("stats.satisfaction." + std::string(level)),
                         {static_cast<double>(n)},
                         colors[i]});
    }
    if (rated == 0) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImGui::PushTextWrapPos(origin.x + size.x);
        wrapped_line(ui.tr("stats.satisfaction.empty"), ui.theme().muted);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(size);
        return;
    }
    share_bar(parts, size, style);
}

void draw_daily_chart(Ui& ui, const StatsModel& model, ImVec2 size, const ui::ChartStyle& style) {
    std::vector<std::string> labels;
    ui::ChartSeries received{ui.tr("stats.series.received"), {}, ui::staff_colors().chart[2]};
    ui::ChartSeries closed{ui.tr("stats.series.closed"), {}, ui::staff_colors().chart[4]};
    for (const auto& day : model.daily()) {
        labels.push_back(two_digits(day.day.month, day.day.day));
        received.values.push_back(static_cast<double>(day.received));
        closed.values.push_back(static_cast<double>(day.closed));
    }
    const std::array<ui::ChartSeries, 2> series = {received, closed};
    line_chart(labels, series, size, style);
}

using ChartFn = void (*)(Ui&, const StatsModel&, ImVec2, const ui::ChartStyle&);

// Two charts side by side, each under its title, `height` tall together.
void chart_row(Ui& ui, const StatsModel& model, float height, std::string_view left_title,
               ChartFn left, std::string_view right_title, ChartFn right) {
    const float gap = ui.px(32);
    const float width = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    float title_h = 0.0f;
    {
        ui::FontScope heading(ui.fonts().heading);
        title_h = ImGui::GetTextLineHeightWithSpacing();
    }
    const ImVec2 chart_size(width, std::max(ui.px(120), height - title_h));
    ui::FontScope body(ui.fonts().body);
    const ui::ChartStyle style = ui::stats_chart_style(ui);
    ImGui::BeginGroup();
    chart_title(ui, left_title);
    left(ui, model, chart_size, style);
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    chart_title(ui, right_title);
    right(ui, model, chart_size, style);
    ImGui::EndGroup();
}

// [SECTION] export row

float export_row_height(const Ui& ui) {
    return ui.px(56) + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
}

void draw_export_row(Ui& ui, StatsModel& model) {
    ui::FontScope body(ui.fonts().body);
    const ui::Theme& theme = ui.theme();
    const std::string& label = ui.tr("stats.export.label");
    const std::string& button = ui.tr("stats.export.button");
    ImGui::AlignTextToFramePadding();
    text_line(label, theme.text);
    ImGui::SameLine();
    const float button_w = std::max(ui.px(160), ImGui::CalcTextSize(button.c_str()).x + ui.px(40));
    const float field_w = std::max(ui.px(200), ImGui::GetContentRegionAvail().x - button_w -
                                                   ImGui::GetStyle().ItemSpacing.x);
    text_input(ui, "stats.export.path", model.export_path(), field_w);
    ImGui::SameLine();
    if (push_button(ui, "stats.export", button, ImVec2(button_w, 0))) {
        model.export_now(ui::code(ui.locale()));
    }
    if (const auto& result = model.export_result()) {
        if (result->ok) {
            wrapped_line(ui.fmt("stats.export.done", {{"path", result->path}}), theme.text);
        } else {
            wrapped_line(ui.fmt("stats.export.failed", {{"reason", result->reason}}), theme.error);
        }
    }
}

} // namespace

// [SECTION] the screen

void draw_stats(Ui& ui, StatsModel& model, core::Millis now, int utc_offset_minutes) {
    const ui::Theme& theme = ui.theme();
    ui::FontScope body(ui.fonts().body);
    // The buttons come first so a click switches the figures in the same frame.
    draw_period_row(ui, model);
    // A failure is kept in the model and shown below; the figures loaded before stay.
    (void)model.refresh(now, utc_offset_minutes);
    if (model.export_path().empty()) {
        model.export_path() =
            default_export_path(model.export_directory(), core::local_day(now, utc_offset_minutes))
                .string();
    }
    if (model.loaded()) {
        text_line(ui.fmt("stats.period.range", {{"from", iso_date(model.first_day())},
                                                {"to", iso_date(model.last_day())}}),
                  theme.muted);
    }
    if (const auto& error = model.load_error()) {
        wrapped_line(ui.fmt("stats.load_failed", {{"reason", error->message}}), theme.error);
    }
    if (model.loaded() && model.stats().total == 0) {
        ImGui::Dummy(ImVec2(0, ui.px(24)));
        text_line(ui.tr("stats.empty"), theme.text, ui.fonts().heading);
        ImGui::Dummy(ImVec2(0, ui.px(24)));
    } else if (model.loaded() && model.page() == StatsPage::reports) {
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        const float height = ImGui::GetContentRegionAvail().y - export_row_height(ui) - ui.px(24) -
                             ImGui::GetStyle().ItemSpacing.y * 2.0f;
        draw_stats_reports(ui, model, height);
        ImGui::Dummy(ImVec2(0, ui.px(16)));
    } else if (model.loaded()) {
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        draw_figures(ui, model.stats());
        ImGui::Dummy(ImVec2(0, ui.px(16)));
        // Two rows of charts share what is left above the export row; below a minimum the
        // window scrolls instead of squeezing them.
        const float rows_h = ImGui::GetContentRegionAvail().y - export_row_height(ui) - ui.px(32) -
                             ImGui::GetStyle().ItemSpacing.y * 2.0f;
        const float row_h = std::max(ui.px(260), rows_h * 0.5f);
        chart_row(ui, model, row_h, "stats.chart.by_type", draw_type_chart,
                  "stats.chart.top_categories", draw_category_chart);
        ImGui::Dummy(ImVec2(0, ui.px(16)));
        chart_row(ui, model, row_h, "stats.chart.satisfaction", draw_satisfaction_chart,
                  "stats.chart.daily", draw_daily_chart);
        ImGui::Dummy(ImVec2(0, ui.px(16)));
    }
    draw_export_row(ui, model);
}

} // namespace cf::counter
