
namespace Podnet.Cni.Tests.Schema;

/// <summary>The JSON examples of the CNI SPEC.md v1.1.0 (comments of the jsonc example removed).</summary>
internal static class SpecExamples
{
    public const string NetworkConfiguration = """
        {
          "cniVersion": "1.1.0",
          "cniVersions": ["0.3.1", "0.4.0", "1.0.0", "1.1.0"],
          "name": "dbnet",
          "plugins": [
            {
              "type": "bridge",
              "bridge": "cni0",
              "keyA": ["some more", "plugin specific", "configuration"],
              "ipam": {
                "type": "host-local",
                "subnet": "10.1.0.0/16",
                "gateway": "10.1.0.1",
                "routes": [
                    {"dst": "0.0.0.0/0"}
                ]
              },
              "dns": {
                "nameservers": [ "10.1.0.1" ]
              }
            },
            {
              "type": "tuning",
              "capabilities": {
                "mac": true
              },
              "sysctl": {
                "net.core.somaxconn": "500"
              }
            },
            {
                "type": "portmap",
                "capabilities": {"portMappings": true}
            }
          ]
        }
        """;

    public const string BridgeResult = """
        {
            "ips": [
                {
                  "address": "10.1.0.5/16",
                  "gateway": "10.1.0.1",
                  "interface": 2
                }
            ],
            "routes": [
              {
                "dst": "0.0.0.0/0"
              }
            ],
            "interfaces": [
                {
                    "name": "cni0",
                    "mac": "00:11:22:33:44:55"
                },
                {
                    "name": "veth3243",
                    "mac": "55:44:33:22:11:11"
                },
                {
                    "name": "eth0",
                    "mac": "99:88:77:66:55:44",
                    "sandbox": "/var/run/netns/blue"
                }
            ],
            "dns": {
              "nameservers": [ "10.1.0.1" ]
            }
        }
        """;

    public const string PortmapAddRequest = """
        {
          "cniVersion": "1.1.0",
          "name": "dbnet",
          "type": "portmap",
          "runtimeConfig": {
            "portMappings" : [
              { "hostPort": 8080, "containerPort": 80, "protocol": "tcp" }
            ]
          },
          "prevResult": {
            "ips": [
                {
                  "address": "10.1.0.5/16",
                  "gateway": "10.1.0.1",
                  "interface": 2
                }
            ],
            "routes": [
              {
                "dst": "0.0.0.0/0"
              }
            ],
            "interfaces": [
                {
                    "name": "cni0",
                    "mac": "00:11:22:33:44:55"
                },
                {
                    "name": "veth3243",
                    "mac": "55:44:33:22:11:11"
                },
                {
                    "name": "eth0",
                    "mac": "00:11:22:33:44:66",
                    "sandbox": "/var/run/netns/blue"
                }
            ],
            "dns": {
              "nameservers": [ "10.1.0.1" ]
            }
          }
        }
        """;

    public const string Error = """
        {
          "cniVersion": "1.1.0",
          "code": 7,
          "msg": "Invalid Configuration",
          "details": "Network 192.168.0.0/31 too small to allocate from."
        }
        """;

    public const string Version = """
        {
            "cniVersion": "1.1.0",
            "supportedVersions": [ "0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0" ]
        }
        """;
}
