#include "console/state/settings_session.h"

#include <utility>

namespace console::state {
namespace {

// One field: the file keeps its value while the panel still shows the untouched override.
void merge(std::optional<std::string>& override_value,
           const std::string& current,
           std::string& file_value) {
  if (override_value && *override_value == current) return;
  override_value.reset();
  file_value = current;
}

}  // namespace

SettingsSession::SettingsSession(Settings file, SettingsOverrides overrides)
    : m_file(std::move(file)), m_overrides(std::move(overrides)) {}

Settings SettingsSession::initial() const {
  Settings settings = m_file;
  if (m_overrides.server_url) settings.server_url = *m_overrides.server_url;
  if (m_overrides.api_key) settings.api_key = *m_overrides.api_key;
  if (m_overrides.tile_url) settings.tile_url = *m_overrides.tile_url;
  return settings;
}

Settings SettingsSession::apply(const Settings& current) {
  merge(m_overrides.server_url, current.server_url, m_file.server_url);
  merge(m_overrides.api_key, current.api_key, m_file.api_key);
  merge(m_overrides.tile_url, current.tile_url, m_file.tile_url);
  m_file.contact = current.contact;  // never given on the command line
  return m_file;
}

}  // namespace console::state
