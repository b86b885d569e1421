// The demo lead-capture flow: parsed and checked from demo.json, and turned into the content a demo visit
// runs on (the same engine, screens and payload; its own steps and thank-you).
#pragma once

#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core {

// Parses demo.json into content.demo and checks it like a questionnaire, plus the demo rules: no question
// raises a flag (no health screening) and a required consent question exists (marketing consent).
void ParseDemoFlow(const Json& j, const JsonReader& r, Content& content);

// The content for a demo visit: the clinic's content with the demo steps and thank-you. Needs content.demo.
Content DemoContent(const Content& content);

}  // namespace core
