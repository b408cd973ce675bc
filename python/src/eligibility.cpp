// Bindings of data/call_rules.hpp and metrics/eligibility.hpp.
#include "bindings.hpp"

#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/eligibility.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

EligibilityOptions options_of(const std::string& count, const std::string& area_actors) {
  EligibilityOptions o;
  const auto c = parse_eligibility_count(count);
  if (!c) throw py::value_error("count must be 'named', 'seats' or 'planned', got '" + count + "'");
  const auto a = parse_area_actors(area_actors);
  if (!a) throw py::value_error("area_actors must be 'ignore' or 'regions', got '" + area_actors + "'");
  o.count = *c;
  o.area_actors = *a;
  return o;
}

// The bundled call_rules_2021 for a data set: looked for as find_call_rules documents, then in the
// data directory of the source tree this module was built from.
std::filesystem::path default_rules(const Dataset& dataset) {
  if (auto file = find_call_rules("call_rules_2021", dataset.directory())) return *file;
  const std::filesystem::path fallback =
      std::filesystem::path(ALUEVERKKO_SOURCE_DATA_DIR) / "collaborations" / "call_rules_2021" / "rules.json";
  std::error_code ec;
  if (std::filesystem::is_regular_file(fallback, ec)) return fallback;
  throw py::value_error("call rules 'call_rules_2021' not found; pass rules=load_call_rules(path)");
}

py::dict requirement_dict(const Requirement& r) {
  return py::dict(py::arg("quantity") = std::string(to_string(r.quantity)),
                  py::arg("comparison") = std::string(to_string(r.comparison)), py::arg("value") = r.value,
                  py::arg("minimum") = r.minimum(), py::arg("as_written") = r.as_written,
                  py::arg("source") = r.source ? r.source->to_string() : std::string());
}

}  // namespace

void bind_eligibility(py::module_& m) {
  py::class_<CallRules>(m, "CallRules", "A call's eligibility and funding rules (load_call_rules).")
      .def_property_readonly("file", [](const CallRules& r) { return r.file; })
      .def_readonly("title", &CallRules::title)
      .def_property_readonly("tracks",
                             [](const CallRules& r) {
                               std::vector<std::string> out;
                               for (const auto& t : r.tracks) out.emplace_back(to_string(t.track));
                               return out;
                             })
      .def(
          "requirements",
          [](const CallRules& r, const std::string& track) {
            const auto parsed = parse_track(track);
            const TrackRules* t = parsed ? r.find(*parsed) : nullptr;
            if (!t) throw py::value_error("no track '" + track + "' in these rules");
            py::list out;
            for (const Requirement& q : t->requirements) out.append(requirement_dict(q));
            return out;
          },
          py::arg("track"), "The track's requirements: dicts quantity, comparison, value, minimum, as_written, source.")
      .def_property_readonly("applicant_kinds",
                             [](const CallRules& r) {
                               std::vector<std::string> out;
                               for (const ActorKind k : all_actor_kinds())
                                 if (r.allows_applicant(k)) out.emplace_back(to_string(k));
                               return out;
                             })
      .def_property_readonly("max_share_of_public_funding",
                             [](const CallRules& r) { return r.funding.max_share_of_public_funding; })
      .def_property_readonly("paid_to", [](const CallRules& r) { return std::string(to_string(r.funding.paid_to)); })
      .def("__repr__", [](const CallRules& r) { return "<CallRules " + r.file.string() + ">"; });

  m.def("load_call_rules", &load_call_rules, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
        "Reads and checks a call's rules.json (or a directory holding one); DataError lists every problem.");
  m.def("call_rules_search_path", &call_rules_search_path, py::arg("name") = "call_rules_2021",
        py::arg("near") = std::filesystem::path());
  m.def(
      "evaluate_eligibility",
      [](const Dataset& dataset, const Geography& geography, const CallRules* rules,
         const std::string& count, const std::string& area_actors) {
        const EligibilityOptions options = options_of(count, area_actors);
        std::optional<CallRules> loaded;
        if (!rules) {
          const std::filesystem::path file = default_rules(dataset);
          py::gil_scoped_release release;
          loaded = load_call_rules(file);
        }
        const CallRules& used = rules ? *rules : *loaded;
        py::gil_scoped_release release;
        return evaluate_eligibility(dataset, geography, used, options);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("rules") = py::none(), py::arg("count") = "named",
      py::arg("area_actors") = "ignore",
      "One row per proposal: municipalities and regions counted 'named', 'seats' and 'planned', the verdicts "
      "under the track's rule, the verdict of `count`, reason, lead and the regional council paid "
      "(docs/eligibility.md). rules: CallRules (default: the bundled call_rules_2021); area_actors: 'ignore' or "
      "'regions' (region-wide actors touch their region).");
}

}  // namespace alueverkko::python
