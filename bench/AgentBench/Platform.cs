// Network namespaces, netlink and /proc: this benchmark runs on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
