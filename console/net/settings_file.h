#pragma once

#include <filesystem>
#include <string>

#include "console/state/settings.h"

namespace console::net {

/// Reads the settings file. A missing file gives the defaults; an unreadable or malformed one
/// gives the defaults and a message in `problem` (the console still starts).
state::Settings load_settings(const std::filesystem::path& path, std::string& problem);

/// Creates the settings file's folder with 0700 permissions (its missing parents with the usual
/// ones) when it does not exist; an existing folder is left as it is. Throws core::Error (code
/// "settings_io") when it cannot be created.
void ensure_settings_folder(const std::filesystem::path& path);

/// Writes the settings atomically (a temporary file renamed over the old one), creating the folder
/// with 0700 and the file with 0600 permissions: it holds the API key. Throws core::Error
/// (code "settings_io") when the file cannot be written.
void save_settings(const std::filesystem::path& path, const state::Settings& settings);

}  // namespace console::net
