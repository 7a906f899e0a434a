package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

// A redirect from a public address to a private one is refused: every hop
// dials through the checked dialer. The test server, on loopback, stands
// for the public side.
func TestRedirectToPrivateRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://[::1]:1/inside", http.StatusFound)
	}))
	defer srv.Close()
	public := func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") || Public(ip) }
	f := New(Options{Delay: -1, Public: public})
	_, err := f.Get(t.Context(), Request{URL: srv.URL + "/feed"})
	if !errors.Is(err, ErrPrivate) {
		t.Fatal(err)
	}
	t.Log(err)
}

func TestPublic(t *testing.T) {
	for s, want := range map[string]bool{
		"8.8.8.8": true, "2001:4860:4860::8888": true,
		"127.0.0.1": false, "10.1.2.3": false, "192.168.0.1": false, "172.16.0.1": false, "169.254.169.254": false,
		"0.0.0.0": false, "::1": false, "::": false, "fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false,
		"100.64.0.1": false, "224.0.0.1": false,
	} {
		if got := Public(netip.MustParseAddr(s)); got != want {
			t.Errorf("Public(%s) = %v", s, got)
		}
	}
}
