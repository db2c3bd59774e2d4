#include "ui/rime_composer.h"

namespace cf::ui {

RimeComposer::RimeComposer(const ime::EngineOptions& options) {
    auto engine = ime::InputEngine::open(options);
    if (!engine) {
        m_reason = engine.error().message;
        return;
    }
    m_engine = std::move(*engine);
    auto session = m_engine->start_session(ime::Script::simplified);
    if (!session) {
        m_reason = session.error().message;
        return;
    }
    m_session.emplace(std::move(*session));
}

RimeComposer::~RimeComposer() {
    m_session.reset();
}

void RimeComposer::set_traditional(bool traditional) {
    if (!m_session) {
        return;
    }
    const ime::Script want = traditional ? ime::Script::traditional : ime::Script::simplified;
    if (m_session->script() == want) {
        return;
    }
    if (auto r = m_session->set_script(want); !r) {
        // The session is unusable in the other script: Chinese input goes away, not the app.
        m_reason = r.error().message;
        m_session.reset();
    }
}

void RimeComposer::press_letter(char letter) {
    if (m_session) {
        (void)m_session->type(letter);
    }
}

bool RimeComposer::backspace() {
    return m_session && m_session->backspace();
}

void RimeComposer::select(int index_on_page) {
    if (m_session) {
        (void)m_session->select(index_on_page);
    }
}

void RimeComposer::page(int delta) {
    if (!m_session) {
        return;
    }
    if (delta > 0) {
        (void)m_session->next_page();
    } else if (delta < 0) {
        (void)m_session->previous_page();
    }
}

void RimeComposer::commit_first() {
    if (m_session) {
        (void)m_session->space();
    }
}

void RimeComposer::commit_letters() {
    if (m_session) {
        (void)m_session->enter();
    }
}

void RimeComposer::clear() {
    if (m_session) {
        m_session->clear();
    }
}

bool RimeComposer::composing() const {
    return m_session && m_session->composition().active();
}

std::string RimeComposer::preedit() const {
    return m_session ? m_session->composition().preedit : std::string();
}

std::vector<std::string> RimeComposer::candidates() const {
    return m_session ? m_session->composition().candidates : std::vector<std::string>{};
}

bool RimeComposer::has_previous_page() const {
    return m_session && m_session->composition().has_previous_page;
}

bool RimeComposer::has_next_page() const {
    return m_session && m_session->composition().has_next_page;
}

std::string RimeComposer::take_commit() {
    return m_session ? m_session->take_commit() : std::string();
}

} // namespace cf::ui
