package player

import (
	"strings"
	"time"
)

// The coaching lines the timeline speaks, besides a script's own lines.
const (
	sayGetReady    = "Get ready."
	sayBegin       = "Begin."
	sayRelease     = "Release."
	sayRest        = "Rest."
	sayNext        = "Next:"
	saySwitchSides = "Switch sides."
	sayHalfway     = "Halfway."
	sayComplete    = "Session complete. Well done."

	sayBreathe       = "Breathe slowly."
	sayKeepBreathing = "Keep breathing."
)

// maxVoicedNumber is the highest number the default voice pack speaks.
const maxVoicedNumber = 100

var ones = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen"}

var tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// NumberWords spells n (0 < n < 1000) in English words: 42 is "forty-two".
func NumberWords(n int) string {
	switch {
	case n <= 0 || n >= 1000:
		return ""
	case n < 20:
		return ones[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + "-" + ones[n%10]
	case n%100 == 0:
		return ones[n/100] + " hundred"
	}
	return ones[n/100] + " hundred and " + NumberWords(n%100)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// countLine is the spoken count of rep n: "Three."
func countLine(n int) string { return capitalize(NumberWords(n)) + "." }

// roundLine announces round n of a repeat group: "Round two."
func roundLine(n int) string { return "Round " + NumberWords(n) + "." }

// sideLine announces a side: "Right side."
func sideLine(side string) string { return capitalize(side) + " side." }

// reminderLine is the reminder spoken when left remains of a hold:
// "Ten seconds left.", "One minute left.", "One minute thirty seconds left."
func reminderLine(left time.Duration) string {
	secs := int(left.Round(time.Second) / time.Second)
	m, s := secs/60, secs%60
	var parts []string
	if m > 0 {
		parts = append(parts, plural(m, "minute"))
	}
	if s > 0 || m == 0 {
		parts = append(parts, plural(s, "second"))
	}
	return capitalize(strings.Join(parts, " ")) + " left."
}

func plural(n int, unit string) string {
	if n == 1 {
		return "one " + unit
	}
	return NumberWords(n) + " " + unit + "s"
}

// Vocabulary lists the coaching lines any session may speak: the fixed
// lines, the sides, the counts up to maxVoicedNumber, rounds one to ten and
// the usual reminders. A voice pack that has all of these and a script's own
// lines can speak that script.
func Vocabulary() []string {
	v := []string{sayGetReady, sayBegin, sayRelease, sayRest, sayNext, saySwitchSides,
		sayHalfway, sayComplete, sideLine("right"), sideLine("left")}
	v = append(v, breathCues...)
	for n := 1; n <= maxVoicedNumber; n++ {
		v = append(v, countLine(n))
	}
	for n := 1; n <= 10; n++ {
		v = append(v, roundLine(n))
	}
	for _, s := range []int{5, 10, 15, 20, 30, 60, 90, 120, 180} {
		v = append(v, reminderLine(time.Duration(s)*time.Second))
	}
	return v
}
