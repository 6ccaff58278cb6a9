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
//
// Each command lives in a file of its own; run "floorcoach help COMMAND".
// "floorcoach completion bash|zsh|fish|man" prints the shell completion
// (which asks the hidden command __complete what may come next) and the
// manual page, made from the commands themselves.
package main
