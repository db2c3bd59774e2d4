#include "platform/atlas_pixels.h"

namespace cf::platform {

Result<AtlasPixels> atlas_alpha8(ImFontAtlas& atlas) {
    if (atlas.IsBuilt() && atlas.TexPixelsAlpha8 == nullptr && atlas.TexPixelsRGBA32 == nullptr) {
        return fail(ErrorCode::texture,
                    "the font atlas's pixels were already released after an earlier upload; "
                    "build a new atlas to upload it again");
    }
    AtlasPixels out;
    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsAlpha8(&pixels, &out.width, &out.height);
    out.pixels = pixels;
    if (pixels == nullptr || out.width <= 0 || out.height <= 0) {
        return fail(ErrorCode::texture, "the font atlas could not be built");
    }
    return out;
}

} // namespace cf::platform
