// A Wayland window without OpenGL on SDL 2.26.
//
// SDL 2.26's Wayland driver gives every window that is not a Vulkan window an EGL surface: it loads libEGL,
// initialises it (Mesa's software driver, which maps libLLVM: 14 MB of the kiosk's memory, ~110 ms) and makes
// a surface for a window that the kiosk then never draws into with OpenGL (WaylandPresenter shows its frames
// through shared memory). SDL 2.30 stopped doing that; Debian 12 has 2.26. A window flagged SDL_WINDOW_VULKAN
// skips all of it, and SDL only asks the Vulkan loader, when it loads it, whether it knows the two surface
// extensions. So the kiosk hands SDL a stand-in loader, vkGetInstanceProcAddr in this program (exported from
// the executable, found through dlopen("") = the program itself): it knows those two extensions and nothing
// else. Nobody creates a Vulkan instance or surface, so nothing else of Vulkan is ever asked for.
#include "platform/no_gl_window.h"

#include <SDL.h>
#include <SDL_vulkan.h>

#include <cstring>

namespace {

// The layout of VkExtensionProperties (Vulkan's headers are not needed for this).
struct ExtensionProperties {
  char name[256];
  uint32_t spec_version;
};

constexpr int32_t kSuccess = 0;     // VK_SUCCESS
constexpr int32_t kIncomplete = 5;  // VK_INCOMPLETE
constexpr const char* kExtensions[] = {"VK_KHR_surface", "VK_KHR_wayland_surface"};
constexpr uint32_t kExtensionCount = 2;

int32_t EnumerateInstanceExtensionProperties(const char* layer, uint32_t* count, ExtensionProperties* out) {
  if (layer) {
    *count = 0;
    return kSuccess;
  }
  if (!out) {
    *count = kExtensionCount;
    return kSuccess;
  }
  uint32_t n = *count < kExtensionCount ? *count : kExtensionCount;
  for (uint32_t i = 0; i < n; ++i) {
    std::memset(&out[i], 0, sizeof out[i]);
    std::strncpy(out[i].name, kExtensions[i], sizeof out[i].name - 1);
    out[i].spec_version = 1;
  }
  *count = n;
  return n < kExtensionCount ? kIncomplete : kSuccess;
}

}  // namespace

// The stand-in loader's one entry point (exported: see kiosk/platform/CMakeLists.txt).
extern "C"
    __attribute__((visibility("default"))) void (*vkGetInstanceProcAddr(void* instance, const char* name))() {
  if (!instance && name && std::strcmp(name, "vkEnumerateInstanceExtensionProperties") == 0)
    return reinterpret_cast<void (*)()>(&EnumerateInstanceExtensionProperties);
  return nullptr;
}

namespace platform {

uint32_t NoGlWindowFlag() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver || std::strcmp(driver, "wayland") != 0) return 0;
  SDL_version v;
  SDL_GetVersion(&v);
  if (SDL_VERSIONNUM(v.major, v.minor, v.patch) >= SDL_VERSIONNUM(2, 30, 0)) return 0;
  if (SDL_Vulkan_LoadLibrary("") != 0) return 0;  // "": this program, where the stand-in is
  return SDL_WINDOW_VULKAN;
}

void ReleaseNoGlHold(uint32_t flag) {
  if (flag) SDL_Vulkan_UnloadLibrary();
}

}  // namespace platform
