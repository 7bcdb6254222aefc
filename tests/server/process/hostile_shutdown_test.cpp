// SIGTERM with hostile clients still connected (issue 15, point 1): the real binary exits 0 within
// its grace, whatever they do: trickle heads or bodies, or stop reading a long answer.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <string>

#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/trickle.h"

namespace {

using narrando::testing::ServerProcess;
using narrando::testing::TempDir;
using narrando::testing::Tricklers;
using std::chrono::milliseconds;

TEST(HostileShutdown, SigtermEndsTheServerWithinItsGraceWhateverTheClientsDo) {
  ASSERT_TRUE(narrando::testing::raise_open_file_limit(4096));
  TempDir dir;
  ServerProcess process(NARRANDO_SERVER_BINARY,
                        {{"NARRANDO_DB", dir.file("n.db")}, {"SHUTDOWN_GRACE_SECONDS", "3"}});
  Tricklers heads(
      process.port(), 300, "GET /healthz HTTP/1.1\r\nX-Slow: ", "abc", milliseconds(500));
  Tricklers bodies(
      process.port(),
      50,
      "POST /api/generate-city HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100000\r\n\r\n{",
      " ",
      milliseconds(500));
  // A client that asks for the same document a hundred times and reads none of it: the server's
  // thread blocks writing into a full socket.
  const int deaf = narrando::testing::connect_loopback(process.port());
  ASSERT_GE(deaf, 0);
  std::string requests;
  for (int i = 0; i < 100; ++i) requests += "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
  narrando::testing::raw_http_detail::send_all(deaf, requests.data(), requests.size());
  std::this_thread::sleep_for(milliseconds(1000));

  httplib::Client client("127.0.0.1", process.port());
  ASSERT_TRUE(client.Get("/healthz"));
  const auto start = std::chrono::steady_clock::now();
  process.signal(SIGTERM);
  const int status = process.wait(20);
  const auto took = std::chrono::steady_clock::now() - start;
  ::close(deaf);
  EXPECT_EQ(status, 0) << "-1: still running after 20 s";
  std::cout << "[ measured ] SIGTERM to exit with 350 tricklers and a deaf client: "
            << std::chrono::duration_cast<milliseconds>(took).count() << " ms\n";
  EXPECT_LT(took, milliseconds(3000 + 5000 + 1000 * narrando::testing::timing_scale()))
      << "grace 3 s, drain at most 5 s";
}

}  // namespace
