// Command reportsite builds, checks and serves the Chongqing and Sichuan
// manufacturing reports site. See internal/cli for the commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"reportsite/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
