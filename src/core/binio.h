// A small binary format for files dyad writes for itself (the compiled dictionary cache):
// little-endian fixed-width integers, and strings and sequences prefixed by their length.
//
// The reader trusts nothing: every read is bounds-checked, a length is never believed beyond
// the bytes left to hold it, and the first failure sticks (ok() turns false and every later
// read returns zeros), so a decoder reads a whole structure and checks ok() once at the end.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace dyad::bin {

class Writer {
 public:
  void u8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u16(uint16_t v) { put(v, 2); }
  void u32(uint32_t v) { put(v, 4); }
  void u64(uint64_t v) { put(v, 8); }
  void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
  void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
  void f64(double v) { u64(std::bit_cast<uint64_t>(v)); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  // A count of elements (of a sequence that follows) or of bytes.
  void count(size_t n) { u64(n); }
  void str(std::string_view s) {
    count(s.size());
    buf_.append(s);
  }
  void raw(std::string_view s) { buf_.append(s); }
  const std::string& bytes() const { return buf_; }
  std::string take() { return std::move(buf_); }
  size_t size() const { return buf_.size(); }
  void reserve(size_t n) { buf_.reserve(n); }

 private:
  void put(uint64_t v, int n) {
    char b[8];
    for (int i = 0; i < n; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    buf_.append(b, static_cast<size_t>(n));
  }
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}

  bool ok() const { return ok_; }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  // Marks the input as bad (a decoder found a value out of range).
  void fail() {
    ok_ = false;
    p_ = end_;
  }

  uint8_t u8() { return static_cast<uint8_t>(get(1)); }
  uint16_t u16() { return static_cast<uint16_t>(get(2)); }
  uint32_t u32() { return static_cast<uint32_t>(get(4)); }
  uint64_t u64() { return get(8); }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  int64_t i64() { return static_cast<int64_t>(u64()); }
  double f64() { return std::bit_cast<double>(u64()); }
  bool boolean() {
    uint8_t v = u8();
    if (v > 1) fail();
    return v == 1;
  }
  // A count of elements each taking at least `min_bytes` bytes: a count the remaining bytes
  // cannot hold is a corrupt file (and is never used to size an allocation).
  size_t count(size_t min_bytes = 1) {
    uint64_t n = u64();
    if (!ok_ || (min_bytes ? n > left() / min_bytes : n > left())) {
      fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string str() {
    size_t n = count(1);
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  // `n` bytes in place (valid as long as the input is).
  std::string_view raw(size_t n) {
    if (!ok_ || n > left()) {
      fail();
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }

 private:
  uint64_t get(int n) {
    if (!ok_ || left() < static_cast<size_t>(n)) {
      fail();
      return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p_[i])) << (8 * i);
    p_ += n;
    return v;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// A 64-bit checksum of a byte range (not cryptographic: it catches truncation, bit rot and
// stray writes). Four independent lanes of multiply-mix over 32-byte blocks, several GB/s.
inline uint64_t checksum(std::string_view s, uint64_t seed = 0) noexcept {
  constexpr uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xBF58476D1CE4E5B9ull, k3 = 0x94D049BB133111EBull;
  auto load8 = [](const char* q) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(q[i])) << (8 * i);
    return v;
  };
  auto mix = [&](uint64_t h, uint64_t v) {
    h = (h ^ v) * k2;
    return h ^ (h >> 31);
  };
  uint64_t a = seed ^ k1, b = seed ^ k2, c = seed ^ k3, d = seed ^ (s.size() * k1);
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 32; p += 32, n -= 32) {
    a = mix(a, load8(p));
    b = mix(b, load8(p + 8));
    c = mix(c, load8(p + 16));
    d = mix(d, load8(p + 24));
  }
  for (; n >= 8; p += 8, n -= 8) a = mix(a, load8(p));
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i) tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  a = mix(a, tail ^ (n << 56));
  uint64_t h = mix(mix(mix(a, b), c), d) * k3;
  return h ^ (h >> 29);
}

}  // namespace dyad::bin
