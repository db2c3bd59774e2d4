#pragma once
// QR codes (libqrencode) drawn as squares with ImDrawList, for the receipt's ticket number.

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cf::ui {

struct QrMatrix {
    int size = 0;                   // modules per side
    std::vector<std::uint8_t> dark; // size*size, row-major, 1 = dark module
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// Encodes `text` with error correction level M; nullopt when libqrencode refuses (too long).
std::optional<QrMatrix> make_qr(std::string_view text);

// Draws the code with a 4-module quiet zone in a square of side `side` at `at`.
void draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 at, float side, ImU32 dark, ImU32 light);

} // namespace cf::ui
