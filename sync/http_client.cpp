#include "sync/http_client.h"

#include <curl/curl.h>
#include <zlib.h>

#include <mutex>

namespace cf::sync {
namespace {

std::once_flag g_curl_init;

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

int progress(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(flag);
    return cancel != nullptr && cancel->load() ? 1 : 0;
}

TransportError classify(CURLcode rc, const char* detail) {
    TransportError e;
    e.message = std::string(curl_easy_strerror(rc)) + (detail[0] != '\0' ? ": " : "") + detail;
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING:
        e.kind = TransportError::Kind::unreachable;
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        e.kind = TransportError::Kind::tls;
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        e.kind = TransportError::Kind::cancelled;
        break;
    default:
        e.kind = TransportError::Kind::other;
        break;
    }
    return e;
}

} // namespace

std::string gzip_compress(std::string_view text) {
    z_stream zs{};
    // windowBits 15 + 16 writes the gzip wrapper; level 1 is fast and still shrinks JSON ~5x.
    if (deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return {};
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(text.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    zs.avail_in = static_cast<uInt>(text.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string();
}

bool is_loopback_url(std::string_view url) {
    const auto scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    if (rest.starts_with("[::1]")) {
        return true;
    }
    const std::string_view host = rest.substr(0, rest.find_first_of(":/"));
    return host == "localhost" || host.starts_with("127.");
}

HttpClient::HttpClient(HttpOptions options)
    : m_options(std::move(options)), m_compress(!is_loopback_url(m_options.base_url)) {
    std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
}

HttpClient::~HttpClient() {
    if (m_curl != nullptr) {
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
    }
}

std::expected<HttpReply, TransportError>
HttpClient::post(const std::string& path, const nlohmann::json& body, const std::string& token) {
    const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return perform(path, &text, token);
}

std::expected<HttpReply, TransportError>
HttpClient::post_text(const std::string& path, const std::string& text, const std::string& token) {
    return perform(path, &text, token);
}

std::expected<HttpReply, TransportError> HttpClient::get(const std::string& path,
                                                         const std::string& token) {
    return perform(path, nullptr, token);
}

std::expected<HttpReply, TransportError>
HttpClient::perform(const std::string& path, const std::string* body, const std::string& token) {
    CURL* curl = static_cast<CURL*>(m_curl);
    if (curl == nullptr) {
        return std::unexpected(TransportError{TransportError::Kind::other, "libcurl failed"});
    }
    curl_easy_reset(curl);
    const std::string url = m_options.base_url + path;
    HttpReply reply;
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_options.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(m_options.request_timeout.count()));
    // gzip only: servers (cpp-httplib among them) prefer brotli when offered, and brotli at its
    // default quality costs the center far more CPU than the bandwidth it saves on a LAN.
    if (m_compress) {
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(m_cancel));
    // Certificates are always verified; a pinned key narrows trust to one server key.
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.tls.ca_file.empty()) {
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.tls.ca_file.c_str());
    }
    if (!m_options.tls.pinned_public_key.empty()) {
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, m_options.tls.pinned_public_key.c_str());
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    const std::string auth = "Authorization: Bearer " + token;
    if (!token.empty()) {
        headers = curl_slist_append(headers, auth.c_str());
    }
    std::string compressed;
    if (body != nullptr) {
        const std::string* sent = body;
        headers = curl_slist_append(headers, "Content-Type: application/json");
        if (m_compress) {
            compressed = gzip_compress(*body);
            sent = &compressed;
            headers = curl_slist_append(headers, "Content-Encoding: gzip");
        }
        // No "Expect: 100-continue" round trip before each body.
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, sent->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(sent->size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        return std::unexpected(classify(rc, detail));
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    reply.status = static_cast<int>(status);
    return reply;
}

} // namespace cf::sync
