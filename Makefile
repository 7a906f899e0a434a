GO ?= go
export CROSSCHECK_DATA ?= $(abspath ../shared/data)

.PHONY: build test lint run bench eval

build:
	$(GO) build -o bin/crosscheck ./cmd/crosscheck

# The score floors (tests named *Floor: the committed models against their
# dev splits) run without the race detector, which makes them several times
# slower and checks nothing they do not share with the other tests.
test:
	$(GO) vet ./...
	$(GO) test -race -timeout 20m -skip 'Floor$$' ./...
	$(GO) test -timeout 20m -run 'Floor$$' ./...

lint:
	@test -z "$$(gofmt -l . | tee /dev/stderr)" || (echo "gofmt would change the files above" && false)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

run: build
	./bin/crosscheck demo

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
