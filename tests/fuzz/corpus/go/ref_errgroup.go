// poolscope: lines-unordered
// poolscope: elapsed-ms 900
// errgroup semantics with the standard library only: the first error cancels the others,
// and Wait returns that first error. (golang.org/x/sync/errgroup packages exactly this.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type group struct {
	wg      sync.WaitGroup
	once    sync.Once
	err     error
	cancel  context.CancelFunc
}

func withContext(ctx context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err; g.cancel() })
		}
	}()
}

func (g *group) Wait() error { g.wg.Wait(); g.cancel(); return g.err }

func main() {
	g, ctx := withContext(context.Background())
	for id := 1; id <= 5; id++ {
		id := id
		g.Go(func() error {
			fmt.Printf("job %d started\n", id)
			select {
			case <-time.After(time.Duration(id) * 300 * time.Millisecond):
				if id == 3 {
					fmt.Printf("job %d failed\n", id)
					return errors.New("job 3 failed")
				}
				fmt.Printf("job %d done\n", id)
				return nil
			case <-ctx.Done():
				fmt.Printf("job %d cancelled\n", id)
				return ctx.Err()
			}
		})
	}
	fmt.Println("Wait returned:", g.Wait())
}
