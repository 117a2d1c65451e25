// errors.New makes distinct values; sentinel errors compare with == and errors.Is.
package main

import (
	"errors"
	"fmt"
)

var ErrOutOfTea = fmt.Errorf("no more tea available")
var ErrPower = errors.New("can't boil water")

func makeTea(arg int) error {
	if arg == 2 {
		return ErrOutOfTea
	} else if arg == 4 {
		return fmt.Errorf("making tea: %w", ErrPower)
	}
	return nil
}

func main() {
	a, b := errors.New("same"), errors.New("same")
	fmt.Println(a == b, a.Error() == b.Error(), a == a)
	for i := 0; i < 5; i++ {
		if err := makeTea(i); err != nil {
			if errors.Is(err, ErrOutOfTea) {
				fmt.Println("We should buy new tea!")
			} else if errors.Is(err, ErrPower) {
				fmt.Println("Now it is dark.")
			} else {
				fmt.Printf("unknown error: %s\n", err)
			}
			continue
		}
		fmt.Println("Tea is ready!")
	}
	fmt.Printf("%v %T\n", ErrPower, ErrPower)
	fmt.Println(errors.Is(nil, ErrPower), errors.Is(ErrPower, nil))
}
