// The CAMEO table as the coder sees it: the project's own tables load, hold every code GDELT
// uses with GDELT's Goldstein weights and QuadClass, map to PLOVER as the 2021 CAMEO -> PLOVER
// table does, and a damaged file is reported at file:line:column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include "cameo/cameo.h"

using dyad::CameoInfo;
using dyad::CameoTable;

namespace {

const std::string kCodes = std::string(DYAD_SOURCE_DIR) + "/data/common/cameo-codes.tsv";
const std::string kPlover = std::string(DYAD_SOURCE_DIR) + "/data/common/cameo-plover.tsv";
const std::string kReference = std::string(DYAD_SOURCE_DIR) + "/../shared/reference/cameo/";

const CameoTable& table() {
  static const CameoTable t = [] {
    auto r = CameoTable::load(kCodes, kPlover);
    if (!r) ADD_FAILURE() << r.error().to_string();
    return r ? std::move(*r) : CameoTable{};
  }();
  return t;
}

int gdelt_quad(const std::string& code) {
  int root = std::stoi(code.substr(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

// Rows of a GDELT lookup file (header row, then "code<TAB>value").
std::map<std::string, std::string> read_gdelt(const std::string& path) {
  std::map<std::string, std::string> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    rows.emplace(line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1));
  }
  return rows;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

struct Plover {
  std::string type, mode, context;
  bool operator==(const Plover&) const = default;
};

std::ostream& operator<<(std::ostream& o, const Plover& p) {
  return o << "{" << p.type << ", " << p.mode << ", " << p.context << "}";
}

// CAMEO2PLOVER-2021.txt: "code: TYPE, mode, context # comment", root lines "03: AGREE", ends at "~~~".
// Types are renamed to PLOVER's current names; contexts "crime; corruption" become "crime;corruption".
struct Reference2021 {
  std::map<std::string, Plover> first;                       // first line of each code
  std::map<std::string, std::vector<Plover>> repeated;       // codes listed more than once
};

Reference2021 read_2021(const std::string& path) {
  static const std::map<std::string, std::string> renames = {
      {"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"INVESTIGATE", "ACCUSE"}, {"FIGHT", "ASSAULT"}};
  Reference2021 ref;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("~~~", 0) == 0) break;
    std::string body = trim(line.substr(0, line.find('#')));
    if (body.empty()) continue;
    size_t colon = body.find(':');
    std::string code = trim(body.substr(0, colon));
    std::vector<std::string> parts;
    std::stringstream ss(body.substr(colon + 1));
    for (std::string p; std::getline(ss, p, ',');) parts.push_back(trim(p));
    parts.resize(3);
    Plover p{parts[0], parts[1], ""};
    if (auto it = renames.find(p.type); it != renames.end()) p.type = it->second;
    std::stringstream cs(parts[2]);
    for (std::string c; std::getline(cs, c, ';');)
      if (auto v = trim(c); !v.empty()) p.context += (p.context.empty() ? "" : ";") + v;
    if (auto [it, fresh] = ref.first.emplace(code, p); !fresh) {
      auto& all = ref.repeated[code];
      if (all.empty()) all.push_back(it->second);
      all.push_back(p);
    }
  }
  return ref;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The repository's tables

TEST(CameoRepoTables, LoadAndHoldAllGdeltCodes) {
  ASSERT_EQ(table().size(), 311u);
  EXPECT_EQ(table().all().front().code, "01");
  EXPECT_EQ(table().all().back().code, "2042");
  for (const CameoInfo& c : table().all()) {
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_TRUE(table().contains(c.code));
  }
}

TEST(CameoRepoTables, EveryRootIsPresent) {
  for (int r = 1; r <= 20; ++r) {
    char root[3] = {char('0' + r / 10), char('0' + r % 10), 0};
    EXPECT_TRUE(table().contains(root)) << root;
  }
}

TEST(CameoRepoTables, CodesHangFromTheirParents) {
  for (const CameoInfo& c : table().all()) {
    ASSERT_GE(c.code.size(), 2u);
    ASSERT_LE(c.code.size(), 4u);
    if (c.code.size() > 2) {
      EXPECT_TRUE(table().contains(c.code.substr(0, c.code.size() - 1))) << c.code;
    }
  }
}

TEST(CameoRepoTables, QuadClassFollowsTheRootAsGdeltDoes) {
  for (const CameoInfo& c : table().all()) {
    EXPECT_EQ(c.quad, table().find(c.code.substr(0, 2))->quad) << c.code;
    EXPECT_EQ(c.quad, gdelt_quad(c.code)) << c.code;
  }
  // The roots where conventions differ (see data/common/README.md): GDELT's values are kept.
  EXPECT_EQ(table().find("01")->quad, 1);  // Phoenix: 0 (neutral)
  EXPECT_EQ(table().find("02")->quad, 1);  // Phoenix: 0 (neutral)
  EXPECT_EQ(table().find("09")->quad, 3);
  EXPECT_EQ(table().find("14")->quad, 4);
  EXPECT_EQ(table().find("16")->quad, 4);  // Phoenix: 3 (verbal conflict)
}

TEST(CameoRepoTables, ContestedGoldsteinWeightsAreGdelts) {
  // GDELT vs ICEWS: 016 -2.0 vs -5, 022 3.2 vs 3.4, 164 -7.0 vs -6.5, 165 -6.5 vs -7.
  EXPECT_DOUBLE_EQ(table().find("016")->goldstein, -2.0);
  EXPECT_DOUBLE_EQ(table().find("022")->goldstein, 3.2);
  EXPECT_DOUBLE_EQ(table().find("164")->goldstein, -7.0);
  EXPECT_DOUBLE_EQ(table().find("165")->goldstein, -6.5);
}

TEST(CameoRepoTables, PloverTypesAreTheCurrentSixteen) {
  const std::set<std::string> current = {"AGREE",  "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
                                         "RETREAT", "REQUEST", "ACCUSE",  "REJECT",   "THREATEN",  "SANCTION",
                                         "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"};
  std::set<std::string> used;
  for (const CameoInfo& c : table().all()) {
    bool unmapped_root = c.code.rfind("01", 0) == 0 || c.code.rfind("02", 0) == 0;
    if (unmapped_root) {
      EXPECT_EQ(c.plover_type, "") << c.code;  // statements and appeals: nothing in the 2021 table
      continue;
    }
    EXPECT_TRUE(current.count(c.plover_type)) << c.code << " " << c.plover_type;
    used.insert(c.plover_type);
  }
  EXPECT_EQ(used, current);
  EXPECT_EQ(table().find("08")->plover_type, "CONCEDE");
  EXPECT_EQ(table().find("0841")->plover_mode, "release");
  EXPECT_EQ(table().find("1121")->plover_context, "crime;corruption");
}

// ---------------------------------------------------------------------------------------------
// Against the reference files (skipped when ../shared is not there)

TEST(CameoReference, SameCodesAsGdelt) {
  std::string path = kReference + "gdelt_CAMEO.eventcodes.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no reference file " << path;
  auto ref = read_gdelt(path);
  ASSERT_EQ(ref.size(), 311u);
  std::set<std::string> only_ours, only_gdelt;
  for (const CameoInfo& c : table().all())
    if (!ref.count(c.code)) only_ours.insert(c.code);
  for (const auto& [code, desc] : ref)
    if (!table().contains(code)) only_gdelt.insert(code);
  // No intentional difference: both sets are empty.
  EXPECT_EQ(only_ours, std::set<std::string>{});
  EXPECT_EQ(only_gdelt, std::set<std::string>{});
}

TEST(CameoReference, GoldsteinEqualsGdeltForEveryCode) {
  std::string path = kReference + "gdelt_CAMEO.goldsteinscale.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no reference file " << path;
  auto ref = read_gdelt(path);
  ASSERT_EQ(ref.size(), 311u);
  // Codes whose weight intentionally differs from GDELT's: none (data/common/README.md).
  const std::map<std::string, double> exceptions = {};
  std::map<std::string, double> differing;
  for (const auto& [code, value] : ref) {
    const CameoInfo* c = table().find(code);
    ASSERT_TRUE(c && c->code == code) << code;
    if (c->goldstein != std::stod(value)) differing.emplace(code, c->goldstein);
  }
  EXPECT_EQ(differing, exceptions);
}

TEST(CameoReference, PloverAgreesWithThe2021Table) {
  std::string path = kReference + "CAMEO2PLOVER-2021.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no reference file " << path;
  Reference2021 ref = read_2021(path);

  // Codes listed twice in the 2021 table: 175 twice alike, root 08 as CONCEDE then RETREAT.
  std::set<std::string> repeated, conflicting;
  for (const auto& [code, all] : ref.repeated) {
    repeated.insert(code);
    for (const Plover& p : all)
      if (!(p == all.front())) conflicting.insert(code);
  }
  EXPECT_EQ(repeated, (std::set<std::string>{"08", "175"}));
  EXPECT_EQ(conflicting, (std::set<std::string>{"08"}));

  // In the 2021 table but not in CAMEO as GDELT uses it: 1213, 1214 (reject judicial /
  // intelligence cooperation).
  std::set<std::string> only_2021;
  for (const auto& [code, p] : ref.first)
    if (!table().contains(code)) only_2021.insert(code);
  EXPECT_EQ(only_2021, (std::set<std::string>{"1213", "1214"}));

  // Codes the 2021 table maps to nothing: every code of roots 01 and 02. They have an empty type.
  std::set<std::string> unmapped;
  for (const CameoInfo& c : table().all()) {
    auto it = ref.first.find(c.code);
    if (it == ref.first.end()) {
      unmapped.insert(c.code);
      EXPECT_EQ((Plover{c.plover_type, c.plover_mode, c.plover_context}), Plover{}) << c.code;
      continue;
    }
    EXPECT_EQ((Plover{c.plover_type, c.plover_mode, c.plover_context}), it->second) << c.code;
  }
  EXPECT_EQ(unmapped.size(), 39u);
  for (const std::string& code : unmapped) EXPECT_TRUE(code.rfind("01", 0) == 0 || code.rfind("02", 0) == 0) << code;
}

// ---------------------------------------------------------------------------------------------
// Lookups

TEST(CameoFind, ExactCode) {
  const CameoInfo* c = table().find("0331");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "0331");
  EXPECT_EQ(c->quad, 1);
  EXPECT_DOUBLE_EQ(c->goldstein, 5.2);
  EXPECT_EQ(c->plover_type, "AGREE");
  EXPECT_EQ(c->plover_context, "economic");
  EXPECT_EQ(table().find("19")->code, "19");
  EXPECT_EQ(table().find("2042")->goldstein, -10.0);
}

TEST(CameoFind, FallsBackToTheLongestKnownPrefix) {
  auto code_of = [](std::string_view q) {
    const CameoInfo* c = table().find(q);
    return c ? c->code : std::string("(none)");
  };
  // 0431 is not a CAMEO code (043 "host a visit" has no sub-codes): it falls back to 043.
  EXPECT_FALSE(table().contains("0431"));
  EXPECT_EQ(code_of("0431"), "043");
  EXPECT_EQ(code_of("0431x"), "043");
  EXPECT_EQ(code_of("1717"), "171");  // PETRARCH validation code, not CAMEO
  EXPECT_EQ(table().find("1717")->goldstein, -9.2);
  EXPECT_EQ(code_of("1951"), "195");  // codebook sub-codes GDELT does not list
  EXPECT_EQ(code_of("155"), "15");
  EXPECT_EQ(code_of("1213"), "121");
  EXPECT_EQ(code_of("04311"), "043");
  EXPECT_EQ(code_of("210"), "(none)");
  EXPECT_EQ(code_of("002"), "(none)");
  EXPECT_EQ(code_of("0"), "(none)");
  EXPECT_EQ(code_of(""), "(none)");
}

TEST(CameoFind, ContainsIsExact) {
  EXPECT_TRUE(table().contains("010"));
  EXPECT_TRUE(table().contains("10"));
  EXPECT_FALSE(table().contains("1717"));
  EXPECT_FALSE(table().contains("0100"));
  EXPECT_FALSE(table().contains(""));
}

// ---------------------------------------------------------------------------------------------
// Damaged files

namespace {

class CameoBadFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dyad-cameo-" + std::to_string(::getpid()) + "-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
    codes_ = (dir_ / "codes.tsv").string();
    plover_ = (dir_ / "plover.tsv").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  static constexpr const char* kGoodCodes =
      "# code\tquad\tgoldstein\tname\n"
      "04\t1\t1.0\tconsult\n"
      "043\t1\t2.8\treceive a visit\n"
      "17\t4\t-7.0\tcoerce\n"
      "171\t4\t-9.2\tseize or damage property\n";
  static constexpr const char* kGoodPlover =
      "# cameo_code\tplover_type\tplover_mode\tplover_context\n"
      "04\tCONSULT\t-\t-\n"
      "043\tCONSULT\tvisit\t-\n"
      "17\tCOERCE\t-\t-\n"
      "171\tCOERCE\tseize\thuman_security\n";

  // Loads the given files (the good ones where empty) and returns the error, or "" on success.
  std::string error(std::string codes, std::string plover = "") {
    write("codes.tsv", codes.empty() ? kGoodCodes : codes);
    write("plover.tsv", plover.empty() ? kGoodPlover : plover);
    auto r = CameoTable::load(codes_, plover_);
    if (r) return "";
    EXPECT_TRUE(r.error().kind == "bad_dictionary" || r.error().kind == "io_error") << r.error().kind;
    return r.error().to_string();
  }

  std::filesystem::path dir_;
  std::string codes_, plover_;
};

}  // namespace

TEST_F(CameoBadFiles, GoodSmallFilesLoadWithCommentsBlankLinesAndCrLf) {
  std::string codes = std::string(kGoodCodes) + "\n# trailing comment\n";
  std::string plover = "04\tCONSULT\t-\t-\r\n\r\n043\tCONSULT\tvisit\t-\r\n17\tCOERCE\t-\t-\r\n171\tCOERCE\tseize\tx;y\r\n";
  write("codes.tsv", codes);
  write("plover.tsv", plover);
  auto r = CameoTable::load(codes_, plover_);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->size(), 4u);
  EXPECT_EQ(r->find("1717")->plover_context, "x;y");
  EXPECT_EQ(r->find("043")->plover_mode, "visit");
  EXPECT_EQ(r->find("04")->plover_mode, "");
  EXPECT_EQ(r->find("043")->name, "receive a visit");
}

TEST_F(CameoBadFiles, WrongColumnCount) {
  std::string e = error("04\t1\t1.0\tconsult\n043\t1\t2.8\n");
  EXPECT_EQ(e, codes_ + ":2:10: expected 4 tab-separated columns (code, quad, goldstein, name), found 3 (bad_dictionary)");
  e = error("# c\n04\t1\t1.0\tconsult\textra\n");
  EXPECT_EQ(e, codes_ + ":2:18: expected 4 tab-separated columns (code, quad, goldstein, name), found 5 (bad_dictionary)");
  e = error("04 1 1.0 consult\n");
  EXPECT_NE(e.find(codes_ + ":1:17: expected 4 tab-separated columns"), std::string::npos) << e;
}

TEST_F(CameoBadFiles, QuadNotOneToFour) {
  EXPECT_EQ(error("04\t0\t1.0\tconsult\n"), codes_ + ":1:4: quad '0' is not 1, 2, 3 or 4 (bad_dictionary)");
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n043\t5\t2.8\tvisit\n"),
            codes_ + ":2:5: quad '5' is not 1, 2, 3 or 4 (bad_dictionary)");
  EXPECT_NE(error("04\tx\t1.0\tconsult\n").find(codes_ + ":1:4: quad 'x'"), std::string::npos);
  EXPECT_NE(error("04\t\t1.0\tconsult\n").find(codes_ + ":1:4: quad ''"), std::string::npos);
}

TEST_F(CameoBadFiles, QuadDifferentFromItsRoot) {
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n043\t2\t2.8\treceive a visit\n"),
            codes_ + ":2:5: quad 2 of code '043' differs from quad 1 of its root '04' (line 1) (bad_dictionary)");
}

TEST_F(CameoBadFiles, GoldsteinNotANumberOrOutOfRange) {
  EXPECT_EQ(error("04\t1\tabc\tconsult\n"), codes_ + ":1:6: Goldstein weight 'abc' is not a number (bad_dictionary)");
  EXPECT_EQ(error("04\t1\t1.0x\tconsult\n"),
            codes_ + ":1:6: Goldstein weight '1.0x' is not a number (bad_dictionary)");
  EXPECT_NE(error("04\t1\t\tconsult\n").find(codes_ + ":1:6: Goldstein weight ''"), std::string::npos);
  EXPECT_NE(error("04\t1\tnan\tconsult\n").find(codes_ + ":1:6: Goldstein weight 'nan'"), std::string::npos);
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n043\t1\t10.5\tvisit\n"),
            codes_ + ":2:7: Goldstein weight 10.5 is outside [-10, 10] (bad_dictionary)");
  EXPECT_EQ(error("17\t4\t-10.01\tcoerce\n"),
            codes_ + ":1:6: Goldstein weight -10.01 is outside [-10, 10] (bad_dictionary)");
  // The bounds themselves are valid.
  EXPECT_EQ(error("17\t4\t-10\tcoerce\n07\t2\t10.0\taid\n", "17\tCOERCE\t-\t-\n07\tAID\t-\t-\n"), "");
}

TEST_F(CameoBadFiles, DuplicateCode) {
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n# comment\n043\t1\t2.8\tvisit\n04\t1\t1.0\tconsult again\n"),
            codes_ + ":4:1: duplicate CAMEO code '04' (first on line 1) (bad_dictionary)");
}

TEST_F(CameoBadFiles, CodeNotTwoToFourDigits) {
  EXPECT_EQ(error("4\t1\t1.0\tconsult\n"), codes_ + ":1:1: CAMEO code '4' is not 2 to 4 digits (bad_dictionary)");
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n04311\t1\t2.8\tvisit\n"),
            codes_ + ":2:1: CAMEO code '04311' is not 2 to 4 digits (bad_dictionary)");
  EXPECT_EQ(error("04\t1\t1.0\tconsult\n04a\t1\t2.8\tvisit\n"),
            codes_ + ":2:1: CAMEO code '04a' is not 2 to 4 digits (bad_dictionary)");
  EXPECT_EQ(error(" 04\t1\t1.0\tconsult\n"),
            codes_ + ":1:1: CAMEO code ' 04' is not 2 to 4 digits (bad_dictionary)");
  EXPECT_EQ(error("21\t4\t-10.0\tnew root\n"), codes_ + ":1:1: CAMEO code '21' has no root 01-20 (bad_dictionary)");
  EXPECT_EQ(error("00\t1\t0.0\tnothing\n"), codes_ + ":1:1: CAMEO code '00' has no root 01-20 (bad_dictionary)");
}

TEST_F(CameoBadFiles, EmptyName) {
  EXPECT_EQ(error("04\t1\t1.0\t\n"), codes_ + ":1:10: CAMEO code '04' has an empty name (bad_dictionary)");
}

TEST_F(CameoBadFiles, PloverFileProblemsNameThePloverFile) {
  std::string head = "# cameo_code\tplover_type\tplover_mode\tplover_context\n";
  EXPECT_EQ(error("", head + "04\tCONSULT\t-\t-\n043\tDEMAND\t-\t-\n17\tCOERCE\t-\t-\n171\tCOERCE\t-\t-\n"),
            plover_ + ":3:5: 'DEMAND' is not a PLOVER event type (or '-') (bad_dictionary)");
  EXPECT_EQ(error("", head + "04\tCONSULT\t-\n"),
            plover_ + ":2:13: expected 4 tab-separated columns (cameo_code, plover_type, plover_mode, "
                      "plover_context), found 3 (bad_dictionary)");
  EXPECT_EQ(error("", head + "04\tCONSULT\t-\t-\n0431\tCONSULT\tvisit\t-\n"),
            plover_ + ":3:1: CAMEO code '0431' is not in " + codes_ + " (bad_dictionary)");
  EXPECT_EQ(error("", head + "04\tCONSULT\t-\t-\n04\tCONSULT\t-\t-\n"),
            plover_ + ":3:1: duplicate CAMEO code '04' (first on line 2) (bad_dictionary)");
  EXPECT_EQ(error("", head + "04\tCONSULT\tthird party\t-\n"),
            plover_ + ":2:12: PLOVER mode 'third party' must be a value without spaces, or '-' (bad_dictionary)");
  EXPECT_EQ(error("", head + "04\tCONSULT\t-\t\n"),
            plover_ + ":2:14: PLOVER context '' must be a value without spaces, or '-' (bad_dictionary)");
  EXPECT_EQ(error("", head + "4\tCONSULT\t-\t-\n"),
            plover_ + ":2:1: CAMEO code '4' is not 2 to 4 digits (bad_dictionary)");
}

TEST_F(CameoBadFiles, CodeWithoutPloverLine) {
  EXPECT_EQ(error("", "04\tCONSULT\t-\t-\n043\tCONSULT\tvisit\t-\n17\tCOERCE\t-\t-\n"),
            codes_ + ":5:1: CAMEO code '171' has no line in " + plover_ + " (bad_dictionary)");
}

TEST_F(CameoBadFiles, MissingFile) {
  auto r = CameoTable::load((dir_ / "nope.tsv").string(), kPlover);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, "io_error");
  EXPECT_EQ(r.error().where.file, (dir_ / "nope.tsv").string());
  std::string codes = write("codes.tsv", kGoodCodes);
  r = CameoTable::load(codes, (dir_ / "nope.tsv").string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, "io_error");
  EXPECT_EQ(r.error().where.file, (dir_ / "nope.tsv").string());
}
