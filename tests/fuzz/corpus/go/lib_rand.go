// math/rand with a fixed seed gives the same sequence every run (Go 1.19's generator).
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	for i := 0; i < 5; i++ {
		fmt.Print(r.Intn(100), " ")
	}
	fmt.Println()
	fmt.Println(r.Float64())
	fmt.Println(r.Int63(), r.Int31n(10), r.Uint32())
	fmt.Println(r.Perm(5))
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	r2 := rand.New(rand.NewSource(42))
	fmt.Println(r2.Intn(100))
	rand.Seed(7)
	fmt.Println(rand.Intn(1000), rand.Intn(1000))
	r3 := rand.New(rand.NewSource(1))
	fmt.Printf("%.6f %d\n", r3.Float64(), r3.Int63n(1e9))
	fmt.Println(r3.NormFloat64(), r3.ExpFloat64())
}
