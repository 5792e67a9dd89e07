// Each test builds its own simulated cluster with a three-member etcd cluster; two at a time suit the 2-core machine.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
// Every test here runs podnetd (or podnet) in network namespaces against etcd.
[assembly: Kernel]
