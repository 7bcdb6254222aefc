#include "server/http/request_framing.h"

#include <algorithm>
#include <cctype>

namespace server::http {
namespace {

constexpr std::string_view kHeadEnd = "\r\n\r\n";
constexpr int kMaxSizeDigits = 15;  // 2^60 bytes: far past any limit, and no overflow

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(
      out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 18 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// One header line split at its colon; false for a line without one.
bool split_header(std::string_view line, std::string& name, std::string_view& value) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  name = lower(line.substr(0, colon));
  value = trimmed(line.substr(colon + 1));
  return true;
}

// Calls `visit(name, value, line_start, line_length)` for each header line of the head (the
// request line and the blank line excluded). Offsets are from the start of the head.
template <class Visit>
void for_each_header(std::string_view head, Visit visit) {
  std::size_t start = head.find("\r\n");
  if (start == std::string_view::npos) return;
  start += 2;
  while (start < head.size()) {
    const std::size_t end = head.find("\r\n", start);
    if (end == std::string_view::npos || end == start) return;
    std::string name;
    std::string_view value;
    if (split_header(head.substr(start, end - start), name, value))
      visit(name, value, start, end + 2 - start);
    start = end + 2;
  }
}

void read_request_line(std::string_view head, RequestHead& out) {
  const std::string_view line = head.substr(0, head.find("\r\n"));
  const std::size_t space = line.find(' ');
  out.method = std::string(line.substr(0, space));
  if (space == std::string_view::npos) return;
  const std::string_view rest = line.substr(space + 1);
  const std::string_view target = rest.substr(0, rest.find(' '));
  out.path = std::string(target.substr(0, target.find('?')));
}

BodyFraming framing_of(const std::vector<std::string_view>& lengths,
                       const std::vector<std::string_view>& codings,
                       std::uint64_t& length) {
  if (!codings.empty()) {
    if (!lengths.empty() || codings.size() != 1) return BodyFraming::Unclear;
    return lower(codings.front()) == "chunked" ? BodyFraming::Chunked : BodyFraming::Unclear;
  }
  if (lengths.empty()) return BodyFraming::None;
  const bool same =
      std::all_of(lengths.begin(), lengths.end(), [&](auto v) { return v == lengths.front(); });
  if (!same || !all_digits(lengths.front())) return BodyFraming::Unclear;
  length = std::stoull(std::string(lengths.front()));
  return length == 0 ? BodyFraming::None : BodyFraming::Length;
}

}  // namespace

HeadScan scan_head(std::string_view bytes, std::size_t max_bytes, RequestHead& head) {
  const std::size_t end = bytes.substr(0, max_bytes).find(kHeadEnd);
  if (end == std::string_view::npos) {
    return bytes.size() >= max_bytes ? HeadScan::TooLarge : HeadScan::Incomplete;
  }
  head = RequestHead{};
  head.bytes = end + kHeadEnd.size();
  const std::string_view text = bytes.substr(0, head.bytes);
  read_request_line(text, head);
  std::vector<std::string_view> lengths;
  std::vector<std::string_view> codings;
  for_each_header(text,
                  [&](const std::string& name, std::string_view value, std::size_t, std::size_t) {
                    if (value.empty()) head.empty_headers.push_back(name);
                    if (name == "content-length") lengths.push_back(value);
                    if (name == "transfer-encoding") codings.push_back(value);
                    // httplib answers "100 Continue" for exactly this value.
                    if (name == "expect" && value == "100-continue") head.expect_continue = true;
                  });
  head.body = framing_of(lengths, codings, head.content_length);
  return HeadScan::Complete;
}

void drop_range_headers(std::string& buffer, RequestHead& head) {
  std::vector<std::pair<std::size_t, std::size_t>> drops;
  for_each_header(
      std::string_view(buffer).substr(0, head.bytes),
      [&](const std::string& name, std::string_view, std::size_t start, std::size_t length) {
        if (name == "range" || name == "if-range") drops.emplace_back(start, length);
      });
  for (auto it = drops.rbegin(); it != drops.rend(); ++it) {
    buffer.erase(it->first, it->second);
    head.bytes -= it->second;
  }
}

std::size_t ChunkedScanner::feed(std::string_view bytes) {
  std::size_t used = 0;
  while (used < bytes.size() && m_state != State::Done && m_state != State::Broken) {
    if (m_state == State::Data) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(m_remaining, bytes.size() - used));
      used += take;
      m_remaining -= take;
      if (m_remaining == 0) {
        m_state = State::DataEnd;
        m_previous = 0;
      }
      continue;
    }
    const char c = bytes[used++];
    switch (m_state) {
    case State::Size:
      if (std::isxdigit(static_cast<unsigned char>(c)) && m_size_digits < kMaxSizeDigits) {
        const int digit =
            std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
        m_remaining = m_remaining * 16 + static_cast<std::uint64_t>(digit);
        ++m_size_digits;
      } else if (m_size_digits > 0 && (c == ';' || c == ' ' || c == '\t' || c == '\r')) {
        m_state = State::SizeLine;
      } else {
        m_state = State::Broken;
      }
      break;
    case State::SizeLine:
      if (c == '\n') {
        if (m_previous != '\r') {
          m_state = State::Broken;
        } else if (m_remaining == 0) {
          m_state = State::Trailer;
          m_line_has_bytes = false;
        } else {
          m_state = State::Data;
        }
      }
      break;
    case State::DataEnd:
      if (c == '\r' && m_previous == 0) {
      } else if (c == '\n' && m_previous == '\r') {
        m_state = State::Size;
        m_size_digits = 0;
      } else {
        m_state = State::Broken;
      }
      break;
    case State::Trailer:
      if (c == '\n') {
        if (!m_line_has_bytes) m_state = State::Done;
        m_line_has_bytes = false;
      } else if (c != '\r') {
        m_line_has_bytes = true;
      }
      break;
    default: break;
    }
    m_previous = c;
  }
  return used;
}

}  // namespace server::http
