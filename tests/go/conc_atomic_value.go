// atomic.Value: a configuration swapped whole while readers load it; Swap
// and CompareAndSwap; a store of another type panics.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	version int
	name    string
}

func main() {
	var cfg atomic.Value
	fmt.Println("before any store:", cfg.Load())
	cfg.Store(config{1, "initial"})
	var wg sync.WaitGroup
	var seen [4]int
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				c := cfg.Load().(config)
				if c.version > seen[r] {
					seen[r] = c.version
				}
			}
		}(r)
	}
	for v := 2; v <= 5; v++ {
		cfg.Store(config{v, fmt.Sprint("v", v)})
	}
	wg.Wait()
	fmt.Println("now:", cfg.Load().(config).name)
	old := cfg.Swap(config{6, "swapped"})
	fmt.Println("swapped out:", old.(config).version)
	fmt.Println("cas stale:", cfg.CompareAndSwap(config{5, "v5"}, config{7, "no"}))
	fmt.Println("cas fresh:", cfg.CompareAndSwap(config{6, "swapped"}, config{7, "yes"}))
	fmt.Println(cfg.Load())
	defer func() { fmt.Println("recovered:", recover()) }()
	cfg.Store("not a config")
}
