#include "tests/fakes/fake_perplexity.h"

#include <nlohmann/json.hpp>

namespace narrando::testing {
namespace {

using nlohmann::json;

constexpr const char* kUnauthorizedPage =
    "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 "
    "Authorization "
    "Required</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n";

bool commercial(const json& types) {
  for (const auto& type : types) {
    const std::string t = type;
    if (t == "store" || t == "lodging" || t == "restaurant" || t == "cafe" || t == "bar" ||
        t == "food" || t.find("_store") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

FakePerplexity::FakePerplexity(std::string api_key, std::string mount)
    : FakeServer(std::move(mount)), m_key(std::move(api_key)) {
  m_server.Post(this->mount() + "/v1/responses",
                [this](const auto& rq, auto& rs) { answer(rq, rs, false); });
  m_server.Post(this->mount() + "/v1/agent",
                [this](const auto& rq, auto& rs) { answer(rq, rs, false); });
  m_server.Post(this->mount() + "/chat/completions",
                [this](const auto& rq, auto& rs) { answer(rq, rs, true); });
  start();
}

void FakePerplexity::set_visit_minutes(const std::string& name, int minutes) {
  const std::lock_guard lock(m_minutes_mutex);
  m_minutes[name] = minutes;
}

std::string FakePerplexity::decisions_for(const std::string& candidates_text) const {
  const std::size_t start = candidates_text.find('[');
  const json candidates =
      json::parse(candidates_text.substr(start == std::string::npos ? 0 : start), nullptr, false);
  json decisions = json::array();
  int index = 0;
  for (const json& candidate : candidates.is_array() ? candidates : json::array()) {
    if (skip_every_third && ++index % 3 == 0) continue;
    const bool keep = !commercial(candidate.value("types", json::array()));
    int minutes = keep ? 15 : 0;
    {
      const std::lock_guard lock(m_minutes_mutex);
      const auto it = m_minutes.find(candidate.value("name", ""));
      if (keep && it != m_minutes.end()) minutes = it->second;
    }
    decisions.push_back(
        {{"id", candidate["id"]},
         {"keep", keep},
         {"reason",
          keep ? "fake guide: a sight worth the stop" : "fake guide: a business, not a sight"},
         {"description", "Fake one-line description of " + candidate.value("name", "")},
         {"visit_minutes", minutes}});
  }
  if (invent_ids)
    decisions.push_back({{"id", "made-up-id"},
                         {"keep", true},
                         {"reason", "x"},
                         {"description", "x"},
                         {"visit_minutes", 10}});
  std::string text = json{{"decisions", decisions}}.dump();
  if (think_prefix)
    text = "<think>The user wants stops. Let me consider {\"decisions\": []}.</think>\n" + text;
  return text;
}

void FakePerplexity::answer(const httplib::Request& request,
                            httplib::Response& response,
                            bool chat) {
  const std::string operation = chat ? "chat.completions" : "responses";
  if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms.load()));
  if (take_fault(operation, response)) return;
  if (request.get_header_value("Authorization") != "Bearer " + m_key) {
    response.status = 401;
    response.set_content(kUnauthorizedPage, "text/html");
    return;
  }
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("response_format")) {
    response.status = 400;
    response.set_content(
        R"({"error": {"message": "response_format is required here", "type": "invalid_request"}})",
        "application/json");
    return;
  }
  const json usage{{"input_tokens", 900},
                   {"output_tokens", 300},
                   {"cost", {{"currency", "USD"}, {"total_cost", 0.0062}}}};
  if (chat) {
    const std::string user = body["messages"].back().value("content", "");
    response.set_content(
        json{{"id", "fake"},
             {"object", "chat.completion"},
             {"model", body.value("model", "")},
             {"choices",
              {{{"index", 0},
                {"finish_reason", "stop"},
                {"message", {{"role", "assistant"}, {"content", decisions_for(user)}}}}}},
             {"usage", usage}}
            .dump(),
        "application/json");
  } else if (answer_failed) {
    response.set_content(json{{"id", "resp_fake"},
                              {"object", "response"},
                              {"status", "failed"},
                              {"error", {{"message", "upstream model overloaded"}}},
                              {"output", json::array()}}
                             .dump(),
                         "application/json");
  } else {
    const std::string input = body.value("input", "");
    response.set_content(
        json{{"id", "resp_fake"},
             {"object", "response"},
             {"status", "completed"},
             {"model", body.value("model", "")},
             {"output",
              {{{"type", "search_results"}, {"results", json::array()}},
               {{"type", "message"},
                {"role", "assistant"},
                {"status", "completed"},
                {"content", {{{"type", "output_text"}, {"text", decisions_for(input)}}}}}}},
             {"usage", usage}}
            .dump(),
        "application/json");
  }
  finish(operation, response);
}

}  // namespace narrando::testing
