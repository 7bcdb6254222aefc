#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace console::app {

/// Writes RGBA rows (top first) as a PNG. Returns false when the file cannot be written.
bool write_png(const std::string& path,
               const std::vector<std::uint8_t>& rgba,
               int width,
               int height);

/// Writes `sidecar` as `<png path>.json`: what the frame drew (canvas, view, swatches), so tests
/// can find the pixels to check. Returns false when the file cannot be written.
bool write_sidecar(const std::string& png_path, const nlohmann::json& sidecar);

}  // namespace console::app
