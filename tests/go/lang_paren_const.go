// Parenthesized constant expressions as operands and receivers: typed and
// untyped, in arithmetic, method calls and conversions.
package main

import (
	"fmt"
	"time"
)

type D int64

const ms D = 1000

func (d D) Twice() D { return 2 * d }

func main() {
	x := D(10)
	fmt.Println(x%(3*ms), x/(2*5), (3 * ms).Twice(), (ms))
	y := 10
	fmt.Println(y%(3*1), y<<(1+1), float64(y)/(2.5*2))
	fmt.Println((2500 * time.Millisecond).Round(time.Second), 2*time.Second%(700*time.Millisecond))
	const c = (1 << 10) - 1
	var u uint8 = (c >> 2) & 0xff
	fmt.Println(c, u, int64(c)*(c+1))
	fmt.Println(("ab" + "cd"), len(("xyz")), (true && !false))
}
