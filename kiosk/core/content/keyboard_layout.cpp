// Reading a keyboard layout file: rows of single characters, labels, suffixes, shift rules, modifier keys.
#include "core/content/keyboard_layout.h"

#include "core/base/letter_case.h"
#include "core/content/json_reader.h"

namespace core {

namespace {

size_t CountCodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> Rows(const Json& j, const JsonReader& r, const char* key) {
  std::vector<std::string> rows;
  const Json* v = r.Field(j, "", key, true);
  if (!v || !r.IsArray(*v, Child("", key))) return rows;
  if (v->empty()) r.Error(Child("", key), "must have at least one row");
  for (size_t i = 0; i < v->size(); ++i) {
    std::string ptr = Child(Child("", key), i);
    const Json& row = (*v)[i];
    if (!row.is_string() || row.get_ref<const std::string&>().empty()) {
      r.Error(ptr, std::string("must be a non-empty string of keys, found ") + JsonTypeName(row));
      continue;
    }
    const std::string& text = row.get_ref<const std::string&>();
    if (text.find(' ') != std::string::npos) r.Error(ptr, "has a space: the space bar is added by the kiosk");
    if (CountCodePoints(text) > kMaxKeysPerRow)
      r.Error(ptr, "has " + std::to_string(CountCodePoints(text)) + " keys, at most " +
                       std::to_string(kMaxKeysPerRow) + " fit a row");
    rows.push_back(text);
  }
  return rows;
}

std::map<std::string, std::string> LetterMap(const Json& v, const JsonReader& r, const std::string& ptr) {
  std::map<std::string, std::string> out;
  if (!r.IsObject(v, ptr)) return out;
  for (const auto& item : v.items()) {
    const std::string& from = item.key();
    std::string p = Child(ptr, from);
    if (!SingleCodePoint(from)) r.Error(p, "\"" + from + "\" must be one character");
    if (!item.value().is_string() || !SingleCodePoint(item.value().get_ref<const std::string&>())) {
      r.Error(p, "must be one character");
      continue;
    }
    out[from] = item.value().get<std::string>();
  }
  return out;
}

}  // namespace

KeyboardLayout ParseKeyboardLayout(const Json& j, const JsonReader& r) {
  KeyboardLayout k;
  if (!r.IsObject(j, "")) return k;
  r.AllowOnly(j, "",
              {"$comment", "letters", "symbols", "symbols_key", "letters_key", "email_suffixes", "capitals",
               "capitalize", "modifiers"});
  k.letters = Rows(j, r, "letters");
  k.symbols = Rows(j, r, "symbols");
  k.symbols_key = r.String(j, "", "symbols_key", true);
  k.letters_key = r.String(j, "", "letters_key", true);
  if (const Json* s = r.Field(j, "", "email_suffixes", true); s && r.IsArray(*s, "/email_suffixes")) {
    if (s->empty() || s->size() > 3) r.Error("/email_suffixes", "must have 1 to 3 suffixes");
    for (size_t i = 0; i < s->size(); ++i) {
      const Json& v = (*s)[i];
      if (!v.is_string() || v.get_ref<const std::string&>().size() < 2 ||
          v.get_ref<const std::string&>()[0] != '.' || v.get_ref<const std::string&>().size() > 8) {
        r.Error(Child("/email_suffixes", i), "must be a domain ending like \".com\" (2 to 8 characters)");
        continue;
      }
      k.email_suffixes.push_back(v.get<std::string>());
    }
  }
  if (const Json* c = r.Field(j, "", "capitals", false)) k.capitals = LetterMap(*c, r, "/capitals");
  std::string cap = r.String(j, "", "capitalize", false);
  if (cap == "words") {
    k.capitalize = KeyboardLayout::Capitalize::kWords;
  } else if (cap == "none") {
    k.capitalize = KeyboardLayout::Capitalize::kNone;
  } else if (!cap.empty() && cap != "field") {
    r.Error("/capitalize", "must be \"field\", \"words\" or \"none\", found \"" + cap + "\"");
  }
  if (const Json* m = r.Field(j, "", "modifiers", false); m && r.IsArray(*m, "/modifiers")) {
    if (m->size() > kMaxKeysPerRow) r.Error("/modifiers", "at most 12 modifier keys fit their row");
    for (size_t i = 0; i < m->size(); ++i) {
      std::string ptr = Child("/modifiers", i);
      const Json& mod = (*m)[i];
      if (!r.IsObject(mod, ptr)) continue;
      r.AllowOnly(mod, ptr, {"key", "changes"});
      KeyModifier km{r.String(mod, ptr, "key", true), {}};
      if (const Json* ch = r.Field(mod, ptr, "changes", true))
        km.changes = LetterMap(*ch, r, Child(ptr, "changes"));
      k.modifiers.push_back(std::move(km));
    }
  }
  return k;
}

}  // namespace core
