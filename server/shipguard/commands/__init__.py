"""The `shipguard` subcommands that do more than start the app: serve, build, lint."""
