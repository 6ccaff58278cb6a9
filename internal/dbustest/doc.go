// Package dbustest starts a private D-Bus session bus for a test, as the
// media keys' tests need: a dbus-daemon on a socket in a private folder,
// on which any client may own any name and call anything, stopped when the
// test ends. Without dbus-daemon and dbus-send the test is skipped, or
// fails in CI (package testenv).
//
//	addr := dbustest.Start(t) // for DBUS_SESSION_BUS_ADDRESS
package dbustest
