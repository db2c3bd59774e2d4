#include "kiosk/screens.h"

#include "kiosk/receipt_lines.h"

#include "ui/qr_code.h"
#include "ui/time_text.h"
#include "ui/widgets.h"

namespace cf::kiosk {

void draw_receipt(Ui& ui, const KioskView& v) {
    if (!v.state.receipt) {
        return;
    }
    const Receipt& r = *v.state.receipt;
    top_bar(ui, v, false);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    centered(ui, ui.tr("receipt.title"), ui.fonts().title, ui.theme().primary);
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    // Thanks, and for a complaint the apology (000: thank and apologise at once).
    for (const ReceiptLine& line :
         receipt_lines(v.catalog.phrases, r.request_type, ui::code(v.state.locale))) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        centered(ui, line.text, ui.fonts().heading, ui.theme().text);
        ui.hits().record(line.id, at, ImVec2(at.x + width, ImGui::GetCursorScreenPos().y));
    }
    ImGui::Dummy(ImVec2(0, ui.px(20)));

    // Left: number and promise; right: the QR code of the number.
    const float qr_side = ui.px(360);
    const float text_w = width - qr_side - ui.px(48);
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    paragraph(ui, ui.tr("receipt.number_label"), ui.fonts().heading, ui.theme().muted, text_w);
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    paragraph(ui, r.number, ui.fonts().huge, 0, text_w);
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    // An answered enquiry is settled: nothing is promised.
    paragraph(
        ui,
        r.answered
            ? ui.tr("receipt.answered")
            : ui.fmt("receipt.first_response",
                     {{"time", ui::when_text(v.catalog.ui, v.state.locale, r.first_response_due,
                                             v.now, v.utc_offset_minutes)}}),
        ui.fonts().heading, 0, text_w);
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    // Checking progress needs the phone an answered enquiry was filed without.
    if (!r.answered) {
        paragraph(ui, ui.tr("receipt.keep"), nullptr, ui.theme().text, text_w);
    }
    ImGui::EndGroup();

    ImGui::SetCursorPos(ImVec2(top.x + width - qr_side, top.y));
    ImGui::BeginGroup();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (std::optional<ui::QrMatrix> qr = ui::make_qr(r.number)) {
        ui::draw_qr(ImGui::GetWindowDrawList(), *qr, at, qr_side, IM_COL32(0, 0, 0, 255),
                    IM_COL32(255, 255, 255, 255));
    }
    ui.hits().record("receipt.qr", at, ImVec2(at.x + qr_side, at.y + qr_side));
    ImGui::Dummy(ImVec2(qr_side, qr_side + ui.px(8)));
    paragraph(ui, ui.tr("receipt.scan"), nullptr, ui.theme().muted, qr_side);
    ImGui::EndGroup();

    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - ui.px(110));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         (ImGui::GetContentRegionAvail().x - ui.px(420)) * 0.5f);
    if (button(ui, "receipt.done", ui.tr("receipt.done"), ImVec2(ui.px(420), ui.px(96)),
               ui::ButtonKind::primary)) {
        ui.emit(act::Done{});
    }
    ImGui::EndGroup();
}

void draw_failure(Ui& ui, const KioskView& v) {
    top_bar(ui, v, false);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    ImGui::Dummy(ImVec2(0, ui.px(120)));
    centered(ui, ui.tr("failure.title"), ui.fonts().title, ui.theme().error);
    ImGui::Dummy(ImVec2(0, ui.px(40)));
    paragraph(ui, ui.tr("failure.body"), ui.fonts().heading, 0, width);
    ImGui::Dummy(ImVec2(0, ui.px(80)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - ui.px(420)) * 0.5f);
    if (button(ui, "failure.done", ui.tr("failure.done"), ImVec2(ui.px(420), ui.px(96)),
               ui::ButtonKind::primary)) {
        ui.emit(act::Done{});
    }
    ImGui::EndGroup();
}

} // namespace cf::kiosk
