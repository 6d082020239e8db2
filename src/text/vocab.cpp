#include "text/vocab.h"

namespace dyad {

WordId Vocab::intern(std::string_view w) {
  if (WordId id = find(w)) return id;
  if (2 * words_.size() >= slots_.size()) grow();  // words_ holds the unused id 0 too
  auto id = static_cast<WordId>(words_.size());
  words_.emplace_back(w);
  const uint32_t h = static_cast<uint32_t>(hash_word(w));
  size_t i = h & mask_;
  while (slots_[i].id != kNoWord) i = (i + 1) & mask_;
  slots_[i] = {id, h};
  return id;
}

void Vocab::reserve(size_t n) {
  words_.reserve(n);
  size_t want = slots_.empty() ? 64 : slots_.size();
  while (2 * n >= want) want *= 2;
  if (want != slots_.size()) rehash(want);  // at once, not doubling step by step
}

void Vocab::grow() { rehash(slots_.empty() ? 64 : 2 * slots_.size()); }

void Vocab::rehash(size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNoWord) continue;
    size_t i = s.hash & mask_;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

}  // namespace dyad
