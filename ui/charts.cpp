// [SECTION] numbers and text
// [SECTION] shared parts: plot frame, legend, markers
// [SECTION] bar chart
// [SECTION] horizontal bar chart
// [SECTION] share bar
// [SECTION] line chart

#include "ui/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cf::ui {

// [SECTION] numbers and text

std::vector<double> nice_ticks(double max, int count, double min_step) {
    count = std::max(count, 1);
    if (!(max > 0.0)) {
        return {0.0, std::max(1.0, min_step)};
    }
    // The raw step rounded up to 1, 2 or 5 times its power of ten: ticks people read at once.
    const double raw = max / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1.0   ? 1.0
                        : fraction <= 2.0 ? 2.0
                        : fraction <= 5.0 ? 5.0
                                          : 10.0;
    const double step = std::max(nice * magnitude, min_step);
    // The small tolerance keeps a max that is exactly a tick (100 with step 20) from getting
    // one more tick through rounding.
    const int intervals = std::max(1, static_cast<int>(std::ceil(max / step - 1e-9)));
    std::vector<double> ticks;
    ticks.reserve(static_cast<std::size_t>(intervals) + 1);
    for (int i = 0; i <= intervals; ++i) {
        // Rounded so that 3 * 0.1 is written 0.3, not 0.30000000000000004.
        ticks.push_back(std::round(i * step * 1e9) / 1e9);
    }
    return ticks;
}

std::string chart_number(double value) {
    char text[32];
    if (std::fabs(value - std::round(value)) < 1e-9) {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(std::llround(value)));
    } else {
        std::snprintf(text, sizeof text, "%.1f", value);
    }
    return text;
}

namespace {

float text_width(const std::string& text) {
    return ImGui::CalcTextSize(text.c_str()).x;
}

// Drops the last UTF-8 character (its continuation bytes, then its lead byte).
void pop_utf8(std::string& text) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
        text.pop_back();
    }
    if (!text.empty()) {
        text.pop_back();
    }
}

} // namespace

std::string fit_text(const std::string& text, float width) {
    if (text_width(text) <= width) {
        return text;
    }
    std::string shorter = text;
    while (!shorter.empty() && text_width(shorter + "...") > width) {
        pop_utf8(shorter);
    }
    return shorter + "...";
}

// [SECTION] shared parts: plot frame, legend, markers

namespace {

enum class Marker { square, circle, diamond, triangle };

Marker marker_for(std::size_t series_index) {
    constexpr Marker k_order[] = {Marker::circle, Marker::square, Marker::diamond,
                                  Marker::triangle};
    return k_order[series_index % 4];
}

void draw_marker(ImDrawList& draw, Marker marker, ImVec2 c, float r, ImU32 color) {
    switch (marker) {
    case Marker::square:
        draw.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color);
        break;
    case Marker::circle:
        draw.AddCircleFilled(c, r, color, 16);
        break;
    case Marker::diamond:
        draw.AddQuadFilled(ImVec2(c.x, c.y - r * 1.3f), ImVec2(c.x + r * 1.3f, c.y),
                           ImVec2(c.x, c.y + r * 1.3f), ImVec2(c.x - r * 1.3f, c.y), color);
        break;
    case Marker::triangle:
        draw.AddTriangleFilled(ImVec2(c.x, c.y - r * 1.3f), ImVec2(c.x + r * 1.2f, c.y + r),
                               ImVec2(c.x - r * 1.2f, c.y + r), color);
        break;
    }
}

// Text whose top-left corner is at p.
void text_at(ImDrawList& draw, ImVec2 p, ImU32 color, const std::string& text) {
    draw.AddText(p, color, text.c_str());
}

// Text centred horizontally on x, its top at y.
void text_centred(ImDrawList& draw, float x, float y, ImU32 color, const std::string& text) {
    text_at(draw, ImVec2(x - text_width(text) * 0.5f, y), color, text);
}

// The legend along the top of the rectangle: a marker in the series' colour and its name for
// each series, wrapping onto further lines when needed. Returns the height it took.
float draw_legend(ImDrawList& draw, ImVec2 origin, float width, std::span<const ChartSeries> series,
                  const ChartStyle& style, bool line_markers) {
    const float line_h = ImGui::GetTextLineHeight();
    float x = origin.x;
    float y = origin.y;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const float item_w = style.swatch + style.gap * 0.5f + text_width(series[i].name);
        if (x > origin.x && x + item_w > origin.x + width) {
            x = origin.x;
            y += line_h + style.gap * 0.5f;
        }
        const ImVec2 centre(x + style.swatch * 0.5f, y + line_h * 0.5f);
        const Marker marker = line_markers ? marker_for(i) : Marker::square;
        draw_marker(draw, marker, centre, style.swatch * 0.5f, series[i].color);
        text_at(draw, ImVec2(x + style.swatch + style.gap * 0.5f, y), style.text, series[i].name);
        x += item_w + style.gap * 2.0f;
    }
    return y - origin.y + line_h;
}

double max_value(std::span<const ChartSeries> series) {
    double max = 0.0;
    for (const auto& s : series) {
        for (double v : s.values) {
            max = std::max(max, v);
        }
    }
    return max;
}

double value_at(const ChartSeries& s, std::size_t i) {
    return i < s.values.size() ? s.values[i] : 0.0;
}

// The first index of the series' highest value (0 for an empty series).
std::size_t index_of_max(const ChartSeries& s) {
    return s.values.empty()
               ? 0
               : static_cast<std::size_t>(std::max_element(s.values.begin(), s.values.end()) -
                                          s.values.begin());
}

// The part of the chart's rectangle where values are plotted, and the vertical scale.
struct Plot {
    float left, top, right, bottom;
    double axis_max;
    float y_of(double v) const {
        return bottom - static_cast<float>(v / axis_max) * (bottom - top);
    }
};

// Horizontal grid lines with their tick values on the left of the plot, and the base line.
void draw_value_axis(ImDrawList& draw, const Plot& plot, const std::vector<double>& ticks,
                     const ChartStyle& style) {
    const float line_h = ImGui::GetTextLineHeight();
    for (double t : ticks) {
        const float y = plot.y_of(t);
        draw.AddLine(ImVec2(plot.left, y), ImVec2(plot.right, y), style.grid, 1.0f);
        const std::string label = chart_number(t);
        text_at(draw, ImVec2(plot.left - style.gap - text_width(label), y - line_h * 0.5f),
                style.muted, label);
    }
    draw.AddLine(ImVec2(plot.left, plot.bottom), ImVec2(plot.right, plot.bottom), style.axis, 1.5f);
}

// The plot rectangle for charts with a value axis on the left: below the legend, above a row
// of labels, right of the widest tick value. One text line stays free above the top tick for
// the value label of the highest bar or point.
Plot value_plot(ImVec2 origin, ImVec2 size, float legend_h, const std::vector<double>& ticks,
                const ChartStyle& style) {
    const float line_h = ImGui::GetTextLineHeight();
    float tick_w = 0.0f;
    for (double t : ticks) {
        tick_w = std::max(tick_w, text_width(chart_number(t)));
    }
    Plot plot{};
    plot.left = origin.x + tick_w + style.gap * 1.5f;
    plot.right = origin.x + size.x - style.gap;
    plot.top = origin.y + legend_h + style.gap + line_h;
    plot.bottom = std::max(plot.top + 1.0f, origin.y + size.y - line_h - style.gap);
    plot.axis_max = ticks.back();
    return plot;
}

// Black or white, whichever reads better on `background`.
ImU32 text_on(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
    return luminance > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

// Reserves the chart's rectangle in the ImGui layout and returns its top-left corner.
ImVec2 reserve(ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    return origin;
}

} // namespace

// [SECTION] bar chart

// Up to this many bars, every one is labelled (see bar_chart).
constexpr std::size_t k_always_labelled = 12;

void bar_chart(std::span<const std::string> labels, std::span<const ChartSeries> series,
               ImVec2 size, const ChartStyle& style, std::vector<ImVec4>* slots) {
    if (slots != nullptr) {
        slots->clear();
    }
    const ImVec2 origin = reserve(size);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    const float legend_h = draw_legend(draw, origin, size.x, series, style, false);
    const std::vector<double> ticks = nice_ticks(max_value(series), 4, style.value_step);
    const Plot plot = value_plot(origin, size, legend_h, ticks, style);
    draw_value_axis(draw, plot, ticks, style);
    if (labels.empty() || series.empty()) {
        return;
    }
    const float slot = (plot.right - plot.left) / static_cast<float>(labels.size());
    const float group_w = slot * 0.7f;
    const float bar_w = group_w / static_cast<float>(series.size());
    // Many narrow slots (26 weeks, 31 days): every k-th label, whole, rather than all of them
    // cut to "..."; values only while they fit above their bars, else at the highest and the
    // last bar of each series, as the line chart does.
    float label_w = 0.0f;
    float number_w = 0.0f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        label_w = std::max(label_w, text_width(labels[i]));
        for (const ChartSeries& one : series) {
            number_w = std::max(number_w, text_width(chart_number(value_at(one, i))));
        }
    }
    // A few categories (departments, request types) each keep their label, cut to fit, so no
    // bar is left unnamed.
    const std::size_t label_stride =
        labels.size() <= k_always_labelled
            ? 1
            : std::max<std::size_t>(
                  1, static_cast<std::size_t>(std::ceil((label_w + style.gap) / slot)));
    const bool values_fit = number_w + 2.0f <= bar_w + (slot - group_w);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float slot_left = plot.left + slot * static_cast<float>(i);
        const float group_left = slot_left + (slot - group_w) * 0.5f;
        if (slots != nullptr) {
            slots->emplace_back(slot_left, plot.top, slot_left + slot, plot.bottom + line_h);
        }
        for (std::size_t s = 0; s < series.size(); ++s) {
            const double v = value_at(series[s], i);
            const float x0 = group_left + bar_w * static_cast<float>(s);
            const float y = plot.y_of(v);
            draw.AddRectFilled(ImVec2(x0 + 1.0f, y), ImVec2(x0 + bar_w - 1.0f, plot.bottom),
                               series[s].color);
            if (values_fit || i + 1 == labels.size() || i == index_of_max(series[s])) {
                text_centred(draw, x0 + bar_w * 0.5f, y - line_h - 2.0f, style.text,
                             chart_number(v));
            }
        }
        if (i % label_stride == 0) {
            text_centred(draw, slot_left + slot * 0.5f, plot.bottom + style.gap * 0.5f, style.text,
                         fit_text(labels[i], slot * static_cast<float>(label_stride) - style.gap));
        }
    }
}

// [SECTION] horizontal bar chart

void horizontal_bar_chart(std::span<const std::string> labels, const ChartSeries& series,
                          ImVec2 size, const ChartStyle& style, std::vector<ImVec4>* slots) {
    if (slots != nullptr) {
        slots->clear();
    }
    const ImVec2 origin = reserve(size);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    const float legend_h = draw_legend(draw, origin, size.x, std::span(&series, 1), style, false);
    const std::vector<double> ticks =
        nice_ticks(max_value(std::span(&series, 1)), 4, style.value_step);

    // Labels get what they need up to 40% of the width; longer ones are shortened with "...".
    float label_w = 0.0f;
    float value_w = text_width(chart_number(ticks.back()));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        label_w = std::max(label_w, text_width(labels[i]));
        value_w = std::max(value_w, text_width(chart_number(value_at(series, i))));
    }
    label_w = std::min(label_w, size.x * 0.4f);
    const float left = origin.x + label_w + style.gap;
    const float right = std::max(left + 1.0f, origin.x + size.x - value_w - style.gap * 2.0f);
    const float top = origin.y + legend_h + style.gap;
    const float bottom = std::max(top + 1.0f, origin.y + size.y - line_h - style.gap);
    const auto x_of = [&](double v) {
        return left + static_cast<float>(v / ticks.back()) * (right - left);
    };
    for (double t : ticks) {
        const float x = x_of(t);
        draw.AddLine(ImVec2(x, top), ImVec2(x, bottom), style.grid, 1.0f);
        text_centred(draw, x, bottom + style.gap * 0.5f, style.muted, chart_number(t));
    }
    draw.AddLine(ImVec2(left, top), ImVec2(left, bottom), style.axis, 1.5f);
    if (labels.empty()) {
        return;
    }
    const float row_h = (bottom - top) / static_cast<float>(labels.size());
    const float bar_h = std::min(row_h * 0.7f, line_h * 1.3f);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float centre_y = top + row_h * (static_cast<float>(i) + 0.5f);
        if (slots != nullptr) {
            slots->emplace_back(origin.x, centre_y - row_h * 0.5f, origin.x + size.x,
                                centre_y + row_h * 0.5f);
        }
        const double v = value_at(series, i);
        const float x1 = x_of(v);
        draw.AddRectFilled(ImVec2(left, centre_y - bar_h * 0.5f),
                           ImVec2(x1, centre_y + bar_h * 0.5f), series.color);
        const std::string label = fit_text(labels[i], label_w);
        text_at(draw, ImVec2(left - style.gap - text_width(label), centre_y - line_h * 0.5f),
                style.text, label);
        text_at(draw, ImVec2(x1 + style.gap * 0.5f, centre_y - line_h * 0.5f), style.text,
                chart_number(v));
    }
}

// [SECTION] share bar

void share_bar(std::span<const ChartSeries> parts, ImVec2 size, const ChartStyle& style) {
    const ImVec2 origin = reserve(size);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    double total = 0.0;
    for (const auto& p : parts) {
        total += value_at(p, 0);
    }
    // The legend carries each part's count and share, so the figures are readable even where
    // a segment is too narrow for its own label.
    std::vector<ChartSeries> legend;
    for (const auto& p : parts) {
        const double v = value_at(p, 0);
        const double share = total > 0.0 ? v * 100.0 / total : 0.0;
        legend.push_back(
            {p.name + "  " + chart_number(v) + " (" + chart_number(std::round(share)) + "%)",
             {},
             p.color});
    }
    const float bar_h = std::max(line_h, std::min(line_h * 2.0f, size.y * 0.5f));
    const float left = origin.x;
    const float right = origin.x + size.x;
    draw.AddRect(ImVec2(left, origin.y), ImVec2(right, origin.y + bar_h), style.axis, 0.0f, 0,
                 1.0f);
    if (total > 0.0) {
        float x = left;
        for (const auto& p : parts) {
            const double v = value_at(p, 0);
            const float w = static_cast<float>(v / total) * (right - left);
            if (w <= 0.0f) {
                continue;
            }
            draw.AddRectFilled(ImVec2(x, origin.y), ImVec2(x + w, origin.y + bar_h), p.color);
            const std::string label =
                chart_number(v) + " (" + chart_number(std::round(v * 100.0 / total)) + "%)";
            if (text_width(label) + style.gap < w) {
                text_centred(draw, x + w * 0.5f, origin.y + (bar_h - line_h) * 0.5f,
                             text_on(p.color), label);
            }
            x += w;
        }
    }
    draw_legend(draw, ImVec2(origin.x, origin.y + bar_h + style.gap), size.x, legend, style, false);
}

// [SECTION] line chart

void line_chart(std::span<const std::string> labels, std::span<const ChartSeries> series,
                ImVec2 size, const ChartStyle& style) {
    const ImVec2 origin = reserve(size);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    const float legend_h = draw_legend(draw, origin, size.x, series, style, true);
    const std::vector<double> ticks = nice_ticks(max_value(series), 4, style.value_step);
    Plot plot = value_plot(origin, size, legend_h, ticks, style);
    // The second series writes its values under the points, so one more line stays free
    // between the base line and the labels of the points.
    const float under = series.size() > 1 ? line_h : 0.0f;
    plot.bottom = std::max(plot.top + 1.0f, plot.bottom - under);
    draw_value_axis(draw, plot, ticks, style);
    const std::size_t n = labels.size();
    if (n == 0) {
        return;
    }
    float label_w = 0.0f;
    for (const auto& l : labels) {
        label_w = std::max(label_w, text_width(l));
    }
    // Points keep half a label's width from the ends so the first and last labels fit.
    const float inset = label_w * 0.5f + style.gap;
    const float span_w = std::max(1.0f, plot.right - plot.left - 2.0f * inset);
    const auto x_of = [&](std::size_t i) {
        return n == 1
                   ? (plot.left + plot.right) * 0.5f
                   : plot.left + inset + span_w * static_cast<float>(i) / static_cast<float>(n - 1);
    };
    // Every k-th label, so that labels never overlap.
    const float per_point = n == 1 ? span_w : span_w / static_cast<float>(n - 1);
    const std::size_t label_every = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil((label_w + style.gap) / std::max(1.0f, per_point))));
    for (std::size_t i = 0; i < n; i += label_every) {
        text_centred(draw, x_of(i), plot.bottom + under + style.gap * 0.5f, style.text, labels[i]);
    }
    const bool every_value = text_width("999") + style.gap < per_point;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const ChartSeries& line = series[s];
        std::size_t highest = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (value_at(line, i) > value_at(line, highest)) {
                highest = i;
            }
            if (i + 1 < n) {
                draw.AddLine(ImVec2(x_of(i), plot.y_of(value_at(line, i))),
                             ImVec2(x_of(i + 1), plot.y_of(value_at(line, i + 1))), line.color,
                             style.line_width);
            }
        }
        const Marker marker = marker_for(s);
        const bool above = s % 2 == 0;
        for (std::size_t i = 0; i < n; ++i) {
            const ImVec2 p(x_of(i), plot.y_of(value_at(line, i)));
            draw_marker(draw, marker, p, style.marker_radius, line.color);
            if (every_value || i == highest || i + 1 == n) {
                const float y =
                    above ? p.y - style.marker_radius - line_h : p.y + style.marker_radius + 1.0f;
                text_centred(draw, p.x, y, style.text, chart_number(value_at(line, i)));
            }
        }
    }
}

} // namespace cf::ui
