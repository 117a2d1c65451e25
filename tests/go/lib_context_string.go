// A context prints its chain as Go 1.19 does: Background/TODO, WithCancel,
// WithValue (type of the key, a Stringer or string value), WithDeadline.
package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

type key string

type S struct{}

func (S) String() string { return "an S" }

func main() {
	ctx := context.WithValue(context.TODO(), key("user"), "alice")
	ctx = context.WithValue(ctx, 42, S{})
	ctx = context.WithValue(ctx, "n", 7)
	c2, cancel := context.WithCancel(ctx)
	defer cancel()
	fmt.Println(c2)
	t, c3 := context.WithTimeout(context.Background(), 2*time.Second)
	defer c3()
	s := fmt.Sprint(t)
	fmt.Println(strings.HasPrefix(s, "context.Background.WithDeadline("), strings.Contains(s, " m=+"), strings.HasSuffix(s, "s])"))
}
