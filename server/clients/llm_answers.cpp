#include "server/clients/llm_answers.h"

#include "server/errors.h"
#include "shared/errors.h"

namespace server::clients {

using nlohmann::json;

const json& decisions_schema() {
  static const json kSchema = json::parse(R"({
    "type": "object",
    "required": ["decisions"],
    "properties": {
      "decisions": {
        "type": "array",
        "items": {
          "type": "object",
          "required": ["id", "keep", "reason", "description", "visit_minutes"],
          "properties": {
            "id": {"type": "string"},
            "keep": {"type": "boolean"},
            "reason": {"type": "string"},
            "description": {"type": "string"},
            "visit_minutes": {"type": "integer", "minimum": 0, "maximum": 240}
          }
        }
      }
    }
  })");
  return kSchema;
}

std::string agent_answer_text(const json& response) {
  if (!response.is_object())
    throw UpstreamError("llm", 200, "llm answered something that is not a JSON object", true);
  const std::string status = response.value("status", "completed");
  if (status != "completed") {
    std::string message = "llm response status is " + status;
    if (response.contains("error") && response["error"].is_object()) {
      message += ": " + response["error"].value("message", "");
    }
    throw UpstreamError("llm", 200, message, status == "failed");
  }
  std::string text;
  for (const json& item : response.value("output", json::array())) {
    if (!item.is_object() || item.value("type", "") != "message") continue;
    for (const json& part : item.value("content", json::array())) {
      if (part.is_object() && part.value("type", "") == "output_text")
        text += part.value("text", "");
    }
  }
  if (text.empty()) throw UpstreamError("llm", 200, "llm response carries no output_text", true);
  return text;
}

std::string chat_answer_text(const json& response) {
  if (!response.is_object() || !response.contains("choices") || !response["choices"].is_array() ||
      response["choices"].empty()) {
    throw UpstreamError("llm", 200, "llm chat answer has no choices", true);
  }
  const json& choice = response["choices"][0];
  if (choice.value("finish_reason", "") == "length") {
    throw UpstreamError("llm", 200, "llm answer was cut at the token limit", false);
  }
  const json content = choice.value("message", json::object()).value("content", json());
  std::string text;
  if (content.is_string()) {
    text = content.get<std::string>();
  } else if (content.is_array()) {
    for (const json& part : content) {
      if (part.is_object()) text += part.value("text", "");
    }
  }
  if (text.empty()) throw UpstreamError("llm", 200, "llm chat answer is empty", true);
  return text;
}

std::string strip_reasoning(const std::string& text) {
  std::string answer = text;
  if (const std::size_t end = answer.rfind("</think>"); end != std::string::npos)
    answer = answer.substr(end + 8);
  const std::size_t open = answer.find("```");
  if (open != std::string::npos) {
    const std::size_t line = answer.find('\n', open);
    const std::size_t close = answer.rfind("```");
    if (line != std::string::npos && close > line)
      answer = answer.substr(line + 1, close - line - 1);
  }
  const std::size_t first = answer.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return answer.substr(first, answer.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<LlmDecision> parse_decisions(const std::string& text) {
  const json answer = json::parse(strip_reasoning(text), nullptr, false);
  if (!answer.is_object() || !answer.contains("decisions") || !answer["decisions"].is_array()) {
    throw core::InputError("the LLM answer is not {\"decisions\": [...]}", "invalid_llm_answer");
  }
  std::vector<LlmDecision> decisions;
  for (const json& item : answer["decisions"]) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
        !item.contains("keep") || !item["keep"].is_boolean()) {
      continue;
    }
    LlmDecision decision;
    decision.id = item["id"].get<std::string>();
    decision.keep = item["keep"].get<bool>();
    decision.reason = item.value("reason", "");
    decision.description = item.value("description", "");
    if (item.contains("visit_minutes") && item["visit_minutes"].is_number()) {
      decision.visit_minutes = static_cast<int>(item["visit_minutes"].get<double>());
    }
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

}  // namespace server::clients
