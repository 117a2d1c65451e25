// Unbuffered hand-off: ping-pong
// Unbuffered channels: two goroutines hit a ball back and forth.
package main

import "fmt"

type Ball struct{ hits int }

func player(name string, in <-chan *Ball, out chan<- *Ball, done chan<- bool) {
	for {
		ball, ok := <-in
		if !ok { // the other player has stopped
			close(out)
			done <- true
			return
		}
		ball.hits++
		fmt.Println(name, ball.hits)
		if ball.hits == 10 {
			close(out)
			done <- true
			return
		}
		out <- ball
	}
}

func main() {
	toPing := make(chan *Ball)
	toPong := make(chan *Ball)
	done := make(chan bool)
	go player("ping", toPing, toPong, done)
	go player("pong", toPong, toPing, done)
	toPing <- new(Ball)
	<-done
	<-done
	fmt.Println("game over")
}
