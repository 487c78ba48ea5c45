// A real app using Sentry's Go SDK: it panics at a known line and reports to the DSN it is given.
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build -o client .
// Usage: ./client DSN   (or SENTRY_DSN in the environment)
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/getsentry/sentry-go"
)

func shippingCost(zones []int, zone int) int {
	return zones[zone] * 2 // heal:throw
}

// quote recovers the panic through sentry.Recover itself, so the reported stack ends at the panicking line
// rather than at a recovery closure of ours.
func quote(zone int) int {
	defer sentry.Recover()
	return shippingCost([]int{5, 7, 9}, zone)
}

func main() {
	dsn := os.Getenv("SENTRY_DSN")
	if len(os.Args) > 1 {
		dsn = os.Args[1]
	}
	if dsn == "" {
		fmt.Fprintln(os.Stderr, "usage: client DSN")
		os.Exit(2)
	}

	if err := sentry.Init(sentry.ClientOptions{Dsn: dsn, Release: "heal-client-go@1.0.0", Environment: "test"}); err != nil {
		fmt.Fprintln(os.Stderr, "sentry.Init:", err)
		os.Exit(1)
	}

	quote(3)

	if !sentry.Flush(10 * time.Second) {
		fmt.Fprintln(os.Stderr, "flush timed out")
		os.Exit(1)
	}
}
