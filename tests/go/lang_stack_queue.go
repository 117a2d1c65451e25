// Slices as a stack and a queue; a balanced-brackets checker.
package main

import "fmt"

type Stack []rune

func (s *Stack) Push(r rune) { *s = append(*s, r) }

func (s *Stack) Pop() (rune, bool) {
	if len(*s) == 0 {
		return 0, false
	}
	r := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return r, true
}

func balanced(text string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st Stack
	for _, r := range text {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			if top, ok := st.Pop(); !ok || top != pairs[r] {
				return false
			}
		}
	}
	return len(st) == 0
}

func main() {
	for _, t := range []string{"(a[b]{c})", "(]", "((", "", "{[()()]}"} {
		fmt.Printf("%-12q %v\n", t, balanced(t))
	}
	queue := []string{"a", "b", "c"}
	queue = append(queue, "d")
	for len(queue) > 0 {
		var head string
		head, queue = queue[0], queue[1:]
		fmt.Print(head, " ")
	}
	fmt.Println(len(queue))
}
