// context.WithValue: request-scoped values looked up through the chain
// (the nearest key wins, keys of a distinct type never collide), while
// cancellation passes through value contexts to their children.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

type userKey struct{}

func handle(ctx context.Context, id int, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	reqID, _ := ctx.Value(ctxKey("request")).(string)
	user := ctx.Value(userKey{})
	select {
	case <-ctx.Done():
		out <- fmt.Sprintf("worker %d (%s, %v): %v", id, reqID, user, ctx.Err())
	case <-time.After(time.Duration(id) * 100 * time.Millisecond):
		out <- fmt.Sprintf("worker %d (%s, %v): done", id, reqID, user)
	}
}

func main() {
	root := context.WithValue(context.Background(), ctxKey("request"), "req-42")
	ctx, cancel := context.WithCancel(root)
	ctx = context.WithValue(ctx, userKey{}, "alice")
	shadow := context.WithValue(ctx, ctxKey("request"), "req-43")
	fmt.Println(shadow.Value(ctxKey("request")), ctx.Value(ctxKey("request")))
	fmt.Println(ctx.Value("request"), ctx.Value(userKey{}), root.Value(userKey{}))

	var wg sync.WaitGroup
	out := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go handle(ctx, i, &wg, out)
	}
	time.Sleep(150 * time.Millisecond)
	cancel()
	wg.Wait()
	close(out)
	var lines []string
	for l := range out {
		lines = append(lines, l)
	}
	for i := 1; i <= 3; i++ {
		for _, l := range lines {
			if l[7] == byte('0'+i) {
				fmt.Println(l)
			}
		}
	}
	fmt.Println(shadow.Err(), root.Err())
}
