// The statistics screen drawn headless: an ImGui context with no window or renderer (as in
// ImGui's example_null), the default font, and clicks through the hit registry.

#include "counter/stats_view.h"

#include "tests/counter_stats/stats_fixture.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <imgui.h>

#include <filesystem>
#include <string>

using cf::core::PeriodKind;
using cf::test::StatsFixture;
namespace core = cf::core;
namespace counter = cf::counter;

namespace {

class HeadlessStats {
public:
    explicit HeadlessStats(StatsFixture& f) : m_f(f) {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    }
    ~HeadlessStats() { ImGui::DestroyContext(m_context); }
    HeadlessStats(const HeadlessStats&) = delete;
    HeadlessStats& operator=(const HeadlessStats&) = delete;

    cf::ui::Locale locale = cf::ui::Locale::en;
    cf::ui::HitRegistry hits;

    void frame() {
        hits.clear();
        cf::ui::Ui ui(m_f.catalog.ui, locale, cf::ui::UiFonts{}, cf::ui::theme_for(false), 1.0f,
                      hits);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("stats", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        counter::draw_stats(ui, m_f.model, m_f.clock.now(), cf::test::k_shenzhen);
        ImGui::End();
        ImGui::Render();
    }

    // Presses and releases the mouse over the centre of the widget drawn under `id`.
    void click(const std::string& id) {
        const auto rect = hits.find(id);
        REQUIRE_MESSAGE(rect, "no widget drawn under " << id);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((rect->x + rect->z) * 0.5f, (rect->y + rect->w) * 0.5f);
        frame(); // hover
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }

private:
    StatsFixture& m_f;
    ImGuiContext* m_context = nullptr;
};

} // namespace

TEST_CASE("the statistics screen offers the four periods, the two pages and the export row") {
    StatsFixture f;
    HeadlessStats screen(f);
    screen.frame();
    for (const char* id :
         {"stats.period.today", "stats.period.this_week", "stats.period.this_month",
          "stats.period.this_quarter", "stats.page.overview", "stats.page.reports",
          "stats.export.path", "stats.export"}) {
        CHECK_MESSAGE(screen.hits.find(id), id);
    }
    CHECK(f.model.loaded());
}

TEST_CASE("clicking a period button switches the figures to that period") {
    StatsFixture f;
    f.clock.set(cf::test::k_monday_10am - 3 * core::k_day);
    f.file();
    f.clock.set(cf::test::k_monday_10am);
    HeadlessStats screen(f);
    screen.frame();
    CHECK(f.model.stats().total == 0);
    screen.click("stats.period.this_month");
    CHECK(f.model.period() == PeriodKind::this_month);
    CHECK(f.model.stats().total == 1);
    screen.click("stats.period.this_week");
    CHECK(f.model.period() == PeriodKind::this_week);
    CHECK(f.model.stats().total == 0);
}

TEST_CASE("the screen fills in a default export file named after today") {
    StatsFixture f;
    HeadlessStats screen(f);
    screen.frame();
    CHECK(f.model.export_path().ends_with("counterfoil-stats-2026-11-23.csv"));
}

TEST_CASE("the export button writes the file named in the path field") {
    StatsFixture f;
    f.file();
    HeadlessStats screen(f);
    f.model.export_path() = (f.dir / "branch.csv").string();
    screen.frame();
    screen.click("stats.export");
    REQUIRE(f.model.export_result());
    CHECK(f.model.export_result()->ok);
    CHECK(std::filesystem::exists(f.dir / "branch.csv"));
}

TEST_CASE("the export button reports a missing directory and writes nothing") {
    StatsFixture f;
    HeadlessStats screen(f);
    f.model.export_path() = (f.dir / "gone" / "branch.csv").string();
    screen.frame();
    screen.click("stats.export");
    REQUIRE(f.model.export_result());
    CHECK_FALSE(f.model.export_result()->ok);
    CHECK_FALSE(std::filesystem::exists(f.dir / "gone"));
}

TEST_CASE("the screen draws its charts in every language with tickets in the period") {
    StatsFixture f;
    for (int i = 0; i < 4; ++i) {
        f.file(i % 2 == 0 ? core::RequestType::complaint : core::RequestType::suggestion,
               i < 2 ? "billing" : "product_quality.card_or_device");
    }
    const core::Ticket t = f.file();
    f.resolve(t, "satisfied");
    HeadlessStats screen(f);
    for (cf::ui::Locale locale : cf::ui::k_all_locales) {
        screen.locale = locale;
        screen.frame();
        screen.click("stats.period.this_month");
        CHECK(f.model.stats().total == 5);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
    }
}

TEST_CASE("the reports page draws the department, responsibility and staff tables") {
    StatsFixture f;
    const core::Ticket t = f.file();
    f.dispatch(t, "billing");
    f.handle(t, "billing", "our_department");
    HeadlessStats screen(f);
    for (cf::ui::Locale locale : cf::ui::k_all_locales) {
        screen.locale = locale;
        screen.frame();
        CHECK_FALSE(screen.hits.find("stats.reports.departments").has_value());
        screen.click("stats.page.reports");
        CHECK(f.model.page() == counter::StatsPage::reports);
        for (const char* id :
             {"stats.reports.departments", "stats.reports.responsibility", "stats.reports.staff"}) {
            CHECK_MESSAGE(screen.hits.find(id), id);
        }
        CHECK(screen.hits.find("stats.export"));
        screen.click("stats.page.overview");
        CHECK(f.model.page() == counter::StatsPage::overview);
    }
}

TEST_CASE("the reports page says so when no ticket went to a department") {
    StatsFixture f;
    f.file();
    f.model.set_page(counter::StatsPage::reports);
    HeadlessStats screen(f);
    screen.frame();
    CHECK(screen.hits.find("stats.reports.no_departments"));
    CHECK_FALSE(screen.hits.find("stats.reports.departments").has_value());
    CHECK(screen.hits.find("stats.reports.staff")); // S001 received it
}

TEST_CASE("the quarter button loads the quarter") {
    StatsFixture f;
    f.clock.set(cf::test::k_monday_10am - 40 * core::k_day); // 14 October, the same quarter
    f.file();
    f.clock.set(cf::test::k_monday_10am);
    HeadlessStats screen(f);
    screen.frame();
    screen.click("stats.period.this_month");
    CHECK(f.model.stats().total == 0);
    screen.click("stats.period.this_quarter");
    CHECK(f.model.period() == PeriodKind::this_quarter);
    CHECK(f.model.stats().total == 1);
}
