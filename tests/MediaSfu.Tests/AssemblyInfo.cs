using System.Runtime.Versioning;

[assembly: SupportedOSPlatform("linux")]

// Collections start whole stacks of servers; one at a time keeps a 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
