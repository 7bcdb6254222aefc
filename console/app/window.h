#pragma once

#include <cstdint>
#include <vector>

struct GLFWwindow;

namespace console::app {

/// The GLFW window, its OpenGL 3.3 context and the Dear ImGui context with the GLFW and OpenGL 3
/// backends. Offscreen windows are hidden and render into a framebuffer object of the requested
/// size, so headless screenshots do not depend on the X screen. Throws std::runtime_error when
/// GLFW or OpenGL cannot start (no DISPLAY, no GL driver).
class Window {
 public:
  Window(int width, int height, bool offscreen, const char* ini_file);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  /// True once the user closed the window.
  bool should_close() const;
  /// Polls events and starts an ImGui frame.
  void begin_frame();
  /// Renders the ImGui frame and presents it.
  void end_frame();
  /// The last rendered frame as RGBA rows, top row first.
  void read_pixels(std::vector<std::uint8_t>& rgba, int& width, int& height) const;
  /// Size of the drawable area in pixels.
  int width() const;
  int height() const;

 private:
  void create_framebuffer();

  GLFWwindow* m_window = nullptr;
  bool m_offscreen = false;
  int m_width = 0;
  int m_height = 0;
  unsigned int m_framebuffer = 0;
  unsigned int m_colour = 0;
};

}  // namespace console::app
