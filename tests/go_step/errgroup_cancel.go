package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

// job 2 fails after 10 ms; the others wait for a second or the group's
// cancellation, whichever comes first
func main() {
	g, ctx := errgroup.WithContext(context.Background())
	for i := 1; i <= 4; i++ {
		i := i
		g.Go(func() error {
			if i == 2 {
				time.Sleep(10 * time.Millisecond)
				return errors.New("job 2 failed")
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
				return nil
			}
		})
	}
	fmt.Println("Wait:", g.Wait())
}
