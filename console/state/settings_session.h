#pragma once

#include <optional>
#include <string>

#include "console/state/settings.h"

namespace console::state {

/// Values given on the command line (--server, --key, --tile-url): for this run only.
struct SettingsOverrides {
  std::optional<std::string> server_url;
  std::optional<std::string> api_key;
  std::optional<std::string> tile_url;
};

/// The settings of one run of the console: what the settings file holds and the command line's
/// one-off values on top. Connect saves what the user chose in the Server panel, but a one-off
/// value the user did not edit never reaches the file (`--tile-url none` for a screenshot must
/// not turn tiles off for good). Pure.
class SettingsSession {
 public:
  /// `file`: the settings file's values (defaults when it is missing).
  SettingsSession(Settings file, SettingsOverrides overrides);

  /// What the console starts with: the file's values with the overrides on top.
  Settings initial() const;
  /// The user applied `current` (Connect): returns what the settings file must now hold. A field
  /// the command line set and the user left at that value keeps the file's value; once the user
  /// edits a field, the override is forgotten and the field is theirs.
  Settings apply(const Settings& current);
  /// The settings file's values as last saved (or read).
  const Settings& file() const { return m_file; }

 private:
  Settings m_file;
  SettingsOverrides m_overrides;
};

}  // namespace console::state
