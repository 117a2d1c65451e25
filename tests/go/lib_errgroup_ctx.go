// errgroup.WithContext's ctx is a context.Context: passed on, stored, and
// derived from; the first error cancels it.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, id int) error {
	if id == 2 {
		return errors.New("fetch 2 failed")
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
		return nil
	}
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	var c context.Context = ctx
	sub, cancel := context.WithTimeout(c, 5*time.Second)
	defer cancel()
	for i := 1; i <= 3; i++ {
		id := i
		g.Go(func() error { return fetch(sub, id) })
	}
	fmt.Println("wait:", g.Wait())
	fmt.Println("ctx:", ctx.Err())
}
