using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "infrastructure";
}
