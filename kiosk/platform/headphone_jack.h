// The 3.5 mm headphone jack (issue 19): ALSA's jack controls ("Headphone Jack", "Front Headphone Jack", as
// HDA sound cards report them) on every sound card, watched by a thread asleep in poll() until a card says
// one changed. libasound is opened with dlopen when the watch starts, after the first frame (it is already
// mapped: SDL links it), so the jack costs the start nothing and adds no library.
#pragma once

#include <functional>
#include <memory>
#include <optional>

namespace platform {

class HeadphoneJack {
 public:
  // Watches every card's headphone jack controls; `changed` is called from the watching thread when the state
  // changes (it must only wake the window loop). Null when no card has one (or ALSA cannot be opened).
  static std::unique_ptr<HeadphoneJack> Start(std::function<void()> changed);
  ~HeadphoneJack();
  HeadphoneJack(const HeadphoneJack&) = delete;
  HeadphoneJack& operator=(const HeadphoneJack&) = delete;

  // Plugged: any headphone jack holds a plug.
  bool Plugged() const;

  struct Watch;

 private:
  explicit HeadphoneJack(std::unique_ptr<Watch> watch);
  std::unique_ptr<Watch> watch_;
};

}  // namespace platform
