// HeadphoneJack: ALSA control elements through dlopen, one poll() thread, a pipe to end it.
#include "platform/headphone_jack.h"

#include <alsa/asoundlib.h>
#include <dlfcn.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace platform {

namespace {

struct Alsa {
  decltype(&snd_card_next) card_next = nullptr;
  decltype(&snd_ctl_open) ctl_open = nullptr;
  decltype(&snd_ctl_close) ctl_close = nullptr;
  decltype(&snd_ctl_elem_list_malloc) list_malloc = nullptr;
  decltype(&snd_ctl_elem_list_free) list_free = nullptr;
  decltype(&snd_ctl_elem_list) list = nullptr;
  decltype(&snd_ctl_elem_list_alloc_space) list_alloc_space = nullptr;
  decltype(&snd_ctl_elem_list_free_space) list_free_space = nullptr;
  decltype(&snd_ctl_elem_list_get_count) list_count = nullptr;
  decltype(&snd_ctl_elem_list_get_used) list_used = nullptr;
  decltype(&snd_ctl_elem_list_get_name) list_name = nullptr;
  decltype(&snd_ctl_elem_list_get_interface) list_interface = nullptr;
  decltype(&snd_ctl_elem_list_get_numid) list_numid = nullptr;
  decltype(&snd_ctl_elem_value_malloc) value_malloc = nullptr;
  decltype(&snd_ctl_elem_value_free) value_free = nullptr;
  decltype(&snd_ctl_elem_value_set_numid) value_set_numid = nullptr;
  decltype(&snd_ctl_elem_read) read_value = nullptr;
  decltype(&snd_ctl_elem_value_get_boolean) value_boolean = nullptr;
  decltype(&snd_ctl_subscribe_events) subscribe = nullptr;
  decltype(&snd_ctl_poll_descriptors_count) poll_count = nullptr;
  decltype(&snd_ctl_poll_descriptors) poll_descriptors = nullptr;
  decltype(&snd_ctl_read) read_event = nullptr;
  decltype(&snd_ctl_event_malloc) event_malloc = nullptr;
  decltype(&snd_ctl_event_free) event_free = nullptr;

  bool Open() {
    void* lib = dlopen("libasound.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return false;
    bool ok = true;
    auto sym = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      ok = ok && fn;
    };
    sym(card_next, "snd_card_next");
    sym(ctl_open, "snd_ctl_open");
    sym(ctl_close, "snd_ctl_close");
    sym(list_malloc, "snd_ctl_elem_list_malloc");
    sym(list_free, "snd_ctl_elem_list_free");
    sym(list, "snd_ctl_elem_list");
    sym(list_alloc_space, "snd_ctl_elem_list_alloc_space");
    sym(list_free_space, "snd_ctl_elem_list_free_space");
    sym(list_count, "snd_ctl_elem_list_get_count");
    sym(list_used, "snd_ctl_elem_list_get_used");
    sym(list_name, "snd_ctl_elem_list_get_name");
    sym(list_interface, "snd_ctl_elem_list_get_interface");
    sym(list_numid, "snd_ctl_elem_list_get_numid");
    sym(value_malloc, "snd_ctl_elem_value_malloc");
    sym(value_free, "snd_ctl_elem_value_free");
    sym(value_set_numid, "snd_ctl_elem_value_set_numid");
    sym(read_value, "snd_ctl_elem_read");
    sym(value_boolean, "snd_ctl_elem_value_get_boolean");
    sym(subscribe, "snd_ctl_subscribe_events");
    sym(poll_count, "snd_ctl_poll_descriptors_count");
    sym(poll_descriptors, "snd_ctl_poll_descriptors");
    sym(read_event, "snd_ctl_read");
    sym(event_malloc, "snd_ctl_event_malloc");
    sym(event_free, "snd_ctl_event_free");
    return ok;
  }
};

// "Headphone Jack", "Front Headphone Jack": a card's jack control for headphones (not "Headset Mic Jack").
bool IsHeadphoneJack(const std::string& name) {
  return name.find("Headphone") != std::string::npos && name.size() >= 4 &&
         name.compare(name.size() - 4, 4, "Jack") == 0;
}

}  // namespace

struct HeadphoneJack::Watch {
  Alsa alsa;
  struct Card {
    snd_ctl_t* ctl = nullptr;
    std::vector<unsigned> jacks;  // numids of its headphone jack controls
  };
  std::vector<Card> cards;
  std::atomic<bool> plugged{false};
  std::function<void()> changed;
  int stop[2] = {-1, -1};
  std::thread thread;

  bool ReadPlugged() {
    snd_ctl_elem_value_t* value = nullptr;
    if (alsa.value_malloc(&value) < 0) return false;
    bool any = false;
    for (auto& card : cards) {
      for (unsigned numid : card.jacks) {
        alsa.value_set_numid(value, numid);
        if (alsa.read_value(card.ctl, value) >= 0 && alsa.value_boolean(value, 0)) any = true;
      }
    }
    alsa.value_free(value);
    return any;
  }

  void Run() {
    std::vector<pollfd> fds;
    for (auto& card : cards) {
      int n = alsa.poll_count(card.ctl);
      std::vector<pollfd> own(static_cast<size_t>(std::max(n, 0)));
      if (n > 0) alsa.poll_descriptors(card.ctl, own.data(), static_cast<unsigned>(n));
      fds.insert(fds.end(), own.begin(), own.end());
    }
    fds.push_back({stop[0], POLLIN, 0});
    snd_ctl_event_t* event = nullptr;
    if (alsa.event_malloc(&event) < 0) return;
    for (;;) {
      if (poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) break;
      if (fds.back().revents) break;  // the end
      for (auto& fd : fds)
        if (fd.revents & (POLLERR | POLLHUP | POLLNVAL)) fd.fd = -1;  // a card gone (USB): poll skips it
      for (auto& card : cards)
        while (alsa.read_event(card.ctl, event) > 0) {
        }
      bool now = ReadPlugged();
      if (now != plugged.exchange(now)) changed();
    }
    alsa.event_free(event);
  }

  ~Watch() {
    if (thread.joinable()) {
      char end = 1;
      if (write(stop[1], &end, 1) < 0) spdlog::warn("headphone jack watch: could not be stopped");
      thread.join();
    }
    for (auto& card : cards) alsa.ctl_close(card.ctl);
    for (int fd : stop)
      if (fd >= 0) close(fd);
  }
};

HeadphoneJack::HeadphoneJack(std::unique_ptr<Watch> watch) : watch_(std::move(watch)) {}
HeadphoneJack::~HeadphoneJack() = default;

bool HeadphoneJack::Plugged() const {
  return watch_->plugged;
}

std::unique_ptr<HeadphoneJack> HeadphoneJack::Start(std::function<void()> changed) {
  auto w = std::make_unique<Watch>();
  if (!w->alsa.Open()) return nullptr;
  Alsa& a = w->alsa;
  snd_ctl_elem_list_t* list = nullptr;
  if (a.list_malloc(&list) < 0) return nullptr;
  for (int index = -1; a.card_next(&index) >= 0 && index >= 0;) {
    char name[32];
    std::snprintf(name, sizeof name, "hw:%d", index);
    Watch::Card card;
    if (a.ctl_open(&card.ctl, name, SND_CTL_NONBLOCK) < 0) continue;
    if (a.list(card.ctl, list) >= 0 && a.list_alloc_space(list, a.list_count(list)) >= 0 &&
        a.list(card.ctl, list) >= 0) {
      for (unsigned i = 0; i < a.list_used(list); ++i)
        if (a.list_interface(list, i) == SND_CTL_ELEM_IFACE_CARD && IsHeadphoneJack(a.list_name(list, i)))
          card.jacks.push_back(a.list_numid(list, i));
    }
    a.list_free_space(list);
    if (card.jacks.empty() || a.subscribe(card.ctl, 1) < 0) {
      a.ctl_close(card.ctl);
      continue;
    }
    w->cards.push_back(card);
  }
  a.list_free(list);
  if (w->cards.empty() || pipe(w->stop) != 0) return nullptr;
  w->plugged = w->ReadPlugged();
  w->changed = std::move(changed);
  Watch* raw = w.get();
  w->thread = std::thread([raw] { raw->Run(); });
  return std::unique_ptr<HeadphoneJack>(new HeadphoneJack(std::move(w)));
}

}  // namespace platform
