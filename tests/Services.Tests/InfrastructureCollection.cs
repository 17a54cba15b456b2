using WebRtcChat.Testing;

namespace WebRtcChat.Services.Tests;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "infrastructure";
}
