// Every form of for: three-clause, condition only, infinite, range.
package main

import "fmt"

func main() {
	i := 1
	for i <= 3 {
		fmt.Println(i)
		i = i + 1
	}
	for j := 7; j <= 9; j++ {
		fmt.Println(j)
	}
	for {
		fmt.Println("loop")
		break
	}
	for n := 0; n <= 5; n++ {
		if n%2 == 0 {
			continue
		}
		fmt.Println(n)
	}
	for i, v := range []string{"a", "b"} {
		fmt.Println(i, v)
	}
	for i := range [3]int{} {
		fmt.Print(i, " ")
	}
	fmt.Println()
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for v := range ch {
		fmt.Println("from channel", v)
	}
	sum := 1
	for sum < 1000 {
		sum += sum
	}
	fmt.Println(sum)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, j, ";")
	}
	fmt.Println()
	xs := []int{1, 2, 3}
	for i := range xs {
		xs = append(xs, i) // the range expression is evaluated once
	}
	fmt.Println(xs)
}
