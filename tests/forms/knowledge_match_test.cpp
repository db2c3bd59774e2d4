// The knowledge-base matcher (forms/knowledge_match.h) measured on enquiries as customers type
// them at a kiosk, in Simplified and Traditional Chinese and in English, none copied from the
// articles: the right answer is among the three offered for at least 90% of them, and
// complaints the base does not answer get no suggestion.

#include "forms/knowledge_match.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cf;

namespace {

struct Enquiry {
    const char* text;
    const char* article; // the id that answers it
};

// Written for this test from what customers say at a counter.
const std::vector<Enquiry> k_enquiries = {
    {"我的银行卡昨天在地铁上弄丢了，现在该怎么办", "bank.card_lost"},
    {"我張提款卡唔見咗，點樣掛失？", "bank.card_lost"},
    {"I think I left my debit card in a taxi, how do I block it", "bank.card_lost"},
    {"密码输错三次卡被锁住了", "bank.password_reset"},
    {"I can't remember the PIN for my card", "bank.password_reset"},
    {"昨天下午给我妈转的钱到现在还没到账", "bank.transfer_arrival"},
    {"跨行轉帳要幾天才會到？", "bank.transfer_arrival"},
    {"How long until a transfer to another bank arrives?", "bank.transfer_arrival"},
    {"我想开个户，要带哪些材料", "bank.open_account_documents"},
    {"我想開個銀行戶口，要帶什麼證件", "bank.open_account_documents"},
    {"Which documents should I bring to open a new account here?", "bank.open_account_documents"},
    {"你们星期六上午开门吗", "bank.opening_hours"},
    {"What time does this branch close today?", "bank.opening_hours"},
    {"取款机把我的卡吞了", "bank.card_swallowed"},
    {"取钱的时候机器没吐钱可是余额少了两千", "bank.atm_no_cash"},
    {"为什么每个季度都扣我小额账户管理费", "bank.fees_annual"},
    {"有人打电话说是公安局的，让我把钱转到安全账户", "bank.fraud_call"},
    {"卡一直在我身上，可是收到一条在外地消费的短信", "bank.unauthorized_transaction"},
    {"我的卡突然不能转账了，说是账户被限制", "bank.account_frozen"},
    {"一年期定期现在利率多少", "bank.deposit_rates"},
    {"我想去美国旅游，在哪里换美元", "bank.foreign_exchange"},
    {"我爸爸过世了，他卡里的存款怎么取出来", "bank.inheritance"},
    {"手机流量老是不够用，超了怎么收费", "tel.data_usage"},
    {"下个月去日本玩，手机要怎么开通国际漫游", "tel.roaming"},
    {"Going to Hong Kong next week, how do I use my phone data there?", "tel.roaming"},
    {"我想把号码转到另一家运营商但是不想换号", "tel.number_porting"},
    {"我想攜號轉台，要什麼條件？", "tel.number_porting"},
    {"新房子想装宽带，大概多久能来装", "tel.broadband_install"},
    {"家裡寬頻今日上唔到網", "tel.broadband_fault"},
    {"The wifi at home keeps dropping and the internet is very slow", "tel.broadband_fault"},
    {"话费里有个每月10元的业务我从来没订过", "tel.unknown_charge"},
    {"我想换个便宜一点的套餐", "tel.plan_change"},
    {"Can I switch to a cheaper monthly plan?", "tel.plan_change"},
    {"手机卡掉了，怎么补一张", "tel.sim_replace"},
    {"家里信号特别差，打电话老是断", "tel.signal_poor"},
    {"每天接到好多推销电话，烦死了，能屏蔽吗", "tel.spam_calls"},
    {"怎么查这个月的话费详单", "tel.bill_query"},
    {"给我爸妈办个适合老人用的套餐", "tel.elderly_plan"},
    {"合约还没到期，现在解约要赔钱吗", "tel.phone_contract"},
    {"How do I pay my overdue phone bill, my line was cut off", "tel.pay_bill"},
};

// Complaints and remarks the knowledge base has no answer for.
const std::vector<const char*> k_unrelated = {
    "大堂经理态度非常恶劣，对我大吼大叫",
    "你们的工作人员把我的名字写错了还不承认",
    "门口的台阶太滑了，我差点摔倒",
    "保安不让我把自行车停在门口",
    "The staff member at window 3 was very rude to my mother",
    "厕所太脏了，没有纸也没有洗手液",
    "空调太冷了，能不能调高一点",
    "我要表扬张经理，她非常耐心",
    "停车场收费太贵",
    "Your air conditioning is broken and it is far too hot in here",
    "隔壁的装修噪音太大，影响办事",
    "外面的广告牌挡住了路",
};

} // namespace

TEST_SUITE("knowledge match") {

    TEST_CASE("the right answer is in the top three for at least 90% of real enquiries") {
        const forms::Catalog catalog = test::real_catalog();
        int hits = 0;
        for (const Enquiry& e : k_enquiries) {
            const auto answers = catalog.answers_for(e.text);
            bool hit = false;
            std::string offered;
            for (const forms::KnowledgeArticle* a : answers) {
                hit = hit || a->id == e.article;
                offered += a->id + " ";
            }
            if (!hit) {
                const std::string missed =
                    std::string(e.text) + " -> " + offered + "(wanted " + e.article + ")";
                MESSAGE(missed);
            }
            hits += hit ? 1 : 0;
        }
        const double rate = static_cast<double>(hits) / static_cast<double>(k_enquiries.size());
        MESSAGE("hit rate ", hits, "/", k_enquiries.size());
        CHECK(k_enquiries.size() >= 30);
        CHECK(rate >= 0.9);
    }

    TEST_CASE("unrelated complaints get no suggestion") {
        const forms::Catalog catalog = test::real_catalog();
        int suggested = 0;
        for (const char* text : k_unrelated) {
            const auto answers = catalog.answers_for(text);
            if (!answers.empty()) {
                const std::string wrong = std::string(text) + " -> " + answers.front()->id;
                MESSAGE(wrong);
                ++suggested;
            }
        }
        CHECK(k_unrelated.size() >= 10);
        CHECK(suggested <= 1);
    }

    TEST_CASE("empty or filler-only text matches nothing") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(catalog.answers_for("").empty());
        CHECK(catalog.answers_for("   ").empty());
        CHECK(catalog.answers_for("你好，请问一下").empty());
        CHECK(catalog.answers_for("hello, can you help me please").empty());
    }

    TEST_CASE("at most three answers, best first, each scored") {
        const forms::Catalog catalog = test::real_catalog();
        const auto matches = catalog.knowledge_matcher.match("银行卡 密码 挂失 转账 手续费 流量");
        CHECK(matches.size() <= forms::k_max_article_matches);
        for (std::size_t i = 1; i < matches.size(); ++i) {
            CHECK(matches[i - 1].score >= matches[i].score);
        }
        for (const forms::ArticleMatch& m : matches) {
            CHECK(m.score >= forms::k_article_match_threshold);
            CHECK(m.score <= 1.0);
        }
    }

    TEST_CASE("Traditional input meets the article's Traditional text, English any case") {
        const forms::Catalog catalog = test::real_catalog();
        const auto hant = catalog.answers_for("掛失");
        REQUIRE_FALSE(hant.empty());
        CHECK(hant.front()->id == "bank.card_lost");
        const auto en = catalog.answers_for("ROAMING");
        REQUIRE_FALSE(en.empty());
        CHECK(en.front()->id == "tel.roaming");
    }

    TEST_CASE("text features are CJK pairs and English stems without filler") {
        const std::vector<std::string> f = forms::matching_features("请问挂失 Charges");
        CHECK(f == std::vector<std::string>{"w:charg", "挂失", "问挂"});
        CHECK(forms::matching_features("ＳＩＭ卡") == std::vector<std::string>{"w:sim", "卡"});
    }
}
