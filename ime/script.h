#pragma once
// Which Chinese characters a session produces.

namespace cf::ime {

enum class Script {
    simplified,  // 简体, for zh-Hans: rime's pinyin_simp schema
    traditional, // 繁體, for zh-Hant: rime's luna_pinyin schema with simplification off
};

} // namespace cf::ime
