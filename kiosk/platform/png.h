// PNG encoding of core images: to a file (screenshots) and to base64 (signatures in the intake).
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/visit/signature.h"

namespace platform {

core::Status WritePng(const std::filesystem::path& path, const core::Image& image);
std::string EncodePng(const core::Image& image);  // the PNG file's bytes
std::string Base64(const std::string& bytes);
// The signature as the intake carries it: a 600x200 PNG, base64.
std::string SignaturePngBase64(const core::Signature& signature);

}  // namespace platform
