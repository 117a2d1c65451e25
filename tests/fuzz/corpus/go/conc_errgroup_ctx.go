// poolscope: elapsed-ms 100
// errgroup.WithContext: the first error cancels the group's context.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	results := make([]string, 4)
	for i := 0; i < 4; i++ {
		i := i
		g.Go(func() error {
			if i == 0 {
				time.Sleep(100 * time.Millisecond)
				return errors.New("worker 0 broke")
			}
			select {
			case <-ctx.Done():
				results[i] = "cancelled: " + ctx.Err().Error()
				return ctx.Err()
			case <-time.After(5 * time.Second):
				results[i] = "finished"
				return nil
			}
		})
	}
	err := g.Wait()
	fmt.Println("Wait:", err)
	for i, r := range results {
		fmt.Println(i, r)
	}
	fmt.Println("ctx after Wait:", ctx.Err())
}
