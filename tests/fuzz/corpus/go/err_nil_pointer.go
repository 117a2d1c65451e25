// A nil pointer dereference: a SIGSEGV turned into a run-time panic.
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	list := &Node{1, &Node{2, nil}}
	for n := list; ; n = n.Next {
		fmt.Println(n.Val)
	}
}
