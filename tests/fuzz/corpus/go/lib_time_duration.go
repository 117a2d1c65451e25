// time.Duration: arithmetic, conversions and how durations print.
package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds())
	n := 3
	fmt.Println(time.Duration(n) * time.Second)
	fmt.Println(90*time.Minute, 36*time.Hour+30*time.Second)
	fmt.Println(time.Duration(1), time.Duration(1500), time.Duration(1500000))
	fmt.Println(time.Duration(0), -2*time.Second, time.Duration(1<<63-1))
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), (2500 * time.Millisecond).Round(time.Second))
	fmt.Println(time.Hour.Minutes(), time.Minute.Hours(), d.Nanoseconds(), d.Microseconds())
	fmt.Printf("%v %d %s %.1f\n", d, d, d, d.Seconds())
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p.Seconds())
	_, err = time.ParseDuration("5 parsecs")
	fmt.Println(err)
	timeout := 2 * time.Second
	fmt.Println(timeout > d, timeout/4, timeout%(700*time.Millisecond))
	fmt.Println(time.Second*time.Duration(2.5*1000)/1000)
	fmt.Printf("%T %T\n", d, time.Second)
}
