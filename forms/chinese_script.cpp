#include "forms/chinese_script.h"

#include "core/utf8.h"

#include <opencc.h>

#include <mutex>

namespace cf::forms {
namespace {

// `text` with every byte that is not part of valid UTF-8 replaced by a space. OpenCC trusts a
// lead byte's length and reads past the end of a cut sequence (found by the text model's fuzz
// harness), so it is only ever given valid text.
std::string valid_utf8(std::string_view text) {
    std::string out(text);
    const auto* begin = reinterpret_cast<const unsigned char*>(out.data());
    const auto* end = begin + out.size();
    for (const auto* p = begin; p < end;) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const std::size_t n = core::utf8_sequence(p, end);
        if (n == 0) {
            out[static_cast<std::size_t>(p - begin)] = ' ';
            ++p;
        } else {
            p += n;
        }
    }
    return out;
}

// One OpenCC converter, opened on first use and kept for the life of the process.
class Converter {
public:
    explicit Converter(const char* config) : m_config(config) {}
    ~Converter() {
        if (usable()) {
            opencc_close(m_handle);
        }
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    bool available() {
        std::scoped_lock lock(m_mutex);
        open();
        return usable();
    }

    std::string convert(std::string_view text) {
        std::scoped_lock lock(m_mutex);
        open();
        if (!usable() || text.empty()) {
            return std::string(text);
        }
        const std::string valid = valid_utf8(text);
        char* out = opencc_convert_utf8(m_handle, valid.c_str(), valid.size());
        if (out == nullptr) {
            return std::string(text);
        }
        std::string result(out);
        opencc_convert_utf8_free(out);
        return result;
    }

private:
    bool usable() const {
        return m_handle != nullptr && m_handle != reinterpret_cast<opencc_t>(-1);
    }
    void open() {
        if (!m_tried) {
            m_tried = true;
            m_handle = opencc_open(m_config);
        }
    }

    const char* m_config;
    std::mutex m_mutex;
    bool m_tried = false;
    opencc_t m_handle = nullptr;
};

Converter& simplified() {
    static Converter c("t2s.json");
    return c;
}
Converter& traditional() {
    static Converter c("s2t.json");
    return c;
}
Converter& hong_kong() {
    static Converter c("s2hk.json");
    return c;
}
Converter& taiwan() {
    static Converter c("s2tw.json");
    return c;
}

} // namespace

std::string to_simplified(std::string_view text) {
    return simplified().convert(text);
}

std::string to_script_of(std::string_view text, std::string_view locale) {
    if (locale == "zh-Hant") {
        return traditional().convert(text);
    }
    if (locale == "zh-HK") {
        return hong_kong().convert(text);
    }
    if (locale == "zh-TW") {
        return taiwan().convert(text);
    }
    return std::string(text);
}

bool chinese_script_available() {
    return simplified().available();
}

} // namespace cf::forms
