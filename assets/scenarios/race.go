// A data race: ops++ from 50 goroutines
// The same counter without atomics: load, add, store are separate steps, so updates get lost.
// (Run with -race to see Go's race detector report it.)
// poolscope: output-varies
package main

import (
	"fmt"
	"sync"
)

func main() {
	var ops uint64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 1000; c++ {
				ops++ // not atomic: read-modify-write
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops, "(expected 50000)")
}
