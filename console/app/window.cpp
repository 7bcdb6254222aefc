#include "console/app/window.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace console::app {
namespace {

constexpr const char* kGlslVersion = "#version 150";

void add_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  // DejaVu covers the accented and Cyrillic names of the embedded cities; without it ImGui's
  // built-in font draws ASCII only.
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!std::filesystem::exists(path)) return;
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  builder.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
  // Latin Extended, combining accents (names stored decomposed), dashes and quotes.
  static const ImWchar kExtra[] = {0x0100, 0x024F, 0x0300, 0x036F, 0x2010, 0x2044, 0};
  builder.AddRanges(kExtra);
  // The atlas keeps a pointer to the ranges until it is built, so they must outlive this call:
  // constant font data, not UI state.
  static ImVector<ImWchar> ranges;
  ranges.clear();
  builder.BuildRanges(&ranges);
  io.Fonts->AddFontFromFileTTF(path, 15.0f, nullptr, ranges.Data);
}

}  // namespace

Window::Window(int width, int height, bool offscreen, const char* ini_file)
    : m_offscreen(offscreen) {
  if (!glfwInit()) throw std::runtime_error("GLFW could not start (is DISPLAY set?)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, offscreen ? GLFW_FALSE : GLFW_TRUE);
  m_window = glfwCreateWindow(width, height, "Narrando console", nullptr, nullptr);
  if (!m_window) {
    glfwTerminate();
    throw std::runtime_error("cannot open a window with an OpenGL 3.3 context");
  }
  glfwMakeContextCurrent(m_window);
  glfwSwapInterval(1);
  m_width = width;
  m_height = height;
  if (offscreen) create_framebuffer();
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = ini_file;
  ImGui::StyleColorsDark();
  add_fonts();
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  ImGui_ImplOpenGL3_Init(kGlslVersion);
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
  if (m_colour) glDeleteRenderbuffers(1, &m_colour);
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

void Window::create_framebuffer() {
  glGenFramebuffers(1, &m_framebuffer);
  glGenRenderbuffers(1, &m_colour);
  glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, m_width, m_height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw std::runtime_error("the offscreen framebuffer is incomplete");
  }
}

bool Window::should_close() const {
  return glfwWindowShouldClose(m_window) != 0;
}

int Window::width() const {
  if (m_offscreen) return m_width;
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  return width;
}

int Window::height() const {
  if (m_offscreen) return m_height;
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  return height;
}

void Window::begin_frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (m_offscreen) {
    // A hidden window may be resized by nobody: the framebuffer object decides the size.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {static_cast<float>(m_width), static_cast<float>(m_height)};
    io.DisplayFramebufferScale = {1.0f, 1.0f};
  }
  ImGui::NewFrame();
}

void Window::end_frame() {
  ImGui::Render();
  if (m_offscreen) glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glViewport(0, 0, width(), height());
  glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (m_offscreen) {
    glFinish();
  } else {
    glfwSwapBuffers(m_window);
  }
}

void Window::read_pixels(std::vector<std::uint8_t>& rgba, int& width, int& height) const {
  width = this->width();
  height = this->height();
  const auto row = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> flipped(row * static_cast<std::size_t>(height));
  if (m_offscreen) glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
  // OpenGL's first row is the bottom one.
  rgba.resize(flipped.size());
  for (int y = 0; y < height; ++y) {
    std::copy_n(flipped.data() + row * static_cast<std::size_t>(height - 1 - y),
                row,
                rgba.data() + row * static_cast<std::size_t>(y));
  }
}

}  // namespace console::app
