// The words of speech: screens, focused items, problems and levels, from the content's ui speech_* keys.
#include "core/speech/speech_text.h"

#include <utility>

#include "core/visit/answer_text.h"
#include "core/visit/flow.h"
#include "core/visit/review.h"
#include "core/visit/validation.h"

namespace core {

namespace {

struct SpokenWords {
  const Content& content;
  const std::string& lang;
  const std::string& T(const Text& text) const { return text.In(lang); }
  const std::string& Ui(std::string_view key) const { return content.app.Ui(key).In(lang); }
};

SpokenWords WordsOf(const Content& content, const Session& session) {
  return {content, content.LanguageOr(session.language)};
}

void Add(Utterances& out, UtteranceKind kind, const std::string& text) {
  if (!text.empty()) out.push_back({kind, text});
}

// A long text's paragraphs; the section's label leads its first one ("Straight after. Your skin will ...").
void AddParagraphs(Utterances& out, const std::string& label, const std::string& body) {
  auto paras = SplitParagraphs(body);
  if (paras.empty()) {
    Add(out, UtteranceKind::kParagraph, label);
    return;
  }
  for (size_t i = 0; i < paras.size(); ++i)
    Add(out, UtteranceKind::kParagraph, i == 0 && !label.empty() ? label + ". " + paras[i] : paras[i]);
}

void StepSpeech(const SpokenWords& w, const Session& session, const Visibility& vis, Utterances& out) {
  const Step& step = w.content.steps.at(session.step);
  size_t page = std::min(session.page, step.PageCount() - 1);
  const Page* own = page < step.pages.size() ? &step.pages[page] : nullptr;
  const Text& heading = own && !own->heading.empty() ? own->heading : step.heading;
  const Text& intro = own && (!own->intro.empty() || page > 0) ? own->intro : step.intro;
  Add(out, UtteranceKind::kHeading, w.T(heading.empty() ? step.title : heading));
  if (!intro.empty()) Add(out, UtteranceKind::kIntro, w.T(intro));
  Progress p = ProgressOf(w.content, session, vis);
  std::string progress =
      Format(w.Ui("speech_step"),
             {{"n", std::to_string(p.n)}, {"m", std::to_string(p.m)}, {"title", w.T(step.title)}});
  if (step.PageCount() > 1)
    progress +=
        " " +
        Format(w.Ui("page_of"), {{"n", std::to_string(page + 1)}, {"m", std::to_string(step.PageCount())}}) +
        ".";
  Add(out, UtteranceKind::kProgress, progress);
  bool hinted = false;
  for (size_t i = step.PageBegin(page); i < step.PageEnd(page); ++i) {
    const Question& q = step.questions[i];
    if (q.type != QuestionType::kInfo || !vis.Shows(q.id)) continue;
    if (!hinted) Add(out, UtteranceKind::kIntro, w.Ui("speech_skip_hint"));
    hinted = true;
    AddParagraphs(out, w.T(q.label), w.T(q.body));
  }
}

// "First name: Maria." / "Are you pregnant, or could you be? No." (a question's own mark stands for the
// colon)
std::string AnswerLine(const SpokenWords& w, const Question& q, const Session& session) {
  const std::string& label = w.T(q.label);
  auto a = session.answers.find(q.id);
  bool answered = a != session.answers.end() && IsAnswered(a->second);
  std::string value;
  if (q.type == QuestionType::kConsent) {
    value = w.Ui(ConsentAccepted(session.answers, q) ? "yes" : "no");
  } else if (!answered) {
    value = w.T(w.content.app.review.not_answered);
  } else if (const auto* sig = std::get_if<Signature>(&a->second)) {
    value = w.Ui(sig->keyed ? "confirmed_by_key" : "speech_signed");
  } else {
    value = AnswerText(w.content, w.lang, q, a->second);
  }
  if (!label.empty() && (label.back() == '?' || label.back() == ':')) return label + " " + value + ".";
  return Format(w.Ui("speech_answer"), {{"question", label}, {"answer", value}});
}

// Review: each section's title, then its answers, as one paragraph (Down skips to the next section).
void ReviewSpeech(const SpokenWords& w, const Session& session, const Visibility& vis, Utterances& out) {
  bool hinted = false;
  for (size_t s : StepsToReview(w.content, vis)) {
    if (!std::exchange(hinted, true)) Add(out, UtteranceKind::kIntro, w.Ui("speech_skip_hint"));
    const Step& step = w.content.steps[s];
    std::string para = w.T(step.title) + ".";
    ForEachQuestion(step.questions, [&](const Question& q) {
      if (vis.Shows(q.id) && q.Answerable()) para += " " + AnswerLine(w, q, session);
    });
    Add(out, UtteranceKind::kParagraph, para);
  }
}

std::string ButtonDoes(const std::string& action) {
  if (action == "next" || action == "review" || action == "back" || action == "send" || action == "edit" ||
      action == "start" || action == "continue" || action == "start_over" || action == "language")
    return "speech_does_" + action;
  return {};
}

}  // namespace

std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    for (char& c : para)
      if (c == '\n') c = ' ';
    if (!para.empty()) out.push_back(std::move(para));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

Utterances ScreenSpeech(const Content& content, const Session& session, const Visibility& vis) {
  SpokenWords w = WordsOf(content, session);
  Utterances out;
  if (session.still_there) {
    Add(out, UtteranceKind::kHeading, w.T(content.app.idle.title));
    Add(out, UtteranceKind::kIntro, w.T(content.app.idle.body));
    return out;
  }
  switch (session.screen) {
    case Screen::kAttract:
      Add(out, UtteranceKind::kHeading, w.T(content.app.attract.title));
      Add(out, UtteranceKind::kIntro, w.T(content.app.attract.subtitle));
      Add(out, UtteranceKind::kIntro, w.Ui("start_keys") + ".");
      break;
    case Screen::kLanguage:
      Add(out, UtteranceKind::kHeading, w.T(content.app.language.title));
      break;
    case Screen::kStep:
      if (session.step < content.steps.size()) StepSpeech(w, session, vis, out);
      break;
    case Screen::kReview: {
      Add(out, UtteranceKind::kHeading, w.T(content.app.review.title));
      Add(out, UtteranceKind::kIntro, w.T(content.app.review.intro));
      for (auto& u : SubmitErrorSpeech(content, session)) out.push_back(std::move(u));  // before the answers
      Progress p = ProgressOf(content, session, vis);
      Add(out, UtteranceKind::kProgress,
          Format(w.Ui("speech_step"), {{"n", std::to_string(p.n)},
                                       {"m", std::to_string(p.m)},
                                       {"title", w.T(content.app.review.title)}}));
      ReviewSpeech(w, session, vis, out);
      break;
    }
    case Screen::kSubmitting:
      Add(out, UtteranceKind::kHeading, w.Ui("submitting"));
      break;
    case Screen::kThankYou:
      Add(out, UtteranceKind::kHeading, w.T(content.app.thank_you.title));
      Add(out, UtteranceKind::kIntro, w.T(content.app.thank_you.body));
      break;
  }
  return out;
}

Utterance CountdownSpeech(const Content& content, const Session& session, int seconds) {
  SpokenWords w = WordsOf(content, session);
  return {UtteranceKind::kIntro, Format(w.Ui("speech_seconds_left"), {{"n", std::to_string(seconds)}})};
}

Utterances FlagSpeech(const Content& content, const Session& session, const std::vector<RaisedFlag>& flags,
                      const std::string& question_id) {
  Utterances out;
  if (!RaisesFlag(flags, question_id)) return out;
  SpokenWords w = WordsOf(content, session);
  Add(out, UtteranceKind::kMessage, w.T(FlagMessage(content, flags, question_id)));
  return out;
}

Utterances ItemSpeech(const Content& content, const Session& session, const SpokenTarget& target,
                      bool entering, bool with_help) {
  SpokenWords w = WordsOf(content, session);
  Utterances out;
  const Question* q = target.question.empty() ? nullptr : content.FindQuestion(target.question);
  if (q && (entering || with_help)) {
    bool own_label = q->type == QuestionType::kConsent || target.label == w.T(q->label);
    if (q->type == QuestionType::kConsent) AddParagraphs(out, "", w.T(q->body));
    if (!own_label) Add(out, UtteranceKind::kIntro, w.T(q->label));
    if (!q->help.empty()) Add(out, UtteranceKind::kIntro, w.T(q->help));
  }
  const std::string state = w.Ui(target.checked ? "speech_selected" : "speech_not_selected");
  std::string item;
  if (std::string does = ButtonDoes(target.action); !does.empty()) {
    item = Format(w.Ui("speech_button"), {{"label", target.label}, {"does", w.Ui(does)}});
  } else if (!target.action.empty()) {  // a header option that is on or off
    item = Format(w.Ui("speech_option"), {{"label", target.label}, {"state", state}});
  } else if (q && (q->type == QuestionType::kYesNo || q->type == QuestionType::kSingleChoice ||
                   q->type == QuestionType::kMultiChoice || q->type == QuestionType::kConsent)) {
    item = Format(w.Ui("speech_option"), {{"label", target.label}, {"state", state}});
  } else if (q && (q->type == QuestionType::kText || q->type == QuestionType::kEmail ||
                   q->type == QuestionType::kPhone || q->type == QuestionType::kNumber)) {
    auto a = session.answers.find(q->id);
    const std::string* typed = a == session.answers.end() ? nullptr : std::get_if<std::string>(&a->second);
    item = Format(
        w.Ui("speech_field"),
        {{"label", target.label}, {"value", typed && !typed->empty() ? *typed : w.Ui("speech_empty")}});
  } else {
    item = target.label;
  }
  Add(out, UtteranceKind::kItem, item);
  if (q) {
    for (auto& u : ProblemSpeech(content, session, q->id)) out.push_back(std::move(u));
  }
  return out;
}

Utterances ProblemSpeech(const Content& content, const Session& session, const std::string& question_id) {
  Utterances out;
  auto e = session.errors.find(question_id);
  if (e == session.errors.end()) return out;
  SpokenWords w = WordsOf(content, session);
  Add(out, UtteranceKind::kMessage, Format(w.Ui(e->second.key), {{"n", std::to_string(e->second.n)}}));
  return out;
}

Utterances SubmitErrorSpeech(const Content& content, const Session& session) {
  Utterances out;
  if (!session.submit_error.empty())
    Add(out, UtteranceKind::kMessage, WordsOf(content, session).Ui(session.submit_error));
  return out;
}

Utterances ProblemsSpeech(const Content& content, const Session& session) {
  Utterances out;
  if (session.errors.empty()) return out;
  SpokenWords w = WordsOf(content, session);
  size_t n = session.errors.size();
  Add(out, UtteranceKind::kMessage,
      Format(w.Ui(n == 1 ? "problems_one" : "problems_many"), {{"n", std::to_string(n)}}) + ".");
  std::vector<std::string> order;
  if (session.screen == Screen::kStep) order = ProblemsInPageOrder(content, session.step, session.errors);
  const std::string& first = order.empty() ? session.errors.begin()->first : order.front();
  if (const Question* q = content.FindQuestion(first)) Add(out, UtteranceKind::kMessage, w.T(q->label));
  for (auto& u : ProblemSpeech(content, session, first)) out.push_back(std::move(u));
  return out;
}

Utterance LevelSpeech(const Content& content, const Session& session, bool volume, int level) {
  SpokenWords w = WordsOf(content, session);
  return {UtteranceKind::kItem,
          Format(w.Ui(volume ? "speech_volume" : "speech_rate"), {{"n", std::to_string(level)}})};
}

std::string Joined(const Utterances& utterances) {
  std::string out;
  for (const Utterance& u : utterances) {
    if (!out.empty()) out += ' ';
    out += u.text;
  }
  return out;
}

}  // namespace core
