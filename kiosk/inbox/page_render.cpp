// The layout around each page's template (page_render.h).
#include "inbox/page_render.h"

#include "inbox/rules/staff_rules.h"
#include "inbox/templates.h"

namespace inbox {

std::string RenderPage(const PageContext& ctx, const std::string& page, const std::string& title,
                       kainjow::mustache::data values) {
  const core::Content& content = ctx.content;
  values.set("clinic", content.app.clinic_name.empty() ? content.id : content.app.clinic_name);
  values.set("title", title);
  values.set("signed_in", !ctx.user.empty());
  values.set("user", ctx.user);
  values.set("csrf", ctx.csrf);
  values.set("publisher", ctx.publisher);
  // The partials, by names no value uses (a partial is looked up through every open section).
  values.set("page", TemplateText(page));
  values.set("csrf_field", TemplateText("csrf_field"));
  values.set("tier_badge", TemplateText("tier_badge"));
  kainjow::mustache::mustache layout(TemplateText("layout"));
  // The inbox's one escaping rule (staff_rules.h, unit-tested), for the page and its partials alike.
  layout.set_custom_escape([](const std::string& text) { return core::HtmlEscape(text); });
  std::string html = layout.render(values);
  if (!layout.is_valid()) return "staff page template " + page + ": " + layout.error_message() + "\n";
  return html;
}

std::string Render(const core::Content& content, const std::string& page, const std::string& title,
                   const std::string& user, const std::string& csrf, kainjow::mustache::data values) {
  return RenderPage(PageContext{content, user, csrf, std::nullopt}, page, title, std::move(values));
}

}  // namespace inbox
