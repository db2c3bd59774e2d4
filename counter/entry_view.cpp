// Fast entry: the counter form drawn from its definition in two columns (what happened; who
// and how it is classified), keyboard first: Tab moves through the fields, Enter saves (in a
// multi-line field Ctrl+Enter does). The classifier's suggestions show beside the fields it
// would fill, with the words that triggered them; choosing a value overrides it.

#include "counter/views.h"
#include "ui/staff_text.h"

#include "forms/classifier.h"

namespace cf::counter {

namespace {

bool right_column(const forms::FieldDefinition& f) {
    return f.type == forms::FieldType::single_choice ||
           forms::to_string(f.bind).starts_with("customer.");
}

// The suggestion for a classifier field as text, with the words behind it; empty when none.
std::string suggestion_text(Ui& ui, const CounterController& c, const forms::Classification& cl,
                            std::string_view field_id) {
    const forms::Suggestion& s = cl.result;
    std::string value;
    std::string code;
    const forms::FormDefinition& form = c.form();
    if (field_id == "request_type" && s.request_type) {
        code = std::string(core::to_string(*s.request_type));
        value = ui::option_label(form, field_id, code, ui.locale());
    } else if (field_id == "category" && s.category) {
        code = *s.category;
        value = c.catalog().category_label(code, ui::code(ui.locale()));
    } else if (field_id == "severity" && s.severity) {
        code = std::string(core::to_string(*s.severity));
        value = ui::option_label(form, field_id, code, ui.locale());
    } else if (field_id == "priority" && s.priority) {
        code = std::string(core::to_string(*s.priority));
        value = ui::option_label(form, field_id, code, ui.locale());
    } else if (field_id == "emotion" && s.emotion) {
        code = std::string(core::to_string(*s.emotion));
        value = ui::option_label(form, field_id, code, ui.locale());
    } else if (field_id == "special_type" && s.special_type) {
        code = std::string(core::to_string(*s.special_type));
        value = ui::option_label(form, field_id, code, ui.locale());
    }
    if (value.empty()) {
        return {};
    }
    std::string words;
    const std::string sets = std::string(field_id) + "=" + code;
    for (const forms::Match& m : cl.matches) {
        // `sets` lists every value the rule suggested: "request_type=complaint, category=...".
        const std::string listed = ", " + m.sets + ",";
        const bool named = listed.find(", " + sets + ",") != std::string::npos;
        if (named && words.find("“" + m.word + "”") == std::string::npos) {
            words += (words.empty() ? "" : " ") + std::string("“") + m.word + "”";
        }
    }
    if (words.empty()) { // a policy rule, not a word (e.g. urgent because of the category)
        return ui.fmt("counter.entry.suggested_by_policy", {{"value", value}});
    }
    return ui.fmt("counter.entry.suggested", {{"value", value}, {"words", words}});
}

void category_combo(Ui& ui, CounterController& c, const forms::FieldDefinition& f, float width) {
    EntryDraft& d = c.draft();
    const std::string locale(ui::code(ui.locale()));
    const auto it = d.choice.find(f.id);
    const std::string preview = it == d.choice.end()
                                    ? ui.tr("counter.entry.automatic")
                                    : c.catalog().category_label(it->second, locale);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(("##entry." + f.id).c_str(), preview.c_str())) {
        if (ImGui::Selectable(ui::imgui_label(ui.tr("counter.entry.automatic"), "auto").c_str(),
                              it == d.choice.end())) {
            d.choice.erase(f.id);
        }
        for (const forms::Category& group : c.catalog().categories.top_level()) {
            if (ImGui::Selectable(ui::imgui_label(group.label.in(locale), group.code).c_str())) {
                d.choice[f.id] = group.code;
            }
            for (const forms::Category& child : group.children) {
                if (ImGui::Selectable(
                        ui::imgui_label("    " + child.label.in(locale), child.code).c_str())) {
                    d.choice[f.id] = child.code;
                }
            }
        }
        ImGui::EndCombo();
    }
    track(ui, "entry." + f.id);
}

void choice_field(Ui& ui, CounterController& c, const forms::FieldDefinition& f, float width) {
    EntryDraft& d = c.draft();
    const std::string locale(ui::code(ui.locale()));
    const bool automatic = classifier_fills(f.id);
    const auto it = d.choice.find(f.id);
    if (f.widget == "list") {
        if (automatic) {
            if (ImGui::RadioButton(
                    ui::imgui_label(ui.tr("counter.entry.automatic"), f.id + ".auto").c_str(),
                    it == d.choice.end())) {
                d.choice.erase(f.id);
            }
            ui.hits().record("entry." + f.id + ".auto", ImGui::GetItemRectMin(),
                             ImGui::GetItemRectMax());
            ImGui::SameLine();
        }
        for (const forms::ChoiceOption& o : f.options) {
            const bool on = it != d.choice.end() && it->second == o.value;
            if (ImGui::RadioButton(
                    ui::imgui_label(o.label.in(locale), f.id + "." + o.value).c_str(), on)) {
                d.choice[f.id] = o.value;
            }
            ui.hits().record("entry." + f.id + "." + o.value, ImGui::GetItemRectMin(),
                             ImGui::GetItemRectMax());
            ImGui::SameLine();
        }
        ImGui::NewLine();
        return;
    }
    const std::string preview =
        it == d.choice.end()
            ? ui.tr(automatic ? "counter.entry.automatic" : "counter.entry.not_given")
            : ui::option_label(c.form(), f.id, it->second, ui.locale());
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(("##entry." + f.id).c_str(), preview.c_str())) {
        if (ImGui::Selectable(ui::imgui_label(ui.tr(automatic ? "counter.entry.automatic"
                                                              : "counter.entry.not_given"),
                                              "unset")
                                  .c_str(),
                              it == d.choice.end())) {
            d.choice.erase(f.id);
        }
        for (const forms::ChoiceOption& o : f.options) {
            if (ImGui::Selectable(ui::imgui_label(o.label.in(locale), o.value).c_str(),
                                  it != d.choice.end() && it->second == o.value)) {
                d.choice[f.id] = o.value;
            }
        }
        ImGui::EndCombo();
    }
    track(ui, "entry." + f.id);
}

void draw_field(Ui& ui, CounterController& c, const forms::FieldDefinition& f,
                const forms::Classification& cl, float width) {
    EntryDraft& d = c.draft();
    const std::string locale(ui::code(ui.locale()));
    std::string label = f.label.in(locale);
    if (f.required) {
        label += " *";
    }
    ImGui::TextUnformatted(label.c_str());
    const std::string id = "entry." + f.id;
    switch (f.type) {
    case forms::FieldType::single_choice:
        if (f.options_from_categories) {
            category_combo(ui, c, f, width);
        } else {
            choice_field(ui, c, f, width);
        }
        break;
    case forms::FieldType::multiple_choice: {
        std::set<std::string>& chosen = d.choices[f.id];
        int n = 0;
        for (const forms::ChoiceOption& o : f.options) {
            bool on = chosen.contains(o.value);
            if (n++ % 4 != 0) {
                ImGui::SameLine();
            }
            if (ImGui::Checkbox(ui::imgui_label(o.label.in(locale), id + "." + o.value).c_str(),
                                &on)) {
                if (on) {
                    chosen.insert(o.value);
                } else {
                    chosen.erase(o.value);
                }
            }
            ui.hits().record(id + "." + o.value, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        break;
    }
    case forms::FieldType::yesno: {
        bool on = d.yes.contains(f.id) && d.yes[f.id];
        if (ImGui::Checkbox(ui::imgui_label(ui.tr("counter.entry.yes"), id).c_str(), &on)) {
            d.yes[f.id] = on;
        }
        ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        break;
    }
    case forms::FieldType::multiline:
        text_area(ui, id, d.text[f.id],
                  ImVec2(width, ui.px(f.id == "description" ? 200.0f : 96.0f)));
        break;
    default:
        text_input(ui, id, d.text[f.id], width, false, f.type == forms::FieldType::phone);
        if (f.type == forms::FieldType::datetime) {
            ImGui::TextDisabled("%s", ui.tr("counter.entry.datetime_hint").c_str());
        }
        break;
    }
    if (classifier_fills(f.id) && !d.choice.contains(f.id)) {
        const std::string hint = suggestion_text(ui, c, cl, f.id);
        if (!hint.empty()) {
            ImGui::TextDisabled("%s", hint.c_str());
        }
    }
    if (f.id == "special_type" && d.choice.contains(f.id) && d.choice[f.id] == "media_exposure") {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        ImGui::TextUnformatted(ui.tr("counter.entry.forced_urgent").c_str());
        ImGui::PopStyleColor();
    }
    if (auto e = d.errors.find(f.id); e != d.errors.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        ImGui::TextWrapped("%s", e->second.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
}

} // namespace

// SOP 002: the knowledge base's standard answers beside an enquiry, in the customer's language
// (the form's locale field, else the screen's), so staff can answer on the spot.
void draw_knowledge(Ui& ui, const CounterController& c, const EntryDraft& d,
                    const forms::Classification& cl, float width) {
    const std::vector<const forms::KnowledgeArticle*> answers =
        knowledge_answers(c.catalog(), d, cl);
    if (answers.empty()) {
        return;
    }
    std::string locale(ui::code(ui.locale()));
    if (auto chosen = d.choice.find("locale"); chosen != d.choice.end()) {
        locale = chosen->second;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextDisabled("%s", ui.tr("counter.entry.knowledge").c_str());
    ui.hits().record("entry.knowledge", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().chart[5]);
        ImGui::TextWrapped("%s", answers[i]->question.in(locale).c_str());
        ImGui::PopStyleColor();
        ui.hits().record("entry.knowledge." + std::to_string(i), ImGui::GetItemRectMin(),
                         ImGui::GetItemRectMax());
        ImGui::TextWrapped("%s", answers[i]->answer.in(locale).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
}

void draw_entry(Ui& ui, CounterController& c) {
    const forms::FormDefinition& form = c.form();
    EntryDraft& d = c.draft();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.entry.title").c_str());
    }
    ImGui::SameLine(0, ui.px(32));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.tr("counter.entry.keys").c_str());
    if (auto e = d.errors.find(""); e != d.errors.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        ImGui::TextWrapped("%s", e->second.c_str());
        ImGui::PopStyleColor();
    }
    const forms::Classification cl = suggest(c.catalog(), d);
    const float bottom = ui.px(72);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float col_w = (avail.x - ui.px(24)) * 0.5f;
    const float field_w = col_w - ui.px(32);
    for (int column = 0; column < 2; ++column) {
        if (column == 1) {
            ImGui::SameLine(0, ui.px(24));
        }
        ImGui::BeginChild(column == 0 ? "entry.left" : "entry.right",
                          ImVec2(col_w, avail.y - bottom), true);
        if (column == 1) {
            draw_knowledge(ui, c, d, cl, field_w);
        }
        for (const forms::FieldDefinition& f : form.fields) {
            if (right_column(f) == (column == 1) && field_visible(form, f, d)) {
                draw_field(ui, c, f, cl, field_w);
            }
        }
        ImGui::EndChild();
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    bool save =
        enter && (io.KeyCtrl || !ui::text_targets().multiline_active || !ImGui::IsAnyItemActive());
    if (push_button(ui, "entry.save", ui.tr("counter.entry.save"), ImVec2(ui.px(260), ui.px(56)))) {
        save = true;
    }
    ImGui::SameLine();
    if (push_button(ui, "entry.discard", ui.tr("counter.entry.discard"),
                    ImVec2(ui.px(200), ui.px(56)))) {
        c.discard_entry();
        return;
    }
    ImGui::SameLine();
    if (push_button(ui, "entry.pinyin",
                    ui.tr(c.pinyin_panel() ? "counter.pinyin.hide" : "counter.pinyin.show"),
                    ImVec2(0, ui.px(56)))) {
        c.pinyin_panel() = !c.pinyin_panel();
    }
    if (save) {
        c.save_entry();
    }
}

} // namespace cf::counter
