#include "commands.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/version.hpp>

#include <iostream>

int main(int argc, char** argv) {
  namespace cli = alueverkko::cli;
  CLI::App app{"alueverkko: analyse and draw inter-regional collaboration networks", "alueverkko"};
  app.set_version_flag("--version", std::string("alueverkko ") + alueverkko::version);
  app.require_subcommand(1);
  cli::register_geography(app);
  cli::register_validate(app);
  cli::register_metrics(app);
  cli::register_coverage(app);
  cli::register_eligibility(app);
  cli::register_overlap(app);
  cli::register_brokerage(app);
  cli::register_communities(app);
  cli::register_backbone(app);
  cli::register_map(app);
  cli::register_draw(app);
  cli::register_convert(app);
  cli::register_report(app);

  // The commands in three groups in `alueverkko --help`; a command not named here (a new one)
  // stays under "Analysis".
  const auto group_of = [](const std::string& name) -> std::string {
    if (name == "geography" || name == "validate") return "Data";
    if (name == "map" || name == "draw" || name == "convert") return "Maps and exports";
    return "Analysis";
  };
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) sub->group(group_of(sub->get_name()));
  app.footer(
      "Run 'alueverkko COMMAND --help' for a command's options and examples.\n"
      "Common options: DATASET (a data set directory), --geography DIR, the membership filters --status,\n"
      "  --role, --track, --theme, --from, --to; --format csv|json, --out FILE (else standard output),\n"
      "  -q/--quiet (no summary on standard error), --threads N, --progress (long computations).\n"
      "Results go to standard output or --out; summaries, progress and problems to standard error.\n"
      "Exit status: 0 ok, 1 bad input (each problem as file:line:column: message), 2 usage.\n"
      "Documentation: docs/cli.md (every command), docs/data-format.md (the data sets).");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::exit_usage;
  } catch (const cli::CliUsageError& e) {
    std::cerr << "alueverkko: " << e.what() << "\n";
    return cli::exit_usage;
  } catch (const alueverkko::DataError& e) {
    std::cerr << e.what();
    if (!std::string_view(e.what()).ends_with('\n')) std::cerr << '\n';
    return cli::exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "alueverkko: error: " << e.what() << "\n";
    return cli::exit_bad_input;
  }
  return cli::exit_ok;
}
