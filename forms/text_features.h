#pragma once
// The features the text model (text_model.h) reads from a ticket's text. Chinese needs no word
// segmenter: every run of Chinese characters gives its single characters, pairs and triples.
// English and digits give words and word pairs. A few markers stand for the tone that words do
// not carry: runs of '!' or '?', and English written in capitals.
//
// Before cutting, Traditional Chinese becomes Simplified (chinese_script.h), full-width ASCII
// (ＡＢＣ！) becomes ASCII and ASCII letters are lower-cased.
// Anything that is neither a letter, a digit nor a Chinese character separates runs, so
// punctuation never joins two clauses into one n-gram.

#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// Feature strings: "多扣" (Chinese n-gram), "refund", "not complaining" (English word and pair),
// "#!!" (a run of two or more exclamation marks), "#??" (of question marks), "#CAPS" (two or
// more English words of three or more capitals). Each feature appears once, in order of first
// appearance. Invalid UTF-8 bytes are separators. Never fails.
std::vector<std::string> text_features(std::string_view text);

// True for a feature that is a marker ("#!!"), not words of the text.
bool is_marker_feature(std::string_view feature);

} // namespace cf::forms
