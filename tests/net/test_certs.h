// Throwaway certificates made with the openssl CLI, once per test binary: a test CA, a server certificate
// it signed for 127.0.0.1 and localhost, one it signed for another name, and an unrelated second CA.
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "store/temp_dir.h"

namespace net_test {

// Runs a shell command; true when it exits 0. Its output goes to `log`.
inline bool Run(const std::string& command, const std::filesystem::path& log) {
  const std::string line = "(" + command + ") >>'" + log.string() + "' 2>&1";
  return std::system(line.c_str()) == 0;
}

// Runs a shell command and returns what it printed on stdout (trailing newlines removed).
inline std::string Capture(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

struct TestCerts {
  store_test::TempDir dir;
  std::string ca;           // trusts server and wrong_name
  std::string server_cert;  // 127.0.0.1 and localhost, signed by ca
  std::string server_key;
  std::string wrong_name_cert;  // intake.invalid only, signed by ca
  std::string wrong_name_key;
  std::string other_ca;    // signed nothing we serve
  std::string server_pin;  // "sha256//base64" of server_cert's public key
  std::string other_pin;   // the same for other_ca's key
  bool ok = false;
  std::string log;  // openssl's output when something failed
};

// The pin curl expects for a certificate's public key, computed by openssl alone.
inline std::string PinOf(const std::string& cert) {
  return "sha256//" +
         Capture("openssl x509 -in '" + cert +
                 "' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary "
                 "| base64");
}

inline bool MakeCa(const std::filesystem::path& d, const std::string& name,
                   const std::filesystem::path& log) {
  return Run("cd '" + d.string() +
                 "' && openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                 "-keyout " +
                 name + ".key -out " + name + ".pem -days 2 -subj '/CN=Kiosk Test " + name +
                 "' "
                 "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign",
             log);
}

inline bool MakeLeaf(const std::filesystem::path& d, const std::string& name, const std::string& san,
                     const std::filesystem::path& log) {
  std::ofstream(d / (name + ".ext")) << "subjectAltName=" << san << "\nbasicConstraints=CA:FALSE\n"
                                     << "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n";
  return Run("cd '" + d.string() +
                 "' && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                 "-keyout " +
                 name + ".key -out " + name + ".csr -subj '/CN=" + name +
                 "' && "
                 "openssl x509 -req -in " +
                 name +
                 ".csr -CA ca.pem -CAkey ca.key -CAserial ca.srl -CAcreateserial "
                 "-days 2 -extfile " +
                 name + ".ext -out " + name + ".pem",
             log);
}

inline bool Make(TestCerts& c) {
  const auto& d = c.dir.path();
  const auto log = d / "openssl.log";
  c.ok = !d.empty() && MakeCa(d, "ca", log) && MakeCa(d, "other", log) &&
         MakeLeaf(d, "server", "IP:127.0.0.1,DNS:localhost", log) &&
         MakeLeaf(d, "wrongname", "DNS:intake.invalid", log);
  c.ca = (d / "ca.pem").string();
  c.other_ca = (d / "other.pem").string();
  c.server_cert = (d / "server.pem").string();
  c.server_key = (d / "server.key").string();
  c.wrong_name_cert = (d / "wrongname.pem").string();
  c.wrong_name_key = (d / "wrongname.key").string();
  if (c.ok) {
    c.server_pin = PinOf(c.server_cert);
    c.other_pin = PinOf(c.other_ca);
    c.ok = c.server_pin.size() > 8 && c.other_pin.size() > 8;
  }
  if (!c.ok) c.log = Capture("cat '" + log.string() + "'");
  return c.ok;
}

// Made on first use; the directory goes away when the test binary exits.
inline const TestCerts& Certs() {
  static TestCerts certs;
  static const bool made = Make(certs);
  (void)made;
  return certs;
}

}  // namespace net_test
