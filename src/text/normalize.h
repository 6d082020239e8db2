// Character-level normalisation used for matching. The raw text is never
// modified: normalised forms live beside it and offsets map back to the raw bytes.
#pragma once

#include <string>
#include <string_view>

namespace dyad::text {

// Case-folded, typography-folded form of a word: ’ ʼ ` → ', dashes → '-', and composed
// (NFC) when it holds combining marks, so "e\u0301" and "é" are one word.
void fold_word(std::string_view in, std::string& out);
std::string fold_word(std::string_view in);
// The same, appended to `out` (`in` must not point into `out`).
void append_folded(std::string_view in, std::string& out);

// Decode one UTF-8 code point at s[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);

// Unicode NFC normalisation of a whole text; returns false if ICU fails.
bool to_nfc(std::string_view in, std::string& out);

}  // namespace dyad::text
