#pragma once
// Everything Counterfoil reads from its assets directory, loaded and checked at once:
//   forms/<id>.json        form definitions (kiosk, counter)
//   categories.json        the category tree
//   classifier/rules.json  keyword classification rules
//   classifier/model.json  the statistical text model (optional: rules alone without it)
//   sla/policy.json        priority and deadline policy
//   calendars/<id>.json    business calendars (cn-mainland, hong-kong, taiwan, weekdays)
//   branches.json          the days each branch opens (optional: Monday-Friday without it)
//   scripts/phrases.json   what staff say to the customer at each step (话术)
//   knowledge/articles.json standard answers to common questions (知识库标准答案)
//   i18n/<locale>.json     the text of every screen (ui_strings.h)
// A catalog that loaded is consistent (e.g. every category a rule suggests is in the tree),
// so later code does not re-check the assets.

#include "forms/asset_error.h" // struct AssetError {file, field, reason}
#include "forms/branch_days.h"
#include "forms/business_calendar.h"
#include "forms/category_tree.h"
#include "forms/classifier_rules.h"
#include "forms/form_definition.h"
#include "forms/knowledge_base.h"
#include "forms/knowledge_match.h"
#include "forms/script_phrases.h"
#include "forms/sla_policy.h"
#include "forms/text_model.h"
#include "forms/ui_strings.h"

#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

struct Catalog {
    std::map<std::string, FormDefinition, std::less<>> forms; // by id = file name
    CategoryTree categories;
    ClassifierRules classifier;
    TextModel text_model; // empty when there is no classifier/model.json
    SlaPolicy sla;
    std::map<std::string, BusinessCalendar, std::less<>> calendars; // by id = file name
    BranchDays branches;
    ScriptPhrases phrases;
    KnowledgeBase knowledge;
    KnowledgeMatcher knowledge_matcher; // over `knowledge`
    UiStrings ui;

    // The form with this id, or nullptr.
    const FormDefinition* find_form(std::string_view id) const;
    // The calendar with this id, or nullptr.
    const BusinessCalendar* find_calendar(std::string_view id) const;
    // The calendar a terminal of `branch` counts business time in: calendar `calendar_id` with
    // its weekend replaced by the days the branch is closed (branches.json), so a branch open
    // on Saturdays works them; holidays still close it. Nullopt when there is no calendar
    // `calendar_id`.
    std::optional<BusinessCalendar> branch_calendar(std::string_view calendar_id,
                                                    std::string_view branch) const;
    const SlaPolicy& policy() const { return sla; }
    // "计费差错 / 多扣费" for "billing.overcharge" in zh-Hans; the code itself when it is not
    // in the tree (a ticket filed under an older tree).
    std::string category_label(std::string_view code, std::string_view locale) const;
    std::vector<std::string> form_ids() const;
    // The knowledge-base articles answering `text` (knowledge_match.h), best first, at most
    // k_max_article_matches; empty for unrelated text.
    std::vector<const KnowledgeArticle*> answers_for(std::string_view text) const;
    std::vector<std::string> calendar_ids() const;
};

// Loads and checks every asset file under `assets_dir`. Fails with every problem in every
// file (unreadable files, JSON syntax, wrong or missing values, cross-file references), each
// naming the file relative to `assets_dir`, the place in it and the reason.
std::expected<Catalog, std::vector<AssetError>>
load_catalog(const std::filesystem::path& assets_dir);

} // namespace cf::forms
