func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err; g.cancel() })
		}
	}()
}

func main() {
	g, ctx := withContext(context.Background())
	for id := 1; id <= 5; id++ {
		id := id
		g.Go(func() error {
			fmt.Printf("job %d started\n", id)
			select {
			case <-time.After(time.Duration(id) * 300 * time.Millisecond):
				if id == 3 {
					fmt.Printf("job %d failed\n", id)
					return errors.New("job 3 failed")
				}
				fmt.Printf("job %d done\n", id)
				return nil
			case <-ctx.Done():
				fmt.Printf("job %d cancelled\n", id)
				return ctx.Err()
			}
		})
	}
	fmt.Println("Wait returned:", g.Wait())
}
