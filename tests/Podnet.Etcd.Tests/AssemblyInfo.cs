// Every test class runs its own etcd cluster; one at a time keeps elections steady on a small, shared machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
