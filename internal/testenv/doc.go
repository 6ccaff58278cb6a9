// Package testenv says what a test may expect of the machine it runs on,
// in one place for every test of the repository.
//
// A test that needs a program (ffprobe, sox, pulseaudio…) or another part
// of the machine asks for it here. On a desktop a missing one skips the
// test, saying what to install; in continuous integration (CI reports
// it: the environment variable CI is true, as CI services set it) it
// fails the test, because CI must run every test:
//
//	testenv.NeedTool(t, "ffprobe", "sox")
//	if !haveModule() {
//		testenv.Missing(t, "python3-jsonschema")
//	}
//
// Long measurements (ten minutes of playback) run only when asked for,
// with FLOORCOACH_LONG=1: testenv.NeedLong(t, "plays for ten minutes").
//
// A test's own files go in temporary folders: TempPath names one, and
// WriteFile writes one, failing the test if it cannot.
package testenv
