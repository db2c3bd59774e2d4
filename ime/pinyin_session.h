#pragma once
// One pinyin composition for an on-screen keyboard: letters in, candidates and committed text
// out. The session never holds the text field it types into: after each key the caller
// appends take_commit() to its own buffer, and handles backspace, space and enter itself when
// the session returns false (nothing is being composed).
//
//     if (!session.backspace()) { delete_last_character(field); }
//     field += session.take_commit();
//
// A key the session does not take (a digit, a capital, punctuation) goes straight into the
// field; while a composition is active, call enter() or space() first so the text stays in
// the order it was typed.
//
// Paging is done here rather than by librime's menu, so the page size is the keyboard's
// choice and needs no redeployment. Created by InputEngine::start_session; move-only; must
// be destroyed before its engine. Only the UI thread may use it (see input_engine.h).

#include "ime/composition.h"
#include "ime/error.h"
#include "ime/script.h"

#include <cstdint>
#include <string>

namespace cf::ime {

class InputEngine;

class PinyinSession {
public:
    PinyinSession(PinyinSession&& other) noexcept;
    PinyinSession& operator=(PinyinSession&& other) noexcept;
    PinyinSession(const PinyinSession&) = delete;
    PinyinSession& operator=(const PinyinSession&) = delete;
    ~PinyinSession();

    // A lowercase letter a-z, or an apostrophe between syllables ("xi'an") while composing.
    // Returns false for anything else, which the caller inserts into its field as typed.
    bool type(char key);
    // Deletes the last letter, or undoes the last partial choice. False when nothing is being
    // composed: the caller deletes from its own field.
    bool backspace();
    // Chooses the first candidate of the current page (or the letters when there is none).
    // False when nothing is being composed: the caller inserts a space.
    bool space();
    // Commits the typed letters as they are ("tousu"). False when nothing is being composed.
    bool enter();
    // Chooses candidate index (0-based) of the current page. A choice that covers only part
    // of the letters leaves the rest composing. False when there is no such candidate.
    bool select(int index);
    // Drops the composition without committing anything (escape).
    void clear();

    // Move between pages of candidates; false when there is no such page.
    bool next_page();
    bool previous_page();

    // The text chosen since the last call, for the caller to insert; empty when none.
    std::string take_commit();

    const Composition& composition() const { return m_view; }
    Script script() const { return m_script; }
    int page_size() const { return m_page_size; }
    // Takes effect from the first page of the current composition; size must be at least 1.
    void set_page_size(int size);
    // Switches between simplified and traditional output, dropping any composition. Fails
    // with session_failed when librime cannot load the other schema.
    Result<void> set_script(Script script);

private:
    friend class InputEngine;
    PinyinSession(InputEngine& engine, std::uintptr_t id, Script script, int page_size);

    // After any key that changes the composition: back to the first page, collect what was
    // committed, and refresh the snapshot.
    void after_edit();
    void collect_commit();
    void refresh();
    void release();

    InputEngine* m_engine;
    std::uintptr_t m_id; // librime's RimeSessionId; 0 once moved from
    Script m_script;
    int m_page_size;
    int m_page = 0;
    Composition m_view;
    std::string m_commit;
};

} // namespace cf::ime
