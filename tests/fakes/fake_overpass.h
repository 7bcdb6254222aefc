#pragma once

#include <atomic>
#include <string>

#include "tests/fakes/fake_server.h"

namespace narrando::testing {

/// A fake of the Overpass API interpreter (POST <mount>/api/interpreter, a form-encoded `data`
/// query) on loopback. It checks what the real one needs (the form encoding, [out:json], a
/// [bbox:S,W,N,E] setting, a query for ways with their nodes) and answers, in Overpass's JSON
/// shape, a town of residential streets over the asked box: a street every `street_spacing_deg` of
/// latitude and longitude, cut by a river 300 m wide (a band of latitude across the box's middle)
/// that one bridge crosses, on the north-south street a quarter of the way from the box's west
/// edge. Operation for inject(): "interpreter".
class FakeOverpass : public FakeServer {
 public:
  ~FakeOverpass() override { stop(); }  // the handlers read members that go before the base
  explicit FakeOverpass(std::string mount = "");

  /// The interpreter URL a client is configured with (OVERPASS_URL).
  std::string interpreter_url() const { return base_url() + "/api/interpreter"; }
  /// Spacing of the streets in degrees (0.002 by default: about 150-220 m).
  std::atomic<double> street_spacing_deg{0.002};

 private:
  void interpret(const httplib::Request& request, httplib::Response& response);
};

}  // namespace narrando::testing
