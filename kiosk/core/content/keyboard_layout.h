// A language's on-screen keyboard as content describes it (content/keyboards/*.json): the letter rows, the
// accents and symbols page and the key that opens it, the email suffix keys, shift rules and the keys that
// change the last letter (Vietnamese tones). Where the shift, backspace, space and done keys go is a rule of
// core/touch/keyboard; which letters and in what rows is content.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace core {

class JsonReader;

struct KeyModifier {
  std::string key;                             // its label ("á")
  std::map<std::string, std::string> changes;  // last letter -> what it becomes ("a" -> "á", "ê" -> "ế")
};

struct KeyboardLayout {
  enum class Capitalize { kField, kWords, kNone };
  std::vector<std::string> letters;         // rows of the letter page, one key per character (small letters)
  std::vector<std::string> symbols;         // rows of the accents, digits and punctuation page
  std::string symbols_key;                  // the label of the key that opens that page ("123 àé")
  std::string letters_key;                  // the label of the key that goes back ("abc")
  std::vector<std::string> email_suffixes;  // ".com", ".fr": one key each on the email keyboard
  std::map<std::string, std::string> capitals;  // capitals the kiosk's own case rules do not know
  Capitalize capitalize = Capitalize::kField;   // text fields: a capital to start the field, each word, none
  std::vector<KeyModifier> modifiers;  // a row of keys on the accents page that change the last letter
};

// The most character keys a row may have: more would make keys narrower than a fingertip on 1280x800.
inline constexpr size_t kMaxKeysPerRow = 12;

// Reads one layout file; every problem goes to `r` with its JSON pointer.
KeyboardLayout ParseKeyboardLayout(const nlohmann::json& j, const JsonReader& r);

// The layouts that ship with the kiosk (content/keyboards/*.json, compiled in): id -> JSON text. A content
// folder's own keyboards/ADD.json adds a layout or replaces a shipped one of the same id.
const std::map<std::string, std::string>& ShippedKeyboards();

}  // namespace core
