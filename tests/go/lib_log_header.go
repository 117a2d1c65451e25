// log's header on the wall clock: LstdFlags' date and time, with
// Lmicroseconds and Lshortfile, LUTC; a Logger on stdout shows them.
package main

import (
	"log"
	"os"
)

func main() {
	l := log.New(os.Stdout, "app: ", log.LstdFlags)
	l.Println("started")
	l.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds | log.LUTC | log.Lshortfile)
	l.Printf("at %s", "work")
	l.SetFlags(log.Ltime | log.Lmsgprefix)
	l.Print("done")
}
