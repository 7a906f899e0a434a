package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// WARC crawls (WARC/1.0 and WARC/1.1, ISO 28500) are read record by record
// from a stream; a .warc.gz is gzip-compressed per record, which the gzip
// reader in readStream reads as one multi-member stream. Only response
// records holding an HTTP 2xx HTML page become documents: URL from
// WARC-Target-URI, HTML from the HTTP payload (de-chunked, decompressed,
// decoded to UTF-8 by its declared charset). All other records are skipped.

const (
	// maxRecord bounds the HTML payload taken from one record, before and
	// after decompression; larger pages are reported and skipped.
	maxRecord = 32 << 20
	// maxWARCHead bounds a record's WARC header and its HTTP header.
	maxWARCHead = 1 << 20
)

var (
	errTruncated = errors.New("truncated record")
	errHeadLong  = fmt.Errorf("header longer than %d bytes", maxWARCHead)
	errBadLength = errors.New("wrong Content-Length")
)

// warcReader splits a WARC stream into records.
type warcReader struct {
	br      *bufio.Reader
	num     int    // number of the current record, 1-based
	pending []byte // a version line found while resynchronising
}

// warcRecord is one record's header; Body reads its block, Content-Length
// bytes.
type warcRecord struct {
	Type, TargetURI, RecordID, ContentType string
	Length                                 int64
	Body                                   *io.LimitedReader
	// Block reads Body watching for the start of another record inside it:
	// a Content-Length too large swallows the records after it.
	Block *recordWatch
}

// recordWatch passes a record's block through, noting whether a line that
// opens a record follows a blank line inside it.
type recordWatch struct {
	r         io.Reader
	tail      []byte // the last bytes of the previous read
	swallowed bool
}

var nextRecord = [][]byte{[]byte("\r\n\r\nWARC/1."), []byte("\n\nWARC/1.")}

func (w *recordWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 && !w.swallowed {
		// The read itself, and its first bytes after the previous read's
		// last ones (a match across the boundary), without copying the read.
		edge := append(w.tail, p[:min(n, 12)]...)
		for _, m := range nextRecord {
			if bytes.Contains(p[:n], m) || bytes.Contains(edge, m) {
				w.swallowed = true
			}
		}
		if n >= 12 {
			w.tail = append(w.tail[:0], p[n-12:n]...)
		} else {
			w.tail = append(w.tail[:0], edge[max(0, len(edge)-12):]...)
		}
	}
	return n, err
}

// next reads the next record's header. It returns io.EOF at the end of the
// stream, errTruncated when the stream ends inside a header, and other errors
// for a malformed header after which resync may find the next record.
func (w *warcReader) next() (*warcRecord, error) {
	line := w.pending
	w.pending = nil
	for line == nil {
		l, tooLong, err := readLineMax(w.br, maxWARCHead)
		if len(bytes.TrimSpace(l)) > 0 || tooLong {
			line = l
			break
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return nil, err
		}
	}
	w.num++
	v := string(bytes.TrimSpace(line))
	if v != "WARC/1.0" && v != "WARC/1.1" {
		return nil, fmt.Errorf("not a WARC record header: %s", quoteShort(v))
	}
	rec := &warcRecord{Length: -1}
	size := 0
	for {
		l, tooLong, err := readLineMax(w.br, maxWARCHead)
		size += len(l)
		if tooLong || size > maxWARCHead {
			return nil, errHeadLong
		}
		if err != nil && (len(l) == 0 || l[len(l)-1] != '\n') {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w: the file ends inside its header", errTruncated)
			}
			return nil, err
		}
		l = bytes.TrimRight(l, "\r\n")
		if len(l) == 0 {
			break
		}
		name, value, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			if l[0] == ' ' || l[0] == '\t' {
				continue // a folded continuation of a field we do not use
			}
			return nil, fmt.Errorf("bad header line %s", quoteShort(string(l)))
		}
		val := string(bytes.TrimSpace(value))
		switch strings.ToLower(string(bytes.TrimSpace(name))) {
		case "warc-type":
			rec.Type = strings.ToLower(val)
		case "warc-target-uri":
			rec.TargetURI = strings.TrimSuffix(strings.TrimPrefix(val, "<"), ">")
		case "warc-record-id":
			rec.RecordID = val
		case "content-type":
			rec.ContentType = val
		case "content-length":
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %s", quoteShort(val))
			}
			rec.Length = n
		}
	}
	if rec.Length < 0 {
		return nil, errors.New("no Content-Length")
	}
	rec.Body = &io.LimitedReader{R: w.br, N: rec.Length}
	rec.Block = &recordWatch{r: rec.Body}
	return rec, nil
}

// finish skips what is left of a record's block and reports errTruncated
// when the stream ends before it.
func (w *warcReader) finish(rec *warcRecord) error {
	if _, err := io.Copy(io.Discard, rec.Block); err != nil {
		return err
	}
	if rec.Body.N > 0 {
		return fmt.Errorf("%w: Content-Length %d, the file ends after %d bytes", errTruncated,
			rec.Length, rec.Length-rec.Body.N)
	}
	if rec.Block.swallowed {
		return fmt.Errorf("%w: its Content-Length %d runs into the next record", errBadLength, rec.Length)
	}
	// The block must end where the record separator (a blank line) starts.
	if next, err := w.br.Peek(1); err == nil && next[0] != '\r' && next[0] != '\n' {
		return fmt.Errorf("%w: its Content-Length %d ends before its block does", errBadLength, rec.Length)
	}
	return nil
}

// resync skips to the next line that opens a record; false at the end of
// the stream.
func (w *warcReader) resync() bool {
	for {
		l, _, err := readLineMax(w.br, 64)
		if bytes.HasPrefix(l, []byte("WARC/1.")) {
			w.pending = l
			return true
		}
		if err != nil {
			return false
		}
	}
}

// readLineMax reads one line (with its newline), keeping at most max bytes
// of it.
func readLineMax(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong = true
				line = append(line, chunk[:max-len(line)]...)
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, tooLong, err
	}
}

// readWARC emits the HTML pages of a WARC stream. A malformed record is a
// failure naming its number, and reading goes on at the next record; a
// truncated one ends the file.
func readWARC(ctx context.Context, path string, br *bufio.Reader, emit func(news.Document) error, fail func(Failure)) error {
	w := &warcReader{br: br}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := w.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			fail(Failure{Path: path, Err: fmt.Errorf("record %d: %w", w.num, err)})
			if errors.Is(err, errTruncated) || !w.resync() {
				return nil
			}
			continue
		}
		doc, ok, perr := warcPage(rec)
		if ferr := w.finish(rec); errors.Is(ferr, errBadLength) {
			// Not stored: its page is cut short or holds other records.
			fail(Failure{Path: path, Err: fmt.Errorf("record %d: %w", w.num, ferr)})
			if !w.resync() {
				return nil
			}
			continue
		} else if ferr != nil {
			fail(Failure{Path: path, Err: fmt.Errorf("record %d: %w", w.num, ferr)})
			return nil
		}
		if perr != nil {
			fail(Failure{Path: path, Err: fmt.Errorf("record %d: %w", w.num, perr)})
			continue
		}
		if !ok {
			continue
		}
		doc.Path = path
		if err := emit(doc); err != nil {
			return err
		}
	}
}

// warcPage reads the HTML page of a response record; ok is false for
// records that hold no page (requests, metadata, images, redirects...).
func warcPage(rec *warcRecord) (doc news.Document, ok bool, err error) {
	if rec.Type != "response" {
		return doc, false, nil
	}
	if ct := strings.ToLower(rec.ContentType); ct != "" && !strings.HasPrefix(ct, "application/http") {
		return doc, false, nil // e.g. a DNS response
	}
	hr := bufio.NewReaderSize(rec.Block, 16<<10)
	status, hdr, err := readHTTPHead(hr)
	if err != nil {
		return doc, false, err
	}
	if status < 200 || status > 299 {
		return doc, false, nil
	}
	ctype := hdr.Get("Content-Type")
	if ctype == "" {
		head, _ := hr.Peek(512)
		ctype = http.DetectContentType(head)
	}
	if mt, _, _ := mime.ParseMediaType(ctype); mt != "text/html" && mt != "application/xhtml+xml" {
		return doc, false, nil
	}
	var body io.Reader = hr
	if te := strings.ToLower(hdr.Get("Transfer-Encoding")); strings.Contains(te, "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	switch ce := strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))); ce {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return doc, false, fmt.Errorf("gzip payload: %w", err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		zr, err := deflateReader(body)
		if err != nil {
			return doc, false, fmt.Errorf("deflate payload: %w", err)
		}
		defer zr.Close()
		body = zr
	default:
		return doc, false, fmt.Errorf("unsupported Content-Encoding %s", quoteShort(ce))
	}
	page, err := io.ReadAll(io.LimitReader(body, maxRecord+1))
	if err != nil {
		return doc, false, fmt.Errorf("payload: %w", err)
	}
	if len(page) > maxRecord {
		return doc, false, fmt.Errorf("page larger than %d bytes", maxRecord)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return doc, false, errors.New("empty HTML page")
	}
	// A charset given only in the HTTP header is lost once the page is a
	// string: decode such pages here.
	if !utf8.Valid(page) {
		if enc, name, _ := charset.DetermineEncoding(page, ctype); name != "utf-8" {
			if dec, err := enc.NewDecoder().Bytes(page); err == nil {
				page = dec
			}
		}
	}
	return news.Document{Format: FormatHTML, ID: rec.RecordID, URL: rec.TargetURI, HTML: string(page)}, true, nil
}

// deflateReader reads a "deflate" payload: zlib-wrapped as the HTTP
// specification says, or raw deflate as some servers send it.
func deflateReader(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	h, _ := br.Peek(2)
	if len(h) == 2 && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readHTTPHead reads an HTTP response's status line and header fields.
func readHTTPHead(br *bufio.Reader) (status int, hdr http.Header, err error) {
	line, tooLong, err := readLineMax(br, maxWARCHead)
	if tooLong {
		return 0, nil, errors.New("HTTP status line too long")
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, nil, err
	}
	fields := strings.Fields(string(line))
	if len(fields) < 2 || !strings.HasPrefix(fields[0], "HTTP/") || len(fields[1]) != 3 {
		return 0, nil, fmt.Errorf("bad HTTP status line %s", quoteShort(strings.TrimSpace(string(line))))
	}
	status, cerr := strconv.Atoi(fields[1])
	if cerr != nil {
		return 0, nil, fmt.Errorf("bad HTTP status line %s", quoteShort(strings.TrimSpace(string(line))))
	}
	hdr = http.Header{}
	size := len(line)
	for {
		l, tooLong, err := readLineMax(br, maxWARCHead)
		size += len(l)
		if tooLong || size > maxWARCHead {
			return 0, nil, errors.New("HTTP header too long")
		}
		t := bytes.TrimRight(l, "\r\n")
		if len(t) == 0 {
			if err != nil && !errors.Is(err, io.EOF) {
				return 0, nil, err
			}
			return status, hdr, nil // a response without a body ends here too
		}
		if name, value, ok := bytes.Cut(t, []byte(":")); ok && t[0] != ' ' && t[0] != '\t' {
			hdr.Add(string(bytes.TrimSpace(name)), string(bytes.TrimSpace(value)))
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return status, hdr, nil
			}
			return 0, nil, err
		}
	}
}
