#pragma once
// Errors of the fonts module, with messages an operator can act on (which file, which package).
// The app refuses to start without its fonts rather than show empty boxes for every character.

#include <expected>
#include <string>

namespace cf::fonts {

enum class ErrorCode {
    font_missing,    // the font file is missing or unreadable; the message names it and the package
    face_missing,    // the font file lacks the Simplified or Traditional Chinese face
    asset_missing,   // a character list under assets/fonts is missing or unreadable
    atlas_too_large, // the glyphs do not fit in the largest texture allowed
    render_failed,   // FreeType could not load a face of the font file
};

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace cf::fonts
