//go:build !unix

package sqlite

// writerLock is not enforced where flock is not available.
type writerLock struct{}

func (l *writerLock) acquire(string) error { return nil }

func (l *writerLock) release() {}
