// The coder's behaviour through the public API, with a small dictionary
// written for these tests in PETRARCH's format.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "dyad/dyad.h"

using namespace dyad;

namespace {

class Coder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = Coder::dir();
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "t.verbs.txt") << R"(
--- CONDEMN [122] ---
CONDEMN
--- ATTACK [190] ---
ATTACK
--- MEET [031:032] ---
MEET {MET MEETS MEETING}
--- SHOOT [---] ---
SHOT
- + WAS * DEAD IN $ [1823]
--- SIGN [057] ---
SIGN
- * TRADE PROTOCOL [0871]
--- CRITICIZE [111] ---
CRITICIZE
)";
    std::ofstream(dir / "t.actors.txt") << R"(
GONDOR [GON]
ARNOR [ARN]
MORDOR [MOR]
ROHAN [ROH]
SMEAGOL
  [HOB < 19950601]
  [HOBGOV 19950601-19990815]
)";
    std::ofstream(dir / "t.agents.txt") << R"(
FOREIGN_MINISTER [~GOVFRM]
POLICE {} [~COP]
GOVERNMENT [~GOV]
)";
    std::ofstream(dir / "t.discards.txt") << "FOOTBALL\n+HOROSCOPE\n";
    EngineOptions opt;
    opt.data_dir = DYAD_SOURCE_DIR "/data";
    opt.dict = "petrarch:" + dir.string();
    auto e = Engine::open(opt);
    ASSERT_TRUE(e.has_value()) << e.error().to_string();
    engine_ = std::move(*e);
  }
  static void TearDownTestSuite() {
    engine_.reset();
    std::filesystem::remove_all(dir());
  }
  static std::filesystem::path dir() {
    // one folder per process: ctest runs test cases of this binary in parallel
    return std::filesystem::path(testing::TempDir()) / ("dyad-coder-dict-" + std::to_string(getpid()));
  }

  static std::vector<std::string> code(const std::string& text, const std::string& date = "2000-01-01") {
    Doc d;
    d.id = "t";
    d.lang = "en";
    d.date = date;
    d.text = text;
    auto r = engine_->code(d);
    EXPECT_TRUE(r.has_value());
    std::vector<std::string> out;
    for (auto& e : r->events) out.push_back(e.source.code + " " + e.target.code + " " + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }
  static CodeReport report(const std::string& text) {
    Doc d;
    d.id = "t";
    d.lang = "en";
    d.text = text;
    return engine_->code(d).value();
  }
  static std::unique_ptr<Engine> engine_;
};
std::unique_ptr<Engine> Coder::engine_;

using V = std::vector<std::string>;

TEST_F(Coder, SubjectVerbObject) { EXPECT_EQ(code("Gondor condemned Arnor."), (V{"GON ARN 122"})); }

TEST_F(Coder, CompoundSubjectsAndObjectsGiveOneEventPerPair) {
  EXPECT_EQ(code("Gondor and Arnor condemned Mordor and Rohan on Monday."),
            (V{"ARN MOR 122", "ARN ROH 122", "GON MOR 122", "GON ROH 122"}));
}

TEST_F(Coder, AppositionIsNotACompound) {
  EXPECT_EQ(code("Gondor condemned Arnor, Rohan said."), (V{"GON ARN 122"}));
}

TEST_F(Coder, PassiveVoiceWithBySwapsTheRoles) {
  EXPECT_EQ(code("Rohan was attacked by Mordor."), (V{"MOR ROH 190"}));
}

TEST_F(Coder, PairedCodesGoBothWays) {
  EXPECT_EQ(code("Gondor met Arnor in the capital."), (V{"ARN GON 032", "GON ARN 031"}));
}

TEST_F(Coder, AgentsComposeWithTheirCountry) {
  EXPECT_EQ(code("Gondor's foreign minister condemned the Arnor police."), (V{"GONGOVFRM ARNCOP 122"}));
  EXPECT_EQ(code("The government of Rohan condemned Mordor."), (V{"ROHGOV MOR 122"}));
}

TEST_F(Coder, DatedActorCodesFollowTheDocumentDate) {
  EXPECT_EQ(code("Smeagol condemned Gondor.", "1990-01-01"), (V{"HOB GON 122"}));
  EXPECT_EQ(code("Smeagol condemned Gondor.", "1997-01-01"), (V{"HOBGOV GON 122"}));
}

TEST_F(Coder, PatternsBindSourceAndTargetWherever_TheyStand) {
  EXPECT_EQ(code("An Arnor soldier was shot dead in Mordor."), (V{"MOR ARN 1823"}));
  EXPECT_EQ(code("Gondor signed a trade protocol with Rohan."), (V{"GON ROH 0871"}));
}

TEST_F(Coder, AVerbFormAfterADeterminerIsANoun) {
  EXPECT_EQ(code("Gondor condemned the attack on Arnor."), (V{"GON ARN 122"}));
}

TEST_F(Coder, NegationIsMarkedNotDropped) {
  auto r = report("Gondor did not condemn Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].polarity, Polarity::negated);
  auto r2 = report("Gondor condemned Arnor.");
  ASSERT_EQ(r2.events.size(), 1u);
  EXPECT_EQ(r2.events[0].polarity, Polarity::asserted);
}

TEST_F(Coder, ReportedClaimsNameWhoSaysSo) {
  auto r = report("Gondor condemned Arnor, according to Rohan.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].modality, Modality::reported);
  EXPECT_EQ(r.events[0].attribution, "ROH (Rohan)");
  auto f = report("Gondor condemned Arnor.");
  EXPECT_EQ(f.events[0].modality, Modality::fact);
  EXPECT_EQ(f.events[0].attribution, "");
}

TEST_F(Coder, DiscardsDropTheSentenceOrTheStory) {
  auto r = report("Gondor condemned Arnor after the football match.\nRohan condemned Mordor.");
  EXPECT_EQ(r.sentence_discards, 1u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "ROH");
  auto s = report("Gondor condemned Arnor.\nToday's horoscope.");
  EXPECT_TRUE(s.story_discard);
  EXPECT_TRUE(s.events.empty());
}

TEST_F(Coder, EveryEventExplainsItself) {
  std::string text = "Yesterday, Gondor condemned Arnor.";
  auto r = report(text);
  ASSERT_EQ(r.events.size(), 1u);
  const auto& e = r.events[0];
  EXPECT_EQ(text.substr(e.source.start, e.source.end - e.source.start), "Gondor");
  EXPECT_EQ(text.substr(e.target.start, e.target.end - e.target.start), "Arnor");
  EXPECT_EQ(e.source.text, "Gondor");
  EXPECT_EQ(e.verb_text, "condemned");
  EXPECT_EQ(e.sentence, text);
  EXPECT_TRUE(e.rule.file.ends_with("t.verbs.txt"));
  EXPECT_EQ(e.rule.line, 3u);  // the CONDEMN verb line
  EXPECT_EQ(e.code, "122");
  EXPECT_EQ(e.root, "12");
  EXPECT_EQ(e.base, "122");
  EXPECT_EQ(e.quad, 3);
  EXPECT_EQ(e.goldstein, -4.0);
  EXPECT_EQ(e.id.size(), 16u);
}

TEST_F(Coder, EventIdsAreStable) {
  auto a = report("Gondor condemned Arnor.");
  auto b = report("Gondor condemned Arnor.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].id, b.events[0].id);
}

TEST_F(Coder, APairJoinedByAConjunctionEndsAtTheNextComma) {
  // "Arnor and Rohan, and Mordor and Rohan": two compounds; the verb's target is the first
  EXPECT_EQ(code("Gondor condemned Arnor and Rohan, and Mordor and Rohan."), (V{"GON ARN 122", "GON ROH 122"}));
}

TEST_F(Coder, AVerbWithAnObjectTakesNoTargetFromTheClauseAfter) {
  // "the soldiers" is the object: Rohan, in the "while" clause, is not the target
  EXPECT_EQ(code("Gondor condemned the soldiers while in Rohan."), V{});
}

TEST_F(Coder, ACommaBetweenTwoModifiersSplitsNoClause) {
  EXPECT_EQ(code("Gondor condemned strong, clear acts of Arnor."), (V{"GON ARN 122"}));
}

TEST_F(Coder, AnAdverbialCommaClauseAfterACodedClauseIsNotCoded) {
  EXPECT_EQ(code("Gondor condemned Arnor, almost a year after Rohan attacked Mordor."), (V{"GON ARN 122"}));
  // when the clause before codes nothing, it is coded
  EXPECT_EQ(code("Gondor is tired, almost a year after Rohan attacked Mordor."), (V{"ROH MOR 190"}));
}

TEST_F(Coder, WithoutRequireDyadAVerbFollowedByATimeWordAloneCodesNothing) {
  EngineOptions o = engine_->options();
  o.require_dyad = false;
  auto run = [&](const std::string& text) {
    Doc d;
    d.id = "t";
    d.lang = "en";
    d.text = text;
    std::vector<std::string> out;
    auto r = engine_->code(d, o);  // kept: a range-for over r.value().events of a temporary would dangle
    if (!r) {
      ADD_FAILURE() << r.error().message;
      return out;
    }
    for (auto& e : r->events) out.push_back(e.source.code + " " + e.target.code + " " + e.code);
    return out;
  };
  EXPECT_EQ(run("Rohan condemned today."), V{});
  EXPECT_EQ(run("Rohan condemned on Monday."), (V{"ROH --- 122"}));
}

TEST_F(Coder, NewActorLengthNamesUnknownNounPhrasesInActorPlaces) {
  EngineOptions o = engine_->options();
  auto run = [&](const std::string& text, int n) {
    o.new_actor_length = n;
    Doc d;
    d.id = "t";
    d.lang = "en";
    d.text = text;
    auto rep = engine_->code(d, o);  // kept alive while its events are read
    EXPECT_TRUE(rep.has_value());
    std::vector<std::string> out;
    for (auto& e : rep->events) out.push_back(e.source.code + " " + e.target.code + " " + e.code);
    std::sort(out.begin(), out.end());
    return out;
  };
  // off by default: unknown phrases are not actors
  EXPECT_EQ(run("The Ministry of Magic condemned Gondor.", 0), V{});
  // the subject, and the object, when no actor of the dictionaries stands there
  EXPECT_EQ(run("The Ministry of Magic condemned Gondor.", 4), (V{"\"THE MINISTRY OF MAGIC\" GON 122"}));
  EXPECT_EQ(run("Gondor condemned the Ministry of Magic on Monday.", 4), (V{"GON \"THE MINISTRY OF MAGIC\" 122"}));
  // at most N words (possessive markers do not count), auxiliaries are not part of the subject
  EXPECT_EQ(run("Gryffindor's head Minerva McGonagall has condemned Gondor.", 4),
            (V{"\"GRYFFINDOR HEAD MINERVA MCGONAGALL\" GON 122"}));
  EXPECT_EQ(run("Gryffindor's head Minerva McGonagall has condemned Gondor.", 3), V{});
  // an unknown phrase joined to the actor subject by a conjunction joins the compound
  EXPECT_EQ(run("Arnor and Minas Morgul condemned Gondor.", 4), (V{"\"MINAS MORGUL\" GON 122", "ARN GON 122"}));
  // a date is no actor
  EXPECT_EQ(run("Gondor condemned on Monday.", 4), V{});
}

TEST_F(Coder, FormerMakesTheAgentAnElite) {
  EXPECT_EQ(code("Gondor police condemned Arnor."), (V{"GONCOP ARN 122"}));
  EXPECT_EQ(code("Gondor former police condemned former Arnor government."), (V{"GONELI ARNELI 122"}));
  EXPECT_EQ(code("The former foreign minister of Gondor condemned Arnor."), (V{"GONELI ARN 122"}));
}

}  // namespace
