#include "eval/petrarch_suite.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace dyad::eval {
namespace {

std::string unescape(std::string_view s) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      auto semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 6) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        char c = 0;
        if (ent == "amp") c = '&';
        else if (ent == "lt") c = '<';
        else if (ent == "gt") c = '>';
        else if (ent == "quot") c = '"';
        else if (ent == "apos") c = '\'';
        if (c) {
          o.push_back(c);
          i = semi;
          continue;
        }
      }
    }
    o.push_back(s[i]);
  }
  return o;
}

// attribute value of name="..." or name='...' (spaces around '=' allowed)
bool attr(std::string_view tag, std::string_view name, std::string& out) {
  size_t i = 0;
  while ((i = tag.find(name, i)) != std::string_view::npos) {
    bool start_ok = i == 0 || tag[i - 1] == ' ' || tag[i - 1] == '\t' || tag[i - 1] == '\n' || tag[i - 1] == '<';
    size_t j = i + name.size();
    while (j < tag.size() && (tag[j] == ' ' || tag[j] == '\t')) ++j;
    if (!start_ok || j >= tag.size() || tag[j] != '=') {
      i += name.size();
      continue;
    }
    ++j;
    while (j < tag.size() && (tag[j] == ' ' || tag[j] == '\t')) ++j;
    if (j >= tag.size() || (tag[j] != '"' && tag[j] != '\'')) return false;
    char q = tag[j];
    size_t e = tag.find(q, j + 1);
    if (e == std::string_view::npos) return false;
    out = unescape(tag.substr(j + 1, e - j - 1));
    return true;
  }
  return false;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string iso_date(const std::string& d) {
  if (d.size() == 8) return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  return d;
}

}  // namespace

size_t SuiteReport::correct() const {
  return static_cast<size_t>(std::count_if(outcomes.begin(), outcomes.end(), [](auto& o) { return o.correct; }));
}

Result<std::vector<SuiteRecord>> read_petrarch_records(const std::string& path, const EngineOptions& base,
                                                      std::vector<std::string>* ignored) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("io_error", "cannot open PETRARCH records file", Location{path});
  std::stringstream ss;
  ss << in.rdbuf();
  std::string x = ss.str();
  auto line_of = [&](size_t pos) { return static_cast<uint32_t>(std::count(x.begin(), x.begin() + static_cast<long>(pos), '\n') + 1); };
  std::vector<SuiteRecord> out;
  EngineOptions cur = base;
  size_t i = 0;
  while (i < x.size()) {
    size_t lt = x.find('<', i);
    if (lt == std::string::npos) break;
    if (x.compare(lt, 4, "<!--") == 0) {
      size_t e = x.find("-->", lt);
      if (e == std::string::npos) return fail("bad_suite", "unclosed comment", Location{path, line_of(lt)});
      i = e + 3;
      continue;
    }
    size_t gt = x.find('>', lt);
    if (gt == std::string::npos) return fail("bad_suite", "unclosed tag", Location{path, line_of(lt)});
    std::string_view tag(x.data() + lt, gt - lt + 1);
    if (tag.starts_with("<Config")) {
      std::string opt, val;
      if (attr(tag, "option", opt) && attr(tag, "value", val)) {
        std::string v = lower(val);
        auto as_int = [&](int& target) {
          try {
            target = std::stoi(val);
          } catch (...) {
          }
        };
        if (opt == "require_dyad") cur.require_dyad = v == "true";
        else if (opt == "comma_min") as_int(cur.comma_min);
        else if (opt == "comma_max") as_int(cur.comma_max);
        else if (opt == "comma_bmin") as_int(cur.comma_bmin);
        else if (opt == "comma_bmax") as_int(cur.comma_bmax);
        else if (opt == "comma_emin") as_int(cur.comma_emin);
        else if (opt == "comma_emax") as_int(cur.comma_emax);
        else if (opt == "new_actor_length") as_int(cur.new_actor_length);
        else if (ignored) ignored->push_back(fmt::format("{}={} (line {})", opt, val, line_of(lt)));
      }
      i = gt + 1;
      continue;
    }
    if (tag.starts_with("<Sentence") && !tag.starts_with("<Sentences")) {
      size_t end = x.find("</Sentence>", gt);
      if (end == std::string::npos) return fail("bad_suite", "<Sentence> without </Sentence>", Location{path, line_of(lt)});
      std::string_view body(x.data() + gt + 1, end - gt - 1);
      SuiteRecord r;
      r.line = line_of(lt);
      attr(tag, "id", r.id);
      attr(tag, "category", r.category);
      std::string d, sent;
      attr(tag, "date", d);
      r.date = iso_date(d);
      if (attr(tag, "sentence", sent)) r.sentence_attr = lower(sent) == "true";
      r.options = cur;
      size_t k = 0;
      while ((k = body.find("<EventCoding", k)) != std::string_view::npos) {
        size_t ke = body.find('>', k);
        std::string_view et = body.substr(k, ke - k + 1);
        std::string s, t, c, ne, er;
        if (attr(et, "noevents", ne) && lower(ne) == "true") r.noevents = true;
        if (attr(et, "error", er)) r.expected_error = er;
        if (attr(et, "sourcecode", s) && attr(et, "targetcode", t) && attr(et, "eventcode", c))
          r.expected.push_back(s + " " + t + " " + c);
        k = ke;
      }
      // PETRARCH's reader compares the counts of '(' and ')' in the tree and skips the
      // record when they differ (bad_input_parse); an empty or absent tree is not checked
      size_t ps = body.find("<Parse>"), pe = body.find("</Parse>");
      if (ps != std::string_view::npos && pe != std::string_view::npos && pe > ps) {
        std::string_view tree = body.substr(ps + 7, pe - ps - 7);
        r.unbalanced_parse = std::count(tree.begin(), tree.end(), '(') != std::count(tree.begin(), tree.end(), ')');
      }
      size_t ts = body.find("<Text>"), te = body.find("</Text>");
      if (ts == std::string_view::npos || te == std::string_view::npos)
        return fail("bad_suite", "record without <Text>", Location{path, r.line, 0, r.id});
      std::string text = unescape(body.substr(ts + 6, te - ts - 6));
      // records are single sentences wrapped over lines
      for (auto& c : text)
        if (c == '\n' || c == '\r') c = ' ';
      size_t a = text.find_first_not_of(' '), z = text.find_last_not_of(' ');
      r.text = a == std::string::npos ? "" : text.substr(a, z - a + 1);
      std::sort(r.expected.begin(), r.expected.end());
      out.push_back(std::move(r));
      i = end + 11;
      continue;
    }
    i = gt + 1;
  }
  return out;
}

Result<SuiteReport> run_petrarch_suite(const std::string& dir, const std::string& data_dir, bool cache) {
  EngineOptions opt;
  opt.data_dir = data_dir;
  opt.cache = cache;
  opt.dict = "petrarch:" + dir;
  opt.default_lang = "en";
  auto engine = Engine::open(opt);
  if (!engine) return std::unexpected(engine.error());
  SuiteReport rep;
  auto recs = read_petrarch_records(dir + "/PETR.UnitTest.records.xml", opt, &rep.ignored_options);
  if (!recs) return std::unexpected(recs.error());
  for (const auto& r : *recs) {
    if (r.unbalanced_parse) {
      SuiteOutcome o;
      o.id = r.id;
      o.category = r.category;
      o.expected = r.expected;
      o.got = {"<bad_input_parse>"};
      o.correct = r.expected_error == "bad_input_parse";
      if (!o.correct) o.note = "the record's <Parse> tree is unbalanced: PETRARCH skips it";
      rep.outcomes.push_back(std::move(o));
      continue;
    }
    Doc d;
    d.id = r.id;
    d.lang = "en";
    d.date = r.date;
    d.text = r.text;
    auto res = (*engine)->code(d, r.options);
    SuiteOutcome o;
    o.id = r.id;
    o.category = r.category;
    o.expected = r.expected;
    if (!res) {
      o.note = res.error().to_string();
      rep.outcomes.push_back(o);
      continue;
    }
    std::set<std::string> got;
    for (auto& e : res->events) got.insert(e.source.code + " " + e.target.code + " " + e.code);
    o.got.assign(got.begin(), got.end());
    if (!r.expected_error.empty()) {
      const std::string& er = r.expected_error;
      o.correct = (er == "dateline" && res->datelines > 0) || (er == "storydiscard" && res->story_discard) ||
                  (er == "sentencediscard" && res->sentence_discards > 0);
      if (!o.correct) o.note = "expected error " + er;
      if (res->story_discard) o.got = {"<storydiscard>"};
      else if (res->sentence_discards) o.got = {"<sentencediscard>"};
      else if (res->datelines) o.got.insert(o.got.begin(), "<dateline>");
    } else {
      std::set<std::string> want(r.expected.begin(), r.expected.end());
      o.correct = want == got;
    }
    rep.outcomes.push_back(std::move(o));
  }
  return rep;
}

std::string format_suite_table(const SuiteReport& r) {
  std::map<std::string, std::pair<size_t, size_t>> cat;
  for (auto& o : r.outcomes) {
    auto& c = cat[o.category];
    ++c.first;
    if (o.correct) ++c.second;
  }
  std::string s = fmt::format("{:<12} {:>8} {:>8} {:>8}\n", "category", "records", "correct", "percent");
  for (auto& [k, v] : cat)
    s += fmt::format("{:<12} {:>8} {:>8} {:>7.1f}%\n", k, v.first, v.second, 100.0 * v.second / std::max<size_t>(1, v.first));
  size_t n = r.outcomes.size(), c = r.correct();
  s += fmt::format("{:<12} {:>8} {:>8} {:>7.1f}%\n", "TOTAL", n, c, 100.0 * c / std::max<size_t>(1, n));
  std::string failed;
  for (auto& o : r.outcomes)
    if (!o.correct) {
      auto join = [](const std::vector<std::string>& v) {
        std::string j;
        for (auto& x : v) j += (j.empty() ? "" : ", ") + x;
        return j.empty() ? std::string("(none)") : j;
      };
      failed += fmt::format("  {:<20} expected {}\n  {:<20} got      {}{}\n", o.id, join(o.expected), "", join(o.got),
                            o.note.empty() ? "" : "  [" + o.note + "]");
    }
  if (!failed.empty()) s += "\nfailed records:\n" + failed;
  if (!r.ignored_options.empty()) {
    s += "\noptions not implemented by dyad:";
    for (auto& x : r.ignored_options) s += " " + x;
    s += "\n";
  }
  return s;
}

static void json_str(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') { out.push_back('\\'); out.push_back(c); }
    else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else out.push_back(c);
  }
  out.push_back('"');
}

std::string format_suite_json(const SuiteReport& r) {
  std::string s = fmt::format("{{\"records\":{},\"correct\":{},\"failed\":[", r.outcomes.size(), r.correct());
  bool first = true;
  for (auto& o : r.outcomes)
    if (!o.correct) {
      if (!first) s += ",";
      first = false;
      json_str(s, o.id);
    }
  s += "],\"categories\":{";
  std::map<std::string, std::pair<size_t, size_t>> cat;
  for (auto& o : r.outcomes) {
    auto& c = cat[o.category];
    ++c.first;
    if (o.correct) ++c.second;
  }
  first = true;
  for (auto& [k, v] : cat) {
    if (!first) s += ",";
    first = false;
    json_str(s, k);
    s += fmt::format(":{{\"records\":{},\"correct\":{}}}", v.first, v.second);
  }
  s += "}}";
  return s;
}

}  // namespace dyad::eval
