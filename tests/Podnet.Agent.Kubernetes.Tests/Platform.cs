// podnetd and these tests drive Linux kernel interfaces (netlink, network namespaces): Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
