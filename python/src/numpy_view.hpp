#pragma once
// NumPy views of C++ arrays without element copies: read-only views whose base object keeps the
// owner alive, and arrays that take over a result vector.
#include <pybind11/numpy.h>

#include <memory>
#include <span>
#include <vector>

namespace alueverkko::python {

template <class T>
pybind11::array_t<T> readonly_view(std::span<const T> values, const pybind11::object& owner) {
  pybind11::array_t<T> array({values.size()}, {sizeof(T)}, values.data(), owner);
  pybind11::detail::array_proxy(array.ptr())->flags &= ~pybind11::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

// Moves `values` into a heap block owned by the returned array (freed with it).
template <class T>
pybind11::array_t<T> take_vector(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  pybind11::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return pybind11::array_t<T>({owned->size()}, {sizeof(T)}, owned->data(), free_when_done);
}

}  // namespace alueverkko::python
