#include "fonts/font_roles.h"

namespace cf::fonts {

Face face_for_locale(std::string_view locale) {
    for (std::string_view traditional : {"zh-Hant", "zh-TW", "zh-HK", "zh-MO"}) {
        if (locale.starts_with(traditional)) {
            return Face::tc;
        }
    }
    return Face::sc;
}

} // namespace cf::fonts
