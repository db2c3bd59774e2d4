#pragma once
// The console's screens. Each draws into the current ImGui window, reads the controller and
// calls it for what staff did. The frame (console_frame.h) puts them under the top bar.

#include "console/console_controller.h"
#include "ui/staff_widgets.h"

#include <filesystem>
#include <functional>

namespace cf::console {

using ui::Ui;

void draw_top_bar(Ui& ui, ConsoleController& c);
// "Center unreachable since ..., last error ..., retrying" with a retry button; nothing while
// the center answers.
void draw_unreachable(Ui& ui, ConsoleController& c);
void draw_notice(Ui& ui, ConsoleController& c);

void draw_sign_in(Ui& ui, ConsoleController& c);
void draw_queue(Ui& ui, ConsoleController& c);
void draw_detail(Ui& ui, ConsoleController& c);
// `export_path` empty: no export button.
void draw_dashboard(Ui& ui, ConsoleController& c,
                    const std::function<std::filesystem::path()>& export_path);

// The 考核 reports (reports_view.cpp); `export_path` empty: no CSV buttons, else each table's
// file goes into the directory of the path it returns.
void draw_reports(Ui& ui, ConsoleController& c,
                  const std::function<std::filesystem::path()>& export_path);

// The filter inputs of the list and the dashboard, with ids under `prefix`; returns whether
// Enter was pressed in a text field. Fields named in `errors` show their label in red.
bool draw_filter_fields(Ui& ui, ConsoleController& c, FilterDraft& d, std::string_view prefix,
                        bool dates, const std::map<std::string, std::string>& errors);

// Text keys shared by the views.
const char* queue_key(sync::ConsoleQueue q);

} // namespace cf::console
