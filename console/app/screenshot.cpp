#include "console/app/screenshot.h"

#include <stb_image_write.h>

#include <fstream>

namespace console::app {

bool write_png(const std::string& path,
               const std::vector<std::uint8_t>& rgba,
               int width,
               int height) {
  return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

bool write_sidecar(const std::string& png_path, const nlohmann::json& sidecar) {
  std::ofstream out(png_path + ".json");
  out << sidecar.dump(2) << "\n";
  return static_cast<bool>(out);
}

}  // namespace console::app
