// poolscope: elapsed-ms 150
// context.WithTimeout: Done closes after the timeout, Err says why.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", slowOp(ctx, 10*time.Millisecond))
	err := slowOp(ctx, time.Second)
	fmt.Println("slow:", err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), ctx.Err() == context.DeadlineExceeded)
	_, hasDeadline := ctx.Deadline()
	fmt.Println("deadline set:", hasDeadline)
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel2()
	}()
	<-ctx2.Done()
	fmt.Println("ctx2:", ctx2.Err())
	_, has := context.Background().Deadline()
	fmt.Println(has, context.Background().Err())
}
