// Package manpage writes the manual page, floorcoach(1), in roff: the
// synopsis and the commands read from the *cli.App itself, so that every
// command and flag appears as --help shows it, and the sections no command
// holds (sections.go: keys, the script format, files, environment, exit
// status, examples). roff.go escapes text for roff.
package manpage
