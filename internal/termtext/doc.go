// Package termtext makes text from scripts, voice packs, file names and
// other programs safe to print on a terminal.
//
// A terminal obeys the control characters in what it prints: ESC and the
// C1 code U+009B start sequences that clear the screen, move the cursor,
// set the window title, write the clipboard (OSC 52) or hide a link
// (OSC 8); a newline in a file name can make an error look like two.
// Every writer to a terminal passes such text through Line (one line) or
// Text (line breaks kept), which write each control character as a
// visible escape: \x1b, \n, \u009b.
package termtext
