// Answer validation: required, email, phone, lengths in code points, patterns, dates and ages, consent,
// signature.
#include <doctest/doctest.h>

#include "core/visit/validation.h"
#include "fixtures.h"

using namespace core_test;

namespace {

// One question, loaded through the content loader so it is exactly what content can express.
core::Question Make(const std::string& type, Json extra = Json::object()) {
  auto c = Load(Questionnaire(Json::array({Step("s", Json::array({Q("q", type, std::move(extra))}))})));
  return *c.FindQuestion("q");
}

// The error key for `answer` ("" when fine).
std::string Check(const core::Question& q, const core::Answer& answer, const core::Date& today = kToday) {
  auto e = core::Validate(q, &answer, today);
  return e ? e->key : "";
}

std::string Unanswered(const core::Question& q) {
  auto e = core::Validate(q, nullptr, kToday);
  return e ? e->key : "";
}

core::Answer S(const char* s) {
  return std::string(s);
}

}  // namespace

TEST_SUITE("validation") {
  TEST_CASE("a field takes as many characters as its max_length, else 500; a number six digits") {
    CHECK(core::InputLimit(Make("text", {{"max_length", 60}})) == 60);
    CHECK(core::InputLimit(Make("text")) == core::kTextLimit);
    CHECK(core::InputLimit(Make("email", {{"max_length", 254}})) == 254);
    CHECK(core::InputLimit(Make("number", {{"min", 0}, {"max", 99}})) == 6);
    // counted as validation counts: sixty letters ñ fit a max_length of 60
    core::Question name = Make("text", {{"max_length", 60}});
    std::string sixty;
    for (int i = 0; i < 60; ++i) sixty += "ñ";
    CHECK(core::CodePoints(sixty) == core::InputLimit(name));
    CHECK(Check(name, sixty) == "");
  }

  TEST_CASE("a required question must be answered and an optional one may be left") {
    auto required = Make("text", {{"required", true}});
    CHECK(Unanswered(required) == "required");
    CHECK(Check(required, S("")) == "required");
    CHECK(Check(required, S("Maria")) == "");
    auto optional = Make("text");
    CHECK(Unanswered(optional) == "");
    CHECK(Check(optional, S("")) == "");
  }

  TEST_CASE("a required text of only spaces is not an answer") {
    auto required = Make("text", {{"required", true}});
    CHECK(Check(required, S("   ")) == "required");
  }

  TEST_CASE("a required yes/no is answered by no as well as yes") {
    auto q = Make("yes_no", {{"required", true}});
    CHECK(Unanswered(q) == "required");
    CHECK(Check(q, false) == "");
    CHECK(Check(q, true) == "");
  }

  TEST_CASE("a required choice needs an option that exists") {
    auto one = Make("single_choice", {{"required", true}});
    CHECK(Check(one, S("a")) == "");
    CHECK(Check(one, S("nonsense")) == "required");
    auto many = Make("multi_choice", {{"required", true}});
    CHECK(Check(many, std::vector<std::string>{}) == "required");
    CHECK(Check(many, std::vector<std::string>{"a", "b"}) == "");
  }

  TEST_CASE("a multi choice with an option that does not exist is refused, as a single choice is") {
    auto many = Make("multi_choice", {{"required", true}});
    CHECK(Check(many, std::vector<std::string>{"a", "nonsense"}) != "");
  }

  TEST_CASE("an answer of the wrong type for its question is refused") {
    CHECK(Check(Make("email", {{"required", true}}), true) != "");
    CHECK(Check(Make("text", {{"required", true}}), std::vector<std::string>{"x"}) != "");
    CHECK(Check(Make("yes_no", {{"required", true}}), S("yes")) != "");
    CHECK(Check(Make("date", {{"required", true}}), false) != "");
    CHECK(Check(Make("multi_choice", {{"required", true}}), S("a")) != "");
  }

  TEST_CASE("good email addresses pass") {
    for (const char* good : {"maria@example.com", "first.last+tag@sub.example.co.uk", "m@ex.io",
                             "MARIA@EXAMPLE.COM", "maria_o-neil@my-clinic.es", "maría@ejemplo.es"}) {
      CAPTURE(good);
      CHECK(core::IsValidEmail(good));
    }
  }

  TEST_CASE("bad email addresses fail") {
    for (const char* bad :
         {"", "maria", "maria@", "@example.com", "maria@example", "maria@@example.com", "maria@exa@mple.com",
          "maria @example.com", "maria@example..com", "maria@.example.com", "maria@example.com.",
          "maria@-example.com", "maria@example-.com", ".maria@example.com", "maria.@example.com",
          "maria@exam_ple.com", "maria,x@example.com", "<maria@example.com>"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::IsValidEmail(bad));
    }
    CHECK_FALSE(core::IsValidEmail(std::string(65, 'a') + "@example.com"));
  }

  TEST_CASE("an email question reports invalid_email for a bad address") {
    auto q = Make("email", {{"required", true}});
    CHECK(Check(q, S("maria@example.com")) == "");
    CHECK(Check(q, S("maria.example.com")) == "invalid_email");
  }

  TEST_CASE("good phone numbers pass") {
    for (const char* good : {"+44 20 7946 0958", "(555) 123-4567", "0612345678", "1234567", "+1 555 123 4567",
                             " +34 600 000 000", "123456789012345"}) {
      CAPTURE(good);
      CHECK(core::IsValidPhone(good));
    }
  }

  TEST_CASE("bad phone numbers fail") {
    for (const char* bad : {"", "123456", "1234567890123456", "+44 20 7946 095x", "12+3456789",
                            "++44 20 7946 0958", "phone", "555.123.4567", "+"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::IsValidPhone(bad));
    }
  }

  TEST_CASE("a phone question reports invalid_phone for a bad number") {
    auto q = Make("phone");
    CHECK(Check(q, S("020 7946 0958")) == "");
    CHECK(Check(q, S("call me")) == "invalid_phone");
  }

  TEST_CASE("lengths count code points, so accented letters count once") {
    CHECK(core::CodePoints("Renée") == 5);
    CHECK(core::CodePoints("Zoë") == 3);
    CHECK(core::CodePoints("日本語") == 3);
    CHECK(core::CodePoints("👍") == 1);
    CHECK(core::CodePoints("") == 0);
    auto q = Make("text", {{"min_length", 3}, {"max_length", 5}});
    CHECK(Check(q, S("Renée")) == "");  // 6 bytes, 5 letters
    CHECK(Check(q, S("Zoë")) == "");    // 4 bytes, 3 letters
    CHECK(Check(q, S("Renéee")) == "too_long");
    CHECK(Check(q, S("Jo")) == "too_short");
  }

  TEST_CASE("a length message carries the limit") {
    auto q = Make("text", {{"min_length", 3}, {"max_length", 5}});
    core::Answer longer = std::string("abcdef"), shorter = std::string("ab");
    CHECK(core::Validate(q, &longer, kToday) == core::ValidationError{"too_long", 5});
    CHECK(core::Validate(q, &shorter, kToday) == core::ValidationError{"too_short", 3});
  }

  TEST_CASE("a pattern must match the whole answer") {
    auto q = Make("text", {{"pattern", "[A-Z]{2}[0-9]{4}"}});
    CHECK(Check(q, S("AB1234")) == "");
    CHECK(Check(q, S("AB12345")) == "pattern_mismatch");
    CHECK(Check(q, S("xAB1234")) == "pattern_mismatch");
    CHECK(Check(q, S("ab1234")) == "pattern_mismatch");
  }

  TEST_CASE("a pattern that cannot compile fails the answer instead of crashing") {
    core::Question q;
    q.type = core::QuestionType::kText;
    q.pattern = "([a-z";
    CHECK(Check(q, S("abc")) == "pattern_mismatch");
  }

  TEST_CASE("a date must be a real calendar date") {
    auto q = Make("date", {{"required", true}});
    CHECK(Check(q, S("1990-05-17")) == "");
    CHECK(Check(q, S("2023-02-29")) == "invalid_date");
    CHECK(Check(q, S("2026-13-01")) == "invalid_date");
    CHECK(Check(q, S("17/05/1990")) == "invalid_date");
    CHECK(Check(q, S("1990-5-17")) == "invalid_date");
  }

  TEST_CASE("a date of birth cannot be in the future, but today is fine") {
    auto q = Make("date");
    CHECK(Check(q, S("2026-11-26")) == "invalid_date");
    CHECK(Check(q, S("2026-11-25")) == "");
  }

  TEST_CASE("an age outside min_age..max_age is out of range, with both ends allowed") {
    auto q = Make("date", {{"min_age", 18}, {"max_age", 110}});
    CHECK(Check(q, S("2008-11-25")) == "");                  // 18 today
    CHECK(Check(q, S("2008-11-26")) == "age_out_of_range");  // 17
    CHECK(Check(q, S("1916-11-26")) == "");                  // 109
    CHECK(Check(q, S("1915-11-26")) == "");                  // 110
    CHECK(Check(q, S("1915-11-25")) == "age_out_of_range");  // 111 today
  }

  TEST_CASE("a required consent must be ticked") {
    auto q = Make("consent", {{"required", true}});
    CHECK(Unanswered(q) == "required");
    CHECK(Check(q, false) == "required");
    CHECK(Check(q, true) == "");
  }

  TEST_CASE("an optional consent may be left unticked") {
    auto q = Make("consent");
    CHECK(Unanswered(q) == "");
    CHECK(Check(q, false) == "");
  }

  TEST_CASE("a signature needs enough ink, and a dot is not a signature") {
    auto q = Make("signature", {{"required", true}});
    CHECK(Unanswered(q) == "signature_required");
    CHECK(Check(q, core::Signature{}) == "signature_required");
    CHECK(Check(q, Dot()) == "signature_required");
    CHECK(Check(q, Line()) == "");
  }

  TEST_CASE("an optional signature may be empty, but a scribble too short to be one is refused") {
    auto q = Make("signature");
    CHECK(Unanswered(q) == "");
    CHECK(Check(q, core::Signature{}) == "");
    CHECK(Check(q, Dot()) == "signature_required");
  }

  TEST_CASE("an info block never has a problem") {
    auto q = Make("info");
    CHECK(Unanswered(q) == "");
  }

  TEST_CASE("a step is validated on its visible questions only") {
    auto c = Load(Questionnaire(Json::array({Step(
        "s",
        Json::array({Q("name", "text", {{"required", true}}), Q("email", "email", {{"required", true}}),
                     Q("smoker", "yes_no",
                       {{"required", true},
                        {"follow_ups", Json::array({Q("per_day", "text", {{"required", true}})})}})}))})));
    core::Answers a = {{"email", std::string("nope")}, {"smoker", false}};
    auto vis = core::ComputeVisibility(c, a, kToday);
    auto errors = core::ValidateStep(c, 0, vis, a, kToday);
    CHECK(errors.size() == 2);
    CHECK(errors.at("name").key == "required");
    CHECK(errors.at("email").key == "invalid_email");
    CHECK(errors.count("per_day") == 0);

    a["smoker"] = true;
    vis = core::ComputeVisibility(c, a, kToday);
    CHECK(core::ValidateStep(c, 0, vis, a, kToday).at("per_day").key == "required");
  }
}
