// A singly linked list with pointers: push, reverse, iterate.
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) Push(v int) {
	l.head = &Node{v, l.head}
	l.size++
}

func (l *List) Reverse() {
	var prev *Node
	for cur := l.head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) String() string {
	s := "["
	for n := l.head; n != nil; n = n.Next {
		if n != l.head {
			s += " -> "
		}
		s += fmt.Sprint(n.Val)
	}
	return s + "]"
}

func main() {
	var l List
	fmt.Println(l.String(), l.size)
	for i := 1; i <= 5; i++ {
		l.Push(i * i)
	}
	fmt.Println(l.String(), l.size)
	l.Reverse()
	fmt.Println(&l)
	sum := 0
	for n := l.head; n != nil; n = n.Next {
		sum += n.Val
	}
	fmt.Println("sum", sum)
}
