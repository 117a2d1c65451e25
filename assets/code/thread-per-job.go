func work(id, j int) {
	fmt.Println("thread", id, "started  job", j)
	time.Sleep(time.Second)
	fmt.Println("thread", id, "finished job", j)
}

func main() {
	const numJobs = 9
	var wg sync.WaitGroup
	for j := 1; j <= numJobs; j++ {
		wg.Add(1)
		go func(j int) { // one thread for each job
			defer wg.Done()
			work(j, j)
		}(j)
	}
	wg.Wait()
	fmt.Println("all", numJobs, "jobs done")
}
