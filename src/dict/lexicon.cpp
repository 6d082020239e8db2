#include "dict/lexicon.h"

#include "text/normalize.h"

namespace dyad::dict {

bool PhraseTrie::add(const Phrase& p, uint32_t entry) {
  if (p.empty()) return false;
  uint32_t node = 0;
  for (size_t k = 0; k < p.size(); ++k) {
    Conn c = k == 0 ? Conn::adjacent : p[k].conn;
    if (k == 0) mark_root(p[k].word);
    uint64_t kk = key(node, p[k].word, c);
    auto it = edges_.find(kk);
    if (it == edges_.end()) {
      uint32_t nn = static_cast<uint32_t>(payload_.size());
      payload_.push_back(-1);
      gaps_.push_back(0);
      edges_.emplace(kk, nn);
      if (c == Conn::gap) gaps_[node] = 1;
      node = nn;
    } else {
      node = it->second;
    }
  }
  if (payload_[node] >= 0) return false;
  payload_[node] = entry;
  ++entries_;
  return true;
}

int64_t PhraseTrie::find(const Phrase& p) const {
  if (p.empty()) return -1;
  uint32_t node = 0;
  for (size_t k = 0; k < p.size(); ++k) {
    auto it = edges_.find(key(node, p[k].word, k == 0 ? Conn::adjacent : p[k].conn));
    if (it == edges_.end()) return -1;
    node = it->second;
  }
  return payload_[node];
}

void PhraseTrie::walk(const std::vector<text::Token>& toks, uint32_t node, uint32_t i, uint32_t end,
                      int64_t& best, uint32_t& best_last) const {
  // `node` has matched up to token i-1: extend with token i (any edge) or, over
  // a gap edge, with one of the next kMaxGap tokens (never across punctuation).
  for (int gap = 0; gap <= kMaxGap; ++gap) {
    uint32_t j = i + static_cast<uint32_t>(gap);
    if (j >= end) break;
    if (gap > 0 && (!gaps_[node] || toks[j - 1].kind == text::TokKind::punct)) break;
    const auto& t = toks[j];
    for (int ci = 0; ci < 2; ++ci) {
      Conn c = ci == 0 ? Conn::gap : Conn::adjacent;
      if (c == Conn::gap && !gaps_[node]) continue;
      if (c == Conn::adjacent && gap > 0) continue;
      for (int alt = 0; alt < 3; ++alt) {
        WordId w = alt == 0 ? t.form : alt == 1 ? t.lemma : t.klass;
        if (w == kNoWord || (alt == 1 && t.lemma == t.form)) continue;
        uint32_t nx = child(node, w, c);
        if (!nx) continue;
        if (payload_[nx] >= 0 && (best < 0 || j > best_last)) {
          best = payload_[nx];
          best_last = j;
        }
        walk(toks, nx, j + 1, end, best, best_last);
      }
    }
  }
}

int64_t PhraseTrie::longest(const std::vector<text::Token>& toks, uint32_t i, uint32_t end, uint32_t& last) const {
  int64_t best = -1;
  uint32_t best_last = 0;
  const auto& t = toks[i];
  for (int alt = 0; alt < 3; ++alt) {
    WordId w = alt == 0 ? t.form : alt == 1 ? t.lemma : t.klass;
    if (w == kNoWord || (alt == 1 && t.lemma == t.form) || !is_root(w)) continue;
    uint32_t nx = child(0, w, Conn::adjacent);
    if (!nx) continue;
    if (payload_[nx] >= 0 && (best < 0 || i > best_last)) {
      best = payload_[nx];
      best_last = i;
    }
    walk(toks, nx, i + 1, end, best, best_last);
  }
  if (best >= 0) last = best_last;
  return best;
}

const std::vector<std::string>* ActorEntry::resolve(int32_t date) const {
  if (date > 0) {
    for (const auto& c : codes)
      if (c.dated && date >= c.from && date <= c.to) return &c.codes;
  }
  for (const auto& c : codes)
    if (!c.dated) return &c.codes;
  return nullptr;
}

WordId Lexicon::word(std::string_view w) { return vocab.intern(text::fold_word(w)); }

void Lexicon::assign_ids(text::Tokenized& t) const {
  // the word phrases write for "any number"; absent from the vocabulary when no phrase uses it
  const WordId numeral = vocab.find(kNumeralWord);
  for (auto& tok : t.tokens) {
    tok.form = vocab.find(t.norm(tok));
    tok.lemma = tok.form;
    tok.klass = kNoWord;
    if (const Reading* r = reading(tok.form)) {
      tok.lemma = r->lemma;
      tok.pos = r->pos;
    }
    if (numeral != kNoWord &&
        (tok.kind == text::TokKind::number || (tok.form != kNoWord && numbers.words.count(tok.form))))
      tok.klass = numeral;
  }
}

}  // namespace dyad::dict
