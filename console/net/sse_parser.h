#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace console::net {

/// One server-sent event: its type ("message" when the stream names none) and data lines joined
/// with "\n".
struct SseEvent {
  std::string type;
  std::string data;
  std::string id;

  friend bool operator==(const SseEvent&, const SseEvent&) = default;
};

/// Incremental text/event-stream parser (WHATWG HTML §9.2.6): feed it chunks as they arrive, in
/// any split, and collect the completed events. Comments (": keep-alive") are skipped; LF, CRLF
/// and CR line ends are accepted. Pure.
class SseParser {
 public:
  /// Consumes `chunk` and returns the events it completed, oldest first.
  std::vector<SseEvent> feed(std::string_view chunk);

 private:
  void line(std::string_view text, std::vector<SseEvent>& out);

  std::string m_pending;  ///< an unfinished line
  bool m_after_cr = false;
  std::string m_type;
  std::string m_data;
  std::string m_id;
  bool m_has_data = false;
};

}  // namespace console::net
