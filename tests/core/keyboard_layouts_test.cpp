// The shipped keyboard layouts (content/keyboards/*.json): each reads without a problem, and every letter of
// its language's alphabet, small and capital, can be typed by taps alone (the alphabets are written here,
// from each language's own spelling, not read from the layouts).
#include <doctest/doctest.h>

#include <deque>
#include <set>

#include "core/base/letter_case.h"
#include "core/content/json_reader.h"
#include "core/touch/keyboard.h"
#include "fixtures.h"

namespace {

core::KeyboardLayout LoadLayout(const std::string& id) {
  core::Problems problems;
  auto json = core::ParseJson(core::ShippedKeyboards().at(id));
  REQUIRE(json.ok());
  auto layout = core::ParseKeyboardLayout(*json, core::JsonReader("keyboards/" + id + ".json", problems));
  for (const auto& p : problems) FAIL_CHECK(p.ToString());
  return layout;
}

// Whether `target` (one letter) can be typed into an empty text field by taps: a search over the keyboard's
// states (page, shift) and the text so far, at most one letter long, from the state the field opens in.
bool Reachable(const core::KeyboardLayout& layout, const std::string& target) {
  struct Node {
    std::string text;
    core::KeyboardState state;
    bool operator<(const Node& o) const {
      return std::tie(text, state.shift, state.symbols, state.words) <
             std::tie(o.text, o.state.shift, o.state.symbols, o.state.words);
    }
  };
  std::set<Node> seen;
  std::deque<Node> queue{{"", core::OpenKeyboard(layout, core::KeyboardKind::kText, "")}};
  while (!queue.empty()) {
    Node n = queue.front();
    queue.pop_front();
    if (n.text == target) return true;
    if (!seen.insert(n).second) continue;
    for (const auto& row : core::KeyboardRows(core::KeyboardKind::kText, layout, n.state)) {
      for (const auto& key : row) {
        Node next = n;
        if (!core::ApplyKey(key, next.text, next.state)) continue;
        if (core::SplitCodePoints(next.text).size() <= 1) queue.push_back(next);
      }
    }
  }
  return false;
}

void CheckAlphabet(const std::string& id, const std::string& alphabet) {
  core::KeyboardLayout layout = LoadLayout(id);
  for (const std::string& small : core::SplitCodePoints(alphabet)) {
    if (small == " ") continue;
    std::string capital = core::UpperLetter(small);
    auto own = layout.capitals.find(small);
    if (own != layout.capitals.end()) capital = own->second;
    CAPTURE(id);
    CAPTURE(small);
    CHECK(Reachable(layout, small));
    CAPTURE(capital);
    CHECK(Reachable(layout, capital));
  }
}

}  // namespace

TEST_CASE("every shipped layout reads without a problem, and each language named here has one") {
  for (const char* id : {"en", "es", "fr", "de", "pt", "it", "pl", "vi", "tl"}) {
    CAPTURE(id);
    REQUIRE(core::ShippedKeyboards().count(id) == 1);
    core::KeyboardLayout layout = LoadLayout(id);
    CHECK_FALSE(layout.letters.empty());
    CHECK_FALSE(layout.email_suffixes.empty());
  }
}

TEST_CASE("English: a to z and the accents of names seen in English") {
  CheckAlphabet("en", "abcdefghijklmnopqrstuvwxyz éèëçñáíóúü");
}

TEST_CASE("Spanish: the alphabet with ñ, the accented vowels and ü") {
  CheckAlphabet("es", "abcdefghijklmnñopqrstuvwxyz áéíóúü");
}

TEST_CASE("French: the alphabet, every accent, ç, œ and æ (Hélène, Zoë, Anaïs, Jérôme, Lebœuf)") {
  CheckAlphabet("fr", "abcdefghijklmnopqrstuvwxyz àâäçéèêëîïôöùûüÿœæ");
}

TEST_CASE("German: the alphabet with ä ö ü and ß (its capital ẞ)") {
  CheckAlphabet("de", "abcdefghijklmnopqrstuvwxyz äöüß");
}

TEST_CASE("Portuguese: the alphabet with ç and every accented vowel") {
  CheckAlphabet("pt", "abcdefghijklmnopqrstuvwxyz áàâãçéêíóôõú");
}

TEST_CASE("Italian: the alphabet with the accented vowels") {
  CheckAlphabet("it", "abcdefghijklmnopqrstuvwxyz àèéìíîòóùú");
}

TEST_CASE("Polish: the alphabet with ą ć ę ł ń ó ś ź ż") {
  CheckAlphabet("pl", "aąbcćdeęfghijklłmnńoóprsśtuwyzźż qvx");
}

TEST_CASE("Tagalog: the Filipino alphabet with ñ (ng is two taps) and the accents of dictionary spelling") {
  CheckAlphabet("tl", "abcdefghijklmnñopqrstuvwxyz áàâéèêíìîóòôúùû");
}

TEST_CASE("Vietnamese: the 29 letters, and every vowel in each of its six tones") {
  CheckAlphabet("vi", "aăâbcdđeêghiklmnoôơpqrstuưvxy");
  const std::vector<std::string> toned = {"áắấéếíóốớúứý", "àằầèềìòồờùừỳ", "ảẳẩẻểỉỏổởủửỷ", "ãẵẫẽễĩõỗỡũữỹ",
                                          "ạặậẹệịọộợụựỵ"};
  for (const auto& tone : toned) CheckAlphabet("vi", tone);
}

TEST_CASE(
    "Vietnamese: Nguyễn typed by taps: e, the â key, then the ã key; a second tone replaces the first") {
  core::KeyboardLayout vi = LoadLayout("vi");
  core::KeyboardState state = core::OpenKeyboard(vi, core::KeyboardKind::kText, "");
  auto tap = [&](const std::string& label, std::string& text) {
    for (const auto& row : core::KeyboardRows(core::KeyboardKind::kText, vi, state))
      for (const auto& key : row)
        if (core::KeyLabel(key, state) == label) {
          core::ApplyKey(key, text, state);
          return;
        }
    FAIL("no key " << label);
  };
  std::string text;
  for (const char* k : {"N", "g", "u", "y", "e", "â", "á"}) tap(k, text);
  CHECK(text == "Nguyế");
  tap("ã", text);  // the tone changed: ế -> ễ
  tap("n", text);
  CHECK(text == "Nguyễn");
}

TEST_CASE("a layout that says every word takes a capital turns shift on after a space or a hyphen") {
  core::KeyboardLayout layout = LoadLayout("en");
  layout.capitalize = core::KeyboardLayout::Capitalize::kWords;
  core::KeyboardState state = core::OpenKeyboard(layout, core::KeyboardKind::kText, "");
  std::string text;
  core::Key a{core::Key::Kind::kChar, "a", 1, "A"}, hyphen{core::Key::Kind::kChar, "-", 1, "-"};
  core::Key space{core::Key::Kind::kSpace, " ", 5};
  for (const auto* k : {&a, &a, &space, &a, &hyphen, &a}) core::ApplyKey(*k, text, state);
  CHECK(text == "Aa A-A");
  layout.capitalize = core::KeyboardLayout::Capitalize::kNone;
  CHECK_FALSE(core::OpenKeyboard(layout, core::KeyboardKind::kText, "").shift);
  CHECK_FALSE(core::OpenKeyboard(LoadLayout("en"), core::KeyboardKind::kEmail, "").shift);
}

TEST_CASE("capitals of the letters the layouts use: Latin, Vietnamese, Greek, Cyrillic, and the Turkish i") {
  CHECK(core::UpperLetter("é") == "É");
  CHECK(core::UpperLetter("œ") == "Œ");
  CHECK(core::UpperLetter("ż") == "Ż");
  CHECK(core::UpperLetter("ł") == "Ł");
  CHECK(core::UpperLetter("ơ") == "Ơ");
  CHECK(core::UpperLetter("ễ") == "Ễ");
  CHECK(core::UpperLetter("ÿ") == "Ÿ");
  CHECK(core::UpperLetter("ж") == "Ж");
  CHECK(core::UpperLetter("ё") == "Ё");
  CHECK(core::UpperLetter("ς") == "Σ");
  CHECK(core::UpperLetter("ά") == "Ά");
  CHECK(core::UpperLetter("ı") == "I");
  CHECK(core::LowerLetter("İ") == "i");
  CHECK(core::LowerLetter("Ễ") == "ễ");
  CHECK(core::UpperLetter("1") == "1");
  CHECK(core::UpperLetter(".com") == ".com");
}

TEST_CASE("protocol words match whatever their ASCII case, and only ASCII letters are folded") {
  CHECK(core::EqualsIgnoringAsciiCase("Retry-After", "retry-after"));
  CHECK(core::EqualsIgnoringAsciiCase("HTTPS", "https"));
  CHECK_FALSE(core::EqualsIgnoringAsciiCase("https", "http"));
  CHECK_FALSE(core::EqualsIgnoringAsciiCase("date", "dates"));
  CHECK_FALSE(core::EqualsIgnoringAsciiCase("É", "é"));  // not a protocol word: no Unicode folding
  CHECK_FALSE(core::EqualsIgnoringAsciiCase("[", "{"));  // 0x5B and 0x7B differ by the ASCII case bit
}

namespace {
using core_test::Json;
core_test::FileMap ContentIn(const std::vector<std::string>& languages) {
  using core_test::Q;
  Json steps = Json::array({core_test::Step("s", Json::array({Q("a", "text")}))});
  return core_test::Files(core_test::Questionnaire(steps), languages);
}
}  // namespace

TEST_CASE("each language gets its layout: the shipped one by its code, or the one its manifest entry names") {
  auto files = ContentIn({"en", "es"});
  Json m = Json::parse(files["manifest.json"]);
  m["languages"][1]["keyboard"] = "fr";  // languages may share or borrow a layout
  files["manifest.json"] = m.dump();
  core::Content c = core_test::Load(files);  // a copy of the loaded content: its layouts go with it
  REQUIRE(c.keyboards.size() == 2);
  REQUIRE_FALSE(c.KeyboardFor("es").letters.empty());
  CHECK(c.KeyboardFor("en").letters.front() == "qwertyuiop");
  CHECK(c.KeyboardFor("es").letters.front() == "azertyuiop");
  CHECK(c.KeyboardFor("").letters.front() == "qwertyuiop");  // before a language is chosen: the default's
}

TEST_CASE("a content folder's own keyboards/ID.json replaces the shipped layout of that id") {
  auto files = ContentIn({"en"});
  files["keyboards/en.json"] =
      R"({"letters": ["abcdefghij", "klmnopqrs", "tuvwxyz"], "symbols": ["1234567890"],
    "symbols_key": "123", "letters_key": "abc", "email_suffixes": [".org"]})";
  core::Content c = core_test::Load(files);
  REQUIRE_FALSE(c.KeyboardFor("en").letters.empty());
  CHECK(c.KeyboardFor("en").letters.front() == "abcdefghij");
  CHECK(c.KeyboardFor("en").email_suffixes == std::vector<std::string>{".org"});
}

TEST_CASE("check-content names the layout file and the JSON path of each problem in it") {
  auto files = ContentIn({"en"});
  files["keyboards/en.json"] = R"({"letters": ["qwertyuiop", "a s", "abcdefghijklm"], "symbols": [],
    "symbols_key": "123", "email_suffixes": ["com"], "capitals": {"ab": "X"}, "capitalize": "all",
    "modifiers": [{"key": "x", "changes": {"a": "áb"}}], "colour": "red"})";
  files["keyboards/xx.json"] = "{";  // not used by a language, still checked
  auto problems = core_test::ProblemsOf(files);
  using core_test::Has;
  CHECK(Has(problems, "keyboards/en.json", "/letters/1", "space"));
  CHECK(Has(problems, "keyboards/en.json", "/letters/2", "13 keys, at most 12"));
  CHECK(Has(problems, "keyboards/en.json", "/symbols", "at least one row"));
  CHECK(Has(problems, "keyboards/en.json", "/", "missing required \"letters_key\""));
  CHECK(Has(problems, "keyboards/en.json", "/email_suffixes/0", "domain ending"));
  CHECK(Has(problems, "keyboards/en.json", "/capitals/ab", "one character"));
  CHECK(Has(problems, "keyboards/en.json", "/capitalize", "\"field\", \"words\" or \"none\""));
  CHECK(Has(problems, "keyboards/en.json", "/modifiers/0/changes/a", "one character"));
  CHECK(Has(problems, "keyboards/en.json", "/colour", "unknown key"));
  CHECK(Has(problems, "keyboards/xx.json", "/", ""));
}

TEST_CASE("a language with no layout is reported at its manifest entry, once") {
  auto files = ContentIn({"en", "sw"});
  auto problems = core_test::ProblemsOf(files);
  CHECK(core_test::Has(problems, "manifest.json", "/languages/1/code", "no keyboard layout \"sw\""));
  Json m = Json::parse(files["manifest.json"]);
  m["languages"][1]["keyboard"] = "qwerty-sw";
  files["manifest.json"] = m.dump();
  problems = core_test::ProblemsOf(files);
  CHECK(core_test::Has(problems, "manifest.json", "/languages/1/keyboard", "add keyboards/qwerty-sw.json"));
}
