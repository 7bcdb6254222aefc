#include "server/clients/llm_filter.h"

#include <algorithm>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/clients/llm_answers.h"
#include "server/errors.h"
#include "server/pipeline/concurrent_calls.h"
#include "shared/algo/heuristic_filter.h"
#include "shared/algo/stop_value.h"

namespace server::clients {
namespace {

using nlohmann::json;

constexpr int kMinVisitMinutes = 5;
constexpr int kMaxVisitMinutes = 180;

std::string instructions(const core::model::City& city,
                         const core::model::GenerationOptions& options) {
  return "You choose the stops of walking audio-guide tours of " + city.name +
         ". For every candidate place decide keep (a sight people walk to, look at and hear a "
         "story about: "
         "landmarks, monuments, churches, museums, squares, parks, viewpoints, notable buildings) "
         "or drop "
         "(shops, hotels, restaurants and cafes without historic or cultural interest, offices, "
         "transport "
         "stops, the city itself, duplicates of a better-known place nearby, minor unremarkable "
         "things). "
         "Give a short reason, a one-line factual description in the language '" +
         options.language +
         "', and the minutes a walking-tour stop there usually takes (5 to 120). Use each "
         "candidate's id "
         "exactly. Answer with JSON only, matching the schema.";
}

std::string candidates_text(const std::vector<const core::model::Attraction*>& batch,
                            const core::model::City& city) {
  json list = json::array();
  for (const core::model::Attraction* a : batch) {
    json item{{"id", a->id}, {"name", a->name}, {"types", a->types}};
    if (a->rating) item["rating"] = *a->rating;
    if (a->rating_count > 0) item["rating_count"] = a->rating_count;
    if (const auto status = a->tags.find("businessStatus"); status != a->tags.end())
      item["business_status"] = status->second;
    list.push_back(std::move(item));
  }
  return "City: " + city.name + " (" + city.country_code + ")\nCandidates:\n" +
         list.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Applies the LLM's decisions; returns how many candidates of the batch it decided. The LLM's
// minutes are a visit's; a tour spends at most stop_minutes() of them there.
std::size_t apply_decisions(const std::vector<LlmDecision>& decisions,
                            int minutes_per_tour,
                            std::vector<core::model::Attraction>& candidates) {
  std::map<std::string, core::model::Attraction*, std::less<>> by_id;
  for (core::model::Attraction& a : candidates) by_id.emplace(a.id, &a);
  std::size_t applied = 0;
  for (const LlmDecision& d : decisions) {
    const auto it = by_id.find(d.id);
    if (it == by_id.end()) continue;  // an id the LLM made up
    core::model::Attraction& a = *it->second;
    a.decided_by = core::model::Decider::Llm;
    a.included = d.keep;
    a.reason = d.reason.empty() ? (d.keep ? "worth a stop" : "not worth a stop") : d.reason;
    if (!d.description.empty() && a.summary.empty()) a.summary = d.description;
    if (d.keep) {
      a.visit_minutes = core::algo::stop_minutes(
          std::clamp(d.visit_minutes > 0 ? d.visit_minutes : a.visit_minutes,
                     kMinVisitMinutes,
                     kMaxVisitMinutes),
          minutes_per_tour);
      // Something the type tables had no sight kind for (a famous cafe) still needs a score.
      if (a.interest_score <= 0.0)
        a.interest_score = core::algo::interest_score(a, core::algo::PlaceKind::Attraction);
    }
    ++applied;
  }
  return applied;
}

}  // namespace

LlmAttractionFilter::LlmAttractionFilter(ServiceCaller caller,
                                         LlmSettings settings,
                                         const PriceTable& prices)
    : m_caller(std::move(caller)), m_settings(std::move(settings)), m_prices(prices) {}

std::string LlmAttractionFilter::ask(const std::vector<const core::model::Attraction*>& batch,
                                     const core::model::City& city,
                                     const core::model::GenerationOptions& options,
                                     pipeline::RunContext& context) const {
  const json format{{"type", "json_schema"},
                    {"json_schema", {{"name", "stop_decisions"}, {"schema", decisions_schema()}}}};
  json body;
  HttpRequest request;
  if (m_settings.style == "chat") {
    request.path = "/chat/completions";
    body = {{"model", m_settings.model},
            {"messages",
             {{{"role", "system"}, {"content", instructions(city, options)}},
              {{"role", "user"}, {"content", candidates_text(batch, city)}}}},
            {"response_format", format},
            {"max_tokens", m_settings.max_output_tokens},
            {"temperature", 0.1}};
  } else {
    request.path = "/v1/responses";
    body = {{"model", m_settings.model},
            {"instructions", instructions(city, options)},
            {"input", candidates_text(batch, city)},
            {"response_format", format},
            {"max_output_tokens", m_settings.max_output_tokens}};
  }
  request.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  request.headers = {{"Authorization", "Bearer " + m_settings.api_key}};
  const std::string operation = m_settings.style == "chat" ? "chat.completions" : "responses";
  const HttpResponse response =
      m_caller.call(request, operation, {"llm.request", m_prices.price("llm.request")}, context);
  const json answer = json::parse(response.body, nullptr, false);
  if (answer.is_discarded()) {
    // A proxy's error page or a body cut short: say which, so the fallback note is useful.
    const bool html = response.body.find('<') != std::string::npos;
    throw UpstreamError("llm",
                        response.status,
                        "llm " + operation + " answered " +
                            (html ? "an HTML page" : "a body that is not JSON") + " (" +
                            std::to_string(response.body.size()) + " bytes)",
                        true);
  }
  // When the service reports what the request cost, that replaces the estimate.
  if (answer.is_object() && answer.contains("usage") && answer["usage"].is_object()) {
    const json cost = answer["usage"].value("cost", json::object());
    if (cost.is_object() && cost.contains("total_cost") && cost["total_cost"].is_number()) {
      context.calls.back().cost_usd = cost["total_cost"].get<double>();
    }
  }
  return m_settings.style == "chat" ? chat_answer_text(answer) : agent_answer_text(answer);
}

pipeline::FilterOutcome LlmAttractionFilter::filter(const core::model::City& city,
                                                    std::vector<core::model::Attraction> candidates,
                                                    const core::model::GenerationOptions& options,
                                                    pipeline::RunContext& context) {
  const core::algo::FilterContext heuristics = core::algo::filter_context(city, options);
  core::algo::decide_each(candidates, heuristics);
  // The batches do not depend on each other: asked concurrently, applied in batch order.
  const std::size_t batch_size = std::max<std::size_t>(m_settings.batch_size, 1);
  const std::size_t batches = (candidates.size() + batch_size - 1) / batch_size;
  std::vector<std::vector<LlmDecision>> answers(batches);
  std::vector<std::string> errors(batches);
  pipeline::run_concurrently(context, batches, [&](std::size_t index, pipeline::RunContext& lane) {
    std::vector<const core::model::Attraction*> batch;
    for (std::size_t i = index * batch_size;
         i < std::min(candidates.size(), (index + 1) * batch_size);
         ++i) {
      batch.push_back(&candidates[i]);
    }
    try {
      answers[index] = parse_decisions(ask(batch, city, options, lane));
    } catch (const std::exception& e) {
      errors[index] = e.what();  // the batch keeps the heuristic decisions; the outcome says so
      if (errors[index].empty()) errors[index] = "an unnamed error";
    }
  });
  std::size_t decided = 0;
  std::size_t failed = 0;
  std::string first_error;
  for (std::size_t index = 0; index < batches; ++index) {
    if (errors[index].empty()) {
      decided += apply_decisions(answers[index], options.minutes_per_tour, candidates);
      continue;
    }
    failed += std::min(candidates.size(), (index + 1) * batch_size) - index * batch_size;
    if (first_error.empty()) first_error = errors[index];
  }
  core::algo::finish_decisions(candidates, heuristics);
  std::string used = "llm (" + m_settings.style + ", " + m_settings.model + ")";
  if (failed == candidates.size() && !candidates.empty()) {
    used = "llm failed, fell back to heuristic: " + first_error;
  } else if (failed > 0) {
    used += ", fell back to heuristic for " + std::to_string(failed) + " of " +
            std::to_string(candidates.size()) + " candidates: " + first_error;
  } else if (decided < candidates.size()) {
    used += ", heuristic for the " + std::to_string(candidates.size() - decided) +
            " candidates it did not decide";
  }
  return {std::move(candidates), used};
}

}  // namespace server::clients
