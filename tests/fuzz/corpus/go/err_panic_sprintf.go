// panic(fmt.Sprintf(...)): a formatted message.
package main

import "fmt"

func checkAge(age int) {
	if age < 0 {
		panic(fmt.Sprintf("invalid age %d: must be >= %d", age, 0))
	}
	fmt.Println("age ok:", age)
}

func main() {
	checkAge(30)
	checkAge(-4)
}
