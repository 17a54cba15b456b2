namespace WebRtcChat.Gateway.Tests.Infrastructure;

/// <summary>What a <see cref="Backend"/> saw of a request, returned as its JSON body.</summary>
public sealed record Echo(string Service, string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
