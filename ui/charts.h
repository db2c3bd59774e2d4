#pragma once
// Charts for the branch statistics and the regional dashboard, drawn with ImDrawList into a
// rectangle reserved at the ImGui cursor: vertical bars, horizontal bars, a stacked share bar
// and a line chart. They are meant to be read at a glance, so each one has an axis with a few
// round tick values, a value label on every bar (or point, while they fit), and a legend naming
// each series; series are told apart by legend, labels and marker shape, never by colour alone.
//
// Charts only draw: the figures and every visible text come from the caller, already
// translated.

#include <imgui.h>

#include <span>
#include <string>
#include <vector>

namespace cf::ui {

struct ChartSeries {
    std::string name;           // shown in the legend
    std::vector<double> values; // one per category (bars) or per point (lines)
    ImU32 color = 0;
};

// Colours and lengths a chart needs from the screen's theme (already scaled to pixels).
struct ChartStyle {
    ImU32 text = IM_COL32(26, 26, 26, 255);
    ImU32 muted = IM_COL32(84, 90, 98, 255);
    ImU32 grid = IM_COL32(210, 214, 220, 255);
    ImU32 axis = IM_COL32(120, 126, 134, 255);
    float gap = 8.0f;        // padding and spacing between parts
    float line_width = 2.0f; // lines of the line chart
    float marker_radius = 4.0f;
    float swatch = 14.0f;    // legend colour squares
    double value_step = 1.0; // smallest tick step: 1 for counts of tickets
};

// Tick values 0, step, 2*step ... for an axis from 0 up to at least `max`, with about `count`
// intervals and a round step (1, 2 or 5 times a power of ten, and never below `min_step`: pass
// 1 for counts, so an axis of 0..3 tickets is not divided into quarters). The last tick is the
// axis' top (>= max). A max of 0 or less gives {0, max(1, min_step)} so an empty chart still
// has an axis. Pure, for tests.
std::vector<double> nice_ticks(double max, int count, double min_step = 0.0);

// How a number is written on an axis or a label: integers without decimals, others with one.
std::string chart_number(double value);

// `text` shortened with "..." to fit `width` in the current font (unchanged when it fits).
std::string fit_text(const std::string& text, float width);

// Vertical bars: one group per label, one bar per series in each group, the value above each
// bar, the labels under the axis (up to 12 groups each one, cut with "..." when too long;
// more, every k-th whole), ticks on the left and a legend on top. When `slots` is given
// it receives each label's column (x0, y0, x1, y1 in screen pixels), so a caller can make the
// bars clickable.
void bar_chart(std::span<const std::string> labels, std::span<const ChartSeries> series,
               ImVec2 size, const ChartStyle& style, std::vector<ImVec4>* slots = nullptr);

// Horizontal bars of one series (e.g. the top categories, whose labels are long): labels on
// the left, the value at the end of each bar, ticks along the bottom. `slots`, when given,
// receives each label's row (x0, y0, x1, y1), label included.
void horizontal_bar_chart(std::span<const std::string> labels, const ChartSeries& series,
                          ImVec2 size, const ChartStyle& style,
                          std::vector<ImVec4>* slots = nullptr);

// One bar split into the shares of each series' first value (e.g. satisfied / mostly
// satisfied / unsatisfied), each segment labelled with its count and percentage when it fits,
// and a legend giving name, count and percentage of every part.
void share_bar(std::span<const ChartSeries> parts, ImVec2 size, const ChartStyle& style);

// Lines over the labelled points (e.g. days), ticks on the left, a legend on top. Each series
// has its own marker shape (circle, square, diamond ...) in the plot and in the legend; values
// are written at the points while they fit, otherwise at the highest and the last point.
void line_chart(std::span<const std::string> labels, std::span<const ChartSeries> series,
                ImVec2 size, const ChartStyle& style);

} // namespace cf::ui
