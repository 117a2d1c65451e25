// Mistakes in Printf calls print %!verb(type=value), %!(MISSING) and %!(EXTRA ...).
package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 3.5)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 5)
	fmt.Printf("%!\n")
	fmt.Printf("%t\n", 1)
	fmt.Printf("no verbs\n", "extra")
	fmt.Printf("%[2]d %[1]d\n", 10, 20)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%.*f\n", 2, 3.14159)
	fmt.Printf("%-*s|\n", "x", "y")
	fmt.Println(fmt.Sprintf("%d", nil))
}
