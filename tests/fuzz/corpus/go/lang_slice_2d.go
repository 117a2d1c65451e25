// Two-dimensional slices: rows of different lengths, a grid built with make.
package main

import "fmt"

func main() {
	twoD := make([][]int, 3)
	for i := 0; i < 3; i++ {
		innerLen := i + 1
		twoD[i] = make([]int, innerLen)
		for j := 0; j < innerLen; j++ {
			twoD[i][j] = i + j
		}
	}
	fmt.Println("2d: ", twoD)
	board := [][]string{
		{"_", "_", "_"},
		{"_", "_", "_"},
		{"_", "_", "_"},
	}
	board[0][0] = "X"
	board[2][2] = "O"
	board[1][2] = "X"
	board[1][0] = "O"
	board[0][2] = "X"
	for i := 0; i < len(board); i++ {
		fmt.Println(board[i][0], board[i][1], board[i][2])
	}
	grid := make([][]byte, 4)
	for y := range grid {
		grid[y] = make([]byte, 6)
		for x := range grid[y] {
			if (x+y)%2 == 0 {
				grid[y][x] = '#'
			} else {
				grid[y][x] = '.'
			}
		}
		fmt.Println(string(grid[y]))
	}
}
