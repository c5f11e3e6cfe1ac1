"""The window and what every feature shares: the main window, its actions and shortcuts, settings, the one
selection every view follows, the single-instance claim, crash reports, the background page check, saving files,
filter chips, alphabetical order and the names of source kinds."""
