// The staff store on a real SQLite file: wrong-PIN counts survive reopening, the today's list and its purge.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "store/outbox.h"
#include "store/staff_store.h"
#include "store/temp_dir.h"

using store_test::At;

TEST_CASE("wrong-PIN failures are counted in the file and survive closing and reopening it") {
  store_test::TempDir dir;
  {
    auto s = store::StaffStore::Open(dir.File("staff.sqlite"));
    REQUIRE(s.ok());
    CHECK((*s)->Failures()->count == 0);
    for (int i = 0; i < 6; ++i) REQUIRE((*s)->RecordFailure(At(i)).ok());
  }
  struct stat st {};
  REQUIRE(::stat(dir.File("staff.sqlite").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto s = store::StaffStore::Open(dir.File("staff.sqlite"));
  REQUIRE(s.ok());
  auto f = (*s)->Failures();
  REQUIRE(f.ok());
  CHECK(f->count == 6);
  CHECK(f->last == At(5));
  REQUIRE((*s)->ResetFailures().ok());
  CHECK((*s)->Failures()->count == 0);
}

TEST_CASE("today's list: newest first, once per intake, and purged after its retention") {
  store_test::TempDir dir;
  auto s = store::StaffStore::Open(dir.File("staff.sqlite"));
  REQUIRE(s.ok());
  REQUIRE((*s)->AddToday({"a", At(0), "Maria G.", "stop,review", false}).ok());
  REQUIRE((*s)->AddToday({"b", At(60), "Ann L.", "", true}).ok());
  REQUIRE((*s)->AddToday({"b", At(90), "Someone Else", "", true}).ok());
  auto all = (*s)->Today(At(0));
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK(all->at(0).id == "b");
  CHECK(all->at(0).short_name == "Ann L.");
  CHECK(all->at(0).demo);
  CHECK(all->at(1).flags == "stop,review");
  CHECK((*s)->Today(At(30))->size() == 1);
  auto purged = (*s)->PurgeToday(At(30));
  REQUIRE(purged.ok());
  CHECK(*purged == 1);
  CHECK((*s)->Today(At(0))->size() == 1);
}

TEST_CASE("the outbox summary counts clinic intakes and demo leads apart, with the last delivery") {
  store_test::TempDir dir;
  auto o = store::Outbox::Open(dir.File("outbox.sqlite"));
  REQUIRE(o.ok());
  auto& outbox = **o;
  REQUIRE(outbox.Put("i1", "{}", At(0), false).ok());
  REQUIRE(outbox.Put("i2", "{}", At(1), false).ok());
  REQUIRE(outbox.Put("i3", "{}", At(2), false).ok());
  REQUIRE(outbox.Put("d1", R"({"demo":true})", At(3), true).ok());
  auto c1 = outbox.Claim(At(10), core::Seconds(60));
  REQUIRE(outbox.MarkDelivered((*c1)->id, (*c1)->attempts, At(11)).ok());
  auto c2 = outbox.Claim(At(12), core::Seconds(60));
  REQUIRE(outbox.MarkParked((*c2)->id, (*c2)->attempts, "HTTP 401 Unauthorized").ok());
  auto s = outbox.Summary(At(0));
  REQUIRE(s.ok());
  CHECK(s->waiting == 1);
  CHECK(s->delivered_since == 1);
  CHECK(s->parked == 1);
  CHECK(s->last_delivered_at == core::ToRfc3339(At(11)));
  CHECK(outbox.Summary(At(20))->delivered_since == 0);
  auto demo = outbox.Summary(At(0), true);
  CHECK(demo->waiting == 1);
  CHECK(demo->last_delivered_at.empty());
  auto leads = outbox.DemoPayloads();
  REQUIRE(leads.ok());
  CHECK(*leads == std::vector<std::string>{R"({"demo":true})"});
}
