#include "ui/qr_code.h"

#include <qrencode.h>

#include <string>

namespace cf::ui {

std::optional<QrMatrix> make_qr(std::string_view text) {
    const std::string s(text);
    QRcode* code = QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr) {
        return std::nullopt;
    }
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(code->width * code->width));
    for (std::size_t i = 0; i < m.dark.size(); ++i) {
        m.dark[i] = code->data[i] & 1; // bit 0: dark module; the other bits are encoder notes
    }
    QRcode_free(code);
    return m;
}

void draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 at, float side, ImU32 dark, ImU32 light) {
    constexpr int k_quiet = 4;
    const float module = side / static_cast<float>(qr.size + 2 * k_quiet);
    dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), light);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) {
                continue;
            }
            const ImVec2 min(at.x + static_cast<float>(x + k_quiet) * module,
                             at.y + static_cast<float>(y + k_quiet) * module);
            dl->AddRectFilled(min, ImVec2(min.x + module, min.y + module), dark);
        }
    }
}

} // namespace cf::ui
