#pragma once

#include <stb_image_write.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

namespace console::testing {

/// A solid `r, g, b` 256x256 PNG.
inline std::string solid_png(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  std::vector<std::uint8_t> pixels(256 * 256 * 3);
  for (std::size_t i = 0; i < pixels.size(); i += 3) {
    pixels[i] = r;
    pixels[i + 1] = g;
    pixels[i + 2] = b;
  }
  std::string png;
  stbi_write_png_to_func(
      [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<char*>(data),
                                               static_cast<std::size_t>(size));
      },
      &png,
      256,
      256,
      3,
      pixels.data(),
      256 * 3);
  return png;
}

/// The fake tile server of apis.md §6 on a free loopback port: a fixed PNG for any
/// /{z}/{x}/{y}.png, 403 when the User-Agent is missing or generic, 400 for x/y/z out of range,
/// Cache-Control and ETag on answers, 304 to a matching If-None-Match. Counts what it served.
class FakeTileServer {
 public:
  static constexpr const char* kEtag = "\"tile-v1\"";

  explicit FakeTileServer(std::string png, int max_age_seconds = 604800) : m_png(std::move(png)) {
    m_server.Get(
        R"(/(\d+)/(\d+)/(\d+)\.png)",
        [this, max_age_seconds](const httplib::Request& request, httplib::Response& response) {
          const std::string agent = request.get_header_value("User-Agent");
          {
            std::lock_guard lock(m_mutex);
            m_agents.push_back(agent);
          }
          if (agent.empty() || agent.rfind("cpp-httplib", 0) == 0 || agent.rfind("curl/", 0) == 0) {
            ++m_refused;
            response.status = 403;
            return;
          }
          const long z = std::stol(request.matches[1]);
          const long x = std::stol(request.matches[2]);
          const long y = std::stol(request.matches[3]);
          if (z > 19 || x >= (1L << z) || y >= (1L << z)) {
            response.status = 400;
            return;
          }
          response.set_header("Cache-Control", "max-age=" + std::to_string(max_age_seconds));
          response.set_header("ETag", kEtag);
          if (request.get_header_value("If-None-Match") == kEtag) {
            ++m_not_modified;
            response.status = 304;
            return;
          }
          ++m_served;
          response.set_content(m_png, "image/png");
        });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    for (int i = 0; i < 500 && !m_server.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~FakeTileServer() {
    m_server.stop();
    m_thread.join();
  }
  FakeTileServer(const FakeTileServer&) = delete;
  FakeTileServer& operator=(const FakeTileServer&) = delete;

  /// "http://127.0.0.1:<port>/{z}/{x}/{y}.png"
  std::string url_template() const {
    return "http://127.0.0.1:" + std::to_string(m_port) + "/{z}/{x}/{y}.png";
  }
  int served() const { return m_served; }
  int not_modified() const { return m_not_modified; }
  int refused() const { return m_refused; }
  /// Every User-Agent seen.
  std::vector<std::string> agents() const {
    std::lock_guard lock(m_mutex);
    return m_agents;
  }

 private:
  std::string m_png;
  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
  std::atomic<int> m_served{0};
  std::atomic<int> m_not_modified{0};
  std::atomic<int> m_refused{0};
  mutable std::mutex m_mutex;
  std::vector<std::string> m_agents;
};

}  // namespace console::testing
