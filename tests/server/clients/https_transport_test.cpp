// The real transport speaks HTTPS with certificate verification: a server whose certificate no
// trusted authority signed is refused before any request is sent (so no key leaves the process).
#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "server/clients/http_transport.h"
#include "tests/support/temp_dir.h"

namespace {

using narrando::testing::TempDir;

// Writes a fresh self-signed certificate for 127.0.0.1 and its key as PEM files.
void write_self_signed(const std::string& cert_path, const std::string& key_path) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  ASSERT_TRUE(key);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509_set_pubkey(cert.get(), key.get());
  ASSERT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);
  FILE* cert_file = std::fopen(cert_path.c_str(), "w");
  FILE* key_file = std::fopen(key_path.c_str(), "w");
  ASSERT_TRUE(cert_file && key_file);
  PEM_write_X509(cert_file, cert.get());
  PEM_write_PrivateKey(key_file, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(cert_file);
  std::fclose(key_file);
}

TEST(HttpsTransport, RefusesAServerWhoseCertificateIsNotTrusted) {
  TempDir dir;
  write_self_signed(dir.file("cert.pem"), dir.file("key.pem"));
  httplib::SSLServer server(dir.file("cert.pem").c_str(), dir.file("key.pem").c_str());
  ASSERT_TRUE(server.is_valid());
  std::atomic<int> served{0};
  server.Post("/v1/places:searchText", [&](const httplib::Request&, httplib::Response& response) {
    ++served;
    response.set_content("{}", "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread listener([&] { server.listen_after_bind(); });
  for (int i = 0; i < 500 && !server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));

  // The server itself works: a client that skips verification gets its answer.
  httplib::SSLClient unverified("127.0.0.1", port);
  unverified.enable_server_certificate_verification(false);
  const auto direct = unverified.Post("/v1/places:searchText", "{}", "application/json");
  ASSERT_TRUE(direct) << httplib::to_string(direct.error());
  EXPECT_EQ(direct->status, 200);
  ASSERT_EQ(served.load(), 1);

  const auto transport = server::clients::make_httplib_transport(
      "https://127.0.0.1:" + std::to_string(port), server::clients::TransportTimeouts{});
  server::clients::HttpRequest request;
  request.path = "/v1/places:searchText";
  request.headers = {{"X-Goog-Api-Key", "AIzaSecretThatMustNotLeave"}};
  request.body = "{}";
  const server::clients::HttpResponse response = transport->send(request);
  EXPECT_EQ(response.status, 0);
  EXPECT_NE(response.error.find("SSLServerVerification"), std::string::npos) << response.error;
  EXPECT_EQ(served.load(), 1) << "no request may reach a server that failed verification";

  server.stop();
  listener.join();
}

}  // namespace
