#pragma once
// The deployment of docs/OPERATIONS.md for tests: Debian's nginx running the site file shipped
// in packaging/nginx/counterfoil-center.conf, unprivileged-style in a temporary prefix, on a
// free loopback port with a self-signed certificate, in front of a center on loopback. Only
// the listen lines, the certificate paths and the upstream's port are replaced, so the limits
// tested are the ones shipped.

#include <filesystem>
#include <string>
#include <sys/types.h>

namespace cf::test {

// nginx (/usr/sbin/nginx, or $COUNTERFOIL_NGINX).
std::string nginx_path();

// A self-signed certificate for 127.0.0.1 made with the openssl CLI.
struct TestCertificate {
    std::string cert; // PEM file
    std::string key;  // PEM file, unencrypted
    std::string pin;  // "sha256//BASE64" of its public key
};
TestCertificate make_certificate(const std::filesystem::path& dir);

// A loopback port that was free a moment ago.
int free_loopback_port();

class NginxFront {
public:
    // Starts nginx with its prefix in dir, proxying to the center at 127.0.0.1:center_port.
    // Fails the test with nginx's own error when nginx is missing or does not start.
    NginxFront(int center_port, std::filesystem::path dir, TestCertificate certificate);
    ~NginxFront();
    NginxFront(const NginxFront&) = delete;
    NginxFront& operator=(const NginxFront&) = delete;

    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    const TestCertificate& certificate() const { return m_certificate; }
    std::string error_log() const;
    void stop();

private:
    bool start(int center_port);

    std::filesystem::path m_dir;
    TestCertificate m_certificate;
    pid_t m_pid = -1;
    int m_port = 0;
};

} // namespace cf::test
