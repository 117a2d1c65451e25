// errgroup: the first error wins
// errgroup.Group: Go runs functions, Wait returns the first error.
package main

import (
	"errors"
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	var sum atomic.Int64
	for i := 1; i <= 10; i++ {
		i := i
		g.Go(func() error {
			sum.Add(int64(i))
			return nil
		})
	}
	fmt.Println("err:", g.Wait(), "sum:", sum.Load())
	var g2 errgroup.Group
	for i := 1; i <= 3; i++ {
		i := i
		g2.Go(func() error {
			if i == 2 {
				return errors.New("task 2 failed")
			}
			return nil
		})
	}
	fmt.Println("err:", g2.Wait())
	var g3 errgroup.Group
	fmt.Println("empty group:", g3.Wait())
}
