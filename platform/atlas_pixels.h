#pragma once
// The one-byte-per-pixel (Alpha8) image of a font atlas, as both platforms upload it. RGBA32
// would take four times the memory for a CJK atlas of several megapixels, for no gain: the
// shader only needs coverage.

#include "platform/error.h"

#include <imgui.h>

namespace cf::platform {

struct AtlasPixels {
    const unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
};

// The atlas's Alpha8 pixels, building the atlas first when it was never built. Fails with
// texture when the atlas was built but its pixels were already released (ClearTexData):
// ImGui would silently rebuild it from its inputs, losing glyphs the fonts module added after
// the build, so the caller must upload a freshly built atlas instead.
Result<AtlasPixels> atlas_alpha8(ImFontAtlas& atlas);

} // namespace cf::platform
