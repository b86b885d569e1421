// The publish page's values for templates/publish.mustache; no markup here.
#include "inbox/publish_pages.h"

#include "inbox/local_time.h"
#include "inbox/page_render.h"

namespace inbox {
namespace {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// What a kiosk's state means, for the table.
std::string StateWords(const std::string& state) {
  if (state == "offered") return "offered, not fetched yet";
  if (state == "fetched") return "fetched, waiting for the attract screen";
  if (state == "installed") return "running it";
  if (state == "refused") return "refused it";
  if (state == "rolled_back") return "rolled back by staff";
  if (state == "replaced") return "replaced by a newer bundle";
  return state;
}

Data Outcome(const PublishOutcome& o) {
  Data d;
  d.set("published", o.published);
  d.set("refused", o.refused);
  d.set("any_refused", !o.refused.empty());
  d.set("content_id", o.content_id);
  d.set("content_version", o.content_version);
  d.set("target", o.target);
  d.set("kiosks", Joined(o.kiosks));
  d.set("kiosk_count", std::to_string(o.kiosks.size()));
  d.set("left_out", Joined(o.left_out));
  d.set("any_left_out", !o.left_out.empty());
  List problems;
  for (const auto& p : o.problems) {
    Data row;
    row.set("file", p.file);
    row.set("pointer", p.pointer.empty() ? "/" : p.pointer);
    row.set("message", p.message);
    problems.push_back(row);
  }
  d.set("any_problems", !o.problems.empty());
  d.set("problem_count", std::to_string(o.problems.size()));
  d.set("problems", problems);
  return d;
}

}  // namespace

std::string PublishPage(const PageContext& ctx, const std::vector<PublishTarget>& targets,
                        const std::vector<PublishedBundle>& recent, const PublishOutcome* outcome) {
  Data page;
  List target_list;
  for (const auto& t : targets) {
    Data row;
    row.set("name", t.name);
    row.set("label", (t.name == "all" ? std::string("Every kiosk") : "Group " + t.name) + " (" +
                         Joined(t.kiosks) + ")");
    target_list.push_back(row);
  }
  page.set("targets", target_list);
  if (outcome) page.set("outcome", Outcome(*outcome));
  List bundles;
  for (const auto& b : recent) {
    Data row;
    row.set("when", LocalTime(b.published_at));
    row.set("content", b.content_id + " " + b.content_version);
    row.set("by", b.published_by);
    row.set("target", b.target == "all" ? "every kiosk" : b.target);
    List offers;
    for (const auto& o : b.offers) {
      Data offer;
      offer.set("kiosk", o.kiosk_id);
      offer.set("state", o.state);
      offer.set("words", StateWords(o.state));
      offer.set("detail", o.detail);
      offer.set("when", LocalTime(o.updated_at));
      offers.push_back(offer);
    }
    row.set("offers", offers);
    bundles.push_back(row);
  }
  page.set("any_bundles", !recent.empty());
  page.set("bundles", bundles);
  return RenderPage(ctx, "publish", "Publish content", page);
}

}  // namespace inbox
