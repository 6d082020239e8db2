#include "io/writer.h"

#include <fmt/format.h>

#include <cstdint>
#include <ctime>

namespace dyad::io {

Result<Format> parse_format(std::string_view name) {
  if (name == "jsonl") return Format::jsonl;
  if (name == "csv") return Format::csv;
  if (name == "gdelt") return Format::gdelt;
  return fail("bad_format", fmt::format("unknown output format '{}' (expected jsonl, csv or gdelt)", name));
}

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out.push_back(ch);
    }
  }
  out.push_back('"');
}

// RFC 4180: quote a field holding a comma, a quote, CR or LF; double the quotes.
void append_csv_field(std::string& o, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    o.append(s);
    return;
  }
  o.push_back('"');
  for (char c : s) {
    if (c == '"') o.push_back('"');
    o.push_back(c);
  }
  o.push_back('"');
}

namespace {

// A place the gazetteer gave carries its kind and coordinates; one read back from a store of
// schema 1 has a name only.
bool located(const Event& e) { return !e.place.empty() && !e.place_kind.empty(); }

std::string num(double v) {
  std::string s = fmt::format("{:.6g}", v);
  return s;
}

void key(std::string& o, const char* k) {
  o.push_back('"');
  o += k;
  o += "\":";
}

void actor_json(std::string& o, const ActorRef& a) {
  o += "{";
  key(o, "code"); append_json_string(o, a.code);
  o += ","; key(o, "country"); append_json_string(o, a.country);
  o += ","; key(o, "text"); append_json_string(o, a.text);
  if (a.country_inferred) o += ",\"country_inferred\":true";
  if (a.implied) o += ",\"implied\":true";
  o += fmt::format(",\"start\":{},\"end\":{}}}", a.start, a.end);
}

std::string quantities_flat(const Event& e) {
  std::string s;
  for (auto& q : e.quantities) {
    if (!s.empty()) s += "; ";
    s += num(q.value);
    if (!q.unit.empty()) s += " " + q.unit;
  }
  return s;
}

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& o) : out_(o) {}
  void write(const Event& e) override {
    buf_ = event_to_json(e);
    buf_.push_back('\n');
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::string buf_;
};


constexpr const char* kCsvHeader =
    "id,doc_id,doc_date,lang,sentence_index,source_code,source_country,source_text,source_start,source_end,"
    "target_code,target_country,target_text,target_start,target_end,code,base,root,quad,goldstein,polarity,"
    "modality,attribution,date,place,place_kind,place_country,place_lat,place_lon,quantities,verb_text,rule_file,rule_line,rule_pattern,sentence,url";

class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& o) : out_(o) { out_ << kCsvHeader << "\r\n"; }
  void write(const Event& e) override {
    std::string r;
    auto f = [&](std::string_view s) {
      if (!r.empty()) r.push_back(',');
      append_csv_field(r, s);
    };
    auto n = [&](auto v) { f(fmt::format("{}", v)); };
    r.clear();
    append_csv_field(r, e.id);
    f(e.doc_id); f(e.doc_date); f(e.lang); n(e.sentence_index);
    f(e.source.code); f(e.source.country); f(e.source.text); n(e.source.start); n(e.source.end);
    f(e.target.code); f(e.target.country); f(e.target.text); n(e.target.start); n(e.target.end);
    f(e.code); f(e.base); f(e.root); n(e.quad); f(num(e.goldstein));
    f(to_string(e.polarity)); f(to_string(e.modality)); f(e.attribution); f(e.date); f(e.place);
    f(e.place_kind); f(e.place_country);
    f(located(e) ? num(e.place_lat) : ""); f(located(e) ? num(e.place_lon) : "");
    f(quantities_flat(e)); f(e.verb_text); f(e.rule.file); n(e.rule.line); f(e.rule.pattern); f(e.sentence); f(e.url);
    r += "\r\n";
    out_.write(r.data(), static_cast<std::streamsize>(r.size()));
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

class GdeltWriter : public EventWriter {
 public:
  explicit GdeltWriter(std::ostream& o) : out_(o) {}
  void write(const Event& e) override {
    std::string r = event_to_gdelt(e);
    r.push_back('\n');
    out_.write(r.data(), static_cast<std::streamsize>(r.size()));
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

std::string no_tabs(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return o;
}

std::string upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return o;
}

}  // namespace

std::string event_to_json(const Event& e) {
  std::string o;
  o.reserve(512 + e.sentence.size());
  o += "{";
  key(o, "id"); append_json_string(o, e.id);
  o += ","; key(o, "doc_id"); append_json_string(o, e.doc_id);
  o += ","; key(o, "doc_date"); append_json_string(o, e.doc_date);
  o += ","; key(o, "lang"); append_json_string(o, e.lang);
  o += ","; key(o, "url"); append_json_string(o, e.url);
  o += fmt::format(",\"sentence_index\":{},", e.sentence_index);
  key(o, "sentence"); append_json_string(o, e.sentence);
  o += ","; key(o, "source"); actor_json(o, e.source);
  o += ","; key(o, "target"); actor_json(o, e.target);
  o += ","; key(o, "code"); append_json_string(o, e.code);
  o += ","; key(o, "base"); append_json_string(o, e.base);
  o += ","; key(o, "root"); append_json_string(o, e.root);
  o += fmt::format(",\"quad\":{},\"goldstein\":{},", e.quad, num(e.goldstein));
  key(o, "plover");
  o += "{"; key(o, "type"); append_json_string(o, e.plover.type);
  o += ","; key(o, "mode"); append_json_string(o, e.plover.mode);
  o += ","; key(o, "context"); append_json_string(o, e.plover.context);
  o += "},";
  key(o, "polarity"); append_json_string(o, to_string(e.polarity));
  o += ","; key(o, "modality"); append_json_string(o, to_string(e.modality));
  o += ","; key(o, "attribution"); append_json_string(o, e.attribution);
  o += ","; key(o, "date"); append_json_string(o, e.date);
  o += ","; key(o, "place"); append_json_string(o, e.place);
  if (located(e)) {
    o += ","; key(o, "place_kind"); append_json_string(o, e.place_kind);
    o += ","; key(o, "place_country"); append_json_string(o, e.place_country);
    o += fmt::format(",\"place_lat\":{},\"place_lon\":{}", num(e.place_lat), num(e.place_lon));
  }
  o += ",\"quantities\":[";
  for (size_t i = 0; i < e.quantities.size(); ++i) {
    const auto& q = e.quantities[i];
    if (i) o += ",";
    o += fmt::format("{{\"value\":{},", num(q.value));
    key(o, "unit"); append_json_string(o, q.unit);
    o += ","; key(o, "text"); append_json_string(o, q.text);
    o += fmt::format(",\"start\":{},\"end\":{}}}", q.start, q.end);
  }
  o += "],\"verb\":{";
  key(o, "text"); append_json_string(o, e.verb_text);
  o += fmt::format(",\"start\":{},\"end\":{}}},\"rule\":{{", e.verb_start, e.verb_end);
  key(o, "file"); append_json_string(o, e.rule.file);
  o += fmt::format(",\"line\":{},", e.rule.line);
  key(o, "pattern"); append_json_string(o, e.rule.pattern);
  o += "}}";
  return o;
}

// Columns follow the GDELT 2.0 Event Codebook (V2.0, 2015): 5 id/date fields,
// 10 fields for each actor, 10 event fields, 8 geography fields for each of
// Actor1, Actor2 and the action, DATEADDED and SOURCEURL: 61 in all.
std::string event_to_gdelt(const Event& e) {
  std::vector<std::string> f;
  f.reserve(61);
  // GLOBALEVENTID: the event id's first 13 hex digits as a decimal (fits 53 bits).
  uint64_t gid = 0;
  for (size_t i = 0; i < e.id.size() && i < 13; ++i) {
    char c = e.id[i];
    gid = gid * 16 + static_cast<uint64_t>(c >= 'a' ? c - 'a' + 10 : (c >= 'A' ? c - 'A' + 10 : c - '0'));
  }
  // a date known to the month or year only ("2015-03", "2015") is written as the period's first
  // day in SQLDATE and FractionDate; MonthYear and Year stay exact
  std::string d = e.date.empty() ? e.doc_date : e.date;
  if (d.size() == 4) d += "-01-01";
  else if (d.size() == 7) d += "-01";
  std::string ymd, ym, y, frac;
  if (d.size() >= 10) {
    ymd = d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
    ym = ymd.substr(0, 6);
    y = ymd.substr(0, 4);
    std::tm tm{};
    tm.tm_year = std::stoi(y) - 1900;
    tm.tm_mon = std::stoi(d.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(d.substr(8, 2));
    tm.tm_hour = 12;
    timegm(&tm);
    frac = fmt::format("{:.4f}", std::stoi(y) + tm.tm_yday / 365.0);
  }
  f.push_back(std::to_string(gid));
  f.push_back(ymd);
  f.push_back(ym);
  f.push_back(y);
  f.push_back(frac);
  auto actor = [&](const ActorRef& a) {
    std::string code = a.code.starts_with("---") ? std::string() : a.code;
    f.push_back(code);
    f.push_back(no_tabs(upper(a.text)));
    f.push_back(a.country);
    f.push_back("");  // KnownGroupCode
    f.push_back("");  // EthnicCode
    f.push_back("");  // Religion1Code
    f.push_back("");  // Religion2Code
    std::string roles = a.code.size() > 3 ? a.code.substr(3) : std::string();
    for (int k = 0; k < 3; ++k) f.push_back(roles.size() >= static_cast<size_t>(3 * k + 3) ? roles.substr(3 * k, 3) : "");
  };
  actor(e.source);
  actor(e.target);
  f.push_back(e.sentence_index == 0 ? "1" : "0");
  f.push_back(e.code);
  f.push_back(e.base);
  f.push_back(e.root);
  f.push_back(e.quad ? std::to_string(e.quad) : "");
  f.push_back(num(e.goldstein));
  f.push_back("1");  // NumMentions
  f.push_back("1");  // NumSources
  f.push_back("1");  // NumArticles
  f.push_back("0");  // AvgTone
  // Actor1Geo and Actor2Geo are not resolved; ActionGeo is the event's place. Its Geo_Type is
  // GDELT's 1 (country), 5 (world state: a region) or 4 (world city); its CountryCode stays
  // empty, as GDELT writes FIPS 10-4 codes and dyad knows ISO alpha-3 ones.
  for (int g = 0; g < 3; ++g) {
    const bool action = g == 2 && !e.place.empty();
    const bool at = action && located(e);  // with coordinates
    const char* type = !at                        ? "0"
                       : e.place_kind == "city"   ? "4"
                       : e.place_kind == "region" ? "5"
                                                  : "1";
    f.push_back(type);                            // Geo_Type: 0 = not resolved
    f.push_back(action ? no_tabs(e.place) : "");  // Geo_FullName
    for (int k = 0; k < 3; ++k) f.push_back("");  // CountryCode, ADM1Code, ADM2Code
    f.push_back(at ? num(e.place_lat) : "");      // Lat
    f.push_back(at ? num(e.place_lon) : "");      // Long
    f.push_back("");                              // FeatureID
  }
  f.push_back(ymd.empty() ? "" : ymd + "000000");
  f.push_back(no_tabs(e.url.empty() ? e.doc_id : e.url));
  std::string r;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) r.push_back('\t');
    r += f[i];
  }
  return r;
}

std::unique_ptr<EventWriter> make_writer(Format f, std::ostream& out) {
  switch (f) {
    case Format::csv: return std::make_unique<CsvWriter>(out);
    case Format::gdelt: return std::make_unique<GdeltWriter>(out);
    case Format::jsonl: break;
  }
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace dyad::io
