// poolscope: elapsed-ms 2000
// time.NewTimer fires once; Stop cancels it before it fires.
package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(2 * time.Second)
	<-timer1.C
	fmt.Println("Timer 1 fired")
	timer2 := time.NewTimer(time.Second)
	go func() {
		<-timer2.C
		fmt.Println("Timer 2 fired")
	}()
	stop2 := timer2.Stop()
	if stop2 {
		fmt.Println("Timer 2 stopped")
	}
	fmt.Println(timer1.Stop()) // already fired: false
	t3 := time.NewTimer(time.Hour)
	fmt.Println(t3.Reset(time.Millisecond))
	<-t3.C
	fmt.Println("Timer 3 fired after Reset")
}
