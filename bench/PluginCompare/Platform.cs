// Network namespaces, posix_spawn and wait4: this benchmark runs on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
