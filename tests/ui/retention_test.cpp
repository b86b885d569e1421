// What has outlived its period is forgotten by the running kiosk on its own, not only when staff look: the
// staff list's rows after staff.today_list_hours, demo leads after retention.lead_days. The real app,
// headless, on a clock moved past the periods with no one in staff mode.
#include <doctest/doctest.h>

#include "headless_kiosk.h"
#include "store/outbox.h"
#include "store/staff_store.h"

namespace {

std::size_t StaffListRows(const ui_test::Kiosk& k) {
  auto store = store::StaffStore::Open(app::StaffStoreFile(k.paths()));
  REQUIRE(store.ok());
  auto rows = (*store)->Today(core::TimePoint{});
  REQUIRE(rows.ok());
  return rows->size();
}

std::size_t Leads(const ui_test::Kiosk& k) {
  auto outbox = store::Outbox::Open(k.dir / "outbox.sqlite");
  REQUIRE(outbox.ok());
  auto rows = (*outbox)->List(500);
  REQUIRE(rows.ok());
  std::size_t n = 0;
  for (const auto& r : *rows) n += r.kind == store::kKindDemo;
  return n;
}

}  // namespace

TEST_CASE("the running kiosk forgets staff-list rows and demo leads once their periods are over") {
  core::Config config;
  config.staff.today_list_hours = 3;
  config.retention_lead_days = 2;
  ui_test::Kiosk k(config, /*with_staff=*/true);
  // A whole visit (a row on the staff list), and a lead captured at an event the same morning.
  // (The script checks the notice's "24 hours": this kiosk's notice says 3, as its config has it.)
  std::string visit = ui_test::ScriptUpTo("full-visit.kiosk", "expect screen thank_you");
  const std::string hours = "expect text \"are shown for 24 hours\"\n";
  REQUIRE(visit.find(hours) != std::string::npos);
  visit.replace(visit.find(hours), hours.size(), "expect text \"are shown for 3 hours\"\n");
  k.Run(visit);
  {
    auto outbox = store::Outbox::Open(k.dir / "outbox.sqlite");
    REQUIRE(outbox.ok());
    REQUIRE((*outbox)->Put("9b2f3c1e-5d4a-4f6b-8c7d-1e2f3a4b5c6d", "{}", k.clock.Now(), true).ok());
  }
  REQUIRE(StaffListRows(k) == 1);
  REQUIRE(Leads(k) == 1);

  // Within their periods both stay, however often the kiosk draws.
  k.Run("wait 120m\n");
  CHECK(StaffListRows(k) == 1);
  CHECK(Leads(k) == 1);

  // Past the staff list's 3 hours (the kiosk waiting on its attract screen): the row is gone, the lead stays.
  k.Run("wait 120m\n");
  CHECK(StaffListRows(k) == 0);
  CHECK(Leads(k) == 1);

  // Two days later, the lead too: the clock jumps (the machine slept) and the next frame deletes it.
  k.clock.Set(k.clock.Now() + std::chrono::days(2));
  k.app->Frame();
  CHECK(Leads(k) == 0);
}
