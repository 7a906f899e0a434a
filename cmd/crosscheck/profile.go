package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// Profiles for measuring any command (docs/performance.md):
// CROSSCHECK_CPUPROFILE=FILE writes a CPU profile of the whole command, and
// CROSSCHECK_MEMPROFILE=FILE the heap profile taken when the heap in use was
// largest (looked at every second), which is what peak memory is made of.
func startProfiles(ctx context.Context) (stop func()) {
	var stops []func()
	if path := os.Getenv("CROSSCHECK_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "crosscheck: CROSSCHECK_CPUPROFILE: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("CROSSCHECK_MEMPROFILE"); path != "" {
		done, finished := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(finished)
			var peak uint64
			ctxDone := ctx.Done()
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak {
					peak = ms.HeapInuse
					if err := writeHeap(path); err != nil {
						fmt.Fprintf(os.Stderr, "crosscheck: CROSSCHECK_MEMPROFILE: %v\n", err)
						return
					}
				}
				select {
				case <-done:
					fmt.Fprintf(os.Stderr, "crosscheck: heap in use peaked at %d MB (profile in %s)\n", peak>>20, path)
					return
				case <-ctxDone:
					ctxDone = nil // one last look, then wait for the command to end
				case <-t.C:
				}
			}
		}()
		stops = append(stops, func() { close(done); <-finished })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
