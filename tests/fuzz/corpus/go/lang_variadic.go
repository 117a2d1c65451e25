// Variadic functions: ...T parameters and passing a slice with s...
package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	fmt.Print(nums, " ", len(nums), " ")
	total := 0
	for _, num := range nums {
		total += num
	}
	fmt.Println(total)
	return total
}

func join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

func modify(xs ...int) { xs[0] = -1 }

func describe(args ...interface{}) {
	fmt.Println(len(args), args == nil)
}

func main() {
	sum(1, 2)
	sum(1, 2, 3)
	nums := []int{1, 2, 3, 4}
	sum(nums...)
	sum()
	fmt.Println(join("-", "a", "b", "c"))
	fmt.Println(join(", "))
	modify(nums...) // the slice is passed as is
	fmt.Println(nums)
	describe()
	describe(nil)
	describe(1, "a", nil)
	xs := []interface{}{1, 2}
	describe(xs...)
	fmt.Println(append([]int{0}, nums[1:]...))
}
