"""Command-line commands of each area beyond the core: each module has
add_parsers(sub, parents) and is listed in lifecrm_gui.cli.COMMAND_MODULES."""
