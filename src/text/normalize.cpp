#include "text/normalize.h"

#include <array>
#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dyad::text {

char32_t next_code_point(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

static void append_utf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull, kHighBits = kOnes * 0x80;

// Eight ASCII bytes lower-cased at once. Adding 0x3F (or 0x25) to a byte below 0x80 cannot
// carry into the next byte, and sets its high bit exactly when the byte is at least 'A' (or
// above 'Z'): where the two sums differ, the byte is upper-case and gets 0x20 added.
inline uint64_t lower_ascii8(uint64_t v) {
  const uint64_t upper = ((v + kOnes * (0x80 - 'A')) ^ (v + kOnes * (0x80 - 'Z' - 1))) & kHighBits;
  return v | (upper >> 2);
}

constexpr std::array<char, 128> kLowerAscii = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// Appends in[from..) folded while it is ASCII, which folds byte for byte: eight bytes at a
// time while they last, written straight into `out`. Returns where it stopped: the first byte
// that is not ASCII, or the end.
size_t append_ascii(std::string_view in, size_t from, std::string& out) {
  const size_t base = out.size();
  size_t i = from;
  out.resize_and_overwrite(base + (in.size() - from), [&](char* buf, size_t) {
    char* o = buf + base;  // in[i] goes to o[i - from]
    const char* s = in.data();
    const size_t n = in.size();
    for (; i + 8 <= n; i += 8) {
      uint64_t v;
      std::memcpy(&v, s + i, 8);
      if (v & kHighBits) break;
      v = lower_ascii8(v);
      std::memcpy(o + (i - from), &v, 8);
    }
    for (; i < n; ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b >= 0x80) break;
      o[i - from] = kLowerAscii[b];
    }
    return base + (i - from);
  });
  return i;
}

void append_folded_code_point(char32_t c, std::string& out) {
  switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x2032:
      out.push_back('\'');
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      out.push_back('-');
      return;
    case 0x0130:  // İ: simple case folding keeps it; news writes İmamoğlu and Imamoglu alike
      out.push_back('i');
      return;
    default:
      break;
  }
  append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
}

}  // namespace

// Most words are ASCII, or mostly ASCII ("état"): runs of ASCII bytes take the fast path, and
// only the other code points are decoded and folded one by one (a folded code point may
// change its byte length).
// A word with combining marks ("e" + U+0301, as some scrapers and Mac clipboards write
// "é") is composed (NFC) after folding, so that it meets the precomposed dictionary word.
void append_folded(std::string_view in, std::string& out) {
  const size_t base = out.size();
  bool marks = false;
  for (size_t i = append_ascii(in, 0, out); i < in.size(); i = append_ascii(in, i, out)) {
    char32_t c = next_code_point(in, i);  // in[i] was not ASCII
    if (!marks && u_getCombiningClass(static_cast<UChar32>(c)) != 0) marks = true;
    append_folded_code_point(c, out);
  }
  if (!marks) return;
  std::string composed;
  if (to_nfc(std::string_view(out).substr(base), composed)) {
    out.resize(base);
    out += composed;
  }
}

void fold_word(std::string_view in, std::string& out) {
  out.clear();
  append_folded(in, out);
}

std::string fold_word(std::string_view in) {
  std::string out;
  fold_word(in, out);
  return out;
}

bool to_nfc(std::string_view in, std::string& out) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
  if (U_FAILURE(st)) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  if (n->isNormalized(u, st) && U_SUCCESS(st)) {
    out.assign(in);
    return true;
  }
  st = U_ZERO_ERROR;
  icu::UnicodeString r = n->normalize(u, st);
  if (U_FAILURE(st)) return false;
  out.clear();
  r.toUTF8String(out);
  return true;
}

}  // namespace dyad::text
