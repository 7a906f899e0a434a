package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

var update = flag.Bool("update", false, "rewrite the WARC fixtures in testdata")

// warcRec builds one WARC record; an empty length writes the block's true
// length, anything else is written as given (to make bad records).
func warcRec(typ, uri, ctype string, block string, length string) string {
	if length == "" {
		length = fmt.Sprint(len(block))
	}
	id := fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-000000000000>", len(block)*31+len(uri))
	var b strings.Builder
	b.WriteString("WARC/1.1\r\nWARC-Type: " + typ + "\r\n")
	if uri != "" {
		b.WriteString("WARC-Target-URI: " + uri + "\r\n")
	}
	b.WriteString("WARC-Date: 2024-03-15T10:00:00Z\r\nWARC-Record-ID: " + id + "\r\n")
	if ctype != "" {
		b.WriteString("Content-Type: " + ctype + "\r\n")
	}
	b.WriteString("Content-Length: " + length + "\r\n\r\n" + block + "\r\n\r\n")
	return b.String()
}

func httpResp(status, headers, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body
}

func gzipString(s string) string {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.String()
}

func chunked(s string, size int) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(size, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

const (
	httpType  = "application/http; msgtype=response"
	pageOne   = "<html><head><title>Dam opens</title></head><body><p>The new dam opened on Friday.</p></body></html>"
	pageTwo   = "<html><body><article><p>Second page, sent chunked and gzipped.</p></article></body></html>"
	pageThree = "<html><body><p>Caf\xe9 owners protest.</p></body></html>" // windows-1252
	pageFour  = "<html><body><p>After the bad record.</p></body></html>"
)

// warcRecords are the records of testdata/crawl.warc, one string each.
func warcRecords() []string {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
	return []string{
		/* 1 */ warcRec("warcinfo", "", "application/warc-fields", "software: crosscheck-test\r\nformat: WARC File Format 1.1\r\n", ""),
		/* 2 */ warcRec("request", "https://news.example/dam", "application/http; msgtype=request",
			"GET /dam HTTP/1.1\r\nHost: news.example\r\n\r\n", ""),
		/* 3 */ warcRec("response", "<https://news.example/dam>", httpType,
			httpResp("200 OK", "Content-Type: text/html; charset=utf-8\r\nContent-Length: "+fmt.Sprint(len(pageOne))+"\r\n", pageOne), ""),
		/* 4 */ warcRec("metadata", "https://news.example/dam", "application/warc-fields", "via: https://news.example/\r\n", ""),
		/* 5 */ warcRec("response", "https://news.example/dam.png", httpType,
			httpResp("200 OK", "Content-Type: image/png\r\n", png), ""),
		/* 6 */ warcRec("response", "https://news.example/old", httpType,
			httpResp("301 Moved Permanently", "Location: https://news.example/dam\r\nContent-Type: text/html\r\n", "<a href=/dam>moved</a>"), ""),
		/* 7 */ warcRec("response", "https://news.example/two", httpType,
			httpResp("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
				chunked(gzipString(pageTwo), 17)), ""),
		/* 8 */ warcRec("response", "https://news.example/cafe", httpType,
			httpResp("200 OK", "Content-Type: text/html; charset=windows-1252\r\n", pageThree), ""),
		/* 9 */ warcRec("response", "https://news.example/bad", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", "<p>lost</p>"), "12x"),
		/* 10 */ warcRec("response", "https://news.example/four", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", pageFour), ""),
		/* 11 */ warcRec("response", "https://news.example/gone", httpType,
			httpResp("404 Not Found", "Content-Type: text/html\r\n", "<p>not found</p>"), ""),
		/* 12 */ warcRec("response", "https://news.example/cut", httpType,
			httpResp("200 OK", "Content-Type: text/html\r\n", "<p>cut short"), "5000"),
	}
}

// TestWARCFixtures checks that testdata/crawl.warc and crawl.warc.gz are the
// records above (go test -run TestWARCFixtures -update rewrites them).
func TestWARCFixtures(t *testing.T) {
	recs := warcRecords()
	recs[len(recs)-1] = strings.TrimSuffix(recs[len(recs)-1], "\r\n\r\n") // the file ends inside record 12
	plain := strings.Join(recs, "")
	var gzipped strings.Builder
	for _, r := range recs {
		gzipped.WriteString(gzipString(r)) // one gzip member per record, as crawlers write
	}
	for name, want := range map[string]string{"crawl.warc": plain, "crawl.warc.gz": gzipped.String()} {
		p := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s is stale; run go test -run TestWARCFixtures -update", p)
		}
	}
}

func TestWARC(t *testing.T) {
	wantDocs := []brief{
		{Format: FormatHTML, URL: "https://news.example/dam", Body: pageOne},
		{Format: FormatHTML, URL: "https://news.example/two", Body: pageTwo},
		{Format: FormatHTML, URL: "https://news.example/cafe", Body: "<html><body><p>Café owners protest.</p></body></html>"},
		{Format: FormatHTML, URL: "https://news.example/four", Body: pageFour},
	}
	tests := []struct{ file, name string }{
		{"crawl.warc", "crawl.warc"},
		{"crawl.warc.gz", "crawl.warc.gz"},
		{"crawl.warc", "crawl-no-extension"},       // sniffed
		{"crawl.warc.gz", "crawl-gz-no-extension"}, // gzip by magic, WARC sniffed
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var docs []news.Document
			var fails []Failure
			err = (&Reader{}).ReadNamed(t.Context(), tt.name, f, func(d news.Document) error { docs = append(docs, d); return nil },
				func(f Failure) { fails = append(fails, f) })
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(wantDocs) {
				t.Fatalf("got %d docs, want %d; fails %v", len(docs), len(wantDocs), fails)
			}
			for i, d := range docs {
				got := briefOf(d)
				got.ID = ""
				if got != wantDocs[i] {
					t.Errorf("doc %d:\n got %+v\nwant %+v", i+1, got, wantDocs[i])
				}
				if d.Path != tt.name || !d.Published.IsZero() || !strings.HasPrefix(d.ID, "<urn:uuid:") {
					t.Errorf("doc %d: path %q published %v id %q", i+1, d.Path, d.Published, d.ID)
				}
			}
			want := []string{
				tt.name + `: record 9: bad Content-Length "12x"`,
				tt.name + ": record 12: truncated record: Content-Length 5000, the file ends after",
			}
			if len(fails) != len(want) {
				t.Fatalf("fails = %q", failTexts(fails))
			}
			for i, w := range want {
				if !strings.HasPrefix(fails[i].Error(), w) {
					t.Errorf("fail %d = %q, want %q...", i+1, fails[i].Error(), w)
				}
			}
		})
	}
}

func TestWARCBadRecords(t *testing.T) {
	const lfBlock = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>ok</p>"
	good := warcRec("response", "https://x.example/ok", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", "<p>ok</p>"), "")
	okBlock := httpResp("200 OK", "Content-Type: text/html\r\n", "<p>ok, a longer page to cut</p>")
	tooShort := warcRec("response", "https://x.example/short", httpType, okBlock, fmt.Sprint(len(okBlock)-6))
	tooLong := warcRec("response", "https://x.example/long", httpType, okBlock, fmt.Sprint(len(okBlock)+len(good)+4))
	tests := []struct {
		name  string
		in    string
		docs  int
		fails []string
	}{
		{"only good", good + good, 2, nil},
		{"content length too small", good + tooShort + good, 2,
			[]string{"record 2: wrong Content-Length: its Content-Length " + fmt.Sprint(len(okBlock)-6) + " ends before its block does"}},
		{"content length too large", tooLong + good + good, 1,
			[]string{"record 1: wrong Content-Length: its Content-Length " + fmt.Sprint(len(okBlock)+len(good)+4) + " runs into the next record"}},
		{"garbage between records", good + "junk line\r\nmore junk\r\n" + good, 2,
			[]string{`record 2: not a WARC record header: "junk line"`}},
		{"unknown version", good + strings.Replace(good, "WARC/1.1", "WARC/2.0", 1) + good, 2,
			[]string{`record 2: not a WARC record header: "WARC/2.0"`}},
		{"no content length", good + "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n" + good, 2,
			[]string{"record 2: no Content-Length"}},
		{"ends in header", good + "WARC/1.0\r\nWARC-Type: resp", 1,
			[]string{"record 2: truncated record: the file ends inside its header"}},
		{"bad http status", warcRec("response", "u", httpType, "HTTP/1.1 OK\r\n\r\n<p>x</p>", "") + good, 1,
			[]string{`record 1: bad HTTP status line "HTTP/1.1 OK"`}},
		{"bad chunking", warcRec("response", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "zz\r\n<p>x</p>"), "") + good, 1,
			[]string{"record 1: payload: "}},
		{"bad gzip", warcRec("response", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", "<p>not gzip</p>"), "") + good, 1,
			[]string{"record 1: gzip payload: "}},
		{"brotli", warcRec("response", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x0b\x02"), "") + good, 1,
			[]string{`record 1: unsupported Content-Encoding "br"`}},
		{"empty page", warcRec("response", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", ""), "") + good, 1,
			[]string{"record 1: empty HTML page"}},
		{"no http content type sniffed", warcRec("response", "u", httpType, httpResp("200 OK", "", "<!DOCTYPE html><html><p>x</p></html>"), ""), 1, nil},
		{"dns response skipped", warcRec("response", "dns:x.example", "text/dns", "20240315100000\r\nx.example. 300 IN A 10.0.0.1\r\n", "") + good, 1, nil},
		{"revisit skipped", warcRec("revisit", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", ""), "") + good, 1, nil},
		{"deflate", warcRec("response", "u", httpType, httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", deflateString("<p>deflated</p>")), ""), 1, nil},
		{"lf line ends", "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: u\nContent-Length: " + fmt.Sprint(len(lfBlock)) +
			"\n\n" + lfBlock + "\n\n" + good, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			var docs []news.Document
			var fails []Failure
			err := readWARC(t.Context(), "t.warc", bufio.NewReader(strings.NewReader(in)),
				func(d news.Document) error { docs = append(docs, d); return nil }, func(f Failure) { fails = append(fails, f) })
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != tt.docs {
				t.Errorf("got %d docs, want %d (fails %q)", len(docs), tt.docs, failTexts(fails))
			}
			if len(fails) != len(tt.fails) {
				t.Fatalf("fails = %q, want %q", failTexts(fails), tt.fails)
			}
			for i, w := range tt.fails {
				if !strings.HasPrefix(fails[i].Error(), "t.warc: "+w) {
					t.Errorf("fail %d = %q, want %q", i+1, fails[i].Error(), w)
				}
			}
		})
	}
}

func deflateString(s string) string {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.String()
}

func TestWARCLargePageReported(t *testing.T) {
	big := "<p>" + strings.Repeat("x", maxRecord) + "</p>"
	in := warcRec("response", "https://x.example/big", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", big), "") +
		warcRec("response", "https://x.example/ok", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", "<p>ok</p>"), "")
	var docs []news.Document
	var fails []Failure
	err := readWARC(t.Context(), "t.warc", bufio.NewReader(strings.NewReader(in)),
		func(d news.Document) error { docs = append(docs, d); return nil }, func(f Failure) { fails = append(fails, f) })
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].URL != "https://x.example/ok" || len(fails) != 1 || !strings.Contains(fails[0].Error(), "record 1: page larger than") {
		t.Fatalf("docs %d fails %q", len(docs), failTexts(fails))
	}
}

func FuzzReadWARC(f *testing.F) {
	for _, r := range warcRecords() {
		f.Add([]byte(r))
	}
	f.Add([]byte(strings.Join(warcRecords()[:4], "")))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		err := readWARC(t.Context(), "f.warc", bufio.NewReader(bytes.NewReader(b)), func(d news.Document) error {
			n++
			if d.Format != FormatHTML || strings.TrimSpace(d.HTML) == "" || len(d.HTML) > 4*maxRecord {
				t.Fatalf("bad document %+v", d)
			}
			return nil
		}, func(Failure) {})
		if err != nil {
			t.Fatal(err)
		}
		if n > bytes.Count(b, []byte("WARC/1.")) {
			t.Fatalf("%d documents from %d record headers", n, bytes.Count(b, []byte("WARC/1.")))
		}
	})
}

// BenchmarkReadWARC reads a gzipped crawl of 300 records (a request, an HTML
// response of ~20 KB and a metadata record per page).
func BenchmarkReadWARC(b *testing.B) {
	page := "<html><body>" + strings.Repeat("<p>Some paragraph of an article about the harbour.</p>\n", 360) + "</body></html>"
	var crawl bytes.Buffer
	for i := range 100 {
		uri := fmt.Sprintf("https://news.example/%d", i)
		for _, r := range []string{
			warcRec("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n", ""),
			warcRec("response", uri, httpType, httpResp("200 OK", "Content-Type: text/html\r\n", page), ""),
			warcRec("metadata", uri, "application/warc-fields", "via: x\r\n", ""),
		} {
			crawl.WriteString(gzipString(r))
		}
	}
	b.SetBytes(int64(100 * len(page)))
	for b.Loop() {
		n := 0
		err := (&Reader{}).ReadNamed(b.Context(), "c.warc.gz", bytes.NewReader(crawl.Bytes()),
			func(news.Document) error { n++; return nil }, func(f Failure) { b.Fatal(f) })
		if err != nil || n != 100 {
			b.Fatal(n, err)
		}
	}
}
