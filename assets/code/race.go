func main() {
	var ops uint64
	var atomicOps atomic.Uint64
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 3; c++ {
				v := ops // load
				v = v + 1 // add, in a register
				ops = v // store
				atomicOps.Add(1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops, "(expected 6)")
	fmt.Println("atomic ops:", atomicOps.Load(), "(expected 6)")
}
