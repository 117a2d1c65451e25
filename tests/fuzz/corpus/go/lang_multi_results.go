// Multiple results, named results and the bare return.
package main

import (
	"errors"
	"fmt"
)

func vals() (int, int) { return 3, 7 }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func divide(a, b float64) (result float64, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	result = a / b
	return
}

func minMax(xs []int) (min, max int) {
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return min, max
}

func main() {
	a, b := vals()
	fmt.Println(a, b)
	_, c := vals()
	fmt.Println(c)
	fmt.Println(split(17))
	if r, err := divide(1, 0); err != nil {
		fmt.Println("error:", err, r)
	}
	r, err := divide(9, 2)
	fmt.Println(r, err)
	fmt.Println(minMax([]int{4, -2, 9, 0}))
	fmt.Println(vals())
}
