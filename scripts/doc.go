// Package scripts reads session scripts: YAML files that describe a routine
// of stretches, holds and reps, checked and turned into a Session.
//
// A script is one YAML mapping (in parentheses: the value of a key left out):
//
//	title: Lower back relief          # required
//	about: Seven gentle stretches.    # shown by list and show
//	warning: Stop if you feel pain.   # a line or lines, spoken and shown first
//	level: standard                   # gentle | standard | full (default standard)
//	defaults:                         # what every step inherits
//	  ready: 5s                       # get-ready time before each timed block (5s)
//	  rest: 15s                       # rest after each timed step (10s)
//	  ticks: true                     # a tick every second of a hold (true)
//	  remind: [halfway, 10s]          # reminders inside holds ([halfway, 10s])
//	  count: voice                    # reps counted by voice | tone | none (voice)
//	  switch: 10s                     # from one side's end tone to the next side's start tone, at least (10s)
//	  every: 30s                      # the longest a clock goes without a word, 10s to 35s (30s)
//	  quiet: false                    # true: no breathing cues in long quiet stretches (false)
//	steps:                            # required, at least one
//	  - name: Figure four
//	    say:                          # a line, or a list of lines, before the clock
//	      - Lie on your back.
//	      - Cross your {side} ankle over your {other} knee.
//	    hold: 20-30s
//	    sides: [right, left]
//	    during: Breathe into the stretch.   # said inside the clock, where it is quiet
//	    after: Uncross your legs slowly.    # said after each side's clock
//	  - name: Bridge
//	    reps: 10-12
//	    tempo: [2s, 2s]               # each phase of a rep (default [2s, 2s])
//	    phases: [Up, Down]            # one name per tempo entry (optional)
//	    hold: 5s                      # with reps: a hold after the first phase
//	  - repeat: 2                     # a group, run twice
//	    steps:
//	      - hold: 1-3m
//	  - say: Take a slow deep breath.
//	  - rest: 30s
//	closing: [Well done.]             # a line or lines said at the end
//
// The keys a step has decide its kind: repeat (with steps) makes a group,
// reps a reps step, hold alone a hold, rest alone a rest, and say alone a
// spoken step; name goes with any of them, during and after with a hold or
// reps step. A step may set ready, rest, ticks, remind, count, switch,
// every and quiet for itself; a group's settings are inherited by the
// steps inside it. On a hold or reps step, rest is the rest after it.
//
// # Sides
//
// A hold or reps step with sides runs its clock once per side, the full
// hold each. A line of its say, during or after that holds {side} or
// {other} is said for each side, with the side and the opposite one
// ({Side} and {Other} capitalize them, to start a sentence): with sides
// [right, left], "Cross your {side} ankle over your {other} knee." is said
// "Cross your right ankle over your left knee." before the right side's
// clock and "Cross your left ankle over your right knee." before the
// left's. Say lines without a placeholder are said once, before the first
// side. A placeholder anywhere else (a step without sides, the title, a
// name, a phase, the warning or the closing) is an error, and so is a
// misspelt one. YAML reads a line that starts with a brace as a mapping,
// and braces inside [a, b] as syntax: quote such a line, or write the
// lines as a block list.
//
// # Pacing
//
// The timeline gives a person on the floor room, and keeps these rules:
// at least 0.3 s of silence between one spoken line and the next (a line
// ending in ":", like "Next:", runs on into the one after it); at least
// switch from one side's end tone to the next side's start tone; reminders
// inside a hold at least 5 s apart and in time order (of two that would be
// closer, a time left is kept over halfway); and no more than every (at
// most 35 s) of a clock without a word: where reminders leave a longer
// quiet stretch, the step's during lines are said in turn, or, unless the
// step is quiet, a breathing cue ("Breathe slowly.", "Keep breathing.").
// The script's own closing replaces the closing "Session complete. Well
// done."; a script that wants both writes it in its closing.
//
// # Numbering
//
// Steps are numbered as they are performed, from 1: a step inside a repeat
// group counts once per round, a rest or say step written in the script
// counts, and the rest that follows a timed step is part of that step.
// show, show --json, play --from, the status line, the summary and the
// chapters of an exported file all count this way.
//
// # Values and limits
//
// Durations are written 30s, 1.5s, 1m30s, 2m or 1h, or as a bare number of
// seconds; units go largest first, in whole milliseconds. A hold, a rest
// and reps take ranges: 20-30s, 1-2m (the unit of the high end applies to
// a bare low end), 45s-1m30s, 10-12. The level picks from each range:
// gentle the low end, full the high end, standard the middle, rounded;
// Parse keeps ranges as written (see Duration.At and Count.At).
//
// Limits: a script is at most 1 MiB; any one duration at most 1h; reps at
// most 500; repeat 1 to 100; groups nest at most 4 levels. The whole
// session, at the full level, lasts at most 6h and has at most 200000 cues
// (MaxCues: every spoken line, pip, tone, tick, phase and count is one,
// and so is each step as performed, each round again); past either, the
// error points at the step or repeat group that multiplies, before
// anything is laid out. Once its lines are spoken a session must still end
// within 6h at the level played; player.Build refuses it, at the top-level
// step where it passes. Text may hold no control characters (a YAML escape
// such as "\e" or "\x9b"). YAML anchors and aliases are refused. A zero
// hold, reps or tempo phase is an error; rest: 0s, ready: 0s and switch: 0s
// mean none.
//
// # Errors
//
// Every mistake is reported, not just the first, as an ErrorList of *Error
// values sorted by position, each printed as "file:line:col: message":
//
//	back.yaml:7:3: unknown key "rset" in defaults (did you mean "rest"?; valid: ready, rest, ticks, remind, count, switch, quiet, every)
//	back.yaml:9:11: hold: "-5s" is not a duration (want e.g. 30s, 1m30s, 2m, 20-30s)
//	back.yaml:12:11: reps: 501 is over the limit (want 1 to 500)
//	back.yaml:14:24: say: {side} in a step without sides (add sides: [right, left], or write the side out)
//
// Each *Error wraps one of the Err values (ErrUnknownKey, ErrDuration, ...)
// for errors.Is. Format writes a Session back as a script; built-in
// sessions are embedded and found by Builtin and Load.
//
// The repository's docs/FORMAT.md is the full reference: this format, voice
// packs, and the timeline a session becomes, with the rules it keeps.
package scripts
