// Sprint adds spaces only between operands that are not strings; Sprintln always.
package main

import "fmt"

func main() {
	fmt.Printf("%q\n", fmt.Sprint("a", "b", 1, 2, "c", 3.5, "d"))
	fmt.Printf("%q\n", fmt.Sprint(1, 2, 3))
	fmt.Printf("%q\n", fmt.Sprint("x", 1, "y"))
	fmt.Printf("%q\n", fmt.Sprint(true, false, "s", nil, nil))
	fmt.Printf("%q\n", fmt.Sprint([]int{1}, []int{2}, "t", []int{3}))
	fmt.Printf("%q\n", fmt.Sprintln("a", "b", 1, 2))
	fmt.Printf("%q\n", fmt.Sprintln())
	fmt.Printf("%q\n", fmt.Sprint())
	s := fmt.Sprintf("%d-%s-%v", 1, "two", 3.0)
	fmt.Println(s, len(s))
	fmt.Printf("%q\n", fmt.Sprint(fmt.Errorf("e1"), fmt.Errorf("e2")))
	type P struct{ X int }
	fmt.Printf("%q\n", fmt.Sprint(P{1}, P{2}, &P{3}))
	fmt.Printf("%q\n", fmt.Sprint('a', 'b', "c"))
}
