#include "store/cluster.h"

#include <chrono>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace dyad::store {

const char* to_string(Match m) {
  switch (m) {
    case Match::new_event: return "new";
    case Match::same_code: return "same_code";
    case Match::vaguer_code: return "vaguer_code";
    case Match::converse_code: return "converse_code";
    case Match::none: break;
  }
  return "none";
}

std::string mention_status(const Event& e) {
  if (e.polarity == Polarity::negated) return "negated";
  return to_string(e.modality);
}

bool contests(std::string_view s) { return s == "denied" || s == "negated"; }
bool contestable(std::string_view s) { return s == "fact" || s == "reported" || s == "intent"; }

std::string actor_key(const ActorRef& a) {
  if (!a.country.empty()) return a.country;
  if (!a.code.empty()) return a.code;
  return "-";
}

bool symmetric_code(std::string_view base) {
  // 036 intend to meet or negotiate, 040 consult, 041 discuss by telephone, 042/043 make /
  // host a visit, 044 meet at a third location, 046 negotiate, 057 sign a formal agreement,
  // 060 material cooperation, 061 cooperate economically, 062 cooperate militarily,
  // 064 share intelligence.
  static constexpr std::array<std::string_view, 12> kSym = {"036", "040", "041", "042", "043", "044",
                                                            "046", "057", "060", "061", "062", "064"};
  return std::find(kSym.begin(), kSym.end(), base) != kSym.end();
}

bool is_symmetric(const Event& e) {
  if (symmetric_code(e.base)) return true;
  const bool countries = !e.source.country.empty() && !e.target.country.empty();
  return countries && (e.root == "03" || e.root == "04" || e.root == "05" || e.root == "06");
}

bool is_vague(std::string_view base) { return base.size() < 3 || base[2] == '0'; }

Match code_match(std::string_view eb, std::string_view mb) {
  if (eb.substr(0, 2) != mb.substr(0, 2)) return Match::none;
  if (eb == mb) return Match::same_code;
  if (is_vague(eb) || is_vague(mb)) return Match::vaguer_code;
  if ((eb == "042" && mb == "043") || (eb == "043" && mb == "042")) return Match::converse_code;
  return Match::none;
}

bool places_agree(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool places_agree(const PlaceRef& a, const PlaceRef& b) {
  if (places_agree(a.name, b.name)) return true;
  return !a.country.empty() && a.country == b.country && (a.kind == "country" || b.kind == "country");
}

Block block_of(const Event& e, std::string_view status) {
  Block b;
  std::string a = actor_key(e.source), t = actor_key(e.target);
  b.symmetric = is_symmetric(e);
  if (b.symmetric) {
    if (t < a) std::swap(a, t);
    b.dyad = a + "~" + t;
  } else {
    b.dyad = a + ">" + t;
  }
  b.key = fmt::format("{}|{}|{}", status, b.dyad, e.root);
  return b;
}

std::string with_status(std::string_view key, std::string_view status) {
  auto bar = key.find('|');
  return std::string(status) + std::string(key.substr(bar == std::string_view::npos ? key.size() : bar));
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::optional<int32_t> day_number(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t n, int& out) {
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return false;
      out = out * 10 + (d[i] - '0');
    }
    return true;
  };
  int y, m, dd;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, dd)) return std::nullopt;
  // a real calendar day: no 2023-02-30, no 2023-04-31
  if (!std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                   std::chrono::day{static_cast<unsigned>(dd)}}
           .ok())
    return std::nullopt;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(dd) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

std::string iso_date(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

}  // namespace dyad::store
