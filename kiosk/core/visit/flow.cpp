// Apply: navigation, answers, validation on Next, review and submit, idle and wipe.
#include "core/visit/flow.h"

#include <algorithm>

#include "core/visit/validation.h"

namespace core {

namespace {

// "None of these": a newly chosen exclusive option stands alone; any other choice drops exclusive ones.
std::vector<std::string> ApplyExclusive(const Question& q, const std::vector<std::string>& before,
                                        std::vector<std::string> after) {
  auto is_exclusive = [&](const std::string& id) {
    const Option* o = q.FindOption(id);
    return o && o->exclusive;
  };
  auto was_chosen = [&](const std::string& id) {
    return std::find(before.begin(), before.end(), id) != before.end();
  };
  for (const auto& id : after) {
    if (is_exclusive(id) && !was_chosen(id)) return {id};
  }
  if (after.size() > 1) std::erase_if(after, is_exclusive);
  return after;
}

void Enter(Session& s, Screen screen, TimePoint now) {
  s.screen = screen;
  s.screen_since = now;
  s.errors.clear();
}

void GoToStep(Session& s, size_t step, TimePoint now, size_t page = 0) {
  Enter(s, Screen::kStep, now);
  s.step = step;
  s.page = page;
}

// A page is shown when one of its questions is (a page whose questions are all hidden is skipped).
bool PageShown(const Step& step, size_t page, const Visibility& vis) {
  for (size_t i = step.PageBegin(page); i < step.PageEnd(page); ++i) {
    if (vis.Shows(step.questions[i].id)) return true;
  }
  return false;
}

// The shown page after (or before) `page` in the same step, or nullopt.
std::optional<size_t> NeighbourPage(const Step& step, size_t page, const Visibility& vis, int direction) {
  for (size_t p = page; direction > 0 ? p + 1 < step.PageCount() : p > 0;) {
    p = direction > 0 ? p + 1 : p - 1;
    if (PageShown(step, p, vis)) return p;
  }
  return std::nullopt;
}

size_t FirstPage(const Step& step, const Visibility& vis) {
  return PageShown(step, 0, vis) ? 0 : NeighbourPage(step, 0, vis, +1).value_or(0);
}

size_t LastPage(const Step& step, const Visibility& vis) {
  for (size_t p = step.PageCount(); p > 0; --p) {
    if (PageShown(step, p - 1, vis)) return p - 1;
  }
  return 0;
}

// The page holding question `id` (a follow-up is on its top-level question's page).
size_t PageOf(const Content& c, const Step& step, std::string_view id) {
  for (auto parent = c.parent_of.find(id); parent != c.parent_of.end(); parent = c.parent_of.find(id))
    id = parent->second->id;
  for (size_t p = step.PageCount(); p > 0; --p) {
    for (size_t i = step.PageBegin(p - 1); i < step.PageEnd(p - 1); ++i) {
      if (step.questions[i].id == id) return p - 1;
    }
  }
  return 0;
}

// The problems of the current page only (a multi-page step checks each page at its own Next).
void KeepPage(const Content& c, const Step& step, size_t page,
              std::map<std::string, ValidationError, std::less<>>& errors) {
  if (step.PageCount() == 1) return;
  std::erase_if(errors, [&](const auto& e) { return PageOf(c, step, e.first) != page; });
}

// The visible step after (or before) the current one, or nullopt at either end.
std::optional<size_t> Neighbour(const Visibility& vis, size_t current, int direction) {
  auto it = std::find(vis.steps.begin(), vis.steps.end(), current);
  if (it == vis.steps.end()) {
    // the current step became hidden: move to the nearest visible one in the direction of travel
    for (size_t i : vis.steps) {
      if (direction > 0 && i > current) return i;
    }
    for (auto r = vis.steps.rbegin(); r != vis.steps.rend(); ++r) {
      if (direction < 0 && *r < current) return *r;
    }
    return std::nullopt;
  }
  if (direction > 0) return std::next(it) == vis.steps.end() ? std::nullopt : std::optional(*std::next(it));
  return it == vis.steps.begin() ? std::nullopt : std::optional(*std::prev(it));
}

void Begin(const Content& c, Session& s, const Env& env) {
  TimePoint now = env.clock.Now();
  s.intake_id = env.new_id();
  s.started_at = now;
  s.language = c.default_language;
  s.visits++;
  if (c.languages.size() > 1) {
    Enter(s, Screen::kLanguage, now);
  } else {
    auto vis = ComputeVisibility(c, s.answers, env.clock.Today());
    if (vis.steps.empty()) {
      Enter(s, Screen::kReview, now);
    } else {
      GoToStep(s, vis.steps.front(), now);
    }
  }
}

void OnNext(const Content& c, Session& s, const Env& env) {
  TimePoint now = env.clock.Now();
  Date today = env.clock.Today();
  if (s.screen == Screen::kLanguage) {
    auto vis = ComputeVisibility(c, s.answers, today);
    vis.steps.empty() ? Enter(s, Screen::kReview, now) : GoToStep(s, vis.steps.front(), now);
    return;
  }
  if (s.screen != Screen::kStep) return;
  auto vis = ComputeVisibility(c, s.answers, today);
  auto errors = ValidateStep(c, s.step, vis, s.answers, today);
  const Step& step = c.steps[s.step];
  KeepPage(c, step, s.page, errors);
  if (!errors.empty()) {
    s.errors = std::move(errors);
    s.problems_shown++;
    return;
  }
  if (auto page = NeighbourPage(step, s.page, vis, +1)) {
    GoToStep(s, s.step, now, *page);
    return;
  }
  auto next = s.editing_from_review ? std::nullopt : Neighbour(vis, s.step, +1);
  if (next) {
    GoToStep(s, *next, now, FirstPage(c.steps[*next], vis));
  } else {
    s.editing_from_review = false;
    Enter(s, Screen::kReview, now);
  }
}

void OnBack(const Content& c, Session& s, const Env& env) {
  TimePoint now = env.clock.Now();
  if (s.screen == Screen::kLanguage) {
    Wipe(s);
    s.screen_since = now;
    return;
  }
  auto vis = ComputeVisibility(c, s.answers, env.clock.Today());
  if (s.screen == Screen::kReview) {
    if (!vis.steps.empty()) GoToStep(s, vis.steps.back(), now, LastPage(c.steps[vis.steps.back()], vis));
    return;
  }
  if (s.screen != Screen::kStep) return;
  if (auto page = s.step < c.steps.size() ? NeighbourPage(c.steps[s.step], s.page, vis, -1) : std::nullopt) {
    bool editing = s.editing_from_review;
    GoToStep(s, s.step, now, *page);
    s.editing_from_review = editing;
    return;
  }
  if (s.editing_from_review) {
    s.editing_from_review = false;
    Enter(s, Screen::kReview, now);
    return;
  }
  if (auto prev = Neighbour(vis, s.step, -1)) {
    GoToStep(s, *prev, now, LastPage(c.steps[*prev], vis));
  } else if (c.languages.size() > 1) {
    Enter(s, Screen::kLanguage, now);
  } else {
    Wipe(s);  // back from the first page: the visit is abandoned
    s.screen_since = now;
  }
}

// On Submit every visible step is checked again; the first with a problem is shown with its messages.
bool OnSubmit(const Content& c, Session& s, const Env& env) {
  if (s.screen != Screen::kReview) return false;  // a second tap while saving does nothing
  Date today = env.clock.Today();
  auto vis = ComputeVisibility(c, s.answers, today);
  for (size_t step : vis.steps) {
    auto errors = ValidateStep(c, step, vis, s.answers, today);
    if (!errors.empty()) {
      // the page of the first problem, and that page's problems
      auto first = ProblemsInPageOrder(c, step, errors);
      size_t page = first.empty() ? 0 : PageOf(c, c.steps[step], first.front());
      KeepPage(c, c.steps[step], page, errors);
      GoToStep(s, step, env.clock.Now(), page);
      s.editing_from_review = true;
      s.errors = std::move(errors);
      s.problems_shown++;
      return false;
    }
  }
  Enter(s, Screen::kSubmitting, env.clock.Now());
  s.submit_error.clear();
  return true;
}

struct Visitor {
  const Content& c;
  Session& s;
  const Env& env;
  Effects fx;

  void operator()(const intent::Start&) {
    if (s.screen == Screen::kAttract) Begin(c, s, env);
  }
  void operator()(const intent::ChooseLanguage& i) {
    if (!c.HasLanguage(i.code)) return;
    s.language = i.code;
    if (s.screen == Screen::kLanguage) OnNext(c, s, env);
  }
  void operator()(const intent::Next&) { OnNext(c, s, env); }
  void operator()(const intent::Back&) {
    OnBack(c, s, env);
    fx.wiped = s.screen == Screen::kAttract;
  }
  void operator()(const intent::SetAnswer& i) {
    const Question* q = c.FindQuestion(i.question_id);
    if (!q || !q->Answerable() || s.screen != Screen::kStep || !TypeFits(q->type, i.value)) return;
    Answer value = i.value;
    if (auto* list = std::get_if<std::vector<std::string>>(&value)) {
      auto it = s.answers.find(i.question_id);
      const auto* before =
          it == s.answers.end() ? nullptr : std::get_if<std::vector<std::string>>(&it->second);
      *list = ApplyExclusive(*q, before ? *before : std::vector<std::string>{}, *list);
    }
    s.answers[i.question_id] = std::move(value);
    s.errors.erase(i.question_id);
  }
  void operator()(const intent::ToggleOption& i) {
    const Question* q = c.FindQuestion(i.question_id);
    if (!q || q->type != QuestionType::kMultiChoice || s.screen != Screen::kStep ||
        !q->FindOption(i.option_id))
      return;
    std::vector<std::string> before;
    if (auto it = s.answers.find(q->id); it != s.answers.end()) {
      if (auto* list = std::get_if<std::vector<std::string>>(&it->second)) before = *list;
    }
    auto after = before;
    if (auto at = std::find(after.begin(), after.end(), i.option_id); at != after.end()) {
      after.erase(at);
    } else {
      after.push_back(i.option_id);
    }
    s.answers[q->id] = ApplyExclusive(*q, before, std::move(after));
    s.errors.erase(q->id);
  }
  void operator()(const intent::ClearAnswer& i) {
    s.answers.erase(i.question_id);
    s.errors.erase(i.question_id);
  }
  void operator()(const intent::EditStep& i) {
    if (s.screen != Screen::kReview) return;
    for (size_t k = 0; k < c.steps.size(); ++k) {
      if (c.steps[k].id == i.step_id) {
        GoToStep(s, k, env.clock.Now());
        s.editing_from_review = true;
      }
    }
  }
  void operator()(const intent::Submit&) { fx.submit = OnSubmit(c, s, env); }
  void operator()(const intent::SubmitDone& i) {
    if (s.screen != Screen::kSubmitting) return;
    if (i.saved) {
      Enter(s, Screen::kThankYou, env.clock.Now());
    } else {
      Enter(s, Screen::kReview, env.clock.Now());
      s.submit_error = "submit_failed";
    }
  }
  void operator()(const intent::Activity&) {}
  void operator()(const intent::StartOver&) {
    Wipe(s);
    fx.wiped = true;
  }
  void operator()(const intent::Tick&) {}
};

}  // namespace

void Wipe(Session& session) {
  auto scrub = [](std::string& str) {
    std::fill(str.begin(), str.end(), '\0');
    str.clear();
    str.shrink_to_fit();
  };
  for (auto& [id, answer] : session.answers) {
    if (auto* str = std::get_if<std::string>(&answer)) scrub(*str);
    if (auto* list = std::get_if<std::vector<std::string>>(&answer)) {
      for (auto& item : *list) scrub(item);
    }
  }
  int visits = session.visits;
  session = Session{};
  session.visits = visits;
}

Effects Apply(const Content& content, Session& session, const Intent& in, const Env& env) {
  TimePoint now = env.clock.Now();
  Visitor v{content, session, env, {}};
  bool is_tick = std::holds_alternative<intent::Tick>(in);
  if (!is_tick) {
    session.last_activity = now;
    session.still_there = false;
  }
  std::visit(v, in);
  if (is_tick) {
    if (session.screen == Screen::kThankYou &&
        now - session.screen_since >= Seconds(std::max(1, content.app.thank_you.return_s))) {
      Wipe(session);
      v.fx.wiped = true;
    }
    switch (IdleStateOf(session, now, env.idle)) {
      case IdleState::kActive:
        session.still_there = false;
        break;
      case IdleState::kAsking:
        session.still_there = true;
        break;
      case IdleState::kExpired:
        Wipe(session);
        v.fx.wiped = true;
        break;
    }
  }
  if (v.fx.wiped) session.screen_since = now;
  return v.fx;
}

Progress ProgressOf(const Content& content, const Session& session, const Visibility& vis) {
  Progress p;
  p.m = static_cast<int>(vis.steps.size()) + 1;
  if (session.screen == Screen::kReview || session.screen == Screen::kSubmitting) {
    p.n = p.m;
    return p;
  }
  auto it = std::find(vis.steps.begin(), vis.steps.end(), session.step);
  p.n = static_cast<int>(it - vis.steps.begin()) + 1;
  p.step = session.step < content.steps.size() ? &content.steps[session.step] : nullptr;
  return p;
}

}  // namespace core
