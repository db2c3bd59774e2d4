// After saving: the acknowledgement script staff read to the customer (thanks, apology, the
// number, the expected time and how we will follow up), a receipt laid out for printing, and
// the step that records that the customer was answered.

#include "counter/script_text.h"
#include "counter/views.h"
#include "ui/staff_text.h"

#include "core/masking.h"
#include "ui/qr_code.h"
#include "ui/time_text.h"

namespace cf::counter {

namespace {

// How we will get back to the customer, in `locale`: their phone, else their e-mail (both
// masked), else the counter or the kiosk's check-a-ticket.
std::string follow_up_channel(const forms::UiStrings& s, std::string_view locale,
                              const core::Ticket& t) {
    if (!t.customer.phone.empty()) {
        return s.format(locale, "counter.ack.by_phone",
                        {{"phone", core::mask_phone(t.customer.phone)}});
    }
    if (!t.customer.email.empty()) {
        return s.format(locale, "counter.ack.by_email",
                        {{"email", core::mask_email(t.customer.email)}});
    }
    return s.get(locale, "counter.ack.by_visit");
}

// The first response (初步回应, 000) in the customer's language from the 话术 asset: thanks,
// the apology for a complaint only (never for praise), the number with the handling time,
// and how we will follow up.
std::string first_response_script(CounterController& c, const core::Ticket& t,
                                  ui::Locale fallback) {
    const ui::Locale locale = customer_locale(t, fallback);
    const int off = c.utc_offset_minutes();
    std::string out;
    const auto add = [&](std::string sentence) {
        if (!sentence.empty()) {
            out += (out.empty() || locale != ui::Locale::en ? "" : " ") + sentence;
        }
    };
    using M = forms::ScriptMoment;
    const M promise =
        t.request_type == core::RequestType::suggestion ? M::suggestion_reply : M::acknowledgement;
    for (const M m : {M::thanks, M::apology, promise}) {
        add(script_sentence(c.catalog(), t, m, locale, c.now(), off));
    }
    const std::string code(ui::code(locale));
    add(c.catalog().ui.format(code, "counter.ack.follow_up",
                              {{"channel", follow_up_channel(c.catalog().ui, code, t)}}));
    return out;
}

void receipt(Ui& ui, CounterController& c, const core::Ticket& t, float width) {
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    const ImU32 paper = IM_COL32(255, 255, 255, 255);
    const float height = ui.px(560);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), paper, ui.px(6));
    dl->AddRect(at, ImVec2(at.x + width, at.y + height), IM_COL32(160, 160, 160, 255), ui.px(6));
    ui.hits().record("ack.receipt", at, ImVec2(at.x + width, at.y + height));
    const float pad = ui.px(28);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
    ImGui::PushStyleColor(ImGuiCol_Text, ink);
    ImGui::BeginGroup();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.receipt.title").c_str());
    }
    ImGui::TextUnformatted(
        ui.fmt("counter.receipt.branch", {{"branch", t.branch}, {"terminal", t.terminal}}).c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(ui.tr("counter.receipt.number").c_str());
    {
        ui::FontScope f(ui.fonts().title);
        ImGui::TextUnformatted(t.number.c_str());
    }
    ImGui::Spacing();
    const std::string locale(ui::code(ui.locale()));
    ImGui::TextUnformatted(
        ui.fmt("counter.receipt.received",
               {{"time", ui::local_time_text(t.received_at, c.utc_offset_minutes())}})
            .c_str());
    ImGui::TextUnformatted(
        ui.fmt("counter.receipt.kind",
               {{"type", ui::option_label(c.form(), "request_type", core::to_string(t.request_type),
                                          ui.locale())},
                {"category", c.catalog().category_label(t.category, locale)}})
            .c_str());
    ImGui::TextUnformatted(
        ui.fmt("counter.receipt.first_response",
               {{"time", ui::local_time_text(t.first_response_due, c.utc_offset_minutes())}})
            .c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2 - ui.px(240));
    ImGui::TextWrapped("%s", ui.tr("counter.receipt.keep").c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopStyleColor();
    if (std::optional<ui::QrMatrix> qr = ui::make_qr(t.number)) {
        const float side = ui.px(220);
        ui::draw_qr(dl, *qr, ImVec2(at.x + width - pad - side, at.y + pad), side, ink, paper);
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height + ui.px(12)));
}

} // namespace

void draw_acknowledgement(Ui& ui, CounterController& c) {
    if (!c.saved()) {
        c.go(Screen::queue);
        return;
    }
    const core::Ticket& t = *c.saved();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.fmt("counter.ack.saved", {{"number", t.number}}).c_str());
    }
    ImGui::Spacing();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left_w = avail.x * 0.5f;
    ImGui::BeginChild("ack.script", ImVec2(left_w, avail.y - ui.px(80)), true);
    const std::string language(ui::code(customer_locale(t, ui.locale())));
    ImGui::TextDisabled(
        "%s",
        ui.fmt("counter.script.title", {{"language", ui.tr("language." + language)}}).c_str());
    ImGui::Spacing();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextWrapped("%s", first_response_script(c, t, ui.locale()).c_str());
    }
    ImGui::Spacing();
    if (!c.saved_explanation().empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", ui.tr("counter.ack.why").c_str());
        for (const forms::Match& m : c.saved_explanation()) {
            ImGui::BulletText("“%s” → %s", m.word.c_str(), m.sets.c_str());
        }
    }
    ImGui::EndChild();
    ImGui::SameLine(0, ui.px(24));
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", ui.tr("counter.ack.receipt_hint").c_str());
    receipt(ui, c, t, avail.x - left_w - ui.px(24));
    ImGui::EndGroup();

    if (push_button(ui, "ack.acknowledged", ui.tr("counter.ack.record"),
                    ImVec2(ui.px(420), ui.px(56)))) {
        c.open(t.number);
        c.begin_step(core::Step::acknowledge);
        c.take_step();
    }
    ImGui::SameLine();
    if (push_button(ui, "ack.open", ui.tr("counter.ack.open"), ImVec2(0, ui.px(56)))) {
        c.open(t.number);
    }
    ImGui::SameLine();
    if (push_button(ui, "ack.next", ui.tr("counter.ack.next"), ImVec2(0, ui.px(56)))) {
        c.go(Screen::entry);
    }
}

} // namespace cf::counter
