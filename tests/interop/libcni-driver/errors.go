package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/containernetworking/cni/pkg/types"
)

// reportError writes err to stderr. A CNI error (a *types.Error anywhere in the chain that
// libcni wraps) is written first as one JSON line {code,msg,details} so that callers can
// read the code a plugin returned, then as the full text.
func reportError(err error) int {
	var cniErr *types.Error
	if errors.As(err, &cniErr) {
		line, mErr := json.Marshal(cniErr)
		if mErr == nil {
			fmt.Fprintf(os.Stderr, "%s\n", line)
		}
		fmt.Fprintf(os.Stderr, "libcni-driver: CNI error code %d: %s\n", cniErr.Code, err)
		return exitCniError
	}
	fmt.Fprintf(os.Stderr, "libcni-driver: %s\n", err)
	return exitFailure
}
