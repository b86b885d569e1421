// Script parsing.
#include "app/script.h"

#include <cctype>
#include <sstream>

namespace app {

namespace {

// Reads a double-quoted string (with \" and \\ escapes) at `at`; advances past it.
bool Quoted(const std::string& line, size_t& at, std::string& out) {
  while (at < line.size() && line[at] == ' ') ++at;
  if (at >= line.size() || line[at] != '"') return false;
  out.clear();
  for (++at; at < line.size(); ++at) {
    if (line[at] == '\\' && at + 1 < line.size()) {
      out += line[++at];
    } else if (line[at] == '"') {
      ++at;
      return true;
    } else {
      out += line[at];
    }
  }
  return false;
}

bool Rest(const std::string& line, size_t at) {
  return line.find_first_not_of(' ', at) == std::string::npos;
}

bool Duration(const std::string& word, std::chrono::milliseconds& out) {
  size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
  if (digits == 0 || digits > 7) return false;
  long long n = std::stoll(word.substr(0, digits));
  std::string unit = word.substr(digits);
  if (unit == "ms") {
    out = std::chrono::milliseconds(n);
  } else if (unit == "s") {
    out = std::chrono::seconds(n);
  } else if (unit == "m") {
    out = std::chrono::minutes(n);
  } else {
    return false;
  }
  return true;
}

}  // namespace

core::Result<std::vector<Command>> ParseScript(const std::string& text, const std::string& file_name) {
  std::vector<Command> commands;
  core::Problems problems;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] == '#') continue;
    size_t word_end = line.find(' ', start);
    std::string verb =
        line.substr(start, word_end == std::string::npos ? std::string::npos : word_end - start);
    size_t at = word_end == std::string::npos ? line.size() : word_end;
    Command c;
    c.line = number;
    bool ok = true;
    auto bad = [&](const std::string& why) {
      problems.push_back({file_name, "", "line " + std::to_string(number) + ": " + why + ": " + line});
      ok = false;
    };
    if (verb == "tap" || verb == "type" || verb == "sign" || verb == "screenshot" || verb == "drag") {
      c.kind = verb == "drag"   ? Command::Kind::kDrag
               : verb == "tap"  ? Command::Kind::kTap
               : verb == "type" ? Command::Kind::kType
               : verb == "sign" ? Command::Kind::kSign
                                : Command::Kind::kScreenshot;
      bool bare_name = c.kind == Command::Kind::kScreenshot && line.find('"', at) == std::string::npos;
      if (bare_name) {
        std::istringstream words(line.substr(at));
        words >> c.text;
        at = line.find(c.text, at) + c.text.size();
      } else if (!Quoted(line, at, c.text)) {
        bad("expected a quoted string");
      } else if (c.kind == Command::Kind::kTap || c.kind == Command::Kind::kDrag) {
        while (at < line.size() && line[at] == ' ') ++at;
        if (line.compare(at, 3, "in ") == 0) {
          at += 3;
          if (!Quoted(line, at, c.scope)) bad("expected a quoted question after 'in'");
        }
      }
      if (ok && c.kind == Command::Kind::kDrag) {
        std::istringstream words(line.substr(at));
        std::string by, px;
        words >> by >> px;
        try {
          c.drag_px = std::stoi(px);
        } catch (...) {
          by.clear();
        }
        if (by != "by") bad("expected: drag \"label\" by PIXELS");
        at = ok ? line.find(px, line.find("by", at)) + px.size() : at;
      }
      if (ok && !Rest(line, at)) bad("unexpected text after the command");
      if (ok && c.kind == Command::Kind::kScreenshot &&
          (c.text.find('/') != std::string::npos || c.text.size() < 5 ||
           c.text.substr(c.text.size() - 4) != ".png")) {
        bad("a screenshot name is a file name ending in .png");
      }
    } else if (verb == "hold") {
      c.kind = Command::Kind::kHold;
      std::string word;
      if (!Quoted(line, at, c.text)) {
        bad("expected a quoted corner (top_left, top_right, bottom_left, bottom_right) or point \"x,y\"");
      } else {
        std::istringstream words(line.substr(at));
        words >> word;
        if (!Duration(word, c.duration)) bad("expected a duration like 3s after the place");
        if (ok && !Rest(line, line.find(word, at) + word.size())) bad("unexpected text after the duration");
      }
    } else if (verb == "press") {
      c.kind = Command::Kind::kPress;
      if (!Quoted(line, at, c.text)) bad("expected one quoted key name like \"Down\"");
      while (ok && at < line.size() && line[at] == ' ') ++at;
      if (ok && line.compare(at, 12, "until focus ") == 0) {
        at += 12;
        if (!Quoted(line, at, c.until)) bad("expected a quoted label after 'until focus'");
        while (ok && at < line.size() && line[at] == ' ') ++at;
        if (ok && line.compare(at, 3, "in ") == 0) {
          at += 3;
          if (!Quoted(line, at, c.until_scope)) bad("expected a quoted question after 'in'");
        }
      }
      if (ok && !Rest(line, at)) bad("expected nothing, or until focus \"label\", after the key");
    } else if (verb == "key") {
      c.kind = Command::Kind::kKey;
      if (!Quoted(line, at, c.text) || !Rest(line, at))
        bad("expected one quoted key combination like \"Alt+F4\"");
    } else if (verb == "disk") {
      c.kind = Command::Kind::kDiskFull;
      std::istringstream words(line.substr(at));
      std::string word, extra;
      words >> word >> extra;
      if (word != "full" || !extra.empty()) bad("expected: disk full");
    } else if (verb == "plug" || verb == "unplug") {
      c.kind = verb == "plug" ? Command::Kind::kPlug : Command::Kind::kUnplug;
      std::istringstream words(line.substr(at));
      std::string extra;
      words >> c.text >> extra;
      if ((c.text != "headphones" && c.text != "headset") || !extra.empty())
        bad("expected: " + verb + " headphones (the jack) or " + verb + " headset (USB)");
    } else if (verb == "close") {
      c.kind = Command::Kind::kClose;
      if (!Rest(line, at)) bad("close takes nothing after it");
    } else if (verb == "wait") {
      c.kind = Command::Kind::kWait;
      std::istringstream words(line.substr(at));
      std::string word;
      words >> word;
      if (!Duration(word, c.duration)) bad("expected a duration like 500ms, 30s or 2m");
      if (ok && !Rest(line, line.find(word, at) + word.size())) bad("unexpected text after the duration");
    } else if (verb == "expect") {
      std::istringstream words(line.substr(at));
      std::string what;
      words >> what;
      at = line.find(what, at) + what.size();
      if (what == "screen") {
        c.kind = Command::Kind::kExpectScreen;
        words >> c.text;
        if (c.text.empty()) bad("expected a screen id");
        at = line.find(c.text, at) + c.text.size();
        if (ok && !Rest(line, at)) bad("unexpected text after the screen id");
      } else if (what == "text") {
        c.kind = Command::Kind::kExpectText;
        if (!Quoted(line, at, c.text)) bad("expected one quoted text");
        std::istringstream rest(line.substr(at));
        std::string within, word;
        if (ok && rest >> within) {
          // expect text "..." within 20s: another process (the sender) must answer first
          rest >> word;
          if (within != "within" || !Duration(word, c.duration) ||
              !Rest(line, line.find(word, at) + word.size()))
            bad("expected nothing, or 'within' and a duration like 20s, after the text");
        }
      } else if (what == "focus") {
        // expect focus "No" in "Are you pregnant?": the focus ring is on that target
        c.kind = Command::Kind::kExpectFocus;
        if (!Quoted(line, at, c.text)) bad("expected one quoted label");
        while (ok && at < line.size() && line[at] == ' ') ++at;
        if (ok && line.compare(at, 3, "in ") == 0) {
          at += 3;
          if (!Quoted(line, at, c.scope)) bad("expected a quoted question after 'in'");
        }
        if (ok && !Rest(line, at)) bad("unexpected text after the command");
      } else if (what == "visible") {
        // expect visible "Please answer this question." in "Are you pregnant?": drawn whole on screen
        c.kind = Command::Kind::kExpectVisible;
        if (!Quoted(line, at, c.text)) bad("expected one quoted text");
        while (ok && at < line.size() && line[at] == ' ') ++at;
        if (ok && line.compare(at, 3, "in ") == 0) {
          at += 3;
          if (!Quoted(line, at, c.scope)) bad("expected a quoted question after 'in'");
        }
        if (ok && !Rest(line, at)) bad("unexpected text after the command");
      } else if (what == "spoken" || what == "speaking") {
        c.kind = what == "spoken" ? Command::Kind::kExpectSpoken : Command::Kind::kExpectSpeaking;
        if (!Quoted(line, at, c.text) || !Rest(line, at)) bad("expected one quoted text");
      } else if (what == "no") {
        std::string text_word;
        words >> text_word;
        c.kind = text_word == "target" ? Command::Kind::kExpectNoTarget : Command::Kind::kExpectNoText;
        at = line.find(text_word, at) + text_word.size();
        if ((text_word != "text" && text_word != "target") || !Quoted(line, at, c.text) || !Rest(line, at))
          bad("expected: expect no text \"...\" or expect no target \"...\"");
      } else {
        bad("expected 'expect screen', 'expect text', 'expect visible', 'expect focus', 'expect spoken', "
            "'expect speaking' or 'expect no text'");
      }
    } else {
      bad("unknown command '" + verb + "'");
    }
    if (ok) commands.push_back(std::move(c));
  }
  if (!problems.empty()) return problems;
  return commands;
}

}  // namespace app
