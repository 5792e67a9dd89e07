// Podnet drives Linux kernel interfaces (netlink, network namespaces, /proc/sys): it runs on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
