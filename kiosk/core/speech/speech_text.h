// What the kiosk says aloud (issue 19): for a screen its heading, intro and progress, its long texts in
// paragraphs; for the item the keypad's focus is on, the question with its help, the item with its state, the
// question's problem, what a button does. Every word comes from the content (app.json "ui" speech_* keys), in
// the client's language. Pure: the UI describes the focused target, the app speaks the result.
#pragma once

#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/visit/flags.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"

namespace core {

enum class UtteranceKind {
  kHeading,    // the screen's heading
  kIntro,      // its intro, or a line said once (the paragraph hint)
  kProgress,   // "Step 3 of 7: Your skin"
  kParagraph,  // a paragraph of a long text (explainer, consent, privacy): Down skips to the next
  kItem,       // the focused item
  kMessage,    // a problem or flag message at the focused question
};

struct Utterance {
  UtteranceKind kind = UtteranceKind::kItem;
  std::string text;
  bool operator==(const Utterance&) const = default;
};
using Utterances = std::vector<Utterance>;

// The focused target as the UI drew it.
struct SpokenTarget {
  std::string label;     // its visible label
  std::string question;  // the id of the question it answers; empty for buttons and keys
  // What a button does: "next", "review" (Next while editing from review), "back", "send", "edit", "start",
  // "continue", "start_over", "larger_text", "high_contrast", "read_aloud", "language"; empty for others.
  std::string action;
  bool checked = false;  // a chosen answer, a ticked consent, a header option that is on
  bool operator==(const SpokenTarget&) const = default;
};

// The screen as it opens (the idle countdown counts as a screen while it shows). The attract screen says how
// to start by keys; Review reads every answer, question then answer, a section a paragraph.
Utterances ScreenSpeech(const Content& content, const Session& session, const Visibility& vis);

// "20 seconds left." on "Still there?".
Utterance CountdownSpeech(const Content& content, const Session& session, int seconds);

// The flag message shown under `question_id`'s answer ("Your practitioner will talk this through with you."),
// or nothing when its answer raised no flag.
Utterances FlagSpeech(const Content& content, const Session& session, const std::vector<RaisedFlag>& flags,
                      const std::string& question_id);

// The focused target. `entering`: the focus has just come to this question (its label and help are read
// first); `with_help`: the help key asked for it again, the question with its help and the item.
Utterances ItemSpeech(const Content& content, const Session& session, const SpokenTarget& target,
                      bool entering, bool with_help);

// The problem now shown at `question_id`, or nothing.
Utterances ProblemSpeech(const Content& content, const Session& session, const std::string& question_id);

// Next or Send found problems: how many ("2 answers need your attention"), then the first one's question and
// message, in page order.
Utterances ProblemsSpeech(const Content& content, const Session& session);

// Why Send did not work, as Review shows it (session.submit_error's words); nothing when it worked.
Utterances SubmitErrorSpeech(const Content& content, const Session& session);

// "Volume 6 of 10" / "Speed 4 of 10" (1 to 10), for the keys that change them.
Utterance LevelSpeech(const Content& content, const Session& session, bool volume, int level);

// Splits a long text at its blank lines ("\n\n"), as the screens draw its paragraphs.
std::vector<std::string> SplitParagraphs(const std::string& text);

// Every utterance's text joined by spaces (what a headless script checks with `expect spoken`).
std::string Joined(const Utterances& utterances);

}  // namespace core
