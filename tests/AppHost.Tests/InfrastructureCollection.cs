using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "infrastructure";
}
