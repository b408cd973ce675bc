#include "bindings.hpp"
#include "numpy_view.hpp"

#include <alueverkko/io/table.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

// A numeric column as a read-only NumPy view whose base keeps the table alive: no element copies.
py::object column_array(const py::object& owner, const Table::NamedColumn& column) {
  return std::visit(
      [&](const auto& values) -> py::object {
        using Values = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<Values, Table::Strings>) {
          py::list out(values.size());
          for (std::size_t i = 0; i < values.size(); ++i) out[i] = py::str(values[i]);
          return out;
        } else {
          using T = typename Values::value_type;
          return readonly_view(std::span<const T>(values), owner);
        }
      },
      column.values);
}

}  // namespace

void bind_table(py::module_& m) {
  py::class_<Table>(m, "Table", "A column-oriented result table (see Table.to_pandas()).")
      .def_property_readonly("column_names",
                             [](const Table& t) {
                               std::vector<std::string> names;
                               for (const auto& c : t.columns()) names.push_back(c.name);
                               return names;
                             })
      .def("__len__", &Table::rows)
      .def(
          "column",
          [](const py::object& self, const std::string& name) {
            return column_array(self, self.cast<const Table&>().column(name));
          },
          py::arg("name"), "A column: a read-only numpy array for numbers (no copy), a list for text.")
      .def(
          "to_dict",
          [](const py::object& self) {
            py::dict out;
            for (const auto& c : self.cast<const Table&>().columns()) out[py::str(c.name)] = column_array(self, c);
            return out;
          },
          "Columns by name, in order.");
}

}  // namespace alueverkko::python
