// Localised text lookup, placeholder formatting and UUID v4 intake ids.
#include <doctest/doctest.h>

#include <set>

#include "core/base/uuid.h"
#include "core/content/text.h"

TEST_SUITE("text") {
  TEST_CASE("Format replaces every placeholder, however often it appears") {
    CHECK(core::Format("Step {n} of {m} · {title}", {{"n", "3"}, {"m", "7"}, {"title", "Health"}}) ==
          "Step 3 of 7 · Health");
    CHECK(core::Format("{n}, {n} and {n}", {{"n", "x"}}) == "x, x and x");
    CHECK(core::Format("Please use at least {n} characters.", {{"n", "2"}}) ==
          "Please use at least 2 characters.");
  }

  TEST_CASE("Format leaves unknown placeholders and plain text alone") {
    CHECK(core::Format("Hello {name}", {}) == "Hello {name}");
    CHECK(core::Format("Hello {name}", {{"n", "3"}}) == "Hello {name}");
    CHECK(core::Format("no braces", {{"n", "3"}}) == "no braces");
    CHECK(core::Format("", {{"n", "3"}}) == "");
  }

  TEST_CASE("Format does not loop when a value contains its own placeholder") {
    CHECK(core::Format("{n}-{n}", {{"n", "{n}{n}"}}) == "{n}{n}-{n}{n}");
    CHECK(core::Format("[{x}]", {{"x", ""}}) == "[]");
  }

  TEST_CASE("a text falls back to its first language when the asked one is missing") {
    core::Text t;
    CHECK(t.In("en").empty());
    t.by_language = {{"es", "Hola"}, {"en", "Hello"}};
    CHECK(t.In("es") == "Hola");
    CHECK(t.In("en") == "Hello");
    CHECK(t.In("fr") == "Hello");  // "en" sorts first
  }
}

TEST_SUITE("uuid") {
  TEST_CASE("a v4 UUID sets the version and variant bits") {
    std::array<std::uint8_t, 16> zeros{};
    CHECK(core::UuidV4(zeros) == "00000000-0000-4000-8000-000000000000");
    std::array<std::uint8_t, 16> ones;
    ones.fill(0xff);
    CHECK(core::UuidV4(ones) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    std::array<std::uint8_t, 16> counting{};
    for (size_t i = 0; i < 16; ++i) counting[i] = static_cast<std::uint8_t>(i * 17);
    CHECK(core::UuidV4(counting) == "00112233-4455-4677-8899-aabbccddeeff");
  }

  TEST_CASE("new UUIDs are well-formed version 4 and differ") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
      std::string id = core::NewUuid();
      REQUIRE(core::IsUuid(id));
      REQUIRE(id[14] == '4');
      REQUIRE(std::string("89ab").find(id[19]) != std::string::npos);
      for (char c : id) REQUIRE((c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')));
      seen.insert(id);
    }
    CHECK(seen.size() == 200);
  }

  TEST_CASE("IsUuid accepts the 8-4-4-4-12 hex form only") {
    CHECK(core::IsUuid("3f0c2a5e-8d4b-4c1a-9e7f-0123456789ab"));
    CHECK(core::IsUuid("3F0C2A5E-8D4B-4C1A-9E7F-0123456789AB"));
    CHECK_FALSE(core::IsUuid(""));
    CHECK_FALSE(core::IsUuid("3f0c2a5e8d4b4c1a9e7f0123456789ab"));
    CHECK_FALSE(core::IsUuid("3f0c2a5e-8d4b-4c1a-9e7f-0123456789a"));
    CHECK_FALSE(core::IsUuid("3f0c2a5e-8d4b-4c1a-9e7f-0123456789abc"));
    CHECK_FALSE(core::IsUuid("3f0c2a5e-8d4b4-c1a-9e7f-0123456789ab"));
    CHECK_FALSE(core::IsUuid("3f0c2a5g-8d4b-4c1a-9e7f-0123456789ab"));
    CHECK_FALSE(core::IsUuid("{f0c2a5e-8d4b-4c1a-9e7f-0123456789a}"));
  }
}
