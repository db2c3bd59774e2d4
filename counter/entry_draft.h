#pragma once
// The fast-entry form as staff fill it in: one value per field of the counter form
// (assets/forms/counter.json), turned into the same submission JSON the CLI accepts. Choice
// fields the classifier can fill start unset ("automatic"); staff override a suggestion by
// choosing a value, which is then kept as given.

#include "core/clock.h"
#include "forms/catalog.h"
#include "forms/classifier.h"
#include "forms/intake.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cf::counter {

struct EntryDraft {
    std::map<std::string, std::string> text;              // text-like fields, by field id
    std::map<std::string, std::string> choice;            // single choice; absent = unset
    std::map<std::string, std::set<std::string>> choices; // multiple choice
    std::map<std::string, bool> yes;                      // yes/no
    std::map<std::string, std::string> errors;            // field id -> reason, after save

    bool empty() const;
};

// Whether the field is shown for the current values (visible_if).
bool field_visible(const forms::FormDefinition& form, const forms::FieldDefinition& field,
                   const EntryDraft& draft);

// The submission for prepare_ticket: only fields that are visible and given. A date and time
// typed as staff write it ("2026-11-23 14:30") is read in the branch's time zone.
nlohmann::json submission_of(const forms::FormDefinition& form, const EntryDraft& draft,
                             std::string_view receiver, int utc_offset_minutes);

// Maps prepare_ticket's errors ("customer.phone: ...") back to field ids of the form; errors
// that name no field go under "" (e.g. the one-of rule).
std::map<std::string, std::string> errors_by_field(const forms::FormDefinition& form,
                                                   const std::vector<forms::FieldError>& errors);

// What the classifier makes of the description and demand typed so far.
forms::Classification suggest(const forms::Catalog& catalog, const EntryDraft& draft);

// The knowledge base's answers (SOP 002 知识库标准答案) to the description, when the entry is an
// enquiry (chosen, or suggested by the classifier while unset), best first, at most three;
// empty for any other request type or unrelated text.
std::vector<const forms::KnowledgeArticle*>
knowledge_answers(const forms::Catalog& catalog, const EntryDraft& draft,
                  const forms::Classification& classification);

// Whether a choice field is one the classifier fills when left unset.
bool classifier_fills(std::string_view field_id);

} // namespace cf::counter
