// Package natstest gives each test its own NATS namespace, or skips the test
// when no JetStream server answers at $CROSSCHECK_NATS.
package natstest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DefaultURL is used when $CROSSCHECK_NATS is not set.
const DefaultURL = "nats://127.0.0.1:4222"

// URL returns the server to test against.
func URL() string {
	if u := os.Getenv("CROSSCHECK_NATS"); u != "" {
		return u
	}
	return DefaultURL
}

// Namespace returns a fresh namespace and deletes its streams when the test
// ends. The test is skipped when the server or JetStream is unavailable.
func Namespace(t testing.TB) string {
	t.Helper()
	nc, err := natsgo.Connect(URL(), natsgo.Timeout(2*time.Second))
	if err != nil {
		t.Skipf("NATS unreachable at %s (set CROSSCHECK_NATS): %v", URL(), err)
	}
	js, err := jetstream.New(nc)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err = js.AccountInfo(ctx)
		cancel()
	}
	if err != nil {
		nc.Close()
		t.Skipf("NATS at %s has no JetStream: %v", URL(), err)
	}
	var b [6]byte
	rand.Read(b[:])
	ns := "cctest" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		defer nc.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		names := js.StreamNames(ctx, jetstream.WithStreamListSubject(ns+".>"))
		var streams []string
		for n := range names.Name() {
			streams = append(streams, n)
		}
		for _, n := range streams {
			if err := js.DeleteStream(ctx, n); err != nil {
				t.Logf("delete stream %s: %v", n, err)
			}
		}
	})
	return ns
}
