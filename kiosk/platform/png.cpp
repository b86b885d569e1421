// PNG encoding with stb_image_write (implementation in Debian's libstb) and base64 with libsodium.
#include "platform/png.h"

#include <sodium.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <fstream>

namespace platform {

std::string EncodePng(const core::Image& image) {
  std::string out;
  auto append = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
  };
  stbi_write_png_to_func(append, &out, image.width, image.height, 4, image.rgba.data(), image.width * 4);
  return out;
}

core::Status WritePng(const std::filesystem::path& path, const core::Image& image) {
  // screenshots are written often and read rarely: light compression is several times faster
  const int level = stbi_write_png_compression_level, filter = stbi_write_force_png_filter;
  stbi_write_png_compression_level = 1;
  stbi_write_force_png_filter = 1;  // "sub": one filter instead of trying all five per row
  std::string bytes = EncodePng(image);
  stbi_write_png_compression_level = level;
  stbi_write_force_png_filter = filter;
  if (bytes.empty()) return core::Status::Fail("could not encode " + path.string());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return core::Status::Fail("could not write " + path.string());
  return core::Ok{};
}

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string SignaturePngBase64(const core::Signature& signature) {
  int height = 200;
  int width = signature.height > 0 ? static_cast<int>(height * signature.width / signature.height) : 600;
  return Base64(EncodePng(core::Rasterize(signature, std::clamp(width, 200, 1200), height, 3.0f)));
}

}  // namespace platform
