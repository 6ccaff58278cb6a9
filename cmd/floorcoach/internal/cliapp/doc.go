// Package cliapp holds what the floorcoach commands share, so that each
// command can live in a package of its own: the exit statuses and usage
// errors, errors printed as safe single lines, the SESSION argument and
// the --level and --voice flags, the settings file that fills in for
// flags not given, and flags written after the SESSION argument.
//
// Every helper takes the *cli.Context of the command it serves; none
// keeps state of its own.
package cliapp
