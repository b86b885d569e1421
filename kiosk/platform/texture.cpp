// Images from files onto the renderer: PNG decoded by stb_image, uploaded as an SDL texture.
#include <SDL.h>
#include <stb/stb_image.h>

#include <memory>

#include "platform/sdl_window.h"

namespace platform {

core::Result<Texture> SdlWindow::LoadTexture(const std::filesystem::path& png) {
  using R = core::Result<Texture>;
  int w = 0, h = 0, channels = 0;
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load(png.c_str(), &w, &h, &channels, 4),
                                                   stbi_image_free);
  if (!pixels) {
    return R::Fail(png.string() + ": cannot read the image (" + stbi_failure_reason() +
                   "); a PNG file is needed");
  }
  if (w > 4096 || h > 4096) return R::Fail(png.string() + ": the image is larger than 4096x4096 pixels");
  SDL_Texture* texture =
      SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
  if (!texture) return R::Fail(png.string() + ": " + SDL_GetError());
  ForgetFrames();  // a new texture may sit where an old one was: its triangles would look unchanged
  SDL_UpdateTexture(texture, nullptr, pixels.get(), w * 4);
  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
  return Texture{texture, w, h};
}

}  // namespace platform
