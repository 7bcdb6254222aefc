#include "console/net/sse_parser.h"

namespace console::net {

std::vector<SseEvent> SseParser::feed(std::string_view chunk) {
  std::vector<SseEvent> out;
  for (const char c : chunk) {
    // A CR ends a line; an LF right after it belongs to the same line end.
    if (c == '\n' && m_after_cr) {
      m_after_cr = false;
      continue;
    }
    m_after_cr = c == '\r';
    if (c == '\n' || c == '\r') {
      line(m_pending, out);
      m_pending.clear();
    } else {
      m_pending.push_back(c);
    }
  }
  return out;
}

void SseParser::line(std::string_view text, std::vector<SseEvent>& out) {
  if (text.empty()) {
    // A blank line dispatches the event; one without data lines is dropped.
    if (m_has_data) out.push_back({m_type.empty() ? "message" : m_type, m_data, m_id});
    m_type.clear();
    m_data.clear();
    m_has_data = false;
    return;
  }
  if (text.front() == ':') return;
  const auto colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  std::string_view value =
      colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    m_type = value;
  } else if (field == "data") {
    if (m_has_data) m_data.push_back('\n');
    m_data.append(value);
    m_has_data = true;
  } else if (field == "id") {
    m_id = value;
  }
}

}  // namespace console::net
