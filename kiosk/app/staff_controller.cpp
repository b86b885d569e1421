// StaffController: gesture -> PIN pad -> staff pages; throttle persisted in staff.sqlite; actions.
#include "app/staff_controller.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>

#include "core/base/uuid.h"
#include "core/delivery/delivery_words.h"
#include "core/staff/pin_throttle.h"
#include "core/visit/leads.h"
#include "staff/pin_file.h"

namespace app {

namespace {

std::tm LocalTm(core::TimePoint t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm;
}

// The start of the local day `t` falls in.
core::TimePoint StartOfDay(core::TimePoint t) {
  std::tm tm = LocalTm(t);
  return std::chrono::floor<core::Seconds>(t) - core::Seconds(tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
}

std::string StateKey(const std::string& state, bool demo, bool demo_delivery) {
  if (demo && !demo_delivery && state != "delivered") return "state_local";
  return "state_" + (state.empty() ? std::string("pending") : state);
}

// Writes `text` to a new file `path` (mode 0644, a drive other people read) and flushes it to the device.
core::Status WriteNewFile(const std::filesystem::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return core::Status::Fail(path.string() + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  std::string why = std::strerror(errno);
  ::close(fd);
  if (!ok) return core::Status::Fail(path.string() + ": " + why);
  return core::Ok{};
}

// The sender looks for requests every second and between deliveries; the test takes at most 15 s, after
// the delivery attempt in flight (at most timeout_s). Past this the sender is not running: staff must know
// that nothing is being sent.
core::Seconds ConnectionTestPatience(const core::Config& config) {
  return core::Seconds(std::min(config.delivery.timeout_s, 15) + config.delivery.timeout_s + 10);
}

}  // namespace

StaffController::StaffController(const core::Config& config, std::filesystem::path pin_file,
                                 std::unique_ptr<store::StaffStore> store, store::Outbox& outbox,
                                 const core::Clock& clock)
    : config_(config),
      pin_file_(std::move(pin_file)),
      store_(std::move(store)),
      outbox_(outbox),
      clock_(clock),
      gesture_(core::HoldGestureSettings{config.staff.gesture_corner, 90,
                                         core::Seconds(config.staff.gesture_hold_s)}) {}

void StaffController::Frame(bool down, float x, float y, float width, float height, float em) {
  core::TimePoint now = clock_.Now();
  gesture_.set_size(config_.staff.gesture_size_em * em);
  if (!open() && gesture_.Update(down, x, y, width, height, now)) {
    core::ApplyStaff(state_, core::staff_intent::Open{}, now);
    spdlog::info("staff PIN pad opened");
  }
  if (core::LockIfIdle(state_, now, core::Seconds(config_.staff.lock_after_s)))
    spdlog::info("staff mode locked (no touch)");
}

StaffRequest StaffController::Handle(const core::StaffIntent& intent) {
  namespace si = core::staff_intent;
  bool was_open = state_.page != core::StaffPage::kPin && open();
  if (!core::ApplyStaff(state_, intent, clock_.Now())) {
    if (was_open && !open()) spdlog::info("staff mode locked");
    return StaffRequest::kNone;
  }
  if (std::holds_alternative<si::Enter>(intent)) CheckPin();
  if (std::holds_alternative<si::RetryAll>(intent)) RetryNow("");
  if (const auto* one = std::get_if<si::RetryOne>(&intent)) RetryNow(one->id);
  if (std::holds_alternative<si::TestConnection>(intent)) TestConnection();
  if (std::holds_alternative<si::ExportLeads>(intent)) ExportLeads();
  if (std::holds_alternative<si::ToggleDemo>(intent)) return StaffRequest::kToggleDemo;
  if (std::holds_alternative<si::ReloadContent>(intent)) return StaffRequest::kReloadContent;
  if (std::holds_alternative<si::RollBackContent>(intent)) return StaffRequest::kRollBackContent;
  if (std::holds_alternative<si::ExitApp>(intent)) return StaffRequest::kExit;
  return StaffRequest::kNone;
}

void StaffController::Report(std::string key, std::map<std::string, std::string> values, bool problem,
                             std::string detail) {
  core::Say(state_, std::move(key), std::move(values), problem, std::move(detail));
}

void StaffController::CheckPin() {
  core::TimePoint now = clock_.Now();
  auto failures = store_->Failures();
  if (!failures) {
    spdlog::error("staff store: {}", failures.error());
    core::PinChecked(state_, false, now);
    return;
  }
  if (core::PinWaitSeconds(failures->count, failures->last, now) > 0) {
    core::PinChecked(state_, false, now);  // the pad was closed: the PIN is not even looked at
    return;
  }
  auto match = staff::VerifyPin(pin_file_, state_.pin);
  bool correct = match && *match;
  if (!match) spdlog::error("staff PIN could not be checked: {}", match.error());
  auto recorded = correct ? store_->ResetFailures() : store_->RecordFailure(now);
  if (!recorded) spdlog::error("staff store: {}", recorded.error());
  if (correct) {
    spdlog::info("staff mode unlocked");
  } else {
    spdlog::info("wrong staff PIN ({} in a row)", failures->count + 1);
  }
  core::PinChecked(state_, correct, now);
}

void StaffController::RetryNow(const std::string& id) {
  auto n = outbox_.RetryNow(id, clock_.Now());
  if (!n) {
    Report("staff_export_failed", {{"why", n.error()}}, true);
    return;
  }
  spdlog::info("staff: {} intake(s) made due now", *n);
  Report("staff_retried", {{"n", std::to_string(*n)}});
}

void StaffController::TestConnection() {
  if (!config_.delivery.configured()) {
    Report("conn_not_configured", {}, true);
    return;
  }
  std::string test_id = "test-" + core::NewUuid();
  if (auto asked = outbox_.RequestConnectionTest(test_id, clock_.Now()); !asked) {
    Report("staff_export_failed", {{"why", asked.error()}}, true);
    return;
  }
  pending_test_ = test_id;
  pending_test_since_ = clock_.Now();
  Report("conn_testing");
}

void StaffController::StopWaitingForTest() {
  if (pending_test_.empty()) return;
  if (auto withdrawn = outbox_.WithdrawConnectionTest(pending_test_); !withdrawn)
    spdlog::warn("connection test not withdrawn: {}", withdrawn.error());
  pending_test_.clear();
}

void StaffController::PollConnectionTest() {
  if (pending_test_.empty()) return;
  auto result = outbox_.ConnectionTestResult(pending_test_);
  if (!result) {
    pending_test_.clear();
    Report("staff_export_failed", {{"why", result.error()}}, true);
    return;
  }
  if (!*result) {
    if (clock_.Now() - pending_test_since_ < ConnectionTestPatience(config_)) return;
    StopWaitingForTest();
    spdlog::warn("staff connection test: the sender did not answer");
    Report("conn_no_sender", {{"s", std::to_string(ConnectionTestPatience(config_).count())}}, true);
    return;
  }
  pending_test_.clear();
  core::Words words = core::DescribeConnection((*result)->result, (*result)->at);
  spdlog::info("staff connection test: {}", words.key);
  Report(words.key, words.values, words.problem);
}

void StaffController::ExportLeads() {
  if (config_.demo.export_dir.empty()) {
    Report("staff_export_no_dir", {}, true);
    return;
  }
  auto payloads = outbox_.DemoPayloads();
  if (!payloads) {
    Report("staff_export_failed", {{"why", payloads.error()}}, true);
    return;
  }
  std::vector<core::Json> leads;
  for (const auto& p : *payloads) {
    if (auto json = core::ParseJson(p)) leads.push_back(std::move(*json));
  }
  std::tm tm = LocalTm(clock_.Now());
  char name[64];
  std::strftime(name, sizeof name, "leads-%Y%m%d-%H%M%S.csv", &tm);
  std::filesystem::path file = std::filesystem::path(config_.demo.export_dir) / name;
  if (!std::filesystem::is_directory(config_.demo.export_dir)) {
    Report("staff_export_no_drive", {{"dir", config_.demo.export_dir}}, true);
    return;
  }
  auto written = WriteNewFile(file, core::LeadsCsv(leads));
  if (!written) {
    Report("staff_export_failed", {{"why", written.error()}}, true);
    return;
  }
  spdlog::info("staff exported {} lead(s)", leads.size());
  Report("staff_export_ok", {{"n", std::to_string(leads.size())}, {"file", file.string()}});
}

void StaffController::SaveFailed(const std::string& store_error) {
  save_alert_ = core::SaveProblemOf(store_error);
}

void StaffController::ForgetOldEntries() {
  auto forgotten = store_->PurgeToday(clock_.Now() - std::chrono::hours(config_.staff.today_list_hours));
  if (!forgotten)
    spdlog::warn("old rows of the staff list not deleted: {}", forgotten.error());
  else if (*forgotten > 0)
    spdlog::info("deleted {} row(s) of the staff list older than {} hours", *forgotten,
                 config_.staff.today_list_hours);
}

void StaffController::Submitted(const core::Json& intake, bool demo) {
  save_alert_.clear();
  store::TodayEntry e;
  e.id = intake.value("intake_id", "");
  e.submitted_at = clock_.Now();
  e.short_name = core::ShortName(intake.value("answers", core::Json::object()));
  std::string tiers;
  for (const char* tier : {"stop", "defer", "review"}) {
    for (const auto& f : intake.value("flags", core::Json::array())) {
      if (f.is_object() && f.value("tier", "") == tier) {
        if (!tiers.empty()) tiers += ',';
        tiers += tier;
        break;
      }
    }
  }
  e.flags = tiers;
  e.demo = demo;
  if (auto added = store_->AddToday(e); !added) spdlog::error("today's list: {}", added.error());
}

std::string StaffController::LocalTime(core::TimePoint t) const {
  std::tm tm = LocalTm(t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M", &tm);
  return buf;
}

const ui::StaffView& StaffController::View(bool demo, bool demo_available) {
  ui::StaffView& v = view_;
  v.state = state_;
  v.language = config_.staff.language;
  v.demo = demo;
  v.demo_available = demo_available;
  if (!open()) {
    StopWaitingForTest();
    return v;
  }
  PollConnectionTest();
  v.state = state_;
  core::TimePoint now = clock_.Now();
  v.pin_set = staff::PinIsSet(pin_file_);
  auto failures = store_->Failures();
  v.pin_wait_s = failures ? core::PinWaitSeconds(failures->count, failures->last, now) : 0;
  if (state_.page == core::StaffPage::kPin) return v;
  v.endpoint = config_.delivery.configured();
  if (auto s = outbox_.Summary(StartOfDay(now))) {
    v.waiting = s->waiting;
    v.delivered_today = s->delivered_since;
    v.parked = s->parked;
    v.last_success = s->last_delivered_at.empty() ? "" : s->last_delivered_at.substr(11, 5);
  }
  if (auto d = outbox_.Summary(StartOfDay(now), true)) v.demo_leads = d->waiting + d->parked;
  v.parked_rows.clear();
  v.alert_key.clear();
  v.save_alert_key = save_alert_;
  std::map<std::string, std::string> states;
  if (auto rows = outbox_.List(500)) {
    for (const auto& r : *rows) {
      states[r.id] = r.state;
      if (r.kind != store::kKindIntake) continue;
      if (r.state == store::kStateParked) v.parked_rows.push_back({r.id, r.last_error});
      bool queued = r.state == store::kStatePending || r.state == store::kStateParked;
      if (queued && v.alert_key.empty()) v.alert_key = core::AlertOf(r.last_error);
    }
  }
  v.today_hours = config_.staff.today_list_hours;
  v.today.clear();
  auto cutoff = now - std::chrono::hours(config_.staff.today_list_hours);
  ForgetOldEntries();
  if (auto entries = store_->Today(cutoff)) {
    for (const auto& e : *entries) {
      std::vector<std::string> flags;
      for (size_t start = 0; start < e.flags.size();) {
        size_t end = std::min(e.flags.find(',', start), e.flags.size());
        flags.push_back("tier_" + e.flags.substr(start, end - start));
        start = end + 1;
      }
      bool demo_delivery = config_.demo.delivery.configured();
      v.today.push_back({LocalTime(e.submitted_at), e.short_name,
                         StateKey(states[e.id], e.demo, demo_delivery), flags, e.demo});
    }
  }
  return v;
}

core::TimePoint StaffController::NextWake() const {
  core::TimePoint wake = gesture_.Deadline();
  if (open()) {
    wake = std::min(wake, state_.last_touch + core::Seconds(config_.staff.lock_after_s));
    if (view_.pin_wait_s > 0) wake = std::min(wake, clock_.Now() + core::Seconds(1));
    if (!pending_test_.empty()) wake = std::min(wake, clock_.Now() + core::Millis(250));
  }
  return wake;
}

}  // namespace app
