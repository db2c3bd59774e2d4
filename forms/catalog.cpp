#include "forms/catalog.h"

#include "forms/asset_reader.h"

#include <algorithm>
#include <system_error>

namespace cf::forms {

const FormDefinition* Catalog::find_form(std::string_view id) const {
    const auto it = forms.find(id);
    return it == forms.end() ? nullptr : &it->second;
}

const BusinessCalendar* Catalog::find_calendar(std::string_view id) const {
    const auto it = calendars.find(id);
    return it == calendars.end() ? nullptr : &it->second;
}

std::optional<BusinessCalendar> Catalog::branch_calendar(std::string_view calendar_id,
                                                         std::string_view branch) const {
    const BusinessCalendar* calendar = find_calendar(calendar_id);
    if (calendar == nullptr) {
        return std::nullopt;
    }
    WeekDays closed{};
    const WeekDays& open = branches.open_days(branch);
    std::transform(open.begin(), open.end(), closed.begin(), [](bool is_open) { return !is_open; });
    return calendar->with_weekend(closed);
}

std::string Catalog::category_label(std::string_view code, std::string_view locale) const {
    return categories.path_label(code, locale).value_or(std::string(code));
}

std::vector<const KnowledgeArticle*> Catalog::answers_for(std::string_view text) const {
    std::vector<const KnowledgeArticle*> out;
    for (const ArticleMatch& m : knowledge_matcher.match(text)) {
        out.push_back(&knowledge.articles[m.index]);
    }
    return out;
}

std::vector<std::string> Catalog::form_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, form] : forms) {
        ids.push_back(id);
    }
    return ids;
}

std::vector<std::string> Catalog::calendar_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, calendar] : calendars) {
        ids.push_back(id);
    }
    return ids;
}

namespace {

void append(std::vector<AssetError>& to, std::vector<AssetError> from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Reads one file and hands its JSON to `parse`; every problem lands in `errors`.
template <class Parse>
auto load_file(const std::filesystem::path& dir, const std::string& relative,
               std::vector<AssetError>& errors, Parse parse)
    -> std::optional<typename decltype(parse(nlohmann::json{}, std::string{}))::value_type> {
    AssetReader reader(relative);
    std::optional<nlohmann::json> doc = read_json_file(dir / relative, reader);
    if (!doc) {
        append(errors, reader.take_errors());
        return std::nullopt;
    }
    auto parsed = parse(*doc, relative);
    if (!parsed) {
        append(errors, std::move(parsed.error()));
        return std::nullopt;
    }
    return std::move(*parsed);
}

// The *.json files of a sub-directory, sorted, as paths relative to the assets directory.
std::vector<std::string> json_files(const std::filesystem::path& dir, const std::string& sub,
                                    std::vector<AssetError>& errors) {
    std::vector<std::string> files;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir / sub, ec);
    if (ec) {
        errors.push_back(AssetError{sub + "/", "", "the folder cannot be read: " + ec.message()});
        return files;
    }
    for (const std::filesystem::directory_entry& entry : it) {
        if (entry.path().extension() == ".json") {
            files.push_back(sub + "/" + entry.path().filename().string());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        errors.push_back(AssetError{sub + "/", "", "holds no .json files"});
    }
    return files;
}

std::string stem_of(const std::string& relative) {
    return std::filesystem::path(relative).stem().string();
}

// The texts of one part of assets/i18n: `folder`/<locale>.json for each locale.
std::optional<UiStrings> load_ui_part(const std::filesystem::path& assets_dir,
                                      const std::string& folder, std::vector<AssetError>& errors) {
    std::map<std::string, nlohmann::json, std::less<>> docs;
    for (std::string_view locale : k_locales) {
        const std::string file = folder + "/" + std::string(locale) + ".json";
        AssetReader reader(file);
        if (std::optional<nlohmann::json> doc = read_json_file(assets_dir / file, reader)) {
            docs.emplace(locale, std::move(*doc));
        } else {
            append(errors, reader.take_errors());
        }
    }
    if (docs.size() != k_locales.size()) {
        return std::nullopt;
    }
    auto ui = parse_ui_strings(docs, folder);
    if (!ui) {
        append(errors, std::move(ui.error()));
        return std::nullopt;
    }
    return std::move(*ui);
}

// The names of the folders directly inside `dir`, sorted.
std::vector<std::string> sub_folders(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_directory(ec)) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

std::expected<Catalog, std::vector<AssetError>>
load_catalog(const std::filesystem::path& assets_dir) {
    std::vector<AssetError> errors;
    Catalog catalog;

    if (auto tree = load_file(assets_dir, "categories.json", errors, parse_category_tree)) {
        catalog.categories = std::move(*tree);
    }
    // With a broken tree, checks against it are skipped rather than reported once per use.
    const CategoryTree& tree = catalog.categories;

    if (auto rules = load_file(assets_dir, "classifier/rules.json", errors,
                               [&](const nlohmann::json& doc, const std::string& file) {
                                   return parse_classifier_rules(doc, file, tree);
                               })) {
        catalog.classifier = std::move(*rules);
    }
    // Without a model the keyword rules classify alone.
    if (std::error_code missing;
        std::filesystem::exists(assets_dir / "classifier/model.json", missing)) {
        if (auto model = load_file(assets_dir, "classifier/model.json", errors,
                                   [&](const nlohmann::json& doc, const std::string& file) {
                                       return parse_text_model(doc, file, tree);
                                   })) {
            catalog.text_model = std::move(*model);
        }
    }
    if (auto policy = load_file(assets_dir, "sla/policy.json", errors, parse_sla_policy)) {
        catalog.sla = *policy;
    }
    for (const std::string& file : json_files(assets_dir, "forms", errors)) {
        auto form = load_file(assets_dir, file, errors,
                              [&](const nlohmann::json& doc, const std::string& name) {
                                  return parse_form_definition(doc, name, tree);
                              });
        if (!form) {
            continue;
        }
        if (form->id != stem_of(file)) {
            errors.push_back(AssetError{file, "id",
                                        "'" + form->id + "' must match the file name ('" +
                                            stem_of(file) + "')"});
            continue;
        }
        catalog.forms.emplace(form->id, std::move(*form));
    }
    for (const std::string& file : json_files(assets_dir, "calendars", errors)) {
        auto calendar = load_file(assets_dir, file, errors, parse_business_calendar);
        if (!calendar) {
            continue;
        }
        if (calendar->id() != stem_of(file)) {
            errors.push_back(AssetError{file, "id",
                                        "'" + calendar->id() + "' must match the file name ('" +
                                            stem_of(file) + "')"});
            continue;
        }
        const std::string id = calendar->id();
        catalog.calendars.emplace(id, std::move(*calendar));
    }
    // Without branches.json every branch opens Monday to Friday.
    std::error_code ec;
    if (std::filesystem::exists(assets_dir / "branches.json", ec)) {
        if (auto days = load_file(assets_dir, "branches.json", errors, parse_branch_days)) {
            catalog.branches = std::move(*days);
        }
    }
    if (auto phrases =
            load_file(assets_dir, "scripts/phrases.json", errors, parse_script_phrases)) {
        catalog.phrases = std::move(*phrases);
    }
    if (auto kb = load_file(assets_dir, "knowledge/articles.json", errors,
                            [&](const nlohmann::json& doc, const std::string& file) {
                                return parse_knowledge_base(doc, file, tree);
                            })) {
        catalog.knowledge = std::move(*kb);
        catalog.knowledge_matcher = KnowledgeMatcher(catalog.knowledge);
    }
    if (std::optional<UiStrings> ui = load_ui_part(assets_dir, "i18n", errors)) {
        catalog.ui = std::move(*ui);
        for (const std::string& part : sub_folders(assets_dir / "i18n")) {
            const std::string folder = "i18n/" + part;
            if (std::optional<UiStrings> more = load_ui_part(assets_dir, folder, errors)) {
                if (auto merged = catalog.ui.merge(*more, folder); !merged) {
                    append(errors, std::move(merged.error()));
                }
            }
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return catalog;
}

} // namespace cf::forms
