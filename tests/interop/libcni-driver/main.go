// Command libcni-driver drives CNI plugins through the reference runtime library (libcni),
// exactly as a container runtime does, so that interop tests can compare any plugin with
// the reference plugins.
//
//	libcni-driver add|check|del|cached|validate --conflist FILE --netns PATH \
//	    --container-id ID --ifname eth0 --plugin-dir DIR[:DIR] --cache-dir DIR \
//	    [--cap-args JSON] [--args K=V;K=V] [--timeout 60s]
//
// add and cached print the result JSON on stdout; validate prints the plugin-supported
// versions reported by VERSION for every plugin of the list. Exit codes: 0 success,
// 1 failure, 2 failure carrying a CNI error (its JSON {code,msg,details} is the first line on
// stderr), 3 no cached result, 64 usage error.
//
// The libcni shipped with Debian (1.1.x) has no GC or STATUS verbs; they are not offered.
package main

import (
	"context"
	"fmt"
	"os"
)

const (
	exitFailure        = 1
	exitCniError       = 2
	exitNoCachedResult = 3
	exitUsage          = 64
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, usage)
		return exitUsage
	}
	verb := args[0]
	opts, err := parseOptions(verb, args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "libcni-driver: %v\n%s\n", err, usage)
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
	defer cancel()

	inv, err := newInvocation(opts)
	if err != nil {
		return reportError(err)
	}
	switch verb {
	case "add":
		return inv.add(ctx)
	case "check":
		return inv.check(ctx)
	case "del":
		return inv.del(ctx)
	case "cached":
		return inv.cached()
	case "validate":
		return inv.validate(ctx)
	}
	fmt.Fprintf(os.Stderr, "libcni-driver: unknown verb %q\n%s\n", verb, usage)
	return exitUsage
}
