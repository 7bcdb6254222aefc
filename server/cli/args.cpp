#include "server/cli/args.h"

#include <charconv>

#include "shared/errors.h"

namespace server::cli {

Args::Args(const std::vector<std::string>& args, const std::set<std::string>& value_flags,
           const std::set<std::string>& bool_flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--") || arg == "--") {
      m_positionals.push_back(arg);
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    if (bool_flags.contains(name) && equals == std::string::npos) {
      m_bools.insert(name);
    } else if (value_flags.contains(name)) {
      if (equals != std::string::npos) {
        m_values[name] = arg.substr(equals + 1);
      } else if (i + 1 < args.size()) {
        m_values[name] = args[++i];
      } else {
        throw core::InputError("--" + name + " needs a value", "invalid_arguments");
      }
      m_all_values[name].push_back(m_values[name]);
    } else {
      throw core::InputError("unknown option --" + name, "invalid_arguments");
    }
  }
}

std::optional<std::string> Args::value(const std::string& flag) const {
  const auto it = m_values.find(flag);
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::values(const std::string& flag) const {
  const auto it = m_all_values.find(flag);
  return it == m_all_values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<long long> Args::integer(const std::string& flag) const {
  const auto text = value(flag);
  if (!text) return std::nullopt;
  long long result = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
  if (error != std::errc() || end != text->data() + text->size()) {
    throw core::InputError("--" + flag + " must be an integer, got \"" + *text + "\"", "invalid_arguments");
  }
  return result;
}

std::optional<double> Args::number(const std::string& flag) const {
  const auto text = value(flag);
  if (!text) return std::nullopt;
  double result = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
  if (error != std::errc() || end != text->data() + text->size()) {
    throw core::InputError("--" + flag + " must be a number, got \"" + *text + "\"", "invalid_arguments");
  }
  return result;
}

}  // namespace server::cli
