// The per-frame registry of targets and texts.
#include "ui/target_registry.h"

namespace ui {

int TargetRegistry::TopLayer() const {
  int top = 0;
  for (const auto& t : targets_) top = t.layer > top ? t.layer : top;
  return top;
}

}  // namespace ui
