// 003/004 and issue 14: from 30 days before a business calendar's lists run out until a newer
// one is published, the center's staff see it with every work list, so the next year is
// entered before branches count holidays by the statutory rules alone.
#include "tests/center/console_fixture.h"
#include "tests/sync/support/calendar_publish.h"

#include <doctest/doctest.h>

using namespace cf::test;
using nlohmann::json;

TEST_CASE("a calendar running out within 30 days is shown with every queue until a newer one "
          "is published") {
    ConsoleCenter r;
    r.add_usual_staff();
    const std::string m = r.session.at("M01");
    const std::int64_t today = today_at_utc8();
    for (const char* far : {"hong-kong", "taiwan"}) {
        publish_calendar(r.center.dir(), r.tmp.path(), far, "2059-12-31");
    }
    publish_calendar(r.center.dir(), r.tmp.path(), "cn-mainland", iso_date(today + 10));

    auto q = r.queue(m, "queue=review");
    REQUIRE_MESSAGE(q.status == 200, q.body.dump());
    REQUIRE(q.body.contains("calendars"));
    CHECK(q.body.at("calendars") == json::array({{{"calendar", "cn-mainland"},
                                                  {"covers_until", iso_date(today + 10)},
                                                  {"days_left", 10}}}));
    // A handler's list says it too.
    CHECK(r.queue(r.session.at("H01"), "queue=departments").body.at("calendars").size() == 1);

    // Past the end it stays, with the days counted negative.
    publish_calendar(r.center.dir(), r.tmp.path(), "cn-mainland", iso_date(today - 2));
    CHECK(r.queue(m, "queue=review").body.at("calendars")[0].at("days_left") == -2);

    // The next year published: the notice is gone.
    publish_calendar(r.center.dir(), r.tmp.path(), "cn-mainland", "2059-12-31");
    CHECK_FALSE(r.queue(m, "queue=review").body.contains("calendars"));
}
