// A SAX pass over the text keeping the path (object keys and array indexes) and each open object's names.
#include "inbox/rules/duplicate_keys.h"

#include <set>
#include <vector>

#include "core/content/json_reader.h"

namespace core {
namespace {

class DuplicateFinder : public nlohmann::json_sax<Json> {
 public:
  std::optional<std::string> found;

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open(true); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(false); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    Frame& top = frames_.back();
    if (!top.names.insert(name).second) {
      found = Child(Pointer(), name);
      return false;  // stop: the first is enough
    }
    top.key = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    bool object = false;
    std::set<std::string> names;  // objects: the names so far
    std::string key;              // objects: the member being read
    size_t index = 0;             // arrays: the element being read
  };

  // The pointer of the container being read (its open members and elements).
  std::string Pointer() const {
    std::string at;
    for (size_t i = 0; i + 1 < frames_.size(); ++i) {
      at = frames_[i].object ? Child(at, frames_[i].key) : Child(at, frames_[i].index);
    }
    return at;
  }
  bool Value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  bool Open(bool object) {
    frames_.push_back(Frame{object, {}, {}, 0});
    return true;
  }
  bool Close() {
    frames_.pop_back();
    return Value();  // the container was one value of its parent
  }

  std::vector<Frame> frames_;
};

}  // namespace

std::optional<std::string> FirstDuplicateKey(const std::string& text) {
  DuplicateFinder finder;
  try {
    Json::sax_parse(text, &finder);
  } catch (const std::exception&) {
    // the caller parsed it already; nothing more to say here
  }
  return finder.found;
}

}  // namespace core
