// dyad's own language packs (data/) on sentences written for these tests: the constructions a
// pack's dictionaries are meant to code, each checked by hand. A failure means a dictionary or
// engine change broke something an analyst relies on.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dyad/dyad.h"

using namespace dyad;

namespace {

using V = std::vector<std::string>;

class OwnPacks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions opt;
    opt.data_dir = DYAD_SOURCE_DIR "/data";
    opt.cache = false;
    engine_ = std::move(Engine::open(opt).value());
  }
  // "SOURCE TARGET CODE", an implied side marked '*'
  static V code(const std::string& lang, const std::string& text) {
    Doc d{.id = "t", .lang = lang, .date = "2019-05-01", .text = text};
    auto r = engine_->code(d);
    EXPECT_TRUE(r.has_value()) << text;
    V out;
    if (r)
      for (const auto& e : r->events)
        out.push_back(e.source.code + (e.source.implied ? "*" : "") + " " + e.target.code + (e.target.implied ? "*" : "") +
                      " " + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }
  // The events of one document of that date (the test fails when coding fails).
  static std::vector<Event> events(const std::string& lang, const std::string& date, const std::string& text) {
    Doc d{.id = "t", .lang = lang, .date = date, .text = text};
    auto r = engine_->code(d);
    EXPECT_TRUE(r.has_value()) << text;
    return r ? r->events : std::vector<Event>{};
  }
  static std::unique_ptr<Engine> engine_;
};
std::unique_ptr<Engine> OwnPacks::engine_;

TEST_F(OwnPacks, AnEventNounNamingItsDoerIsCodedBesideTheVerbOfItsClause) {
  EXPECT_EQ(code("en", "NATO chief Jens Stoltenberg condemns Russia's incursion into Turkish airspace."),
            (V{"IGOWSTNAT RUS 111", "RUS TUR 190"}));
  EXPECT_EQ(code("en", "Iraq's prime minister condemned U.S. air strikes on Iraqi military bases."),
            (V{"IRQGOV USA 111", "USA IRQMIL 195"}));
  const V fr = code("fr", "Paris a dénoncé l'offensive lancée par la Turquie contre les Kurdes en Syrie.");
  EXPECT_NE(std::find(fr.begin(), fr.end(), "TUR KUR 190"), fr.end());
  // the noun is an event of its own inside the words of a pattern of the verb that reach its
  // doer ("dénonce la politique menée par le gouvernement")
  EXPECT_NE(std::find(fr.begin(), fr.end(), "FRAGOV TUR 111"), fr.end());
  EXPECT_EQ(code("es", "El Kremlin respondió a las amenazas estadounidenses contra Irán."), (V{"USA IRN 130"}));
  EXPECT_EQ(code("es", "La ayuda mexicana a Cuba llegó tras el huracán."), (V{"MEX CUB 070"}));
}

TEST_F(OwnPacks, AnEnglishTitleIsPartOfTheNameAPatternReaches) {
  // "urged Mrs. Merkel to": the title and its dot belong to the person's mention
  EXPECT_EQ(code("en", "French Prime Minister Jean-Marc Ayrault urged Mrs. Merkel to avoid simplistic talk."),
            (V{"FRAGOV DEUGOV 020"}));
}

TEST_F(OwnPacks, DomesticStancesWithNoTargetAreAimedAtHome) {
  EXPECT_EQ(code("fr", "Jean-Luc Mélenchon a fait part de son indignation."), (V{"FRAOPP FRA* 111"}));
  // another's anger reported is no act of the reporter
  EXPECT_EQ(code("fr", "Le Canard enchaîné fait part de la colère du président."), V{});
  EXPECT_EQ(code("fr", "Bakou bénéficie du soutien d'Ankara."), (V{"TURGOV AZEGOV 051"}));
}

TEST_F(OwnPacks, DoerlessViolenceWithNoPlaceIsWhereTheArticlesPlacesLie) {
  EXPECT_EQ(code("es", "Hubo disparos en Acapulco. La policía de Acapulco y la de Chilpancingo patrullan las calles. "
                       "Los secuestros se han disparado por todo el sur."),
            (V{"--- MEX* 181"}));
  // one place named: no setting to stand in
  EXPECT_EQ(code("es", "Hubo disparos en Acapulco. Los secuestros se han disparado por todo el sur."), V{});
}

TEST_F(OwnPacks, ASubordinateClauseHasItsOwnSubject) {
  // "after X invaded": X is the invader, not the actor the sentence opened with
  EXPECT_EQ(code("en", "It worked to Thatcher's advantage after Argentina invaded the Falkland Islands."),
            (V{"ARG FLK 192"}));
  EXPECT_EQ(code("en", "Lebanon protested when Israeli jets struck Syria."), (V{"ISR SYR 195"}));
  // with none of its own, it has the subject of the clause before, a pronoun's included (in
  // 2019 both are former office holders)
  EXPECT_EQ(code("en", "Hillary Clinton arrived in Kabul. She spoke to reporters after talks with Hamid Karzai."),
            (V{"USAELI AFGELI 040", "USAELI AFGGOV 042"}));
}

TEST_F(OwnPacks, AnOfficeWithNoCountryIsTheActorNamedWithThatTitle) {
  // an article with no home country: "the president" is the one named "President ..." before
  EXPECT_EQ(code("en", "President Trump spoke with Israeli Prime Minister Benjamin Netanyahu in Jerusalem. Later "
                       "the president urged Israelis to look at the world through Palestinian eyes."),
            (V{"ISRGOV USAGOV 043", "USAGOV ISR 020", "USAGOV ISRGOV 042"}));
  // never the actor on the other side: "the president" who meets President Xi is not Xi
  EXPECT_EQ(code("en", "President Xi Jinping met Japanese Prime Minister Shinzo Abe and Indian Prime Minister Narendra "
                       "Modi. The president met with Xi in Osaka."),
            (V{"---GOV CHNGOV 040", "CHNGOV INDGOV 040", "CHNGOV JPNGOV 040"}));
}

TEST_F(OwnPacks, AParticipleWithItsDoerAfterByIsPassive) {
  // no auxiliary: "imprisoned by North Korea", "occupied by Israel" still name the doer after "by"
  EXPECT_EQ(code("en", "Trump welcomed three Americans imprisoned by North Korea."), (V{"PRK USA 173"}));
  EXPECT_EQ(code("en", "The Palestinians claim East Jerusalem, occupied by Israel in the 1967 war."), (V{"ISR PSE 192"}));
  // a determiner before the doer, a time word before "par"
  EXPECT_EQ(code("en", "A Jordanian pilot taken hostage by the Islamic State was killed."), (V{"IMGMOSISI JOR 181"}));
  EXPECT_EQ(code("fr", "L'Italie a pris des mesures saluées vendredi par l'OMS."), (V{"IGOUNOHLHWHO ITA 051"}));
}

TEST_F(OwnPacks, TheObjectBeforeAnInfinitiveIsItsSubject) {
  // "authorized the Pentagon to send": the Pentagon sends the troops
  EXPECT_EQ(code("en", "Obama authorized the Pentagon to send 450 troops to Iraq."), (V{"USAMIL IRQ 154"}));
  // a place after a preposition is no object
  EXPECT_EQ(code("en", "Putin travelled to Ankara to meet Erdogan."), (V{"RUSGOV TURGOV 042"}));
}

TEST_F(OwnPacks, AVerbInsideAQuotationIsDoneByTheSpeakerNamedAfterIt) {
  // the quotation opens the sentence: its speaker is named after it, not the first actor
  // inside it after the verb
  EXPECT_EQ(code("en", "\"We condemn the Russian aggression against Ukraine,\" Trump said."), (V{"USAGOV RUS 111"}));
  EXPECT_EQ(code("en", "\u201cI call on President Putin to withdraw,\u201d Trump said."), (V{"USAGOV RUSGOV 0256"}));
}

TEST_F(OwnPacks, ACountBeforeTheNounAPatternNamesIsReadThrough) {
  // "livré 50 drones": the count stands between the verb and the aid its pattern names
  EXPECT_EQ(code("fr", "La Russie a livré 50 drones au Venezuela."), (V{"RUS VEN 072"}));
  EXPECT_EQ(code("fr", "La Russie a livré 70 millions de cartouches au Venezuela."), (V{"RUS VEN 072"}));
  EXPECT_EQ(code("en", "Russia delivered 50 drones to Venezuela."), (V{"RUS VEN 072"}));
  EXPECT_EQ(code("es", "Rusia entregó 50 drones a Venezuela."), (V{"RUS VEN 072"}));
  // a year is no count: the pattern's noun must follow the verb
  EXPECT_EQ(code("fr", "La Russie a livré 2019 drones au Venezuela."), (V{}));
}

TEST_F(OwnPacks, AWordAPatternSkipsOpensNoOtherClause) {
  // '*_^_+': the word skipped before the target is no "and", "after", "which": past it lies
  // another clause, whose actor is not the target ("expelled and Russia's consulate")
  EXPECT_EQ(code("en", "In March 60 Russian diplomats were expelled and Russia's consulate in Seattle was closed."), (V{}));
}

TEST_F(OwnPacks, AnActorAndAVerbAfterAndOpenANewClause) {
  // "et la Russie a critiqué": the second verb has its own subject, three words after "et"
  EXPECT_EQ(code("fr", "La France a condamné l'Iran et la Russie a critiqué Washington."),
            (V{"FRA IRN 111", "RUS USAGOV 111"}));
  // an actor before "and" with no verb before it begins a compound subject
  EXPECT_EQ(code("en", "Russia and China have criticized the United States."), (V{"CHN USA 111", "RUS USA 111"}));
}

TEST_F(OwnPacks, HeStandsForTheDoerOfTheSentenceBefore) {
  // the person who acted before, not the last person named: Trump praised Abe, not Putin
  EXPECT_EQ(code("en", "President Trump criticized Vladimir Putin on Monday. He also praised Shinzo Abe."),
            (V{"USAGOV JPNGOV 051", "USAGOV RUSGOV 111"}));
}

TEST_F(OwnPacks, TheMediumToldIsNoSubjectLentToALaterVerb) {
  // "told The Associated Press that ...": the news agency is the object of "told", not the one
  // who prepares to visit
  EXPECT_EQ(code("en", "Abedi's father told The Associated Press that his son was in Libya a month ago and was "
                       "preparing to visit Saudi Arabia."),
            (V{}));
}

TEST_F(OwnPacks, ACapitalisedMonthIsNoModal) {
  // "in May," is a date: the visit happened, it is no supposition
  bool visit = false;
  for (const auto& e : events("en", "2017-06-01", "During a visit to NATO's Brussels headquarters in May, Trump berated some members."))
    if (e.code == "042") {
      visit = true;
      EXPECT_EQ(e.modality, Modality::fact);
    }
  EXPECT_TRUE(visit);
}

TEST_F(OwnPacks, ASubordinatorOpensAClauseWithItsOwnSubject) {
  // "when the family had arrived": the family arrived, not the officials before "when"
  EXPECT_EQ(code("en", "Hungarian officials said nothing when the family had arrived in Austria."), (V{}));
  // an actor after the subordinator is that clause's subject
  EXPECT_EQ(code("en", "Obama criticized Putin after Russia annexed Crimea."), (V{"RUS UKR 192", "USAELI RUSGOV 111"}));
}

TEST_F(OwnPacks, ADatelineWithItsCountryCodesNothing) {
  // "RIYADH, Saudi Arabia —": the country after the city is the dateline's, not a subject
  EXPECT_EQ(code("en", "RIYADH, Saudi Arabia \u2014 King Salman greeted President Trump at the airport."),
            (V{"SAUGOV USAGOV 043", "USAGOV SAUGOV 042"}));
}

TEST_F(OwnPacks, AParticipleAfterAQuotationIsNoIncise) {
  // "taclant Alain Juppé": Sarkozy, who spoke of "l'identité française", criticised Juppé,
  // not the other way round
  EXPECT_EQ(code("fr", "Alors que Nicolas Sarkozy défendait la semaine dernière \"l'identité française\", taclant au "
                       "passage Alain Juppé, le maire de Bordeaux a répondu."),
            (V{"FRAELI FRAJUD 111"}));  // in 2019 Juppé sits on the Conseil constitutionnel
  const auto ev = events("fr", "2016-08-30", "Nicolas Sarkozy défendait \"l'identité française\", taclant au passage Alain Juppé.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.text, "Nicolas Sarkozy");
  EXPECT_EQ(ev[0].target.text, "Alain Juppé");
}

TEST_F(OwnPacks, AHeadingInCapitalsIsASentenceOfItsOwn) {
  // the heading's "DOIT" is no modal of the sentence glued after it
  const auto ev = events("fr", "2016-08-30",
                         "\"NOTRE VIGILANCE DOIT \u00caTRE ADAPT\u00c9E SANS D\u00c9LAI\"Nicolas Sarkozy a "
                         "r\u00e9clam\u00e9 une attention plus accrue au gouvernement.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) {
    EXPECT_EQ(e.modality, Modality::fact) << e.code;
    EXPECT_EQ(e.sentence.find("VIGILANCE"), std::string::npos) << e.sentence;
  }
}

TEST_F(OwnPacks, AnEventNounCutOrRejectedByTheWordsAroundItIsNoEvent) {
  // "cutting U.S. military aid to Israel": a cut proposed, no aid given
  EXPECT_EQ(code("en", "Sanders suggested cutting U.S. military aid to Israel."), (V{"USAGOV ISR 1622"}));
}

TEST_F(OwnPacks, AReportingConditionalTellsOfItsOwnClauseOnly) {
  // "qu'il aurait menées" reports the missions, not the demand made of him
  const auto ev = events("fr", "2018-12-27",
                         "La ministre de la Justice a exig\u00e9 du pr\u00e9fet de police qu'il s'explique sur des "
                         "missions qu'il aurait men\u00e9es.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_EQ(e.modality, Modality::fact) << e.code;
}

TEST_F(OwnPacks, AQuestionOfIntentionIsASupposition) {
  // "Will Trump meet Putin?" announces nothing: a question, whatever "will" says
  const auto ev = events("en", "2018-07-01", "Will Trump meet Putin?");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_EQ(e.modality, Modality::hypothetical) << e.code;
}

TEST_F(OwnPacks, TheAgentOfANameHeldAsNoActorIsNoActor) {
  // "los expresidentes de América Latina" are of no country, not of the article's home
  EXPECT_EQ(code("es", "Los expresidentes de Am\u00e9rica Latina criticaron al gobierno de M\u00e9xico."), (V{}));
}

}  // namespace
