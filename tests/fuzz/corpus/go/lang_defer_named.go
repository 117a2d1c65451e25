// A deferred closure can read and change the function's named results.
package main

import (
	"errors"
	"fmt"
)

func c() (i int) {
	defer func() { i++ }()
	return 1
}

func double() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func unnamed() int {
	i := 1
	defer func() { i++ }() // too late: the result was already copied
	return i
}

func withErr(fail bool) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("withErr: %w", err)
		}
	}()
	if fail {
		return errors.New("disk full")
	}
	return nil
}

func main() {
	fmt.Println(c())
	fmt.Println(double())
	fmt.Println(unnamed())
	fmt.Println(withErr(false))
	fmt.Println(withErr(true))
}
