#include "store/output.h"

#include <fmt/format.h>

#include <set>

#include "io/writer.h"

namespace dyad::store {

namespace {

std::string num(double v) { return fmt::format("{:.6g}", v); }

// One RFC 4180 field, with its separator unless it is the first of the row.
void csv_field(std::string& o, std::string_view s, bool first = false) {
  if (!first) o.push_back(',');
  io::append_csv_field(o, s);
}

std::string json_str(std::string_view s) {
  std::string o;
  io::append_json_string(o, s);
  return o;
}

size_t utf8_len(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

// At most `width` code points; an ellipsis marks a cut. Line breaks become spaces.
std::string clip(std::string_view s, size_t width) {
  std::string o;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xf0) len = 4;
    else if (c >= 0xe0) len = 3;
    else if (c >= 0xc0) len = 2;
    if (n + 1 == width && i + len < s.size()) {
      o += "\u2026";
      return o;
    }
    if (c == '\n' || c == '\r' || c == '\t') o += ' ';
    else o.append(s.substr(i, len));
    i += len;
    ++n;
  }
  return o;
}

std::string render(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
                   const std::set<size_t>& right) {
  std::vector<size_t> w(head.size());
  for (size_t c = 0; c < head.size(); ++c) w[c] = utf8_len(head[c]);
  for (auto& r : rows)
    for (size_t c = 0; c < r.size() && c < w.size(); ++c) w[c] = std::max(w[c], utf8_len(r[c]));
  std::string o;
  auto line = [&](const std::vector<std::string>& r) {
    std::string l;
    for (size_t c = 0; c < r.size(); ++c) {
      if (c) l += "  ";
      const size_t pad = w[c] - utf8_len(r[c]);
      const bool last = c + 1 == r.size();
      if (right.count(c)) l += std::string(pad, ' ') + r[c];
      else l += r[c] + (last ? "" : std::string(pad, ' '));
    }
    o += l + "\n";
  };
  line(head);
  for (auto& r : rows) line(r);
  return o;
}

std::string gdelt_stamp(std::string_view iso) {
  if (!day_number(iso)) return "";
  return fmt::format("{}{}{}000000", iso.substr(0, 4), iso.substr(5, 2), iso.substr(8, 2));
}

std::string no_tabs(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return o;
}

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> f;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\t') {
      f.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return f;
}

std::string join_tabs(const std::vector<std::string>& f) {
  std::string r;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) r.push_back('\t');
    r += f[i];
  }
  return r;
}

std::string actor_cell(const std::string& code) { return code.empty() ? "-" : code; }

}  // namespace

Result<OutFormat> parse_out_format(std::string_view n) {
  if (n == "table") return OutFormat::table;
  if (n == "jsonl") return OutFormat::jsonl;
  if (n == "csv") return OutFormat::csv;
  return fail("bad_format", fmt::format("unknown format '{}' (expected table, jsonl or csv)", n));
}

Result<ExportFormat> parse_export_format(std::string_view n) {
  if (n == "gdelt") return ExportFormat::gdelt;
  if (n == "plover") return ExportFormat::plover;
  if (n == "csv") return ExportFormat::csv;
  return fail("bad_format", fmt::format("unknown export format '{}' (expected gdelt, plover or csv)", n));
}

std::string events_table(const std::vector<EventRow>& rows) {
  std::vector<std::vector<std::string>> t;
  for (const auto& e : rows)
    t.push_back({std::to_string(e.id), e.date.empty() ? "-" : e.date, e.status, actor_cell(e.actor1_code),
                 actor_cell(e.actor2_code), e.code, e.quad ? std::to_string(e.quad) : "-", num(e.goldstein),
                 e.place.empty() ? "-" : e.place, std::to_string(e.num_mentions), std::to_string(e.num_sources),
                 std::to_string(e.num_articles), clip(e.evidence, 72)});
  return render({"id", "date", "status", "actor1", "actor2", "code", "quad", "goldstein", "place", "mentions",
                 "sources", "articles", "evidence"},
                t, {0, 6, 7, 9, 10, 11});
}

std::string event_json(const EventRow& e) {
  auto actor = [](const std::string& code, const std::string& country, const std::string& name) {
    return fmt::format("{{\"code\":{},\"country\":{},\"name\":{}}}", json_str(code), json_str(country), json_str(name));
  };
  return fmt::format(
      "{{\"id\":{},\"status\":{},\"date\":{},\"end_date\":{},\"first_seen\":{},\"last_seen\":{},\"dyad\":{},"
      "\"symmetric\":{},\"actor1\":{},\"actor2\":{},\"code\":{},\"base\":{},\"root\":{},\"quad\":{},\"goldstein\":{},"
      "\"plover\":{{\"type\":{},\"mode\":{},\"context\":{}}},\"place\":{},\"num_mentions\":{},\"num_sources\":{},"
      "\"num_articles\":{},\"num_contests\":{},\"doc_id\":{},\"url\":{},\"evidence\":{}}}",
      e.id, json_str(e.status), json_str(e.date), json_str(e.end_date), json_str(e.first_seen), json_str(e.last_seen),
      json_str(e.dyad), e.symmetric ? "true" : "false", actor(e.actor1_code, e.actor1_country, e.actor1_name),
      actor(e.actor2_code, e.actor2_country, e.actor2_name), json_str(e.code), json_str(e.base), json_str(e.root),
      e.quad, num(e.goldstein), json_str(e.plover_type), json_str(e.plover_mode), json_str(e.plover_context),
      json_str(e.place), e.num_mentions, e.num_sources, e.num_articles, e.num_contests, json_str(e.doc_id),
      json_str(e.url), json_str(e.evidence));
}

const char* const kEventCsvHeader =
    "event_id,status,date,end_date,first_seen,last_seen,dyad,symmetric,actor1_code,actor1_country,actor1_name,"
    "actor2_code,actor2_country,actor2_name,code,base,root,quad,goldstein,plover_type,plover_mode,plover_context,"
    "place,num_mentions,num_sources,num_articles,num_contests,doc_id,url,evidence";

std::string event_csv(const EventRow& e) {
  std::string o;
  csv_field(o, std::to_string(e.id), true);
  for (const std::string* s : {&e.status, &e.date, &e.end_date, &e.first_seen, &e.last_seen, &e.dyad}) csv_field(o, *s);
  csv_field(o, e.symmetric ? "1" : "0");
  for (const std::string* s : {&e.actor1_code, &e.actor1_country, &e.actor1_name, &e.actor2_code, &e.actor2_country,
                               &e.actor2_name, &e.code, &e.base, &e.root})
    csv_field(o, *s);
  csv_field(o, std::to_string(e.quad));
  csv_field(o, num(e.goldstein));
  for (const std::string* s : {&e.plover_type, &e.plover_mode, &e.plover_context, &e.place}) csv_field(o, *s);
  for (int64_t n : {e.num_mentions, e.num_sources, e.num_articles, e.num_contests}) csv_field(o, std::to_string(n));
  for (const std::string* s : {&e.doc_id, &e.url, &e.evidence}) csv_field(o, *s);
  o += "\r\n";
  return o;
}

std::string format_events(const std::vector<EventRow>& rows, OutFormat f) {
  if (f == OutFormat::table) return events_table(rows);
  std::string o;
  if (f == OutFormat::csv) o = std::string(kEventCsvHeader) + "\r\n";
  for (const auto& e : rows) o += f == OutFormat::csv ? event_csv(e) : event_json(e) + "\n";
  return o;
}

std::string format_series(const std::vector<SeriesRow>& rows, OutFormat f, bool by_quad) {
  std::string o;
  switch (f) {
    case OutFormat::table: {
      std::vector<std::vector<std::string>> t;
      for (const auto& r : rows) {
        std::vector<std::string> row{r.period};
        if (by_quad) row.push_back(std::to_string(r.quad));
        row.insert(row.end(), {std::to_string(r.events), std::to_string(r.mentions), num(r.goldstein)});
        t.push_back(std::move(row));
      }
      std::vector<std::string> head{"period"};
      if (by_quad) head.push_back("quad");
      head.insert(head.end(), {"events", "mentions", "goldstein"});
      std::set<size_t> right;
      for (size_t i = 1; i < head.size(); ++i) right.insert(i);
      return render(head, t, right);
    }
    case OutFormat::csv:
      o = by_quad ? "period,quad,events,mentions,goldstein\r\n" : "period,events,mentions,goldstein\r\n";
      for (const auto& r : rows)
        o += by_quad ? fmt::format("{},{},{},{},{}\r\n", r.period, r.quad, r.events, r.mentions, num(r.goldstein))
                     : fmt::format("{},{},{},{}\r\n", r.period, r.events, r.mentions, num(r.goldstein));
      return o;
    case OutFormat::jsonl:
      for (const auto& r : rows)
        o += by_quad ? fmt::format("{{\"period\":{},\"quad\":{},\"events\":{},\"mentions\":{},\"goldstein\":{}}}\n",
                                   json_str(r.period), r.quad, r.events, r.mentions, num(r.goldstein))
                     : fmt::format("{{\"period\":{},\"events\":{},\"mentions\":{},\"goldstein\":{}}}\n",
                                   json_str(r.period), r.events, r.mentions, num(r.goldstein));
      return o;
  }
  return o;
}

std::string format_actors(const std::vector<ActorRow>& rows, OutFormat f) {
  std::string o;
  switch (f) {
    case OutFormat::table: {
      std::vector<std::vector<std::string>> t;
      for (const auto& r : rows)
        t.push_back({r.code, r.country.empty() ? "-" : r.country, clip(r.name, 40), std::to_string(r.events),
                     std::to_string(r.as_actor1), std::to_string(r.as_actor2), std::to_string(r.mentions)});
      return render({"code", "country", "name", "events", "as_actor1", "as_actor2", "mentions"}, t, {3, 4, 5, 6});
    }
    case OutFormat::csv:
      o = "code,country,name,events,as_actor1,as_actor2,mentions\r\n";
      for (const auto& r : rows) {
        std::string l;
        csv_field(l, r.code, true);
        csv_field(l, r.country);
        csv_field(l, r.name);
        for (int64_t n : {r.events, r.as_actor1, r.as_actor2, r.mentions}) csv_field(l, std::to_string(n));
        o += l + "\r\n";
      }
      return o;
    case OutFormat::jsonl:
      for (const auto& r : rows)
        o += fmt::format("{{\"code\":{},\"country\":{},\"name\":{},\"events\":{},\"as_actor1\":{},\"as_actor2\":{},"
                         "\"mentions\":{}}}\n",
                         json_str(r.code), json_str(r.country), json_str(r.name), r.events, r.as_actor1, r.as_actor2,
                         r.mentions);
      return o;
  }
  return o;
}

std::string event_gdelt(const EventRow& e, const MentionRow& rep) {
  Event ev = rep.event;
  if (!e.date.empty()) ev.date = e.date;  // the event's date: its earliest mention's
  auto f = split_tabs(io::event_to_gdelt(ev));
  f.resize(61);
  f[0] = std::to_string(e.id);              // GLOBALEVENTID: the store's event id
  f[31] = std::to_string(e.num_mentions);   // NumMentions
  f[32] = std::to_string(e.num_sources);    // NumSources
  f[33] = std::to_string(e.num_articles);   // NumArticles
  if (auto s = gdelt_stamp(e.first_seen); !s.empty()) f[59] = s;  // DATEADDED: first seen
  return join_tabs(f);
}

std::string mention_gdelt(const EventRow& e, const MentionRow& m) {
  const Event& v = m.event;
  auto offset = [](uint32_t start, uint32_t end) { return end > start ? std::to_string(start) : std::string("-1"); };
  const std::string added = gdelt_stamp(e.first_seen);
  std::string when = gdelt_stamp(v.doc_date);
  if (when.empty()) when = gdelt_stamp(v.date);
  std::vector<std::string> f = {
      std::to_string(e.id),                         // GLOBALEVENTID
      added,                                        // EventTimeDate
      when,                                         // MentionTimeDate
      v.url.empty() ? "2" : "1",                    // MentionType: 1 WEB, 2 CITATIONONLY
      no_tabs(m.outlet),                            // MentionSourceName
      no_tabs(v.url.empty() ? v.doc_id : v.url),    // MentionIdentifier
      std::to_string(v.sentence_index + 1),         // SentenceID (1-based)
      offset(v.source.start, v.source.end),         // Actor1CharOffset (bytes)
      offset(v.target.start, v.target.end),         // Actor2CharOffset
      offset(v.verb_start, v.verb_end),             // ActionCharOffset
      "1",                                          // InRawText
      "100",                                        // Confidence: a dictionary rule fired
      std::to_string(m.text_bytes),                 // MentionDocLen (bytes)
      "0",                                          // MentionDocTone: not computed
      "",                                           // MentionDocTranslationInfo
      "",                                           // Extras
  };
  return join_tabs(f);
}

int plover_quad(std::string_view t) {
  for (auto q : {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"})
    if (t == q) return 1;
  for (auto q : {"COOPERATE", "AID", "RETREAT", "INVESTIGATE"})
    if (t == q) return 2;
  for (auto q : {"DEMAND", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"})
    if (t == q) return 3;
  for (auto q : {"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})
    if (t == q) return 4;
  return 0;
}

std::string event_plover(const EventRow& e, const std::vector<MentionRow>& members) {
  auto actor = [](const std::string& code, const std::string& country, const std::string& name) {
    std::string o = "{";
    std::string top = code.size() >= 3 && !code.starts_with("---") ? code.substr(0, 3) : country;
    std::string sector = code.size() > 3 ? code.substr(3) : "";
    bool any = false;
    auto add = [&](const char* k, const std::string& v) {
      if (v.empty()) return;
      o += fmt::format("{}\"{}\":{}", any ? "," : "", k, json_str(v));
      any = true;
    };
    add("code", top);
    add("sector", sector);
    add("actor_text", name);
    add("cameo_code", code);
    return o + "}";
  };
  std::string o = "{";
  o += fmt::format("\"id\":{},\"date\":{}", json_str(fmt::format("dyad-{}", e.id)), json_str(e.date));
  if (!e.end_date.empty() && e.end_date != e.date) o += fmt::format(",\"enddate\":{}", json_str(e.end_date));
  o += ",\"source\":[" + actor(e.actor1_code, e.actor1_country, e.actor1_name) + "]";
  o += ",\"recipient\":[";
  if (!e.actor2_code.empty() || !e.actor2_country.empty()) o += actor(e.actor2_code, e.actor2_country, e.actor2_name);
  o += "]";
  o += fmt::format(",\"event\":[{}]", json_str(e.plover_type));
  if (!e.plover_mode.empty()) o += fmt::format(",\"mode\":{}", json_str(e.plover_mode));
  if (!e.plover_context.empty()) {
    o += ",\"context\":[";
    size_t b = 0;
    bool first = true;
    for (size_t i = 0; i <= e.plover_context.size(); ++i)
      if (i == e.plover_context.size() || e.plover_context[i] == ';') {
        if (i > b) {
          o += (first ? "" : ",") + json_str(e.plover_context.substr(b, i - b));
          first = false;
        }
        b = i + 1;
      }
    o += "]";
  }
  if (int q = plover_quad(e.plover_type)) o += fmt::format(",\"quad_code\":{}", q);
  o += fmt::format(",\"event_scale\":{}", num(e.goldstein));
  if (!e.place.empty()) {
    o += fmt::format(",\"event_loc\":{{\"name\":{}", json_str(e.place));
    if (!e.place_country.empty()) o += fmt::format(",\"country\":{}", json_str(e.place_country));
    if (e.place_lat && e.place_lon) o += fmt::format(",\"lat\":{},\"lon\":{}", num(*e.place_lat), num(*e.place_lon));
    o += "}";
  }
  // event_text: the distinct evidence sentences of the member mentions, at most 10.
  o += ",\"event_text\":[";
  std::set<std::string> seen;
  for (const auto& m : members) {
    if (m.role != "member" || seen.size() >= 10 || !seen.insert(m.event.sentence).second) continue;
    o += (seen.size() > 1 ? "," : "") + json_str(m.event.sentence);
  }
  o += "]";
  const MentionRow* rep = nullptr;
  for (const auto& m : members)
    if (m.id == e.rep_mention) rep = &m;
  if (rep) {
    o += fmt::format(",\"text_info\":{{\"sequence\":{},\"start\":{},\"end\":{}}}", rep->event.sentence_index + 1,
                     rep->event.sentence_start, rep->event.sentence_end);
    o += ",\"cite_info\":{";
    o += fmt::format("\"citation\":{},\"url\":{},\"title\":{},\"language\":{},\"publication\":{},\"coder\":\"dyad\","
                     "\"codebook\":\"CAMEO 1.1b3 mapped to PLOVER by dyad (data/common/cameo-plover.tsv)\"}}",
                     json_str(rep->event.doc_id), json_str(rep->event.url), json_str(rep->title),
                     json_str(rep->event.lang), json_str(rep->source));
  }
  o += ",\"coder\":\"dyad\"";
  // Beyond PLOVER's names (the manual invites extra fields): the clustering and CAMEO.
  o += fmt::format(",\"status\":{},\"num_mentions\":{},\"num_sources\":{},\"num_articles\":{},\"num_contests\":{},"
                   "\"first_seen\":{},\"last_seen\":{},\"cameo\":{{\"code\":{},\"base\":{},\"root\":{},\"quad\":{}}}",
                   json_str(e.status), e.num_mentions, e.num_sources, e.num_articles, e.num_contests,
                   json_str(e.first_seen), json_str(e.last_seen), json_str(e.code), json_str(e.base), json_str(e.root),
                   e.quad);
  return o + "}";
}

namespace {

constexpr const char* kMentionCsvHeader =
    "event_id,mention_id,role,match,reason,event_key,doc_id,outlet,url,article_date,sentence_index,source_code,"
    "source_country,source_text,target_code,target_country,target_text,code,base,root,quad,goldstein,polarity,"
    "modality,date,place,verb_text,sentence,source_inferred,source_implied,target_inferred,target_implied";

std::string mention_csv(const MentionRow& m) {
  const Event& v = m.event;
  std::string o;
  csv_field(o, std::to_string(m.event_id), true);
  csv_field(o, std::to_string(m.id));
  for (const std::string* s : {&m.role, &m.match, &m.reason, &v.id, &v.doc_id, &m.outlet, &v.url, &v.doc_date})
    csv_field(o, *s);
  csv_field(o, std::to_string(v.sentence_index));
  for (const std::string* s : {&v.source.code, &v.source.country, &v.source.text, &v.target.code, &v.target.country,
                               &v.target.text, &v.code, &v.base, &v.root})
    csv_field(o, *s);
  csv_field(o, std::to_string(v.quad));
  csv_field(o, num(v.goldstein));
  csv_field(o, to_string(v.polarity));
  csv_field(o, to_string(v.modality));
  for (const std::string* s : {&v.date, &v.place, &v.verb_text, &v.sentence}) csv_field(o, *s);
  for (bool b : {v.source.country_inferred, v.source.implied, v.target.country_inferred, v.target.implied})
    csv_field(o, b ? "1" : "0");
  return o + "\r\n";
}

}  // namespace

Result<ExportStats> export_events(Store& st, const Filter& f, ExportFormat fmt_, std::ostream& out,
                                  std::ostream* mentions) {
  ExportStats stats;
  if (fmt_ == ExportFormat::csv) {
    out << kEventCsvHeader << "\r\n";
    if (mentions) *mentions << kMentionCsvHeader << "\r\n";
  }
  std::optional<Error> err;
  std::string buf;
  auto r = st.for_each_event(f, [&](const EventRow& e) {
    if (fmt_ == ExportFormat::plover && e.plover_type.empty()) {
      ++stats.skipped;
      return true;
    }
    auto ms = st.mentions_of(e.id);
    if (!ms) {
      err = ms.error();
      return false;
    }
    const MentionRow* rep = nullptr;
    for (const auto& m : *ms)
      if (m.id == e.rep_mention) rep = &m;
    if (!rep) {
      err = Error{"store_corrupt", fmt::format("event {} has no representative mention", e.id), {st.path()}};
      return false;
    }
    switch (fmt_) {
      case ExportFormat::gdelt: buf = event_gdelt(e, *rep) + "\n"; break;
      case ExportFormat::plover: buf = event_plover(e, *ms) + "\n"; break;
      case ExportFormat::csv: buf = event_csv(e); break;
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    ++stats.events;
    if (mentions) {
      for (const auto& m : *ms) {
        switch (fmt_) {
          case ExportFormat::gdelt:
            if (m.role != "member") continue;
            buf = mention_gdelt(e, m) + "\n";
            break;
          case ExportFormat::plover:
            buf = fmt::format("{{\"event_id\":{},\"role\":{},\"match\":{},\"reason\":{},\"mention\":{}}}\n",
                              json_str(fmt::format("dyad-{}", e.id)), json_str(m.role), json_str(m.match),
                              json_str(m.reason), io::event_to_json(m.event));
            break;
          case ExportFormat::csv: buf = mention_csv(m); break;
        }
        mentions->write(buf.data(), static_cast<std::streamsize>(buf.size()));
        ++stats.mentions;
      }
    }
    if (!out || (mentions && !*mentions)) {
      err = Error{"io_error", "cannot write the export (disk full or closed output?)", {}};
      return false;
    }
    return true;
  });
  if (!r) return std::unexpected(r.error());
  if (err) return std::unexpected(*err);
  out.flush();
  if (mentions) mentions->flush();
  if (!out || (mentions && !*mentions)) return fail("io_error", "cannot write the export (disk full or closed output?)");
  return stats;
}

}  // namespace dyad::store
