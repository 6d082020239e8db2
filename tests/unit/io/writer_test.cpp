// Events out: every format reads back with the types and columns a user
// loading it into R, Python or a GDELT pipeline expects.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <sstream>

#include "io/writer.h"

using namespace dyad;

namespace {

Event sample() {
  Event e;
  e.id = "00ab12cd34ef5678";
  e.doc_id = "doc \"1\"";
  e.doc_date = "2023-09-25";
  e.date = "2023-09-23";
  e.lang = "fr";
  e.url = "https://example.org/a?b=1,2";
  e.sentence_index = 0;
  e.sentence = "« Moscou »\tet\nCaracas, l’accord \x01 fin";
  e.source = {"RUSGOV", "RUS", "Moscou", 2, 8};
  e.target = {"VEN", "VEN", "Caracas", 17, 24};
  e.code = "010";
  e.base = "010";
  e.root = "01";
  e.quad = 1;
  e.goldstein = -2.5;
  e.plover = {"AGREE", "", ""};
  e.polarity = Polarity::negated;
  e.modality = Modality::reported;
  e.quantities.push_back({7e7, "cartouches", "70 millions de cartouches", 30, 55});
  e.verb_text = "signé";
  e.rule = {"data/fr/verbs.txt", 12, "* ACCORD [057]"};
  return e;
}

TEST(WriterJsonl, ReadsBackWithCodesAsStringsAndOffsetsAsIntegers) {
  std::ostringstream out;
  auto w = io::make_writer(io::Format::jsonl, out);
  w->write(sample());
  w->finish();
  std::string line = out.str();
  ASSERT_EQ(line.back(), '\n');
  simdjson::dom::parser p;
  simdjson::dom::element el;
  ASSERT_EQ(p.parse(line).get(el), simdjson::SUCCESS) << line;
  EXPECT_EQ(std::string(el["code"].get_string().value()), "010");
  EXPECT_EQ(std::string(el["root"].get_string().value()), "01");
  EXPECT_EQ(el["source"]["start"].get_int64().value(), 2);
  EXPECT_EQ(std::string(el["sentence"].get_string().value()), sample().sentence);
  EXPECT_EQ(std::string(el["doc_id"].get_string().value()), "doc \"1\"");
  EXPECT_EQ(el["goldstein"].get_double().value(), -2.5);
  EXPECT_EQ(std::string(el["polarity"].get_string().value()), "negated");
  EXPECT_EQ(std::string(el["modality"].get_string().value()), "reported");
  EXPECT_EQ(el["quantities"].at(0)["value"].get_double().value(), 7e7);
  EXPECT_EQ(el["rule"]["line"].get_int64().value(), 12);
}

// A small RFC 4180 reader for the test.
std::vector<std::vector<std::string>> read_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows{{}};
  std::string f;
  bool q = false, field_started = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (q) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { f += '"'; ++i; }
      else if (c == '"') q = false;
      else f += c;
    } else if (c == '"') { q = true; field_started = true; }
    else if (c == ',') { rows.back().push_back(f); f.clear(); }
    else if (c == '\r') {}
    else if (c == '\n') { rows.back().push_back(f); f.clear(); rows.emplace_back(); }
    else { f += c; field_started = true; }
  }
  (void)field_started;
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(WriterCsv, QuotedFieldsRoundTripAndEveryRowHasTheHeadersWidth) {
  std::ostringstream out;
  auto w = io::make_writer(io::Format::csv, out);
  w->write(sample());
  w->write(sample());
  w->finish();
  auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  for (auto& r : rows) EXPECT_EQ(r.size(), rows[0].size());
  auto col = [&](const std::string& name) {
    auto it = std::find(rows[0].begin(), rows[0].end(), name);
    EXPECT_NE(it, rows[0].end()) << name;
    return static_cast<size_t>(it - rows[0].begin());
  };
  EXPECT_EQ(rows[1][col("code")], "010");
  EXPECT_EQ(rows[1][col("sentence")], sample().sentence);
  EXPECT_EQ(rows[1][col("doc_id")], "doc \"1\"");
  EXPECT_EQ(rows[1][col("url")], "https://example.org/a?b=1,2");
  EXPECT_EQ(rows[1][col("quantities")], "7e+07 cartouches");
}

TEST(WriterGdelt, SixtyOneTabSeparatedFieldsInGdeltsOrder) {
  std::string row = io::event_to_gdelt(sample());
  std::vector<std::string> f;
  std::stringstream ss(row);
  for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
  if (!row.empty() && row.back() == '\t') f.push_back("");
  ASSERT_EQ(f.size(), 61u) << row;
  EXPECT_EQ(f[1], "20230923");        // SQLDATE
  EXPECT_EQ(f[2], "202309");          // MonthYear
  EXPECT_EQ(f[5], "RUSGOV");          // Actor1Code
  EXPECT_EQ(f[7], "RUS");             // Actor1CountryCode
  EXPECT_EQ(f[12], "GOV");            // Actor1Type1Code
  EXPECT_EQ(f[15], "VEN");            // Actor2Code
  EXPECT_EQ(f[26], "010");            // EventCode keeps its leading zero
  EXPECT_EQ(f[28], "01");             // EventRootCode
  EXPECT_EQ(f[29], "1");              // QuadClass
  EXPECT_EQ(f[30], "-2.5");           // GoldsteinScale
  EXPECT_EQ(f[31], "1");              // NumMentions
  EXPECT_EQ(f[59], "20230923000000"); // DATEADDED
  EXPECT_EQ(f[60], sample().url);     // SOURCEURL
}

TEST(WriterGdelt, ThePlaceIsTheActionGeo) {
  Event e = sample();
  e.place = "Caracas";
  e.place_kind = "city";
  e.place_country = "VEN";
  e.place_lat = 10.481;
  e.place_lon = -66.904;
  auto fields = [](const std::string& row) {
    std::vector<std::string> f;
    std::stringstream ss(row);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (!row.empty() && row.back() == '\t') f.push_back("");
    return f;
  };
  auto f = fields(io::event_to_gdelt(e));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[35], "0");        // Actor1Geo_Type: not resolved
  EXPECT_EQ(f[51], "4");        // ActionGeo_Type: world city
  EXPECT_EQ(f[52], "Caracas");  // ActionGeo_FullName
  EXPECT_EQ(f[53], "");         // ActionGeo_CountryCode: GDELT's are FIPS codes
  EXPECT_EQ(f[56], "10.481");   // ActionGeo_Lat
  EXPECT_EQ(f[57], "-66.904");  // ActionGeo_Long
  e.place_kind = "country";
  EXPECT_EQ(fields(io::event_to_gdelt(e))[51], "1");
  e.place.clear();
  e.place_kind.clear();
  auto none = fields(io::event_to_gdelt(e));
  EXPECT_EQ(none[51], "0");
  EXPECT_EQ(none[56], "");
}

TEST(WriterFormat, UnknownNamesAreRejected) {
  EXPECT_TRUE(io::parse_format("gdelt").has_value());
  auto r = io::parse_format("xml");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "bad_format");
}

}  // namespace
