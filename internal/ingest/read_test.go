package ingest

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func readAll(t *testing.T, r *Reader, paths ...string) ([]news.Document, []Failure) {
	t.Helper()
	var docs []news.Document
	var fails []Failure
	err := r.Read(t.Context(), paths, func(d news.Document) error { docs = append(docs, d); return nil },
		func(f Failure) { fails = append(fails, f) })
	if err != nil {
		t.Fatal(err)
	}
	return docs, fails
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestJSONLMalformedLineKeepsGoodOnes(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte(`{"id":"1","url":"https://x.test/a","title":"A","text":"one","published":"2022-09-27"}
{"id":"2", "text": "two"
{"id":3,"html":"<p>three</p>","author":["Ann","Bob"]}

{"id":"4"}
`))
	docs, fails := readAll(t, &Reader{}, p)
	if len(docs) != 2 || docs[0].Title != "A" || docs[1].ID != "3" || docs[1].Author != "Ann, Bob" {
		t.Fatalf("docs = %+v", docs)
	}
	if !docs[0].Published.Equal(time.Date(2022, 9, 27, 0, 0, 0, 0, time.UTC)) || docs[0].Line != 1 || docs[1].Line != 3 {
		t.Errorf("published/line wrong: %+v", docs[0])
	}
	if len(fails) != 2 || fails[0].Line != 2 || fails[1].Line != 5 {
		t.Fatalf("fails = %v", fails)
	}
	if !strings.Contains(fails[0].Error(), "a.jsonl:2: malformed JSON") {
		t.Errorf("error text %q", fails[0].Error())
	}
}

func TestFormatsAndBadFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/1.txt", []byte(" date 2022-09-26 Headline here\n\nBody text."))
	write(t, dir, "in/2.txt.gz", gz([]byte("Title: T2\nSource: Outlet\nDate: 2022-09-27T10:00:00Z\n\nBody two.")))
	write(t, dir, "in/3.html", []byte("<!doctype html><html><body><p>Hi</p></body></html>"))
	write(t, dir, "in/4.noext", []byte(`{"text":"sniffed jsonl"}`))
	write(t, dir, "in/5.txt", nil)
	write(t, dir, "in/6.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})
	write(t, dir, "in/7.jsonl", []byte("<html><body>not json</body></html>"))
	write(t, dir, "in/8.html", []byte("just words, no markup at all"))
	write(t, dir, "in/.hidden.txt", []byte("skip me"))
	docs, fails := readAll(t, &Reader{}, filepath.Join(dir, "in"), filepath.Join(dir, "missing.txt"))
	if len(docs) != 4 {
		t.Fatalf("got %d docs: %+v", len(docs), docs)
	}
	if docs[0].Text != "Headline here\n\nBody text." || docs[0].Published.Day() != 26 {
		t.Errorf("inline header: %+v", docs[0])
	}
	if docs[1].Title != "T2" || docs[1].Source != "Outlet" || docs[1].Text != "Body two." {
		t.Errorf("key/value header: %+v", docs[1])
	}
	if docs[2].Format != FormatHTML || docs[3].Format != FormatJSONL {
		t.Errorf("formats: %s %s", docs[2].Format, docs[3].Format)
	}
	want := []string{"5.txt: empty file", "6.bin: binary data", "7.jsonl: not JSONL", "8.html: not HTML", "missing.txt: no such file"}
	if len(fails) != len(want) {
		t.Fatalf("fails = %v", fails)
	}
	for i, w := range want {
		if !strings.Contains(fails[i].Error(), w) {
			t.Errorf("fail %d = %q, want %q", i, fails[i].Error(), w)
		}
	}
}

func TestStdin(t *testing.T) {
	docs, fails := readAll(t, &Reader{Stdin: strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")}, "-")
	if len(docs) != 2 || len(fails) != 0 || docs[0].Path != "" {
		t.Fatalf("docs=%v fails=%v", docs, fails)
	}
}

func TestLongJSONLLineIsReportedNotHeld(t *testing.T) {
	big := `{"text":"` + strings.Repeat("x", maxLine) + `"}` + "\n" + `{"text":"ok"}` + "\n"
	docs, fails := readAll(t, &Reader{Stdin: strings.NewReader(big)}, "-")
	if len(docs) != 1 || len(fails) != 1 || fails[0].Line != 1 {
		t.Fatalf("docs=%d fails=%v", len(docs), fails)
	}
}

func FuzzParseJSONLine(f *testing.F) {
	f.Add([]byte(`{"id":1,"text":"x","published":1664236800}`))
	f.Add([]byte(`{"author":{"name":"A"},"html":"<p>"}`))
	f.Fuzz(func(t *testing.T, b []byte) { parseJSONLine(b) })
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte(" date 2022-09-26 x"))
	f.Add([]byte("Title: a\nDate: 2022-01-01\n\nbody"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parseText(b)
		if err == nil && d.Text == "" {
			t.Fatal("empty text without error")
		}
	})
}

// TestTextIsCleanUnicode: a Latin-1 text is decoded, not refused as binary;
// invalid UTF-8 and control characters never reach a document, whatever the
// format; data full of control bytes is still binary.
func TestTextIsCleanUnicode(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/1.txt", []byte("Title: Caf\xe9 cr\xe8me\n\nLe ma\xeetre a d\xe9clar\xe9 \xab non \xbb \xe0 la r\xe9union."))
	write(t, dir, "in/2.jsonl", []byte(`{"title":"Bell\u0007 \u202etxt.exe","text":"Clear \u001b[2J screen\u0000 here"}`+"\n"))
	write(t, dir, "in/3.bin", append([]byte("head"), bytesRepeat(0x01, 200)...))
	docs, fails := readAll(t, &Reader{}, filepath.Join(dir, "in"))
	if len(docs) != 2 || len(fails) != 1 || !strings.Contains(fails[0].Error(), "3.bin: binary data") {
		t.Fatalf("docs=%+v fails=%v", docs, fails)
	}
	if docs[0].Title != "Café crème" || docs[0].Text != "Le maître a déclaré « non » à la réunion." {
		t.Errorf("latin-1: %q / %q", docs[0].Title, docs[0].Text)
	}
	if docs[1].Title != "Bell txt.exe" || docs[1].Text != "Clear [2J screen here" {
		t.Errorf("controls: %q / %q", docs[1].Title, docs[1].Text)
	}
}

func bytesRepeat(b byte, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}

// TestSymlinksAreFollowed: a directory given as a symbolic link is read;
// links to files and directories inside are followed; a broken link and a
// loop are reported, and everything else is read.
func TestSymlinksAreFollowed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "real/a.txt", []byte("Title: A\n\nFirst article text."))
	write(t, dir, "other/b.txt", []byte("Title: B\n\nSecond article text."))
	write(t, dir, "files/c.txt", []byte("Title: C\n\nThird article text."))
	for _, l := range [][2]string{
		{filepath.Join(dir, "other"), filepath.Join(dir, "real", "linked-dir")},
		{filepath.Join(dir, "files", "c.txt"), filepath.Join(dir, "real", "linked.txt")},
		{filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "real", "broken.txt")},
		{filepath.Join(dir, "real"), filepath.Join(dir, "other", "loop")},
		{filepath.Join(dir, "real"), filepath.Join(dir, "root-link")},
	} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	docs, fails := readAll(t, &Reader{}, filepath.Join(dir, "root-link"))
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	if strings.Join(titles, ",") != "A,B,C" {
		t.Errorf("titles = %v", titles)
	}
	var msgs []string
	for _, f := range fails {
		msgs = append(msgs, f.Error())
	}
	all := strings.Join(msgs, "\n")
	if len(fails) != 2 || !strings.Contains(all, "broken.txt: broken symbolic link") || !strings.Contains(all, "loop: symbolic link loop") {
		t.Errorf("failures:\n%s", all)
	}
}

func TestBadGzipSaysSoOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/x.txt.gz", []byte{0x1f, 0x8b, 0x00, 0x01, 0x02})
	_, fails := readAll(t, &Reader{}, filepath.Join(dir, "in"))
	if len(fails) != 1 || strings.Count(fails[0].Error(), "gzip") != 1 || !strings.Contains(fails[0].Error(), "x.txt.gz: not a readable gzip file") {
		t.Fatalf("fails = %v", fails)
	}
}

// TestBlankLinesAreBounded: a JSONL file of blank lines after its articles
// stops with one failure past maxBlankRun; articles before are read.
func TestBlankLinesAreBounded(t *testing.T) {
	dir := t.TempDir()
	body := []byte("{\"text\":\"one\"}\n\n \n{\"text\":\"two\"}\n")
	body = append(body, bytes.Repeat([]byte("\n"), maxBlankRun+10)...)
	body = append(body, []byte("{\"text\":\"never read\"}\n")...)
	write(t, dir, "in/a.jsonl", body)
	docs, fails := readAll(t, &Reader{}, filepath.Join(dir, "in"))
	if len(docs) != 2 || len(fails) != 1 || !strings.Contains(fails[0].Error(), "a.jsonl:5: more than") {
		t.Fatalf("docs %d, fails %v", len(docs), fails)
	}
}
