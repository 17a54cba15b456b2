using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "whole application";
}
