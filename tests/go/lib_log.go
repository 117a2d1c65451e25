// package log: the standard logger (stderr, date and time unless SetFlags
// says otherwise), a prefix before or after the header, the file:line, a
// Logger of the program's own writing to stdout, and Fatal's exit status 1.
// poolscope: lines-unordered
package main

import (
	"fmt"
	"log"
	"os"
	"sync"
)

func main() {
	log.SetFlags(0)
	log.Println("plain line")
	log.SetPrefix("[main] ")
	log.Printf("count=%d", 3)
	log.SetFlags(log.Lmsgprefix | log.Lshortfile)
	log.Print("with ", "file")
	fmt.Println("flags", log.Flags(), "prefix", log.Prefix())

	out := log.New(os.Stdout, "worker: ", 0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			out.Printf("job %d done\n", id)
		}(i)
	}
	wg.Wait()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("bad value %d", 7)
	}()
	log.SetFlags(0)
	log.SetPrefix("")
	log.Fatalln("giving up:", len(os.Args) > 5)
}
