// Print versus Println: Print adds no newline and spaces only between non-strings.
package main

import "fmt"

func main() {
	fmt.Print("a", "b", "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("n=", 5, " m=", 6, "\n")
	fmt.Print(1, "x", 2, "\n")
	fmt.Println("a", "b")
	fmt.Println(1, 2)
	fmt.Println("n=", 5)
	fmt.Println()
	fmt.Print()
	fmt.Print("no newline")
	fmt.Print("\n")
	n, err := fmt.Println("counted")
	fmt.Println(n, err)
	n, _ = fmt.Print("xyz", 12, "\n")
	fmt.Println(n)
	n, _ = fmt.Printf("%d%%\n", 50)
	fmt.Println(n)
}
