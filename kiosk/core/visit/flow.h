// The flow engine: the one place a visit changes (Apply), and what screens need to know about it.
#pragma once

#include <functional>
#include <string>

#include "core/content/content.h"
#include "core/visit/idle.h"
#include "core/visit/intents.h"
#include "core/visit/rules.h"
#include "core/visit/session.h"

namespace core {

struct Env {
  const Clock& clock;
  IdleSettings idle;
  std::function<std::string()> new_id;  // a fresh intake id (UUID v4)
};

struct Effects {
  bool submit = false;  // build the intake and commit it to the outbox, then Apply(SubmitDone)
  bool wiped = false;   // the visit was wiped: the UI must drop every copy of what was typed
};

Effects Apply(const Content& content, Session& session, const Intent& intent, const Env& env);

// Overwrites and clears everything the client entered; keeps only the visit counter.
void Wipe(Session& session);

struct Progress {
  int n = 0, m = 0;            // "step n of m", review included as the last step
  const Step* step = nullptr;  // null on the review screen
};
Progress ProgressOf(const Content& content, const Session& session, const Visibility& vis);

}  // namespace core
