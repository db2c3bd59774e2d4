#include "counter/entry_draft.h"

#include "forms/suggest.h"
#include "forms/text_util.h"

#include <algorithm>
#include <cstdio>

namespace cf::counter {

namespace {

// Sets `value` at a dotted ticket path ("customer.phone") in `doc`.
void put(nlohmann::json& doc, std::string_view path, nlohmann::json value) {
    const std::size_t dot = path.find('.');
    if (dot == std::string_view::npos) {
        doc[std::string(path)] = std::move(value);
    } else {
        doc[std::string(path.substr(0, dot))][std::string(path.substr(dot + 1))] = std::move(value);
    }
}

bool matches(const nlohmann::json& expected, const EntryDraft& draft, const std::string& id) {
    if (expected.is_boolean()) {
        const auto it = draft.yes.find(id);
        return it != draft.yes.end() && it->second == expected.get<bool>();
    }
    if (expected.is_string()) {
        const auto it = draft.choice.find(id);
        return it != draft.choice.end() && it->second == expected.get<std::string>();
    }
    return false;
}

// "2026-11-23 14:30" -> "2026-11-23T14:30+08:00"; anything else is passed on for the
// validator to judge.
std::string local_datetime(std::string_view text, int utc_offset_minutes) {
    const bool shape = text.size() == 16 && text[4] == '-' && text[7] == '-' &&
                       (text[10] == ' ' || text[10] == 'T') && text[13] == ':';
    if (!shape) {
        return std::string(text);
    }
    const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+', off / 60,
                  off % 60);
    std::string out(text);
    out[10] = 'T';
    return out + zone;
}

} // namespace

bool EntryDraft::empty() const {
    const bool no_text = std::all_of(text.begin(), text.end(),
                                     [](const auto& kv) { return forms::trim(kv.second).empty(); });
    return no_text && choice.empty() && choices.empty() && yes.empty();
}

bool field_visible(const forms::FormDefinition& form, const forms::FieldDefinition& field,
                   const EntryDraft& draft) {
    if (!field.visible_if) {
        return true;
    }
    const forms::FieldDefinition* other = form.find_field(field.visible_if->field);
    return other != nullptr && field_visible(form, *other, draft) &&
           matches(field.visible_if->equals, draft, other->id);
}

nlohmann::json submission_of(const forms::FormDefinition& form, const EntryDraft& draft,
                             std::string_view receiver, int utc_offset_minutes) {
    nlohmann::json doc = nlohmann::json::object();
    for (const forms::FieldDefinition& f : form.fields) {
        if (!field_visible(form, f, draft)) {
            continue;
        }
        const std::string_view path = forms::to_string(f.bind);
        switch (f.type) {
        case forms::FieldType::single_choice:
            if (auto it = draft.choice.find(f.id); it != draft.choice.end()) {
                put(doc, path, it->second);
            }
            break;
        case forms::FieldType::multiple_choice:
            if (auto it = draft.choices.find(f.id);
                it != draft.choices.end() && !it->second.empty()) {
                put(doc, path, std::vector<std::string>(it->second.begin(), it->second.end()));
            }
            break;
        case forms::FieldType::yesno:
            if (auto it = draft.yes.find(f.id); it != draft.yes.end()) {
                put(doc, path, it->second);
            }
            break;
        default:
            if (auto it = draft.text.find(f.id); it != draft.text.end()) {
                const std::string_view value = forms::trim(it->second);
                if (!value.empty()) {
                    put(doc, path,
                        f.type == forms::FieldType::datetime
                            ? local_datetime(value, utc_offset_minutes)
                            : std::string(value));
                }
            }
            break;
        }
    }
    doc["receiver"] = std::string(receiver);
    return doc;
}

std::map<std::string, std::string> errors_by_field(const forms::FormDefinition& form,
                                                   const std::vector<forms::FieldError>& errors) {
    std::map<std::string, std::string> out;
    for (const forms::FieldError& e : errors) {
        std::string id;
        for (const forms::FieldDefinition& f : form.fields) {
            const std::string_view path = forms::to_string(f.bind);
            if (e.field == path || e.field.starts_with(std::string(path) + "[") ||
                e.field.starts_with(std::string(path) + ".")) {
                id = f.id;
                break;
            }
        }
        std::string& slot = out[id];
        if (!slot.empty()) {
            slot += "; ";
        }
        slot += id.empty() ? e.field + ": " + e.reason : e.reason;
    }
    return out;
}

forms::Classification suggest(const forms::Catalog& catalog, const EntryDraft& draft) {
    std::string text;
    for (const char* id : {"description", "demand"}) {
        if (auto it = draft.text.find(id); it != draft.text.end()) {
            text += it->second;
            text += '\n';
        }
    }
    return forms::classify_text(catalog.classifier, catalog.text_model, text);
}

std::vector<const forms::KnowledgeArticle*>
knowledge_answers(const forms::Catalog& catalog, const EntryDraft& draft,
                  const forms::Classification& classification) {
    std::optional<core::RequestType> type = classification.result.request_type;
    if (auto chosen = draft.choice.find("request_type"); chosen != draft.choice.end()) {
        type = core::parse_request_type(chosen->second);
    }
    const auto description = draft.text.find("description");
    if (type != core::RequestType::enquiry || description == draft.text.end()) {
        return {};
    }
    return catalog.answers_for(description->second);
}

bool classifier_fills(std::string_view field_id) {
    return field_id == "request_type" || field_id == "category" || field_id == "severity" ||
           field_id == "priority" || field_id == "emotion" || field_id == "special_type";
}

} // namespace cf::counter
