// poolscope: elapsed-ms 300
// errgroup.SetLimit: at most two functions run at a time; TryGo does not wait.
package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var running, peak atomic.Int32
	for i := 0; i < 6; i++ {
		g.Go(func() error {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(100 * time.Millisecond)
			running.Add(-1)
			return nil
		})
	}
	fmt.Println("Wait:", g.Wait(), "peak:", peak.Load())
	var h errgroup.Group
	h.SetLimit(1)
	block := make(chan struct{})
	fmt.Println(h.TryGo(func() error { <-block; return nil }))
	fmt.Println(h.TryGo(func() error { return nil }))
	close(block)
	fmt.Println(h.Wait())
}
