// go_ftoa.go - writes tests/data/go_ftoa.txt (go run tests/gen/go_ftoa.go):
// FormatFloat cases, one a line,
// "BITS(hex) FMT PREC BITSIZE RESULT", RESULT from Go's strconv.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func emit(bits uint64, f byte, prec, size int) {
	v := math.Float64frombits(bits)
	if size == 32 {
		v = float64(float32(v))
		bits = math.Float64bits(v)
	}
	fmt.Printf("%016x %c %d %d %s\n", bits, f, prec, size, strconv.FormatFloat(v, f, prec, size))
}

func main() {
	r := rand.New(rand.NewSource(1))
	fmts := []byte("eEfgGbxX")
	// shortest, random bit patterns
	for i := 0; i < 1500; i++ {
		b := r.Uint64()
		if (b>>52)&0x7ff == 0x7ff {
			continue
		}
		emit(b, 'g', -1, 64)
		if i%4 == 0 {
			emit(b, 'e', -1, 64)
		}
	}
	// shortest, human numbers and powers of two
	for i := 0; i < 150; i++ {
		v := float64(r.Intn(1000000)) / math.Pow(10, float64(r.Intn(12)))
		emit(math.Float64bits(v), 'g', -1, 64)
		emit(math.Float64bits(v), 'f', -1, 64)
	}
	for e := -1074; e <= 1023; e += 13 {
		v := math.Ldexp(1, e)
		emit(math.Float64bits(v), 'g', -1, 64)
		emit(math.Float64bits(v)-1, 'g', -1, 64)
	}
	// float32
	for i := 0; i < 300; i++ {
		b := uint64(math.Float32bits(math.Float32frombits(r.Uint32())))
		f32 := math.Float32frombits(uint32(b))
		if math.IsNaN(float64(f32)) || math.IsInf(float64(f32), 0) {
			continue
		}
		emit(math.Float64bits(float64(f32)), 'g', -1, 32)
	}
	// fixed precisions in every format
	for i := 0; i < 400; i++ {
		var v float64
		switch i % 3 {
		case 0:
			v = math.Float64frombits(r.Uint64() & 0x7fefffffffffffff)
		case 1:
			v = (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(40)-20))
		default:
			v = float64(r.Intn(2000)) / 8
		}
		f := fmts[r.Intn(len(fmts))]
		prec := r.Intn(25) - 1
		size := 64
		if i%5 == 0 {
			size = 32
		}
		emit(math.Float64bits(v), f, prec, size)
	}
	// specials
	for _, v := range []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, 0.1, 1e21, 1e20, 123456789, 1e-5, 1e-4, 5e-324, math.MaxFloat64} {
		for _, f := range fmts {
			for _, p := range []int{-1, 0, 3, 17} {
				emit(math.Float64bits(v), f, p, 64)
				emit(math.Float64bits(v), f, p, 32)
			}
		}
	}
}
