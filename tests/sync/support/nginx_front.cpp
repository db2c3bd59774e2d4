#include "tests/sync/support/nginx_front.h"

#include "tests/support/run_process.h"
#include "tests/sync/support/center_process.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cf::test {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Replaces the one occurrence of from; the test fails when the shipped file no longer has it
// exactly once, since then the tests would no longer run what is shipped.
void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "packaging/nginx/counterfoil-center.conf has no '",
                    from, "' line for the tests to replace");
    REQUIRE_MESSAGE(text.find(from, at + from.size()) == std::string::npos,
                    "packaging/nginx/counterfoil-center.conf has '", from, "' more than once");
    text.replace(at, from.size(), to);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

} // namespace

std::string nginx_path() {
    const char* env = std::getenv("COUNTERFOIL_NGINX");
    return env != nullptr ? env : "/usr/sbin/nginx";
}

TestCertificate make_certificate(const fs::path& dir) {
    fs::create_directories(dir);
    TestCertificate c{(dir / "cert.pem").string(), (dir / "key.pem").string(), {}};
    auto r = run_process("/usr/bin/openssl",
                         {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                          "-nodes", "-keyout", c.key, "-out", c.cert, "-days", "2", "-subj",
                          "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string script = "/usr/bin/openssl x509 -in " + c.cert +
                               " -pubkey -noout | /usr/bin/openssl pkey -pubin -outform der | "
                               "/usr/bin/openssl dgst -sha256 -binary | /usr/bin/openssl base64";
    auto pin = run_process("/bin/sh", {"-c", script});
    REQUIRE(pin.exit_code == 0);
    c.pin = "sha256//" + pin.last_line();
    return c;
}

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(fd);
    return ntohs(a.sin_port);
}

NginxFront::NginxFront(int center_port, fs::path dir, TestCertificate certificate)
    : m_dir(std::move(dir)), m_certificate(std::move(certificate)) {
    REQUIRE_MESSAGE(fs::exists(nginx_path()), "nginx is not installed at ", nginx_path(),
                    ": the center's network edge is tested through it (Debian package nginx; "
                    "scripts/install-deps.sh installs it, $COUNTERFOIL_NGINX names another)");
    fs::create_directories(m_dir);
    // A port taken between free_loopback_port() and nginx's bind gets another try.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (start(center_port)) {
            return;
        }
    }
    FAIL("nginx did not start: ", error_log());
}

NginxFront::~NginxFront() {
    stop();
}

bool NginxFront::start(int center_port) {
    m_port = free_loopback_port();
    std::string site = read_file(COUNTERFOIL_TEST_NGINX_SITE);
    REQUIRE_MESSAGE(!site.empty(), "cannot read ", COUNTERFOIL_TEST_NGINX_SITE);
    replace_once(site, "    listen 443 ssl;\n",
                 "    listen 127.0.0.1:" + std::to_string(m_port) + " ssl;\n");
    replace_once(site, "    listen [::]:443 ssl;\n", "");
    replace_once(site, "ssl_certificate /etc/counterfoil/center.pem;",
                 "ssl_certificate " + m_certificate.cert + ";");
    replace_once(site, "ssl_certificate_key /etc/counterfoil/center.key.pem;",
                 "ssl_certificate_key " + m_certificate.key + ";");
    replace_once(site, "server 127.0.0.1:8080;",
                 "server 127.0.0.1:" + std::to_string(center_port) + ";");
    std::ofstream(m_dir / "site.conf") << site;

    // What Debian's /etc/nginx/nginx.conf sets around a site, with every path in the prefix.
    // As root, the workers would otherwise switch to a user that cannot read the prefix (a
    // private temporary directory); as anyone else nginx keeps the user it runs as.
    const std::string d = m_dir.string();
    std::ofstream main(m_dir / "nginx.conf");
    if (::geteuid() == 0) {
        main << "user root;\n";
    }
    main << "worker_processes auto;\n"
         << "daemon off;\n"
         << "pid " << d << "/nginx.pid;\n"
         << "error_log " << d << "/error.log warn;\n"
         << "events { worker_connections 768; }\n"
         << "http {\n"
         << "    access_log off;\n"
         << "    sendfile on;\n"
         << "    tcp_nopush on;\n"
         << "    client_body_temp_path " << d << "/body;\n"
         << "    proxy_temp_path " << d << "/proxy;\n"
         << "    fastcgi_temp_path " << d << "/fastcgi;\n"
         << "    uwsgi_temp_path " << d << "/uwsgi;\n"
         << "    scgi_temp_path " << d << "/scgi;\n"
         << "    include " << d << "/site.conf;\n"
         << "}\n";
    main.close();

    m_pid = spawn(nginx_path(), {"-p", d + "/", "-c", d + "/nginx.conf", "-e", d + "/error.log"},
                  d + "/stderr.log");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1; // exited: the port was taken, or the configuration is wrong
            return false;
        }
        if (accepts(m_port)) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
    return false;
}

void NginxFront::stop() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        wait_for(m_pid);
        m_pid = -1;
    }
}

std::string NginxFront::error_log() const {
    return read_file(m_dir / "error.log") + read_file(m_dir / "stderr.log");
}

} // namespace cf::test
