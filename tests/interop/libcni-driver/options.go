package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

const usage = "usage: libcni-driver add|check|del|cached|validate --conflist FILE --netns PATH " +
	"--container-id ID --ifname NAME --plugin-dir DIR[:DIR] --cache-dir DIR " +
	"[--cap-args JSON] [--args K=V;K=V] [--timeout DURATION]"

type options struct {
	conflist    string
	netns       string
	containerID string
	ifName      string
	pluginDirs  []string
	cacheDir    string
	capArgs     map[string]interface{}
	cniArgs     [][2]string
	timeout     time.Duration
}

func parseOptions(verb string, args []string) (*options, error) {
	fs := flag.NewFlagSet(verb, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o options
	var pluginDir, capArgs, cniArgs string
	fs.StringVar(&o.conflist, "conflist", "", "network configuration list (or single configuration) file")
	fs.StringVar(&o.netns, "netns", "", "path of the container's network namespace")
	fs.StringVar(&o.containerID, "container-id", "", "container ID")
	fs.StringVar(&o.ifName, "ifname", "eth0", "interface name inside the container")
	fs.StringVar(&pluginDir, "plugin-dir", "", "plugin search path, ':'-separated")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "libcni cache directory")
	fs.StringVar(&capArgs, "cap-args", "", "capability arguments as a JSON object")
	fs.StringVar(&cniArgs, "args", "", "CNI_ARGS as K=V;K=V")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "time limit for the whole operation")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() != 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.conflist == "" {
		return nil, errors.New("--conflist is required")
	}
	if verb != "validate" {
		if o.containerID == "" {
			return nil, errors.New("--container-id is required")
		}
		if o.cacheDir == "" {
			return nil, errors.New("--cache-dir is required (the machine's /var/lib/cni is never used)")
		}
		if o.netns == "" && (verb == "add" || verb == "check") {
			return nil, errors.New("--netns is required")
		}
	}
	if pluginDir == "" {
		return nil, errors.New("--plugin-dir is required")
	}
	for _, d := range filepath.SplitList(pluginDir) {
		if d != "" {
			o.pluginDirs = append(o.pluginDirs, d)
		}
	}
	if capArgs != "" {
		if err := json.Unmarshal([]byte(capArgs), &o.capArgs); err != nil {
			return nil, fmt.Errorf("--cap-args is not a JSON object: %w", err)
		}
	}
	if cniArgs != "" {
		for _, pair := range strings.Split(cniArgs, ";") {
			kv := strings.SplitN(pair, "=", 2)
			if len(kv) != 2 || kv[0] == "" {
				return nil, fmt.Errorf("--args entry %q is not K=V", pair)
			}
			o.cniArgs = append(o.cniArgs, [2]string{kv[0], kv[1]})
		}
	}
	return &o, nil
}
