//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// writerLock is an exclusive flock on a file beside the database.
type writerLock struct {
	mu sync.Mutex
	f  *os.File
}

func (l *writerLock) acquire(path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := "another crosscheck process"
			if b, err := os.ReadFile(path); err == nil {
				if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
					who = fmt.Sprintf("another crosscheck process (pid %d)", pid)
				}
			}
			return fmt.Errorf("%s is writing to %s: wait for it to finish, or give another --db",
				who, strings.TrimSuffix(path, "-writer.lock"))
		}
		return fmt.Errorf("lock %s: %w", path, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	l.f = f
	return nil
}

func (l *writerLock) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close() // closing the descriptor releases the flock
		l.f = nil
	}
}
