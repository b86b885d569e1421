// wl_shm presentation of software-rendered frames on SDL's Wayland window (SDL keeps the window and input).
//
// libwayland-client is already in the process (SDL's Wayland driver links it); its functions and interface
// tables are looked up at run time, so the kiosk does not link it and runs unchanged where it is absent.
// Our requests go on SDL's wl_surface; our objects (registry, wl_shm, pool, buffers) live on an event queue
// of our own, so SDL's event handling never sees them and we never dispatch SDL's.
#include "platform/wayland_presenter.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-util.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace platform {

namespace {

struct wl_proxy;
struct wl_display;
struct wl_event_queue;

constexpr uint32_t kMarshalDestroy = 1;  // WL_MARSHAL_FLAG_DESTROY
constexpr uint32_t kShmFormatXrgb = 1;   // WL_SHM_FORMAT_XRGB8888: B, G, R, X in memory = SDL's RGB888
constexpr uint32_t kGetRegistry = 1;     // wl_display.get_registry
constexpr uint32_t kBind = 0;            // wl_registry.bind
constexpr uint32_t kCreatePool = 0;      // wl_shm.create_pool
constexpr uint32_t kCreateBuffer = 0;    // wl_shm_pool.create_buffer
constexpr uint32_t kPoolDestroy = 1;     // wl_shm_pool.destroy
constexpr uint32_t kBufferDestroy = 0;   // wl_buffer.destroy
constexpr uint32_t kAttach = 1;          // wl_surface.attach
constexpr uint32_t kDamage = 2;          // wl_surface.damage
constexpr uint32_t kCommit = 6;          // wl_surface.commit
constexpr int32_t kWholeSurface = 0x7fffffff;

// The libwayland-client entry points we use, from the copy SDL loaded.
struct Wl {
  wl_proxy* (*marshal_flags)(wl_proxy*, uint32_t, const wl_interface*, uint32_t, uint32_t, ...);
  uint32_t (*get_version)(wl_proxy*);
  int (*add_listener)(wl_proxy*, void (**)(void), void*);
  void (*destroy)(wl_proxy*);
  void* (*create_wrapper)(void*);
  void (*wrapper_destroy)(void*);
  void (*set_queue)(wl_proxy*, wl_event_queue*);
  wl_event_queue* (*create_queue)(wl_display*);
  void (*queue_destroy)(wl_event_queue*);
  int (*roundtrip_queue)(wl_display*, wl_event_queue*);
  int (*dispatch_queue_pending)(wl_display*, wl_event_queue*);
  int (*flush)(wl_display*);
  const wl_interface* registry_interface;
  const wl_interface* shm_interface;
  const wl_interface* pool_interface;
  const wl_interface* buffer_interface;

  bool Load() {
    bool ok = true;
    auto get = [&ok](auto& to, const char* name) {
      to = reinterpret_cast<std::remove_reference_t<decltype(to)>>(dlsym(RTLD_DEFAULT, name));
      ok = ok && to != nullptr;
    };
    get(marshal_flags, "wl_proxy_marshal_flags");
    get(get_version, "wl_proxy_get_version");
    get(add_listener, "wl_proxy_add_listener");
    get(destroy, "wl_proxy_destroy");
    get(create_wrapper, "wl_proxy_create_wrapper");
    get(wrapper_destroy, "wl_proxy_wrapper_destroy");
    get(set_queue, "wl_proxy_set_queue");
    get(create_queue, "wl_display_create_queue");
    get(queue_destroy, "wl_event_queue_destroy");
    get(roundtrip_queue, "wl_display_roundtrip_queue");
    get(dispatch_queue_pending, "wl_display_dispatch_queue_pending");
    get(flush, "wl_display_flush");
    get(registry_interface, "wl_registry_interface");
    get(shm_interface, "wl_shm_interface");
    get(pool_interface, "wl_shm_pool_interface");
    get(buffer_interface, "wl_buffer_interface");
    return ok;
  }
};

struct Buffer {
  wl_proxy* buffer = nullptr;
  uint8_t* pixels = nullptr;
  bool busy = false;  // attached and not yet released by the compositor
};

}  // namespace

// Two buffers in one shared-memory pool: the compositor may read the one on screen until it lets go of it
// (wl_buffer.release), so each frame goes into the other.
struct WaylandPresenter::State {
  Wl wl{};
  wl_display* display = nullptr;
  wl_proxy* surface = nullptr;  // SDL's
  wl_event_queue* queue = nullptr;
  wl_proxy* registry = nullptr;
  wl_proxy* shm = nullptr;
  wl_proxy* pool = nullptr;
  int fd = -1;
  uint8_t* memory = nullptr;
  size_t size = 0;
  int width = 0, height = 0;
  std::array<Buffer, 2> buffers{};
  Buffer* current = nullptr;  // acquired for the frame being drawn
  Buffer* last = nullptr;     // committed last: on screen

  void DropBuffers() {
    current = last = nullptr;
    for (Buffer& b : buffers) {
      if (b.buffer)
        wl.marshal_flags(b.buffer, kBufferDestroy, nullptr, wl.get_version(b.buffer), kMarshalDestroy);
      b = Buffer{};
    }
    if (pool) wl.marshal_flags(pool, kPoolDestroy, nullptr, wl.get_version(pool), kMarshalDestroy);
    pool = nullptr;
    if (memory) munmap(memory, size);
    memory = nullptr;
    if (fd >= 0) close(fd);
    fd = -1;
  }

  bool MakeBuffers(int w, int h) {
    DropBuffers();
    size_t frame = static_cast<size_t>(w) * h * 4;
    fd = memfd_create("kiosk-frame", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, static_cast<off_t>(frame * 2)) != 0) return false;
    size = frame * 2;
    void* mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (mapped == MAP_FAILED) return false;
    memory = static_cast<uint8_t*>(mapped);
    pool = wl.marshal_flags(shm, kCreatePool, wl.pool_interface, wl.get_version(shm), 0, nullptr, fd,
                            static_cast<int32_t>(size));
    static void (*const kRelease[])(void) = {reinterpret_cast<void (*)(void)>(
        +[](void* data, wl_proxy*) { static_cast<Buffer*>(data)->busy = false; })};
    for (size_t i = 0; i < buffers.size(); ++i) {
      Buffer& b = buffers[i];
      b.pixels = memory + i * frame;
      b.buffer = wl.marshal_flags(pool, kCreateBuffer, wl.buffer_interface, wl.get_version(pool), 0, nullptr,
                                  static_cast<int32_t>(i * frame), w, h, w * 4, kShmFormatXrgb);
      wl.add_listener(b.buffer, const_cast<void (**)(void)>(kRelease), &b);
    }
    width = w;
    height = h;
    return true;
  }

  // A buffer the compositor has let go of; waits for a release (one round trip) if both are in use.
  Buffer* FreeBuffer() {
    for (int attempt = 0; attempt < 2; ++attempt) {
      wl.dispatch_queue_pending(display, queue);
      for (Buffer& b : buffers) {
        if (!b.busy) return &b;
      }
      if (wl.roundtrip_queue(display, queue) < 0) break;
    }
    // Still both on screen: the older one (at worst a frame shows half drawn, never a stale picture).
    for (Buffer& b : buffers) {
      if (&b != last && b.buffer) return &b;
    }
    return nullptr;
  }

  ~State() {
    DropBuffers();
    if (shm) wl.destroy(shm);
    if (registry) wl.destroy(registry);
    if (queue) wl.queue_destroy(queue);
  }
};

WaylandPresenter::WaylandPresenter(std::unique_ptr<State> state) : s_(std::move(state)) {}
WaylandPresenter::~WaylandPresenter() = default;

std::unique_ptr<WaylandPresenter> WaylandPresenter::For(SDL_Window* window) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_WAYLAND) return nullptr;
  auto s = std::make_unique<State>();
  if (!s->wl.Load()) return nullptr;
  s->display = reinterpret_cast<wl_display*>(info.info.wl.display);
  s->surface = reinterpret_cast<wl_proxy*>(info.info.wl.surface);
  s->queue = s->wl.create_queue(s->display);
  if (!s->queue) return nullptr;
  // The registry is made through a wrapper of the display that sends its events to our queue.
  void* display = s->wl.create_wrapper(s->display);
  if (!display) return nullptr;
  s->wl.set_queue(static_cast<wl_proxy*>(display), s->queue);
  s->registry = s->wl.marshal_flags(static_cast<wl_proxy*>(display), kGetRegistry, s->wl.registry_interface,
                                    s->wl.get_version(static_cast<wl_proxy*>(display)), 0, nullptr);
  s->wl.wrapper_destroy(display);
  if (!s->registry) return nullptr;
  static void (*const kRegistry[])(void) = {
      reinterpret_cast<void (*)(void)>(
          +[](void* data, wl_proxy* registry, uint32_t name, const char* iface, uint32_t) {
            auto* st = static_cast<State*>(data);
            if (st->shm || std::strcmp(iface, st->wl.shm_interface->name) != 0) return;
            st->shm = st->wl.marshal_flags(registry, kBind, st->wl.shm_interface, 1, 0, name,
                                           st->wl.shm_interface->name, 1u, nullptr);
          }),
      reinterpret_cast<void (*)(void)>(+[](void*, wl_proxy*, uint32_t) {})};
  s->wl.add_listener(s->registry, const_cast<void (**)(void)>(kRegistry), s.get());
  if (s->wl.roundtrip_queue(s->display, s->queue) < 0 || !s->shm) return nullptr;
  return std::unique_ptr<WaylandPresenter>(new WaylandPresenter(std::move(s)));
}

void* WaylandPresenter::Acquire(int width, int height) {
  State& s = *s_;
  s.current = nullptr;
  if ((width != s.width || height != s.height) && !s.MakeBuffers(width, height)) {
    s.DropBuffers();
    return nullptr;
  }
  s.current = s.FreeBuffer();
  return s.current ? s.current->pixels : nullptr;
}

int WaylandPresenter::Acquired() const {
  return s_->current ? static_cast<int>(s_->current - s_->buffers.data()) : -1;
}

void WaylandPresenter::Commit(const int* damage) {
  State& s = *s_;
  if (!s.current) return;
  Wl& wl = s.wl;
  uint32_t version = wl.get_version(s.surface);
  wl.marshal_flags(s.surface, kAttach, nullptr, version, 0, s.current->buffer, 0, 0);
  // In surface coordinates, which are the buffer's here (scale 1). (SDL 2.26 itself damages the whole surface
  // after every frame callback, so today the compositor redraws all of it anyway.)
  if (damage) {
    wl.marshal_flags(s.surface, kDamage, nullptr, version, 0, damage[0], damage[1], damage[2], damage[3]);
  } else {
    wl.marshal_flags(s.surface, kDamage, nullptr, version, 0, 0, 0, kWholeSurface, kWholeSurface);
  }
  wl.marshal_flags(s.surface, kCommit, nullptr, version, 0);
  wl.flush(s.display);
  s.current->busy = true;
  s.last = s.current;
}

bool WaylandPresenter::Show(SDL_Renderer* renderer, int width, int height) {
  void* pixels = Acquire(width, height);
  if (!pixels) return false;
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, pixels, width * 4) != 0) return false;
  Commit();
  return true;
}

}  // namespace platform
