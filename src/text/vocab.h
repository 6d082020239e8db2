// Interned words: every distinct normalised word gets a small integer id, so
// matching compares integers. Id 0 means "not in the vocabulary".
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0;

// Hash of a word for the vocabulary table. Words are short (most fit in 16 bytes), so it reads
// them 8 bytes at a time with a multiply to mix, and the tail with at most two overlapping
// loads: no byte loop and no call, where std::hash walks a general-purpose loop.
inline uint64_t hash_word(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  constexpr uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xBF58476D1CE4E5B9ull;
  uint64_t h = k1 ^ (n * k2);
  auto load8 = [](const unsigned char* q) { uint64_t v; std::memcpy(&v, q, 8); return v; };
  auto load4 = [](const unsigned char* q) { uint32_t v; std::memcpy(&v, q, 4); return uint64_t{v}; };
  auto mix = [&](uint64_t v) {
    h = (h ^ v) * k2;
    h ^= h >> 29;
  };
  while (n > 8) {
    mix(load8(p));
    p += 8;
    n -= 8;
  }
  // 0..8 bytes left
  if (n >= 4) mix(load4(p) | (load4(p + n - 4) << 32));
  else if (n > 0) mix(uint64_t{p[0]} | (uint64_t{p[n / 2]} << 8) | (uint64_t{p[n - 1]} << 16));
  h *= k1;
  return h ^ (h >> 32);
}

// Whether n bytes at a and b are equal: words are short, and two overlapping loads compare
// them without a call to memcmp.
inline bool same_bytes(const char* a, const char* b, size_t n) noexcept {
  auto eq8 = [&](size_t at) { uint64_t x, y; std::memcpy(&x, a + at, 8); std::memcpy(&y, b + at, 8); return x == y; };
  auto eq4 = [&](size_t at) { uint32_t x, y; std::memcpy(&x, a + at, 4); std::memcpy(&y, b + at, 4); return x == y; };
  if (n >= 8) return n <= 16 ? eq8(0) && eq8(n - 8) : std::memcmp(a, b, n) == 0;
  if (n >= 4) return eq4(0) && eq4(n - 4);
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

class Vocab {
 public:
  Vocab() { words_.emplace_back(); }
  WordId intern(std::string_view w);
  WordId find(std::string_view w) const {
    if (slots_.empty()) return kNoWord;
    const uint32_t h = static_cast<uint32_t>(hash_word(w));
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kNoWord) return kNoWord;
      if (s.hash == h) {
        const std::string& x = words_[s.id];
        if (x.size() == w.size() && same_bytes(x.data(), w.data(), w.size())) return s.id;
      }
    }
  }
  const std::string& word(WordId id) const { return words_[id]; }
  size_t size() const { return words_.size(); }
  // Room for `n` words in all without growing (the dictionary cache knows the final count).
  void reserve(size_t n);

 private:
  // Open addressing with linear probing: one flat array, at most half full, each slot holding
  // the word's id (0 = empty) and its hash, so that a probe rarely has to compare strings.
  // Looking words up is the hot path (every token of every sentence, every lexicon line).
  struct Slot {
    WordId id = kNoWord;
    uint32_t hash = 0;
  };
  void grow();
  void rehash(size_t size);  // a power of two
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<std::string> words_;
};

}  // namespace dyad
