#include "core/staff_directory.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

using namespace cf;

namespace {

struct StaffFixture : test::StoreFixture {
    core::StaffDirectory staff{store->database(), store->sealer().pin_pepper()};
};

} // namespace

TEST_SUITE("staff directory") {
    TEST_CASE_FIXTURE(StaffFixture, "an empty directory says nobody can sign in yet") {
        auto r = staff.sign_in("S001", "123456", 0);
        REQUIRE(r);
        CHECK(r->status == core::SignInStatus::no_staff);
    }

    TEST_CASE_FIXTURE(StaffFixture,
                      "the right PIN signs in and the PIN is stored only as Argon2id") {
        REQUIRE(staff.add({"S001", "李四", core::Role::supervisor, false}, "246810", 0));
        auto r = staff.sign_in("S001", "246810", 0);
        REQUIRE(r);
        CHECK(r->status == core::SignInStatus::signed_in);
        CHECK(r->member.name == "李四");
        CHECK(r->member.role == core::Role::supervisor);

        auto q = store->database().query("SELECT pin_hash FROM staff WHERE id = 'S001'");
        REQUIRE(q);
        REQUIRE(*q->step());
        const std::string hash = q->text(0);
        CHECK(hash.starts_with("$argon2id$"));
        CHECK(hash.find("246810") == std::string::npos);
    }

    TEST_CASE_FIXTURE(StaffFixture, "bad accounts are refused with the reason") {
        CHECK(staff.add({"S 1", "A", core::Role::frontdesk, false}, "123456", 0)
                  .error()
                  .message.find("staff id") != std::string::npos);
        CHECK(staff.add({"S1", "", core::Role::frontdesk, false}, "123456", 0)
                  .error()
                  .message.find("name") != std::string::npos);
        CHECK(staff.add({"S1", "A", core::Role::reviewer, false}, "123456", 0)
                  .error()
                  .message.find("branch role") != std::string::npos);
        CHECK(staff.add({"S1", "A", core::Role::frontdesk, false}, "12345", 0)
                  .error()
                  .message.find("6 to 12 digits") != std::string::npos);
        CHECK(staff.add({"S1", "A", core::Role::frontdesk, false}, "1234567890123", 0)
                  .error()
                  .message.find("6 to 12 digits") != std::string::npos);
        CHECK(staff.add({"S1", "A", core::Role::frontdesk, false}, "12345a", 0)
                  .error()
                  .message.find("6 to 12 digits") != std::string::npos);
        REQUIRE(staff.add({"S1", "A", core::Role::frontdesk, false}, "123456", 0));
        CHECK(staff.add({"S1", "B", core::Role::frontdesk, false}, "123456", 0)
                  .error()
                  .message.find("already taken") != std::string::npos);
    }

    TEST_CASE_FIXTURE(StaffFixture, "an unknown id and a wrong PIN get the same answer") {
        REQUIRE(staff.add({"S001", "A", core::Role::frontdesk, false}, "123456", 0));
        CHECK(staff.sign_in("S002", "123456", 0)->status == core::SignInStatus::wrong);
        CHECK(staff.sign_in("S001", "654321", 0)->status == core::SignInStatus::wrong);
    }

    TEST_CASE_FIXTURE(StaffFixture,
                      "five wrong PINs lock the id for five minutes, even the right PIN") {
        REQUIRE(staff.add({"S001", "A", core::Role::frontdesk, false}, "123456", 0));
        for (int i = 0; i < 4; ++i) {
            CHECK(staff.sign_in("S001", "000000", 1000)->status == core::SignInStatus::wrong);
        }
        auto fifth = staff.sign_in("S001", "000000", 1000);
        CHECK(fifth->status == core::SignInStatus::locked);
        CHECK(fifth->locked_until == 1000 + 5 * core::k_minute);
        CHECK(staff.sign_in("S001", "123456", 1000 + 4 * core::k_minute)->status ==
              core::SignInStatus::locked);
        CHECK(staff.sign_in("S001", "123456", 1000 + 5 * core::k_minute)->status ==
              core::SignInStatus::signed_in);
    }

    TEST_CASE_FIXTURE(StaffFixture, "the lockout survives reopening the store") {
        REQUIRE(staff.add({"S001", "A", core::Role::frontdesk, false}, "123456", 0));
        for (int i = 0; i < 5; ++i) {
            (void)staff.sign_in("S001", "000000", 0);
        }
        core::TicketStore reopened = open_again();
        core::StaffDirectory again(reopened.database(), reopened.sealer().pin_pepper());
        CHECK(again.sign_in("S001", "123456", core::k_minute)->status ==
              core::SignInStatus::locked);
    }

    TEST_CASE_FIXTURE(StaffFixture, "a disabled account cannot sign in") {
        REQUIRE(staff.add({"S001", "A", core::Role::frontdesk, false}, "123456", 0));
        REQUIRE(staff.disable("S001"));
        CHECK(staff.sign_in("S001", "123456", 0)->status == core::SignInStatus::wrong);
        CHECK(staff.list()->at(0).disabled);
        CHECK(staff.disable("S404").error().code == core::ErrorCode::not_found);
    }

    TEST_CASE_FIXTURE(StaffFixture, "a new PIN replaces the old one and clears the lock") {
        REQUIRE(staff.add({"S001", "A", core::Role::frontdesk, false}, "123456", 0));
        for (int i = 0; i < 5; ++i) {
            (void)staff.sign_in("S001", "000000", 0);
        }
        REQUIRE(staff.set_pin("S001", "987654"));
        CHECK(staff.sign_in("S001", "123456", 0)->status == core::SignInStatus::wrong);
        CHECK(staff.sign_in("S001", "987654", 0)->status == core::SignInStatus::signed_in);
    }
}
