#include "forms/form_definition.h"

#include "forms/asset_reader.h"
#include "forms/field_check.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <map>

namespace cf::forms {

const FieldDefinition* FormDefinition::find_field(std::string_view id) const {
    for (const FieldDefinition& field : fields) {
        if (field.id == id) {
            return &field;
        }
    }
    return nullptr;
}

const FieldDefinition* FormDefinition::field_for(TicketPath path) const {
    for (const FieldDefinition& field : fields) {
        if (field.bind == path) {
            return &field;
        }
    }
    return nullptr;
}

namespace {

constexpr std::string_view k_widgets[] = {"tiles", "list", "dropdown"};

// Ids are used in widget ids and tests: lower-case ASCII, starting with a letter.
bool valid_id(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') {
        return false;
    }
    for (const char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

std::string field_type_list() {
    std::vector<std::string> names;
    for (int t = 0; t <= static_cast<int>(FieldType::yesno); ++t) {
        names.emplace_back(to_string(static_cast<FieldType>(t)));
    }
    return join(names);
}

std::string type_list(const std::vector<FieldType>& types) {
    std::vector<std::string> names;
    for (const FieldType t : types) {
        names.emplace_back(to_string(t));
    }
    return join(names, " or ");
}

bool is_choice_type(FieldType t) {
    return t == FieldType::single_choice || t == FieldType::multiple_choice;
}

// Which parts of a parsed field were understood; checks that depend on a broken part are
// skipped so that one mistake is reported once.
struct Understood {
    bool type = false;
    bool bind = false;
};

// Everything about one field is parsed by one Parser so that each check can name the field.
class FieldParser {
public:
    FieldParser(AssetReader& reader, const CategoryTree& categories,
                const std::vector<FieldDefinition>& earlier,
                const std::vector<Understood>& earlier_understood)
        : m_reader(reader), m_categories(categories), m_earlier(earlier),
          m_earlier_understood(earlier_understood) {}

    std::pair<FieldDefinition, Understood> parse(const nlohmann::json& node,
                                                 const std::string& path);

private:
    void parse_identity(const nlohmann::json& node, const std::string& path);
    void parse_options(const nlohmann::json& node, const std::string& path);
    void parse_validation(const nlohmann::json& node, const std::string& path);
    void parse_visible_if(const nlohmann::json& node, const std::string& path);
    void parse_default(const nlohmann::json& node, const std::string& path);
    std::string who() const { return m_field.id.empty() ? "this field" : "'" + m_field.id + "'"; }

    AssetReader& m_reader;
    const CategoryTree& m_categories;
    const std::vector<FieldDefinition>& m_earlier;
    const std::vector<Understood>& m_earlier_understood;
    FieldDefinition m_field;
    bool m_type_known = false;
    bool m_bind_known = false;
};

std::pair<FieldDefinition, Understood> FieldParser::parse(const nlohmann::json& node,
                                                          const std::string& path) {
    if (!m_reader.expect_object(node, path)) {
        return {m_field, Understood{}};
    }
    m_reader.reject_unknown_keys(node, path,
                                 {"id", "type", "bind", "required", "validation", "label", "help",
                                  "options", "options_from", "visible_if", "default", "widget"});
    parse_identity(node, path);
    m_field.required = m_reader.boolean(node, path, "required", false).value_or(false);
    if (const nlohmann::json* label = m_reader.member(node, path, "label", true)) {
        m_field.label = parse_localized_text(*label, join_path(path, "label"), m_reader);
    }
    if (const nlohmann::json* help = m_reader.member(node, path, "help", false)) {
        m_field.help = parse_localized_text(*help, join_path(path, "help"), m_reader);
    }
    parse_options(node, path);
    parse_validation(node, path);
    parse_visible_if(node, path);
    parse_default(node, path);
    if (auto widget = m_reader.string(node, path, "widget", false)) {
        bool known = false;
        for (const std::string_view w : k_widgets) {
            known = known || w == *widget;
        }
        if (!known) {
            m_reader.fail(join_path(path, "widget"),
                          "unknown widget '" + *widget + "'; use tiles, list or dropdown");
        } else if (m_type_known && !is_choice_type(m_field.type)) {
            m_reader.fail(join_path(path, "widget"), "only choice fields take a widget hint");
        }
        m_field.widget = *widget;
    }
    return {m_field, Understood{m_type_known, m_bind_known}};
}

void FieldParser::parse_identity(const nlohmann::json& node, const std::string& path) {
    if (auto id = m_reader.string(node, path, "id", true)) {
        m_field.id = *id;
        if (!valid_id(*id)) {
            m_reader.fail(join_path(path, "id"),
                          "'" + *id + "' is not an id (lower-case letters, digits and _)");
        }
        for (const FieldDefinition& other : m_earlier) {
            if (other.id == *id) {
                m_reader.fail(join_path(path, "id"), "'" + *id + "' is used by two fields");
            }
        }
    }
    if (auto type = m_reader.string(node, path, "type", true)) {
        if (auto parsed = parse_field_type(*type)) {
            m_field.type = *parsed;
            m_type_known = true;
        } else {
            m_reader.fail(join_path(path, "type"), "unknown field type '" + *type + "' for " +
                                                       who() + "; use one of " + field_type_list());
        }
    }
    if (auto bind = m_reader.string(node, path, "bind", true)) {
        const std::string bind_path = join_path(path, "bind");
        if (auto parsed = parse_ticket_path(*bind)) {
            m_field.bind = *parsed;
            m_bind_known = true;
            for (std::size_t i = 0; i < m_earlier.size(); ++i) {
                const FieldDefinition& other = m_earlier[i];
                if (m_earlier_understood[i].bind && other.bind == *parsed) {
                    m_reader.fail(bind_path,
                                  "'" + *bind + "' is filled by field '" + other.id + "' already");
                }
            }
            if (m_type_known && !field_type_fits(*parsed, m_field.type)) {
                m_reader.fail(bind_path, "'" + *bind + "' needs a " +
                                             type_list(fitting_field_types(*parsed)) +
                                             " field, not " + std::string(to_string(m_field.type)));
            }
        } else {
            m_reader.fail(bind_path, "'" + *bind + "' is not a ticket field a form can fill");
        }
    }
}

void FieldParser::parse_options(const nlohmann::json& node, const std::string& path) {
    const nlohmann::json* options = m_reader.member(node, path, "options", false);
    const std::optional<std::string> from = m_reader.string(node, path, "options_from", false);
    const std::string options_path = join_path(path, "options");
    if (!m_type_known) {
        return;
    }
    if (!is_choice_type(m_field.type)) {
        if (options != nullptr || from) {
            m_reader.fail(options_path, "only choice fields have options; " + who() + " is " +
                                            std::string(to_string(m_field.type)));
        }
        return;
    }
    if (options != nullptr && from) {
        m_reader.fail(options_path, "give options or options_from, not both");
        return;
    }
    if (from) {
        if (*from != "categories") {
            m_reader.fail(join_path(path, "options_from"),
                          "unknown source '" + *from + "'; the only one is \"categories\"");
        } else if (m_bind_known && m_field.bind != TicketPath::category) {
            m_reader.fail(join_path(path, "options_from"),
                          "only a field bound to category takes its options from categories");
        }
        m_field.options_from_categories = true;
        return;
    }
    if (m_bind_known && m_field.bind == TicketPath::category) {
        m_reader.fail(options_path, "a category field takes its options from the category tree; "
                                    "use \"options_from\": \"categories\"");
        return;
    }
    if (options == nullptr) {
        m_reader.fail(options_path, "choice field " + who() + " needs options");
        return;
    }
    if (!m_reader.expect_array(*options, options_path)) {
        return;
    }
    if (options->empty()) {
        m_reader.fail(options_path, "choice field " + who() + " needs at least one option");
        return;
    }
    for (std::size_t i = 0; i < options->size(); ++i) {
        const nlohmann::json& item = (*options)[i];
        const std::string item_path = index_path(options_path, i);
        if (!m_reader.expect_object(item, item_path)) {
            continue;
        }
        m_reader.reject_unknown_keys(item, item_path, {"value", "label"});
        ChoiceOption option;
        if (auto value = m_reader.string(item, item_path, "value", true)) {
            option.value = *value;
            if (m_field.find_option(*value) != nullptr) {
                m_reader.fail(join_path(item_path, "value"), "'" + *value + "' is listed twice");
            }
            if (m_bind_known && !is_fixed_value(m_field.bind, *value)) {
                m_reader.fail(join_path(item_path, "value"),
                              "'" + *value + "' is not a value of " +
                                  std::string(to_string(m_field.bind)) + " (" +
                                  join(fixed_values(m_field.bind)) + ")");
            }
        }
        if (const nlohmann::json* label = m_reader.member(item, item_path, "label", true)) {
            option.label = parse_localized_text(*label, join_path(item_path, "label"), m_reader);
        }
        m_field.options.push_back(std::move(option));
    }
}

void FieldParser::parse_validation(const nlohmann::json& node, const std::string& path) {
    const nlohmann::json* v = m_reader.member(node, path, "validation", false);
    const std::string v_path = join_path(path, "validation");
    if (v == nullptr || !m_reader.expect_object(*v, v_path)) {
        return;
    }
    m_reader.reject_unknown_keys(*v, v_path,
                                 {"min_length", "max_length", "max_items", "must_be_true"});
    const bool texty = m_field.type == FieldType::text || m_field.type == FieldType::multiline ||
                       m_field.type == FieldType::email;
    const bool listy =
        m_field.type == FieldType::multiple_choice ||
        (m_field.type == FieldType::multiline && m_bind_known && is_list_path(m_field.bind));
    auto limit = [&](std::string_view key, bool applies) -> std::optional<std::size_t> {
        const std::optional<std::int64_t> n = m_reader.integer(*v, v_path, key, false);
        if (!n) {
            return std::nullopt;
        }
        if (m_type_known && !applies) {
            m_reader.fail(join_path(v_path, key), std::string(key) + " does not apply to a " +
                                                      std::string(to_string(m_field.type)) +
                                                      " field");
            return std::nullopt;
        }
        if (*n < 0) {
            m_reader.fail(join_path(v_path, key), "must not be negative");
            return std::nullopt;
        }
        return static_cast<std::size_t>(*n);
    };
    m_field.validation.min_length = limit("min_length", texty);
    m_field.validation.max_length = limit("max_length", texty);
    m_field.validation.max_items = limit("max_items", listy);
    if (m_field.validation.min_length && m_field.validation.max_length &&
        *m_field.validation.min_length > *m_field.validation.max_length) {
        m_reader.fail(join_path(v_path, "min_length"), "is larger than max_length");
    }
    if (auto must = m_reader.boolean(*v, v_path, "must_be_true", false)) {
        if (m_type_known && m_field.type != FieldType::yesno) {
            m_reader.fail(join_path(v_path, "must_be_true"), "applies only to a yesno field");
        }
        m_field.validation.must_be_true = *must;
    }
}

void FieldParser::parse_visible_if(const nlohmann::json& node, const std::string& path) {
    const nlohmann::json* v = m_reader.member(node, path, "visible_if", false);
    const std::string v_path = join_path(path, "visible_if");
    if (v == nullptr || !m_reader.expect_object(*v, v_path)) {
        return;
    }
    m_reader.reject_unknown_keys(*v, v_path, {"field", "equals"});
    const std::optional<std::string> field = m_reader.string(*v, v_path, "field", true);
    const nlohmann::json* equals = m_reader.member(*v, v_path, "equals", true);
    if (!field || equals == nullptr) {
        return;
    }
    // Only an earlier field may control visibility, which also rules out cycles.
    std::size_t index = m_earlier.size();
    for (std::size_t i = 0; i < m_earlier.size(); ++i) {
        if (m_earlier[i].id == *field) {
            index = i;
        }
    }
    if (index == m_earlier.size()) {
        m_reader.fail(join_path(v_path, "field"),
                      "names no field above " + who() + " ('" + *field + "')");
        return;
    }
    if (m_earlier_understood[index].type) {
        if (is_empty_value(*equals)) {
            m_reader.fail(join_path(v_path, "equals"), "must be a value, not empty");
        } else if (auto why = check_field_value(m_earlier[index], *equals, m_categories, 0)) {
            m_reader.fail(join_path(v_path, "equals"),
                          "can never be a value of '" + *field + "': " + *why);
        }
    }
    m_field.visible_if = VisibleIf{*field, *equals};
}

void FieldParser::parse_default(const nlohmann::json& node, const std::string& path) {
    const nlohmann::json* value = m_reader.member(node, path, "default", false);
    if (value == nullptr || !m_type_known) {
        return;
    }
    if (is_empty_value(*value)) {
        m_reader.fail(join_path(path, "default"), "must be a value; leave it out for none");
        return;
    }
    if (auto why = check_field_value(m_field, *value, m_categories, 0)) {
        m_reader.fail(join_path(path, "default"), "does not fit " + who() + ": " + *why);
        return;
    }
    m_field.default_value = *value;
}

void parse_rules(const nlohmann::json& doc, AssetReader& reader, FormDefinition& form) {
    const nlohmann::json* rules = reader.member(doc, "", "rules", false);
    if (rules == nullptr || !reader.expect_array(*rules, "rules")) {
        return;
    }
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const std::string rule_path = index_path("rules", i);
        const nlohmann::json& rule = (*rules)[i];
        if (!reader.expect_object(rule, rule_path)) {
            continue;
        }
        reader.reject_unknown_keys(rule, rule_path, {"one_of"});
        const nlohmann::json* list = reader.member(rule, rule_path, "one_of", true);
        const std::string list_path = join_path(rule_path, "one_of");
        if (list == nullptr || !reader.expect_array(*list, list_path)) {
            continue;
        }
        if (list->size() < 2) {
            reader.fail(list_path, "names fewer than two fields");
        }
        OneOfRule one_of;
        for (std::size_t k = 0; k < list->size(); ++k) {
            const nlohmann::json& item = (*list)[k];
            const std::string item_path = index_path(list_path, k);
            const std::optional<TicketPath> p =
                item.is_string() ? parse_ticket_path(item.get<std::string>()) : std::nullopt;
            if (!p) {
                reader.fail(item_path, "must be the bind of a field, like \"customer.phone\"");
            } else if (form.field_for(*p) == nullptr) {
                reader.fail(item_path,
                            "no field of this form fills '" + std::string(to_string(*p)) + "'");
            } else {
                one_of.paths.push_back(*p);
            }
        }
        form.one_of.push_back(std::move(one_of));
    }
}

} // namespace

std::expected<FormDefinition, std::vector<AssetError>>
parse_form_definition(const nlohmann::json& doc, const std::string& file,
                      const CategoryTree& categories) {
    AssetReader reader(file);
    FormDefinition form;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "", {"id", "title", "channel", "receiver", "fields", "rules"});
    if (auto id = reader.string(doc, "", "id", true)) {
        form.id = *id;
        if (!valid_id(*id)) {
            reader.fail("id", "'" + *id + "' is not an id (lower-case letters, digits and _)");
        }
    }
    if (const nlohmann::json* title = reader.member(doc, "", "title", true)) {
        form.title = parse_localized_text(*title, "title", reader);
    }
    if (auto channel = reader.string(doc, "", "channel", true)) {
        if (auto parsed = core::parse_channel(*channel)) {
            form.channel = *parsed;
        } else {
            reader.fail("channel", "'" + *channel + "' is not a channel (" +
                                       join(fixed_values(TicketPath::channel)) + ")");
        }
    }
    form.receiver = reader.string(doc, "", "receiver", false).value_or("");

    if (const nlohmann::json* fields = reader.member(doc, "", "fields", true)) {
        if (reader.expect_array(*fields, "fields")) {
            if (fields->empty()) {
                reader.fail("fields", "a form needs at least one field");
            }
            std::vector<Understood> understood;
            for (std::size_t i = 0; i < fields->size(); ++i) {
                FieldParser parser(reader, categories, form.fields, understood);
                auto [field, known] = parser.parse((*fields)[i], index_path("fields", i));
                form.fields.push_back(std::move(field));
                understood.push_back(known);
            }
        }
    }
    parse_rules(doc, reader, form);
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return form;
}

} // namespace cf::forms
