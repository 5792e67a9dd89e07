package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"os"

	"github.com/containernetworking/cni/libcni"
	"github.com/containernetworking/cni/pkg/types"
)

// invocation is one runtime call: a network list, the runtime configuration and libcni.
type invocation struct {
	cni  *libcni.CNIConfig
	list *libcni.NetworkConfigList
	rt   *libcni.RuntimeConf
}

func newInvocation(o *options) (*invocation, error) {
	raw, err := ioutil.ReadFile(o.conflist)
	if err != nil {
		return nil, err
	}
	list, err := loadNetworkList(raw)
	if err != nil {
		return nil, err
	}
	return &invocation{
		cni:  libcni.NewCNIConfigWithCacheDir(o.pluginDirs, o.cacheDir, nil),
		list: list,
		rt: &libcni.RuntimeConf{
			ContainerID:    o.containerID,
			NetNS:          o.netns,
			IfName:         o.ifName,
			Args:           o.cniArgs,
			CapabilityArgs: o.capArgs,
		},
	}, nil
}

// loadNetworkList accepts a configuration list, or a single plugin configuration which
// it wraps in a list as runtimes do for *.conf files.
func loadNetworkList(raw []byte) (*libcni.NetworkConfigList, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(raw, &probe); err != nil {
		return nil, fmt.Errorf("error parsing configuration: %w", err)
	}
	if _, isList := probe["plugins"]; isList {
		return libcni.ConfListFromBytes(raw)
	}
	conf, err := libcni.ConfFromBytes(raw)
	if err != nil {
		return nil, err
	}
	return libcni.ConfListFromConf(conf)
}

func (i *invocation) add(ctx context.Context) int {
	result, err := i.cni.AddNetworkList(ctx, i.list, i.rt)
	if err != nil {
		return reportError(err)
	}
	return printResult(result)
}

func (i *invocation) check(ctx context.Context) int {
	if err := i.cni.CheckNetworkList(ctx, i.list, i.rt); err != nil {
		return reportError(err)
	}
	return 0
}

func (i *invocation) del(ctx context.Context) int {
	if err := i.cni.DelNetworkList(ctx, i.list, i.rt); err != nil {
		return reportError(err)
	}
	return 0
}

func (i *invocation) cached() int {
	result, err := i.cni.GetNetworkListCachedResult(i.list, i.rt)
	if err != nil {
		return reportError(err)
	}
	if result == nil {
		fmt.Fprintf(os.Stderr, "libcni-driver: no cached result for network %q, container %q, interface %q\n",
			i.list.Name, i.rt.ContainerID, i.rt.IfName)
		return exitNoCachedResult
	}
	return printResult(result)
}

// validate runs VERSION on every plugin of the list and prints, per plugin type, the
// versions it supports; libcni fails when one does not support the list's version.
func (i *invocation) validate(ctx context.Context) int {
	if _, err := i.cni.ValidateNetworkList(ctx, i.list); err != nil {
		return reportError(err)
	}
	supported := make(map[string][]string)
	for _, p := range i.list.Plugins {
		info, err := i.cni.GetVersionInfo(ctx, p.Network.Type)
		if err != nil {
			return reportError(err)
		}
		supported[p.Network.Type] = info.SupportedVersions()
	}
	return printJSON(supported)
}

func printResult(result types.Result) int {
	if result == nil {
		fmt.Fprintln(os.Stderr, "libcni-driver: the plugin list returned no result")
		return exitFailure
	}
	return printJSON(result)
}

func printJSON(v interface{}) int {
	data, err := json.MarshalIndent(v, "", "    ")
	if err != nil {
		return reportError(err)
	}
	if _, err := os.Stdout.Write(append(data, '\n')); err != nil {
		return exitFailure
	}
	return 0
}
