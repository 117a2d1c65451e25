// runtime: NumGoroutine counts main and the goroutines not yet returned;
// GOMAXPROCS(0) reads the setting, GOMAXPROCS(n) sets it and returns the old.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
		}()
	}
	fmt.Println("five waiting:", runtime.NumGoroutine())
	close(gate)
	wg.Wait()
	procs := runtime.GOMAXPROCS(0)
	fmt.Println("GOMAXPROCS is NumCPU:", procs == runtime.NumCPU())
	old := runtime.GOMAXPROCS(1)
	fmt.Println("old setting back:", old == procs, "now:", runtime.GOMAXPROCS(0))
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	fmt.Println(runtime.GOOS)
}
