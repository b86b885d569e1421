// Speech (issue 19): what is said for a screen, a focused item, a problem, in the client's language, from the
// real content; the queue's interruptions and paragraph skipping.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/speech/speech_queue.h"
#include "core/speech/speech_text.h"
#include "core/visit/review.h"
#include "fixtures.h"

using namespace core_test;
using core::SpokenTarget;
using core::UtteranceKind;

namespace {

core::Session At(const std::string& step_id, const std::string& lang = "en", size_t page = 0) {
  const auto& c = DefaultContent();
  core::Session s;
  s.screen = core::Screen::kStep;
  s.language = lang;
  for (size_t i = 0; i < c.steps.size(); ++i)
    if (c.steps[i].id == step_id) s.step = i;
  s.page = page;
  return s;
}

std::string Screen(const core::Session& s) {
  const auto& c = DefaultContent();
  return core::Joined(core::ScreenSpeech(c, s, core::ComputeVisibility(c, s.answers, kToday)));
}

std::string Item(const core::Session& s, SpokenTarget t, bool entering = false, bool help = false) {
  return core::Joined(core::ItemSpeech(DefaultContent(), s, t, entering, help));
}

bool Contains(const std::string& text, const std::string& part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("speech") {
  TEST_CASE("a step is read with its heading, intro and progress, in the client's language") {
    auto en = Screen(At("health"));
    CHECK(Contains(en, "Step 4 of 7: Your health."));
    auto es = Screen(At("health", "es"));
    CHECK(Contains(es, "Paso 4 de 7"));
    CHECK_FALSE(Contains(es, "Step"));
    auto fr = Screen(At("health", "fr"));
    CHECK(Contains(fr, "Étape 4 sur 7"));
  }

  TEST_CASE("a question is read with its help when the focus comes to it, each answer with its state") {
    auto s = At("health");
    s.answers["blood_thinners"] = true;
    const auto& q = *DefaultContent().FindQuestion("blood_thinners");
    std::string label = q.label.In("en"), help = q.help.In("en");
    auto first = Item(s, {"Yes", "blood_thinners", "", true}, true);
    CHECK(Contains(first, label));
    CHECK(Contains(first, help));
    CHECK(Contains(first, "Yes, selected."));
    auto next = Item(s, {"No", "blood_thinners", "", false});
    CHECK(next == "No, not selected.");  // inside the question: the answer alone
    CHECK(Contains(Item(s, {"No", "blood_thinners", "", false}, false, true), help));  // the help key
  }

  TEST_CASE("a problem at the focused question is read after it; a button says what it does") {
    auto s = At("about_you");
    s.errors["first_name"] = {"required", 0};
    auto field = Item(s, {"First name", "first_name", "", false}, true);
    CHECK(Contains(field, "First name, text field, empty."));
    CHECK(Contains(field, DefaultContent().app.Ui("required").In("en")));
    s.answers["first_name"] = std::string("Maria");
    s.errors.clear();
    CHECK(Item(s, {"First name", "first_name", "", false}) == "First name, text field, Maria.");
    CHECK(Item(s, {"Next", "", "next", false}) == "Next, button. Goes on to the next page.");
    auto es = At("about_you", "es");
    CHECK(Item(es, {"Atrás", "", "back", false}) == "Atrás, botón. Vuelve a la página anterior.");
    CHECK(Item(es, {"Leer en voz alta", "", "read_aloud", true}) == "Leer en voz alta, seleccionado.");
  }

  TEST_CASE("long texts are read in paragraphs, each of which Down can skip") {
    auto s = At("explainer");
    const auto& c = DefaultContent();
    auto u = core::ScreenSpeech(c, s, core::ComputeVisibility(c, s.answers, kToday));
    size_t paragraphs = 0;
    for (const auto& x : u) paragraphs += x.kind == UtteranceKind::kParagraph;
    CHECK(paragraphs >= 2);
    CHECK(Contains(core::Joined(u), "Press down to skip to the next paragraph."));
    CHECK(Contains(core::Joined(u), "Page 1 of 3."));
    core::SpeechQueue q;
    q.Say(u);
    CHECK_FALSE(q.SkipParagraph());  // the heading is not skipped by Down
    while (q.Current() && q.Current()->kind != UtteranceKind::kParagraph) q.Finished();
    REQUIRE(q.Current());
    std::string first = q.Current()->text;
    auto gen = q.generation();
    CHECK(q.SkipParagraph());
    REQUIRE(q.Current());
    CHECK(q.Current()->text != first);
    CHECK(q.generation() != gen);  // the voice starts again on the next paragraph
    q.Clear();
    CHECK_FALSE(q.Current());
  }

  TEST_CASE("every screen's words exist in every language of the content") {
    for (const auto& lang : {"en", "es", "fr"}) {
      core::Session s;
      s.language = lang;
      for (auto screen : {core::Screen::kAttract, core::Screen::kLanguage, core::Screen::kReview,
                          core::Screen::kThankYou}) {
        s.screen = screen;
        CHECK_FALSE(Screen(s).empty());
      }
      s.screen = core::Screen::kReview;
      CHECK_FALSE(Contains(Screen(s), "speech_"));
      CHECK(Item(s, {"x", "", "send", false}).find("{") == std::string::npos);
    }
  }

  TEST_CASE("speed and volume levels stay between 1 and 10, 5 being espeak-ng's own default") {
    CHECK(core::WordsPerMinute(5) == 175);
    CHECK(core::VoiceVolume(5) == 100);
    CHECK(core::StepLevel(10, 1) == 10);
    CHECK(core::StepLevel(1, -1) == 1);
    CHECK(core::SpokenDuration("one two three four", 5) > core::SpokenDuration("one", 5));
    auto s = At("health", "es");
    CHECK(core::LevelSpeech(DefaultContent(), s, true, 6).text == "Volumen 6 de 10.");
  }
  TEST_CASE("the attract screen announces itself and how to start by keys, in each language") {
    core::Session s;
    s.screen = core::Screen::kAttract;
    auto en = Screen(s);
    CHECK(Contains(en, DefaultContent().app.attract.title.In("en")));
    CHECK(Contains(en, "Press any key to start."));
    CHECK_FALSE(Contains(en, "Tap"));
    s.language = "es";
    CHECK(Contains(Screen(s), "Pulse cualquier tecla para empezar."));
  }

  TEST_CASE("Review reads every answer, question then answer, a section a paragraph") {
    const auto& c = DefaultContent();
    core::Session s;
    s.screen = core::Screen::kReview;
    s.answers["first_name"] = std::string("Maria");
    s.answers["date_of_birth"] = std::string("1988-05-14");
    s.answers["blood_thinners"] = true;
    s.answers["skin_concerns"] = std::vector<std::string>{"acne_scars", "pores"};
    s.answers["client_signature"] = core::Signature{{}, 600, 200, true};
    auto u = core::ScreenSpeech(c, s, core::ComputeVisibility(c, s.answers, kToday));
    std::string all = core::Joined(u);
    CHECK(Contains(all, "About you. First name: Maria."));
    CHECK(Contains(all, "Date of birth: 14 May 1988."));
    CHECK(Contains(all, "Do you take a blood thinner, or aspirin every day? Yes."));
    CHECK(Contains(all, c.FindQuestion("skin_concerns")->FindOption("acne_scars")->label.In("en") + ", "));
    CHECK(Contains(all, "Your signature: " + c.app.Ui("confirmed_by_key").In("en") + "."));
    auto paragraphs = std::count_if(
        u.begin(), u.end(), [](const core::Utterance& x) { return x.kind == UtteranceKind::kParagraph; });
    CHECK(paragraphs ==
          static_cast<long>(core::StepsToReview(c, core::ComputeVisibility(c, s.answers, kToday)).size()));
    s.language = "fr";
    CHECK(Contains(core::Joined(core::ScreenSpeech(c, s, core::ComputeVisibility(c, s.answers, kToday))),
                   "Prénom : Maria."));
  }

  TEST_CASE("a flag message is read at the question that raised it, never at another") {
    const auto& c = DefaultContent();
    auto s = At("health");
    s.answers["blood_thinners"] = true;
    auto vis = core::ComputeVisibility(c, s.answers, kToday);
    auto flags = core::ComputeFlags(c, vis, kToday);
    CHECK(core::Joined(core::FlagSpeech(c, s, flags, "blood_thinners")) == c.app.Ui("flag_message").In("en"));
    CHECK(core::FlagSpeech(c, s, flags, "pregnancy").empty());
  }

  TEST_CASE("Still there? is read with the seconds left") {
    core::Session s;
    s.screen = core::Screen::kStep;
    s.still_there = true;
    CHECK(Contains(Screen(s), "Still there?"));
    CHECK(core::CountdownSpeech(DefaultContent(), s, 20).text == "20 seconds left.");
    s.language = "es";
    CHECK(core::CountdownSpeech(DefaultContent(), s, 20).text == "Quedan 20 segundos.");
  }
  TEST_CASE("Review says why Send did not work, as it shows it") {
    const auto& c = DefaultContent();
    core::Session s;
    s.screen = core::Screen::kReview;
    CHECK(core::SubmitErrorSpeech(c, s).empty());  // it worked: nothing to say
    s.submit_error = "submit_failed";
    CHECK(Contains(Screen(s), c.app.Ui("submit_failed").In("en")));
    s.language = "fr";
    auto said = core::SubmitErrorSpeech(c, s);
    REQUIRE(said.size() == 1);
    CHECK(said[0].text == c.app.Ui("submit_failed").In("fr"));
    CHECK(said[0].kind == core::UtteranceKind::kMessage);
  }
}
