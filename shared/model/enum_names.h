#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shared/errors.h"

namespace core::model {

/// One enumerator and its name: the one spelling JSON, SQL rows, logs, metrics and the console use.
template <class E>
struct EnumName {
  E value;
  const char* name;
};

/** The name table of an enum, specialised next to the enum itself:

      template <> struct EnumNames<JobStatus> {
        static constexpr const char* kWhat = "job status";  // for error messages
        static constexpr std::array kNames{EnumName<JobStatus>{JobStatus::Queued, "queued"}, ...};
      };

    Every enumerator appears once; the order is the enum's (lists and menus show it). */
template <class E>
struct EnumNames;

/// An enum with a name table.
template <class E>
concept NamedEnum = requires {
  { EnumNames<E>::kWhat } -> std::convertible_to<const char*>;
  EnumNames<E>::kNames.size();
};

/// The name of `value` ("queued"). Every enumerator has one (checked by the tests of each table).
template <NamedEnum E>
constexpr const char* to_string(E value) {
  for (const EnumName<E>& entry : EnumNames<E>::kNames) {
    if (entry.value == value) return entry.name;
  }
  return "";
}

/// The enumerator named `name` (exactly, case included), or nullopt.
template <NamedEnum E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (const EnumName<E>& entry : EnumNames<E>::kNames) {
    if (name == entry.name) return entry.value;
  }
  return std::nullopt;
}

/// Every name of E in order, quoted and comma-separated: "\"queued\", \"running\"", for messages.
template <NamedEnum E>
std::string enum_name_list() {
  std::string list;
  for (const EnumName<E>& entry : EnumNames<E>::kNames) {
    list += (list.empty() ? "\"" : ", \"") + std::string(entry.name) + "\"";
  }
  return list;
}

/// The enumerator named `name`. Throws core::InputError "<where> must be one of <names>, got
/// \"<name>\"" (`where` defaults to what the enum names) for any other text: never a default.
template <NamedEnum E>
E parse_enum(std::string_view name, const std::string& where = EnumNames<E>::kWhat) {
  if (const std::optional<E> value = enum_from_name<E>(name)) return *value;
  throw InputError(where + " must be one of " + enum_name_list<E>() + ", got \"" +
                   std::string(name) + "\"");
}

/// Every enumerator of E, in the table's order.
template <NamedEnum E>
constexpr auto enum_values() {
  std::array<E, EnumNames<E>::kNames.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = EnumNames<E>::kNames[i].value;
  return values;
}

}  // namespace core::model
