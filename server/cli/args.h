#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace server::cli {

/// Command-line flags of one subcommand: `--name value`, `--name=value` and boolean `--name`.
class Args {
 public:
  /// Parses `args` (without the program and command names). Throws core::InputError on an
  /// unknown flag or a flag missing its value.
  Args(const std::vector<std::string>& args, const std::set<std::string>& value_flags,
       const std::set<std::string>& bool_flags);

  /// Arguments that are not flags, in order.
  const std::vector<std::string>& positionals() const { return m_positionals; }
  /// True if the boolean flag was given.
  bool has(const std::string& flag) const { return m_bools.contains(flag); }
  /// The flag's value, if given (the last one when it is given several times).
  std::optional<std::string> value(const std::string& flag) const;
  /// Every value the flag was given, in order (for flags that may repeat).
  std::vector<std::string> values(const std::string& flag) const;
  /// The flag's value as an integer; throws core::InputError naming the flag if it is not one.
  std::optional<long long> integer(const std::string& flag) const;
  /// The flag's value as a number; throws core::InputError naming the flag if it is not one.
  std::optional<double> number(const std::string& flag) const;

 private:
  std::vector<std::string> m_positionals;
  std::map<std::string, std::string> m_values;
  std::map<std::string, std::vector<std::string>> m_all_values;
  std::set<std::string> m_bools;
};

}  // namespace server::cli
