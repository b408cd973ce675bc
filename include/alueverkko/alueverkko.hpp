#pragma once
// Umbrella header: the whole public API of alueverkko.
#include <alueverkko/version.hpp>

#include <alueverkko/core/csv.hpp>
#include <alueverkko/core/diagnostics.hpp>

#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/data/model.hpp>
#include <alueverkko/data/name_key.hpp>

#include <alueverkko/io/dataset_tables.hpp>
#include <alueverkko/io/geography_tables.hpp>
#include <alueverkko/io/table.hpp>

#include <alueverkko/report/report.hpp>
