//go:build race

package main

// raceEnabled reports whether the race detector is on, which makes the
// streaming test read fewer rows.
const raceEnabled = true
