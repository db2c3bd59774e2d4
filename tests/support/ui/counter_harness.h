#pragma once
// The headless UI harness for the counter: a real ImGui context on the null platform, the real
// counter controller and frame on a real data directory and the real assets, a manual clock,
// and clicks, typing and key presses as a staff member makes them.
//
//     CounterHarness h;
//     h.add_staff("S001", core::Role::frontdesk, "135790");
//     h.sign_in("S001", "135790");   // clicks the fields, types, clicks "sign in"
//     h.click("nav.entry");
//     h.fill("entry.description", "多扣费");

#include "core/staff_directory.h"
#include "counter/counter_controller.h"
#include "counter/counter_frame.h"
#include "forms/catalog.h"
#include "platform/null_platform.h"
#include "tests/support/store_fixture.h"

#include <memory>
#include <string_view>

struct ImGuiContext;

namespace cf::test {

struct CounterHarnessOptions {
    bool pinyin = false; // the on-screen pinyin keyboard with the shared librime composer
    counter::CounterTimings timings{};
    bool background_queue = false; // queue ids load on a worker, as in the app
};

class CounterHarness : public StoreFixture {
public:
    explicit CounterHarness(CounterHarnessOptions options = {});
    ~CounterHarness();
    CounterHarness(const CounterHarness&) = delete;
    CounterHarness& operator=(const CounterHarness&) = delete;

    counter::CounterController& controller() { return *m_controller; }
    const forms::Catalog& catalog() const { return m_catalog; }
    core::StaffDirectory& staff() { return *m_staff; }
    platform::NullPlatform& platform() { return *m_platform; }

    void add_staff(std::string_view id, core::Role role, std::string_view pin,
                   std::string_view name = "测试员工");

    // Renders n frames with no input.
    void frame(int n = 1);
    // Clicks the centre of the widget drawn under `id`; fails the test when there is none.
    void click(std::string_view id);
    bool shows(std::string_view id) const;
    // Types on the physical keyboard into whatever has focus.
    void type(std::string_view utf8);
    // Clicks the text field `id`, selects what it holds, types `text` over it, and leaves it.
    void fill(std::string_view id, std::string_view text);
    void press(ImGuiKey key, ImGuiKeyModFlags mods = ImGuiKeyModFlags_None);
    // Signs in through the sign-in screen.
    void sign_in(std::string_view id, std::string_view pin);
    // Moves the clock on and renders a frame, as the loop would at its deadline.
    void advance(core::Millis ms);
    // Renders frames until the queue's background load is in (fails after 10 s).
    void settle_queue();

private:
    forms::Catalog m_catalog;
    std::unique_ptr<core::StaffDirectory> m_staff;
    ImGuiContext* m_context = nullptr;
    std::unique_ptr<platform::NullPlatform> m_platform;
    std::unique_ptr<counter::CounterController> m_controller;
    std::unique_ptr<counter::CounterFrame> m_frame;
};

} // namespace cf::test
