using System.Runtime.Versioning;

[assembly: SupportedOSPlatform("linux")]

// One shared set of servers; tests that stop a server restore it before the next test runs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
