#include "ime/pinyin_session.h"

#include "ime/input_engine.h"
#include "ime/rime_files.h"

#include <rime_api.h>

#include <cassert>
#include <cstring>
#include <utility>

namespace cf::ime {

namespace {

// X11 keysyms, which librime takes as key codes; letters are their ASCII codes.
constexpr int k_key_space = 0x0020;
constexpr int k_key_backspace = 0xff08;
constexpr int k_key_return = 0xff0d;

RimeApi* api() {
    return rime_get_api();
}

} // namespace

PinyinSession::PinyinSession(InputEngine& engine, std::uintptr_t id, Script script, int page_size)
    : m_engine(&engine), m_id(id), m_script(script), m_page_size(page_size) {
    ++m_engine->m_live_sessions;
}

PinyinSession::PinyinSession(PinyinSession&& other) noexcept
    : m_engine(std::exchange(other.m_engine, nullptr)), m_id(std::exchange(other.m_id, 0)),
      m_script(other.m_script), m_page_size(other.m_page_size), m_page(other.m_page),
      m_view(std::move(other.m_view)), m_commit(std::move(other.m_commit)) {}

PinyinSession& PinyinSession::operator=(PinyinSession&& other) noexcept {
    if (this != &other) {
        release();
        m_engine = std::exchange(other.m_engine, nullptr);
        m_id = std::exchange(other.m_id, 0);
        m_script = other.m_script;
        m_page_size = other.m_page_size;
        m_page = other.m_page;
        m_view = std::move(other.m_view);
        m_commit = std::move(other.m_commit);
    }
    return *this;
}

PinyinSession::~PinyinSession() {
    release();
}

void PinyinSession::release() {
    if (m_id != 0) {
        assert(m_engine->on_owner_thread());
        api()->destroy_session(m_id);
        --m_engine->m_live_sessions;
        m_id = 0;
    }
}

bool PinyinSession::type(char key) {
    assert(m_id != 0 && m_engine->on_owner_thread());
    bool letter = key >= 'a' && key <= 'z';
    bool separator = key == '\'' && m_view.active();
    if (!letter && !separator) {
        return false;
    }
    bool handled = api()->process_key(m_id, key, 0);
    after_edit();
    return handled;
}

bool PinyinSession::backspace() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (!m_view.active()) {
        return false;
    }
    api()->process_key(m_id, k_key_backspace, 0);
    after_edit();
    return true;
}

bool PinyinSession::space() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (!m_view.active()) {
        return false;
    }
    if (m_view.candidates.empty()) {
        api()->process_key(m_id, k_key_space, 0);
    } else {
        // librime's own space picks its highlighted candidate, which knows nothing of our
        // pages; the customer expects the first one they can see.
        api()->select_candidate(m_id, static_cast<std::size_t>(m_page) * m_page_size);
    }
    after_edit();
    return true;
}

bool PinyinSession::enter() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (!m_view.active()) {
        return false;
    }
    api()->process_key(m_id, k_key_return, 0);
    after_edit();
    return true;
}

bool PinyinSession::select(int index) {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (index < 0 || index >= static_cast<int>(m_view.candidates.size())) {
        return false;
    }
    api()->select_candidate(m_id, static_cast<std::size_t>(m_page) * m_page_size + index);
    after_edit();
    return true;
}

void PinyinSession::clear() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    // Not librime's Escape key, which only drops the last segment of a partial choice.
    api()->clear_composition(m_id);
    after_edit();
}

bool PinyinSession::next_page() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (!m_view.has_next_page) {
        return false;
    }
    ++m_page;
    refresh();
    return true;
}

bool PinyinSession::previous_page() {
    assert(m_id != 0 && m_engine->on_owner_thread());
    if (!m_view.has_previous_page) {
        return false;
    }
    --m_page;
    refresh();
    return true;
}

std::string PinyinSession::take_commit() {
    return std::exchange(m_commit, {});
}

void PinyinSession::set_page_size(int size) {
    assert(size >= 1);
    m_page_size = size;
    m_page = 0;
    if (m_id != 0) {
        refresh();
    }
}

Result<void> PinyinSession::set_script(Script script) {
    assert(m_id != 0 && m_engine->on_owner_thread());
    const SchemaInfo& schema = schema_for(script);
    api()->clear_composition(m_id);
    // A new librime session starts on the first schema of the list; loading it again would
    // parse its YAML a second time.
    char current[64] = {};
    bool loaded = api()->get_current_schema(m_id, current, sizeof current) &&
                  std::strcmp(current, schema.schema_id) == 0;
    if (!loaded && !api()->select_schema(m_id, schema.schema_id)) {
        after_edit();
        return fail(ErrorCode::session_failed,
                    std::string("librime could not load the ") + schema.schema_id + " schema.");
    }
    // luna_pinyin writes traditional characters unless its simplification switch is on;
    // set it explicitly so that nothing saved by librime can flip it.
    if (script == Script::traditional) {
        api()->set_option(m_id, "simplification", False);
    }
    m_script = script;
    after_edit();
    return {};
}

void PinyinSession::after_edit() {
    m_page = 0;
    collect_commit();
    refresh();
}

void PinyinSession::collect_commit() {
    RIME_STRUCT(RimeCommit, commit);
    if (api()->get_commit(m_id, &commit)) {
        if (commit.text != nullptr) {
            m_commit += commit.text;
        }
        api()->free_commit(&commit);
    }
}

void PinyinSession::refresh() {
    m_view.input.clear();
    m_view.preedit.clear();
    m_view.candidates.clear();
    if (const char* input = api()->get_input(m_id)) {
        m_view.input = input;
    }
    RIME_STRUCT(RimeContext, context);
    if (api()->get_context(m_id, &context)) {
        if (context.composition.preedit != nullptr) {
            m_view.preedit = context.composition.preedit;
        }
        api()->free_context(&context);
    }
    // One candidate past the page tells whether a next page exists; librime generates
    // candidates lazily, so this costs no more than the page itself.
    bool more = false;
    RimeCandidateListIterator it{};
    if (api()->candidate_list_from_index(m_id, &it, m_page * m_page_size)) {
        while (api()->candidate_list_next(&it)) {
            if (static_cast<int>(m_view.candidates.size()) == m_page_size) {
                more = true;
                break;
            }
            m_view.candidates.emplace_back(it.candidate.text != nullptr ? it.candidate.text : "");
        }
        api()->candidate_list_end(&it);
    }
    m_view.page = m_page;
    m_view.has_previous_page = m_page > 0;
    m_view.has_next_page = more;
}

} // namespace cf::ime
