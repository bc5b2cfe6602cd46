#include "entities/tagger_model.h"
#include "entities/test_text.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zstd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "entities/perceptron_trainer.h"
#include "veille/tagger.h"

namespace veille::entities {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kLocation;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kMisc = EntityType::kMisc;

using testing::Split;

TaggedSentence Sentence(std::string_view text, std::vector<Mention> mentions) {
  return {Split(text), std::move(mentions), 0};
}

// A handful of sentences to train a model on in a blink: enough for it to
// learn something, which is all the file tests need.
std::vector<TaggedSentence> TinyCorpus() {
  std::vector<TaggedSentence> corpus = {
      Sentence("M. Dupont est arrivé à Paris .", {{1, 2, kPer}, {5, 6, kLoc}}),
      Sentence("Le général Martin a quitté Lyon .", {{2, 3, kPer}, {5, 6, kLoc}}),
      Sentence("Jean Dupont travaille pour Renault .", {{0, 2, kPer}, {4, 5, kOrg}}),
      Sentence("Le président kazakh Tokayev a parlé .", {{3, 4, kPer}}),
      Sentence("L' ONU siège à New York .", {{1, 2, kOrg}, {4, 6, kLoc}}),
      Sentence("Marie Curie est née à Varsovie .", {{0, 2, kPer}, {5, 6, kLoc}}),
      Sentence("Il pleut sur la ville .", {}),
      Sentence("La Coupe du monde a commencé .", {{1, 4, kMisc}}),
      Sentence("Google ouvre un bureau à Berlin .", {{0, 1, kOrg}, {5, 6, kLoc}}),
      Sentence("Pierre Martin vit à Lille .", {{0, 2, kPer}, {4, 5, kLoc}}),
  };
  for (uint32_t k = 0; k < corpus.size(); ++k) corpus[k].document = k;
  return corpus;
}

Gazetteer TinyGazetteer() {
  Gazetteer g;
  for (const char* title : {"M.", "M", "Me", "général", "président", "ministre"}) {
    g.Add(title, GazetteerList::kTitle);
  }
  g.Add("kazakh", GazetteerList::kNationality);
  g.Add("Paris", GazetteerList::kPlace);
  g.Add("Lyon", GazetteerList::kPlace);
  return g;
}

std::unique_ptr<TaggerModel> TrainTiny(uint64_t seed) {
  std::vector<TaggedSentence> corpus = TinyCorpus();
  Result<std::unique_ptr<TaggerModel>> model =
      TrainTagger(corpus, {}, TinyGazetteer(),
                  {.epochs = 6, .seed = seed, .min_feature_count = 1, .description = "tiny"});
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(*model) : nullptr;
}

// The mentions the model finds, as "Emmanuel Macron/PER Paris/LOC".
std::string Tagged(const TaggerModel& model, std::string_view sentence) {
  std::vector<std::string> tokens = Split(sentence);
  std::vector<std::string_view> views(tokens.begin(), tokens.end());
  TaggerScratch scratch;
  std::vector<Mention> mentions;
  model.Tag(views, scratch, mentions);
  std::string out;
  for (const Mention& m : mentions) {
    if (!out.empty()) out += ' ';
    for (uint32_t t = m.first; t < m.end; ++t) out += (t > m.first ? " " : "") + tokens[t];
    out += '/';
    out += EntityTypeName(m.type);
  }
  return out;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteBytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const char* const kProbes[] = {
    "M. Dupont est arrivé à Paris .",
    "Jean Dupont travaille pour Renault .",
    "L' ONU siège à New York .",
    "Paul Durand vit à Marseille .",
    "Le général Tokayev a quitté Berlin .",
    "il pleut .",
    "",
};

class TaggerModelFileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::path(::testing::TempDir()) /
                                     ("tagger_model_test_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    tiny_ = TrainTiny(1).release();
    ASSERT_NE(tiny_, nullptr);
    ASSERT_TRUE(tiny_->Save(Path("tiny.model")).ok());
  }
  static void TearDownTestSuite() {
    delete tiny_;
    tiny_ = nullptr;
    std::filesystem::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Path(std::string_view name) { return (*dir_ / name).string(); }

  // Load's error for a file of these bytes, or "ok".
  static std::string LoadBytes(std::string_view bytes) {
    std::string path = Path("damaged.model");
    WriteBytes(path, bytes);
    Result<std::unique_ptr<TaggerModel>> loaded = TaggerModel::Load(path);
    if (loaded.ok()) return "ok";
    EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(loaded.status().message().find(path), std::string::npos);
    return loaded.status().message();
  }

  static std::filesystem::path* dir_;
  static TaggerModel* tiny_;
};

std::filesystem::path* TaggerModelFileTest::dir_ = nullptr;
TaggerModel* TaggerModelFileTest::tiny_ = nullptr;

TEST_F(TaggerModelFileTest, TinyModelLearnsItsSentences) {
  EXPECT_EQ(Tagged(*tiny_, "M. Dupont est arrivé à Paris ."), "Dupont/PER Paris/LOC");
  EXPECT_EQ(Tagged(*tiny_, "Jean Dupont travaille pour Renault ."), "Jean Dupont/PER Renault/ORG");
  EXPECT_EQ(Tagged(*tiny_, "L' ONU siège à New York ."), "ONU/ORG New York/LOC");
  EXPECT_EQ(tiny_->description(), "tiny");
  EXPECT_GT(tiny_->features(), 0u);
}

TEST_F(TaggerModelFileTest, SaveThenLoadTagsTheSame) {
  Result<std::unique_ptr<TaggerModel>> loaded = TaggerModel::Load(Path("tiny.model"));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->description(), "tiny");
  EXPECT_EQ((*loaded)->features(), tiny_->features());
  EXPECT_EQ((*loaded)->gazetteer().size(), tiny_->gazetteer().size());
  for (const char* probe : kProbes) {
    EXPECT_EQ(Tagged(**loaded, probe), Tagged(*tiny_, probe)) << probe;
  }
  for (const TaggedSentence& s : TinyCorpus()) {
    std::string text;
    for (const std::string& t : s.tokens) text += t + " ";
    EXPECT_EQ(Tagged(**loaded, text), Tagged(*tiny_, text)) << text;
  }
  // Saving what was loaded gives the same file: the 16-bit rounding is
  // stable.
  ASSERT_TRUE((*loaded)->Save(Path("again.model")).ok());
  EXPECT_EQ(ReadBytes(Path("again.model")), ReadBytes(Path("tiny.model")));
}

TEST_F(TaggerModelFileTest, SameSeedSameFile) {
  std::unique_ptr<TaggerModel> again = TrainTiny(1);
  ASSERT_NE(again, nullptr);
  ASSERT_TRUE(again->Save(Path("seed1.model")).ok());
  EXPECT_EQ(ReadBytes(Path("seed1.model")), ReadBytes(Path("tiny.model")));
  // Another seed shuffles differently; its model may differ, and loads.
  std::unique_ptr<TaggerModel> other = TrainTiny(2);
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->Save(Path("seed2.model")).ok());
  EXPECT_TRUE(TaggerModel::Load(Path("seed2.model")).ok());
}

TEST_F(TaggerModelFileTest, TrainingNeedsSentences) {
  Result<std::unique_ptr<TaggerModel>> model = TrainTagger({}, {}, Gazetteer(), {});
  EXPECT_FALSE(model.ok());
}

TEST_F(TaggerModelFileTest, SaveToAMissingFolderIsAnError) {
  Status status = tiny_->Save(Path("no/such/folder/x.model"));
  EXPECT_EQ(status.code(), StatusCode::kIoError);
}

TEST_F(TaggerModelFileTest, MissingFileIsNotFound) {
  Result<std::unique_ptr<TaggerModel>> loaded = TaggerModel::Load(Path("missing.model"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_NE(loaded.status().message().find("missing.model"), std::string::npos);
}

TEST_F(TaggerModelFileTest, ForeignFilesAreRefused) {
  EXPECT_NE(LoadBytes(""), "ok");
  EXPECT_NE(LoadBytes("place\tParis\nplace\tLyon\n"), "ok");
  EXPECT_NE(LoadBytes(std::string(4096, '\0')), "ok");
  // A zstd frame without our header.
  std::string model = ReadBytes(Path("tiny.model"));
  EXPECT_NE(LoadBytes(model.substr(24)), "ok");
  // Another version of the format.
  std::string v2 = model;
  v2.replace(0, 16, "veille-tagger/2\n");
  EXPECT_NE(LoadBytes(v2), "ok");
  EXPECT_NE(LoadBytes("veille-tagger/1\n"), "ok");
}

// A model file cut anywhere is refused.
TEST_F(TaggerModelFileTest, TruncatedFileIsAnError) {
  std::string model = ReadBytes(Path("tiny.model"));
  ASSERT_GT(model.size(), 100u);
  for (size_t size = 0; size < model.size(); size += size < 64 ? 1 : model.size() / 97 + 1) {
    EXPECT_NE(LoadBytes(model.substr(0, size)), "ok") << size << " of " << model.size();
  }
  EXPECT_NE(LoadBytes(model.substr(0, model.size() - 1)), "ok");
}

// Flips one byte at a time. A flipped header or size byte is refused;
// whatever else is flipped, Load gives an error or a model that tags
// without crashing.
TEST_F(TaggerModelFileTest, FlippedByteNeverCrashes) {
  std::string model = ReadBytes(Path("tiny.model"));
  for (size_t at = 0; at < model.size(); at += at < 64 ? 1 : model.size() / 211 + 1) {
    std::string damaged = model;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    std::string path = Path("flipped.model");
    WriteBytes(path, damaged);
    Result<std::unique_ptr<TaggerModel>> loaded = TaggerModel::Load(path);
    if (at < 24) EXPECT_FALSE(loaded.ok()) << "header byte " << at;
    if (!loaded.ok()) continue;
    for (const char* probe : kProbes) Tagged(**loaded, probe);
  }
}

// A damaged model should be refused, not used: today about three flipped
// bytes in four of the compressed frame load without error (196 of 267
// positions tried on the tiny model), because Save writes the zstd frame
// without a checksum (tagger_model.cc, Save: ZSTD_compress, whose frames
// carry none) and nothing else checks the payload. The weights or the
// gazetteer then differ silently. Enable when the file carries a checksum
// (ZSTD_c_checksumFlag, or a hash of the payload in the header).
TEST_F(TaggerModelFileTest, FlippedByteIsAnError) {
  std::string model = ReadBytes(Path("tiny.model"));
  for (size_t at = 0; at < model.size(); at += at < 64 ? 1 : model.size() / 211 + 1) {
    std::string damaged = model;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    EXPECT_NE(LoadBytes(damaged), "ok") << "byte " << at << " of " << model.size();
  }
}

// The payload of a model file: Load's checks after decompression.
class TaggerModelPayloadTest : public TaggerModelFileTest {
 protected:
  static std::string Payload() {
    std::string model = ReadBytes(Path("tiny.model"));
    uint64_t size = 0;
    std::memcpy(&size, model.data() + 16, 8);
    std::string payload(size, '\0');
    size_t got = ZSTD_decompress(payload.data(), size, model.data() + 24, model.size() - 24);
    EXPECT_EQ(got, size);
    return payload;
  }
  // A model file around `payload`, compressed with a checksum as Save does
  // (Load refuses frames without one).
  static std::string File(std::string_view payload) {
    std::string compressed(ZSTD_compressBound(payload.size()), '\0');
    ZSTD_CCtx* context = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    compressed.resize(ZSTD_compress2(context, compressed.data(), compressed.size(), payload.data(),
                                     payload.size()));
    ZSTD_freeCCtx(context);
    uint64_t size = payload.size();
    return "veille-tagger/1\n" + std::string(reinterpret_cast<const char*>(&size), 8) + compressed;
  }
};

TEST_F(TaggerModelPayloadTest, EveryPrefixOfThePayloadIsRefused) {
  std::string payload = Payload();
  EXPECT_EQ(LoadBytes(File(payload)), "ok");
  for (size_t size = 0; size < payload.size(); size += size < 64 ? 1 : payload.size() / 151 + 1) {
    EXPECT_NE(LoadBytes(File(payload.substr(0, size))), "ok") << size << " of " << payload.size();
  }
  // The last weight cut in half.
  EXPECT_NE(LoadBytes(File(payload.substr(0, payload.size() - 1))), "ok");
}

TEST_F(TaggerModelPayloadTest, HostileSizesAreRefused) {
  std::string payload = Payload();
  uint64_t description_size = 0;
  std::memcpy(&description_size, payload.data(), 8);
  auto with = [&](size_t at, const void* value, size_t bytes) {
    std::string p = payload;
    std::memcpy(p.data() + at, value, bytes);
    return p;
  };
  uint64_t huge = ~0ull >> 1;
  EXPECT_NE(LoadBytes(File(with(0, &huge, 8))), "ok") << "description size";
  // The gazetteer's table size.
  size_t gazetteer = 8 + description_size;
  EXPECT_NE(LoadBytes(File(with(gazetteer, &huge, 8))), "ok") << "gazetteer capacity";
  uint64_t three = 3;
  EXPECT_NE(LoadBytes(File(with(gazetteer, &three, 8))), "ok") << "gazetteer capacity 3";
  // The row count, and a scale that is not a number.
  uint64_t capacity = 0;
  std::memcpy(&capacity, payload.data() + gazetteer, 8);
  size_t scale = gazetteer + 24 + capacity * 10 + kTransitions * sizeof(float);
  float nan = std::numeric_limits<float>::quiet_NaN();
  float infinity = std::numeric_limits<float>::infinity();
  EXPECT_NE(LoadBytes(File(with(scale, &nan, 4))), "ok") << "scale NaN";
  EXPECT_NE(LoadBytes(File(with(scale, &infinity, 4))), "ok") << "scale infinite";
  EXPECT_NE(LoadBytes(File(with(scale + 4, &huge, 8))), "ok") << "rows";
  uint64_t one_more = (payload.size() - scale - 12) / (8 + 2 * kLabels) + 1;
  EXPECT_NE(LoadBytes(File(with(scale + 4, &one_more, 8))), "ok") << "rows + 1";
}

TEST_F(TaggerModelPayloadTest, HeaderSizeThatLiesIsRefused) {
  std::string model = ReadBytes(Path("tiny.model"));
  for (uint64_t size : {0ull, 1ull, 1000ull, (1ull << 30) + 1, ~0ull}) {
    std::string damaged = model;
    std::memcpy(damaged.data() + 16, &size, 8);
    EXPECT_NE(LoadBytes(damaged), "ok") << size;
  }
}

// The model that ships with veille, loaded once for the tests below.
class TaggerModelShippedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(DefaultTaggerModelPath())) return;
    Result<std::unique_ptr<TaggerModel>> loaded = TaggerModel::Load(DefaultTaggerModelPath());
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    model_ = loaded->release();
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }
  void SetUp() override {
    if (model_ == nullptr) GTEST_SKIP() << "no model at " << DefaultTaggerModelPath();
  }

  // The title before the person [first, end) of a sentence, or "-".
  static std::string Title(std::string_view sentence, uint32_t first, uint32_t end,
                           EntityType type = kPer) {
    std::vector<std::string> tokens = Split(sentence);
    std::vector<std::string_view> views(tokens.begin(), tokens.end());
    TaggerScratch scratch;
    uint32_t start = model_->TitleStart(views, {first, end, type}, scratch);
    if (start == first) return "-";
    std::string out;
    for (uint32_t t = start; t < first; ++t) out += (t > start ? " " : "") + tokens[t];
    return out;
  }

  static TaggerModel* model_;
};

TaggerModel* TaggerModelShippedTest::model_ = nullptr;

TEST_F(TaggerModelShippedTest, TitleStartGoldenTable) {
  struct Case {
    const char* sentence;
    uint32_t first, end;
    const char* title;
  };
  const Case cases[] = {
      {"M. Dupont a parlé", 1, 2, "M."},
      // As HIPE's tokenizer cuts it: the period belongs to the title.
      {"M . Dupont a parlé", 2, 3, "M ."},
      {"le général Dupont", 2, 3, "général"},
      {"selon le général Dupont", 3, 4, "général"},
      // A nationality between the title and the name belongs to the title.
      {"président kazakh Tokayev", 2, 3, "président kazakh"},
      {"le président kazakh Kassym-Jomart Tokayev", 3, 5, "président kazakh"},
      {"Mme Durand et Me Lefèvre", 1, 2, "Mme"},
      {"Mme Durand et Me Lefèvre", 4, 5, "Me"},
      // Short titles only with their capital: "me" is a pronoun.
      {"il me Dupont", 2, 3, "-"},
      {"Dupont a parlé", 0, 1, "-"},
      {"à Paris", 1, 2, "-"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Title(c.sentence, c.first, c.end), c.title) << c.sentence;
  }
  // Only people have titles.
  EXPECT_EQ(Title("M. Dupont", 1, 2, kOrg), "-");
}

// Short sentences written for this test, tokenized as the pipeline does,
// with the names a reader finds in them. Only what the shipped model gets
// right is here: the table catches regressions, it does not score.
TEST_F(TaggerModelShippedTest, GoldenSentences) {
  struct Case {
    const char* sentence;
    const char* expected;
  };
  const Case cases[] = {
      {"Emmanuel Macron a reçu Olaf Scholz à Paris mardi .",
       "Emmanuel Macron/PER Olaf Scholz/PER Paris/LOC"},
      {"Le président américain Joe Biden se rendra à Varsovie la semaine prochaine .",
       "Joe Biden/PER Varsovie/LOC"},
      {"L' Organisation des Nations unies a publié un rapport sur le Mali .",
       "Organisation des Nations unies/ORG Mali/LOC"},
      {"La Banque centrale européenne a relevé ses taux à Francfort .",
       "Banque centrale européenne/ORG Francfort/LOC"},
      {"Angela Merkel a quitté la chancellerie en Allemagne .", "Angela Merkel/PER Allemagne/LOC"},
      {"Des manifestations ont eu lieu à Almaty , au Kazakhstan .", "Almaty/LOC Kazakhstan/LOC"},
      {"L' OTAN et l' Union européenne ont condamné l' attaque .",
       "OTAN/ORG Union européenne/ORG"},
      {"Le ministre Sergueï Lavrov a rencontré Antony Blinken à Genève .",
       "Sergueï Lavrov/PER Antony Blinken/PER Genève/LOC"},
      {"La Croix-Rouge est intervenue à Marseille .", "Croix-Rouge/ORG Marseille/LOC"},
      {"Vladimir Poutine a téléphoné depuis Moscou .", "Vladimir Poutine/PER Moscou/LOC"},
      {"M. Dupont habite à Lyon depuis dix ans .", "Dupont/PER Lyon/LOC"},
      {"Il fait beau et les enfants jouent dans le jardin .", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Tagged(*model_, c.sentence), c.expected) << c.sentence;
}

TEST_F(TaggerModelShippedTest, DescriptionSaysWhatItWasTrainedOn) {
  EXPECT_FALSE(model_->description().empty());
  EXPECT_GT(model_->gazetteer().size(), 1000u);
}

}  // namespace
}  // namespace veille::entities
