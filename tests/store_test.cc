// The archive, through the public API, on both backends: an SQLite file and a
// real PostgreSQL server that the test starts (tests/postgres_server.h).
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <thread>

#include "postgres_server.h"
#include "test_util.h"
#include "veille/ingest.h"
#include "veille/json.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille {
namespace {

using testing::PostgresServer;
using testing::TempDir;
using testing::TextIndexSegments;

// Analyses a plain-text article (title, blank line, paragraphs).
Article Analysed(const std::string& text, std::optional<std::string> url = std::nullopt,
                 std::optional<std::string> outlet = std::nullopt,
                 std::optional<std::string> published = std::nullopt,
                 bool knowledge_base = true) {
  static auto pipeline = std::move(Pipeline::Create(Options{})).value();
  static auto without_kb =
      std::move(Pipeline::Create(Options{.knowledge_base = "none"})).value();
  Article article;
  article.source.path = "test";
  article.source.format = "text";
  article.source.url = std::move(url);
  article.source.outlet = std::move(outlet);
  article.source.published = std::move(published);
  article.raw = text;
  (knowledge_base ? pipeline : without_kb)->Run(article);
  return article;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ = (dir_ / "archive.db").string();
    } else {
      std::string why;
      PostgresServer* server = PostgresServer::Shared(&why);
      if (!server) {
        if (std::getenv("CI")) FAIL() << why;
        GTEST_SKIP() << why;
      }
      url_ = server->NewDatabase();
    }
    store_ = Open();
  }

  std::unique_ptr<Store> Open() {
    auto store = Store::Open(url_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Ids of the articles a query finds, in order.
  std::vector<std::string> Find(const std::string& text, size_t limit = 50,
                                const std::string& knowledge_base = "") {
    auto query = ParseQuery(text);
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    if (!query.ok()) return {};
    auto result = store_->Search(*query, {.limit = limit, .knowledge_base = knowledge_base});
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    std::vector<std::string> ids;
    if (result.ok()) {
      for (const SearchHit& hit : result->hits) ids.push_back(hit.id);
    }
    return ids;
  }

  std::vector<std::string> Put(const std::vector<Article>& articles) {
    auto put = store_->Put(articles);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    std::vector<std::string> ids;
    for (const Article& a : articles) ids.push_back(a.id);
    return ids;
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

const char kSpecimenLike[] =
    "Des manifestants à Almaty\n\n"
    "Les manifestations de masse au Kazakhstan ont commencé au début de 2022.\n\n"
    "L'état d'urgence a été instauré au Kazakhstan.\n\n"
    "Rejoignez News-Front sur Facebook, GAB, Vkontakte, et Telegram\n";

TEST_P(StoreTest, PutIsIdempotent) {
  std::vector<Article> articles = {Analysed(kSpecimenLike),
                                   Analysed("Titre\n\nUn autre article sur la pêche.\n")};
  auto first = store_->Put(articles);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->inserted, 2u);
  auto second = store_->Put(articles);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->inserted, 0u);
  EXPECT_EQ(second->duplicates, 2u);
  EXPECT_EQ(*store_->Count(), 2u);
  // Reopening runs no migration twice.
  store_.reset();
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(*store_->Count(), 2u);
}

// File names and fields given by the input need not be UTF-8; PostgreSQL
// accepts only UTF-8 text, so they are repaired, and the raw bytes kept.
TEST_P(StoreTest, FieldsThatAreNotUtf8AreRepaired) {
  Article a = Analysed("Titre\n\nLe texte de l'article.\n");
  a.source.path = "archives/\xe9t\xe9.txt";   // a Latin-1 file name
  a.source.title = "Titre coup\xc3";            // cut in the middle of a character
  a.source.outlet = "Le \xff Journal";
  auto put = store_->Put(std::vector<Article>{a});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->inserted, 1u);
  auto stored = store_->Get(a.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->source.path, "archives/\uFFFDt\uFFFD.txt");
  EXPECT_EQ((*stored)->raw, a.raw);
}

TEST_P(StoreTest, ErrorRecordsAreNotStored) {
  Article broken;
  broken.source.path = "x";
  broken.AddError(StatusCode::kInvalidJson, "line 1: broken");
  auto put = store_->Put(std::vector<Article>{broken});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->rejected, 1u);
  EXPECT_EQ(*store_->Count(), 0u);
}

TEST_P(StoreTest, NewContentAtAUrlIsANewVersionKeptBesideTheOld) {
  Article v1 = Analysed("Titre\n\nLe ministre a démissionné mardi.\n", "https://x.fr/a");
  Article v2 = Analysed("Titre\n\nLe ministre a démissionné mardi soir.\n", "https://x.fr/a");
  Put({v1});
  auto put = store_->Put(std::vector<Article>{v2});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->versions, 1u);
  auto stored = store_->Get(v2.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->version, 2u);
  EXPECT_EQ((*stored)->previous_id, v1.id);
  auto old = store_->Get(v1.id);
  ASSERT_TRUE(old.ok() && old->has_value()) << "the old version is kept";
  // Search shows the latest version only.
  EXPECT_EQ(Find("démissionné"), std::vector<std::string>{v2.id});
}

// SQLite commits a Put every StoreOptions::articles_per_transaction articles
// (PostgreSQL once): here every two, with a duplicate and a new version of
// one URL on either side of a commit.
TEST_P(StoreTest, ABatchOfSeveralTransactionsIsStoredWhole) {
  auto store = Store::Open(url_, {.articles_per_transaction = 2});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Article a = Analysed("Titre\n\nLe ministre a démissionné mardi.\n", "https://x.fr/a");
  Article b = Analysed("Titre\n\nLa grève continue à Lyon.\n");
  Article c = Analysed("Titre\n\nLe port de Marseille est fermé.\n");
  Article a2 = Analysed("Titre\n\nLe ministre a démissionné mardi soir.\n", "https://x.fr/a");
  Article d = Analysed("Titre\n\nLes trains roulent de nouveau.\n");
  std::vector<Article> batch{a, b, c, b, a2, d};
  auto put = (*store)->Put(batch);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->inserted, 4u);
  EXPECT_EQ(put->versions, 1u);
  EXPECT_EQ(put->duplicates, 1u);
  EXPECT_EQ(put->outcomes,
            (std::vector<PutOutcome>{PutOutcome::kInserted, PutOutcome::kInserted,
                                     PutOutcome::kInserted, PutOutcome::kDuplicate,
                                     PutOutcome::kNewVersion, PutOutcome::kInserted}));
  EXPECT_EQ(*store_->Count(), 5u);
  auto stored = store_->Get(a2.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->version, 2u);
  EXPECT_EQ((*stored)->previous_id, a.id);
  EXPECT_EQ(Find("démissionné"), std::vector<std::string>{a2.id});
  EXPECT_EQ(Find("trains"), std::vector<std::string>{d.id});
  // Again: every one is there already.
  auto again = (*store)->Put(batch);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->duplicates, batch.size());
  EXPECT_EQ(*store_->Count(), 5u);
}

// Two ingests of the same articles at once (two analysts, one feed) store
// each article once, and neither fails. Both go in opposite orders, so that
// each meets articles the other is writing. On SQLite the other writer can
// come in between two of a Put's transactions, after the Put looked its
// articles up; on PostgreSQL both write at once and one waits for the
// other's rows. Whether they meet that way is up to the scheduler; what must
// hold is the same either way.
TEST_P(StoreTest, TwoIngestsOfTheSameArticlesAtOnceStoreEachOnce) {
  std::vector<Article> batch;
  for (int i = 0; i < 240; ++i) {
    batch.push_back(Analysed("Dépêche " + std::to_string(i) + "\n\nLe quai numéro " +
                             std::to_string(i) + " est fermé.\n"));
  }
  std::vector<Article> reversed(batch.rbegin(), batch.rend());
  auto first = Store::Open(url_, {.articles_per_transaction = 2});
  auto second = Store::Open(url_, {.articles_per_transaction = 2});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  std::optional<Result<PutResult>> forwards, backwards;
  std::thread other([&] { backwards = (*second)->Put(reversed); });
  forwards = (*first)->Put(batch);
  other.join();
  ASSERT_TRUE(forwards->ok()) << forwards->status().ToString();
  ASSERT_TRUE(backwards->ok()) << backwards->status().ToString();
  EXPECT_EQ((*forwards)->inserted + (*backwards)->inserted, batch.size());
  EXPECT_EQ((*forwards)->duplicates + (*backwards)->duplicates, batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_NE((*forwards)->outcomes[i] == PutOutcome::kInserted,
              (*backwards)->outcomes[batch.size() - 1 - i] == PutOutcome::kInserted)
        << "article " << i << " is stored by exactly one of the two";
  }
  EXPECT_EQ(*store_->Count(), batch.size());
}

// A large batch is written by several connections at once on PostgreSQL
// (one per 200 new articles): the versions of one URL stay in order, a
// duplicate is stored once, and the outlet's line counts add up across the
// connections (the corpus pass learns a line in 90% of the articles only if
// every connection's count is there).
TEST_P(StoreTest, ALargeBatchIsStoredWhole) {
  std::vector<Article> batch;
  std::vector<std::string> versions;
  for (int i = 0; i < 450; ++i) {
    std::string text = "Dépêche " + std::to_string(i) + "\n\nLe port numéro " + std::to_string(i) +
                       " est ouvert.\n\nSuivez La Gazette sur les réseaux\n";
    std::optional<std::string> url;
    if (i % 150 == 7) {  // three versions of one page, far apart in the batch
      url = "https://gazette.example/port";
      text = "Le port\n\nLe port est ouvert, version " + std::to_string(i) +
             ".\n\nSuivez La Gazette sur les réseaux\n";
    }
    batch.push_back(Analysed(text, url, "La Gazette"));
    if (url) versions.push_back(batch.back().id);
  }
  batch.push_back(batch[3]);
  auto put = store_->Put(batch);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->inserted, 448u);
  EXPECT_EQ(put->versions, 2u);
  EXPECT_EQ(put->duplicates, 1u);
  EXPECT_EQ(put->outcomes[157], PutOutcome::kNewVersion);
  EXPECT_EQ(put->outcomes.back(), PutOutcome::kDuplicate);
  EXPECT_EQ(*store_->Count(), 450u);
  auto latest = store_->Get(versions[2]);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version, 3u);
  EXPECT_EQ((*latest)->previous_id, versions[1]);
  EXPECT_EQ(Find("version"), std::vector<std::string>{versions[2]});
  auto report = LearnOutletBoilerplate(*store_, Options{}, {.min_share = 0.9, .min_articles = 5});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->lines_learned, 1u);
}

// `veille optimize` merges the full-text indexes (SQLite: into one segment
// each) and every search finds what it found before, in the same order.
TEST_P(StoreTest, CompactingTheIndexesKeepsWhatSearchesFind) {
  auto store = Store::Open(url_, {.articles_per_transaction = 1});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Article> articles;
  for (const char* topic : {"la pêche au thon", "le vin de Bourgogne", "la route des vins",
                            "le port de Marseille", "la mine de charbon", "le train de nuit",
                            "la pêche à la ligne", "Emmanuel Macron à Marseille"}) {
    articles.push_back(Analysed(std::string("Sur ") + topic + "\n\nUn article sur " + topic +
                                ", publié à Paris.\n"));
  }
  // One transaction, so one new segment, per article.
  ASSERT_TRUE((*store)->Put(articles).ok());
  store->reset();
  const char* queries[] = {"pêche", "Marseille", "\"route des vins\"", "article -vin",
                           "entity:Marseille", "entity:\"Emmanuel Macron\"", "Paris"};
  std::vector<std::vector<std::string>> before;
  for (const char* q : queries) before.push_back(Find(q));
  EXPECT_EQ(before[0].size(), 2u);
  EXPECT_EQ(before[1].size(), 2u);
  auto expect_same = [&] {
    for (size_t i = 0; i < std::size(queries); ++i) {
      EXPECT_EQ(Find(queries[i]), before[i]) << queries[i];
    }
  };
  if (GetParam() == "sqlite") EXPECT_GT(TextIndexSegments(url_), 1);
  ASSERT_TRUE(store_->CompactIndexes().ok());
  if (GetParam() == "sqlite") EXPECT_EQ(TextIndexSegments(url_), 1);
  expect_same();
  // Again: nothing left to merge, nothing changes.
  ASSERT_TRUE(store_->CompactIndexes().ok());
  expect_same();
  // Articles stored after are found with the rest.
  Article later = Analysed("Sur la pêche\n\nUn autre article sur la pêche.\n");
  Put({later});
  EXPECT_EQ(Find("pêche").size(), 3u);
}

TEST_P(StoreTest, GetGivesBackTheRawBytesAndTheRecord) {
  Article article = Analysed(kSpecimenLike, "https://news-front.info/x", std::nullopt,
                             "2022-01-06");
  Put({article});
  auto stored = store_->Get(article.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->raw, article.raw);
  EXPECT_EQ((*stored)->source.url, "https://news-front.info/x");
  EXPECT_EQ((*stored)->record, ToJsonLine(article));
  EXPECT_FALSE(store_->Get("no-such-id")->has_value());
}

TEST_P(StoreTest, FrenchStemmingAccentsAndCase) {
  auto ids = Put({Analysed("Titre un\n\nDes manifestants dans la rue.\n"),
                  Analysed("Titre deux\n\nUne grande manifestation à Paris.\n"),
                  Analysed("Titre trois\n\nL'ÉTAT a réagi.\n"),
                  Analysed("Titre quatre\n\nRien à voir ici.\n")});
  auto found = Find("manifester");
  EXPECT_EQ(std::set<std::string>(found.begin(), found.end()),
            (std::set<std::string>{ids[0], ids[1]}));
  EXPECT_EQ(Find("etat"), std::vector<std::string>{ids[2]});
  EXPECT_EQ(Find("État"), std::vector<std::string>{ids[2]});
  EXPECT_EQ(Find("l’état"), std::vector<std::string>{ids[2]});
  EXPECT_TRUE(Find("inexistant").empty());
}

// PostgreSQL adds hunspell-fr's lemmas: an irregular form is found from its
// lemma. (The SQLite archive stems only.)
TEST_P(StoreTest, LemmasOnPostgresql) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "lemmas are PostgreSQL's";
  auto ids = Put({Analysed("Titre\n\nLes chevaux vont au pré.\n")});
  EXPECT_EQ(Find("aller"), ids);
  EXPECT_EQ(Find("cheval"), ids);
}

// Regression: an article analysed again (the corpus pass) kept its words
// but lost its lemmas on PostgreSQL, and its names must follow the new
// analysis on both archives.
TEST_P(StoreTest, AnArticleAnalysedAgainKeepsItsLemmasAndNames) {
  Article article = Analysed("Titre\n\nLes chevaux de Jacques Chirac vont au pré.\n");
  auto ids = Put({article});
  ASSERT_TRUE(store_->Reanalysed(std::vector<Article>{article}).ok());
  if (GetParam() == "postgresql") EXPECT_EQ(Find("aller"), ids);
  EXPECT_EQ(Find("cheval"), ids);
  EXPECT_EQ(Find("entity:Chirac"), ids);
}

TEST_P(StoreTest, PhrasesExclusionsAndOr) {
  auto ids = Put({Analysed("A\n\nL'état d'urgence a été déclaré hier.\n"),
                  Analysed("B\n\nL'urgence de l'état des routes inquiète.\n"),
                  Analysed("C\n\nLe gaz et le pétrole augmentent.\n"),
                  Analysed("D\n\nLe pétrole seul baisse.\n")});
  EXPECT_EQ(Find("\"état d'urgence\""), std::vector<std::string>{ids[0]});
  auto both = Find("urgence");
  EXPECT_EQ(both.size(), 2u);
  EXPECT_EQ(Find("urgence -routes"), std::vector<std::string>{ids[0]});
  auto either = Find("gaz OR baisse");
  EXPECT_EQ(std::set<std::string>(either.begin(), either.end()),
            (std::set<std::string>{ids[2], ids[3]}));
  EXPECT_EQ(Find("pétrole -\"le gaz\""), std::vector<std::string>{ids[3]});
}

TEST_P(StoreTest, FacetsFilterAndCount) {
  auto ids = Put({Analysed("A\n\nLe président parle aux journalistes.\n", std::nullopt,
                           "Le Monde", "2022-01-05"),
                  Analysed("B\n\nLe président parle encore.\n", std::nullopt, "News-Front",
                           "2022-01-06T10:00:00Z"),
                  Analysed("C\n\nThe president talks to the press again today.\n",
                           std::nullopt, "News-Front", "2022-02-01")});
  EXPECT_EQ(Find("président outlet:\"le monde\""), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("outlet:News-Front lang:en"), std::vector<std::string>{ids[2]});
  EXPECT_EQ(Find("président from:2022-01-06 to:2022-01"), std::vector<std::string>{ids[1]});
  EXPECT_EQ(Find("from:2022-02").size(), 1u);
  auto result = store_->Search(*ParseQuery("from:2022"), {.facets = true});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->total, 3u);
  ASSERT_FALSE(result->outlets.empty());
  EXPECT_EQ(result->outlets[0].value, "News-Front");
  EXPECT_EQ(result->outlets[0].count, 2u);
  ASSERT_EQ(result->months.size(), 2u);
  EXPECT_EQ(result->months[0].value, "2022-01");
  EXPECT_EQ(result->months[0].count, 2u);
}

// The names the entities stage finds are a facet: whole, or a person's
// surname alone, in any case; footer names are not entities.
TEST_P(StoreTest, EntitiesAreAFacet) {
  auto ids = Put({Analysed("Crise au Kazakhstan\n\nLe président kazakh Kassym-Jomart Tokayev a "
                           "limogé le gouvernement.\n"),
                  Analysed("Visite\n\nEmmanuel Macron s'est rendu à Berlin mardi.\n"),
                  Analysed(kSpecimenLike)});
  EXPECT_EQ(Find("entity:Tokayev"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("entity:\"kassym-jomart tokayev\""), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("gouvernement entity:Tokayev"), std::vector<std::string>{ids[0]});
  EXPECT_TRUE(Find("gouvernement entity:Macron").empty());
  auto either = Find("entity:Macron entity:Tokayev");
  EXPECT_EQ(std::set<std::string>(either.begin(), either.end()),
            (std::set<std::string>{ids[0], ids[1]}));
  EXPECT_EQ(Find("entity:Berlin"), std::vector<std::string>{ids[1]});
  EXPECT_TRUE(Find("entity:Telegram").empty());  // in the footer only
  // What a mention names in its article: a place by its adjective.
  auto kazakh = Put({Analysed("Titre\n\nLe gouvernement kazakh a démissionné mardi.\n")});
  auto with_kazakhstan = Find("entity:Kazakhstan");
  EXPECT_NE(std::find(with_kazakhstan.begin(), with_kazakhstan.end(), kazakh[0]),
            with_kazakhstan.end());
  EXPECT_EQ(Find("entity:Kazakhstan gouvernement démissionné"), kazakh);
  // And without a knowledge base, by the name the demonym table gives.
  auto belarus = Put({Analysed("Titre\n\nUne délégation biélorusse est arrivée jeudi.\n",
                               std::nullopt, std::nullopt, std::nullopt, false)});
  EXPECT_EQ(Find("entity:Biélorussie", 50, "none"), belarus);
  EXPECT_EQ(Find("entity:Biélorussie délégation"), belarus);
}

// Takes a PostgreSQL archive back to before schema 5: no pairs of
// neighbouring words.
void UndoSchema5(pqxx::work& work) {
  work.exec("DROP TRIGGER veille_articles_neighbours ON veille_articles");
  work.exec("ALTER TABLE veille_articles DROP COLUMN neighbours");
  work.exec("DROP FUNCTION veille_set_neighbours(), veille_neighbours_query(text), "
            "veille_neighbours(tsvector)");
  work.exec("DELETE FROM veille_meta WHERE key = 'neighbours'");
}

// Before schema 4, PostgreSQL kept an article's names as rows of
// veille_article_entities; opening such an archive moves them into one array
// an article, and entity: finds what it found before.
TEST_P(StoreTest, PostgresqlNamesRowsMoveIntoArrays) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "a PostgreSQL migration";
  auto ids = Put({Analysed("Crise au Kazakhstan\n\nLe président kazakh Kassym-Jomart Tokayev a "
                           "limogé le gouvernement.\n"),
                  Analysed("Visite\n\nEmmanuel Macron s'est rendu à Berlin mardi.\n")});
  {
    // The archive as veille wrote it at schema 3.
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    UndoSchema5(work);
    work.exec("CREATE TABLE veille_article_entities(article BIGINT NOT NULL, "
              "entity_key TEXT NOT NULL, PRIMARY KEY(article, entity_key))");
    work.exec("CREATE INDEX veille_article_entities_key ON veille_article_entities(entity_key, article)");
    work.exec("INSERT INTO veille_article_entities SELECT article, unnest(names) FROM veille_article_names");
    work.exec("DROP TABLE veille_article_names");
    work.exec("UPDATE veille_meta SET value = '3' WHERE key = 'schema_version'");
    work.commit();
  }
  store_ = Open();
  ASSERT_TRUE(store_);
  EXPECT_EQ(Find("entity:Tokayev"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("entity:Berlin"), std::vector<std::string>{ids[1]});
  pqxx::connection connection(url_);
  pqxx::work work(connection);
  EXPECT_EQ(work.exec("SELECT value FROM veille_meta WHERE key = 'schema_version'")[0][0].as<std::string>(),
            "5");
  EXPECT_EQ(work.exec("SELECT count(*) FROM veille_article_names")[0][0].as<int>(), 2);
}

// PostgreSQL keeps each pair of neighbouring words as a term of its own, for
// phrases. An archive from before schema 5 has none: phrases find what they
// found, without the pairs, until `veille optimize` adds them; then with.
TEST_P(StoreTest, PostgresqlPhrasesFindTheSameWithAndWithoutNeighbouringPairs) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "a PostgreSQL index";
  auto ids = Put({Analysed("A\n\nLe chanteur a sorti un album.\n"),
                  Analysed("B\n\nUn album a été sorti du chanteur.\n"),
                  Analysed("C\n\nL'état d'urgence a été déclaré hier.\n"),
                  Analysed("D\n\nLe sous-sol de la gare est fermé.\n")});
  // Each phrase in turn: pairs of neighbours, a stop word between the words
  // (no pair: the words' own index alone), a hyphenated word, a phrase of
  // no article, quotes and backslashes.
  auto find_all = [&] {
    EXPECT_EQ(Find("\"a sorti\""), std::vector<std::string>{ids[0]});
    EXPECT_EQ(Find("\"sorti un album\" chanteur"), std::vector<std::string>{ids[0]});
    EXPECT_EQ(Find("\"état d'urgence\""), std::vector<std::string>{ids[2]});
    EXPECT_EQ(Find("\"sous-sol de la gare\""), std::vector<std::string>{ids[3]});
    EXPECT_EQ(Find("\"album a sorti\""), std::vector<std::string>{});
    EXPECT_EQ(Find("\"l'album\\\\ a 'sorti'\""), std::vector<std::string>{});
    auto either = Find("\"a sorti\" OR \"a été sorti\"");
    EXPECT_EQ(std::set<std::string>(either.begin(), either.end()),
              (std::set<std::string>{ids[0], ids[1]}));
  };
  find_all();
  {
    // The conditions phrases add: all their pairs, none where stop words
    // part the words.
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    auto pairs = [&](const std::string& phrase) {
      return work.exec_params("SELECT veille_neighbours_query($1)", phrase)[0][0].as<std::string>();
    };
    EXPECT_EQ(pairs("a sorti"), "'a sort'");
    EXPECT_EQ(pairs("le sous-sol de la gare"), "'sous sol' & 'sous-sol sous'");
    EXPECT_EQ(pairs("état d'urgence"), "");
    EXPECT_EQ(pairs("sorti"), "");
  }
  auto meta = [&] {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    return work.exec("SELECT value FROM veille_meta WHERE key = 'neighbours'")[0][0].as<std::string>();
  };
  EXPECT_EQ(meta(), "complete");
  {
    // The archive as veille wrote it at schema 4.
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    UndoSchema5(work);
    work.exec("UPDATE veille_meta SET value = '4' WHERE key = 'schema_version'");
    work.commit();
  }
  store_ = Open();
  ASSERT_TRUE(store_);
  EXPECT_EQ(meta(), "incomplete");
  find_all();
  // A new article gets its pairs as it is stored, the older ones from
  // optimize.
  Put({Analysed("E\n\nLa salle comble applaudit.\n")});
  auto holding = [&](const std::string& pair) {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    return work.exec_params("SELECT count(*) FROM veille_articles WHERE neighbours @@ $1::tsquery",
                            pair)[0][0].as<int>();
  };
  EXPECT_EQ(holding("'sall combl'"), 1);
  EXPECT_EQ(holding("'a sort'"), 0);
  ASSERT_TRUE(store_->CompactIndexes().ok());
  EXPECT_EQ(meta(), "complete");
  EXPECT_EQ(holding("'a sort'"), 1);
  find_all();
}

// speaker: finds the articles that quote someone, not those that only name
// them; in any spelling.
TEST_P(StoreTest, SpeakersAreAFacet) {
  auto ids = Put({Analysed("Titre\n\n« Nous ne céderons pas », a affirmé Angela Merkel devant "
                           "Emmanuel Macron.\n"),
                  Analysed("Titre\n\nEmmanuel Macron a déclaré que la réforme était nécessaire.\n")});
  EXPECT_EQ(Find("speaker:Merkel"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("speaker:\"Angela Merkel\""), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("speaker:Macron"), std::vector<std::string>{ids[1]});
  EXPECT_EQ(Find("entity:Macron").size(), 2u);
  EXPECT_EQ(Find("speaker:Macron entity:Merkel"), std::vector<std::string>{});
  EXPECT_EQ(Find("réforme speaker:Macron"), std::vector<std::string>{ids[1]});
}

// when: finds the articles that talk about a date (the times stage's), at
// the year, the month or the day, not those merely published then.
TEST_P(StoreTest, DatesTalkedAboutAreAFacet) {
  auto ids = Put({Analysed("Titre\n\nLe 5 janvier 2022, des manifestants ont envahi la place.\n",
                           std::nullopt, std::nullopt, std::string("2022-03-01")),
                  Analysed("Titre\n\nDu 4 au 6 juin 2019, le sommet a réuni vingt pays.\n",
                           std::nullopt, std::nullopt, std::string("2022-01-05"))});
  EXPECT_EQ(Find("when:2022"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("when:2022-01"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("when:2022-01-05"), std::vector<std::string>{ids[0]});
  EXPECT_EQ(Find("when:2019-06-05"), std::vector<std::string>{ids[1]});  // inside the interval
  EXPECT_EQ(Find("when:2019-06"), std::vector<std::string>{ids[1]});
  EXPECT_EQ(Find("sommet when:2019"), std::vector<std::string>{ids[1]});
  EXPECT_EQ(Find("when:2021"), std::vector<std::string>{});
  // And as a facet: the months the matches talk about, the most first.
  auto result = store_->Search(*ParseQuery("when:2019 when:2022"), {.facets = true});
  ASSERT_TRUE(result.ok()) << result.status().message();
  std::vector<std::string> months;
  for (const FacetCount& c : result->months_talked_about) months.push_back(c.value + "=" + std::to_string(c.count));
  EXPECT_EQ(months, (std::vector<std::string>{"2019-06=1", "2022-01=1"}));
}

// Counting stops at 1,000 matches, and ranking looks at the most recent
// ones: the total says "at least", and the page is still full.
TEST_P(StoreTest, FrequentWordsAreCountedUpToACap) {
  std::vector<Article> articles;
  for (int i = 0; i < 1005; ++i) {
    articles.push_back(Analysed("Numéro " + std::to_string(i) + "\n\nLa pêche du jour, lot " +
                                    std::to_string(i) + ".\n",
                                std::nullopt, i % 2 ? "Le Monde" : "Le Figaro", "2022-01-06"));
  }
  Put(articles);
  auto result = store_->Search(*ParseQuery("pêche"), {.limit = 7, .facets = true});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->total, 1000u);
  EXPECT_FALSE(result->total_exact);
  EXPECT_EQ(result->hits.size(), 7u);
  ASSERT_EQ(result->outlets.size(), 2u);
  EXPECT_EQ(result->outlets[0].count + result->outlets[1].count, 1000u);
  auto few = store_->Search(*ParseQuery("pêche \"lot 1004\""), {});
  ASSERT_TRUE(few.ok());
  EXPECT_EQ(few->total, 1u);
  EXPECT_TRUE(few->total_exact);
  // A deep page is still served.
  auto deep = store_->Search(*ParseQuery("pêche"), {.limit = 10, .offset = 995});
  ASSERT_TRUE(deep.ok());
  EXPECT_EQ(deep->hits.size(), 10u);
  // And without snippets (as the quotes and entity profiles ask).
  auto bare = store_->Search(*ParseQuery("pêche"), {.limit = 5, .snippets = false});
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->hits.size(), 5u);
  EXPECT_EQ(bare->total, 1000u);
}

// PostgreSQL looks for a text query's newest matches among the newest
// articles first, widening the span of serials until enough are found (see
// NewestMatches). Here the serials jump by millions between two Puts, as if
// as many articles had been stored between them: the span is widened several
// times, and the matches on both sides are all found, counted and faceted.
TEST_P(StoreTest, MatchesFarApartAreAllFound) {
  auto batch = [](int first, const char* outlet) {
    std::vector<Article> articles;
    for (int i = first; i < first + 3; ++i) {
      articles.push_back(Analysed("Numéro " + std::to_string(i) + "\n\nLa pêche du jour, lot " +
                                      std::to_string(i) + ".\n",
                                  std::nullopt, outlet, "2022-01-06"));
    }
    return articles;
  };
  std::vector<std::string> ids = Put(batch(0, "Le Monde"));
  if (GetParam() == "postgresql") {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    work.exec("SELECT setval(pg_get_serial_sequence('veille_articles', 'serial'), 5000000)");
    work.commit();
  }
  for (const std::string& id : Put(batch(3, "Le Figaro"))) ids.push_back(id);
  auto result = store_->Search(*ParseQuery("pêche"), {.limit = 10, .facets = true});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->total, 6u);
  EXPECT_TRUE(result->total_exact);
  std::vector<std::string> found;
  for (const SearchHit& hit : result->hits) found.push_back(hit.id);
  std::sort(found.begin(), found.end());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(found, ids);
  ASSERT_EQ(result->outlets.size(), 2u);
  EXPECT_EQ(result->outlets[0].count, 3u);
  EXPECT_EQ(result->outlets[1].count, 3u);
  // And with a facet that only the older ones have.
  auto older = store_->Search(*ParseQuery("pêche outlet:\"le monde\""), {});
  ASSERT_TRUE(older.ok()) << older.status().ToString();
  EXPECT_EQ(older->total, 3u);
}

// Pages follow one ranking: those read one after the other are the ranking
// read at once, whether a page is ranked in the pass that counts (pages
// near the top) or in a pass of its own (deep ones), and equal scores are
// ordered the same way in both.
TEST_P(StoreTest, PagesFollowOneRanking) {
  std::vector<Article> articles;
  for (int i = 0; i < 400; ++i) {
    std::string text = "Dépêche " + std::to_string(i) + "\n\n";
    for (int n = 0; n <= i % 4; ++n) text += "La pêche reprend. ";
    text += "Lot " + std::to_string(i) + ".\n";
    articles.push_back(Analysed(text));
  }
  Put(articles);
  std::vector<std::string> paged;
  for (size_t offset = 0; offset < 250; offset += 10) {
    auto page = store_->Search(*ParseQuery("pêche"), {.limit = 10, .offset = offset});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, 400u);
    for (const SearchHit& hit : page->hits) paged.push_back(hit.id);
  }
  auto at_once = store_->Search(*ParseQuery("pêche"), {.limit = 300});
  ASSERT_TRUE(at_once.ok());
  ASSERT_EQ(at_once->hits.size(), 300u);
  std::vector<std::string> first;
  for (size_t i = 0; i < 250; ++i) first.push_back(at_once->hits[i].id);
  EXPECT_EQ(paged, first);
  // Scores never rise down the ranking.
  for (size_t i = 1; i < at_once->hits.size(); ++i) {
    EXPECT_GE(at_once->hits[i - 1].score, at_once->hits[i].score) << i;
  }
}

TEST_P(StoreTest, BoilerplateIsNotIndexed) {
  Put({Analysed(kSpecimenLike)});
  EXPECT_TRUE(Find("Vkontakte").empty());
  EXPECT_EQ(Find("Kazakhstan").size(), 1u);
}

TEST_P(StoreTest, SnippetsHighlightTheMatches) {
  Put({Analysed("Titre\n\nLes manifestants ont été reçus par le président.\n")});
  auto result = store_->Search(*ParseQuery("manifester"), {});
  ASSERT_TRUE(result.ok() && result->hits.size() == 1u);
  const Snippet& snippet = result->hits[0].snippet;
  ASSERT_EQ(snippet.highlights.size(), 1u);
  auto [start, end] = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(start, end - start), "manifestants");
}

// The user's merges and splits of identities: kept in order, apart from
// the articles, across reopening; any text is a value, never SQL.
TEST_P(StoreTest, IdentityDecisionsAreKept) {
  const std::string evil = "x'); DROP TABLE articles; --";
  ASSERT_TRUE(store_->AddIdentityDecision({"merge", "Loukachenko", "Batka", ""}).ok());
  ASSERT_TRUE(store_->AddIdentityDecision({"split", "Tokayev", evil, ""}).ok());
  store_.reset();
  store_ = Open();
  auto decisions = store_->IdentityDecisions();
  ASSERT_TRUE(decisions.ok()) << decisions.status().ToString();
  ASSERT_EQ(decisions->size(), 2u);
  EXPECT_EQ((*decisions)[0].kind, "merge");
  EXPECT_EQ((*decisions)[0].b, "Batka");
  EXPECT_EQ((*decisions)[1].b, evil);
  EXPECT_EQ((*decisions)[1].made_at.size(), 20u) << (*decisions)[1].made_at;  // 2026-11-29T16:00:00Z
  Put({Analysed("Titre\n\nDu texte.\n")});
  EXPECT_EQ(store_->IdentityDecisions()->size(), 2u);
}

TEST_P(StoreTest, InjectionStringsAreInert) {
  const std::string evil = "'); DROP TABLE articles; DROP TABLE veille_articles; --";
  Article a = Analysed("Titre " + evil + "\n\nDu texte avec " + evil + " dedans.\n",
                       "https://x.fr/" + evil, evil + "\" OR \"1\"=\"1", "2022-01-06");
  Put({a, Analysed("Autre\n\nUn texte ordinaire.\n")});
  for (const char* query : {"drop", "\"'); DROP TABLE articles; --\"",
                            "outlet:\"x' OR '1'='1\"", "texte -\"1=1\"", "a OR \"\\\"\""}) {
    auto parsed = ParseQuery(query);
    if (!parsed.ok()) continue;
    auto result = store_->Search(*parsed, {});
    EXPECT_TRUE(result.ok()) << query << ": " << result.status().ToString();
  }
  EXPECT_EQ(Find("drop"), std::vector<std::string>{a.id});
  EXPECT_EQ(*store_->Count(), 2u);
  auto outlets = store_->Outlets();
  ASSERT_TRUE(outlets.ok());
  EXPECT_EQ(outlets->at(0).name, evil + "\" OR \"1\"=\"1");
}

TEST_P(StoreTest, TheCorpusPassLearnsAnOutletsRepeatedLines) {
  std::vector<Article> articles;
  const char* topics[] = {"la pêche", "le vin", "la route", "le port", "la mine",
                          "le train", "la forêt", "le fleuve"};
  for (const char* topic : topics) {
    articles.push_back(Analysed(std::string("Sur ") + topic + "\n\nUn article sur " + topic +
                                    " et ses enjeux.\n\nLa rédaction remercie ses fidèles "
                                    "lecteurs\n",
                                std::nullopt, "La Gazette"));
  }
  articles.push_back(Analysed("Ailleurs\n\nUn autre journal.\n\nLa rédaction remercie ses "
                              "fidèles lecteurs\n",
                              std::nullopt, "Le Courrier"));
  Put(articles);
  EXPECT_EQ(Find("fidèles").size(), 9u) << "not learned yet: indexed everywhere";
  auto report = LearnOutletBoilerplate(*store_, Options{}, {.min_share = 0.5, .min_articles = 5});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->lines_learned, 1u);
  EXPECT_EQ(report->articles_updated, 8u);
  // Gone from La Gazette's articles; still text in Le Courrier's, which does
  // not repeat it.
  EXPECT_EQ(Find("fidèles"), std::vector<std::string>{articles.back().id});
  auto outlets = store_->Outlets();
  ASSERT_TRUE(outlets.ok());
  ASSERT_EQ(outlets->at(0).name, "La Gazette");
  EXPECT_EQ(outlets->at(0).articles, 8u);
  EXPECT_EQ(outlets->at(0).boilerplate,
            std::vector<std::string>{"La rédaction remercie ses fidèles lecteurs"});
  auto stored = store_->Get(articles[0].id);
  EXPECT_NE((*stored)->record.find("\"boilerplate\""), std::string::npos);
  // A new article of that outlet gets the line marked at once.
  auto learned = store_->LearnedLines();
  ASSERT_TRUE(learned.ok());
  Options options;
  options.learned_boilerplate = *learned;
  auto pipeline = std::move(Pipeline::Create(options)).value();
  Article fresh;
  fresh.source.path = "new";
  fresh.source.format = "text";
  fresh.source.outlet = "La Gazette";
  fresh.raw = "Nouveau\n\nDu neuf.\n\nLa rédaction remercie ses fidèles lecteurs\n";
  pipeline->Run(fresh);
  EXPECT_EQ(fresh.blocks.back().kind, BlockKind::kBoilerplate);
}

// Each pass counts the lines of the articles stored since the one before,
// once: a line reaches the threshold over several ingests, and passes with
// nothing new change nothing.
TEST_P(StoreTest, TheCorpusPassCountsEachArticlesLinesOnce) {
  const char* topics[] = {"la pêche", "le vin", "la route", "le port", "la mine"};
  auto article = [](const char* topic) {
    return Analysed(std::string("Sur ") + topic + "\n\nUn article sur " + topic +
                        ".\n\nAbonnez-vous à notre lettre du soir\n",
                    std::nullopt, "La Gazette");
  };
  BoilerplateOptions five{.min_share = 0.5, .min_articles = 5};
  Put({article(topics[0]), article(topics[1]), article(topics[2])});
  for (int pass = 0; pass < 3; ++pass) {
    auto report = LearnOutletBoilerplate(*store_, Options{}, five);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->lines_learned, 0u) << "pass " << pass << ": 3 articles, not 5";
  }
  Put({article(topics[3])});
  auto fourth = LearnOutletBoilerplate(*store_, Options{}, five);
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(fourth->lines_learned, 0u) << "4 articles, not 5";
  Put({article(topics[4])});
  auto fifth = LearnOutletBoilerplate(*store_, Options{}, five);
  ASSERT_TRUE(fifth.ok()) << fifth.status().ToString();
  EXPECT_EQ(fifth->lines_learned, 1u);
  EXPECT_EQ(fifth->articles_updated, 5u);
  EXPECT_TRUE(Find("abonnez").empty());
}

// A corpus pass killed after learning, before its articles were analysed
// again, is finished by the next one.
TEST_P(StoreTest, AnInterruptedCorpusPassIsFinishedByTheNext) {
  std::vector<Article> articles;
  for (const char* topic : {"la pêche", "le vin", "la route", "le port", "la mine", "le train"}) {
    articles.push_back(Analysed(std::string("Sur ") + topic + "\n\nUn article sur " + topic +
                                    ".\n\nMerci de votre fidélité à La Gazette\n",
                                std::nullopt, "La Gazette"));
  }
  Put(articles);
  auto half = store_->LearnBoilerplate({.min_share = 0.5, .min_articles = 5});
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(half->lines, 1u);
  EXPECT_EQ(half->articles.size(), 6u);
  // …and the process dies here. The next pass learns nothing new but
  // applies what was learned.
  auto next = LearnOutletBoilerplate(*store_, Options{}, {.min_share = 0.5, .min_articles = 5});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->lines_learned, 0u);
  EXPECT_EQ(next->articles_updated, 6u);
  EXPECT_TRUE(Find("fidélité").empty());
  auto after = LearnOutletBoilerplate(*store_, Options{}, {.min_share = 0.5, .min_articles = 5});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->articles_updated, 0u) << "applied once, not again";
}

// The same real articles give the same matches on both backends.
TEST(StoreAgreementTest, SqliteAndPostgresqlFindTheSameArticles) {
  if (!testing::HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  std::string why;
  PostgresServer* server = PostgresServer::Shared(&why);
  if (!server) {
    if (std::getenv("CI")) FAIL() << why;
    GTEST_SKIP() << why;
  }
  TempDir dir;
  auto sqlite = std::move(Store::Open((dir / "a.db").string())).value();
  auto postgres = std::move(Store::Open(server->NewDatabase())).value();
  static const std::regex block(R"(<(h1|h2|p)[^>]*>([\s\S]*?)</\1>)"), tag(R"(<[^>]+>)");
  std::vector<Article> articles;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedData() / "wikinews-fr")) {
    std::string html = testing::ReadFile(entry.path()), text;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), block); it != std::sregex_iterator(); ++it) {
      text += std::regex_replace((*it)[2].str(), tag, "") + "\n\n";
    }
    articles.push_back(Analysed(text));
  }
  ASSERT_TRUE(sqlite->Put(articles).ok());
  { auto put = postgres->Put(articles); ASSERT_TRUE(put.ok()) << put.status().ToString(); }
  for (const char* text : {"président", "manifestation", "élections", "\"premier ministre\"",
                           "guerre -Syrie", "crise OR armée", "Obama", "sport"}) {
    auto query = ParseQuery(text);
    ASSERT_TRUE(query.ok());
    auto a = sqlite->Search(*query, {.limit = 1000});
    auto b = postgres->Search(*query, {.limit = 1000});
    ASSERT_TRUE(a.ok() && b.ok()) << text;
    std::set<std::string> ids_a, ids_b;
    for (const auto& hit : a->hits) ids_a.insert(hit.id);
    for (const auto& hit : b->hits) ids_b.insert(hit.id);
    EXPECT_EQ(ids_a, ids_b) << text;
    EXPECT_EQ(a->total, b->total) << text;
    EXPECT_FALSE(ids_a.empty()) << text << " finds nothing: a poor test query";
  }
}

}  // namespace
}  // namespace veille
