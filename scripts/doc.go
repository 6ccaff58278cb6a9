// Package scripts reads session scripts: YAML files that describe a routine
// of stretches, holds and reps, checked and turned into a Session.
//
// A script is one YAML mapping (in parentheses: the value of a key left out):
//
//	title: Lower back relief          # required
//	about: Seven gentle stretches.    # shown by list and show
//	warning: Stop if you feel pain.   # spoken and shown first
//	level: standard                   # gentle | standard | full (default standard)
//	defaults:                         # what every step inherits
//	  ready: 5s                       # get-ready time before each timed block (5s)
//	  rest: 15s                       # rest after each timed step (10s)
//	  ticks: true                     # a tick every second of a hold (true)
//	  remind: [halfway, 10s]          # reminders inside holds ([halfway, 10s])
//	  count: voice                    # reps counted by voice | tone | none (voice)
//	steps:                            # required, at least one
//	  - name: Knee-to-chest
//	    say: Lie flat on your back.   # a line, or a list of lines
//	    hold: 20-30s
//	    sides: [right, left]
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
// spoken step; name goes with any of them. A step may set ready,
// rest, ticks, remind and count for itself; a group's settings are
// inherited by the steps inside it. On a hold or reps step, rest is the
// rest after it.
//
// Durations are written 30s, 1.5s, 1m30s, 2m or 1h, or as a bare number of
// seconds; units go largest first, in whole milliseconds. A hold, a rest
// and reps take ranges: 20-30s, 1-2m (the unit of the high end applies to
// a bare low end), 45s-1m30s, 10-12. The level picks from each range:
// gentle the low end, full the high end, standard the middle, rounded;
// Parse keeps ranges as written (see Span.At and Count.At).
//
// Limits: a script is at most 1 MiB; any one duration at most 1h; reps at
// most 500; repeat 1 to 100; groups nest at most 4 levels. The whole
// session, at the full level, lasts at most 6h and has at most 200000 cues
// (MaxCues: every spoken line, pip, tone, tick, phase and count is one,
// and so is each step as performed, each round again); past either, the
// error points at the step or repeat group that multiplies, before
// anything is laid out. Once its lines are spoken a session must still end
// within 6h at the level played; player.Build refuses it, at the top-level
// step where it passes. YAML anchors and aliases are refused. A zero hold,
// reps or tempo phase is an error; rest: 0s and ready: 0s mean none.
//
// Every mistake is reported, not just the first, as an ErrorList of *Error
// values sorted by position, each printed as "file:line:col: message":
//
//	back.yaml:7:3: unknown key "rset" in defaults (did you mean "rest"?; valid: ready, rest, ticks, remind, count)
//	back.yaml:9:11: hold: "-5s" is not a duration (want e.g. 30s, 1m30s, 2m, 20-30s)
//	back.yaml:12:11: reps: 501 is over the limit (want 1 to 500)
//
// Each *Error wraps one of the Err values (ErrUnknownKey, ErrDuration, ...)
// for errors.Is. Format writes a Session back as a script; built-in
// sessions are embedded and found by Builtin and Load.
package scripts
