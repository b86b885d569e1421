// SpeechController: what changed since the last frame, said through the voice one utterance at a time.
#include "app/speech_controller.h"

#include <algorithm>

namespace app {

void ClockVoice::Speak(const std::string& text, const std::string&, int words_per_minute, int) {
  int words = 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
  until_ = clock_.Now() + core::Millis(60000LL * words / std::max(1, words_per_minute) + 300);
}

namespace {

std::string PageKey(const core::Session& s) {
  return std::string(core::ToString(s.screen)) + "/" + std::to_string(s.step) + "/" + std::to_string(s.page) +
         "/" + s.language + (s.still_there ? "/still" : "");
}

std::string ErrorAt(const core::Session& s, const std::optional<core::SpokenTarget>& focus) {
  if (!focus || focus->question.empty()) return {};
  auto e = s.errors.find(focus->question);
  return e == s.errors.end() ? std::string() : e->second.key + std::to_string(e->second.n);
}

}  // namespace

void SpeechController::Say(core::Utterances u) {
  for (const auto& x : u) said_ += (said_.empty() ? "" : " ") + x.text;
  queue_.Say(std::move(u));
}

void SpeechController::AfterFrame(const SpeechView& v) {
  const core::Content& content = v.content;
  const core::Session& session = v.session;
  const std::optional<core::SpokenTarget>& focus = v.focus;
  if (!v.on) {
    if (was_on_) Wipe();
    return;
  }
  bool turned_on = !std::exchange(was_on_, true);
  if (turned_on && open_voice_) SetVoice(std::exchange(open_voice_, nullptr)());
  std::string page = PageKey(session);
  std::string error = ErrorAt(session, focus);
  core::Utterances flag_said;
  if (focus && !focus->question.empty())
    flag_said = core::FlagSpeech(content, session, v.flags, focus->question);
  std::string flag = flag_said.empty() ? std::string() : focus->question + ":" + flag_said.front().text;
  auto with_flag = [&](core::Utterances u) {  // a flag message that has just appeared follows the item
    if (flag != flag_ && !flag.empty())
      for (auto& x : flag_said) u.push_back(std::move(x));
    return u;
  };
  if (turned_on || page != page_) {
    core::Utterances u;
    if (turned_on)
      u.push_back({core::UtteranceKind::kIntro,
                   content.app.Ui("speech_on").In(content.LanguageOr(session.language))});
    for (auto& x : core::ScreenSpeech(content, session, v.vis)) u.push_back(std::move(x));
    if (session.still_there) {  // any key keeps the visit: the countdown, not the dialog's buttons
      u.push_back(core::CountdownSpeech(content, session, v.seconds_left));
    } else if (focus) {
      for (auto& x : core::ItemSpeech(content, session, *focus, true, false)) u.push_back(std::move(x));
    }
    if (session.problems_shown != problems_shown_)  // Send opened the first step with problems
      for (auto& x : core::ProblemsSpeech(content, session)) u.push_back(std::move(x));
    Say(std::move(u));
  } else if (session.problems_shown != problems_shown_ && !session.errors.empty()) {
    Say(core::ProblemsSpeech(content, session));  // Next or Send found problems
  } else if (session.submit_error != submit_error_ && !session.submit_error.empty()) {
    Say(core::SubmitErrorSpeech(content, session));  // Send did not work: said as Review shows it
  } else if (focus && (focus != focus_ || help_)) {
    bool entering = !focus_ || focus_->question != focus->question;
    Say(with_flag(core::ItemSpeech(content, session, *focus, entering, help_)));
  } else if (focus && error != error_ && !error.empty()) {
    Say(core::ProblemSpeech(content, session, focus->question));
  } else if (focus && flag != flag_ && !flag.empty()) {
    Say(with_flag({}));
  } else if (level_) {
    Say({*level_});
  } else if (help_) {
    Say(core::ScreenSpeech(content, session, v.vis));  // nothing focused: the screen again
  }
  problems_shown_ = session.problems_shown;
  submit_error_ = session.submit_error;
  page_ = page;
  focus_ = focus;
  error_ = error;
  flag_ = flag;
  help_ = false;
  level_.reset();
  Pump(content.LanguageOr(session.language));
}

void SpeechController::Pump(const std::string& language) {
  if (!voice_) return;
  for (int guard = 0; guard < 2; ++guard) {
    const core::Utterance* u = queue_.Current();
    if (!u) {
      if (started_ != queue_.generation()) voice_->Stop();
      started_ = queue_.generation();
      return;
    }
    if (started_ != queue_.generation()) {
      started_ = queue_.generation();
      voice_->Speak(u->text, language, core::WordsPerMinute(rate_), core::VoiceVolume(volume_));
      return;
    }
    if (voice_->Speaking()) return;
    queue_.Finished();  // said: on to the next
  }
}

bool SpeechController::Key(core::NavKey key, const core::Content& content, const core::Session& session) {
  if (!was_on_) return false;
  switch (key) {
    case core::NavKey::kHelp:
      help_ = true;
      return true;
    case core::NavKey::kVolumeUp:
    case core::NavKey::kVolumeDown:
      volume_ = core::StepLevel(volume_, key == core::NavKey::kVolumeUp ? 1 : -1);
      level_ = core::LevelSpeech(content, session, true, volume_);
      return true;
    case core::NavKey::kSlower:
    case core::NavKey::kFaster:
      rate_ = core::StepLevel(rate_, key == core::NavKey::kFaster ? 1 : -1);
      level_ = core::LevelSpeech(content, session, false, rate_);
      return true;
    case core::NavKey::kDown:
      if (queue_.SkipParagraph()) return true;
      break;
    default:
      break;
  }
  Interrupt();
  return false;
}

void SpeechController::Interrupt() {
  queue_.Clear();
  if (voice_) voice_->Stop();
}

void SpeechController::Wipe() {
  Interrupt();
  was_on_ = false;
  page_.clear();
  focus_.reset();
  error_.clear();
  flag_.clear();
  submit_error_.clear();
  problems_shown_ = 0;
  help_ = false;
  level_.reset();
  volume_ = rate_ = core::kDefaultSpeechLevel;
  std::fill(said_.begin(), said_.end(), '\0');
  said_.clear();
}

void SpeechController::SetVoice(std::unique_ptr<core::Voice> voice) {
  if (voice_) voice_->Stop();
  voice_ = std::move(voice);
  if (voice_) voice_->UseOutput(output_);
  started_ = 0;
}

void SpeechController::UseOutput(const std::string& name) {
  output_ = name;
  if (voice_) voice_->UseOutput(name);
}

}  // namespace app
