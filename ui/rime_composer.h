#pragma once
// The Composer on librime (ime/) for the kiosk's keyboard and the staff pinyin panel: one
// pinyin session whose script follows the screen's language. When the engine could not start,
// the composer stays unavailable with the engine's message and the keyboard types English
// letters and digits only.

#include "ime/input_engine.h"
#include "ime/pinyin_session.h"
#include "ui/composer.h"

#include <memory>
#include <optional>
#include <string>

namespace cf::ui {

class RimeComposer final : public Composer {
public:
    // Opens the engine on `options` (deploying rime data at first start). Never fails: an
    // engine error makes the composer unavailable with that message.
    explicit RimeComposer(const ime::EngineOptions& options);
    ~RimeComposer() override;

    bool available() const override { return m_session.has_value(); }
    std::string unavailable_reason() const override { return m_reason; }
    void set_traditional(bool traditional) override;
    void press_letter(char letter) override;
    bool backspace() override;
    void select(int index_on_page) override;
    void page(int delta) override;
    void commit_first() override;
    void commit_letters() override;
    void clear() override;
    bool composing() const override;
    std::string preedit() const override;
    std::vector<std::string> candidates() const override;
    bool has_previous_page() const override;
    bool has_next_page() const override;
    std::string take_commit() override;

private:
    std::unique_ptr<ime::InputEngine> m_engine;
    std::optional<ime::PinyinSession> m_session; // destroyed before the engine
    std::string m_reason;
};

} // namespace cf::ui
