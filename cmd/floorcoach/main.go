// Command floorcoach plays guided audio sessions: stretches, physio drills
// and breathing routines, spoken and counted aloud so you can follow them
// lying on the floor. Run "floorcoach help" for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
