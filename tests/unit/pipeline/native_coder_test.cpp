// The coder's rules for dyad's own dictionaries (written on lemmas, pronouns resolved, only
// mutual codes paired inside a compound subject), through the public API. The language pack
// is built in a temporary folder: the English tokens, grammar and cues of data/, and a tiny
// lexicon, actor and verb file written for these tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "dyad/dyad.h"

using namespace dyad;
namespace fs = std::filesystem;

namespace {

class NativeCoder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::path(testing::TempDir()) / ("dyad-native-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "common");
    fs::create_directories(dir_ / "en");
    const fs::path src = DYAD_SOURCE_DIR "/data";
    for (auto f : {"cameo-codes.tsv", "cameo-plover.tsv"}) fs::copy_file(src / "common" / f, dir_ / "common" / f);
    std::ofstream(dir_ / "common" / "places.tsv") << "country\tROH\t47.0\t8.0\tRohan\t\ncity\tROH\t47.1\t8.1\tEdoras\t\n";
    for (auto f : {"tokens.txt", "grammar.txt", "cues.txt", "dates.txt", "numbers.txt"})
      fs::copy_file(src / "en" / f, dir_ / "en" / f);
    // "accord" is read as itself first (a noun), so its later verb reading must not be used
    std::ofstream(dir_ / "en" / "lexicon.tsv") << "accord\taccord\tNOUN\naccord\taccorder\tVERB\n"
                                                  "attacked\tattack\tVERB\nattacks\tattack\tVERB\nrenewed\trenew\tVERB\n"
                                                  "condemned\tcondemn\tVERB\ndenied\tdeny\tVERB\n"
                                                  "criticized\tcriticize\tVERB\ncriticizing\tcriticize\tVERB\ndecrying\tdecry\tVERB\nsupports\tsupport\tVERB\nsupported\tsupport\tVERB\n"
                                                  "kidnapped\tkidnap\tVERB\ndeployed\tdeploy\tVERB\ndecried\tdecry\tVERB\nconsulted\tconsult\tVERB\nresigned\tresign\tVERB\nstruck\tstrike\tVERB\n"
                                                  "new\tnew\tADJ\nharbour\tharbour\tNOUN\nguild\tguild\tNOUN\nbaggins\tbaggins\tPROPN\n"
                                                  "said\tsay\tVERB\ndeplored\tdeplore\tVERB\narrived\tarrive\tVERB\n"
                                                  "murdered\tmurder\tVERB\nfoiled\tfoil\tVERB\ndetained\tdetain\tVERB\n"
                                                  "urged\turge\tVERB\nnewspapers\tnewspaper\tNOUN\nconsultera\tconsult\tVERB\nconsulterait\tconsult\tVERB\n"
                                                  // a verb form only, and one that is an adjective too
                                                  "told\ttell\tVERB\nelected\telect\tVERB\nelected\telected\tADJ\nattacking\tattack\tVERB\nveterans\tveteran\tNOUN\n"
                                                  // a plural of a noun no dictionary uses
                                                  "wardens\twarden\tNOUN\n";
    std::ofstream(dir_ / "en" / "actors.txt") << "GONDOR [GON]\nARNOR [ARN]\nROHAN [ROH]\nRENEW_PARTY [GONPTY]\n"
                                                 "ROHAN'S_RIDERS [ROHMIL]\nGONDORIAN [GON]\nARAGORN [GONELI]\n"
                                                 "COUNCIL [IGOCOU]\nBLUE_PARTY [GONOPP]\nGREEN_PARTY [GONOPP]\n=WE [WEE]\n"
                                                 "ROSE_MAY [GONGOV]\nGONDOR_TIMES [GONMED]\n";
    // a cue written as text is cut like text: "it's" is two tokens
    std::ofstream(dir_ / "en" / "cues.txt", std::ios::app) << "\ndenial | it's false that\n"
                                                                "not-negation | not merely\n"
                                                                "presupposed | why\n";
    std::ofstream(dir_ / "en" / "agents.txt") << "GOVERNMENT [~GOV]\nTROOPS [~MIL]\nMILITARY [~MIL]\n"
                                                 "PRESIDENT [~GOV]\nNEWSPAPER [~MED]\n<NUMBER>_PEOPLE {} [~CVL]\n";
    std::ofstream(dir_ / "en" / "verbs.txt") << R"(
--- ATTACK [190] ---
ATTACK
- * VERBALLY [---]
--- CONDEMN [122] ---
CONDEMN
--- RENEW [050] ---
RENEW
- * MILITARY COOPERATION [062]
--- CRITICIZE [111] ---
CRITICIZE
- * POLICY [112]
--- MARCH [141] ---
MARCH
--- STRIKE [---] ---
STRIKE
- $! *_+! [190]
--- ATTACK_NOUN [---] ---
ATTACKS
- * ON_+ [190]
- $_'S_* ON_+ [190]
- $_* ON_+ [190]
--- ACCORDER [057] ---
ACCORDER
--- COOPERATION [---] ---
COOPERATION
- * BETWEEN % [060]
&WITH
+WITH
--- CONSULT [040] ---
CONSULT
- * &WITH + [041]
--- SUPPORT [051] ---
SUPPORT
- *_TO_+ [057]
--- DEPLOY [154] ---
DEPLOY
--- KIDNAP [181] ---
KIDNAP
- + WAS_* BY_$ [181]
--- APOLOGIZE [055] ---
APOLOGIZE
--- BOMBING [---] ---
BOMBING
- *_+ [195]
- *_OF_+ [195]
--- DECRY [111 home] ---
DECRY
- ,_"_* [111 home]
--- DEPLORE [---] ---
DEPLORE
- ,_"_HAS_* [111 home]
- "_,_HAS_* [111 home]
--- RESIGN [0831 home] ---
RESIGN
--- ASSAULT [---] ---
ASSAULT
- THE_* [180 unknown]
- AN_* [180 unknown]
- AN_*_ON_+ [180 unknown]
- FOIL_AN_* [---]
--- MURDER [186] ---
MURDER
- WAS_* [186 unknown]
--- DETAIN [173 home] ---
DETAIN
--- URGE [---] ---
URGE
- *_+ [020]
)";
    // an enclitic subject pronoun, as French writes "déplore-t-il"
    std::ofstream(dir_ / "en" / "tokens.txt", std::ios::app) << "\nsplit-suffix -he\nnumber-placeholder *NUMBER*\n";
    std::ofstream(dir_ / "en" / "grammar.txt", std::ios::app) << "\npronoun -he\ndeterminer ofthe\nlink-preposition ofthe\nname-particle de\n"
                                                                  "reflexive-pronoun se\nactive-participle arrived\n"
                                                                  "no-dropped-subject ing\nlead-in then\nhonorific mr\n"
                                                                  "future-ending era\nconditional-ending erait\n";
    // a second verbs file defines a synset of the same name: synsets are local to their file
    std::ofstream(dir_ / "en" / "verbs.more.txt") << R"(
&WITH
+ALONGSIDE
--- FIGHT [190] ---
FIGHT
- * &WITH + [062]
&SHAME
+SHAMEFUL
+A_DISGRACE
--- ARRIVE [042] ---
ARRIVE
--- QUOTED BLAME [---] patterns-only ---
SAY
- &SHAME ,_"_* [111 home]
- &SHAME ,_"_$_* [111 home]
- &SHAME ,_"_THE_$_* [111 home]
)";
    EngineOptions opt;
    opt.data_dir = dir_.string();
    auto e = Engine::open(opt);
    ASSERT_TRUE(e.has_value()) << e.error().to_string();
    engine_ = std::move(*e);
  }
  static void TearDownTestSuite() {
    engine_.reset();
    fs::remove_all(dir_);
  }

  static CodeReport run(const std::string& text, const std::string& date = "2020-01-01") {
    Doc d;
    d.id = "t";
    d.lang = "en";
    d.date = date;
    d.text = text;
    auto r = engine_->code(d);
    EXPECT_TRUE(r.has_value());
    return r ? *r : CodeReport{};
  }
  static std::vector<std::string> code(const std::string& text) {
    std::vector<std::string> out;
    for (auto& e : run(text).events) out.push_back(e.source.code + " " + e.target.code + " " + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }

  // The same, an actor that no words named (the source's own country, the state where it
  // happened) marked with '*': "GONELI GON* 111".
  static std::vector<std::string> implied(const std::string& text) {
    std::vector<std::string> out;
    for (auto& e : run(text).events)
      out.push_back(e.source.code + (e.source.implied ? "*" : "") + " " + e.target.code + (e.target.implied ? "*" : "") +
                    " " + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }

  // The one event's code and modality ("036 intent"), or "none" when there is not exactly one.
  static std::string modality(const std::string& text) {
    auto r = run(text);
    return r.events.size() == 1 ? r.events[0].code + " " + to_string(r.events[0].modality) : std::string("none");
  }

  static inline fs::path dir_;
  static inline std::unique_ptr<Engine> engine_;
};

using V = std::vector<std::string>;

TEST_F(NativeCoder, APatternCodedNullRecognisesTheWordsAndCodesNothing) {
  EXPECT_EQ(code("Gondor attacked Arnor."), (V{"GON ARN 190"}));
  EXPECT_EQ(code("Gondor attacked verbally Arnor."), V{});
}

TEST_F(NativeCoder, ANounBetweenACompoundCodesTheEventBothWays) {
  EXPECT_EQ(code("The cooperation between Gondor and Arnor continues."), (V{"ARN GON 060", "GON ARN 060"}));
  EXPECT_EQ(code("Cooperation between Gondor and Arnor continues."), (V{"ARN GON 060", "GON ARN 060"}));
}

TEST_F(NativeCoder, ACompoundSubjectPairsItsMembersOnlyForMutualCodes) {
  EXPECT_EQ(code("Gondor and Arnor renewed ties."), (V{"ARN GON 050", "GON ARN 050"}));
  // condemning is not something two countries do to each other by saying it together
  EXPECT_EQ(code("Gondor and Arnor condemned the decision."), V{});
}

TEST_F(NativeCoder, ADenialGovernsTheThatClauseItIntroduces) {
  auto r = run("Gondor denied that its troops attacked Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].code, "190");
  EXPECT_EQ(r.events[0].modality, Modality::denied);
}

TEST_F(NativeCoder, AnAgentAfterAPossessiveBelongsToTheActorNamedBefore) {
  auto r = run("Gondor denied that its troops attacked Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "GONMIL");
  EXPECT_EQ(code("Troops attacked Arnor."), (V{"---MIL ARN 190"}));
}

TEST_F(NativeCoder, AnActorAndItsOwnGovernmentAreNoDyad) {
  EXPECT_EQ(code("The government of Gondor criticized Gondor."), V{});
  EXPECT_EQ(code("The government of Gondor criticized Arnor."), (V{"GONGOV ARN 111"}));
}

TEST_F(NativeCoder, EachVerbsFileHasItsOwnSynsets) {
  EXPECT_EQ(code("Gondor consult with Arnor."), (V{"GON ARN 041"}));
  EXPECT_EQ(code("Gondor fight alongside Arnor."), (V{"GON ARN 062"}));
  EXPECT_EQ(code("Gondor fight with Arnor."), (V{"GON ARN 190"}));
}

TEST_F(NativeCoder, AnIntentionToCooperateIsCodedInRoot03) {
  auto r = run("Gondor intends to renew ties with Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].code, "032");  // 050 announced as an intention
  EXPECT_EQ(r.events[0].modality, Modality::intent);
  EXPECT_EQ(r.events[0].rule.pattern, "RENEW");
}

TEST_F(NativeCoder, AConflictualActThreatenedIsTheThreatMade) {
  // English `threat` cues: the attack is not done; the threat is, in the 13 root
  EXPECT_EQ(modality("Gondor threatened to attack Arnor."), "138 fact");
  EXPECT_EQ(modality("Gondor threatens to kidnap Rohan troops."), "1383 fact");
  // an intention to attack is no threat by itself: the code stays, the act is intended
  EXPECT_EQ(modality("Gondor plans to attack Arnor."), "190 intent");
  // a cooperative act threatened keeps the intention's 03 code
  EXPECT_EQ(modality("Gondor threatened to renew ties with Arnor."), "032 intent");
}

TEST_F(NativeCoder, ACuePhraseIsCutLikeRunningText) {
  auto r = run("It's false that Gondor attacked Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].modality, Modality::denied);
}

TEST_F(NativeCoder, AWordOfAnActorsNameIsNoVerb) {
  EXPECT_EQ(code("Renew Party criticized Arnor."), (V{"GONPTY ARN 111"}));
}

TEST_F(NativeCoder, AnActorWithAPoliticalRoleKeepsIt) {
  // the party's government is the party in office, not GONPTYGOV
  EXPECT_EQ(code("The government of Renew Party criticized Arnor."), (V{"GONPTY ARN 111"}));
  EXPECT_EQ(code("The government of Gondor criticized Arnor."), (V{"GONGOV ARN 111"}));
}

TEST_F(NativeCoder, APatternsWordsStayWithinAFewWordsOfEachOther) {
  EXPECT_EQ(code("Gondor criticized Arnor for its policy."), (V{"GON ARN 112"}));
  EXPECT_EQ(code("Gondor criticized Arnor on Monday after a long meeting of the council on fishing policy."),
            (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, AnAgentWordInsideAPatternIsNotTheTarget) {
  EXPECT_EQ(code("Gondor renewed military cooperation with Arnor."), (V{"GON ARN 062"}));
  EXPECT_EQ(code("Gondor renewed military cooperation."), V{});
}

TEST_F(NativeCoder, APassiveWithoutItsDoerCodesNoReversedDyad) {
  EXPECT_EQ(code("Arnor was attacked by Gondor."), (V{"GON ARN 190"}));
  EXPECT_EQ(code("Arnor was attacked in Gondor."), V{});
}

TEST_F(NativeCoder, DictionaryWordsAreCutLikeText) {
  // "ROHAN'S_RIDERS" is the tokens rohan 's riders, as the text is cut
  EXPECT_EQ(code("Rohan's riders attacked Arnor."), (V{"ROHMIL ARN 190"}));
}

TEST_F(NativeCoder, AnAgentWithNoCountryTakesTheArticlesHomeCountry) {
  auto r = run("Gondor voted. Gondor counted. The government criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "GONGOV");
  EXPECT_TRUE(r.events[0].source.country_inferred);
  EXPECT_FALSE(r.events[0].target.country_inferred);
  // no country holds more than half of the article's mentions: the agent stays bare
  EXPECT_EQ(code("Gondor voted. Rohan counted. The government criticized Arnor."), (V{"---GOV ARN 111"}));
}

TEST_F(NativeCoder, ACountOfPeopleIsAnAgentWhateverItsNumber) {
  // "<NUMBER> people": figures, number words and an anonymised placeholder all count; the
  // agent takes the article's home country like any agent with none
  for (std::string n : {"40", "1,200", "three", "*NUMBER*"}) {
    auto r = run("Gondor voted. Gondor kidnapped " + n + " people.");
    ASSERT_EQ(r.events.size(), 1u) << n;
    EXPECT_EQ(r.events[0].source.code, "GON") << n;
    EXPECT_EQ(r.events[0].target.code, "GONCVL") << n;
    EXPECT_EQ(r.events[0].target.text, n + " people") << n;
  }
  // "people" with no count, or after a word that is no number, is nobody
  EXPECT_EQ(code("Gondor voted. Gondor kidnapped people."), V{});
  EXPECT_EQ(code("Gondor voted. Gondor kidnapped many people."), V{});
}

TEST_F(NativeCoder, AnAgentAfterAndRightAfterAnActorIsAnotherActor) {
  // "Loukachenko et 29 personnes": two targets, not Loukachenko as a civilian
  EXPECT_EQ(code("Arnor criticized Aragorn and 29 people."), (V{"ARN ---CVL 111", "ARN GONELI 111"}));
  // "and" between two words of the actor's noun phrase still joins them to it
  EXPECT_EQ(code("Arnor criticized Gondor's awful and evil troops."), (V{"ARN GONMIL 111"}));
}

TEST_F(NativeCoder, ATitleBeforeANameBelongsToIt) {
  // "urged Mrs. Merkel to": the pattern's "*_+" reaches the actor through its title
  EXPECT_EQ(code("Gondor urged Mr. Aragorn to leave."), (V{"GON GONELI 020"}));
  // another word between is not skipped
  EXPECT_EQ(code("Gondor urged old Aragorn to leave."), V{});
  // a title and one capitalised word the dictionaries do not hold is a person's name, of the
  // article's home country
  EXPECT_EQ(implied("Gondor voted. Gondor counted. Mr. Underhill criticized Arnor."), (V{"GON ARN 111"}));
  EXPECT_EQ(code("Gondor voted. Gondor counted. Underhill criticized Arnor."), V{});
}

TEST_F(NativeCoder, AFutureOrConditionalVerbFormTellsNoFact) {
  // "Macron rencontrera Poutine": a future form announces the meeting (036, intent); a
  // conditional supposes it; the ending must be the verb's own ("-era" in a past form is not)
  EXPECT_EQ(modality("Gondor consultera Arnor."), "036 intent");
  EXPECT_EQ(modality("Gondor consulterait Arnor."), "040 hypothetical");
  EXPECT_EQ(modality("Gondor consulted Arnor."), "040 fact");
}

TEST_F(NativeCoder, APluralAgentAndACountrysNameAreTwoNounPhrases) {
  // "told reporters Israel violated the truce": two noun phrases, the newspapers (of no
  // country here) and Gondor, not Gondor's newspapers
  EXPECT_EQ(code("Newspapers Gondor criticized Arnor."), (V{"---MED ARN 111"}));
  // one newspaper named by its country stays one actor
  EXPECT_EQ(code("The newspaper Gondor criticized Arnor."), (V{"GONMED ARN 111"}));
}

TEST_F(NativeCoder, AWordReadOnlyAsAVerbIsNoPartOfANounPhrase) {
  // "Trump told reporters": the actor and the agent after the verb are two noun phrases (not
  // one "GONELIMIL")
  EXPECT_EQ(code("Aragorn told troops Gondor criticized Arnor."), (V{"GONELI ARN 111"}));
  // an adjective that is a verb form too stays inside ("the French elected officials")
  EXPECT_EQ(code("Gondor elected troops criticized Arnor."), (V{"GONMIL ARN 111"}));
}

TEST_F(NativeCoder, AnAgentGivenTheHomeCountryDoesNotDoubleItsCompoundsEvent) {
  // "Obama praised the FBI and local police": the police take the home country and code what the
  // FBI codes, from the same words: one event
  EXPECT_EQ(code("Gondor voted. Gondor counted. Gondor slept. Arnor criticized Gondor troops and the military."),
            (V{"ARN GONMIL 111"}));
}

TEST_F(NativeCoder, PraiseOfAnObjectIsNotPraiseOfEachOther) {
  // "Theresa May and Emmanuel Macron thanked veterans": the praise went to the veterans
  EXPECT_EQ(code("Gondor and Arnor supported veterans."), V{});
  EXPECT_EQ(code("Gondor and Arnor supported the brave veterans."), V{});
  // with a reciprocal word, it lies between them; with no object, it was given to a third
  // ("X and Y expressed their support")
  EXPECT_EQ(code("Gondor and Arnor supported each other."), (V{"ARN GON 051", "GON ARN 051"}));
  EXPECT_EQ(code("Gondor and Arnor supported on Friday."), V{});
  // ties renewed lie between them, reciprocal or not
  EXPECT_EQ(code("Gondor and Arnor renewed on Friday."), (V{"ARN GON 050", "GON ARN 050"}));
}

TEST_F(NativeCoder, AnActThatIsTheSubjectOfAModalIsSupposed) {
  // "Netanyahu said lifting sanctions would embolden Tehran": the lifting is supposed, not done
  EXPECT_EQ(modality("Gondor said attacking Arnor would help."), "190 hypothetical");
  // an act done in the progressive is done
  EXPECT_EQ(modality("Gondor is attacking Arnor, which would help."), "190 fact");
  // an event noun that opens its clause is the modal's subject ("A meeting between Trump and
  // Kim could take place"); a modal's spelling inside a name is none ("Theresa May")
  auto both = [](const std::string& text) {
    std::set<std::string> m;
    for (const auto& e : run(text).events) m.insert(e.code + " " + to_string(e.modality));
    return m;
  };
  using S = std::set<std::string>;
  EXPECT_EQ(both("The cooperation between Gondor and Arnor could help."), S{"060 hypothetical"});
  EXPECT_EQ(both("The cooperation between Gondor and Arnor helps."), S{"060 fact"});
  EXPECT_EQ(both("Gondor said the cooperation between Gondor and Arnor would help."), S{"060 hypothetical"});
  EXPECT_EQ(run("The cooperation between Gondor and Arnor could help.").events.size(), 2u);
}

TEST_F(NativeCoder, ARelativeClauseBeforeAPassiveLendsNoSide) {
  // "Una mujer, que protesta contra las políticas de Trump, fue detenida": the passive's
  // subject is the word the relative clause tells of, not an actor inside it
  EXPECT_EQ(code("Aragorn, who criticized Rohan, was kidnapped by Arnor."), (V{"ARN GONELI 181", "GONELI ROH 111"}));
  EXPECT_EQ(code("A guild, who criticized Rohan, was kidnapped by Arnor."), V{});
  // the relative clause's own event stays: the passive's match does not claim its words
  EXPECT_EQ(code("Gondor, which attacked Rohan, was kidnapped by Arnor."), (V{"ARN GON 181", "GON ROH 190"}));
}

TEST_F(NativeCoder, APossessorBeforeATitleAndANameIsNotTheSubject) {
  // "Donald Trump's former campaign chief Paul Manafort breached ...": Manafort did it
  EXPECT_EQ(code("Gondor's former envoy Aragorn criticized Arnor."), (V{"GONELI ARN 111"}));
  // a preposition between them: the second actor is no head of the first's phrase
  EXPECT_EQ(code("Gondor's envoy to Rohan criticized Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, AnInciseMayLeaveOutItsComma) {
  // "« Macron ment aux Français » a accusé Marine Le Pen": the speaker after the verb, as with
  // the comma; the quotation holds the target
  EXPECT_EQ(code("\u00ab Gondor lies \u00bb has deplored Arnor."), (V{"ARN GON 111"}));
  EXPECT_EQ(code("\u00ab Gondor lies \u00bb, has deplored Arnor."), (V{"ARN GON 111"}));
  EXPECT_EQ(code("\"Gondor lies\" has deplored Arnor."), (V{"ARN GON 111"}));
  // a quotation inside the sentence is no incise: 'La candidate de "la France qui ose" a taclé'
  EXPECT_EQ(code("The envoy of \"Gondor first\" has deplored Arnor."), V{});
}

TEST_F(NativeCoder, PeopleOnTheGroundAreOfThePlacesCountry) {
  // "protesters stormed the embassy in Baghdad" in American news are Iraqi: crowds, civilians,
  // police, refugees and rebels of no country at a place the sentence names take its country
  EXPECT_EQ(code("Gondor voted. Gondor counted. Gondor kidnapped 300 people in Edoras."), (V{"GON ROHCVL 181"}));
  // with no place, the article's home country
  EXPECT_EQ(code("Gondor voted. Gondor counted. Gondor kidnapped 300 people."), (V{"GON GONCVL 181"}));
}

TEST_F(NativeCoder, APassiveDoerMayFollowAdjectivesAfterBy) {
  // "Obama was praised by conservative activists", "criticized by the two Democrats"
  EXPECT_EQ(code("Arnor was criticized by the new Gondor."), (V{"GON ARN 111"}));
  // a noun between them is another phrase: "attacked by a man in Rohan" is no act of Rohan
  EXPECT_EQ(code("Arnor was criticized by a guild in Gondor."), V{});
}

TEST_F(NativeCoder, ARelativeClauseAfterAVerbsObjectHasItsOwnSubjectAndCues) {
  // "Russia did not support the rebels who attacked the Syrian government": the rebels attacked,
  // and did; "that" after a verb's object opens what was said ("told Iran that")
  auto all = [](const std::string& text) {
    std::set<std::string> m;
    for (const auto& e : run(text).events)
      m.insert(e.source.code + " " + e.target.code + " " + e.code + " " + to_string(e.polarity));
    return m;
  };
  using S = std::set<std::string>;
  EXPECT_EQ(all("Gondor did not support Rohan's riders who attacked Arnor."),
            (S{"GON ROHMIL 051 negated", "ROHMIL ARN 190 asserted"}));
}

TEST_F(NativeCoder, AShowOfForceAtItsOwnSideIsNoEvent) {
  // "plans to send US troops to rescue Iraq's Yazidis" found the troops as the target
  EXPECT_EQ(code("Gondor deployed Gondor's troops."), V{});
  EXPECT_EQ(code("Gondor deployed against Arnor."), (V{"GON ARN 154"}));
}

TEST_F(NativeCoder, AnEventNounAfterANullPatternStillCodes) {
  // "briefed reporters on his meeting with Kim": the [---] pattern takes its clause, not the
  // event noun after its words that names its own doer
  EXPECT_EQ(code("Gondor attacked verbally Arnor's attacks on Rohan."), (V{"ARN ROH 190"}));
  // nor a verb that finds no actor: "condemns in the strongest terms today's attack in Lahore"
  // nor a verb that finds no actor: "condemns in the strongest terms today's appalling terrorist
  // attack in Lahore" (no target but the place of the attack noun, done by no one named)
  EXPECT_EQ(code("Gondor condemned the assault in Edoras."), (V{"--- ROH 180"}));
}

TEST_F(NativeCoder, AnEventNounAfterAnAdjectiveLiesBetweenThePairItNames) {
  // "increasing cooperation between China and Russia", "widespread clashes between ..."
  EXPECT_EQ(code("Gondor counted new cooperation between Arnor and Rohan."), (V{"ARN ROH 060", "ROH ARN 060"}));
}

TEST_F(NativeCoder, TheDoerOfAParticipleInsertIsNoSubject) {
  // "Le président syrien, interviewé par Europe 1 et TF1, dénonce": Europe 1 denounced nothing
  EXPECT_EQ(code("Aragorn, interviewed by Arnor, attacked Rohan."), (V{"GONELI ROH 190"}));
}

TEST_F(NativeCoder, ABareAgentBeforeAnEventNounIsNoDoer) {
  // "suspended military aid to Egypt": what kind of aid, not who gave it
  EXPECT_EQ(code("Gondor voted. Gondor counted. Arnor condemned new military attacks on Rohan."), (V{"ARN ROH 122"}));
  // an actor there is the doer
  EXPECT_EQ(code("Arnor condemned the Gondorian attacks on Rohan."), (V{"ARN GON 122", "GON ROH 190"}));
}

TEST_F(NativeCoder, AConditionBetweenAnIntentionAndTheVerbIsWhatTheVerbHangsOn) {
  // "vowed to unleash fire and fury if Pyongyang kept threatening the US": no threat was made
  std::set<std::string> m;
  for (const auto& e : run("Gondor plans to support Arnor unless Rohan attacked Gondor.").events)
    m.insert(e.source.code + " " + e.target.code + " " + to_string(e.modality));
  EXPECT_EQ(m, (std::set<std::string>{"GON ARN intent", "ROH GON hypothetical"}));
}

TEST_F(NativeCoder, APluralOfANounNoDictionaryUsesIsASubjectBeforeItsVerb) {
  // "los analistas señalan": the verb form after a plural noun after a determiner is a verb,
  // though the lexicon keeps no reading of "wardens" (its lemma is in no dictionary)
  EXPECT_EQ(code("Gondor said the wardens criticized Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, AQuestionTellsNoFactUnlessItTakesItsContentAsGiven) {
  EXPECT_EQ(modality("Did Gondor attack Arnor?"), "190 hypothetical");
  EXPECT_EQ(modality("Why did Gondor attack Arnor?"), "190 fact");
  // the question mark of a quotation, or of a piece of text glued after the verb's, is not its
  EXPECT_EQ(modality("Gondor attacked Arnor: \"what next?\""), "190 fact");
  EXPECT_EQ(modality("Gondor attacked Arnor.- And now?"), "190 fact");
}

TEST_F(NativeCoder, TwoDifferentActorsMayShareACode) {
  // two opposition parties: one code, two actors, a domestic event
  EXPECT_EQ(code("Blue Party criticized Green Party."), (V{"GONOPP GONOPP 111"}));
  // the same words on both sides are one actor
  EXPECT_EQ(code("Gondor criticized Gondor."), V{});
}

TEST_F(NativeCoder, ADocumentWithNoDateTakesItsDatelines) {
  auto r = run("Monday, September 25, 2023\nGondor attacked Arnor.", "");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].doc_date, "2023-09-25");
  EXPECT_EQ(r.events[0].date, "2023-09-25");
  // a record's own date wins over its text
  EXPECT_EQ(run("Monday, September 25, 2023\nGondor attacked Arnor.", "2023-09-26").events.at(0).doc_date, "2023-09-26");
}

TEST_F(NativeCoder, AVerbsDefaultDoesNotReachPastAnEventNounOfItsObject) {
  // Arnor is the target of the attacks (coded by the noun), not of the support
  EXPECT_EQ(code("Gondor supported its attacks on Arnor."), (V{"GON ARN 190"}));
  EXPECT_EQ(code("Gondor supported Arnor."), (V{"GON ARN 051"}));
  // but a noun phrase that starts right after the noun is the verb's own object ("a remercié
  // dans des communiqués les autorités colombiennes")
  EXPECT_EQ(code("Gondor supported after the attacks the Arnor government."), (V{"GON ARNGOV 051"}));
}

TEST_F(NativeCoder, AListOfMoreThanThreeActorsIsNotPairedUp) {
  // three members: every ordered pair (six events); four would make twelve, and the seven of
  // a nuclear-talks sentence forty-two: such a list acts together, it is not paired
  EXPECT_EQ(code("Gondor, Arnor and Rohan renewed ties.").size(), 6u);
  EXPECT_EQ(code("Gondor, Arnor, Rohan and the Council renewed ties."), V{});
}

TEST_F(NativeCoder, ADatelineWithADashIsNoActor) {
  // "GONDOR —": the place the story was filed from, not the source of its first event
  EXPECT_EQ(code("GONDOR \u2014 Arnor criticized Rohan."), (V{"ARN ROH 111"}));
  EXPECT_EQ(code("GONDOR \u2013 Arnor criticized Rohan."), (V{"ARN ROH 111"}));
  EXPECT_EQ(code("GONDOR (Reuters) - Arnor criticized Rohan."), (V{"ARN ROH 111"}));
}

TEST_F(NativeCoder, ASentenceOpeningWithASuppositionIsOneThroughout) {
  auto r = run("If Arnor wins, Gondor condemned Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].modality, Modality::hypothetical);
  auto q = run("\"If Arnor wins, Gondor condemned Arnor.\"");
  ASSERT_EQ(q.events.size(), 1u);
  EXPECT_EQ(q.events[0].modality, Modality::hypothetical);
  // the same clause order with no supposition stays a fact
  auto f = run("After Arnor won, Gondor condemned Arnor.");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].modality, Modality::fact);
}

TEST_F(NativeCoder, ACueWordInsideAnActorsNameIsTheName) {
  // "may" is a hypothetical cue, "May" here a person's name
  auto r = run("Rose May criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "GONGOV");
  EXPECT_EQ(r.events[0].modality, Modality::fact);
  // the cue itself still works
  auto h = run("Gondor may criticize Arnor.");
  ASSERT_EQ(h.events.size(), 1u);
  EXPECT_EQ(h.events[0].modality, Modality::hypothetical);
}

TEST_F(NativeCoder, ACapitalisedMonthIsADateNotAVerb) {
  EXPECT_EQ(code("Last March Gondor criticized Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, AnExactCaseActorMatchesOnlyAsWritten) {
  // "=WE [WEE]": the acronym, not the pronoun
  EXPECT_EQ(code("WE criticized Arnor."), (V{"WEE ARN 111"}));
  EXPECT_EQ(code("We criticized Arnor."), V{});
  // a headline in capitals says nothing about acronyms
  EXPECT_EQ(code("WE CRITICIZED ARNOR AGAIN TODAY."), V{});
  EXPECT_EQ(code("WE criticized Arnor again today."), (V{"WEE ARN 111"}));
}

TEST_F(NativeCoder, AnArmedRoleBindsOnlyAStateOrItsForces) {
  EXPECT_EQ(code("Gondor strike Arnor."), (V{"GON ARN 190"}));
  EXPECT_EQ(code("Renew Party strike Arnor."), V{});  // a party is no army
  EXPECT_EQ(code("Gondor strike Aragorn."), V{});     // nor is a person
}

TEST_F(NativeCoder, ACountryNameBeforeOneOfItsActorsIsItsModifier) {
  auto r = run("Gondorian Aragorn criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "GONELI");
  EXPECT_EQ(r.events[0].source.text, "Gondorian Aragorn");
}

TEST_F(NativeCoder, AFormReadAsItselfFirstKeepsThatReading) {
  // "accord" is a noun before it is a form of the verb "accorder": no 057 event
  EXPECT_EQ(code("Gondor accord Arnor."), V{});
}

TEST_F(NativeCoder, AMemberFollowedByAVerbOfItsOwnStartsAClause) {
  // "Gondorian and Rohan" is no compound target: Rohan is the subject of "condemned"
  EXPECT_EQ(code("Arnor attacked a Gondorian ship and Rohan condemned Arnor."), (V{"ARN GON 190", "ROH ARN 122"}));
  // a compound subject before its verb stays one
  EXPECT_EQ(code("Gondor and Arnor renewed ties."), (V{"ARN GON 050", "GON ARN 050"}));
}

TEST_F(NativeCoder, ARoleAfterAnAdjacentWordMaySkipAnArticle) {
  EXPECT_EQ(code("Arnor supports to Gondor."), (V{"ARN GON 057"}));
  EXPECT_EQ(code("Arnor supports to the Gondor."), (V{"ARN GON 057"}));
}

TEST_F(NativeCoder, ANotNegationCueCancelsTheNegationItHolds) {
  // the test pack's cues.txt gains "not-negation | not merely"; "not" stays a negation
  auto r = run("Gondor not merely criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].polarity, Polarity::asserted);
  r = run("Gondor not criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].polarity, Polarity::negated);
}

TEST_F(NativeCoder, AnAppositionIsNoCompoundAndCodesNoSelfDyad) {
  // "the president of Gondor, Aragorn," is one person: no GONGOV <-> GONELI pair
  EXPECT_EQ(code("The president of Gondor, Aragorn, apologize."), V{});
  // a list of actors after "of" still distributes
  EXPECT_EQ(code("The president of Gondor, Arnor and Rohan condemned the council."),
            (V{"ARNGOV IGOCOU 122", "GONGOV IGOCOU 122", "ROHGOV IGOCOU 122"}));
}

TEST_F(NativeCoder, AVerbWithoutASubjectDoesNotTakeTheObjectBeforeAsSource) {
  // "kidnapped" has no subject of its own: the object of "attacked" is not its source
  EXPECT_EQ(code("Bandits attacked Gondor, kidnapped Arnor."), V{});
  // the subject of the clause before is
  EXPECT_EQ(code("Rohan attacked Gondor, kidnapped Arnor."), (V{"ROH ARN 181", "ROH GON 190"}));
}

TEST_F(NativeCoder, ASubordinateClauseTakesNoNegationOrSuppositionFromItsMainClause) {
  // "did not meet him when he visited the US": the visit was made
  auto r = run("Gondor did not condemn Rohan when Arnor attacked Rohan.");
  ASSERT_EQ(r.events.size(), 2u);
  for (const auto& e : r.events)
    EXPECT_EQ(to_string(e.polarity), e.code == "190" ? "asserted" : "negated") << e.code;
  // an intention still reaches it: "will not be boxed in when he meets Kim"
  EXPECT_EQ(modality("Gondor will act when Arnor attacks Rohan."), "190 intent");
  // a "that" clause is governed as ever
  r = run("Gondor did not say that Arnor attacked Rohan.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(to_string(r.events[0].polarity), "negated");
}

}  // namespace

TEST_F(NativeCoder, AHomeCodeWithNoTargetNamedIsAimedAtTheSourcesOwnCountry) {
  EXPECT_EQ(implied("Aragorn decried the vote."), (V{"GONELI GON* 111"}));
  auto r = run("Aragorn decried the vote.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].target.country, "GON");
  EXPECT_TRUE(r.events[0].target.text.empty());
  // a target named wins
  EXPECT_EQ(code("Gondor decried Arnor."), (V{"GON ARN 111"}));
  // an agent takes the article's home country first, then gives it to the target
  EXPECT_EQ(code("Gondor voted. Gondor counted. The government decried the vote."), (V{"GONGOV GON 111"}));
  // a source with no country gives no event
  EXPECT_EQ(code("Gondor voted. Rohan counted. The government decried the vote."), V{});
  // an organisation has no home country; an outlet is where it was said
  EXPECT_EQ(code("The Council decried the vote."), V{});
  EXPECT_EQ(code("Gondor voted. Gondor counted. The newspaper decried the vote."), V{});
  // a code without `home` still needs its target
  EXPECT_EQ(code("Aragorn criticized the vote."), V{});
}

TEST_F(NativeCoder, ASpeakerAfterAQuotationIsTheSource) {
  // the speaker stands after the verb; what the quotation names is the target
  EXPECT_EQ(code("\"Arnor is a disgrace,\" decried Aragorn."), (V{"GONELI ARN 111"}));
  EXPECT_EQ(code("\u201cArnor is a disgrace\u201d, condemned Rohan."), (V{"ROH ARN 122"}));
  // nothing named in the quotation: the speaker's own country, for a home code
  EXPECT_EQ(code("\"The vote was a disgrace,\" decried Aragorn."), (V{"GONELI GON 111"}));
  // an enclitic pronoun after the verb stands for the previous sentence's speaker
  EXPECT_EQ(code("Aragorn spoke. \"The vote was a disgrace,\" decried-he."), (V{"GONELI GON 111"}));
  // without a quotation before it, the actor after the verb is its target as ever
  EXPECT_EQ(code("Rohan condemned Arnor."), (V{"ROH ARN 122"}));
}

TEST_F(NativeCoder, AVerbAfterANounComplementIsAVerb) {
  // "ofthe" stands for a determiner that is also a link preposition ("du", "del")
  EXPECT_EQ(code("The president ofthe party decried Arnor."), (V{"---GOV ARN 111"}));
  EXPECT_EQ(code("Gondor ofthe party supports Arnor."), (V{"GON ARN 051"}));
  // a determiner after a link preposition: "de los presos denunciaron"
  EXPECT_EQ(code("The president of the party decried Arnor."), (V{"---GOV ARN 111"}));
  // an adjective between keeps the noun reading ("du nouveau soutien"): no default code
  EXPECT_EQ(code("Gondor ofthe new supports Arnor."), V{});
}

TEST_F(NativeCoder, TwoMembersOfOneCodeMakeOneEvent) {
  // "Mattis and Tillerson voiced support for NATO": one event, not two with one id
  EXPECT_EQ(code("Aragorn and Rose May supported Arnor."), (V{"GONELI ARN 051", "GONGOV ARN 051"}));
  EXPECT_EQ(code("Aragorn and Aragorn supported Arnor."), (V{"GONELI ARN 051"}));
}

TEST_F(NativeCoder, AMutualActOfACompoundLiesBetweenItsMembersNotWithAFarActor) {
  // the actor far after the verb belongs to another phrase
  EXPECT_EQ(code("Gondor and Arnor renewed ties over the long weekend after talks on Rohan."),
            (V{"ARN GON 050", "GON ARN 050"}));
  // close by, it is the target
  EXPECT_EQ(code("Gondor and Arnor renewed ties with Rohan."), (V{"ARN ROH 050", "GON ROH 050"}));
}

TEST_F(NativeCoder, WhoReportsAnEventIsNotItsSource) {
  // the actor right after a report cue is who says so (the attribution), not the subject
  auto r = run("According to Rohan, the president criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "---GOV");
  EXPECT_EQ(r.events[0].target.code, "ARN");
  EXPECT_EQ(r.events[0].modality, Modality::reported);
  EXPECT_EQ(r.events[0].attribution, "ROH (Rohan)");
}

TEST_F(NativeCoder, APlaceIsNoSubject) {
  // "the crisis in Ukraine has forced the EU": an actor after a place preposition is where,
  // not who
  EXPECT_EQ(code("The crisis in Rohan criticized Arnor."), V{});
  EXPECT_EQ(code("In Rohan, Gondor criticized Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, ANameTheDictionariesDoNotHoldTakesTheArticlesHomeCountry) {
  // the test language lists a name particle: runs of capitalised unknown words are names
  auto r = run("Gondor voted. Gondor counted. Bilbo Baggins criticized Arnor.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source.code, "GON");
  EXPECT_EQ(r.events[0].source.text, "Bilbo Baggins");
  EXPECT_TRUE(r.events[0].source.country_inferred);
  // a particle inside the name
  EXPECT_EQ(run("Gondor voted. Gondor counted. Frodo de Baggins criticized Arnor.").events.at(0).source.text,
            "Frodo de Baggins");
  // no home country: no event
  EXPECT_EQ(code("Gondor voted. Rohan counted. Bilbo Baggins criticized Arnor."), V{});
  // words the language knows name an institution, not a person
  EXPECT_EQ(code("Gondor voted. Gondor counted. Harbour Guild criticized Arnor."), V{});
  // a word the lexicon reads as a proper noun is part of a name, not a word the language knows
  EXPECT_EQ(code("Gondor voted. Gondor counted. Harbour Baggins criticized Arnor."), (V{"GON ARN 111"}));
  // a name after a link preposition is a complement
  EXPECT_EQ(code("Gondor voted. Gondor counted. Rohan condemned the death of Bilbo Baggins."), V{});
  // two different people of the home country are a domestic dyad
  EXPECT_EQ(code("Gondor voted. Gondor counted. Bilbo Baggins criticized Samwise Gamgee."), (V{"GON GON 111"}));
  // one word alone is no name
  EXPECT_EQ(code("Gondor voted. Gondor counted. Baggins criticized Arnor."), V{});
}

TEST_F(NativeCoder, APassiveHomeActWithNoDoerNamedIsTheStateWhereItHappened) {
  // "[CODE home]" in the passive with no doer: the state of the place, else the target's own
  EXPECT_EQ(implied("Two Gondorian envoys were decried in Rohan."), (V{"ROH* GON 111"}));
  EXPECT_EQ(code("Two Gondorian envoys were decried."), (V{"GON GON 111"}));
  // a doer named by words no dictionary holds is still a doer
  EXPECT_EQ(code("Two Gondorian envoys were decried by the crowd."), V{});
  // without `home`, the passive with no doer codes nothing
  EXPECT_EQ(code("Two Gondorian envoys were criticized."), V{});
}

TEST_F(NativeCoder, AnUnknownDoersViolenceIsAimedAtItsTargetOrWhereItHappened) {
  // "[CODE unknown]": an event noun whose doer is not named is done by "---"
  EXPECT_EQ(code("An assault on Gondorian troops."), (V{"--- GONMIL 180"}));
  // with no target, at the country where it happened, marked implied
  // (the source is not the clause's subject)
  EXPECT_EQ(implied("Aragorn spoke after the assault in Edoras."), (V{"--- ROH* 180"}));
  // no target and no place: no event
  EXPECT_EQ(code("Aragorn spoke after the assault."), V{});
  // ... unless the article's places lie in one country, and the sentence names no other:
  // the story's setting (two places at least, more than half of those named)
  EXPECT_EQ(implied("Riders gathered in Edoras. Edoras mourned. A rider spoke after the assault."),
            (V{"--- ROH* 180"}));
  EXPECT_EQ(implied("Riders gathered in Edoras. A rider spoke after the assault."), V{});
  // Aragorn is of Gondor: the assault may be Gondor's
  EXPECT_EQ(implied("Riders gathered in Edoras. Edoras mourned. Aragorn spoke after the assault."), V{});
  // an actor after "by" is no target, nor one past other words
  EXPECT_EQ(code("An assault by Gondor."), V{});
  EXPECT_EQ(code("An assault in Edoras shocked Aragorn."), (V{"--- ROH 180"}));
  // a foiled attack is none
  EXPECT_EQ(code("Arnor foiled an assault in Edoras."), V{});
  // the passive with no doer named; a doer in words no dictionary holds is still a doer
  EXPECT_EQ(code("Aragorn was murdered."), (V{"--- GONELI 186"}));
  EXPECT_EQ(code("Aragorn was murdered by the crowd."), V{});
  // a named doer keeps the ordinary reading
  EXPECT_EQ(code("Rohan murdered Aragorn."), (V{"ROH GONELI 186"}));
}

TEST_F(NativeCoder, AnEventNounAfterTheCodedVerbIsAnEventWhenItsDoerIsKnown) {
  // the clause's verb codes, and so does the doerless assault its object is blamed for
  EXPECT_EQ(code("Arnor condemned Rohan for the assault on Gondorian troops."),
            (V{"--- GONMIL 180", "ARN ROH 122"}));
  // a pattern that binds the noun's doer: two events, each with its own actors
  EXPECT_EQ(code("Arnor condemned Rohan's attacks on Gondor."), (V{"ARN ROH 122", "ROH GON 190"}));
  // a pattern that names both sides after the noun (`%`): an act between them
  EXPECT_EQ(code("Rohan criticized Aragorn over the cooperation between Gondor and Arnor."),
            (V{"ARN GON 060", "GON ARN 060", "ROH GONELI 111"}));
  // a noun whose doer no pattern names is what the verb is about, not an act of its own
  EXPECT_EQ(code("Arnor condemned Rohan for attacks on Gondor."), (V{"ARN ROH 122"}));
  // a noun before the verb's words does not come second ("the assault ... shocked")
  EXPECT_EQ(code("An assault in Edoras shocked Aragorn."), (V{"--- ROH 180"}));
}

TEST_F(NativeCoder, APlaceIsWhereTheDoerActedNotTheDoer) {
  // a pattern's `$` passes over an actor right after a place preposition
  EXPECT_EQ(code("Gondor troops in Rohan struck Arnor."), (V{"GONMIL ARN 190"}));
  EXPECT_EQ(code("Gondor struck Arnor."), (V{"GON ARN 190"}));
}

TEST_F(NativeCoder, APassiveCoercionNamingNoActorIsTheStateOfThePlaceOnSomeoneUnnamed) {
  // "six mineurs ont été interpellés à Cadix": the state where it happened, on "---"
  EXPECT_EQ(implied("Two men were detained in Edoras."), (V{"ROH* --- 173"}));
  // no place: no state to name
  EXPECT_EQ(code("Two men were detained."), V{});
  // a doer in words no dictionary holds
  EXPECT_EQ(code("Two men were detained by the crowd in Edoras."), V{});
  // an actor as the subject keeps it as the target
  EXPECT_EQ(code("Aragorn was detained in Edoras."), (V{"ROH GONELI 173"}));
  // only coercion: a home judgement in the passive on no actor is no event
  EXPECT_EQ(code("Two plans were decried in Edoras."), V{});
}

TEST_F(NativeCoder, ARelativeClauseBetweenCommasLendsNoSubjectToTheVerbAfterIt) {
  // "Kerry, who ran against Bush, praised Obama": the subject is Kerry, not Bush
  EXPECT_EQ(code("Aragorn, who lives near Arnor, condemned Rohan."), (V{"GONELI ROH 122"}));
  // a subject that is no actor: the relative clause still lends none
  EXPECT_EQ(code("A man, who lives near Arnor, condemned Rohan."), V{});
  // a verb after "and" may continue the relative clause: its subject is what it stands for
  EXPECT_EQ(code("Aragorn, who consulted Arnor, and condemned Rohan."), (V{"GONELI ARN 040", "GONELI ROH 122"}));
}

TEST_F(NativeCoder, AMeetingAtAPlaceIsAVisitOrAMeetingAtAThirdLocation) {
  // in the target's country the source visits (042) and the target hosts (043)
  EXPECT_EQ(code("Gondor consulted Rohan in Edoras."), (V{"GON ROH 042", "ROH GON 043"}));
  // in the source's country it hosts
  EXPECT_EQ(code("Rohan consulted Gondor in Edoras."), (V{"GON ROH 042", "ROH GON 043"}));
  // elsewhere, a meeting at a third location; a place is no target of a mutual act
  EXPECT_EQ(code("Gondor and Arnor consulted in Rohan."), (V{"ARN GON 044", "GON ARN 044"}));
  // no place right after the verb: a meeting
  EXPECT_EQ(code("Gondor consulted Arnor."), (V{"GON ARN 040"}));
}

TEST_F(NativeCoder, AFormWithAnActiveEndingAfterAPassiveAuxiliaryIsActive) {
  // English lists "ing": "Gondor is decrying Arnor" is active, "Arnor was decried" passive
  EXPECT_EQ(code("Gondor is decrying Arnor."), (V{"GON ARN 111"}));
  EXPECT_EQ(code("Gondor is criticizing Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, APersonPronounStandsForAPersonNotANewsOutlet) {
  // "il", "he" stand for the latest actor with a role, never a country alone nor an outlet
  EXPECT_EQ(code("Aragorn spoke to the Gondor Times. He decried Arnor."), (V{"GONELI ARN 111"}));
  EXPECT_EQ(code("Aragorn spoke in Rohan. He decried Arnor."), (V{"GONELI ARN 111"}));
}

TEST_F(NativeCoder, ARelativeClauseIsDoneByWhatItsPronounFollows) {
  // the actor the pronoun follows is the subject, not the subject of the clause before
  EXPECT_EQ(code("Arnor criticized Gondor, which attacked Rohan."), (V{"ARN GON 111", "GON ROH 190"}));
  // a pronoun after a noun that is no actor stands for no actor: no event, least of all Arnor's
  EXPECT_EQ(code("Arnor consulted a guild that attacked Rohan."), V{});
  // and the relative clause holds no target for the verb before it
  EXPECT_EQ(code("Arnor criticized a guild that supported Rohan."), V{});
  // nor does the chain of clauses that continues it
  EXPECT_EQ(code("Arnor criticized a guild that denied it, and kidnapped Gondorian troops."), V{});
  // a demonym right before the noun names the actor ("a Gondorian harbour that ...")
  EXPECT_EQ(code("Arnor consulted a Gondorian guild that attacked Rohan."), (V{"ARN GON 040", "GON ROH 190"}));
  // "that" after a verb opens what was said; the subject carries over as before
  EXPECT_EQ(code("Arnor said that kidnapped Rohan troops."), (V{"ARN ROHMIL 181"}));
}

TEST_F(NativeCoder, ANewsOutletSpeaksButDoesNotFight) {
  // a media source of an assault, a fight or a kidnapping has its actors wrong
  EXPECT_EQ(code("The Gondor Times attacked Arnor."), V{});
  EXPECT_EQ(code("The Gondor Times kidnapped Arnor's troops."), V{});
  // what a newspaper does: it criticizes
  EXPECT_EQ(code("The Gondor Times criticized Arnor."), (V{"GONMED ARN 111"}));
}

TEST_F(NativeCoder, AnOutletAfterAPlacePrepositionIsWhereTheWordsWereSaid) {
  // "a dénoncé sur RTL": no target; a home stance is aimed at the speaker's country
  EXPECT_EQ(implied("Aragorn decried in the Gondor Times."), (V{"GONELI GON* 111"}));
  EXPECT_EQ(code("Aragorn decried the Gondor Times."), (V{"GONELI GONMED 111"}));
}

TEST_F(NativeCoder, TalkingToTheNewsIsNoConsultation) {
  // "officials who spoke to Reuters": news gathering, not a meeting between actors
  EXPECT_EQ(code("Arnor consulted the Gondor Times."), V{});
  EXPECT_EQ(code("Arnor consulted Gondor."), (V{"ARN GON 040"}));
  // the newspaper may still be criticized
  EXPECT_EQ(code("Arnor criticized the Gondor Times."), (V{"ARN GONMED 111"}));
}

TEST_F(NativeCoder, WhatIsSaidHasItsOwnSubject) {
  // "Yemeni officials say al-Qaida militants have seized": no "that", and the subject of what
  // is said stands after the speech verb
  EXPECT_EQ(code("The Arnor government says Gondor attacked Rohan."), (V{"GON ROH 190"}));
  // with no actor after it, the speaker stays the subject
  EXPECT_EQ(code("The Arnor government says it attacked Rohan."), (V{"ARNGOV ROH 190"}));
}

TEST_F(NativeCoder, ADateSetOffByCommasIsTransparent) {
  // "a reçu, vendredi 17 mars, Angela Merkel": the date stands between the verb and its target
  EXPECT_EQ(code("Gondor criticized, on Monday, Arnor."), (V{"GON ARN 111"}));
  EXPECT_EQ(code("Gondor criticized, Monday 17 March, Arnor."), (V{"GON ARN 111"}));
  // a comma clause that is more than a date still separates them
  EXPECT_EQ(code("Gondor criticized, as the guild said, Arnor."), V{});
}

TEST_F(NativeCoder, AVerbWithASubjectOfItsOwnBorrowsNone) {
  // "after Remainers seized control of Parliament": the subject is there, only not an actor
  EXPECT_EQ(code("Arnor criticized Gondor, after Remainers attacked Rohan."), (V{"ARN GON 111"}));
  // with none of its own, the verb takes the subject of the clause before
  EXPECT_EQ(code("Arnor criticized Gondor, and attacked Rohan."), (V{"ARN GON 111", "ARN ROH 190"}));
}

TEST_F(NativeCoder, TheTwoCountriesAreTheLastTwoNamed) {
  // the sentence before names them
  EXPECT_EQ(code("Gondor criticized Arnor. The two countries renewed ties."), (V{"ARN GON 050", "GON ARN 050", "GON ARN 111"}));
  // the sentence itself names them
  EXPECT_EQ(code("After Gondor criticized Arnor, the two countries renewed ties."),
            (V{"ARN GON 050", "GON ARN 050", "GON ARN 111"}));
  // one of the two acting on the pair: which of them is meant is not known
  EXPECT_EQ(code("Gondor criticized Arnor. Rohan criticized the two countries."), (V{"GON ARN 111"}));
  // with one country named before, "the two countries" stands for no one
  EXPECT_EQ(code("Gondor troops marched. The two countries renewed ties."), V{});
}

TEST_F(NativeCoder, ASubjectSetOffByAnInsertIsTheVerbsOwn) {
  // "La ministre du Travail, secouée par des révélations, démissionne": the subject's clause
  // holds no verb, so the subject is the verb's own and a home act aims at home
  EXPECT_EQ(implied("The Gondor government, shaken by the guild, resigned."), (V{"GONGOV GON* 0831"}));
  // a judgement too, when a clause stands between the subject and the verb
  EXPECT_EQ(implied("The Gondor government, shaken by the guild, decried the plan."), (V{"GONGOV GON* 111"}));
  // right after the subject's comma, the verb is the insert itself, a participle: no judgement
  EXPECT_EQ(implied("The Gondor government, decried after the vote, resigned."), (V{"GONGOV GON* 0831"}));
  // a subject whose clause has a verb of its own is borrowed by the verb after it: no home act
  EXPECT_EQ(code("The Gondor government criticized Arnor, and resigned."), (V{"GONGOV ARN 111"}));
  // "Gilles Pennelle, président du groupe FN, dénonce un mépris": a noun phrase between commas
  // after another is an apposition, and the verb after it is the main verb: a judgement aims at
  // home. The apposition's actor, or the phrase it describes when only that one has a country
  EXPECT_EQ(implied("The Gondor government, the president, decried the plan."), (V{"GONGOV GON* 111"}));
  EXPECT_EQ(implied("Aragorn, the president, decried the plan."), (V{"GONELI GON* 111"}));
  EXPECT_EQ(implied("The president, Aragorn, decried the plan."), (V{"GONELI GON* 111"}));
}

TEST_F(NativeCoder, AnArticleStartsANounPhraseOfItsOwn) {
  // "Trudeau risked undermining the president": the agent after an article is no role of the
  // actor before it
  EXPECT_EQ(code("Arnor criticized Rohan gravely angering the president."), (V{"ARN ROH 111"}));
  // with only adjectives between, it is ("the Gondor new government")
  EXPECT_EQ(code("Arnor criticized the Rohan new government."), (V{"ARN ROHGOV 111"}));
}

TEST_F(NativeCoder, TheSpeakerAfterAQuotationIsNoOutletItWasSaidOn) {
  // "« ... », a déploré sur RFI le dirigeant syndical": the outlet after a preposition is
  // where it was said, neither speaker nor target
  EXPECT_EQ(code("\"The plan is a disgrace,\" decried on the Gondor Times the Arnor government."), (V{"ARNGOV ARN 111"}));
  // a speaker that is no actor is still the speaker: nothing in the quotation said it
  EXPECT_EQ(code("\"The Rohan troops are a disgrace,\" decried the old guild on the Gondor Times."), V{});
  // a speaker the dictionaries know, and a target named in the quotation
  EXPECT_EQ(code("\"The Rohan troops are a disgrace,\" decried the Arnor government."), (V{"ARNGOV ROHMIL 111"}));
}

TEST_F(NativeCoder, AnEventNounBeforeARoleModifiesIt) {
  // "the bombing suspects", "attack helicopters": people and things, not an act on them
  EXPECT_EQ(code("Gondor saw the bombing troops."), V{});
  // the act on an actor stays
  EXPECT_EQ(code("Gondor saw the bombing of Arnor."), (V{"GON ARN 195"}));
}

TEST_F(NativeCoder, APatternsOnlyVerbCodesOnlyWhereItsPatternMatches) {
  // a word of blame in the quotation, then "said": the speaker after the verb, the target named
  // in the quotation, else the speaker's own country
  EXPECT_EQ(code("\"The plan is shameful,\" said the Arnor government."), (V{"ARNGOV ARN 111"}));
  EXPECT_EQ(code("\"The Rohan troops are a disgrace,\" said the Arnor government."), (V{"ARNGOV ROHMIL 111"}));
  // the speaker bound before the verb: the quotation still holds the target, and what follows
  // the verb is where it was said
  EXPECT_EQ(code("\"The Rohan troops are a disgrace,\" the Arnor government said to Gondor."), (V{"ARNGOV ROHMIL 111"}));
  // no pattern, no event: "said" codes nothing by itself
  EXPECT_EQ(code("\"The plan is fine,\" said the Arnor government."), V{});
}

TEST_F(NativeCoder, APatternsOnlyVerbIsNoVerbWhereItsPatternDoesNotMatch) {
  // "said" is no verb of the clause before "criticized", which borrows that clause's subject:
  // Rose May, not Aragorn (as an ordinary verb, "said" would end the subject at Aragorn)
  EXPECT_EQ(code("Aragorn said Rose May condemned Arnor, criticized Rohan."), (V{"GONGOV ARN 122", "GONGOV ROH 111"}));
}

TEST_F(NativeCoder, ASubjectPronounJoinedToTheAuxiliaryIsSeenThrough) {
  // "« ... », a-t-il déploré": the pattern `,_"_HAS_*` matches across "-he", and the pronoun
  // stands for the previous sentence's actor (the verb has no default code: only the pattern
  // codes it)
  EXPECT_EQ(code("The Arnor government met. \"The plan is a disgrace,\" has-he deplored."), (V{"ARNGOV ARN 111"}));
}

TEST_F(NativeCoder, AReflexivePronounBeforeThePassiveAuxiliaryKeepsTheVerbActive) {
  // the passive: the subject undergoes the act
  EXPECT_EQ(code("Arnor was criticized by Gondor."), (V{"GON ARN 111"}));
  // as French "s'est indigné": after a reflexive pronoun the same auxiliary makes an active
  // past, and the subject is the one who acts
  EXPECT_EQ(code("Arnor se was criticized Gondor."), (V{"ARN GON 111"}));
  EXPECT_NE(code("Arnor was criticized Gondor."), (V{"ARN GON 111"}));
}

TEST_F(NativeCoder, AVerbWhosePastTakesThePassiveAuxiliaryStaysActive) {
  // as French "est arrivé à Moscou": the auxiliary makes the past of "arrive", not a passive
  EXPECT_EQ(code("Gondor was arrived to Arnor."), (V{"GON ARN 042"}));
  // a verb not so listed reads as a passive
  EXPECT_NE(code("Gondor was criticized to Arnor."), (V{"GON ARN 111"}));
}

TEST_F(NativeCoder, ADroppedSubjectIsThePersonWhoActedBefore) {
  // as Spanish "Por ello, criticó a X": a verb with nothing but a lead-in before it has the
  // subject a person pronoun would have
  EXPECT_EQ(code("The president of Gondor spoke. Then criticized Arnor."), (V{"GONGOV ARN 111"}));
  // a place is not that person: Aragorn spoke in Rohan, and Aragorn criticized Arnor
  EXPECT_EQ(code("Aragorn spoke in Rohan. Then criticized Arnor."), (V{"GONELI ARN 111"}));
  // a form that takes no dropped subject (here "-ing") stays without one
  EXPECT_EQ(code("The president of Gondor spoke. Then criticizing Arnor."), V{});
  // a noun before the verb is its own subject, not a dropped one
  EXPECT_EQ(code("The president of Gondor spoke. Then harbour criticized Arnor."), V{});
}

TEST_F(NativeCoder, AVerbFormAfterAnAuxiliaryIsAVerbNotANoun) {
  // "le candidat a reçu", "l'a félicité": the determiner before is no article of the form
  EXPECT_EQ(code("Gondor said that the leader has criticized Arnor."), (V{"GON ARN 111"}));
  // and the auxiliary does not hide the verb's own subject, a name that is no actor: Gondor
  // did not criticize Arnor
  EXPECT_EQ(code("Gondor said that Remainers have criticized Arnor."), V{});
}

TEST_F(NativeCoder, APronounStandsForTheLatestPersonEvenOneTheDictionariesDoNotHold) {
  // "He" is Frodo Baggins, named last; he is no actor of the dictionaries, so the event is
  // Gondor's (the article's home country), not Aragorn's
  EXPECT_EQ(code("Aragorn spoke in Gondor. Frodo Bagginz spoke. He criticized Arnor."), (V{"GON ARN 111"}));
  EXPECT_EQ(code("Aragorn spoke in Gondor. He criticized Arnor."), (V{"GONELI ARN 111"}));
}
