// The times stage on short French texts, through the whole pipeline, and the
// scorers' translations of the peers' values.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "veille/pipeline.h"
#include "veille/times.h"

namespace veille {
namespace {

Article Analyse(const std::string& text, const std::string& published = "") {
  static auto pipeline = [] {
    Options options;
    options.tagger_model = "none";
    options.knowledge_base = "none";
    options.quotes = false;
    return std::move(Pipeline::Create(options)).value();
  }();
  Article article;
  article.source.path = "test";
  article.source.format = "text";
  if (!published.empty()) article.source.published = published;
  article.raw = text;
  pipeline->Run(article);
  return article;
}

// "text|value" for every expression; "|mod" and "|anchor" when asked.
std::vector<std::string> Times(const std::string& text, const std::string& published = "",
                               bool details = false) {
  Article a = Analyse("Titre\n\n" + text + "\n", published);
  std::vector<std::string> out;
  for (const TimeExpr& t : a.times) {
    std::string line = std::string(a.RawView(t.raw)) + "|" + t.value;
    if (details) line += "|" + t.granularity + "|" + t.mod + "|" + std::string(TimeAnchorName(t.anchor));
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(TimesTest, WordsThatOnlyLookLikeDates) {
  // "Je" is no jeudi, "sa" no samedi, "Mai" a name, "mars" a planet, "le
  // premier ministre" no first of the month.
  EXPECT_EQ(Times("Je lui ai dit que sa soeur viendrait."), Lines{});
  EXPECT_EQ(Times("Le journaliste Mai Tran a rencontré le premier ministre."), Lines{});
  EXPECT_EQ(Times("Une sonde tourne autour de mars depuis longtemps."), Lines{});
  EXPECT_EQ(Times("Le 5 000e visiteur est venu, soit 5 % de plus."), Lines{});
}

TEST(TimesTest, AbsoluteDatesInEveryCommonForm) {
  EXPECT_EQ(Times("Le 5 janvier 2022, le 05/01/2022, le 2022-01-05 et le 1er mai 2021."),
            (Lines{"5 janvier 2022|2022-01-05", "05/01/2022|2022-01-05", "2022-01-05|2022-01-05",
                   "1er mai 2021|2021-05-01"}));
  EXPECT_EQ(Times("Lundi 3 janvier 2022 à 14 h 30."), Lines{"Lundi 3 janvier 2022 à 14 h 30|2022-01-03T14:30"});
  EXPECT_EQ(Times("Il est arrivé en 2019."), Lines{"2019|2019"});
  EXPECT_EQ(Times("Le 31 février 2022 n'existe pas, ni le 99 janvier."), Lines{});
}

TEST(TimesTest, PartialDatesTakeTheirYearFromTheAnchor) {
  // From the article's date: a date without a tense is the next one, one
  // told in the past the last one.
  EXPECT_EQ(Times("Le sommet aura lieu le 5 mars.", "2022-01-10", true),
            Lines{"5 mars|2022-03-05|day||published"});
  EXPECT_EQ(Times("Le sommet a eu lieu le 5 décembre.", "2022-01-10", true),
            Lines{"5 décembre|2021-12-05|day||published"});
  // Nothing to take the year from: left open, never guessed.
  EXPECT_EQ(Times("Le sommet a eu lieu le 5 décembre.", "", true),
            Lines{"5 décembre|XXXX-12-05|day||none"});
}

TEST(TimesTest, RelativeDatesCountFromThePublicationDate) {
  // 2022-01-12 is a Wednesday.
  EXPECT_EQ(Times("Hier, avant-hier, demain soir, il y a trois jours, dans deux semaines.", "2022-01-12"),
            (Lines{"Hier|2022-01-11", "avant-hier|2022-01-10", "demain soir|2022-01-13TEV",
                   "il y a trois jours|2022-01-09", "dans deux semaines|2022-W04"}));
  EXPECT_EQ(Times("La semaine dernière, puis lundi dernier, il a parlé.", "2022-01-12"),
            (Lines{"La semaine dernière|2022-W01", "lundi dernier|2022-01-10"}));
  EXPECT_EQ(Times("Il viendra lundi prochain.", "2022-01-12"), Lines{"lundi prochain|2022-01-17"});
}

TEST(TimesTest, TheStorysOwnDatesAnchorWhatFollows) {
  EXPECT_EQ(Times("Le 5 janvier 2022, il est parti. Le lendemain, il est revenu. La veille au soir, "
                  "il avait dîné. Le même jour, il a écrit.",
                  "", true),
            (Lines{"5 janvier 2022|2022-01-05|day||absolute", "Le lendemain|2022-01-06|day||text",
                   "La veille au soir|2022-01-05TEV|part of day||text",
                   "Le même jour|2022-01-05|day||text"}));
  EXPECT_EQ(Times("Dans la nuit du 6 janvier 2022, ils ont tiré. La même nuit, ils sont partis."),
            (Lines{"Dans la nuit du 6 janvier 2022|2022-01-06TNI", "La même nuit|2022-01-06TNI"}));
}

TEST(TimesTest, IntervalsAndLists) {
  EXPECT_EQ(Times("Du 4 au 6 janvier 2022, puis entre 2019 et 2021.", "2022-02-01"),
            (Lines{"Du 4 au 6 janvier 2022|2022-01-04/2022-01-06", "entre 2019 et 2021|2019/2021"}));
  EXPECT_EQ(Times("Les 4 et 5 janvier 2022, il a neigé."),
            (Lines{"4|2022-01-04", "5 janvier 2022|2022-01-05"}));
  EXPECT_EQ(Times("Ouvert de 14 h à 16 h le 22 avril 2022."),
            Lines{"de 14 h à 16 h le 22 avril 2022|2022-04-22T14:00/2022-04-22T16:00"});
}

TEST(TimesTest, VaguePeriodsCarryTheirMod) {
  EXPECT_EQ(Times("Début 2022, fin janvier 2021, mi-décembre 2020, au printemps 2019, dans les "
                  "années 1990 et au XXe siècle.",
                  "", true),
            (Lines{"Début 2022|2022|year|START|absolute", "fin janvier 2021|2021-01|month|END|absolute",
                   "mi-décembre 2020|2020-12|month|MID|absolute", "printemps 2019|2019-SP|season||absolute",
                   "années 1990|199|decade||absolute", "XXe siècle|19|century||absolute"}));
}

TEST(TimesTest, DurationsAndRecurrences) {
  Article a = Analyse("Titre\n\nIl a marché pendant trois jours et revient chaque lundi.\n");
  ASSERT_EQ(a.times.size(), 2u);
  EXPECT_EQ(a.times[0].type, TimeType::kDuration);
  EXPECT_EQ(a.times[0].value, "P3D");
  EXPECT_EQ(a.times[1].type, TimeType::kSet);
  EXPECT_EQ(a.times[1].value, "XXXX-WXX-1");
}

TEST(TimesTest, TheArticlesDateFromTheInputADatelineOrTheLatestDay) {
  Article given = Analyse("Titre\n\nHier, il a plu.\n", "2022-03-02");
  ASSERT_TRUE(given.published.has_value());
  EXPECT_EQ(given.published->evidence, "input");
  Article dateline = Analyse("Titre\n\n9 novembre 2012. - Hier, il a plu.\n");
  ASSERT_TRUE(dateline.published.has_value());
  EXPECT_EQ(dateline.published->value, "2012-11-09");
  EXPECT_FALSE(dateline.published->estimated);
  EXPECT_EQ(dateline.published->evidence, "dateline");
  ASSERT_EQ(dateline.times.size(), 2u);
  EXPECT_EQ(dateline.times[1].value, "2012-11-08");
  Article estimated = Analyse("Titre\n\nLe 3 mai 2021, il a plu. Le 4 mai 2021, aussi.\n");
  ASSERT_TRUE(estimated.published.has_value());
  EXPECT_EQ(estimated.published->value, "2021-05-04");
  EXPECT_TRUE(estimated.published->estimated);
  Article none = Analyse("Titre\n\nIl a plu.\n");
  EXPECT_FALSE(none.published.has_value());
}

TEST(TimesTest, PeriodsOfTheCalendar) {
  // 2022-01-12 is a Wednesday.
  EXPECT_EQ(Times("Au premier trimestre 2022, au deuxième semestre 2021, ce trimestre.", "2022-01-12"),
            (Lines{"premier trimestre 2022|2022-Q1", "deuxième semestre 2021|2021-H2", "ce trimestre|2022-Q1"}));
  EXPECT_EQ(Times("Au cours des trois derniers mois, et pour les 2 prochains jours.", "2022-01-12"),
            (Lines{"des trois derniers mois|2021-10/2021-12", "les 2 prochains jours|2022-01-13/2022-01-14"}));
  EXPECT_EQ(Times("La première semaine d'octobre 2014 et le dernier jour de février 2024."),
            (Lines{"La première semaine d'octobre 2014|2014-W41", "le dernier jour de février 2024|2024-02-29"}));
  EXPECT_EQ(Times("À Pâques 2018, puis à la Pentecôte 2018."),
            (Lines{"Pâques 2018|2018-04-01", "Pentecôte 2018|2018-05-20"}));
  EXPECT_EQ(Times("Entre janvier 2019 et aujourd'hui, la période 2014-2018.", "2022-01-12"),
            (Lines{"Entre janvier 2019 et aujourd'hui|2019-01/2022-01-12", "2014-2018|2014/2018"}));
}

TEST(TimesTest, NumbersApartAndHalvesOfMonths) {
  EXPECT_EQ(Times("Le 20 02 2014, puis le 17 02.", "2014-01-10"),
            (Lines{"20 02 2014|2014-02-20", "17 02|2014-02-17"}));
  // A telephone number is no date.
  EXPECT_EQ(Times("Appelez le 06 12 34 56 78."), Lines{});
  EXPECT_EQ(Times("Dans la seconde quinzaine de mars 2022.", "", true),
            Lines{"la seconde quinzaine de mars 2022|2022-03|month|END|absolute"});
}

TEST(TimesTest, HoursWrittenOtherWays) {
  EXPECT_EQ(Times("Il est parti à 15h passé de 15 minutes.", "2022-01-12"),
            Lines{"à 15h passé de 15 minutes|2022-01-12T15:15"});
  EXPECT_EQ(Times("Le magasin est ouvert demain jusqu'à 16h.", "2022-01-12"),
            Lines{"demain jusqu'à 16h|2022-01-13T00:00/2022-01-13T16:00"});
  EXPECT_EQ(Times("Rendez-vous vendredi quinze à 16h.", "2022-04-01"),
            Lines{"vendredi quinze à 16h|2022-04-15T16:00"});
  EXPECT_EQ(Times("Ouvert 11h30-13h30 et du 13-15 juillet 2022.", "2022-04-01"),
            (Lines{"11h30-13h30|2022-04-01T11:30/2022-04-01T13:30", "13-15 juillet 2022|2022-07-13/2022-07-15"}));
}

TEST(TimesTest, HoursFromTheTimeOfWriting) {
  // Midnight, written at 08:30 without a past tense, is tonight's.
  EXPECT_EQ(Times("Le couvre-feu commence à minuit.", "2022-01-12T08:30:00Z"),
            Lines{"à minuit|2022-01-13T00:00"});
  EXPECT_EQ(Times("Le couvre-feu a commencé à minuit.", "2022-01-12T08:30:00Z"),
            Lines{"à minuit|2022-01-12T00:00"});
  EXPECT_EQ(Times("Il y a deux heures, la police est arrivée.", "2022-01-12T08:30:00Z"),
            Lines{"Il y a deux heures|2022-01-12T06:30"});
  // Without the time of writing, left open.
  EXPECT_EQ(Times("Il y a deux heures, la police est arrivée.", "2022-01-12", true),
            Lines{"Il y a deux heures|XXXX-XX-XX|hour||none"});
}

TEST(TimesTest, AbsurdInputsGiveNothingInBoundedTime) {
  EXPECT_EQ(Times("Le 99 janvier et l'an 99999."), Lines{});
  // A construction that looks past the last word ("midi" then its minutes).
  Article at_the_end = Analyse("midi");
  EXPECT_EQ(at_the_end.times.size(), 1u);
  std::string digits(1 << 20, '7');
  EXPECT_EQ(Times(digits), Lines{});
  std::string mondays;
  for (int i = 0; i < 20000; ++i) mondays += "lundi ";
  Article a = Analyse("Titre\n\n" + mondays + "\n", "2022-01-12");
  EXPECT_FALSE(a.times.empty());
}

TEST(TimeScorerTest, DucklingValuesAsTimex) {
  EXPECT_EQ(DucklingTimex("datetime (2013, 2, 12, 4, 30, 0) Minute"), "2013-02-12T04:30");
  EXPECT_EQ(DucklingTimex("datetime (2013, 2, 12, 0, 0, 0) Day"), "2013-02-12");
  EXPECT_EQ(DucklingTimex("datetime (2013, 2, 18, 0, 0, 0) Week"), "2013-W08");
  EXPECT_EQ(DucklingTimex("datetimeInterval ((2013, 2, 12, 12, 0, 0), (2013, 2, 12, 19, 0, 0)) Hour"),
            "2013-02-12TAF");
  EXPECT_EQ(DucklingTimex("datetimeInterval ((2013, 2, 12, 18, 0, 0), (2013, 2, 13, 0, 0, 0)) Hour"),
            "2013-02-12TEV");
  EXPECT_EQ(DucklingTimex("datetimeInterval ((2013, 7, 13, 0, 0, 0), (2013, 7, 16, 0, 0, 0)) Day"),
            "2013-07-13/2013-07-15");
  EXPECT_EQ(DucklingTimex("datetimeInterval ((2013, 6, 21, 0, 0, 0), (2013, 9, 24, 0, 0, 0)) Day"), "2013-SU");
  EXPECT_EQ(DucklingTimex("NEGATIVE"), "");
  EXPECT_EQ(CanonicalTimex("2013-02-12T14:00"), "2013-02-12T14");
  EXPECT_EQ(CanonicalTimex("2013-02-12T14:00/2013-02-12T16:30"), "2013-02-12T14/2013-02-12T16:30");
}

// Both scorers on tiny corpora of their own formats, through a peer's
// predictions: spans located by text, values in a reference's cases only,
// open TIMEX ("XXXX-WXX-2", "TMO") matched on what they fix.
TEST(TimeScorerTest, ScoresPredictionsOnBothCorpora) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("veille-time-scorer-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  std::string duckling = write("time.tsv",
                               "hier\tdatetime (2013, 2, 11, 0, 0, 0) Day\n"
                               "cet après-midi\tdatetimeInterval ((2013, 2, 12, 12, 0, 0), (2013, 2, 12, 19, 0, 0)) Hour\n"
                               "deux trois minutes\tNEGATIVE\n");
  std::string recognizers = write(
      "model.json",
      "\xEF\xBB\xBF[{\"Input\": \"Je pars mardi matin\", \"Context\": {\"ReferenceDateTime\": \"2016-11-07T00:00:00\"},"
      " \"Results\": [{\"Text\": \"mardi matin\", \"Start\": 8, \"End\": 18, \"Resolution\": {\"values\":"
      " [{\"timex\": \"XXXX-WXX-2TMO\", \"type\": \"datetimerange\"}]}}]},"
      " {\"Input\": \"Il est venu en 2015\", \"Results\": [{\"Text\": \"2015\", \"Resolution\": {\"values\":"
      " [{\"timex\": \"2015\"}]}}]}]");
  std::string predictions = write(
      "peer.jsonl",
      "{\"corpus\":\"duckling\",\"case\":1,\"found\":[{\"start\":0,\"end\":4,\"value\":\"2013-02-11T00:00:00\",\"grain\":\"day\"}]}\n"
      "{\"corpus\":\"duckling\",\"case\":2,\"found\":[]}\n"
      "{\"corpus\":\"duckling\",\"case\":3,\"found\":[{\"start\":0,\"end\":4,\"value\":\"2013-02-12T04:32:00\",\"grain\":\"minute\"}]}\n"
      "{\"corpus\":\"recognizers\",\"case\":0,\"found\":[{\"start\":8,\"end\":13,\"value\":\"2016-11-08T00:00:00\",\"grain\":\"day\"}]}\n"
      "{\"corpus\":\"recognizers\",\"case\":1,\"found\":[{\"start\":0,\"end\":2,\"value\":\"2016-11-03T00:00:00\",\"grain\":\"day\"},"
      "{\"start\":15,\"end\":19,\"value\":\"2015-01-01T00:00:00\",\"grain\":\"year\"}]}\n"
      "{\"summary\":true,\"cases\":5,\"seconds\":0.5}\n");
  auto run = ScorePredictions(duckling, recognizers, predictions);
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->duckling.phrases, 3u);
  EXPECT_EQ(run->duckling.resolved, 1u);        // hier; nothing for the afternoon
  EXPECT_EQ(run->duckling.negatives_left, 0u);  // found something in a NEGATIVE phrase
  EXPECT_EQ(run->recognizers.gold_spans, 2u);
  EXPECT_EQ(run->recognizers.found_spans, 3u);
  EXPECT_EQ(run->recognizers.matched, 2u);      // "Il" (Je → jeudi) is no gold span
  EXPECT_DOUBLE_EQ(run->recognizers.recall, 1.0);
  EXPECT_NEAR(run->recognizers.precision, 2.0 / 3, 1e-9);
  EXPECT_EQ(run->recognizers.valued, 1u);       // only the case with a reference time
  EXPECT_EQ(run->recognizers.values_right, 0u); // a Tuesday, but not its morning
  EXPECT_EQ(run->cases, 5u);
  EXPECT_DOUBLE_EQ(run->seconds, 0.5);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace veille
