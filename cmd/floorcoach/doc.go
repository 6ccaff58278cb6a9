// Command floorcoach plays guided audio sessions — stretches, physio drills,
// breathing — that you follow lying on the floor, hands-free: every
// instruction spoken, holds and reps counted with tones, sides and next
// steps announced. It plays live through the speaker or exports one audio
// file with a chapter per step.
//
//	floorcoach list                          sessions and their durations
//	floorcoach show SESSION [--json]         the plan, every cue at its time
//	floorcoach check FILE...                 validate scripts
//	floorcoach play SESSION [--from N]       live, hands-free
//	floorcoach play SESSION --resume         where it stopped last time
//	floorcoach log [--json|--csv]            the sessions played, the week, the streak
//	floorcoach export SESSION -o FILE        .wav, .mp3 or .flac
//	floorcoach new NAME                      a starter script
//	floorcoach schema                        the script format as JSON Schema
//	floorcoach clips missing|make|record|sheet|add SESSION   the voice clips a session needs
//	floorcoach voices                        the voice packs there are
//
// Each command lives in a file of its own; run "floorcoach help COMMAND".
// The larger ones are packages under internal/: clipscmd (clips missing,
// make, record, sheet, add), logcmd (log), and completion, which prints the
// shell completion (asking the hidden command __complete what may come
// next) and the manual page (package manpage), made from the commands
// themselves. Package cliapp holds what the commands share: exit statuses
// and usage errors, one-line errors, the SESSION argument, --level and
// --voice, flags after SESSION, and the settings file (voice, level,
// volume), over which flags win.
package main
