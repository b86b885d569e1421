// Staff's plain words for delivery results, the leads CSV, short names, and the demo flow's checks.
#include <doctest/doctest.h>

#include "core/delivery/delivery_words.h"
#include "core/visit/demo_flow.h"
#include "core/visit/leads.h"
#include "fixtures.h"

using K = core::AttemptResult::Kind;

TEST_SUITE("delivery words") {
  core::AttemptResult Tls(const char* detail) {
    return {K::kTlsError, 0, "", detail};
  }

  TEST_CASE("curl's TLS failures become what staff can act on") {
    CHECK(core::DescribeConnection(Tls("SSL certificate problem: certificate has expired")).key ==
          "conn_tls_expired");
    CHECK(core::DescribeConnection(Tls("SSL certificate problem: unable to get local issuer certificate"))
              .key == "conn_tls_untrusted");
    CHECK(
        core::DescribeConnection(Tls("SSL: no alternative certificate subject name matches target host name"))
            .key == "conn_tls_name");
    CHECK(core::DescribeConnection(Tls("SSL: public key does not match pinned public key")).key ==
          "conn_tls_pin");
    CHECK(core::DescribeConnection(Tls("")).key == "conn_tls_other");
    CHECK(core::DescribeConnection(Tls("x")).problem);
  }

  TEST_CASE("an HTTP answer reports its status; 401 and 403 are about the signature or token") {
    auto ok = core::DescribeConnection({K::kResponse, 204, "", ""});
    CHECK(ok.key == "conn_ok");
    CHECK(ok.values.at("status") == "204");
    CHECK_FALSE(ok.problem);
    CHECK(core::DescribeConnection({K::kResponse, 401, "", ""}).key == "conn_auth");
    CHECK(core::DescribeConnection({K::kResponse, 403, "", ""}).key == "conn_auth");
    // refused while the endpoint's clock is 10 minutes behind ours: the kiosk's clock is the reason
    core::AttemptResult skewed{K::kResponse, 401, "", ""};
    skewed.date = "Wed, 25 Nov 2026 09:50:00 GMT";
    core::TimePoint at = core::ParseRfc3339("2026-11-25T10:00:00.000Z").value();
    auto clock = core::DescribeConnection(skewed, at);
    CHECK(clock.key == "conn_clock");
    CHECK(clock.values.at("minutes") == "10");
    CHECK(clock.problem);
    CHECK(core::DescribeConnection(skewed, at - core::Seconds(570)).key ==
          "conn_auth");  // 30 s: not the clock
    CHECK(core::DescribeConnection({K::kResponse, 500, "", ""}).key == "conn_status");
    CHECK(core::DescribeConnection({K::kTimeout, 0, "", ""}).key == "conn_timeout");
    CHECK(core::DescribeConnection({K::kNetworkError, 0, "", ""}).key == "conn_unreachable");
  }

  TEST_CASE("queue rows raise an alert for TLS, authentication and clock problems only") {
    CHECK(core::AlertOf("TLS: SSL certificate problem") == "alert_tls");
    CHECK(core::AlertOf("HTTP 401 Unauthorized") == "alert_auth");
    CHECK(core::AlertOf("HTTP 403 Forbidden") == "alert_auth");
    CHECK(core::AlertOf("the kiosk's clock is 10 min ahead of the endpoint's, so it refused the signature") ==
          "alert_clock");
    CHECK(core::AlertOf("HTTP 503 Service Unavailable") == "");
    CHECK(core::AlertOf("") == "");
  }

  TEST_CASE("a failed save names a full disk, and anything else as a storage error") {
    CHECK(core::SaveProblemOf("cannot queue intake abc: INSERT: database or disk is full") ==
          "alert_disk_full");
    CHECK(core::SaveProblemOf("cannot commit intake abc: write: No space left on device") ==
          "alert_disk_full");
    CHECK(core::SaveProblemOf("cannot queue intake abc: disk I/O error") == "alert_save_failed");
    CHECK(core::SaveProblemOf("") == "alert_save_failed");
  }
}

TEST_SUITE("leads csv") {
  TEST_CASE("one row per lead, one column per answer and consent, CRLF line ends") {
    std::vector<core::Json> leads = {
        core::Json::parse(R"({"intake_id":"a","submitted_at":"t1","language":"es",
          "answers":{"first_name":"José","skin_concerns":["pores","acne_scars"]},
          "consents":[{"id":"marketing_consent","version":"1","accepted":true}]})"),
        core::Json::parse(R"({"intake_id":"b","submitted_at":"t2","language":"en",
          "answers":{"first_name":"Ann, Jr","email":"ann@example.com"}})"),
        core::Json::parse("[1]"),
    };
    CHECK(core::LeadsCsv(leads) ==
          "intake_id,submitted_at,language,first_name,marketing_consent,skin_concerns,email\r\n"
          "a,t1,es,José,yes,\"pores; acne_scars\",\r\n"  // ";" separates in es/fr/de Excel: quoted
          "b,t2,en,\"Ann, Jr\",,,ann@example.com\r\n");
    CHECK(core::LeadsCsv({}) == "intake_id,submitted_at,language\r\n");
  }

  TEST_CASE("lead cells follow the one CSV rule: defused after a separator, a phone number included") {
    std::vector<core::Json> leads = {
        core::Json::parse(R"({"intake_id":"a","submitted_at":"t1","language":"es",
          "answers":{"first_name":"Ann;=cmd|' /C calc'!A0","phone":"+34 600 123 456"}})")};
    CHECK(core::LeadsCsv(leads) ==
          "intake_id,submitted_at,language,first_name,phone\r\n"
          "a,t1,es,\"Ann;'=cmd|' /C calc'!A0\",'+34 600 123 456\r\n");
  }

  TEST_CASE("the today's list shows first name and last initial only") {
    CHECK(core::ShortName(core::Json::parse(R"({"first_name":"Maria","last_name":"García"})")) == "Maria G.");
    CHECK(core::ShortName(core::Json::parse(R"({"first_name":" Íñigo ","last_name":"Ñúñez"})")) ==
          "Íñigo Ñ.");
    CHECK(core::ShortName(core::Json::parse(R"({"first_name":"Cher"})")) == "Cher");
    CHECK(core::ShortName(core::Json::parse(R"({"last_name":"X"})")) == "");
  }
}

TEST_SUITE("demo flow") {
  core::Result<core::Content> LoadWithDemo(const std::string& demo) {
    std::map<std::string, std::string> files;
    for (const char* name : {"manifest.json", "app.json", "questionnaire.json"}) {
      files[name] = *core::ReadFile(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / name);
    }
    files["demo.json"] = demo;
    return core::ParseContent(files);
  }

  TEST_CASE(
      "the default content has a demo flow without screening: privacy first, info asked, marketing "
      "optional") {
    auto content = core::LoadContent(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE_MESSAGE(content.ok(), content.error());
    REQUIRE(content->demo);
    CHECK(content->demo->return_s == 5);
    core::Content demo = core::DemoContent(*content);
    CHECK(demo.steps.size() == content->demo->steps.size());
    CHECK(demo.FindQuestion("pregnant") == nullptr);
    CHECK(demo.steps.front().id == "demo_privacy");  // the notice before any question (issue 18)
    CHECK(demo.FindQuestion("info_request")->required);
    CHECK_FALSE(demo.FindQuestion("marketing_consent")->required);  // no consent still gives a lead
    CHECK(demo.app.thank_you.return_s == 5);
    for (const auto& [id, q] : demo.questions) CHECK(q->flags.empty());
    // its own welcome on the attract screen: the clinic's speaks of a consultation questionnaire
    CHECK(demo.app.attract.title.In("en") == "Curious about microneedling?");
    CHECK(demo.app.attract.subtitle.In("en").find("under a minute") != std::string::npos);
    CHECK(demo.app.attract.title.In("en") != content->app.attract.title.In("en"));
  }

  TEST_CASE("a demo flow that screens health or keeps leads without consent is refused, naming the place") {
    auto flagged = LoadWithDemo(R"({"steps":[{"id":"s","title":{"en":"S","es":"S"},"questions":[
        {"id":"preg","type":"yes_no","label":{"en":"P","es":"P"},
         "flags":[{"id":"f","tier":"stop","reason":"r","when":{"question":"preg","equals":true}}]}]}],
      "thank_you":{"title":{"en":"T","es":"T"},"body":{"en":"B","es":"B"}}})");
    REQUIRE_FALSE(flagged.ok());
    CHECK(
        core_test::Has(flagged.problems(), "demo.json", "/steps/0/questions/0", "asks no health screening"));
    CHECK(core_test::Has(flagged.problems(), "demo.json", "/steps", "required consent"));
  }

  TEST_CASE("a broken demo.json is reported like any content file, with every missing language") {
    auto broken = LoadWithDemo(R"({"steps":[{"id":"s","title":{"en":"S"},"questions":[
        {"id":"ok","type":"consent","required":true,"label":{"en":"C","es":"C"}}]}],"extra":1})");
    REQUIRE_FALSE(broken.ok());
    CHECK(core_test::Has(broken.problems(), "demo.json", "/steps/0/title", "es"));
    CHECK(core_test::Has(broken.problems(), "demo.json", "/", "thank_you"));
    CHECK(core_test::Has(broken.problems(), "demo.json", "/extra", ""));
    auto not_json = LoadWithDemo("{");
    REQUIRE_FALSE(not_json.ok());
    CHECK(core_test::Has(not_json.problems(), "demo.json", "/", ""));
  }
}
